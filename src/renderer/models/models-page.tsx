import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { routeHash } from '../app/routes';
import type { Route } from '../app/routes';
import { readJsonText } from '../../dossier/json-text';
import { formatPath } from '../../engine/errors';
import { MAX_MODEL_JSON_DEPTH } from '../../engine/model/limits';
import { ProblemsDialog } from '../dossiers/problems-dialog';
import type { FileProblem } from '../../dossier/parse-file';
import { useWorkspace } from '../dossiers/workspace-context';
import { usePlatform } from '../platform/platform-context';
import { UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { MODEL_CHECK_TIMEOUT_MS, checkModelInWorker } from '../workers/file-jobs';
import { WorkerStoppedError } from '../workers/one-shot-worker';
import { useLanguage } from '../i18n/language';
import { exampleModels, modelTypeLabel, summariseDocument } from './model-catalog';
import type { ExampleModel } from './model-catalog';
import type { StoredModel } from '../../dossier/workspace-models';
import { useCopyExample } from './example-page';
import { NewModelDialog, templateDocument, templateWords } from './new-model-dialog';
import './models.css';
import { describeProblem } from '../../report/engine-problems';
import { errorText } from '../db/errors';
import { When } from '../ui/when';

// The Models screen: the workspace's own models (kept between sessions) and the bundled examples, which are
// read-only templates ("Use this model" copies one into the workspace). Opening a model file validates it in the
// worker of its own first, with a time limit and a Cancel button (the worker is terminated, so a pathological file
// cannot keep the screen waiting); an invalid file shows every located problem and nothing is added.

export const modelFileTypes = [{ name: 'HTA Workbench model', extensions: ['json'] }];
export const maxModelBytes = 20 * 1024 * 1024;

interface Problems {
  title: string;
  intro: string;
  problems: FileProblem[];
}

export function ModelsPage({ navigate }: { navigate: (route: Route) => void }) {
  const workspace = useWorkspace();
  const platform = usePlatform();
  const toasts = useToasts();
  const models = useLiveQuery(() => workspace.models.list(), [workspace]);
  const copy = useCopyExample(navigate);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const cancelCheck = useRef<AbortController | null>(null);
  const readOnly = workspace.readOnlyReason !== null;
  const [newOpen, setNewOpen] = useState(false);
  const { t, fmt } = useLanguage();

  const openFile = async () => {
    const file = await platform.openFile({ fileTypes: modelFileTypes, maxBytes: maxModelBytes });
    if (!file.opened) {
      if (file.reason !== 'canceled') setProblems({ title: t('models.unreadableTitle'), intro: t('models.unreadableIntro'), problems: [{ path: '', message: file.message ?? file.reason, detail: file.detail }] });
      return;
    }
    // The same reader as dossier import and the CLI: line and column of a syntax error, duplicate keys refused.
    const read = readJsonText(file.content, { maxDepth: MAX_MODEL_JSON_DEPTH });
    if (!read.ok) {
      setProblems({ title: t('models.notOpenableTitle'), intro: t('models.notJson', { file: file.name }), problems: read.problems.map((p) => ({ path: p.path.length > 0 ? formatPath(p.path) : '', message: p.message, detail: p.detail })) });
      return;
    }
    const json = read.value;
    const controller = new AbortController();
    cancelCheck.current = controller;
    setChecking(file.name);
    try {
      const check = await checkModelInWorker(json, { signal: controller.signal });
      if (!check.valid) {
        setProblems({
          title: t('models.invalidTitle'),
          intro: t('models.invalidIntro', { file: file.name }),
          problems: check.issues.map((i) => ({ path: i.path, message: i.severity === 'warning' ? t('models.warning', { message: describeProblem(i, t, fmt) }) : describeProblem(i, t, fmt) })),
        });
        return;
      }
      const model = await workspace.models.create({ document: json as StoredModel['document'], origin: { kind: 'file', ref: file.name }, untitled: t('models.untitled') });
      toasts.show({ message: t('models.opened', { title: model.title }) });
      navigate({ page: 'model', modelId: model.id, tab: 'model' });
    } catch (error) {
      if (error instanceof WorkerStoppedError && error.reason === 'cancelled') {
        toasts.show({ message: t('models.checkCancelled', { file: file.name }) });
      } else if (error instanceof WorkerStoppedError) {
        setProblems({
          title: t('models.tooLongTitle'),
          intro: t('models.notOpened', { file: file.name }),
          problems: [{ path: '', message: t('models.tooLongMessage', { seconds: MODEL_CHECK_TIMEOUT_MS / 1000 }) }],
        });
      } else {
        toasts.show({ tone: 'error', message: t('models.checkFailed', { error: errorText(error, t) }) });
      }
    } finally {
      cancelCheck.current = null;
      setChecking(null);
    }
  };

  return (
    <div className="page" data-testid="models-page">
      <div className="page-header">
        <div className="page-title">
          <h1>{t('nav.models')}</h1>
          <p>{t('models.intro')}</p>
        </div>
        {!readOnly && checking !== null && (
          <div className="check-progress" role="status" data-testid="model-check-progress">
            <span className="subtle">{t('models.checking', { file: checking })}</span>
            <button type="button" className="btn" onClick={() => cancelCheck.current?.abort()} data-testid="cancel-model-check">{t('common.cancel')}</button>
          </div>
        )}
        <a className="btn" href={routeHash({ page: 'psa-results' })} data-testid="analyse-psa-results">
          {t('models.analysePsa')}
        </a>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setNewOpen(true)} data-testid="new-model">{t('models.new')}</button>
        )}
        {!readOnly && (
          <button type="button" className="btn btn-primary" onClick={() => void openFile()} disabled={checking !== null} data-testid="open-model-file">
            <UploadIcon />
            {checking !== null ? t('models.checkingShort') : t('models.openFile')}
          </button>
        )}
      </div>
      <div className="section-stack">
        <section className="card" aria-labelledby="workspace-models-title">
          <div className="card-header">
            <h2 id="workspace-models-title">{t('models.yours')}</h2>
            {models !== undefined && <span className="subtle">{models.length === 1 ? t('models.keptOne') : t('models.keptMany', { n: models.length })}</span>}
          </div>
          <div className="card-body flush">
            {models === undefined ? (
              <p className="empty">{t('common.loading')}</p>
            ) : models.length === 0 ? (
              <p className="empty" data-testid="no-workspace-models">{t('models.none')}</p>
            ) : (
              <div className="table-wrap">
              <table className="table table-fixed models-table" data-testid="workspace-models">
                <colgroup>
                  <col />
                  <col className="w-model-type" />
                  <col className="w-model-count" />
                  <col className="w-model-updated" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t('countries.modelTitle')}</th>
                    <th scope="col">{t('models.col.type')}</th>
                    <th scope="col" className="num">{t('models.col.strategies')}</th>
                    <th scope="col">{t('models.col.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {models.map((m) => {
                    const s = summariseDocument(m.document, m.title);
                    return (
                      <tr key={m.id} data-testid="workspace-model-row" data-model-id={m.id}>
                        <td className="title-cell">
                          <a href={routeHash({ page: 'model', modelId: m.id, tab: 'model' })} data-testid="open-workspace-model">{m.title}</a>
                          <div className="subtle one-line" title={s.description}>{s.description || (m.origin.ref ?? '')}</div>
                        </td>
                        <td>{modelTypeLabel(s, t)}</td>
                        <td className="num">{s.strategies}</td>
                        <td className="nowrap"><When iso={m.updatedAt} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              </div>
            )}
          </div>
        </section>
        <ExamplesTable onUse={(m) => void copy(m)} readOnly={readOnly} />
      </div>
      {newOpen && (
        <NewModelDialog
          open
          onClose={() => setNewOpen(false)}
          onCreate={async (template) => {
            const model = await workspace.models.create({ document: templateDocument(template, t) as StoredModel['document'], origin: { kind: 'template', ref: template.title } });
            toasts.show({ message: t('models.created', { title: model.title, template: t(templateWords(template.id).title) }) });
            navigate({ page: 'model', modelId: model.id, tab: 'structure' });
          }}
        />
      )}
      <ProblemsDialog title={problems?.title ?? ''} intro={problems?.intro ?? ''} problems={problems?.problems ?? null} onClose={() => setProblems(null)} />
    </div>
  );
}

function ExamplesTable({ onUse, readOnly }: { onUse: (m: ExampleModel) => void; readOnly: boolean }) {
  const { t } = useLanguage();
  return (
    <section className="card" aria-labelledby="example-models-title">
      <div className="card-header">
        <h2 id="example-models-title">{t('models.examples')}</h2>
        <span className="subtle">{t('models.examplesNote', { n: exampleModels.length })}</span>
      </div>
      <div className="card-body flush table-wrap">
        <table className="table table-fixed models-table" data-testid="example-models">
          <colgroup>
            <col />
            <col className="w-model-type" />
            <col className="w-model-count" />
            <col className="w-model-bia" />
            <col className="w-model-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('countries.modelTitle')}</th>
              <th scope="col">{t('models.col.type')}</th>
              <th scope="col" className="num">{t('models.col.strategies')}</th>
              <th scope="col">{t('models.col.budget')}</th>
              <th scope="col" className="actions"><span className="visually-hidden">{t('models.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {exampleModels.map((m) => (
              <tr key={m.id} data-testid="model-row" data-model-id={m.id}>
                <td className="title-cell">
                  <a href={routeHash({ page: 'example', exampleId: m.id, tab: 'model' })} data-testid="open-model">{m.title}</a>
                  <div className="subtle one-line" title={m.description || m.fileName}>{m.description || m.fileName}</div>
                </td>
                <td>{modelTypeLabel(m, t)}</td>
                <td className="num">{m.strategies}</td>
                <td>{m.hasBudgetImpact ? <span className="badge badge-info">{t('models.included')}</span> : <span className="subtle">—</span>}</td>
                <td className="actions">
                  {!readOnly && (
                    <button type="button" className="btn btn-sm" onClick={() => onUse(m)} aria-label={t('models.useLabel', { title: m.title })} data-testid="use-example">
                      {t('models.use')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

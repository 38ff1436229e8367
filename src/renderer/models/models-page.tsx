import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { routeHash } from '../app/routes';
import type { Route } from '../app/routes';
import { readJsonText } from '../../dossier/json-text';
import { formatPath } from '../../engine/errors';
import { MAX_MODEL_JSON_DEPTH } from '../../engine/model/limits';
import { ProblemsDialog } from '../dossiers/problems-dialog';
import { useWorkspace } from '../dossiers/workspace-context';
import { usePlatform } from '../platform/platform-context';
import { UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { MODEL_CHECK_TIMEOUT_MS, checkModelInWorker } from '../workers/file-jobs';
import { WorkerStoppedError } from '../workers/one-shot-worker';
import { formatDateTime } from '../../report/format';
import { exampleModels, modelTypeLabel, summariseDocument } from './model-catalog';
import type { ExampleModel } from './model-catalog';
import type { StoredModel } from '../../dossier/workspace-models';
import { useCopyExample } from './example-page';
import { NewModelDialog } from './new-model-dialog';
import './models.css';

// The Models screen: the workspace's own models (kept between sessions) and the bundled examples, which are
// read-only templates ("Use this model" copies one into the workspace). Opening a model file validates it in the
// worker of its own first, with a time limit and a Cancel button (the worker is terminated, so a pathological file
// cannot keep the screen waiting); an invalid file shows every located problem and nothing is added.

export const modelFileTypes = [{ name: 'HTA Workbench model', extensions: ['json'] }];
export const maxModelBytes = 20 * 1024 * 1024;

interface Problems {
  title: string;
  intro: string;
  problems: { path: string; message: string }[];
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

  const openFile = async () => {
    const file = await platform.openFile({ fileTypes: modelFileTypes, maxBytes: maxModelBytes });
    if (!file.opened) {
      if (file.reason !== 'canceled') setProblems({ title: 'The file could not be read', intro: 'HTA Workbench could not read the file you chose.', problems: [{ path: '', message: file.message ?? file.reason }] });
      return;
    }
    // The same reader as dossier import and the CLI: line and column of a syntax error, duplicate keys refused.
    const read = readJsonText(file.content, { maxDepth: MAX_MODEL_JSON_DEPTH });
    if (!read.ok) {
      setProblems({ title: 'This file cannot be opened', intro: `${file.name} is not valid JSON.`, problems: read.problems.map((p) => ({ path: p.path.length > 0 ? formatPath(p.path) : '', message: p.message })) });
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
          title: 'This model cannot be opened',
          intro: `${file.name} is not a valid HTA Workbench model. Nothing was added to the workspace.`,
          problems: check.issues.map((i) => ({ path: i.path, message: i.severity === 'warning' ? `Warning: ${i.message}` : i.message })),
        });
        return;
      }
      const model = await workspace.models.create({ document: json as StoredModel['document'], origin: { kind: 'file', ref: file.name } });
      toasts.show({ message: `Opened “${model.title}”; it is now in your workspace.` });
      navigate({ page: 'model', modelId: model.id, tab: 'model' });
    } catch (error) {
      if (error instanceof WorkerStoppedError && error.reason === 'cancelled') {
        toasts.show({ message: `Checking ${file.name} was cancelled. The file was not opened.` });
      } else if (error instanceof WorkerStoppedError) {
        setProblems({
          title: 'This model took too long to check',
          intro: `${file.name} was not opened.`,
          problems: [{ path: '', message: `Checking was stopped after ${MODEL_CHECK_TIMEOUT_MS / 1000} seconds. The file may be too large or too deeply nested for HTA Workbench.` }],
        });
      } else {
        toasts.show({ tone: 'error', message: `Checking the model failed: ${error instanceof Error ? error.message : String(error)}` });
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
          <h1>Models</h1>
          <p>Cost-effectiveness and budget impact models: edit them, run the base case, sensitivity analyses and budget impact, and keep the results.</p>
        </div>
        {!readOnly && checking !== null && (
          <div className="check-progress" role="status" data-testid="model-check-progress">
            <span className="subtle">Checking {checking}…</span>
            <button type="button" className="btn" onClick={() => cancelCheck.current?.abort()} data-testid="cancel-model-check">Cancel</button>
          </div>
        )}
        <a className="btn" href={routeHash({ page: 'psa-results' })} data-testid="analyse-psa-results">
          Analyse PSA results…
        </a>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setNewOpen(true)} data-testid="new-model">New model…</button>
        )}
        {!readOnly && (
          <button type="button" className="btn btn-primary" onClick={() => void openFile()} disabled={checking !== null} data-testid="open-model-file">
            <UploadIcon />
            {checking !== null ? 'Checking…' : 'Open model file…'}
          </button>
        )}
      </div>
      <div className="section-stack">
        <section className="card" aria-labelledby="workspace-models-title">
          <div className="card-header">
            <h2 id="workspace-models-title">Your models</h2>
            <span className="subtle">{models === undefined ? '' : models.length === 1 ? '1 model' : `${models.length} models`} · kept in this workspace</span>
          </div>
          <div className="card-body flush">
            {models === undefined ? (
              <p className="empty">Loading…</p>
            ) : models.length === 0 ? (
              <p className="empty" data-testid="no-workspace-models">No models yet. “Use this model” on a bundled example below, or open a model file.</p>
            ) : (
              <table className="table table-fixed" data-testid="workspace-models">
                <colgroup>
                  <col />
                  <col className="w-model-type" />
                  <col className="w-model-count" />
                  <col className="w-model-updated" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="num">Strategies</th>
                    <th scope="col">Last changed</th>
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
                        <td>{modelTypeLabel(s)}</td>
                        <td className="num">{s.strategies}</td>
                        <td className="nowrap">{formatDateTime(m.updatedAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
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
            const model = await workspace.models.create({ document: template.create() as StoredModel['document'], origin: { kind: 'template', ref: template.title } });
            toasts.show({ message: `Created “${model.title}” from the ${template.title} template.` });
            navigate({ page: 'model', modelId: model.id, tab: 'structure' });
          }}
        />
      )}
      <ProblemsDialog title={problems?.title ?? ''} intro={problems?.intro ?? ''} problems={problems?.problems ?? null} onClose={() => setProblems(null)} />
    </div>
  );
}

function ExamplesTable({ onUse, readOnly }: { onUse: (m: ExampleModel) => void; readOnly: boolean }) {
  return (
    <section className="card" aria-labelledby="example-models-title">
      <div className="card-header">
        <h2 id="example-models-title">Bundled examples</h2>
        <span className="subtle">{exampleModels.length} read-only templates, each reproduced by a test against its published source</span>
      </div>
      <div className="card-body flush">
        <table className="table table-fixed" data-testid="example-models">
          <colgroup>
            <col />
            <col className="w-model-type" />
            <col className="w-model-count" />
            <col className="w-model-bia" />
            <col className="w-model-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">Strategies</th>
              <th scope="col">Budget impact</th>
              <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {exampleModels.map((m) => (
              <tr key={m.id} data-testid="model-row" data-model-id={m.id}>
                <td className="title-cell">
                  <a href={routeHash({ page: 'example', exampleId: m.id, tab: 'model' })} data-testid="open-model">{m.title}</a>
                  <div className="subtle one-line" title={m.description || m.fileName}>{m.description || m.fileName}</div>
                </td>
                <td>{modelTypeLabel(m)}</td>
                <td className="num">{m.strategies}</td>
                <td>{m.hasBudgetImpact ? <span className="badge badge-info">Included</span> : <span className="subtle">—</span>}</td>
                <td className="actions">
                  {!readOnly && (
                    <button type="button" className="btn btn-sm" onClick={() => onUse(m)} aria-label={`Use ${m.title} as a model in your workspace`} data-testid="use-example">
                      Use this model
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

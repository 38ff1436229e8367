import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RankedFit } from '../../engine/survival-fit/fit-all';
import type { FitIntoModelOptions } from '../../engine/survival-fit/fit-into-model';
import { routeHash } from '../app/routes';
import { exampleModels, summariseDocument } from '../models/model-catalog';
import { useWorkspace } from '../dossiers/workspace-context';
import type { StoredModel } from '../../dossier/workspace-models';
import { usePlatform } from '../platform/platform-context';
import { ProblemsDialog } from '../dossiers/problems-dialog';
import { SelectField, TextField } from '../ui/fields';
import { useToasts } from '../ui/toasts';
import { engineWorker } from '../workers/engine-client';
import { formatEstimate } from './survival-format';
import { useLanguage } from '../i18n/language';
import type { Translate } from '../../report/i18n/translate';
import { distributionLabel, fitChangeWords, fitProblemRow, fitRefusalWords, fitWarningLine, fitWords, textWithFamily } from './survival-words';
import { errorText } from '../db/errors';

// The chosen fit: its estimates and covariance on the estimation scale, and the ways into a model. The model
// transform is the engine's (fit-into-model.ts); the result is a new workspace model (a copy of the chosen workspace
// model or bundled example, which stays as it was), and the fit can also be downloaded as a JSON snippet to paste.

export type TimeUnit = FitIntoModelOptions['timeUnit'];

export interface FitContext {
  dataset: string;
  n: number;
  events: number;
  candidates: number;
  timeUnit: TimeUnit;
}

const ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Partitioned-survival sub-models of a decision tree (read defensively: the file is validated later). */
function psmSubmodels(json: unknown): string[] {
  const model = (json as { model?: { type?: string; submodels?: Record<string, { type?: string }> } } | null)?.model;
  if (model?.type !== 'tree' || !model.submodels) return [];
  return Object.entries(model.submodels)
    .filter(([, sub]) => sub?.type === 'psm')
    .map(([id]) => id);
}

interface TargetModel {
  /** "ws:<id>" for a workspace model, "ex:<id>" for a bundled example. */
  key: string;
  title: string;
  type: string;
  document: StoredModel['document'];
}

function targetModels(stored: readonly StoredModel[] | undefined, t: Translate): TargetModel[] {
  const own = (stored ?? []).map((m) => ({ key: `ws:${m.id}`, title: m.title, type: summariseDocument(m.document).type, document: m.document }));
  const examples = exampleModels.map((e) => ({ key: `ex:${e.id}`, title: t('survival.use.bundled', { title: e.title }), type: e.type, document: e.document }));
  return [...own, ...examples].filter((m) => m.type === 'psm' || m.type === 'tree' || m.type === 'markov');
}

export function UseFitPanel({ fit, context }: { fit: RankedFit; context: FitContext }) {
  const platform = usePlatform();
  const toasts = useToasts();
  const { t, fmt } = useLanguage();
  const label = distributionLabel(t, fit.distribution);
  const workspace = useWorkspace();
  const stored = useLiveQuery(() => workspace.models.list(), [workspace]);
  const models = targetModels(stored, t);
  const [curveId, setCurveId] = useState('os');
  const [role, setRole] = useState<'none' | 'pfs' | 'os'>('os');
  // Default to a model that has survival curves (partitioned survival, or a tree with such sub-models).
  const [modelChoice, setModelId] = useState('');
  const modelId = models.some((m) => m.key === modelChoice) ? modelChoice : ((models.find((m) => m.type === 'psm' || psmSubmodels(m.document).length > 0) ?? models[0])?.key ?? '');
  const submodels = psmSubmodels(models.find((m) => m.key === modelId)?.document);
  const [submodelChoice, setSubmodel] = useState('');
  const submodel = submodels.includes(submodelChoice) ? submodelChoice : (submodels[0] ?? '');
  const [problems, setProblems] = useState<{ path: string; message: string }[] | null>(null);
  const [result, setResult] = useState<{ id: string; title: string; changes: string[]; json: unknown; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const idError = ID.test(curveId) ? undefined : t('survival.use.curveIdError');

  const options = (): FitIntoModelOptions => {
    const provenance = { dataset: context.dataset, n: context.n, events: context.events, aicRank: fit.aicRank ?? 0, candidates: context.candidates };
    return {
      curveId,
      timeUnit: context.timeUnit,
      role: role === 'none' ? undefined : role,
      submodel: submodel || undefined,
      provenance,
      words: fitWords(t, fmt, fit, { curveId, timeUnit: context.timeUnit, provenance }),
    };
  };

  const downloadSnippet = async () => {
    const outcome = await engineWorker().survivalFitFragment(fit, options());
    if (!outcome.ok) {
      toasts.show({ tone: 'error', message: fitRefusalWords(t, fmt, outcome) });
      return;
    }
    const { parameters, jointDistributions, curve } = outcome.fragment;
    const snippet = { parameters, jointDistributions, curves: { [curveId]: curve } };
    await platform.saveFile({
      suggestedName: `${curveId}-${fit.distribution}-fit.json`,
      content: `${JSON.stringify(snippet, null, 2)}\n`,
      mimeType: 'application/json',
      fileTypes: [{ name: 'JSON', extensions: ['json'] }],
    });
  };

  const addToModel = async () => {
    const target = models.find((m) => m.key === modelId);
    if (!target || busy) return;
    setBusy(true);
    try {
      const outcome = await engineWorker().applySurvivalFit(target.document, fit, options());
      if (!outcome.ok) {
        setProblems(outcome.problems.length > 0 ? outcome.problems.map((issue) => fitProblemRow(t, fmt, issue)) : [{ path: '', message: fitRefusalWords(t, fmt, outcome) }]);
        return;
      }
      const title = textWithFamily(t, fit.distribution, 'survival.use.copyTitle', { model: summariseDocument(target.document, target.title).title, curve: curveId }, 'fit');
      const model = await workspace.models.create({ document: outcome.model as StoredModel['document'], origin: { kind: 'copy', ref: target.title }, title });
      const fileName = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'model'}.json`;
      setResult({ id: model.id, title: model.title, changes: [...outcome.changes.map((change) => fitChangeWords(t, fmt, change)), ...outcome.warnings.map((issue) => fitWarningLine(t, fmt, issue))], json: outcome.model, fileName });
      toasts.show({ message: textWithFamily(t, fit.distribution, 'survival.use.added', { title: target.title }) });
    } catch (error) {
      toasts.show({ tone: 'error', message: t('survival.use.saveFailed', { message: errorText(error, t) }) });
    } finally {
      setBusy(false);
    }
  };

  const downloadModel = async () => {
    if (!result) return;
    await platform.saveFile({ suggestedName: result.fileName, content: `${JSON.stringify(result.json, null, 2)}\n`, mimeType: 'application/json', fileTypes: [{ name: 'HTA Workbench model', extensions: ['json'] }] });
  };

  const names = fit.estimationScale.names;
  return (
    <div className="use-fit" data-testid="use-fit-panel">
      <div className="use-fit-estimates">
        <h3>{t('survival.use.estimates', { label })}</h3>
        <p className="subtle">
          {names.length > 1
            ? t('survival.use.multi')
            : t('survival.use.single', { name: names[0] ?? '', parameter: fit.estimationScale.names[0]!.replace(/^log\((.*)\)$/, '$1') })}
        </p>
        <table className="table covariance-table" data-testid="covariance-table">
          <thead>
            <tr>
              <th scope="col">{t('survival.use.estimate')}</th>
              <th scope="col" className="num">{t('survival.use.value')}</th>
              <th scope="col" className="num">{t('survival.use.se')}</th>
              {names.map((n) => <th key={n} scope="col" className="num">{t('survival.use.covWith', { name: n })}</th>)}
            </tr>
          </thead>
          <tbody>
            {names.map((n, i) => (
              <tr key={n}>
                <th scope="row">{n}</th>
                <td className="num">{formatEstimate(fit.estimationScale.estimates[i])}</td>
                <td className="num">{formatEstimate(fit.covariance ? Math.sqrt(fit.covariance[i]![i]!) : null)}</td>
                {names.map((m, j) => <td key={m} className="num">{formatEstimate(fit.covariance?.[i]?.[j])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="use-fit-actions">
        <h3>{t('survival.use.title')}</h3>
        <div className="form-row">
          <TextField label={t('survival.use.curveId')} value={curveId} onChange={setCurveId} error={idError} hint={t('survival.use.parameters', { names: `${curveId}_${fit.estimationScale.names.length > 1 ? '…' : 'rate'}` })} testId="curve-id" className="field-short-wide" />
          <SelectField
            label={t('survival.use.role')}
            value={role}
            onChange={setRole}
            options={[
              { value: 'os', label: t('survival.use.os') },
              { value: 'pfs', label: t('survival.use.pfs') },
              { value: 'none', label: t('survival.use.curveOnly') },
            ]}
          />
        </div>
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => void downloadSnippet()} disabled={!!idError} data-testid="download-snippet">
            {t('survival.use.snippet')}
          </button>
        </div>
        <div className="form-row form-row-end">
          <SelectField label={t('survival.use.model')} value={modelId} onChange={setModelId} options={models.map((m) => ({ value: m.key, label: m.title }))} testId="target-model" className="field-grow" />
          {submodels.length > 0 && (
            <SelectField label={t('survival.use.submodel')} value={submodel} onChange={setSubmodel} options={submodels.map((id) => ({ value: id, label: id }))} testId="target-submodel" />
          )}
          {/* Busy: aria-disabled, not disabled, so the focus stays on it (and returns to it from the problems dialog). */}
          <button type="button" className="btn btn-primary" onClick={() => void addToModel()} disabled={!!idError || !modelId} aria-disabled={busy || undefined} data-testid="add-to-model">
            {busy ? t('survival.use.adding') : t('survival.use.add')}
          </button>
        </div>
        {result && (
          <div className="notice notice-info notice-stacked" data-testid="add-result">
            <p>
              {t('survival.use.resultHas', { model: '\u0000' }).split('\u0000').flatMap((part, i) => (i === 0 ? [part] : [<a key="model" href={routeHash({ page: 'model', modelId: result.id, tab: 'model' })}>{result.title}</a>, part]))}
            </p>
            <ul className="plain-list">
              {result.changes.map((c) => <li key={c}>{c}</li>)}
            </ul>
            <button type="button" className="btn btn-sm" onClick={() => void downloadModel()}>{t('survival.use.downloadModel')}</button>
          </div>
        )}
      </div>
      <ProblemsDialog title={t('survival.use.problemsTitle')} intro={t('survival.use.problemsIntro')} problems={problems} onClose={() => setProblems(null)} />
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { BaseCaseOutcome } from '../../engine/analysis/base-case';
import { deadStateIds, progressionFreeStateIds } from '../../engine/analysis/dead-states';
import type { UncertaintyChange } from '../../engine/model/document-edits';
import type { ModelDocument } from './use-model-document';
import { problemSubject } from './problem-subject';
import type { HtaModel, Parameter } from '../../engine/model/schema';
import { parameterSchema } from '../../engine/model/schema';
import { jointDistributionSchema } from '../../engine/uncertainty/distribution-schema';
import { effectNoun, formatMoney, formatNumber } from '../settings/display-format';
import type { NumberFormats } from '../../report/format';
import { useLanguage } from '../i18n/language';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { settingsRows } from '../../report/model-description';
import { BaseCaseCharts, BaseCaseTables } from '../results/base-case-panel';
import { BudgetPanel } from '../results/budget-panel';
import type { BudgetState } from '../results/budget-panel';
import type { RunContext } from '../results/run-status';
import { StrategyDetailsPanel } from '../results/strategy-details-panel';
import { ThresholdSection } from '../results/threshold-section';
import { TwoWaySection } from '../results/two-way-section';
import { UncertaintyPanel } from '../results/uncertainty-panel';
import { VoiSection } from '../results/voi-section';
import { ScenariosPanel } from '../scenarios/scenarios-panel';
import { engineWorker } from '../workers/engine-client';
import { ParameterTable } from './parameter-table';
import { StructureDiagramView } from './structure-diagram-view';
import type { ModelEvaluation } from './use-model-evaluation';
import './models.css';
import { describeProblem } from '../../report/engine-problems';
import type { ProblemDetail } from '../../shared/problem-detail';

// The tabs of one model, for a workspace model (editable, runs stored) and for a bundled example (read-only):
// settings and parameters, base-case results, uncertainty, budget impact, and for workspace models the versions,
// stored runs and edit history. Panels stay mounted once visited so their state survives switching tabs.

export interface ModelTab {
  id: string;
  label: MessageKey;
}

export function modelTabs(hasBudgetImpact: boolean, withVersions: boolean): ModelTab[] {
  return [
    { id: 'model', label: 'model.tab.model' },
    { id: 'structure', label: 'model.tab.structure' },
    { id: 'results', label: 'model.tab.results' },
    { id: 'uncertainty', label: 'model.tab.uncertainty' },
    { id: 'scenarios', label: 'model.tab.scenarios' },
    ...(hasBudgetImpact ? [{ id: 'budget', label: 'model.tab.budget' as const }] : []),
    ...(withVersions ? [{ id: 'versions', label: 'model.tab.versions' as const }] : []),
  ];
}

/** "€40,032 per QALY" in the display language (a dash when there is no ratio). */
export function icerWords(value: number | null | undefined, currency: string | undefined, effect: 'qalys' | 'life-years', t: Translate, fmt: NumberFormats): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return t(effect === 'qalys' ? 'threshold.perQaly' : 'threshold.perLifeYear', { amount: fmt.money(value, currency) });
}

export interface ModelViewProps {
  /** The current document (parameters are read from it directly, so the table never lags an edit). */
  document: Record<string, unknown>;
  evaluation: ModelEvaluation;
  tab: string;
  onTab: (tab: string) => void;
  readOnly: boolean;
  onSetValue: (id: string, value: number) => void;
  onSetUncertainty: (id: string, change: UncertaintyChange) => void;
  /** Edits an expression parameter's formula in the parameter table (workspace models). */
  onSetDefinition?: (id: string, definition: string | number) => void;
  /** Renames a parameter with every reference, from the parameter table (workspace models). */
  onRenameParameter?: (from: string, to: string) => void;
  /** Any other edit of the document (named scenarios); absent for a read-only example. */
  onEditDocument?: (change: (doc: ModelDocument) => ModelDocument) => void;
  /** Stores and shows runs (workspace models); null for a bundled example. */
  runs: RunContext | null;
  /** What the uncertainty tab shows for a bundled example (the "Use this model" offer). */
  templateUncertainty?: ReactNode;
  /** Cards above the parameters (linked dossiers). */
  modelCards?: ReactNode;
  versions?: ReactNode;
  /** Editors of states, transitions, settings and strategies (workspace models); also shown when the model is invalid. */
  structureEditor?: ReactNode;
  hasBudgetImpact: boolean;
}

export function ModelView(props: ModelViewProps) {
  const { evaluation, runs, tab, onTab } = props;
  const { t } = useLanguage();
  const model = evaluation.check?.model ?? null;
  const tabs = modelTabs(props.hasBudgetImpact, props.versions !== undefined);
  const active = tabs.some((x) => x.id === tab) ? tab : 'model';
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));
  const budget = useBudget(model, evaluation, props.hasBudgetImpact && visited.has('budget'), runs);
  useStoredBaseCase(evaluation, runs);
  const table = useParameterTableInput(props.document, model, evaluation);

  return (
    <>
      {evaluation.checkError && <div className="notice notice-error" role="alert">{t('model.checkError', { error: evaluation.checkError })}</div>}
      {evaluation.check && !evaluation.check.valid && <InvalidModel issues={evaluation.check.issues} document={evaluation.checked} />}
      {!evaluation.check && !evaluation.checkError && <p className="empty" role="status">{t('model.checkingModel')}</p>}
      {/* With a structure editor the tabs stay while the model is invalid, so the editor keeps its place (and focus) as
          edits make the model valid or not; the other tabs then wait for a valid model. */}
      {(model || (evaluation.check && props.structureEditor)) && (
        <>
          {model && <BaseCaseStrip model={model} evaluation={evaluation} />}
          <Tabs tabs={tabs} active={active} onTab={onTab} />
          {tabs.map((panel) =>
            visited.has(panel.id) ? (
              <div key={panel.id} role="tabpanel" id={`panel-${panel.id}`} aria-labelledby={`tab-${panel.id}`} hidden={panel.id !== active} className="tab-panel" data-testid={`model-panel-${panel.id}`}>
                {panel.id === 'structure' ? (
                  <div className="section-stack">
                    {model && <StructureDiagramView model={model} />}
                    {props.structureEditor}
                  </div>
                ) : panel.id === 'model' ? (
                  // One table for a valid and an invalid model (the same element, so an edit that breaks or mends the
                  // model keeps the focus in it): an invalid model keeps its parameters here, a bad expression is fixed here.
                  <div className="section-stack">
                    {model && <SettingsCard model={model} />}
                    {props.modelCards}
                    <ParameterTable
                      {...table}
                      readOnly={props.readOnly}
                      onSetValue={props.onSetValue}
                      onSetUncertainty={props.onSetUncertainty}
                      {...(props.onSetDefinition ? { onSetDefinition: props.onSetDefinition } : {})}
                      {...(props.onRenameParameter ? { rename: { document: props.document, onRename: props.onRenameParameter } } : {})}
                    />
                  </div>
                ) : !model ? (
                  <p className="empty">{t('model.waitValid')}</p>
                ) : (
                  <>
                    {panel.id === 'results' && (
                      // Results of the previous document stay on screen while the edited one is evaluated, dimmed and
                      // marked busy so neither a reader nor a test takes them for the current ones.
                      <div className={evaluation.updating ? 'results-updating' : undefined} aria-busy={evaluation.updating} data-testid="results-current">
                        <ResultsTab model={model} outcome={evaluation.baseCase?.outcome} />
                      </div>
                    )}
                    {panel.id === 'uncertainty' && (runs ? (
                      <div className="section-stack">
                        <UncertaintyPanel ctx={runs} model={model} />
                        <VoiSection ctx={runs} model={model} />
                        <TwoWaySection ctx={runs} model={model} ranges={evaluation.check?.ranges ?? []} />
                        <ThresholdSection ctx={runs} model={model} ranges={evaluation.check?.ranges ?? []} />
                      </div>
                    ) : props.templateUncertainty)}
                    {panel.id === 'scenarios' && (runs && props.onEditDocument ? (
                      <ScenariosPanel ctx={runs} model={model} document={props.document as ModelDocument} readOnly={props.readOnly} onEdit={props.onEditDocument} />
                    ) : props.templateUncertainty)}
                    {panel.id === 'budget' && <BudgetPanel budget={budget} updating={budget !== null && budget.document !== evaluation.checked} />}
                  </>
                )}
                {panel.id === 'versions' && props.versions}
              </div>
            ) : null,
          )}
        </>
      )}
    </>
  );
}

/** Stores the base case of each new document as the model's latest base-case run (workspace models only). */
function useStoredBaseCase(evaluation: ModelEvaluation, runs: RunContext | null): void {
  const storedFor = useRef<string | null>(null);
  const { t } = useLanguage();
  const baseCase = evaluation.baseCase;
  const upToDate = !evaluation.updating && runs !== null && runs.model !== null;
  useEffect(() => {
    if (!runs || !upToDate || !baseCase?.outcome.ok || storedFor.current === runs.hash) return;
    storedFor.current = runs.hash;
    const { outcome, startedAt, durationMs } = baseCase;
    void runs.store
      .addRun({ modelId: runs.modelId, kind: 'base-case', label: t('run.kind.base-case'), modelHash: runs.hash, startedAt, durationMs, status: 'complete', inputs: {}, results: outcome }, { replaceSameKind: true })
      .catch(() => {
        // The read-only banner or the save indicator already tells why nothing is written.
        storedFor.current = null;
      });
  }, [runs, upToDate, baseCase, t]);
}

/** Runs the budget impact analysis (in the worker) once its tab is opened, and again after each change. */
function useBudget(model: HtaModel | null, evaluation: ModelEvaluation, wanted: boolean, runs: RunContext | null): BudgetState | null {
  const [budget, setBudget] = useState<BudgetState | null>(null);
  const { t } = useLanguage();
  const document = evaluation.checked;
  const hash = runs?.hash;
  useEffect(() => {
    if (!model || !wanted) return;
    let live = true;
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    engineWorker()
      .runBudget(model)
      .then((out) => {
        if (!live) return;
        setBudget(out.ok ? { report: out.report, problems: [], document } : { report: null, problems: out.problems, document });
        if (out.ok && runs && hash && !evaluation.updating) {
          void runs.store
            .addRun({ modelId: runs.modelId, kind: 'budget-impact', label: out.report.label ?? t('run.kind.budget-impact'), modelHash: hash, startedAt, durationMs: performance.now() - t0, status: 'complete', inputs: {}, results: out.report }, { replaceSameKind: true })
            .catch(() => undefined);
        }
      })
      .catch((e: unknown) => live && setBudget({ report: null, problems: [{ path: '', message: e instanceof Error ? e.message : String(e) }], document }));
    return () => {
      live = false;
    };
    // A new checked model (after an edit) or opening the tab runs it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, wanted]);
  return budget;
}

function Tabs({ tabs, active, onTab }: { tabs: ModelTab[]; active: string; onTab: (id: string) => void }) {
  const { t } = useLanguage();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End' || delta !== 0) {
      event.preventDefault();
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : (index + delta + tabs.length) % tabs.length;
      onTab(tabs[next]!.id);
      refs.current.get(tabs[next]!.id)?.focus();
    }
  };
  return (
    <div className="model-tabs" role="tablist" aria-label={t('model.tabsLabel')}>
      {tabs.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => { if (el) refs.current.set(tab.id, el); }}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          className="model-tab"
          onClick={() => onTab(tab.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
          data-testid={`model-tab-${tab.id}`}
        >
          {t(tab.label)}
        </button>
      ))}
    </div>
  );
}

function InvalidModel({ issues, document }: { issues: { path: string; message: string; severity: string; code?: string; params?: Record<string, string | number>; detail?: ProblemDetail }[]; document: unknown }) {
  const { t, fmt } = useLanguage();
  return (
    <section className="card" data-testid="model-invalid">
      <div className="card-header"><h2>{t('model.problemsTitle')}</h2><span className="subtle">{t('model.problemsFound', { n: issues.length })}</span></div>
      <div className="card-body">
        <ul className="problem-list">
          {issues.map((i, k) => {
            const subject = problemSubject(document, i.path);
            return <li key={k} data-testid="model-problem"><span className="problem-path">{subject && <strong className="problem-subject" data-user-content>{subject}</strong>}{i.path}</span><span>{i.severity === 'warning' ? t('models.warning', { message: describeProblem(i, t, fmt) }) : describeProblem(i, t, fmt)}</span></li>;
          })}
        </ul>
      </div>
    </section>
  );
}

type Issue = { path: string; message: string; severity: string; code?: string; params?: Record<string, string | number>; detail?: ProblemDetail };

/**
 * What the parameter table shows. A valid model: every parameter of the document, with the checked model's joint
 * distributions, ranges and base-case values. An invalid one: the parameters whose own entry is well formed (as the
 * file format defines one; a malformed entry is left to the problem list and the Structure tab, which edit any
 * document), no values until the model runs again, and each parameter's problems under its row.
 */
function useParameterTableInput(document: Record<string, unknown>, model: HtaModel | null, evaluation: ModelEvaluation) {
  const { t, fmt } = useLanguage();
  const raw = useMemo(() => (Array.isArray(document.parameters) ? (document.parameters as unknown[]) : []), [document]);
  const check = evaluation.check;
  const issues = useMemo((): readonly Issue[] | null => (model ? null : (check?.issues ?? [])), [model, check]);
  const parameters = useMemo(() => (issues ? raw.filter((p) => parameterSchema.safeParse(p).success) : raw) as Parameter[], [raw, issues]);
  const jointDistributions = useMemo(
    () => model?.jointDistributions ?? (Array.isArray(document.jointDistributions) ? document.jointDistributions : []).flatMap((j) => jointDistributionSchema.safeParse(j).data ?? []),
    [model, document],
  );
  const problems = useMemo(() => {
    const out = new Map<string, string>();
    for (const issue of issues ?? []) {
      const index = /^parameters\[(\d+)\]/.exec(issue.path)?.[1];
      const entry = index === undefined ? undefined : raw[Number(index)];
      const id = entry && typeof entry === 'object' && 'id' in entry ? String(entry.id) : undefined;
      if (id === undefined) continue;
      const words = issue.severity === 'warning' ? t('models.warning', { message: describeProblem(issue, t, fmt) }) : describeProblem(issue, t, fmt);
      out.set(id, out.has(id) ? `${out.get(id)!} ${words}` : words);
    }
    return out;
  }, [issues, raw, t, fmt]);
  return {
    parameters,
    jointDistributions,
    ranges: evaluation.check?.ranges ?? [],
    values: model && evaluation.baseCase?.outcome.ok ? evaluation.baseCase.outcome.parameterValues : null,
    problems,
  };
}

function SettingsCard({ model }: { model: HtaModel }) {
  const { t, fmt } = useLanguage();
  const rows = settingsRows(model, fmt, t);
  return (
    <section className="card" aria-labelledby="settings-title" data-testid="model-settings">
      <div className="card-header"><h2 id="settings-title">{t('model.settings')}</h2></div>
      <div className="card-body settings-body">
        <dl className="settings-grid">
          {rows.map((r) => (
            <div key={r.label} className="setting">
              <dt>{r.label}</dt>
              <dd data-testid={`setting-${r.label.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{r.value}</dd>
            </div>
          ))}
        </dl>
        {model.metadata.description && <p className="model-description">{model.metadata.description}</p>}
      </div>
    </section>
  );
}

/** Always-visible summary of the base case, so an edit's effect shows on every tab. */
export function BaseCaseStrip({ model, evaluation }: { model: HtaModel; evaluation: ModelEvaluation }) {
  const outcome: BaseCaseOutcome | undefined = evaluation.baseCase?.outcome;
  const currency = model.settings.currency;
  const { t, fmt } = useLanguage();
  let content: ReactNode;
  if (!outcome) content = <span className="subtle">{t('model.runningBaseCase')}</span>;
  else if (!outcome.ok) {
    content = (
      <div className="strip-error" role="alert" data-testid="base-case-error">
        <strong>{t('model.cannotEvaluate')}</strong>
        <ul className="plain-list">{outcome.problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{describeProblem(p, t, fmt)}</li>)}</ul>
      </div>
    );
  } else {
    content = (
      <ul className="strip-items">
        {outcome.incremental.map((r) => (
          <li key={r.id} className="strip-item" data-testid="strip-item">
            <span className="strip-label">{r.label ?? r.id}</span>
            <span className="strip-values">
              {formatMoney(r.cost, currency)} · {formatNumber(r.effect, 3)} {effectNoun(outcome.effect, t)}
            </span>
            <span className="strip-icer" data-testid="strip-icer">
              {r.status === 'reference' ? t('model.reference') : r.status === 'nondominated' ? t('model.icer', { icer: icerWords(r.icer, currency, outcome.effect, t, fmt) }) : r.status === 'dominated' ? t('model.dominated') : t('model.extendedlyDominated')}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="base-strip" aria-label={t('model.stripLabel')} aria-busy={evaluation.updating} data-testid="base-case-strip">
      <div className="strip-head">
        <span className="strip-title">{t('run.kind.base-case')}</span>
        <span className="subtle" aria-live="polite">{evaluation.updating ? t('model.updating') : t('model.upToDate')}</span>
      </div>
      {content}
    </section>
  );
}

function ResultsTab({ model, outcome }: { model: HtaModel; outcome: BaseCaseOutcome | undefined }) {
  const deadStates = useMemo(() => deadStateIds(model), [model]);
  const progressionFreeStates = useMemo(() => progressionFreeStateIds(model), [model]);
  const { t } = useLanguage();
  if (!outcome) return <p className="empty" role="status">{t('model.runningBaseCase')}</p>;
  if (!outcome.ok) return <p className="empty">{t('model.noResults')}</p>;
  return (
    <div className="section-stack">
      <BaseCaseTables result={outcome} currency={model.settings.currency} />
      <StrategyDetailsPanel result={outcome} />
      <BaseCaseCharts result={outcome} currency={model.settings.currency} deadStates={deadStates} wtp={model.settings.wtp} progressionFreeStates={progressionFreeStates} />
    </div>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { HtaModel } from '../../engine/model/schema';
import { routeHash } from '../app/routes';
import { BaseCaseCharts, BaseCaseTables } from '../results/base-case-panel';
import { BudgetPanel } from '../results/budget-panel';
import type { BudgetState } from '../results/budget-panel';
import { deadStateIds } from '../../report/dead-states';
import { StrategyDetailsPanel } from '../results/strategy-details-panel';
import { formatIcer, formatMoney, formatNumber, effectLabel } from '../../report/format';
import { UncertaintyPanel } from '../results/uncertainty-panel';
import type { DsaState, PsaState } from '../results/uncertainty-panel';
import { engineWorker } from '../workers/engine-client';
import type { BaseCaseOutcome } from '../workers/engine-api';
import { findModel, modelTypeLabel, useOpenedModels } from './model-catalog';
import type { ModelEntry } from './model-catalog';
import { settingsRows } from '../../report/model-description';
import { ParameterTable } from './parameter-table';
import { useModelSession } from './use-model-session';
import type { ModelSession } from './use-model-session';
import './models.css';

// One model: settings and parameters (editable base values), base-case results, uncertainty (tornado, PSA) and
// budget impact, as tabs. Panels stay mounted once visited so results survive switching tabs.

export interface ModelTab {
  id: string;
  label: string;
}

export function modelTabs(hasBudgetImpact: boolean): ModelTab[] {
  return [
    { id: 'model', label: 'Model and parameters' },
    { id: 'results', label: 'Base-case results' },
    { id: 'uncertainty', label: 'Uncertainty' },
    ...(hasBudgetImpact ? [{ id: 'budget', label: 'Budget impact' }] : []),
  ];
}

export function ModelPage({ modelId, tab, onTab }: { modelId: string; tab: string; onTab: (tab: string) => void }) {
  const opened = useOpenedModels();
  const entry = findModel(modelId, opened);
  if (!entry) {
    return (
      <div className="page">
        <div className="notice notice-warning" role="alert">
          There is no model “{modelId}”. Models opened from a file are kept only until the app closes. <a href={routeHash({ page: 'models' })}>Go to the models</a>
        </div>
      </div>
    );
  }
  return <ModelView key={entry.id} entry={entry} tab={tab} onTab={onTab} />;
}

function ModelView({ entry, tab, onTab }: { entry: ModelEntry; tab: string; onTab: (tab: string) => void }) {
  const session = useModelSession(entry);
  const model = session.check?.model ?? null;
  const tabs = modelTabs(entry.hasBudgetImpact);
  const active = tabs.some((t) => t.id === tab) ? tab : 'model';
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));
  const [resetKey, setResetKey] = useState(0);
  const [dsa, setDsa] = useState<DsaState | null>(null);
  const [psa, setPsa] = useState<PsaState>({ status: 'idle' });
  const budget = useBudget(model, session, visited.has('budget'));

  return (
    <div className="page model-page" data-testid="model-page" data-model-id={entry.id}>
      <div className="page-header">
        <div className="page-title">
          <h1 data-testid="model-title">{entry.title}</h1>
          <p>
            {modelTypeLabel(entry)} · {entry.strategies} strategies · {entry.origin === 'example' ? 'bundled example' : `opened from ${entry.fileName}`}
          </p>
        </div>
        {Object.keys(session.edits).length > 0 && (
          <button type="button" className="btn" onClick={() => { session.resetEdits(); setResetKey((k) => k + 1); }} data-testid="reset-edits">
            Reset {Object.keys(session.edits).length} edited value{Object.keys(session.edits).length === 1 ? '' : 's'}
          </button>
        )}
      </div>
      {session.checkError && <div className="notice notice-error" role="alert">The model could not be checked: {session.checkError}</div>}
      {session.check && !session.check.valid && <InvalidModel issues={session.check.issues} />}
      {!session.check && !session.checkError && <p className="empty" role="status">Checking the model…</p>}
      {model && (
        <>
          <BaseCaseStrip model={model} session={session} />
          <Tabs tabs={tabs} active={active} onTab={onTab} />
          {tabs.map((t) =>
            visited.has(t.id) ? (
              <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== active} className="tab-panel" data-testid={`model-panel-${t.id}`}>
                {t.id === 'model' && (
                  <div className="section-stack">
                    <SettingsCard model={model} />
                    <ParameterTable model={model} ranges={session.check!.ranges} edits={session.edits} values={session.baseCase?.outcome.ok ? session.baseCase.outcome.parameterValues : null} onEdit={session.setEdit} resetKey={resetKey} />
                  </div>
                )}
                {t.id === 'results' && <ResultsTab model={model} session={session} />}
                {t.id === 'uncertainty' && <UncertaintyPanel model={model} edits={session.edits} dsa={dsa} setDsa={setDsa} psa={psa} setPsa={setPsa} />}
                {t.id === 'budget' && <BudgetPanel budget={budget} updating={budget !== null && budget.edits !== session.edits} />}
              </div>
            ) : null,
          )}
        </>
      )}
    </div>
  );
}

/** Runs the budget impact analysis (in the worker) once its tab is opened, and again after edits (debounced). */
function useBudget(model: HtaModel | null, session: ModelSession, wanted: boolean): BudgetState | null {
  const [budget, setBudget] = useState<BudgetState | null>(null);
  const { edits } = session;
  useEffect(() => {
    if (!model || !wanted || !model.budgetImpact) return;
    let live = true;
    const timer = setTimeout(() => {
      engineWorker()
        .runBudget(model, edits)
        .then((out) => live && setBudget(out.ok ? { report: out.report, problems: [], edits } : { report: null, problems: out.problems, edits }))
        .catch((e: unknown) => live && setBudget({ report: null, problems: [{ path: '', message: e instanceof Error ? e.message : String(e) }], edits }));
    }, Object.keys(edits).length === 0 ? 0 : 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [model, edits, wanted]);
  return budget;
}

function Tabs({ tabs, active, onTab }: { tabs: ModelTab[]; active: string; onTab: (id: string) => void }) {
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
    <div className="model-tabs" role="tablist" aria-label="Model views">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => { if (el) refs.current.set(t.id, el); }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === active}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === active ? 0 : -1}
          className="model-tab"
          onClick={() => onTab(t.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
          data-testid={`model-tab-${t.id}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

function InvalidModel({ issues }: { issues: { path: string; message: string; severity: string }[] }) {
  return (
    <section className="card" data-testid="model-invalid">
      <div className="card-header"><h2>This model has problems</h2><span className="subtle">{issues.length} found</span></div>
      <div className="card-body">
        <ul className="problem-list">
          {issues.map((i, k) => <li key={k}><span className="problem-path">{i.path}</span><span>{i.severity === 'warning' ? 'Warning: ' : ''}{i.message}</span></li>)}
        </ul>
      </div>
    </section>
  );
}

function SettingsCard({ model }: { model: HtaModel }) {
  const rows = settingsRows(model);
  return (
    <section className="card" aria-labelledby="settings-title" data-testid="model-settings">
      <div className="card-header"><h2 id="settings-title">Settings</h2></div>
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
function BaseCaseStrip({ model, session }: { model: HtaModel; session: ModelSession }) {
  const outcome: BaseCaseOutcome | undefined = session.baseCase?.outcome;
  const currency = model.settings.currency;
  let content: ReactNode;
  if (!outcome) content = <span className="subtle">Running the base case…</span>;
  else if (!outcome.ok) {
    content = (
      <div className="strip-error" role="alert" data-testid="base-case-error">
        <strong>The model cannot be evaluated with these values.</strong>
        <ul className="plain-list">{outcome.problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{p.message}</li>)}</ul>
      </div>
    );
  } else {
    content = (
      <ul className="strip-items">
        {outcome.incremental.map((r) => (
          <li key={r.id} className="strip-item" data-testid="strip-item">
            <span className="strip-label">{r.label ?? r.id}</span>
            <span className="strip-values">
              {formatMoney(r.cost, currency)} · {formatNumber(r.effect, 3)} {effectLabel(outcome.effect)}
            </span>
            <span className="strip-icer" data-testid="strip-icer">
              {r.status === 'reference' ? 'Reference' : r.status === 'nondominated' ? `ICER ${formatIcer(r.icer, currency, outcome.effect)}` : r.status === 'dominated' ? 'Dominated' : 'Extendedly dominated'}
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="base-strip" aria-label="Base-case summary" aria-busy={session.updating} data-testid="base-case-strip">
      <div className="strip-head">
        <span className="strip-title">Base case</span>
        <span className="subtle" aria-live="polite">{session.updating ? 'Updating…' : Object.keys(session.edits).length > 0 ? 'With edited values' : 'File values'}</span>
      </div>
      {content}
    </section>
  );
}

function ResultsTab({ model, session }: { model: HtaModel; session: ModelSession }) {
  const deadStates = useMemo(() => deadStateIds(model), [model]);
  const outcome = session.baseCase?.outcome;
  if (!outcome) return <p className="empty" role="status">Running the base case…</p>;
  if (!outcome.ok) return <p className="empty">No results: the model cannot be evaluated with the current values (see above).</p>;
  return (
    <div className="section-stack">
      <BaseCaseTables result={outcome} currency={model.settings.currency} />
      <StrategyDetailsPanel strategies={outcome.strategies} />
      <BaseCaseCharts result={outcome} currency={model.settings.currency} deadStates={deadStates} />
    </div>
  );
}

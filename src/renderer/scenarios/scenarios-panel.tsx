import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { defaultWtpMax, wtpGrid } from '../../engine/analysis/psa-view';
import type { AnalysisProblem } from '../../engine/analysis/problems';
import { problemsOf } from '../../engine/analysis/problems';
import { duplicateScenario, putScenario, removeScenario, uniqueScenarioId } from '../../engine/model/document-edits';
import type { ScenarioJson } from '../../engine/model/document-edits';
import type { ModelDocument } from '../models/use-model-document';
import type { HtaModel } from '../../engine/model/schema';
import { PsaCancelledError } from '../../engine/psa/psa-run';
import { applyScenario } from '../../engine/sensitivity/scenarios';
import type { ScenarioRunResult } from '../../engine/analysis/sensitivity-runs';
import { BudgetScenarioComparison } from '../results/budget-analyses';
import { describeScenario } from '../../report/model-description';
import { capitalFirst, displayFormats, effectLabel, effectNoun, effectUnit, formatCount, formatIcer, formatMoney, formatMoneyAxis, formatMoneyChange, formatNumber, formatNumberChange, formatPercent } from '../settings/display-format';
import { HorizontalBarChart } from '../charts/bar-chart';
import { SeriesLineChart } from '../charts/line-chart';
import { chartInk, seriesColor } from '../charts/palette';
import { NumberField, ProblemsNotice } from '../results/analysis-parts';
import { RunStatus } from '../results/run-status';
import type { RunContext } from '../results/run-status';
import { parseWhole } from '../results/uncertainty-panel';
import { errorMessage, useStoredRun } from '../results/use-stored-run';
import { ConfirmDialog } from '../ui/dialog';
import { engineWorker } from '../workers/engine-client';
import { runPsaInWebWorkers } from '../workers/psa-client';
import { ScenarioEditor, scenarioFromDraft } from './scenario-editor';
import type { ScenarioDraft } from './scenario-editor';
import '../results/analyses.css';
import './scenarios.css';
import { useLanguage } from '../i18n/language';
import { statusBadgeText } from '../results/base-case-panel';
import { BASE_SCENARIO_ID } from '../../engine/sensitivity/scenarios';
import { ScrollRegion } from '../ui/scroll-region';
import { BELOW_WIDE_WINDOW, NARROW_WINDOW, useMediaQuery } from '../ui/use-media-query';
import { PSA_COLUMNS, evenGroups } from './threshold-groups';

// Named scenarios of a workspace model: defined, edited, duplicated and deleted here (they are part of the model
// document, so they are saved, versioned and exported with it), run deterministically (engine worker) or
// probabilistically (one PSA per scenario on the PSA worker pool, same seed in each: common random numbers; progress
// and Cancel), and compared with the base case side by side. Every run is stored with the model.

const CEAC_STEPS = 40;

interface ScenarioRunInputs {
  wtp: number[];
  psa: { iterations: number; seed: number } | null;
}

export function ScenariosPanel({ ctx, model, document, readOnly, onEdit }: {
  ctx: RunContext;
  model: HtaModel;
  document: ModelDocument;
  readOnly: boolean;
  onEdit: (change: (doc: ModelDocument) => ModelDocument) => void;
}) {
  const { t } = useLanguage();
  const listed = (Array.isArray(document.scenarios) ? document.scenarios : []) as ScenarioJson[];
  const [editing, setEditing] = useState<{ scenario: ScenarioJson | null; key: number } | null>(null);
  const [deleting, setDeleting] = useState<ScenarioJson | null>(null);
  const editKey = useRef(0);
  const save = (draft: ScenarioDraft): string | null => {
    const previous = editing?.scenario ?? null;
    const id = previous?.id ?? uniqueScenarioId(draft.label, listed.map((s) => s.id));
    const out = scenarioFromDraft(draft, model, id, previous, t);
    if (!out.ok) return out.error;
    try {
      onEdit((d) => putScenario(d, out.scenario, previous?.id));
    } catch (e) {
      return errorMessage(e);
    }
    setEditing(null);
    return null;
  };
  return (
    <div className="section-stack" data-testid="scenarios-panel">
      <section className="card" aria-labelledby="scenario-list-title">
        <div className="card-header">
          <h2 id="scenario-list-title">{t('scenarios.listTitle')}</h2>
          <span className="subtle">{t('scenarios.listSubtitle')}</span>
          {!readOnly && (
            <button type="button" className="btn btn-primary card-header-action" onClick={() => setEditing({ scenario: null, key: ++editKey.current })} data-testid="new-scenario">
              {t('scenarios.new')}
            </button>
          )}
        </div>
        <div className="card-body flush table-wrap">
          <table className="table table-scenarios" data-testid="scenario-list">
            <thead>
              <tr>
                <th scope="col">{t('budgetView.scenario')}</th>
                <th scope="col">{t('scenarios.changes')}</th>
                <th scope="col"><span className="visually-hidden">{t('rates.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="row-head">{t('analysis.baseCase')}</th>
                <td className="subtle">{t('scenarios.asItStands')}</td>
                <td />
              </tr>
              {model.scenarios.map((s) => {
                const raw = listed.find((r) => r.id === s.id) ?? null;
                return (
                  <tr key={s.id} data-testid="scenario-list-row" data-scenario-id={s.id}>
                    <th scope="row" className="row-head">{s.label ?? s.id}{s.description && <span className="subtle scenario-description">{s.description}</span>}</th>
                    <td>{describeScenario(model, s, displayFormats(), t)}</td>
                    <td className="actions">
                      {!readOnly && raw && (
                        <span className="btn-group">
                          <button type="button" className="btn btn-sm" onClick={() => setEditing({ scenario: raw, key: ++editKey.current })} aria-label={t('scenarios.editOf', { name: s.label ?? s.id })} data-testid="edit-scenario">{t('profile.edit')}</button>
                          <button type="button" className="btn btn-sm" onClick={() => onEdit((d) => duplicateScenario(d, s.id, t('common.copySuffix')))} aria-label={t('scenarios.duplicateOf', { name: s.label ?? s.id })} data-testid="duplicate-scenario">{t('scenarios.duplicate')}</button>
                          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setDeleting(raw)} aria-label={t('scenarios.deleteOf', { name: s.label ?? s.id })} data-testid="delete-scenario">{t('profile.delete')}</button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {model.scenarios.length === 0 && <p className="empty">{t('scenarios.none')}</p>}
        </div>
      </section>
      {editing && <ScenarioEditor key={editing.key} open model={model} scenario={editing.scenario} onSave={save} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={t('scenarios.deleteTitle')}
        message={<p>{t('scenarios.deleteMessage', { name: deleting?.label ?? deleting?.id ?? '' })}</p>}
        confirmLabel={t('scenarios.deleteConfirm')}
        tone="danger"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const id = deleting?.id;
          setDeleting(null);
          if (id) onEdit((d) => removeScenario(d, id));
        }}
        testId="delete-scenario-dialog"
      />
      <ScenarioRuns ctx={ctx} model={model} />
    </div>
  );
}

type RunState = { status: 'idle' } | { status: 'running'; done: number; total: number; what: string } | { status: 'cancelled' };

function ScenarioRuns({ ctx, model }: { ctx: RunContext; model: HtaModel }) {
  const { t } = useLanguage();
  const formId = useId();
  const { stored, setStored } = useStoredRun<ScenarioRunResult[]>(ctx, 'scenarios');
  const [iterationsText, setIterationsText] = useState('500');
  const [seedText, setSeedText] = useState('1');
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const [problems, setProblems] = useState<AnalysisProblem[]>([]);
  const abort = useRef<AbortController | null>(null);
  const iterations = parseWhole(iterationsText, 10, 100000, t('uncertainty.iterations'), t);
  const seed = parseWhole(seedText, 0, 4294967295, t('reportPage.seed'), t);

  const run = async (inputs: ScenarioRunInputs) => {
    const runModel = ctx.model;
    if (!runModel) return;
    const hash = ctx.hash;
    setProblems([]);
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const controller = new AbortController();
    abort.current = controller;
    try {
      setState({ status: 'running', done: 0, total: 0, what: t('scenarios.deterministicRun') });
      const out = await engineWorker().runScenarios(runModel, { wtp: inputs.wtp, budget: runModel.budgetImpact !== undefined });
      if (!out.ok) {
        setProblems(out.problems);
        setState({ status: 'idle' });
        return;
      }
      const results = out.result.map((r) => (r.id === BASE_SCENARIO_ID ? { ...r, label: t('analysis.baseCase') } : r));
      if (inputs.psa) {
        const { iterations: n, seed: s } = inputs.psa;
        const grid = wtpGrid(defaultWtpMax(runModel.settings.wtp), CEAC_STEPS, runModel.settings.wtp);
        for (let k = 0; k < results.length; k++) {
          const r = results[k]!;
          setState({ status: 'running', done: k * n, total: results.length * n, what: r.label });
          let scenarioModel: HtaModel;
          try {
            scenarioModel = applyScenario(runModel, r.id);
          } catch (e) {
            setProblems(problemsOf(e));
            setState({ status: 'idle' });
            return;
          }
          const psa = await runPsaInWebWorkers(scenarioModel, {
            iterations: n,
            seed: s,
            signal: controller.signal,
            chunkSize: Math.max(25, Math.ceil(n / 20)),
            onProgress: ({ done }) => setState({ status: 'running', done: k * n + done, total: results.length * n, what: r.label }),
          });
          results[k] = { ...r, probabilistic: await engineWorker().summariseScenarioPsa({ strategyIds: psa.strategyIds, draws: psa.draws, costs: psa.costs, effects: psa.effects }, grid, { iterations: n, seed: s }) };
        }
      }
      const record = await ctx.store.addRun({
        modelId: ctx.modelId,
        kind: 'scenarios',
        label: inputs.psa ? t('scenarios.runLabelPsa', { n: results.length - 1, draws: formatCount(inputs.psa.iterations), seed: inputs.psa.seed }) : t('scenarios.runLabel', { n: results.length - 1 }),
        modelHash: hash,
        startedAt,
        durationMs: performance.now() - t0,
        status: 'complete',
        ...(inputs.psa ? { seed: inputs.psa.seed, iterations: inputs.psa.iterations } : {}),
        inputs: { wtp: [...inputs.wtp], psa: inputs.psa ? { ...inputs.psa } : null },
        results,
      });
      setStored({ run: record, results });
      setState({ status: 'idle' });
    } catch (e) {
      if (e instanceof PsaCancelledError || controller.signal.aborted) setState({ status: 'cancelled' });
      else {
        setProblems([{ path: '', message: errorMessage(e) }]);
        setState({ status: 'idle' });
      }
    } finally {
      abort.current = null;
    }
  };

  const running = state.status === 'running';
  const wtp = [...model.settings.wtp];
  const inputError = !iterations.ok ? iterations.error : !seed.ok ? seed.error : null;
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="scenario-runs">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('scenarios.runsTitle')}</h2>
        <span className="subtle">{t(model.scenarios.length === 1 ? 'scenarios.countOne' : 'scenarios.count', { n: model.scenarios.length })}</span>
      </div>
      <form className="toolbar" aria-label={t('scenarios.runSettings')} onSubmit={(e) => e.preventDefault()}>
        <button type="button" className="btn btn-primary" disabled={running || !ctx.model} onClick={() => void run({ wtp, psa: null })} data-testid="run-scenarios">{t('scenarios.runDeterministic')}</button>
        <NumberField id={`${formId}-iterations`} label={t('scenarios.drawsPer')} value={iterationsText} onChange={setIterationsText} invalid={!iterations.ok} testId="scenario-iterations" short />
        <NumberField id={`${formId}-seed`} label={t('reportPage.seed')} value={seedText} onChange={setSeedText} invalid={!seed.ok} testId="scenario-seed" short />
        {running ? (
          <button key="cancel" type="button" className="btn" onClick={() => abort.current?.abort()} data-testid="cancel-scenarios">{t('common.cancel')}</button>
        ) : (
          <button key="run" type="button" className="btn" disabled={inputError !== null || !ctx.model} onClick={() => iterations.ok && seed.ok && void run({ wtp, psa: { iterations: iterations.value, seed: seed.value } })} data-testid="run-scenarios-psa">{t('scenarios.runProbabilistic')}</button>
        )}
        <span className={inputError ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={inputError ? 'alert' : undefined}>
          {inputError ?? (ctx.model ? t('scenarios.runHint') : t('uncertainty.waiting'))}
        </span>
      </form>
      <div className="card-body">
        {state.status === 'running' && (
          <div className="psa-progress" data-testid="scenario-progress">
            {state.total > 0 ? (
              <div className="psa-progress-track" role="progressbar" aria-label={t('scenarios.progress')} aria-valuemin={0} aria-valuemax={state.total} aria-valuenow={state.done} aria-valuetext={t('analysis.drawsOf', { done: state.done, total: state.total })}>
                <span className="psa-progress-fill" style={{ width: `${(100 * state.done) / state.total}%` }} />
              </div>
            ) : null}
            <span className="subtle" aria-live="polite">{state.total > 0 ? `${state.what}: ${t('analysis.drawsOf', { done: formatCount(state.done), total: formatCount(state.total) })}` : `${state.what}…`}</span>
          </div>
        )}
        {state.status === 'cancelled' && (
          <div className="notice notice-warning" role="status" data-testid="scenarios-cancelled">
            <div>{t('scenarios.cancelled')} <button type="button" className="btn btn-sm" onClick={() => setState({ status: 'idle' })}>{t('uncertainty.close')}</button></div>
          </div>
        )}
        <ProblemsNotice title={t('scenarios.failed')} problems={problems} testId="scenarios-error" />
        {stored ? (
          <div className="section-stack">
            <RunStatus run={stored.run} hash={ctx.hash} testId="scenarios-run-status" busy={running || !ctx.model} onRerun={() => void run(stored.run.inputs as unknown as ScenarioRunInputs)} />
            <ScenarioRunResults model={model} results={stored.results} />
          </div>
        ) : (
          problems.length === 0 && state.status === 'idle' && <p className="empty">{t('scenarios.runsEmpty')}</p>
        )}
      </div>
    </section>
  );
}

function ScenarioRunResults({ model, results: stored }: { model: HtaModel; results: ScenarioRunResult[] }) {
  const { t } = useLanguage();
  // The base case's name is the display language's, whatever the language of the run.
  const results = stored.map((r) => (r.id === BASE_SCENARIO_ID ? { ...r, label: t('analysis.baseCase') } : r));
  const formId = useId();
  const currency = model.settings.currency;
  const effect = model.settings.effect;
  const money = (v: number) => formatMoney(v, currency);
  const strategyIds = results[0]?.strategies.map((s) => s.id) ?? [];
  const label = (id: string) => results[0]?.strategies.find((s) => s.id === id)?.label ?? id;
  const comparator = strategyIds[0] ?? '';
  const others = strategyIds.slice(1);
  const thresholds = results[0]?.optimal.map((o) => o.wtp) ?? [];
  const [measure, setMeasure] = useState<string>(thresholds.length > 0 ? `nmb:${thresholds[0]}` : 'icer');
  const [ceacStrategy, setCeacStrategy] = useState(others[0] ?? comparator);
  const probabilistic = results.every((r) => r.probabilistic !== null && r.probabilistic.byWtp.length > 0);
  const atWtp = measure.startsWith('nmb:') ? Number(measure.slice(4)) : null;
  const valueOf = (r: ScenarioRunResult, id: string): number | null => {
    const s = r.strategies.find((x) => x.id === id);
    const c = r.strategies.find((x) => x.id === comparator);
    if (!s || !c) return null;
    if (atWtp !== null) return atWtp * (s.effect - c.effect) - (s.cost - c.cost);
    const dE = s.effect - c.effect;
    const v = dE === 0 ? null : (s.cost - c.cost) / dE;
    return v !== null && Number.isFinite(v) ? v : null;
  };
  const probAt = (r: ScenarioRunResult, id: string, wtp: number) => {
    const b = r.probabilistic?.byWtp.find((x) => x.wtp === wtp);
    const j = strategyIds.indexOf(id);
    return b && j >= 0 ? b.ceac[j]! : null;
  };
  const ceacRows = probabilistic
    ? results[0]!.probabilistic!.byWtp.map((b, k) => ({ wtp: b.wtp, ...Object.fromEntries(results.map((r) => [r.id, r.probabilistic!.byWtp[k]?.ceac[strategyIds.indexOf(ceacStrategy)] ?? Number.NaN])) }))
    : [];
  // Below 1280 px a scenario's name heads its rows (no scenario column), and the PSA columns, which would push the
  // ICER off the card, are a table of their own underneath; likewise below 1440 px with more than two thresholds,
  // and at any width with more than five. More than five thresholds there: several tables of at most five.
  const narrow = useMediaQuery(NARROW_WINDOW);
  const belowWide = useMediaQuery(BELOW_WIDE_WINDOW);
  const grouped = narrow;
  const split = probabilistic && (narrow || (belowWide && thresholds.length > 2) || thresholds.length > PSA_COLUMNS);
  const thresholdGroups = evenGroups(thresholds);
  const barValues = results.flatMap((r) => others.map((id) => Math.abs(valueOf(r, id) ?? 0)));
  const barTick = formatMoneyAxis(Math.max(0, ...barValues), currency);
  const wtpTick = formatMoneyAxis(Math.max(0, ...ceacRows.map((r) => r.wtp)), currency);
  return (
    <>
      {/* The caption above the scrolling box, so it wraps at the card's width instead of running off its edge. */}
      <p className="table-caption" id={`${formId}-caption`} data-testid="scenario-table-caption">{probabilistic && !split ? t('scenarios.captionPsa', { n: formatCount(results[0]!.probabilistic!.iterations) }) : t('scenarios.caption')}</p>
      <ScrollRegion label={t('scenarios.resultsRegion')}>
        <table className="table table-money table-wrap-head table-scenario-results" data-testid="scenario-table" aria-labelledby={`${formId}-caption`}>
          <thead>
            <tr>
              {!grouped && <th scope="col">{t('budgetView.scenario')}</th>}
              <th scope="col">{t('results.strategy')}</th>
              <th scope="col" className="num">{t('results.cost')}</th>
              <th scope="col" className="num">{effectLabel(effect, t)}</th>
              <th scope="col" className="num">{t('analysis.incCost')}</th>
              <th scope="col" className="num">{capitalFirst(t('analysis.incEffect', { effect: effectNoun(effect, t) }))}</th>
              <th scope="col" className="num">{t('results.icer')}</th>
              {probabilistic && !split && thresholds.map((w) => <th key={w} scope="col" className="num">{t('scenarios.pAt', { wtp: money(w) })}</th>)}
            </tr>
          </thead>
          <ScenarioRows results={results} grouped={grouped} columns={6 + (probabilistic && !split ? thresholds.length : 0)} rowTestId="scenario-result-row" label={label}
            cells={(r, row) => (
              <>
                <td className="num">{money(row.cost)}</td>
                <td className="num">{formatNumber(row.effect, 3)}</td>
                <td className="num">{row.incCost === null ? '—' : formatMoneyChange(row.incCost, currency)}</td>
                <td className="num">{row.incEffect === null ? '—' : formatNumberChange(row.incEffect, 4)}</td>
                <td className="num" data-testid="scenario-icer">{row.status === 'nondominated' ? formatIcer(row.icer, currency, effect) : statusBadgeText(row.status, t)}</td>
                {probabilistic && !split && thresholds.map((w) => <td key={w} className="num" data-testid="scenario-p-ce">{formatPercent(probAt(r, row.id, w) ?? Number.NaN, 1)}</td>)}
              </>
            )} />
        </table>
      </ScrollRegion>
      {split && (
        <>
          <p className="table-caption" id={`${formId}-psa-caption`} data-testid="scenario-psa-caption">{t('scenarios.psaCaption', { n: formatCount(results[0]!.probabilistic!.iterations) })}</p>
          {thresholdGroups.map((group, g) => (
            <ScrollRegion key={g} label={t('scenarios.psaRegion')}>
              <table className="table table-money table-wrap-head table-scenario-results" data-testid="scenario-psa-table"
                aria-labelledby={thresholdGroups.length > 1 ? `${formId}-psa-caption ${formId}-psa-group-${g}` : `${formId}-psa-caption`}>
                {thresholdGroups.length > 1 && <caption className="visually-hidden" id={`${formId}-psa-group-${g}`}>{t('scenarios.psaGroup', { from: money(group[0]!), to: money(group[group.length - 1]!) })}</caption>}
                {/* "Probability cost-effective at" once over the thresholds: five long headings would not fit at 1024 px. */}
                <thead>
                  <tr>
                    {!grouped && <th scope="col" rowSpan={2}>{t('budgetView.scenario')}</th>}
                    <th scope="col" rowSpan={2}>{t('results.strategy')}</th>
                    <th scope="colgroup" colSpan={group.length} className="num">{t('scenarios.pAtHeading')}</th>
                  </tr>
                  <tr>
                    {group.map((w) => <th key={w} scope="col" className="num">{money(w)}</th>)}
                  </tr>
                </thead>
                <ScenarioRows results={results} grouped={grouped} columns={1 + group.length} rowTestId="scenario-psa-row" label={label}
                  cells={(r, row) => group.map((w) => <td key={w} className="num" data-testid="scenario-p-ce">{formatPercent(probAt(r, row.id, w) ?? Number.NaN, 1)}</td>)} />
              </table>
            </ScrollRegion>
          ))}
        </>
      )}
      <div className="toolbar toolbar-plain" role="group" aria-label={t('scenarios.chartSettings')}>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-measure`}>{t('scenarios.barsShow')}</label>
          <select id={`${formId}-measure`} className="select" value={measure} onChange={(e) => setMeasure(e.target.value)} data-testid="scenario-measure">
            {thresholds.map((w) => <option key={w} value={`nmb:${w}`}>{t('scenarios.nmbOption', { wtp: money(w), unit: effectUnit(effect, t) })}</option>)}
            <option value="icer">{t('scenarios.icerOption', { comparator: label(comparator) })}</option>
          </select>
        </div>
        {probabilistic && others.length > 1 && (
          <div className="field">
            <label className="field-label" htmlFor={`${formId}-ceac`}>{t('scenarios.ceacOf')}</label>
            <select id={`${formId}-ceac`} className="select" value={ceacStrategy} onChange={(e) => setCeacStrategy(e.target.value)} data-testid="scenario-ceac-strategy">
              {strategyIds.map((id) => <option key={id} value={id}>{label(id)}</option>)}
            </select>
          </div>
        )}
      </div>
      <div className="chart-grid">
        <HorizontalBarChart
          testId="chart-scenarios"
          title={atWtp !== null ? t('scenarios.barTitleNmb', { comparator: label(comparator), wtp: formatIcer(atWtp, currency, effect) }) : t('scenarios.barTitleIcer', { comparator: label(comparator) })}
          description={atWtp !== null ? t('scenarios.barDescriptionNmb') : t('scenarios.barDescriptionIcer')}
          summary={t('scenarios.barSummary', { values: results.map((r) => `${r.label}: ${others.map((id) => `${label(id)} ${money(valueOf(r, id) ?? Number.NaN)}`).join(', ')}`).join('; ') })}
          rows={results.map((r) => ({ label: r.label, values: Object.fromEntries(others.map((id) => [id, valueOf(r, id)])) }))}
          series={others.map((id) => ({ key: id, label: t('uncertainty.versus', { strategy: label(id), comparator: label(comparator) }) }))}
          categoryLabel={t('budgetView.scenario')}
          valueLabel={atWtp !== null ? t('uncertainty.incNmbAxis', { currency: currency ?? t('analysis.currency') }) : t('scenarios.icerAxis', { currency: currency ?? t('analysis.currency'), unit: effectUnit(effect, t) })}
          formatValue={money}
          formatTick={barTick}
          labelWidth={220}
        />
        {probabilistic ? (
          <SeriesLineChart
            testId="chart-scenario-ceac"
            title={t('scenarios.ceacTitle', { strategy: label(ceacStrategy) })}
            description={t('scenarios.ceacDescription')}
            summary={t('scenarios.ceacSummary', { strategy: label(ceacStrategy), values: results.map((r) => `${r.label} ${thresholds.map((w) => t('scenarios.percentAt', { p: formatPercent(probAt(r, ceacStrategy, w) ?? Number.NaN, 0), wtp: money(w) })).join(', ')}`).join('; ') })}
            rows={ceacRows}
            xKey="wtp"
            xLabel={t('uncertainty.wtpAxis', { currency: currency ?? t('analysis.currency'), unit: effectUnit(effect, t) })}
            yLabel={t('uncertainty.probCe')}
            series={results.map((r, i) => (i === 0 ? { key: r.id, label: r.label, color: chartInk.text, dashed: true } : { key: r.id, label: r.label, color: seriesColor(i - 1) }))}
            formatX={wtpTick}
            formatTableX={money}
            formatY={(v) => formatPercent(v, 0)}
            formatTable={(v) => formatPercent(v, 1)}
            yDomain={[0, 1]}
            markers={thresholds.map((w) => ({ x: w, label: money(w) }))}
          />
        ) : (
          <p className="empty">{t('scenarios.ceacEmpty')}</p>
        )}
      </div>
      <ScenarioBudgets model={model} results={results} />
    </>
  );
}

type IncrementalRow = ScenarioRunResult['incremental'][number];

/**
 * A scenario's rows, one per strategy: the scenario's name beside them (a column spanning its rows) or, `grouped`,
 * heading them across the table.
 */
function ScenarioRows({ results, grouped, columns, rowTestId, label, cells }: {
  results: readonly ScenarioRunResult[];
  grouped: boolean;
  /** Columns after the scenario's name: what a grouped heading spans. */
  columns: number;
  rowTestId: string;
  label: (id: string) => string;
  cells: (result: ScenarioRunResult, row: IncrementalRow) => ReactNode;
}) {
  if (grouped) {
    return results.map((r) => (
      <tbody key={r.id} data-testid="scenario-group" data-scenario-id={r.id}>
        <tr className="group-start">
          <th scope="rowgroup" colSpan={columns} className="row-head scenario-name">{r.label}</th>
        </tr>
        {r.incremental.map((row) => (
          <tr key={row.id} data-testid={rowTestId} data-scenario-id={r.id}>
            <th scope="row" className="row-head row-head-plain">{row.label ?? label(row.id)}</th>
            {cells(r, row)}
          </tr>
        ))}
      </tbody>
    ));
  }
  return (
    <tbody>
      {results.flatMap((r) =>
        r.incremental.map((row, i) => (
          <tr key={`${r.id}-${row.id}`} className={i === 0 ? 'group-start' : undefined} data-testid={rowTestId} data-scenario-id={r.id}>
            {i === 0 && <th scope="rowgroup" rowSpan={r.incremental.length} className="row-head">{r.label}</th>}
            <th scope="row" className="row-head row-head-plain">{row.label ?? label(row.id)}</th>
            {cells(r, row)}
          </tr>
        )),
      )}
    </tbody>
  );
}

/** Budget impact under each scenario (the model's budget impact section run on the scenario's model). */
function ScenarioBudgets({ model, results }: { model: HtaModel; results: ScenarioRunResult[] }) {
  const { t } = useLanguage();
  const withBudget = results.filter((r) => r.budgetImpact && r.budgetImpact.problem === null);
  const failed = results.filter((r) => r.budgetImpact?.problem);
  if (withBudget.length === 0 || withBudget[0]!.id !== results[0]!.id) return null;
  return (
    <>
      {failed.length > 0 && <div className="notice notice-warning">{t('scenarios.noBudget', { list: failed.map((r) => `${r.label} (${r.budgetImpact!.problem})`).join('; ') })}</div>}
      <BudgetScenarioComparison
        testId="scenario-budget"
        title={t('scenarios.budgetTitle')}
        subtitle={t('scenarios.budgetSubtitle')}
        currency={model.settings.currency}
        horizonYears={withBudget[0]!.budgetImpact!.years.length}
        items={withBudget.map((r) => ({ id: r.id, label: r.label, years: r.budgetImpact!.years, cumulative: r.budgetImpact!.cumulative.impact }))}
      />
    </>
  );
}

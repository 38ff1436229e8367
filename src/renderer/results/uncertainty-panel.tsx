import { useId, useRef, useState } from 'react';
import type { HtaModel } from '../../engine/model/schema';
import type { OneWayResult } from '../../engine/sensitivity/one-way';
import { PsaCancelledError } from '../../engine/psa/psa-run';
import type { PsaRun } from '../../engine/psa/psa-run';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { tornadoBars } from '../charts/chart-data';
import { SeriesLineChart } from '../charts/line-chart';
import { TornadoChart } from '../charts/tornado-chart';
import { chartInk } from '../charts/palette';
import { applyParameterEdits } from '../models/parameter-edits';
import type { ParameterEdits } from '../models/parameter-edits';
import { engineWorker } from '../workers/engine-client';
import { runPsaInWebWorkers } from '../workers/psa-client';
import { effectLabel, effectUnit, formatIcer, formatMoneyCompact, formatMoney, formatNumber, formatParameter, formatPercent } from '../../report/format';
import { defaultWtpMax, wtpGrid } from '../../engine/analysis/psa-view';
import type { PsaView } from '../../engine/analysis/psa-view';

// Deterministic (tornado) and probabilistic sensitivity analysis. Both run off the UI thread: the tornado in the
// engine worker, the PSA draws on the PSA worker pool (progress, cancel), its summaries in the engine worker.

export const MAX_PLANE_POINTS = 2000;
const TORNADO_ROWS = 15;
const WTP_STEPS = 40;

export interface DsaState {
  result: OneWayResult | null;
  problems: { path: string; message: string }[];
  edits: ParameterEdits;
  running: boolean;
}

export type PsaState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'cancelled'; done: number }
  | { status: 'failed'; message: string }
  | { status: 'done'; view: PsaView; run: PsaRun; edits: ParameterEdits; wtpMax: number };

interface Props {
  model: HtaModel;
  edits: ParameterEdits;
  dsa: DsaState | null;
  setDsa: (s: DsaState) => void;
  psa: PsaState;
  setPsa: (s: PsaState) => void;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A whole number in [min, max] from text, or an error message. */
export function parseWhole(text: string, min: number, max: number, what: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, error: `${what} must be a whole number.` };
  const v = Number(t);
  if (v < min || v > max) return { ok: false, error: `${what} must be between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')}.` };
  return { ok: true, value: v };
}

/** A willingness-to-pay (>= 0) from text, or an error message. */
export function parseWtp(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, error: 'Enter an amount of 0 or more, without thousands separators.' };
  return { ok: true, value: Number(t) };
}

export function UncertaintyPanel(props: Props) {
  return (
    <div className="section-stack">
      <DsaSection {...props} />
      <PsaSection {...props} />
    </div>
  );
}

function DsaSection({ model, edits, dsa, setDsa }: Props) {
  const ids = model.strategies.map((s) => s.id);
  const label = (id: string) => model.strategies.find((s) => s.id === id)?.label ?? id;
  const currency = model.settings.currency;
  const [comparator, setComparator] = useState(ids[0] ?? '');
  const [strategy, setStrategy] = useState(ids[1] ?? ids[0] ?? '');
  const [wtpText, setWtpText] = useState(String(model.settings.wtp[0] ?? 0));
  const wtp = parseWtp(wtpText);
  const same = comparator === strategy;
  const formId = useId();
  const stale = dsa?.result && dsa.edits !== edits;

  const run = () => {
    if (!wtp.ok || same) return;
    setDsa({ result: dsa?.result ?? null, problems: [], edits, running: true });
    engineWorker()
      .runTornado(applyParameterEdits(model, edits), { wtp: wtp.value, comparator, strategy })
      .then((out) => setDsa(out.ok ? { result: out.result, problems: [], edits, running: false } : { result: null, problems: out.problems, edits, running: false }))
      .catch((e: unknown) => setDsa({ result: null, problems: [{ path: '', message: message(e) }], edits, running: false }));
  };

  const result = dsa?.result ?? null;
  const bars = result ? tornadoBars(result.rows, result.base.incNmb, TORNADO_ROWS) : [];
  const failed = result ? result.rows.filter((r) => r.errors.length > 0) : [];
  const money = (v: number) => formatMoney(v, currency);
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="dsa-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>One-way sensitivity analysis (tornado)</h2>
        <span className="subtle">Outcome: incremental net monetary benefit</span>
      </div>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); run(); }} aria-label="Tornado settings">
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-strategy`}>Strategy</label>
          <select id={`${formId}-strategy`} className="select" value={strategy} onChange={(e) => setStrategy(e.target.value)} data-testid="dsa-strategy">
            {ids.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-comparator`}>Compared with</label>
          <select id={`${formId}-comparator`} className="select" value={comparator} onChange={(e) => setComparator(e.target.value)} data-testid="dsa-comparator">
            {ids.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
        </div>
        <div className="field field-wtp">
          <label className="field-label" htmlFor={`${formId}-wtp`}>Willingness to pay ({currency ?? 'per unit'} per {effectUnit(model.settings.effect)})</label>
          <input id={`${formId}-wtp`} className="input input-num" inputMode="decimal" list={`${formId}-wtps`} value={wtpText} onChange={(e) => setWtpText(e.target.value)}
            aria-invalid={!wtp.ok || undefined} aria-describedby={`${formId}-wtp-note`} data-testid="dsa-wtp" />
          <datalist id={`${formId}-wtps`}>{model.settings.wtp.map((w) => <option key={w} value={w} />)}</datalist>
        </div>
        <button type="submit" className="btn btn-primary" disabled={!wtp.ok || same || dsa?.running} data-testid="run-dsa">
          {dsa?.running ? 'Running…' : result ? 'Run again' : 'Run tornado'}
        </button>
        <span id={`${formId}-wtp-note`} className={!wtp.ok || same ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={!wtp.ok || same ? 'alert' : undefined}>
          {!wtp.ok ? wtp.error : same ? 'Choose two different strategies.' : 'Each parameter is set to its low and then its high value, all others at base.'}
        </span>
      </form>
      <div className="card-body">
        {dsa?.problems.length ? (
          <div className="notice notice-error" role="alert" data-testid="dsa-error">
            <div>
              <strong>The tornado could not be computed.</strong>
              <ul className="plain-list">{dsa.problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{p.message}</li>)}</ul>
            </div>
          </div>
        ) : result ? (
          <>
            {stale && <div className="notice notice-warning stale-note">Parameters were edited after this tornado was computed. Run it again to update it.</div>}
            <TornadoChart
              testId="chart-tornado"
              title={`Tornado: ${label(result.strategy)} vs ${label(result.comparator)} at ${formatIcer(result.wtp, currency, model.settings.effect)}`}
              description={`Base-case incremental net monetary benefit ${money(result.base.incNmb)}; the ${bars.length} parameters with the widest swing${result.rows.length > bars.length ? ` of ${result.rows.length}` : ''}.`}
              summary={`Tornado diagram. Widest swings: ${bars.slice(0, 5).map((b) => `${b.label} from ${money(b.outcomeLow)} to ${money(b.outcomeHigh)}`).join('; ')}.`}
              bars={bars}
              base={result.base.incNmb}
              outcomeLabel={`Incremental NMB (${currency ?? 'currency'})`}
              formatOutcome={money}
              formatValue={formatParameter}
              note={bars.some((b) => b.decisionChanges) ? `The optimal strategy changes within the range of: ${bars.filter((b) => b.decisionChanges).map((b) => b.label).join(', ')}.` : 'The optimal strategy does not change within any parameter’s range.'}
            />
            {failed.length > 0 && (
              <div className="notice notice-warning" data-testid="dsa-failed-steps">
                <div>
                  <strong>{failed.length} parameter{failed.length === 1 ? '' : 's'} could not be evaluated at an end of the range:</strong>
                  <ul className="plain-list">{failed.flatMap((r) => r.errors.map((e, i) => <li key={`${r.parameter}-${i}`}>{e.message}</li>))}</ul>
                </div>
              </div>
            )}
          </>
        ) : (
          <p className="empty">Choose the strategies and the threshold, then run the tornado.</p>
        )}
      </div>
    </section>
  );
}

function PsaSection({ model, edits, psa, setPsa }: Props) {
  const ids = model.strategies.map((s) => s.id);
  const currency = model.settings.currency;
  const formId = useId();
  const [iterationsText, setIterationsText] = useState('1000');
  const [seedText, setSeedText] = useState('1');
  const [wtpMaxText, setWtpMaxText] = useState(String(defaultWtpMax(model.settings.wtp)));
  const [comparator, setComparator] = useState(ids[0] ?? '');
  const abort = useRef<AbortController | null>(null);
  const iterations = parseWhole(iterationsText, 10, 100000, 'Iterations');
  const seed = parseWhole(seedText, 0, 4294967295, 'Seed');
  const wtpMax = parseWtp(wtpMaxText);
  const wtpMaxError = wtpMax.ok && wtpMax.value <= 0 ? 'The largest threshold must be above 0.' : wtpMax.ok ? null : wtpMax.error;
  const inputError = !iterations.ok ? iterations.error : !seed.ok ? seed.error : wtpMaxError;
  const running = psa.status === 'running';
  const editedSampled = Object.keys(edits).filter((id) => model.parameters.some((p) => p.id === id && p.uncertainty?.distribution && p.uncertainty.distribution.type !== 'fixed'));

  const summarise = async (run: PsaRun, comparatorId: string, max: number, runEdits: ParameterEdits) => {
    const grid = wtpGrid(max, WTP_STEPS, model.settings.wtp);
    const { strategyIds, strategyLabels, draws, seed: runSeed, costs, effects } = run;
    const view = await engineWorker().summarisePsa({ strategyIds: [...strategyIds], strategyLabels: [...strategyLabels], draws, seed: runSeed, costs, effects }, { wtpGrid: grid, comparator: comparatorId, maxPoints: MAX_PLANE_POINTS });
    setPsa({ status: 'done', view, run, edits: runEdits, wtpMax: max });
  };

  const start = async () => {
    if (!iterations.ok || !seed.ok || !wtpMax.ok || wtpMaxError) return;
    const controller = new AbortController();
    abort.current = controller;
    const total = iterations.value;
    setPsa({ status: 'running', done: 0, total });
    try {
      const run = await runPsaInWebWorkers(applyParameterEdits(model, edits), {
        iterations: total,
        seed: seed.value,
        signal: controller.signal,
        // Small chunks so the progress bar moves; draws do not depend on the chunk size.
        chunkSize: Math.max(25, Math.ceil(total / 50)),
        onProgress: ({ done }) => setPsa({ status: 'running', done, total }),
      });
      await summarise(run, comparator, wtpMax.value, edits);
    } catch (e) {
      if (e instanceof PsaCancelledError || controller.signal.aborted) setPsa({ status: 'cancelled', done: e instanceof PsaCancelledError ? e.done : 0 });
      else setPsa({ status: 'failed', message: message(e) });
    } finally {
      abort.current = null;
    }
  };

  const changeComparator = (id: string) => {
    setComparator(id);
    if (psa.status === 'done') void summarise(psa.run, id, psa.wtpMax, psa.edits).catch((e: unknown) => setPsa({ status: 'failed', message: message(e) }));
  };

  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="psa-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>Probabilistic sensitivity analysis</h2>
        <span className="subtle">{model.parameters.filter((p) => p.uncertainty?.distribution && p.uncertainty.distribution.type !== 'fixed').length} parameters sampled from their distributions</span>
      </div>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); void start(); }} aria-label="PSA settings">
        <div className="field field-short">
          <label className="field-label" htmlFor={`${formId}-iterations`}>Iterations</label>
          <input id={`${formId}-iterations`} className="input input-num" inputMode="numeric" value={iterationsText} onChange={(e) => setIterationsText(e.target.value)} aria-invalid={!iterations.ok || undefined} disabled={running} data-testid="psa-iterations" />
        </div>
        <div className="field field-short">
          <label className="field-label" htmlFor={`${formId}-seed`}>Seed</label>
          <input id={`${formId}-seed`} className="input input-num" inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value)} aria-invalid={!seed.ok || undefined} disabled={running} data-testid="psa-seed" />
        </div>
        <div className="field field-wtp">
          <label className="field-label" htmlFor={`${formId}-wtpmax`}>Largest threshold for CEAC ({currency ?? 'per unit'})</label>
          <input id={`${formId}-wtpmax`} className="input input-num" inputMode="decimal" value={wtpMaxText} onChange={(e) => setWtpMaxText(e.target.value)} aria-invalid={!!wtpMaxError || undefined} disabled={running} data-testid="psa-wtp-max" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-comparator`}>CE plane comparator</label>
          <select id={`${formId}-comparator`} className="select" value={comparator} onChange={(e) => changeComparator(e.target.value)} data-testid="psa-comparator">
            {model.strategies.map((s) => <option key={s.id} value={s.id}>{s.label ?? s.id}</option>)}
          </select>
        </div>
        {running ? (
          // Distinct keys: the Run button must be a new element, or the Cancel click would submit the form once the
          // run has stopped and the same element became the submit button again.
          <button key="cancel" type="button" className="btn" onClick={() => abort.current?.abort()} data-testid="cancel-psa">Cancel</button>
        ) : (
          <button key="run" type="submit" className="btn btn-primary" disabled={inputError !== null} data-testid="run-psa">Run PSA</button>
        )}
        <span className={inputError ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={inputError ? 'alert' : undefined}>
          {inputError ?? 'The same seed gives the same draws, whatever the number of workers.'}
        </span>
      </form>
      <div className="card-body">
        {editedSampled.length > 0 && (
          <div className="notice notice-info stale-note" data-testid="psa-edit-note">
            Edited base values apply to parameters without a distribution; {editedSampled.join(', ')} {editedSampled.length === 1 ? 'is' : 'are'} still sampled from {editedSampled.length === 1 ? 'its' : 'their'} distribution.
          </div>
        )}
        <PsaStatus psa={psa} />
        {psa.status === 'done' && <PsaResults view={psa.view} model={model} stale={psa.edits !== edits} />}
        {psa.status === 'idle' && <p className="empty">Set the number of iterations and the seed, then run the PSA.</p>}
      </div>
    </section>
  );
}

function PsaStatus({ psa }: { psa: PsaState }) {
  if (psa.status === 'running') {
    const pct = psa.total > 0 ? (100 * psa.done) / psa.total : 0;
    return (
      <div className="psa-progress" data-testid="psa-progress">
        <div className="psa-progress-track" role="progressbar" aria-label="PSA progress" aria-valuemin={0} aria-valuemax={psa.total} aria-valuenow={psa.done} aria-valuetext={`${psa.done} of ${psa.total} draws`}>
          <span className="psa-progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="subtle" aria-live="polite">{psa.done.toLocaleString('en-GB')} of {psa.total.toLocaleString('en-GB')} draws</span>
      </div>
    );
  }
  if (psa.status === 'cancelled') return <div className="notice notice-warning" role="status" data-testid="psa-cancelled">PSA cancelled after {psa.done.toLocaleString('en-GB')} draws. No results were kept.</div>;
  if (psa.status === 'failed') return <div className="notice notice-error" role="alert" data-testid="psa-error"><div><strong>The PSA stopped.</strong> {psa.message}</div></div>;
  return null;
}

function PsaResults({ view, model, stale }: { view: PsaView; model: HtaModel; stale: boolean }) {
  const currency = model.settings.currency;
  const effect = model.settings.effect;
  const money = (v: number) => formatMoney(v, currency);
  const moneyTick = (v: number) => formatMoneyCompact(v, currency);
  const labelOf = new Map(view.strategies.map((s) => [s.id, s.label]));
  const firstWtp = model.settings.wtp[0];
  const ceacRows = view.ceac.map((r, i) => ({ ...r, ceaf: view.ceaf[i]!.probability }));
  const switches = view.ceaf.filter((c, i) => i > 0 && c.optimalId !== view.ceaf[i - 1]!.optimalId);
  const optimalText = switches.length === 0
    ? `${labelOf.get(view.ceaf[0]?.optimalId ?? '') ?? ''} has the highest expected net benefit across the range.`
    : `The strategy with the highest expected net benefit changes at ${switches.map((s) => `${money(s.wtp)} (to ${labelOf.get(s.optimalId)})`).join(', ')}.`;
  return (
    <div className="section-stack" data-testid="psa-results">
      {stale && <div className="notice notice-warning stale-note">Parameters were edited after this PSA was run. Run it again to update it.</div>}
      <p className="subtle">{view.draws.toLocaleString('en-GB')} draws, seed {view.seed}.</p>
      <div className="table-wrap">
        <table className="table" data-testid="psa-means-table">
          <caption className="table-caption">Mean and 95% interval (2.5th–97.5th percentile) per patient</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">Mean cost</th>
              <th scope="col" className="num">95% interval</th>
              <th scope="col" className="num">Mean {effectLabel(effect)}</th>
              <th scope="col" className="num">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {view.means.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="row-head">{m.label}</th>
                <td className="num">{money(m.cost.mean)}</td>
                <td className="num">{money(m.cost.lower)} to {money(m.cost.upper)}</td>
                <td className="num">{formatNumber(m.effect.mean, 3)}</td>
                <td className="num">{formatNumber(m.effect.lower, 3)} to {formatNumber(m.effect.upper, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chart-grid">
        <CePlaneChart
          testId="chart-psa-plane"
          title={`Incremental cost-effectiveness plane vs ${view.comparatorLabel}`}
          description={`Each point is one draw; diamonds are the mean increments.${firstWtp !== undefined ? ` Dashed line: ${formatIcer(firstWtp, currency, effect)}.` : ''}`}
          summary={`Incremental CE plane of ${view.plane.length} strategies against ${view.comparatorLabel}: ${view.plane.map((s) => `${s.label} mean incremental cost ${money(s.meanIncCost)}, ${formatNumber(s.meanIncEffect, 4)} ${effectLabel(effect)}`).join('; ')}.`}
          series={view.plane.map((s) => ({ id: s.id, label: s.label, points: s.points.map((p) => ({ x: p.incEffect, y: p.incCost })) }))}
          highlights={view.plane.map((s) => ({ id: s.id, label: `Mean: ${s.label}`, x: s.meanIncEffect, y: s.meanIncCost }))}
          wtp={firstWtp !== undefined ? { value: firstWtp, label: `WTP ${money(firstWtp)}` } : undefined}
          xLabel={`Incremental ${effectLabel(effect)}`}
          yLabel={`Incremental cost (${currency ?? 'currency'})`}
          formatX={(v) => formatNumber(v, 3)}
          formatY={moneyTick}
          table={{
            headers: ['Strategy', 'Mean incremental cost', `Mean incremental ${effectLabel(effect)}`, 'ICER (ratio of means)'],
            rows: view.plane.map((s) => [s.label, money(s.meanIncCost), formatNumber(s.meanIncEffect, 4), formatIcer(s.icer, currency, effect)]),
          }}
          note={view.plottedPoints < view.draws * view.plane.length ? `Showing ${view.plottedPoints.toLocaleString('en-GB')} of ${(view.draws * view.plane.length).toLocaleString('en-GB')} points (evenly spaced draws); means use every draw.` : `All ${view.draws.toLocaleString('en-GB')} draws shown.`}
        />
        <SeriesLineChart
          testId="chart-ceac"
          title="Cost-effectiveness acceptability curves and frontier"
          description="Probability that each strategy has the highest net benefit; the dashed black line (CEAF) follows the strategy with the highest expected net benefit."
          summary={`CEAC of ${view.strategies.length} strategies from ${money(0)} to ${money(view.ceac[view.ceac.length - 1]?.wtp ?? 0)}. ${optimalText}`}
          rows={ceacRows}
          xKey="wtp"
          xLabel={`Willingness to pay (${currency ?? 'currency'} per ${effectUnit(effect)})`}
          yLabel="Probability cost-effective"
          series={[...view.strategies.map((s) => ({ key: s.id, label: s.label })), { key: 'ceaf', label: 'CEAF (optimal strategy)', color: chartInk.text, dashed: true }]}
          formatX={moneyTick}
          formatY={(v) => formatPercent(v, 0)}
          formatTable={(v) => formatPercent(v, 1)}
          yDomain={[0, 1]}
          markers={model.settings.wtp.map((w) => ({ x: w, label: moneyTick(w) }))}
          note={optimalText}
        />
        <SeriesLineChart
          testId="chart-evpi"
          title="Expected value of perfect information (per patient)"
          description="What removing all parameter uncertainty would be worth per patient, by threshold."
          summary={`EVPI per patient from ${money(view.evpi[0]?.evpi ?? 0)} to a maximum of ${money(Math.max(...view.evpi.map((e) => e.evpi)))}.`}
          rows={view.evpi}
          xKey="wtp"
          xLabel={`Willingness to pay (${currency ?? 'currency'} per ${effectUnit(effect)})`}
          yLabel={`EVPI (${currency ?? 'currency'})`}
          series={[{ key: 'evpi', label: 'EVPI per patient' }]}
          formatX={moneyTick}
          formatY={money}
          yDomain={[0, 'auto']}
          markers={model.settings.wtp.map((w) => ({ x: w, label: moneyTick(w) }))}
        />
      </div>
    </div>
  );
}

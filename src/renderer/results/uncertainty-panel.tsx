import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { HtaModel } from '../../engine/model/schema';
import type { OneWayResult } from '../../engine/sensitivity/one-way';
import { PsaCancelledError, PsaDrawError } from '../../engine/psa/psa-run';
import type { PsaRun } from '../../engine/psa/psa-run';
import { defaultWtpMax, wtpGrid } from '../../engine/analysis/psa-view';
import type { PsaView } from '../../engine/analysis/psa-view';
import { psaRunFromResults, psaRunResults } from '../../engine/analysis/run-payloads';
import type { PsaRunInputs, PsaRunResults, TornadoRunInputs } from '../../engine/analysis/run-payloads';
import { psaMeansTable, tornadoTable } from '../../report/results-tables';
import { tornadoBars } from '../charts/chart-data';
import { SeriesLineChart } from '../charts/line-chart';
import { seriesColor } from '../charts/palette';
import { TornadoChart } from '../charts/tornado-chart';
import type { RunRecord } from '../db/records';
import { TableExport } from '../exports/export-menu';
import { engineWorker } from '../workers/engine-client';
import { runPsaInWebWorkers, warmPsaWorkers } from '../workers/psa-client';
import { parameterRangeText } from '../../report/model-description';
import { sampledInputCount } from '../../engine/uncertainty/sampled-parameters';
import { capitalFirst, displayFormats, effectNoun, effectUnit, formatCount, formatIcer, formatMoney, formatMoneyAxis, formatMoneyChange, formatNumber, formatNumberChange, formatParameter, formatPercent, parseDisplayNumber } from '../settings/display-format';
import { PsaCharts } from './psa-charts';
import { proseWithAmounts } from '../i18n/amounts-in-prose';
import { RunStatus } from './run-status';
import './analyses.css';
import { useStoreRun, useStoredRun } from './use-stored-run';
import { useLanguage } from '../i18n/language';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';
import type { RunContext } from './run-status';
import { describeDrawFailure, describeProblem } from '../../report/engine-problems';
import { ScrollRegion } from '../ui/scroll-region';

// Deterministic (tornado) and probabilistic sensitivity analysis of a workspace model. Every run is stored with its
// provenance and shown again when the model is reopened; a run made from another version of the model says it is
// out of date and offers to run it again with the same settings. The tornado runs in the engine worker, the PSA on
// the PSA worker pool (progress, cancel with the finished draws kept on request), its summaries in the engine worker.

export const MAX_PLANE_POINTS = 2000;
const WTP_STEPS = 40;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A whole number in [min, max] from text (the display language's rule), or an error message. report/number-input.ts
 * words its messages in English; with `t` in another language the rule is said in that language instead.
 */
export function parseWhole(text: string, min: number, max: number, what: string, t?: Translate): { ok: true; value: number } | { ok: false; error: string } {
  const parsed = parseDisplayNumber(text, { whole: true, min, max, what });
  if (parsed.ok || !t || displayFormats().locale === 'en') return parsed;
  return { ok: false, error: t('uncertainty.wholeFromTo', { what, min: formatCount(min), max: formatCount(max) }) };
}

/** A willingness-to-pay (>= 0) from text (the display language's rule), or an error message (see parseWhole). */
export function parseWtp(text: string, t?: Translate): { ok: true; value: number } | { ok: false; error: string } {
  const parsed = parseDisplayNumber(text, { min: 0, what: 'The threshold' });
  if (parsed.ok || !t || displayFormats().locale === 'en') return parsed;
  return { ok: false, error: t('uncertainty.thresholdNumber') };
}

export function UncertaintyPanel({ ctx, model }: { ctx: RunContext; model: HtaModel }) {
  return (
    <div className="section-stack">
      <DsaSection ctx={ctx} model={model} />
      <PsaSection ctx={ctx} model={model} />
    </div>
  );
}

function DsaSection({ ctx, model }: { ctx: RunContext; model: HtaModel }) {
  const { t, fmt } = useLanguage();
  const ids = model.strategies.map((s) => s.id);
  const label = (id: string) => model.strategies.find((s) => s.id === id)?.label ?? id;
  const currency = model.settings.currency;
  const { stored, setStored } = useStoredRun<OneWayResult>(ctx, 'one-way');
  const [comparator, setComparator] = useState(ids[0] ?? '');
  const [strategy, setStrategy] = useState(ids[1] ?? ids[0] ?? '');
  const [wtpText, setWtpText] = useState(String(model.settings.wtp[0] ?? 0));
  const { running, problems, runAndStore } = useStoreRun(ctx, 'one-way', setStored);
  const formId = useId();
  const [formFor, setFormFor] = useState<string | null>(null);
  if (stored && formFor !== stored.run.id) {
    // The form starts from the settings of the run shown.
    const inputs = stored.run.inputs as unknown as TornadoRunInputs;
    setFormFor(stored.run.id);
    setComparator(inputs.comparator);
    setStrategy(inputs.strategy);
    setWtpText(String(inputs.wtp));
  }
  const wtp = parseWtp(wtpText, t);
  const same = comparator === strategy;

  const run = async (request: TornadoRunInputs) => {
    const record = await runAndStore((runModel) => engineWorker().runTornado(runModel, request), {
      label: t('uncertainty.tornadoRunLabel', { strategy: label(request.strategy), comparator: label(request.comparator), wtp: formatMoney(request.wtp, currency), unit: effectUnit(model.settings.effect, t) }),
      inputs: { ...request },
    });
    if (record) setFormFor(record.id);
  };

  const result = stored?.results ?? null;
  const bars = result ? tornadoBars(result.rows, result.base.incNmb) : [];
  const failed = result ? result.rows.filter((r) => r.errors.length > 0) : [];
  const money = (v: number) => formatMoney(v, currency);
  const blocked = !ctx.model ? t('uncertainty.waiting') : null;
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="dsa-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('uncertainty.dsaTitle')}</h2>
        <span className="subtle">{t('uncertainty.dsaOutcome')}</span>
        {result && <TableExport table={() => tornadoTable(result, label, currency)} testId="export-tornado-table" />}
      </div>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (wtp.ok && !same) void run({ wtp: wtp.value, comparator, strategy }); }} aria-label={t('uncertainty.dsaSettings')}>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-strategy`}>{t('results.strategy')}</label>
          <select id={`${formId}-strategy`} className="select" value={strategy} onChange={(e) => setStrategy(e.target.value)} data-testid="dsa-strategy">
            {ids.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-comparator`}>{t('uncertainty.comparedWith')}</label>
          <select id={`${formId}-comparator`} className="select" value={comparator} onChange={(e) => setComparator(e.target.value)} data-testid="dsa-comparator">
            {ids.map((id) => <option key={id} value={id}>{label(id)}</option>)}
          </select>
        </div>
        <div className="field field-wtp">
          <label className="field-label" htmlFor={`${formId}-wtp`}>{t('uncertainty.wtpField', { currency: currency ?? t('uncertainty.perUnit'), unit: effectUnit(model.settings.effect, t) })}</label>
          <input id={`${formId}-wtp`} className="input input-num" inputMode="decimal" list={`${formId}-wtps`} value={wtpText} onChange={(e) => setWtpText(e.target.value)}
            aria-invalid={!wtp.ok || undefined} aria-describedby={`${formId}-wtp-note`} data-testid="dsa-wtp" />
          <datalist id={`${formId}-wtps`}>{model.settings.wtp.map((w) => <option key={w} value={w} />)}</datalist>
        </div>
        <button type="submit" className="btn btn-primary" disabled={!wtp.ok || same || running || blocked !== null} data-testid="run-dsa">
          {running ? t('reportPage.running') : result ? t('reportPage.rerun') : t('uncertainty.runTornado')}
        </button>
        <span id={`${formId}-wtp-note`} className={!wtp.ok || same ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={!wtp.ok || same ? 'alert' : undefined}>
          {!wtp.ok ? wtp.error : same ? t('uncertainty.twoStrategies') : blocked ?? t('uncertainty.dsaHint')}
        </span>
      </form>
      <div className="card-body">
        {problems.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="dsa-error">
            <div>
              <strong>{t('uncertainty.dsaFailed')}</strong>
              <ul className="plain-list">{problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{describeProblem(p, t, fmt)}</li>)}</ul>
            </div>
          </div>
        )}
        {stored && result ? (
          <>
            <RunStatus run={stored.run} hash={ctx.hash} testId="dsa-run-status" busy={running || blocked !== null} onRerun={() => void run(stored.run.inputs as unknown as TornadoRunInputs)} />
            <TornadoChart
              testId="chart-tornado"
              title={t('uncertainty.tornadoTitle', { strategy: label(result.strategy), comparator: label(result.comparator), wtp: formatIcer(result.wtp, currency, model.settings.effect) })}
              description={proseWithAmounts(t, result.rows.length > bars.length ? 'uncertainty.tornadoDescriptionOf' : 'uncertainty.tornadoDescription', { base: money(result.base.incNmb), n: bars.length, total: result.rows.length }, ['base'])}
              summary={t('uncertainty.tornadoSummary', { swings: bars.slice(0, 5).map((b) => t('uncertainty.fromTo', { label: b.label, from: money(b.outcomeLow), to: money(b.outcomeHigh) })).join('; ') })}
              bars={bars}
              base={result.base.incNmb}
              outcomeLabel={t('uncertainty.incNmbAxis', { currency: currency ?? t('analysis.currency') })}
              formatOutcome={money}
              formatValue={formatParameter}
              rangeLabel={(b) => {
                const p = model.parameters.find((q) => q.id === b.parameter);
                return parameterRangeText({ id: b.parameter, label: b.label, unit: p?.unit, kind: p?.kind }, b.low, b.high, currency, displayFormats(), t);
              }}
              note={bars.some((b) => b.decisionChanges) ? t('uncertainty.decisionChanges', { parameters: bars.filter((b) => b.decisionChanges).map((b) => b.label).join(', ') }) : t('uncertainty.noDecisionChange')}
            />
            {failed.length > 0 && (
              <div className="notice notice-warning" data-testid="dsa-failed-steps">
                <div>
                  <strong>{t(failed.length === 1 ? 'uncertainty.failedOne' : 'uncertainty.failedMany', { n: failed.length })}</strong>
                  <ul className="plain-list">{failed.flatMap((r) => r.errors.map((e, i) => <li key={`${r.parameter}-${i}`}>{e.message}</li>))}</ul>
                </div>
              </div>
            )}
          </>
        ) : (
          problems.length === 0 && <p className="empty">{t('uncertainty.dsaEmpty')}</p>
        )}
      </div>
    </section>
  );
}

type PsaStatus =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'cancelled'; done: number; total: number; partial: PsaRun | null; inputs: PsaRunInputs; hash: string; startedAt: string; durationMs: number }
  | { status: 'failed'; message: string };

interface ShownPsa {
  run: RunRecord;
  results: PsaRunResults;
  view: PsaView;
  comparator: string;
  wtpMax: number;
}

/** A stored PSA's summaries and chart data (in the engine worker), at a comparator and CEAC range. */
async function summariseRun(model: HtaModel, run: RunRecord, results: PsaRunResults, comparatorId: string, max: number): Promise<ShownPsa> {
  const grid = wtpGrid(max, WTP_STEPS, model.settings.wtp);
  const psa = psaRunFromResults(results);
  const view = await engineWorker().summarisePsa(
    { strategyIds: [...psa.strategyIds], strategyLabels: [...psa.strategyLabels], draws: psa.draws, seed: psa.seed, costs: psa.costs, effects: psa.effects },
    { wtpGrid: grid, comparator: results.strategyIds.includes(comparatorId) ? comparatorId : results.strategyIds[0]!, maxPoints: MAX_PLANE_POINTS, thresholds: [...model.settings.wtp] },
  );
  return { run, results, view, comparator: view.comparator, wtpMax: max };
}

function psaLabel(inputs: PsaRunInputs, done: number, t: Translate): string {
  return done < inputs.iterations
    ? t('uncertainty.psaRunLabelPartial', { done: formatCount(done), total: formatCount(inputs.iterations), seed: inputs.seed })
    : t('uncertainty.psaRunLabel', { total: formatCount(inputs.iterations), seed: inputs.seed });
}

function PsaSection({ ctx, model }: { ctx: RunContext; model: HtaModel }) {
  const { t, fmt } = useLanguage();
  const ids = model.strategies.map((s) => s.id);
  const currency = model.settings.currency;
  const formId = useId();
  const [iterationsText, setIterationsText] = useState('1000');
  const [seedText, setSeedText] = useState('1');
  const [wtpMaxText, setWtpMaxText] = useState(String(defaultWtpMax(model.settings.wtp)));
  const [comparator, setComparator] = useState(ids[0] ?? '');
  const [status, setStatus] = useState<PsaStatus>({ status: 'idle' });
  const [shown, setShown] = useState<ShownPsa | null>(null);
  const [reopenMs, setReopenMs] = useState<{ fromRequest: number; sinceNavigation: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const { stored } = useStoredRun<PsaRunResults>(ctx, 'psa');
  const iterations = parseWhole(iterationsText, 10, 100000, t('uncertainty.iterations'), t);
  const seed = parseWhole(seedText, 0, 4294967295, t('reportPage.seed'), t);
  const wtpMax = parseWtp(wtpMaxText, t);
  const wtpMaxError = wtpMax.ok && wtpMax.value <= 0 ? t('uncertainty.wtpMaxPositive') : wtpMax.ok ? null : wtpMax.error;
  const inputError = !iterations.ok ? iterations.error : !seed.ok ? seed.error : wtpMaxError;
  const running = status.status === 'running';
  // Joint distributions' members count too: the same inputs the EVPPI section lists.
  const sampled = sampledInputCount(model);

  const summarise = async (run: RunRecord, results: PsaRunResults, comparatorId: string, max: number): Promise<void> => {
    setShown(await summariseRun(model, run, results, comparatorId, max));
  };

  // A stored run (the latest, or the one chosen in the runs list) is shown at once; the time to its first chart is
  // measured (data-reopen-ms on the results) so the test suite can report it.
  const [formFor, setFormFor] = useState<string | null>(null);
  if (stored && formFor !== stored.run.id) {
    // The form starts from the settings of the run shown.
    const inputs = stored.run.inputs as unknown as PsaRunInputs;
    setFormFor(stored.run.id);
    setComparator(inputs.comparator);
    setWtpMaxText(String(inputs.wtpMax));
    setIterationsText(String(inputs.iterations));
    setSeedText(String(inputs.seed));
  }
  // Load the PSA workers while the user reads the screen: the first run then starts at once.
  useEffect(() => warmPsaWorkers(), []);
  useEffect(() => {
    if (!stored || shown?.run.id === stored.run.id) return;
    const t0 = stored.requestedAt ?? performance.now();
    const inputs = stored.run.inputs as unknown as PsaRunInputs;
    void summariseRun(model, stored.run, stored.results, inputs.comparator, inputs.wtpMax)
      .then((next) => {
        setShown(next);
        // Two frames: the charts are laid out and painted by then.
        requestAnimationFrame(() => requestAnimationFrame(() => setReopenMs({ fromRequest: performance.now() - t0, sinceNavigation: performance.now() })));
      })
      .catch((e: unknown) => setStatus({ status: 'failed', message: message(e) }));
    // summarise reads the current model only for its thresholds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);

  const store = async (inputs: PsaRunInputs, run: PsaRun, hash: string, startedAt: string, durationMs: number) => {
    const record = await ctx.store.addRun({
      modelId: ctx.modelId,
      kind: 'psa',
      label: psaLabel(inputs, run.draws, t),
      modelHash: hash,
      startedAt,
      durationMs,
      status: run.draws < inputs.iterations ? 'partial' : 'complete',
      seed: inputs.seed,
      iterations: inputs.iterations,
      completedIterations: run.draws,
      inputs: { ...inputs },
      results: psaRunResults(run),
    });
    await summarise(record, psaRunResults(run), inputs.comparator, inputs.wtpMax);
  };

  const start = async (inputs: PsaRunInputs) => {
    const runModel = ctx.model;
    if (!runModel) return;
    const hash = ctx.hash;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ status: 'running', done: 0, total: inputs.iterations });
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    try {
      const run = await runPsaInWebWorkers(runModel, {
        iterations: inputs.iterations,
        seed: inputs.seed,
        signal: controller.signal,
        // Small chunks so the progress bar moves; draws do not depend on the chunk size.
        chunkSize: Math.max(25, Math.ceil(inputs.iterations / 50)),
        onProgress: ({ done }) => setStatus({ status: 'running', done, total: inputs.iterations }),
      });
      await store(inputs, run, hash, startedAt, performance.now() - t0);
      setStatus({ status: 'idle' });
    } catch (e) {
      if (e instanceof PsaCancelledError || controller.signal.aborted) {
        const cancelled = e instanceof PsaCancelledError ? e : null;
        setStatus({ status: 'cancelled', done: cancelled?.done ?? 0, total: inputs.iterations, partial: cancelled?.partial ?? null, inputs, hash, startedAt, durationMs: performance.now() - t0 });
      } else setStatus({ status: 'failed', message: (e instanceof PsaDrawError ? describeDrawFailure(e.failure, t, fmt) : undefined) ?? message(e) });
    } finally {
      abort.current = null;
    }
  };

  const keepPartial = async () => {
    if (status.status !== 'cancelled' || !status.partial) return;
    try {
      await store(status.inputs, status.partial, status.hash, status.startedAt, status.durationMs);
      setStatus({ status: 'idle' });
    } catch (e) {
      setStatus({ status: 'failed', message: message(e) });
    }
  };

  const reshow = (comparatorId: string, max: number) => {
    if (shown) void summarise(shown.run, shown.results, comparatorId, max).catch((e: unknown) => setStatus({ status: 'failed', message: message(e) }));
  };
  const changeComparator = (id: string) => {
    setComparator(id);
    reshow(id, shown?.wtpMax ?? (wtpMax.ok ? wtpMax.value : defaultWtpMax(model.settings.wtp)));
  };
  const inputsFromForm = (): PsaRunInputs | null =>
    iterations.ok && seed.ok && wtpMax.ok && !wtpMaxError ? { iterations: iterations.value, seed: seed.value, wtpMax: wtpMax.value, comparator } : null;

  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="psa-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('uncertainty.psaTitle')}</h2>
        <span className="subtle">{t('uncertainty.psaSampled', { n: sampled })}</span>
        {shown && <TableExport table={() => psaMeansTable(shown.view, model.settings.effect, currency)} testId="export-psa-means" />}
      </div>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); const inputs = inputsFromForm(); if (inputs) void start(inputs); }} aria-label={t('uncertainty.psaSettings')}>
        <div className="field field-short">
          <label className="field-label" htmlFor={`${formId}-iterations`}>{t('uncertainty.iterations')}</label>
          <input id={`${formId}-iterations`} className="input input-num" inputMode="numeric" value={iterationsText} onChange={(e) => setIterationsText(e.target.value)} aria-invalid={!iterations.ok || undefined} disabled={running} data-testid="psa-iterations" />
        </div>
        <div className="field field-short">
          <label className="field-label" htmlFor={`${formId}-seed`}>{t('reportPage.seed')}</label>
          <input id={`${formId}-seed`} className="input input-num" inputMode="numeric" value={seedText} onChange={(e) => setSeedText(e.target.value)} aria-invalid={!seed.ok || undefined} disabled={running} data-testid="psa-seed" />
        </div>
        <div className="field field-wtp">
          <label className="field-label" htmlFor={`${formId}-wtpmax`}>{t('uncertainty.wtpMax', { currency: currency ?? t('uncertainty.perUnit') })}</label>
          <input id={`${formId}-wtpmax`} className="input input-num" inputMode="decimal" value={wtpMaxText}
            onChange={(e) => setWtpMaxText(e.target.value)} onBlur={() => { const w = parseWtp(wtpMaxText); if (w.ok && w.value > 0 && shown && w.value !== shown.wtpMax) reshow(comparator, w.value); }}
            aria-invalid={!!wtpMaxError || undefined} disabled={running} data-testid="psa-wtp-max" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-comparator`}>{t('uncertainty.planeComparator')}</label>
          <select id={`${formId}-comparator`} className="select" value={comparator} onChange={(e) => changeComparator(e.target.value)} data-testid="psa-comparator">
            {model.strategies.map((s) => <option key={s.id} value={s.id}>{s.label ?? s.id}</option>)}
          </select>
        </div>
        {running ? (
          // Distinct keys: the Run button must be a new element, or the Cancel click would submit the form once the
          // run has stopped and the same element became the submit button again.
          <button key="cancel" type="button" className="btn" onClick={() => abort.current?.abort()} data-testid="cancel-psa">{t('common.cancel')}</button>
        ) : (
          <button key="run" type="submit" className="btn btn-primary" disabled={inputError !== null || !ctx.model} data-testid="run-psa">{t('uncertainty.runPsa')}</button>
        )}
        <span className={inputError ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={inputError ? 'alert' : undefined}>
          {inputError ?? (ctx.model ? t('uncertainty.seedHint') : t('uncertainty.waiting'))}
        </span>
      </form>
      <div className="card-body">
        <PsaProgress status={status} onKeep={() => void keepPartial()} onDiscard={() => setStatus({ status: 'idle' })} />
        {shown && (
          <PsaResults
            shown={shown}
            model={model}
            reopenMs={reopenMs}
            status={<RunStatus run={shown.run} hash={ctx.hash} testId="psa-run-status" drawsTestId="psa-draws" busy={running || !ctx.model} onRerun={() => void start({ ...(shown.run.inputs as unknown as PsaRunInputs) })} />}
          />
        )}
        {!shown && status.status === 'idle' && <p className="empty">{t('uncertainty.psaEmpty')}</p>}
      </div>
    </section>
  );
}

function PsaProgress({ status, onKeep, onDiscard }: { status: PsaStatus; onKeep: () => void; onDiscard: () => void }) {
  const { t } = useLanguage();
  if (status.status === 'running') {
    const pct = status.total > 0 ? (100 * status.done) / status.total : 0;
    return (
      <div className="psa-progress" data-testid="psa-progress">
        <div className="psa-progress-track" role="progressbar" aria-label={t('uncertainty.psaProgress')} aria-valuemin={0} aria-valuemax={status.total} aria-valuenow={status.done} aria-valuetext={t('analysis.drawsOf', { done: status.done, total: status.total })}>
          <span className="psa-progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <span className="subtle" aria-live="polite">{t('analysis.drawsOf', { done: formatCount(status.done), total: formatCount(status.total) })}</span>
      </div>
    );
  }
  if (status.status === 'cancelled') {
    const kept = status.partial?.draws ?? 0;
    return (
      <div className="notice notice-warning psa-cancelled" role="status" data-testid="psa-cancelled">
        <div>
          <strong>{t('uncertainty.psaCancelled', { done: formatCount(status.done), total: formatCount(status.total) })}</strong>{' '}
          {kept > 0
            ? t(kept === status.done ? 'uncertainty.keepAll' : 'uncertainty.keepFirst', { n: formatCount(kept) })
            : t('uncertainty.nothingToKeep')}
          <div className="btn-group psa-cancelled-actions">
            {kept > 0 && <button type="button" className="btn btn-sm btn-primary" onClick={onKeep} data-testid="psa-keep-partial">{t('uncertainty.keepPartial', { n: formatCount(kept) })}</button>}
            <button type="button" className="btn btn-sm" onClick={onDiscard} data-testid="psa-discard-partial">{kept > 0 ? t('uncertainty.discard') : t('uncertainty.close')}</button>
          </div>
        </div>
      </div>
    );
  }
  if (status.status === 'failed') return <div className="notice notice-error" role="alert" data-testid="psa-error"><div><strong>{t('uncertainty.psaStopped')}</strong> {status.message}</div></div>;
  return null;
}

function PsaResults({ shown, model, status, reopenMs }: { shown: ShownPsa; model: HtaModel; status: ReactNode; reopenMs: { fromRequest: number; sinceNavigation: number } | null }) {
  const { t } = useLanguage();
  const { view, run } = shown;
  const currency = model.settings.currency;
  const effect = model.settings.effect;
  const money = (v: number) => formatMoney(v, currency);
  const wtpTick = formatMoneyAxis(shown.wtpMax, currency);
  const incCostTick = formatMoneyAxis(Math.max(0, ...view.plane.flatMap((s) => s.points.map((p) => Math.abs(p.incCost)))), currency);
  return (
    <div className="section-stack" data-testid="psa-results" data-run-id={run.id} data-reopen-ms={reopenMs?.fromRequest} data-since-navigation-ms={reopenMs?.sinceNavigation}>
      {status}
      {run.status === 'partial' && (
        <div className="notice notice-warning" data-testid="psa-partial-note">
          {t('uncertainty.partialNote', { done: formatCount(view.draws), total: formatCount(run.iterations ?? view.draws) })}
        </div>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="psa-means-table">
          <caption className="table-caption">{t('uncertainty.meansCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.strategy')}</th>
              <th scope="col" className="num">{t('uncertainty.meanCost')}</th>
              <th scope="col" className="num">{t('uncertainty.interval')}</th>
              <th scope="col" className="num">{capitalFirst(t('uncertainty.meanEffect', { effect: effectNoun(effect, t) }))}</th>
              <th scope="col" className="num">{t('uncertainty.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {view.means.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="row-head">{m.label}</th>
                <td className="num">{money(m.cost.mean)}</td>
                <td className="num">{t('uncertainty.range', { low: money(m.cost.lower), high: money(m.cost.upper) })}</td>
                <td className="num">{formatNumber(m.effect.mean, 3)}</td>
                <td className="num">{t('uncertainty.range', { low: formatNumber(m.effect.lower, 3), high: formatNumber(m.effect.upper, 3) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PsaIncrementalTable shown={shown} model={model} />
      <PsaCharts
        view={view}
        testIds={{ plane: 'chart-psa-plane', ceac: 'chart-ceac', evpi: 'chart-evpi' }}
        per="patient"
        currency={currency}
        effectNoun={effectNoun(effect, t)}
        effectUnit={effectUnit(effect, t)}
        effectDigits={3}
        money={money}
        moneyTick={wtpTick}
        costTick={incCostTick}
        icer={(v) => formatIcer(v, currency, effect)}
        wtpMarkers={model.settings.wtp}
        evpiDescription={t('uncertainty.evpiDescription')}
      >
        {view.convergence && view.convergence.rows.length > 1 && (
          <SeriesLineChart
            testId="chart-psa-convergence"
            title={t('uncertainty.convergenceTitle', { comparator: view.comparatorLabel })}
            description={t('uncertainty.convergenceDescription', { wtp: formatIcer(view.convergence.wtp, currency, effect) })}
            summary={t('uncertainty.convergenceSummary', { n: formatCount(view.draws), values: view.plane.map((s) => `${s.label} ${money(view.convergence!.rows[view.convergence!.rows.length - 1]![s.id] ?? Number.NaN)}`).join('; ') })}
            rows={view.convergence.rows}
            xKey="draws"
            xLabel={t('uncertainty.drawsAxis')}
            xDomain={[0, view.draws]}
            yLabel={t('uncertainty.meanIncNmbAxis', { currency: currency ?? t('analysis.currency') })}
            series={view.plane.map((s) => ({ key: s.id, label: t('uncertainty.versus', { strategy: s.label, comparator: view.comparatorLabel }), color: seriesColor(Math.max(0, view.strategies.findIndex((x) => x.id === s.id))) }))}
            formatX={(v) => formatCount(v)}
            formatY={formatMoneyAxis(Math.max(0, ...view.convergence.rows.flatMap((r) => view.plane.map((s) => Math.abs(r[s.id] ?? 0)))), currency)}
            formatTable={money}
            yReference={{ y: 0, label: t('uncertainty.zero') }}
          />
        )}
      </PsaCharts>
    </div>
  );
}

/**
 * Thresholds typed as "30,000; 50,000" (semicolons between them; spaces too where a space is not a thousands
 * separator of the display language, which reads each number), or an error message.
 */
export function parseThresholds(text: string, t: Translate = translator('en')): { ok: true; values: number[] } | { ok: false; error: string } {
  const parts = text.split(';').map((t) => t.trim()).filter((t) => t !== '').flatMap((t) => (parseWtp(t).ok ? [t] : t.split(/\s+/)));
  if (parts.length === 0) return { ok: false, error: t('uncertainty.thresholdsNone') };
  if (parts.length > 8) return { ok: false, error: t('uncertainty.thresholdsTooMany') };
  const values: number[] = [];
  for (const part of parts) {
    const w = parseWtp(part, t);
    if (!w.ok) return { ok: false, error: t('uncertainty.thresholdInvalid', { part, error: w.error }) };
    values.push(w.value);
  }
  return { ok: true, values: [...new Set(values)].sort((x, y) => x - y) };
}

/**
 * Each strategy against the comparator at thresholds the user chooses (the model's by default): increments with 95%
 * intervals, the incremental NMB with its interval and the probability of being cost-effective.
 */
function PsaIncrementalTable({ shown, model }: { shown: ShownPsa; model: HtaModel }) {
  const { t } = useLanguage();
  const formId = useId();
  const currency = model.settings.currency;
  const effect = model.settings.effect;
  const [text, setText] = useState(model.settings.wtp.join('; '));
  const [view, setView] = useState<PsaView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const parsed = parseThresholds(text, t);
  const key = parsed.ok ? parsed.values.join(',') : null;
  useEffect(() => {
    let live = true;
    if (key === null || !parsed.ok) return;
    const r = shown.results;
    engineWorker()
      .summarisePsa(
        { strategyIds: r.strategyIds, strategyLabels: r.strategyLabels, draws: r.draws, seed: r.seed, costs: r.costs, effects: r.effects },
        { wtpGrid: parsed.values, comparator: shown.comparator, maxPoints: 0, thresholds: parsed.values },
      )
      .then((v) => {
        if (!live) return;
        setView(v);
        setFailure(null);
      })
      .catch((e: unknown) => live && setFailure(message(e)));
    return () => {
      live = false;
    };
    // parsed follows key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown.results, shown.comparator, key]);
  const rows = view?.incremental ?? [];
  const money = (v: number) => formatMoneyChange(v, currency);
  const thresholds = rows[0]?.byWtp.map((b) => b.wtp) ?? [];
  const ceacAt = (wtp: number) => view?.ceac.find((r) => r.wtp === wtp);
  const strategies = view ? [{ id: view.comparator, label: view.comparatorLabel, reference: true as const }, ...rows.map((r) => ({ ...r, reference: false as const }))] : [];
  const error = !parsed.ok ? parsed.error : failure;
  // A narrow table breaks an interval after "to", never between a sign and its amount ("+" / "€843").
  const keepSign = (text: string) => text.replace(/^([+\u2212-])/, '$1\u2060');
  const interval = (low: number, high: number, format: (v: number) => string) => t('uncertainty.range', { low: keepSign(format(low)), high: keepSign(format(high)) });
  return (
    <div className="section-stack">
      <div className="toolbar toolbar-plain">
        <div className="field field-wtp">
          <label className="field-label" htmlFor={`${formId}-thresholds`}>{t('uncertainty.tableThresholds', { currency: currency ?? t('uncertainty.perUnit'), unit: effectUnit(effect, t) })}</label>
          <input id={`${formId}-thresholds`} className="input input-num" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!parsed.ok || undefined} aria-describedby={`${formId}-thresholds-note`} data-testid="psa-thresholds" />
        </div>
        <span id={`${formId}-thresholds-note`} className={error ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={error ? 'alert' : undefined}>
          {error ?? t('uncertainty.thresholdsHint')}
        </span>
      </div>
      {view && rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table-money table-psa-incremental" data-testid="psa-incremental-table">
            <caption className="table-caption">{t('uncertainty.incrementalCaption', { comparator: view.comparatorLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.strategy')}</th>
                <th scope="col" className="num">{t('analysis.incCost')}</th>
                <th scope="col" className="num">{capitalFirst(t('analysis.incEffect', { effect: effectNoun(effect, t) }))}</th>
              </tr>
            </thead>
            <tbody>
              {strategies.map((r) => (
                <tr key={r.id} data-testid="psa-incremental-row">
                  <th scope="row" className="row-head">{r.label}</th>
                  {r.reference ? (
                    <td className="num subtle" colSpan={2}>{t('uncertainty.comparator')}</td>
                  ) : (
                    <>
                      <td className="num">{money(r.incCost.mean)}<span className="interval">{interval(r.incCost.lower, r.incCost.upper, money)}</span></td>
                      <td className="num">{formatNumberChange(r.incEffect.mean, 4)}<span className="interval">{interval(r.incEffect.lower, r.incEffect.upper, (v) => formatNumberChange(v, 4))}</span></td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* Thresholds as rows and strategies as columns: eight thresholds fit the card as well as two, with no sideways scrolling. */}
      {view && rows.length > 0 && thresholds.length > 0 && (
        <ScrollRegion label={t('uncertainty.byThresholdRegion')}>
          <table className="table table-money table-psa-incremental table-psa-thresholds table-wrap-head" data-testid="psa-threshold-table">
            <caption className="table-caption">{t('uncertainty.byThresholdCaption', { comparator: view.comparatorLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('uncertainty.thresholdColumn', { unit: effectUnit(effect, t) })}</th>
                <th scope="col">{t('uncertainty.measureColumn')}</th>
                {strategies.map((r) => <th key={r.id} scope="col" className="num">{r.label}</th>)}
              </tr>
            </thead>
            {thresholds.map((w, i) => (
              <tbody key={w} data-testid="psa-threshold-rows" data-wtp={w}>
                <tr>
                  <th scope="rowgroup" rowSpan={2} className="row-head nowrap">{formatMoney(w, currency)}</th>
                  <th scope="row" className="row-head-plain">{t('uncertainty.probCe')}</th>
                  {strategies.map((r) => <td key={r.id} className="num" data-testid="psa-prob-ce" data-strategy={r.id}>{formatPercent(ceacAt(w)?.[r.id] ?? Number.NaN, 1)}</td>)}
                </tr>
                <tr>
                  <th scope="row" className="row-head-plain">{t('uncertainty.incNmb')}</th>
                  {strategies.map((r) => {
                    if (r.reference) return <td key={r.id} className="num subtle">{t('uncertainty.comparator')}</td>;
                    const b = r.byWtp[i]!;
                    return <td key={r.id} className="num" data-testid="psa-inc-nmb" data-strategy={r.id}>{money(b.incNmb.mean)}<span className="interval">{interval(b.incNmb.lower, b.incNmb.upper, money)}</span></td>;
                  })}
                </tr>
              </tbody>
            ))}
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}

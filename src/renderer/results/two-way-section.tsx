import { useId, useState } from 'react';
import type { ParameterRange } from '../../engine/analysis/model-check';
import type { TwoWayRequest } from '../../engine/analysis/sensitivity-runs';
import type { HtaModel } from '../../engine/model/schema';
import type { TwoWayResult } from '../../engine/sensitivity/two-way';
import type { OneWayResult } from '../../engine/sensitivity/one-way';
import { editableNumber, effectUnit, formatIcer, formatMoney, formatMoneyAxis } from '../settings/display-format';
import { HeatMapChart } from '../charts/heat-map-chart';
import type { HeatCell } from '../charts/heat-map-chart';
import { seriesColor } from '../charts/palette';
import type { ParsedInput } from '../models/parameter-input';
import { engineWorker } from '../workers/engine-client';
import { NumberField, ParameterSelect, ProblemsNotice, parameterFormatter, parameterName, parseEnd, rangedParameters } from './analysis-parts';
import { RunStatus } from './run-status';
import './analyses.css';
import type { RunContext } from './run-status';
import { useStoreRun, useStoredRun } from './use-stored-run';
import { parseWhole, parseWtp } from './uncertainty-panel';
import { useLanguage } from '../i18n/language';

// Two-way sensitivity analysis: two parameters over their ranges on a grid, a heat map of the optimal strategy (or
// of one strategy's incremental NMB over a comparator) with the base case marked. Runs in the engine worker and is
// stored with the model like the tornado.

// Losses in reds (darkest furthest below zero), gains in blues (darkest furthest above).
const LOSS_COLORS = ['#f0b48a', '#e07b39', '#c4510f', '#b3261e', '#8f1d16', '#6f140f'];
const GAIN_COLORS = ['#a9c7e8', '#6fa1d6', '#3f7fc7', '#1d5ea8', '#154a87', '#0f3566'];

export interface InmbBand {
  lower: number;
  upper: number;
  color: string;
}

/**
 * Six bands of equal width over the incremental NMB found, with zero as a band edge when the values straddle it, so
 * a cell's colour tells its sign (reds below zero, blues above) and how far from zero it is.
 */
export function inmbBands(min: number, max: number): InmbBand[] {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  const edges = Array.from({ length: 7 }, (_, k) => lo + ((hi - lo) * k) / 6);
  if (lo < 0 && hi > 0) {
    let nearest = 1;
    for (let k = 1; k < 6; k++) if (Math.abs(edges[k]!) < Math.abs(edges[nearest]!)) nearest = k;
    edges[nearest] = 0;
  }
  const bands = edges.slice(0, -1).map((lower, k) => ({ lower, upper: edges[k + 1]! }));
  const losses = bands.filter((b) => b.upper <= 0).length;
  return bands.map((b, k) => ({ ...b, color: b.upper <= 0 ? LOSS_COLORS[losses - 1 - k]! : GAIN_COLORS[k - losses]! }));
}

function bandOf(bands: readonly InmbBand[], v: number): number {
  const k = bands.findIndex((b) => v < b.upper);
  return k < 0 ? bands.length - 1 : k;
}

function inOrder(low: ParsedInput, high: ParsedInput): boolean {
  return !low.ok || !high.ok || low.value < high.value;
}

export function TwoWaySection({ ctx, model, ranges }: { ctx: RunContext; model: HtaModel; ranges: readonly ParameterRange[] }) {
  const { t } = useLanguage();
  const formId = useId();
  const options = rangedParameters(model, ranges);
  const currency = model.settings.currency;
  const strategyLabel = (id: string) => model.strategies.find((s) => s.id === id)?.label ?? id;
  const { stored, setStored } = useStoredRun<TwoWayResult>(ctx, 'two-way');
  const [xId, setXId] = useState(options[0]?.id ?? '');
  const [yId, setYId] = useState(options[1]?.id ?? options[0]?.id ?? '');
  // Until the user picks, the axes are the two widest swings of the latest tornado (when there is one).
  const tornado = useStoredRun<OneWayResult>(ctx, 'one-way').stored;
  const [picked, setPicked] = useState(false);
  const top = tornado ? tornado.results.rows.filter((r) => r.swing !== null && r.swing > 0 && options.some((o) => o.id === r.parameter)).slice(0, 2).map((r) => r.parameter) : [];
  if (!picked && top.length === 2 && (xId !== top[0] || yId !== top[1])) {
    setXId(top[0]!);
    setYId(top[1]!);
  }
  const pickX = (id: string) => { setPicked(true); setXId(id); };
  const pickY = (id: string) => { setPicked(true); setYId(id); };
  const rangeOf = (id: string) => options.find((o) => o.id === id);
  const [ends, setEnds] = useState<Record<string, string>>({});
  const endText = (id: string, end: 'low' | 'high') => ends[`${id}:${end}`] ?? rangeOf(id)?.text[end] ?? '';
  const setEnd = (id: string, end: 'low' | 'high', text: string) => setEnds((e) => ({ ...e, [`${id}:${end}`]: text }));
  const [stepsText, setStepsText] = useState('11');
  const [wtpText, setWtpText] = useState(() => editableNumber(model.settings.wtp[0] ?? 0));
  const [display, setDisplay] = useState<string>('optimal');
  const { running, problems, runAndStore } = useStoreRun(ctx, 'two-way', setStored);

  const parsed = [parseEnd(model, xId, endText(xId, 'low')), parseEnd(model, xId, endText(xId, 'high')), parseEnd(model, yId, endText(yId, 'low')), parseEnd(model, yId, endText(yId, 'high'))];
  const steps = parseWhole(stepsText, 2, 41, t('uncertainty.steps'), t);
  const wtp = parseWtp(wtpText, t);
  const error =
    options.length < 2 ? t('uncertainty.needTwoRanges') :
    xId === yId ? t('uncertainty.twoParameters') :
    parsed.find((p) => !p.ok)?.ok === false ? (parsed.find((p) => !p.ok) as { error: string }).error :
    !inOrder(parsed[0]!, parsed[1]!) || !inOrder(parsed[2]!, parsed[3]!) ? t('uncertainty.lowBelowHigh') :
    !steps.ok ? steps.error : !wtp.ok ? wtp.error : null;

  const run = (request: TwoWayRequest) =>
    runAndStore((runModel) => engineWorker().runTwoWay(runModel, request), {
      label: t('uncertainty.twoWayRunLabel', { x: parameterName(model, request.x.parameter), y: parameterName(model, request.y.parameter), wtp: formatMoney(request.wtp, currency), unit: effectUnit(model.settings.effect, t) }),
      inputs: { ...request, x: { ...request.x }, y: { ...request.y } },
    });
  const submit = () => {
    if (error !== null || !steps.ok || !wtp.ok) return;
    const v = parsed.map((p) => (p.ok ? p.value : 0));
    void run({ wtp: wtp.value, x: { parameter: xId, low: v[0]!, high: v[1]!, steps: steps.value }, y: { parameter: yId, low: v[2]!, high: v[3]!, steps: steps.value } });
  };

  const result = stored?.results ?? null;
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="two-way-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('uncertainty.twoWayTitle')}</h2>
        <span className="subtle">{t('uncertainty.twoWaySubtitle')}</span>
      </div>
      <form className="toolbar" aria-label={t('uncertainty.twoWaySettings')} onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <ParameterSelect id={`${formId}-x`} label={t('uncertainty.xAxis')} value={xId} options={options} onChange={pickX} testId="two-way-x" />
        <NumberField id={`${formId}-xlow`} label={t('uncertainty.from')} value={endText(xId, 'low')} onChange={(t) => setEnd(xId, 'low', t)} invalid={!parsed[0]!.ok} testId="two-way-x-low" />
        <NumberField id={`${formId}-xhigh`} label={t('uncertainty.to')} value={endText(xId, 'high')} onChange={(t) => setEnd(xId, 'high', t)} invalid={!parsed[1]!.ok} testId="two-way-x-high" />
        <ParameterSelect id={`${formId}-y`} label={t('uncertainty.yAxis')} value={yId} options={options} onChange={pickY} testId="two-way-y" />
        <NumberField id={`${formId}-ylow`} label={t('uncertainty.from')} value={endText(yId, 'low')} onChange={(t) => setEnd(yId, 'low', t)} invalid={!parsed[2]!.ok} testId="two-way-y-low" />
        <NumberField id={`${formId}-yhigh`} label={t('uncertainty.to')} value={endText(yId, 'high')} onChange={(t) => setEnd(yId, 'high', t)} invalid={!parsed[3]!.ok} testId="two-way-y-high" />
        <NumberField id={`${formId}-steps`} label={t('uncertainty.steps')} value={stepsText} onChange={setStepsText} invalid={!steps.ok} testId="two-way-steps" short />
        <NumberField id={`${formId}-wtp`} label={t('uncertainty.thresholdField', { currency: currency ?? t('uncertainty.perUnit'), unit: effectUnit(model.settings.effect, t) })} value={wtpText} onChange={setWtpText} invalid={!wtp.ok} testId="two-way-wtp" />
        <button type="submit" className="btn btn-primary" disabled={error !== null || running || !ctx.model} data-testid="run-two-way">{running ? t('reportPage.running') : t('uncertainty.runTwoWay')}</button>
        <span className={error ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={error ? 'alert' : undefined}>
          {error ?? (ctx.model ? t(top.length === 2 && !picked ? 'uncertainty.twoWayHintTornado' : 'uncertainty.twoWayHint') : t('uncertainty.waiting'))}
        </span>
      </form>
      <div className="card-body">
        <ProblemsNotice title={t('uncertainty.twoWayFailed')} problems={problems} testId="two-way-error" />
        {stored && result ? (
          <div className="section-stack">
            <RunStatus run={stored.run} hash={ctx.hash} testId="two-way-run-status" busy={running || !ctx.model} onRerun={() => void run(stored.run.inputs as unknown as TwoWayRequest)} />
            <div className="toolbar toolbar-plain" role="group" aria-label={t('uncertainty.cellsShowGroup')}>
              <div className="field">
                <label className="field-label" htmlFor={`${formId}-display`}>{t('uncertainty.cellsShow')}</label>
                <select id={`${formId}-display`} className="select" value={display} onChange={(e) => setDisplay(e.target.value)} data-testid="two-way-display">
                  <option value="optimal">{t('uncertainty.cellsOptimal')}</option>
                  {result.strategyIds.slice(1).map((id) => <option key={id} value={id}>{t('uncertainty.cellsInmb', { strategy: strategyLabel(id), comparator: strategyLabel(result.strategyIds[0]!) })}</option>)}
                </select>
              </div>
            </div>
            <TwoWayHeatMap model={model} result={result} display={display} />
          </div>
        ) : (
          problems.length === 0 && <p className="empty">{t('uncertainty.twoWayEmpty')}</p>
        )}
      </div>
    </section>
  );
}

function TwoWayHeatMap({ model, result, display }: { model: HtaModel; result: TwoWayResult; display: string }) {
  const { t } = useLanguage();
  const currency = model.settings.currency;
  const money = (v: number) => formatMoney(v, currency);
  const label = (id: string) => model.strategies.find((s) => s.id === id)?.label ?? id;
  const fx = parameterFormatter(model, result.x.parameter);
  const fy = parameterFormatter(model, result.y.parameter);
  const xName = parameterName(model, result.x.parameter);
  const yName = parameterName(model, result.y.parameter);
  const ids = [...result.strategyIds];
  const comparator = ids[0]!;
  const inmbMode = display !== 'optimal' && ids.includes(display);
  const inmbOf = (nmb: Record<string, number> | null) => (nmb ? nmb[display]! - nmb[comparator]! : null);
  const inmbValues = inmbMode ? result.cells.flat().flatMap((c) => { const v = inmbOf(c.nmb); return v === null ? [] : [v]; }) : [];
  const bands = inmbBands(Math.min(...inmbValues), Math.max(...inmbValues));
  const bandMoney = formatMoneyAxis(Math.max(0, ...bands.map((b) => Math.max(Math.abs(b.lower), Math.abs(b.upper)))), currency);
  const categories = inmbMode
    ? bands.map((b) => ({ label: t('uncertainty.range', { low: bandMoney(b.lower), high: bandMoney(b.upper) }), color: b.color }))
    : ids.map((id, k) => ({ label: label(id), color: seriesColor(k) }));
  const cells: HeatCell[][] = result.cells.map((col) =>
    col.map((c) => {
      if (!c.nmb || c.optimal === null) return { x: c.x, y: c.y, category: null, text: c.error?.message ?? t('uncertainty.notEvaluated') };
      if (inmbMode) {
        const v = inmbOf(c.nmb)!;
        return { x: c.x, y: c.y, category: bandOf(bands, v), text: money(v) };
      }
      return { x: c.x, y: c.y, category: ids.indexOf(c.optimal), text: label(c.optimal) };
    }),
  );
  const baseX = model.parameters.find((p) => p.id === result.x.parameter)?.value;
  const baseY = model.parameters.find((p) => p.id === result.y.parameter)?.value;
  const base = typeof baseX === 'number' && typeof baseY === 'number' ? { x: baseX, y: baseY } : null;
  const counts = ids.map((id) => result.cells.flat().filter((c) => c.optimal === id).length);
  const total = result.cells.flat().length;
  const failed = result.cells.flat().filter((c) => c.optimal === null).length;
  const title = inmbMode ? t('uncertainty.heatTitleInmb', { strategy: label(display), comparator: label(comparator), x: xName, y: yName }) : t('uncertainty.heatTitle', { x: xName, y: yName });
  return (
    <HeatMapChart
      testId="chart-two-way"
      title={title}
      description={t('uncertainty.heatDescription', { wtp: formatIcer(result.wtp, currency, model.settings.effect), nx: result.x.values.length, ny: result.y.values.length })}
      summary={inmbMode
        ? t('uncertainty.heatSummaryInmb', { from: money(Math.min(...result.cells.flat().map((c) => inmbOf(c.nmb) ?? Infinity))), to: money(Math.max(...result.cells.flat().map((c) => inmbOf(c.nmb) ?? -Infinity))) })
        : t('uncertainty.heatSummary', { counts: ids.map((id, k) => t('uncertainty.cellsOf', { strategy: label(id), n: counts[k] ?? 0, total })).join(', ') })}
      xValues={result.x.values}
      yValues={result.y.values}
      cells={cells}
      categories={categories}
      xLabel={xName}
      yLabel={yName}
      formatX={fx}
      formatY={fy}
      base={base}
      cellLabel={inmbMode ? t('uncertainty.incNmbAxis', { currency: currency ?? t('analysis.currency') }) : t('results.optimal')}
      note={failed > 0 ? t(failed === 1 ? 'uncertainty.cellFailed' : 'uncertainty.cellsFailed', { n: failed }) : undefined}
    />
  );
}

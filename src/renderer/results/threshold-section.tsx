import { useId, useState } from 'react';
import type { ParameterRange } from '../../engine/analysis/model-check';
import type { ThresholdRequest, ThresholdRunResult } from '../../engine/analysis/sensitivity-runs';
import type { HtaModel } from '../../engine/model/schema';
import { editableNumber, effectUnit, formatIcer, formatMoney, formatMoneyAxis } from '../settings/display-format';
import { SeriesLineChart } from '../charts/line-chart';
import { axisWithZero } from '../charts/chart-data';
import { engineWorker } from '../workers/engine-client';
import { NumberField, ParameterSelect, ProblemsNotice, parameterFormatter, parameterName, parseEnd, rangedParameters } from './analysis-parts';
import { RunStatus } from './run-status';
import './analyses.css';
import type { RunContext } from './run-status';
import { useStoreRun, useStoredRun } from './use-stored-run';
import { parseWtp } from './uncertainty-panel';
import { useLanguage } from '../i18n/language';

// Threshold analysis: the value(s) of one parameter at which the optimal strategy changes at a willingness to pay
// ("at what plasma test price is plasma-first cost-effective at €30,000/QALY?"), found by Brent's method, with the
// incremental NMB of each strategy over the comparator along the range and its zero line. Engine worker; stored.

/** Cost parameters first (a test's price is the common question), then the rest in model order. */
function defaultParameter(model: HtaModel, options: { id: string }[]): string {
  const costs = options.filter((o) => model.parameters.find((p) => p.id === o.id)?.kind === 'cost');
  return (costs[0] ?? options[0])?.id ?? '';
}

export function ThresholdSection({ ctx, model, ranges }: { ctx: RunContext; model: HtaModel; ranges: readonly ParameterRange[] }) {
  const { t } = useLanguage();
  const formId = useId();
  const options = rangedParameters(model, ranges);
  const currency = model.settings.currency;
  const ids = model.strategies.map((s) => s.id);
  const { stored, setStored } = useStoredRun<ThresholdRunResult>(ctx, 'threshold');
  const [parameter, setParameter] = useState(() => defaultParameter(model, options));
  const [ends, setEnds] = useState<Record<string, string>>({});
  const range = options.find((o) => o.id === parameter);
  const endText = (end: 'low' | 'high') => ends[`${parameter}:${end}`] ?? range?.text[end] ?? '';
  const setEnd = (end: 'low' | 'high', text: string) => setEnds((e) => ({ ...e, [`${parameter}:${end}`]: text }));
  const [comparator, setComparator] = useState(ids[0] ?? '');
  const [wtpText, setWtpText] = useState(() => editableNumber(model.settings.wtp[0] ?? 0));
  const { running, problems, runAndStore } = useStoreRun(ctx, 'threshold', setStored);
  const low = parseEnd(model, parameter, endText('low'));
  const high = parseEnd(model, parameter, endText('high'));
  const wtp = parseWtp(wtpText, t);
  const error = options.length === 0 ? t('uncertainty.noRanges') : !low.ok ? low.error : !high.ok ? high.error : low.value >= high.value ? t('uncertainty.lowBelowHigh') : !wtp.ok ? wtp.error : null;

  const run = (request: ThresholdRequest) =>
    runAndStore((runModel) => engineWorker().runThreshold(runModel, request), {
      label: t('uncertainty.thresholdRunLabel', { parameter: parameterName(model, request.parameter), wtp: formatMoney(request.wtp, currency), unit: effectUnit(model.settings.effect, t) }),
      inputs: { ...request },
      // Stored as the report reads threshold runs: a list of the engine's threshold results.
      storedResults: (result) => [result],
    });

  // Stored runs hold a list; a run made here holds one result.
  const raw = stored?.results as ThresholdRunResult | ThresholdRunResult[] | undefined;
  const result = Array.isArray(raw) ? (raw[0] ?? null) : (raw ?? null);
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="threshold-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('run.kind.threshold')}</h2>
        <span className="subtle">{t('uncertainty.thresholdSubtitle')}</span>
      </div>
      <form className="toolbar" aria-label={t('uncertainty.thresholdSettings')} onSubmit={(e) => { e.preventDefault(); if (error === null && low.ok && high.ok && wtp.ok) void run({ parameter, low: low.value, high: high.value, wtp: wtp.value, comparator }); }}>
        <ParameterSelect id={`${formId}-parameter`} label={t('uncertainty.parameter')} value={parameter} options={options} onChange={setParameter} testId="threshold-parameter" />
        <NumberField id={`${formId}-low`} label={t('uncertainty.from')} value={endText('low')} onChange={(t) => setEnd('low', t)} invalid={!low.ok} testId="threshold-low" />
        <NumberField id={`${formId}-high`} label={t('uncertainty.to')} value={endText('high')} onChange={(t) => setEnd('high', t)} invalid={!high.ok} testId="threshold-high" />
        <NumberField id={`${formId}-wtp`} label={t('uncertainty.thresholdField', { currency: currency ?? t('uncertainty.perUnit'), unit: effectUnit(model.settings.effect, t) })} value={wtpText} onChange={setWtpText} invalid={!wtp.ok} testId="threshold-wtp" />
        <div className="field">
          <label className="field-label" htmlFor={`${formId}-comparator`}>{t('uncertainty.nbComparedWith')}</label>
          <select id={`${formId}-comparator`} className="select" value={comparator} onChange={(e) => setComparator(e.target.value)} data-testid="threshold-comparator">
            {model.strategies.map((s) => <option key={s.id} value={s.id}>{s.label ?? s.id}</option>)}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={error !== null || running || !ctx.model} data-testid="run-threshold">{running ? t('reportPage.running') : t('uncertainty.findThreshold')}</button>
        <span className={error ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={error ? 'alert' : undefined}>
          {error ?? (ctx.model ? t('uncertainty.thresholdHint') : t('uncertainty.waiting'))}
        </span>
      </form>
      <div className="card-body">
        <ProblemsNotice title={t('uncertainty.thresholdFailed')} problems={problems} testId="threshold-error" />
        {stored && result ? (
          <div className="section-stack">
            <RunStatus run={stored.run} hash={ctx.hash} testId="threshold-run-status" busy={running || !ctx.model} onRerun={() => void run(stored.run.inputs as unknown as ThresholdRequest)} />
            <ThresholdResultView model={model} result={result} />
          </div>
        ) : (
          problems.length === 0 && <p className="empty">{t('uncertainty.thresholdEmpty')}</p>
        )}
      </div>
    </section>
  );
}

function ThresholdResultView({ model, result }: { model: HtaModel; result: ThresholdRunResult }) {
  const { t } = useLanguage();
  const currency = model.settings.currency;
  const label = (id: string | null) => (id === null ? '—' : (model.strategies.find((s) => s.id === id)?.label ?? id));
  const fmt = parameterFormatter(model, result.parameter);
  const name = parameterName(model, result.parameter);
  const money = (v: number) => formatMoney(v, currency);
  const curve = result.curve;
  const others = Object.keys(curve.incNmb);
  const rows = curve.values.map((x, k) => ({ x, ...Object.fromEntries(others.map((id) => [id, curve.incNmb[id]![k] ?? Number.NaN])) }));
  const at = formatIcer(result.wtp, currency, model.settings.effect);
  // The zero line is always in view: where a curve crosses it is the threshold.
  const axis = axisWithZero(others.flatMap((id) => curve.incNmb[id]!));
  const [low, high] = axis.domain;
  return (
    <>
      <div className={result.status === 'found' ? 'notice notice-info' : 'notice notice-warning'} role="status" data-testid="threshold-answer" data-status={result.status}>
        {result.status === 'found' ? (
          <ul className="plain-list threshold-list">
            {result.thresholds.map((th, i) => (
              <li key={i} data-testid="threshold-value" data-value={th.value}>
                {t(th.exact ? 'uncertainty.thresholdAt' : 'uncertainty.thresholdAtApprox', {
                  parameter: `${model.parameters.find((p) => p.id === result.parameter)?.label ?? result.parameter} = ${fmt(th.value)}`,
                  wtp: at,
                  below: label(th.from),
                  above: label(th.to),
                  low: fmt(th.bracket[0]),
                  high: fmt(th.bracket[1]),
                })}
              </li>
            ))}
          </ul>
        ) : (
          <span data-testid="threshold-none"><strong>{t('uncertainty.noThresholdInRange')}</strong> {t('uncertainty.optimalBetween', { low: fmt(result.low), high: fmt(result.high), wtp: at, strategy: label(result.optimalAtLow) })}</span>
        )}
      </div>
      <SeriesLineChart
        testId="chart-threshold"
        title={t('uncertainty.thresholdChartTitle', { comparator: label(curve.comparator), parameter: name })}
        description={t('uncertainty.thresholdChartDescription', { wtp: at, comparator: label(curve.comparator) })}
        summary={t('uncertainty.thresholdChartSummary', { parameter: name, low: fmt(result.low), high: fmt(result.high), values: others.map((id) => t('uncertainty.fromTo', { label: label(id), from: money(curve.incNmb[id]![0] ?? Number.NaN), to: money(curve.incNmb[id]![curve.values.length - 1] ?? Number.NaN) })).join('; ') })}
        rows={rows}
        xKey="x"
        xLabel={name}
        yLabel={t('uncertainty.incNmbAxis', { currency: currency ?? t('analysis.currency') })}
        series={others.map((id) => ({ key: id, label: t('uncertainty.versus', { strategy: label(id), comparator: label(curve.comparator) }) }))}
        formatX={fmt}
        formatY={formatMoneyAxis(Math.max(-low, high), currency)}
        yDomain={axis.domain}
        yTicks={axis.ticks}
        formatTable={money}
        markers={result.thresholds.map((th) => ({ x: th.value, label: t('uncertainty.thresholdMarker', { value: fmt(th.value) }) }))}
        yReference={{ y: 0, label: t('uncertainty.zero') }}
      />
    </>
  );
}

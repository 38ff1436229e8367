import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable, ChartFrame } from '../charts/chart-frame';
import type { LegendItem } from '../charts/chart-frame';
import { thinRows } from '../charts/chart-data';
import { chartInk, seriesColor } from '../charts/palette';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { FIT_DISTRIBUTIONS } from '../../engine/survival-fit/distributions';
import { niceStep } from '../../engine/survival-fit/plot-data';
import type { PlotRow, SurvivalPlot } from '../../engine/survival-fit/plot-data';
import { formatEstimate } from './survival-format';
import { useLanguage } from '../i18n/language';
import type { Translate } from '../../report/i18n/translate';
import { distributionLabel, perUnit, unitWord } from './survival-words';
import type { TimeUnit } from './survival-words';

// The three plots that guide the choice of a distribution: Kaplan–Meier with its 95 % band and the fitted curves
// (extrapolated to the chosen horizon), the hazard (empirical, piecewise, against the fitted hazards) and the log
// cumulative hazard against log time. Numbers at risk sit under the survival plot.

const KM_COLOUR = '#17202b';
/** A proper name, the same in every language. */
const KAPLAN_MEIER = 'Kaplan–Meier';
const BAND_COLOUR = '#8e99a8';

// Palette slots per family: fixed, so a family has the same colour in every chart and table; the generalised gamma
// takes red rather than the teal next to the Gompertz green.
const COLOUR_SLOT = [0, 1, 2, 3, 4, 6];

export function fitColour(dist: FitDistribution): string {
  return seriesColor(COLOUR_SLOT[FIT_DISTRIBUTIONS.indexOf(dist)]!);
}

/** A power of ten that brings the largest value to between 1 and 1000 (hazards per 1,000 days read better than 4e-4). */
export function hazardScale(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  return 10 ** Math.max(0, Math.ceil(-Math.log10(max)));
}

interface ChartProps {
  plot: SurvivalPlot;
  shown: readonly FitDistribution[];
  chosen: FitDistribution | null;
  timeUnit: TimeUnit;
}

function legend(t: Translate, shown: readonly FitDistribution[], first: LegendItem[]): LegendItem[] {
  return [...first, ...shown.map((d) => ({ label: distributionLabel(t, d), color: fitColour(d), mark: 'line' as const }))];
}

function fitLines(t: Translate, shown: readonly FitDistribution[], chosen: FitDistribution | null) {
  return shown.map((d) => (
    <Line
      key={d}
      dataKey={d}
      name={distributionLabel(t, d)}
      type="linear"
      stroke={fitColour(d)}
      strokeWidth={d === chosen ? 3 : 1.75}
      dot={false}
      connectNulls={false}
      isAnimationActive={false}
    />
  ));
}

const num = (v: PlotRow[string] | undefined): number | null => (typeof v === 'number' ? v : null);

export function SurvivalCurvesChart({ plot, shown, chosen, timeUnit }: ChartProps) {
  const { t } = useLanguage();
  const timeLabel = unitWord(t, timeUnit);
  const table = thinRows(plot.survival, 41);
  const beyond = plot.horizon > plot.maxTime;
  return (
    <ChartFrame
      title={t('survival.chart.survivalTitle')}
      description={beyond ? t('survival.chart.beyond', { end: formatEstimate(plot.maxTime), horizon: formatEstimate(plot.horizon) }) : t('survival.chart.survivalDescription')}
      summary={t('survival.chart.survivalSummary', { units: timeLabel, n: shown.length })}
      height={340}
      testId="survival-chart"
      legend={legend(t, shown, [
        { label: KAPLAN_MEIER, color: KM_COLOUR, mark: 'line' },
        { label: t('survival.chart.band'), color: '#c9d0d9', mark: 'bar' },
      ])}
      table={
        <ChartDataTable
          caption={t('survival.chart.survivalByTime')}
          headers={[timeLabel, 'Kaplan–Meier', ...shown.map((d) => distributionLabel(t, d))]}
          rows={table.map((r) => [formatEstimate(num(r.t)), formatEstimate(num(r.km)), ...shown.map((d) => formatEstimate(num(r[d])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={plot.survival} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis dataKey="t" type="number" domain={[0, plot.horizon]} tickFormatter={formatEstimate} stroke={chartInk.axis} label={{ value: timeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => v.toFixed(1)} stroke={chartInk.axis} width={56} label={{ value: t('survival.chart.survival'), angle: -90, position: 'insideLeft', offset: 4, dy: 30, fill: chartInk.axis }} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => formatEstimate(Number(x))).join('–') : formatEstimate(Number(v)))} labelFormatter={(v) => `${timeLabel}: ${formatEstimate(Number(v))}`} />
          <Area dataKey="kmBand" name={t('survival.chart.band')} type="stepAfter" stroke="none" fill={BAND_COLOUR} fillOpacity={0.28} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="km" name="Kaplan–Meier" type="stepAfter" stroke={KM_COLOUR} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          {fitLines(t, shown, chosen)}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function NumbersAtRisk({ plot, timeLabel }: { plot: SurvivalPlot; timeLabel: string }) {
  const { t } = useLanguage();
  return (
    <table className="table at-risk-table" data-testid="numbers-at-risk">
      <caption className="table-caption">{t('survival.chart.atRisk')}</caption>
      <tbody>
        <tr>
          <th scope="row">{timeLabel}</th>
          {plot.atRisk.time.map((time) => <td key={time} className="num">{formatEstimate(time)}</td>)}
        </tr>
        <tr>
          <th scope="row">{t('survival.chart.atRiskRow')}</th>
          {plot.atRisk.nRisk.map((n, i) => <td key={plot.atRisk.time[i]} className="num">{n}</td>)}
        </tr>
      </tbody>
    </table>
  );
}

export function HazardChart({ plot, shown, chosen, timeUnit }: ChartProps) {
  const { t, fmt } = useLanguage();
  const timeLabel = unitWord(t, timeUnit);
  // The observed hazard sets the scale; fitted hazards that shoot up near 0 (a Weibull shape < 1) are clipped.
  const observedMax = Math.max(0, ...plot.hazard.map((r) => num(r.empirical) ?? 0));
  const fittedMax = Math.max(0, ...plot.hazard.flatMap((r) => shown.map((d) => num(r[d]) ?? 0)));
  const top = observedMax > 0 ? Math.max(observedMax, Math.min(fittedMax, 2.5 * observedMax)) : fittedMax;
  const scale = hazardScale(top);
  const step = niceStep(top * scale, 4);
  const yMax = Math.ceil((top * scale * 1.02) / step) * step;
  const rows = plot.hazard.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 't' || typeof v !== 'number' ? v : v * scale])));
  const table = thinRows(rows, 31);
  const per = perUnit(t, timeUnit, scale, fmt.intlLocale);
  const yLabel = t('survival.chart.hazardAxis', { per });
  return (
    <ChartFrame
      title={t('survival.chart.hazard')}
      description={t('survival.chart.hazardDescription')}
      summary={t('survival.chart.hazardSummary', { units: timeLabel, n: shown.length })}
      height={280}
      testId="hazard-chart"
      legend={legend(t, shown, [{ label: t('survival.chart.observedLegend'), color: KM_COLOUR, mark: 'dashed' }])}
      table={
        <ChartDataTable
          caption={t('survival.chart.hazardByTime')}
          headers={[timeLabel, t('survival.chart.observedPer', { per }), ...shown.map((d) => distributionLabel(t, d))]}
          rows={table.map((r) => [formatEstimate(num(r.t)), formatEstimate(num(r.empirical)), ...shown.map((d) => formatEstimate(num(r[d])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis dataKey="t" type="number" domain={[0, plot.horizon]} tickFormatter={formatEstimate} stroke={chartInk.axis} label={{ value: timeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis domain={[0, yMax]} allowDataOverflow tickFormatter={(v: number) => formatEstimate(+v.toPrecision(3))} stroke={chartInk.axis} width={56} label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 4, dy: 70, fill: chartInk.axis }} />
          <Tooltip formatter={(v) => formatEstimate(Number(v))} labelFormatter={(v) => `${timeLabel}: ${formatEstimate(Number(v))}`} />
          <Line dataKey="empirical" name={t('survival.chart.observed')} type="stepAfter" stroke={KM_COLOUR} strokeWidth={1.75} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls={false} />
          {fitLines(t, shown, chosen)}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Ticks at 1, 2 and 5 times powers of ten inside [min, max] (a log-scale time axis). */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** p;
      if (v >= min && v <= max) ticks.push(+v.toPrecision(6));
    }
  }
  return ticks;
}

export function LogCumulativeHazardChart({ plot, shown, chosen, timeUnit }: ChartProps) {
  const { t } = useLanguage();
  const timeLabel = unitWord(t, timeUnit);
  const rows: PlotRow[] = plot.logCumulativeHazard.map((r) => ({ ...r, t: Math.exp(num(r.logT) ?? 0) }));
  const points = rows.filter((r) => r.km !== null);
  const first = num(rows[0]?.t) ?? 1;
  const last = num(rows[rows.length - 1]?.t) ?? 10;
  return (
    <ChartFrame
      title={t('survival.chart.logTitle')}
      description={t('survival.chart.logDescription')}
      summary={t('survival.chart.logSummary', { units: timeLabel, n: shown.length })}
      height={280}
      testId="log-cumulative-hazard-chart"
      legend={legend(t, shown, [{ label: KAPLAN_MEIER, color: KM_COLOUR, mark: 'point' }])}
      table={
        <ChartDataTable
          caption={t('survival.chart.logCaption')}
          headers={[timeLabel, 'Kaplan–Meier', ...shown.map((d) => distributionLabel(t, d))]}
          rows={points.map((r) => [formatEstimate(num(r.t)), formatEstimate(num(r.km)), ...shown.map((d) => formatEstimate(num(r[d])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis dataKey="t" type="number" scale="log" domain={[first, last]} ticks={logTicks(first, last)} tickFormatter={formatEstimate} allowDataOverflow stroke={chartInk.axis} label={{ value: t('survival.chart.logScale', { units: timeLabel }), position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis tickFormatter={(v: number) => v.toFixed(1)} stroke={chartInk.axis} width={56} label={{ value: t('survival.chart.logAxis'), angle: -90, position: 'insideLeft', offset: 4, dy: 64, fill: chartInk.axis }} />
          <Tooltip formatter={(v) => formatEstimate(Number(v))} labelFormatter={(v) => `${timeLabel}: ${formatEstimate(Number(v))}`} />
          {fitLines(t, shown, chosen)}
          <Scatter dataKey="km" name="Kaplan–Meier" fill={KM_COLOUR} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

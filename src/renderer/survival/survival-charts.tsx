import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartDataTable, ChartFrame } from '../charts/chart-frame';
import type { LegendItem } from '../charts/chart-frame';
import { thinRows } from '../charts/chart-data';
import { chartInk, seriesColor } from '../charts/palette';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { DISTRIBUTION_INFO, FIT_DISTRIBUTIONS } from '../../engine/survival-fit/distributions';
import { niceStep } from '../../engine/survival-fit/plot-data';
import type { PlotRow, SurvivalPlot } from '../../engine/survival-fit/plot-data';
import { formatEstimate } from './survival-format';

// The three plots that guide the choice of a distribution: Kaplan–Meier with its 95 % band and the fitted curves
// (extrapolated to the chosen horizon), the hazard (empirical, piecewise, against the fitted hazards) and the log
// cumulative hazard against log time. Numbers at risk sit under the survival plot.

const KM_COLOUR = '#17202b';
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

function perUnitLabel(scale: number, timeLabel: string): string {
  const unit = timeLabel.replace(/s$/, '');
  return scale === 1 ? `per ${unit}` : `per ${scale.toLocaleString('en-GB')} ${timeLabel}`;
}

interface ChartProps {
  plot: SurvivalPlot;
  shown: readonly FitDistribution[];
  chosen: FitDistribution | null;
  timeLabel: string;
}

function legend(shown: readonly FitDistribution[], first: LegendItem[]): LegendItem[] {
  return [...first, ...shown.map((d) => ({ label: DISTRIBUTION_INFO[d].label, color: fitColour(d), mark: 'line' as const }))];
}

function fitLines(shown: readonly FitDistribution[], chosen: FitDistribution | null) {
  return shown.map((d) => (
    <Line
      key={d}
      dataKey={d}
      name={DISTRIBUTION_INFO[d].label}
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

export function SurvivalCurvesChart({ plot, shown, chosen, timeLabel }: ChartProps) {
  const table = thinRows(plot.survival, 41);
  const beyond = plot.horizon > plot.maxTime;
  return (
    <ChartFrame
      title="Kaplan–Meier and fitted survival"
      description={beyond ? `Follow-up ends at ${formatEstimate(plot.maxTime)}; the fitted curves are extrapolated to ${formatEstimate(plot.horizon)}.` : 'Kaplan–Meier with its 95 % confidence band (log scale, Greenwood), and the fitted curves.'}
      summary={`Survival against ${timeLabel}: Kaplan–Meier estimate with 95% confidence band, and ${shown.length} fitted curves.`}
      height={340}
      testId="survival-chart"
      legend={legend(shown, [
        { label: 'Kaplan–Meier', color: KM_COLOUR, mark: 'line' },
        { label: '95% confidence band', color: '#c9d0d9', mark: 'bar' },
      ])}
      table={
        <ChartDataTable
          caption="Survival by time"
          headers={[timeLabel, 'Kaplan–Meier', ...shown.map((d) => DISTRIBUTION_INFO[d].label)]}
          rows={table.map((r) => [formatEstimate(num(r.t)), formatEstimate(num(r.km)), ...shown.map((d) => formatEstimate(num(r[d])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={plot.survival} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis dataKey="t" type="number" domain={[0, plot.horizon]} tickFormatter={formatEstimate} stroke={chartInk.axis} label={{ value: timeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => v.toFixed(1)} stroke={chartInk.axis} width={56} label={{ value: 'Survival', angle: -90, position: 'insideLeft', offset: 4, dy: 30, fill: chartInk.axis }} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => formatEstimate(Number(x))).join('–') : formatEstimate(Number(v)))} labelFormatter={(v) => `${timeLabel}: ${formatEstimate(Number(v))}`} />
          <Area dataKey="kmBand" name="95% confidence band" type="stepAfter" stroke="none" fill={BAND_COLOUR} fillOpacity={0.28} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="km" name="Kaplan–Meier" type="stepAfter" stroke={KM_COLOUR} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          {fitLines(shown, chosen)}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function NumbersAtRisk({ plot, timeLabel }: { plot: SurvivalPlot; timeLabel: string }) {
  return (
    <table className="table at-risk-table" data-testid="numbers-at-risk">
      <caption className="table-caption">Numbers at risk</caption>
      <tbody>
        <tr>
          <th scope="row">{timeLabel}</th>
          {plot.atRisk.time.map((t) => <td key={t} className="num">{formatEstimate(t)}</td>)}
        </tr>
        <tr>
          <th scope="row">At risk</th>
          {plot.atRisk.nRisk.map((n, i) => <td key={plot.atRisk.time[i]} className="num">{n}</td>)}
        </tr>
      </tbody>
    </table>
  );
}

export function HazardChart({ plot, shown, chosen, timeLabel }: ChartProps) {
  // The observed hazard sets the scale; fitted hazards that shoot up near 0 (a Weibull shape < 1) are clipped.
  const observedMax = Math.max(0, ...plot.hazard.map((r) => num(r.empirical) ?? 0));
  const fittedMax = Math.max(0, ...plot.hazard.flatMap((r) => shown.map((d) => num(r[d]) ?? 0)));
  const top = observedMax > 0 ? Math.max(observedMax, Math.min(fittedMax, 2.5 * observedMax)) : fittedMax;
  const scale = hazardScale(top);
  const step = niceStep(top * scale, 4);
  const yMax = Math.ceil((top * scale * 1.02) / step) * step;
  const rows = plot.hazard.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 't' || typeof v !== 'number' ? v : v * scale])));
  const table = thinRows(rows, 31);
  const yLabel = `Hazard ${perUnitLabel(scale, timeLabel)}`;
  return (
    <ChartFrame
      title="Hazard"
      description="Events per person-time on equal intervals (steps) against the fitted hazards: rising, falling or humped?"
      summary={`Hazard against ${timeLabel}: empirical piecewise-constant hazard and ${shown.length} fitted hazards.`}
      height={280}
      testId="hazard-chart"
      legend={legend(shown, [{ label: 'Observed (events / person-time)', color: KM_COLOUR, mark: 'dashed' }])}
      table={
        <ChartDataTable
          caption="Hazard by time"
          headers={[timeLabel, `Observed (${perUnitLabel(scale, timeLabel)})`, ...shown.map((d) => DISTRIBUTION_INFO[d].label)]}
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
          <Line dataKey="empirical" name="Observed" type="stepAfter" stroke={KM_COLOUR} strokeWidth={1.75} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls={false} />
          {fitLines(shown, chosen)}
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

export function LogCumulativeHazardChart({ plot, shown, chosen, timeLabel }: ChartProps) {
  const rows: PlotRow[] = plot.logCumulativeHazard.map((r) => ({ ...r, t: Math.exp(num(r.logT) ?? 0) }));
  const points = rows.filter((r) => r.km !== null);
  const first = num(rows[0]?.t) ?? 1;
  const last = num(rows[rows.length - 1]?.t) ?? 10;
  return (
    <ChartFrame
      title="Log cumulative hazard"
      description="log(−log S) against time on a log scale: Kaplan–Meier points on a straight line suggest a Weibull (an exponential when its slope is 1)."
      summary={`Log cumulative hazard against ${timeLabel} on a log scale: Kaplan–Meier points and ${shown.length} fitted curves.`}
      height={280}
      testId="log-cumulative-hazard-chart"
      legend={legend(shown, [{ label: 'Kaplan–Meier', color: KM_COLOUR, mark: 'point' }])}
      table={
        <ChartDataTable
          caption="Log cumulative hazard at the event times"
          headers={[timeLabel, 'Kaplan–Meier', ...shown.map((d) => DISTRIBUTION_INFO[d].label)]}
          rows={points.map((r) => [formatEstimate(num(r.t)), formatEstimate(num(r.km)), ...shown.map((d) => formatEstimate(num(r[d])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis dataKey="t" type="number" scale="log" domain={[first, last]} ticks={logTicks(first, last)} tickFormatter={formatEstimate} allowDataOverflow stroke={chartInk.axis} label={{ value: `${timeLabel} (log scale)`, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis tickFormatter={(v: number) => v.toFixed(1)} stroke={chartInk.axis} width={56} label={{ value: 'log cumulative hazard', angle: -90, position: 'insideLeft', offset: 4, dy: 64, fill: chartInk.axis }} />
          <Tooltip formatter={(v) => formatEstimate(Number(v))} labelFormatter={(v) => `${timeLabel}: ${formatEstimate(Number(v))}`} />
          {fitLines(shown, chosen)}
          <Scatter dataKey="km" name="Kaplan–Meier" fill={KM_COLOUR} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

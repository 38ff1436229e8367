import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import type { LegendItem } from './chart-frame';
import { niceAxis } from './chart-data';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';
import { thresholdDash } from '../../report/charts/threshold-dashes';

// The cost-effectiveness plane: effect on x, cost on y. Base case: one point per strategy and the efficiency
// frontier. PSA: a cloud of incremental draws per strategy, the mean increment and a willingness-to-pay line.

export interface PlaneSeries {
  id: string;
  label: string;
  points: readonly { x: number; y: number }[];
  /** The strategy's colour on the screen's other charts (default: by position in `series`). */
  color?: string;
}

export interface WtpLine {
  value: number;
  label: string;
  through?: { x: number; y: number };
}


export interface CePlaneChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  series: readonly PlaneSeries[];
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** A hovered point's cost in the tooltip (default formatY), e.g. the exact amount where the axis is compact. */
  formatTooltipY?: (v: number) => string;
  /** Efficiency frontier (base case), drawn as a line through its points. */
  frontier?: readonly { x: number; y: number }[];
  /**
   * Willingness-to-pay line(s): through the origin (incremental planes) or through `through` (a base-case plane,
   * through the reference strategy). Several thresholds are drawn with different dash patterns.
   */
  wtp?: WtpLine | readonly WtpLine[];
  /** Highlighted points (e.g. mean increments), drawn larger. */
  highlights?: readonly { id: string; label: string; x: number; y: number; color?: string }[];
  /** Rows of the data table (defaults to the highlights, else every point). */
  table?: { headers: string[]; rows: (string | number)[][] };
  height?: number;
  testId?: string;
  note?: ReactNode;
}

function extent(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

export function CePlaneChart(props: CePlaneChartProps) {
  const { t } = useLanguage();
  const all = props.series.flatMap((s) => s.points);
  const wtpLines: readonly WtpLine[] = props.wtp === undefined ? [] : 'value' in props.wtp ? [props.wtp] : props.wtp;
  const withOrigin = wtpLines.some((w) => w.through === undefined);
  const xAxis = niceAxis(...extent([...all.map((p) => p.x), ...(withOrigin ? [0] : [])]));
  const yAxis = niceAxis(...extent([...all.map((p) => p.y), ...(withOrigin ? [0] : [])]));
  const [x0, x1] = xAxis.domain;
  const [y0, y1] = yAxis.domain;
  const wtpSegments = wtpLines.map((w) => ({ line: w, segment: clipLine(w.value, [x0, x1], [y0, y1], w.through) }));
  const table = props.table ?? {
    headers: [t('results.strategy'), props.xLabel, props.yLabel],
    rows: (props.highlights ?? props.series.flatMap((s) => s.points.map((p) => ({ label: s.label, ...p })))).map((p) => [p.label, props.formatX(p.x), props.formatY(p.y)]),
  };
  const legend: LegendItem[] = [
    ...props.series.map((s, i) => ({ label: s.label, color: s.color ?? seriesColor(i), mark: 'point' as const })),
    ...(props.highlights ?? []).map((h, i) => ({ label: h.label, color: h.color ?? seriesColor(i), mark: 'diamond' as const })),
    ...(props.frontier && props.frontier.length > 1 ? [{ label: t('charts.frontier'), color: chartInk.axis, mark: 'dashed' as const }] : []),
    ...wtpLines.map((w, i) => ({ label: w.label, color: chartInk.axis, mark: thresholdDash(i).name })),
  ];
  const data = {
    title: props.title,
    columns: [textColumn(t('charts.series')), numberColumn(props.xLabel, 6), numberColumn(props.yLabel, 2)],
    rows: [...props.series.flatMap((s) => s.points.map((p) => [s.label, p.x, p.y])), ...(props.highlights ?? []).map((h) => [h.label, h.x, h.y])],
  };
  return (
    <ChartFrame title={props.title} description={props.description} summary={props.summary} height={props.height} testId={props.testId} note={props.note} legend={legend} data={data} table={<ChartDataTable caption={props.title} headers={table.headers} rows={table.rows} />}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 8, right: 24, bottom: 28, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis type="number" dataKey="x" domain={[x0, x1]} ticks={xAxis.ticks} tickFormatter={props.formatX} stroke={chartInk.axis} allowDataOverflow
            label={{ value: props.xLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="number" dataKey="y" domain={[y0, y1]} ticks={yAxis.ticks} tickFormatter={props.formatY} stroke={chartInk.axis} width={84} allowDataOverflow
            label={{ value: props.yLabel, angle: -90, position: 'insideLeft', offset: -8, dy: 50, fill: chartInk.axis }} />
          <ZAxis zAxisId="points" type="number" range={props.highlights ? [14, 14] : [90, 90]} />
          <ZAxis zAxisId="means" type="number" range={[240, 240]} />
          {/* The label names the hovered point's strategy, then the hovered effect (raw from recharts), formatted like the axis. */}
          <Tooltip cursor={{ strokeDasharray: '3 3' }} formatter={(v, name) => [name === 'x' ? props.formatX(Number(v)) : (props.formatTooltipY ?? props.formatY)(Number(v)), name === 'x' ? props.xLabel : props.yLabel]}
            labelFormatter={(v, payload) => {
              const effect = typeof v === 'number' ? `${props.xLabel}: ${props.formatX(v)}` : v;
              const strategy = pointStrategy(payload);
              return strategy === undefined ? effect : <>{strategy}{effect !== undefined && effect !== '' && <><br />{effect}</>}</>;
            }} />
          {withOrigin && <ReferenceLine x={0} stroke={chartInk.reference} />}
          {withOrigin && <ReferenceLine y={0} stroke={chartInk.reference} />}
          {wtpSegments.map(({ line, segment }, i) =>
            segment ? (
              <ReferenceLine key={`wtp-${line.value}`} segment={segment} stroke={chartInk.axis} strokeWidth={1.5} strokeDasharray={thresholdDash(i).line}
                label={wtpLines.length === 1 ? { value: line.label, position: 'insideTopLeft', fill: chartInk.axis, fontSize: 11 } : undefined} />
            ) : null,
          )}
          {props.frontier && props.frontier.length > 1 && (
            <Line data={props.frontier.map((p) => ({ x: p.x, y: p.y, strategy: strategiesAt(props.series, p) }))} dataKey="y" name={t('charts.frontier')} stroke={chartInk.axis} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} legendType="plainline" />
          )}
          {props.series.map((s, i) => (
            <Scatter key={s.id} name={s.label} data={s.points.map((p) => ({ x: p.x, y: p.y, strategy: s.label }))} fill={s.color ?? seriesColor(i)} fillOpacity={props.highlights ? 0.35 : 1} isAnimationActive={false}
              zAxisId="points" shape="circle" legendType="circle" />
          ))}
          {props.highlights?.map((h, i) => (
            <Scatter key={`mean-${h.id}`} name={h.label} data={[{ x: h.x, y: h.y, strategy: h.label }]} fill={h.color ?? seriesColor(i)} stroke={chartInk.text} strokeWidth={1.5} zAxisId="means" shape="diamond" legendType="diamond" isAnimationActive={false} />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** The strategies drawn at a frontier point (its tooltip, shown where the line passes over their points, names them). */
function strategiesAt(series: readonly PlaneSeries[], at: { x: number; y: number }): string | undefined {
  const names = series.filter((s) => s.points.some((p) => p.x === at.x && p.y === at.y)).map((s) => s.label);
  return names.length > 0 ? names.join(', ') : undefined;
}

/** The strategy of a hovered point (its data carry the series' label), for the tooltip's heading. */
function pointStrategy(payload: readonly { payload?: unknown }[] | undefined): string | undefined {
  // recharts gives a scatter point with its datum nested under `payload`; a line's datum is given as is.
  for (const entry of payload ?? []) {
    const point = entry.payload as { strategy?: unknown; payload?: { strategy?: unknown } } | undefined;
    const strategy = point?.strategy ?? point?.payload?.strategy;
    if (typeof strategy === 'string') return strategy;
  }
  return undefined;
}

/** The segment of y = slope·x (or the line of that slope through `through`) inside the plotting box (for WTP lines). */
export function clipLine(
  slope: number,
  [x0, x1]: [number, number],
  [y0, y1]: [number, number],
  through: { x: number; y: number } = { x: 0, y: 0 },
): [{ x: number; y: number }, { x: number; y: number }] | null {
  const points: { x: number; y: number }[] = [];
  for (const x of [x0, x1]) {
    const y = through.y + slope * (x - through.x);
    if (y >= y0 && y <= y1) points.push({ x, y });
  }
  if (slope !== 0) {
    for (const y of [y0, y1]) {
      const x = through.x + (y - through.y) / slope;
      if (x > x0 && x < x1) points.push({ x, y });
    }
  }
  if (points.length < 2) return null;
  points.sort((a, b) => a.x - b.x);
  return [points[0]!, points[points.length - 1]!];
}

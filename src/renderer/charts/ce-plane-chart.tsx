import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis, ZAxis, useChartWidth, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import type { LegendItem } from './chart-frame';
import { niceAxis } from './chart-data';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';
import { thresholdDash } from '../../report/charts/threshold-dashes';
import { planeHitIndex, placeTooltip } from './plane-hit';

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

// Mark sizes (areas in px²): a base-case strategy, a PSA draw (small: a cloud of them) and a PSA mean.
const POINT_AREA = 90;
const DRAW_AREA = 14;
const MEAN_AREA = 240;
const radiusOf = (area: number) => Math.sqrt(area / Math.PI);

/** A drawn point as the hover finds it: where, whose, in which colour and how big. */
interface HoverPoint {
  x: number;
  y: number;
  label: string;
  color: string;
  radius: number;
  /** A mean (PSA) is named with the means it covers, a draw or strategy with the draws or strategies. */
  mean: boolean;
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
  const { series, highlights } = props;
  const pointArea = highlights ? DRAW_AREA : POINT_AREA;
  const hoverPoints = useMemo<HoverPoint[]>(() => [
    ...series.flatMap((s, i) => s.points.map((p) => ({ ...p, label: s.label, color: s.color ?? seriesColor(i), radius: radiusOf(pointArea), mean: false }))),
    ...(highlights ?? []).map((h, i) => ({ x: h.x, y: h.y, label: h.label, color: h.color ?? seriesColor(i), radius: radiusOf(MEAN_AREA), mean: true })),
  ], [series, highlights, pointArea]);
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const data = {
    title: props.title,
    columns: [textColumn(t('charts.series')), numberColumn(props.xLabel, 6), numberColumn(props.yLabel, 2)],
    rows: [...props.series.flatMap((s) => s.points.map((p) => [s.label, p.x, p.y])), ...(props.highlights ?? []).map((h) => [h.label, h.x, h.y])],
  };
  return (
    <ChartFrame title={props.title} description={props.description} summary={props.summary} height={props.height} testId={props.testId} note={props.note} legend={legend} data={data} table={<ChartDataTable caption={props.title} headers={table.headers} rows={table.rows} />}>
      <div className="plane-hover-host" ref={setHost}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 8, right: 24, bottom: 28, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis type="number" dataKey="x" domain={[x0, x1]} ticks={xAxis.ticks} tickFormatter={props.formatX} stroke={chartInk.axis} allowDataOverflow
            label={{ value: props.xLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="number" dataKey="y" domain={[y0, y1]} ticks={yAxis.ticks} tickFormatter={props.formatY} stroke={chartInk.axis} width={84} allowDataOverflow
            label={{ value: props.yLabel, angle: -90, position: 'insideLeft', offset: -8, dy: 50, fill: chartInk.axis }} />
          <ZAxis zAxisId="points" type="number" range={[pointArea, pointArea]} />
          <ZAxis zAxisId="means" type="number" range={[MEAN_AREA, MEAN_AREA]} />
          {withOrigin && <ReferenceLine x={0} stroke={chartInk.reference} />}
          {withOrigin && <ReferenceLine y={0} stroke={chartInk.reference} />}
          {wtpSegments.map(({ line, segment }, i) =>
            segment ? (
              <ReferenceLine key={`wtp-${line.value}`} segment={segment} stroke={chartInk.axis} strokeWidth={1.5} strokeDasharray={thresholdDash(i).line}
                label={wtpLines.length === 1 ? { value: line.label, position: 'insideTopLeft', fill: chartInk.axis, fontSize: 11 } : undefined} />
            ) : null,
          )}
          {props.frontier && props.frontier.length > 1 && (
            <Line data={props.frontier.map((p) => ({ x: p.x, y: p.y }))} dataKey="y" name={t('charts.frontier')} stroke={chartInk.axis} strokeDasharray="5 4" dot={false} activeDot={false} isAnimationActive={false} legendType="plainline" />
          )}
          {props.series.map((s, i) => (
            <Scatter key={s.id} name={s.label} data={s.points.map((p) => ({ x: p.x, y: p.y }))} fill={s.color ?? seriesColor(i)} fillOpacity={props.highlights ? 0.35 : 1} isAnimationActive={false}
              zAxisId="points" shape="circle" legendType="circle" />
          ))}
          {props.highlights?.map((h, i) => (
            <Scatter key={`mean-${h.id}`} name={h.label} data={[{ x: h.x, y: h.y }]} fill={h.color ?? seriesColor(i)} stroke={chartInk.text} strokeWidth={1.5} zAxisId="means" shape="diamond" legendType="diamond" isAnimationActive={false} />
          ))}
          <PlaneHover host={host} points={hoverPoints} xLabel={props.xLabel} yLabel={props.yLabel} formatX={props.formatX} formatY={props.formatTooltipY ?? props.formatY} />
        </ComposedChart>
      </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}

/**
 * The tooltip of the point under the pointer (nearest in both axes, and any drawn over it) with a ring round
 * it. Its own hit test: recharts' tooltip follows the x axis, so it showed another strategy drawn at the same effect.
 * The same figures are in the data table for keyboard and screen-reader users.
 */
function PlaneHover({ host, points, xLabel, yLabel, formatX, formatY }: {
  host: HTMLElement | null;
  points: readonly HoverPoint[];
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}) {
  const { t } = useLanguage();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const width = useChartWidth() ?? 0;
  const plot = usePlotArea() ?? { x: 0, y: 0, width, height: 0 };
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  // The tooltip's height, measured once drawn (before it is painted): it is moved up or down to stay in the plot area.
  const tooltip = useRef<HTMLDivElement>(null);
  const [tooltipHeight, setTooltipHeight] = useState(0);
  useEffect(() => {
    if (!host) return;
    // On the host, not the drawing: the marks take the events over them and they bubble up to it.
    const move = (e: MouseEvent) => {
      const box = host.getBoundingClientRect();
      setPointer({ x: e.clientX - box.left, y: e.clientY - box.top });
    };
    const leave = () => setPointer(null);
    host.addEventListener('mousemove', move);
    host.addEventListener('mouseleave', leave);
    return () => {
      host.removeEventListener('mousemove', move);
      host.removeEventListener('mouseleave', leave);
    };
  }, [host]);
  const index = useMemo(() => {
    const placed = !xScale || !yScale ? [] : points.flatMap((item) => {
      const px = xScale(item.x);
      const py = yScale(item.y);
      return px === undefined || py === undefined ? [] : [{ px, py, item }];
    });
    return planeHitIndex(placed, radiusOf(MEAN_AREA));
  }, [points, xScale, yScale]);
  const hovered = pointer ? index.hover(pointer) : undefined;
  const at = hovered?.at;
  // Measured again for each hovered point (its entries, so its height, differ).
  useLayoutEffect(() => {
    const measured = tooltip.current?.offsetHeight;
    if (measured !== undefined && measured !== tooltipHeight) setTooltipHeight(measured);
  }, [at, tooltipHeight]);
  if (!host || !hovered || !at) return null;
  // Points covering the hovered one are named too (a strategy hidden under another). One entry per strategy (a PSA
  // cloud's draws pile up), its nearest point's figures; strategies at the very same figures share one heading.
  const { under } = hovered;
  const entries: { labels: string[]; colors: string[]; x: string; y: string }[] = [];
  const seen = new Set<string>();
  for (const { item } of under) {
    if (seen.has(item.label)) continue;
    seen.add(item.label);
    const x = formatX(item.x);
    const y = formatY(item.y);
    const same = entries.find((e) => e.x === x && e.y === y);
    if (same) {
      same.labels.push(item.label);
      same.colors.push(item.color);
    } else entries.push({ labels: [item.label], colors: [item.color], x, y });
  }
  // Towards the larger side of the plot area, and inside it, off the tick labels (above the point when it does not fit below).
  const style = placeTooltip(at, plot, width, tooltipHeight);
  return (
    <>
      <circle className="plane-hover-ring" cx={at.px} cy={at.py} r={at.item.radius + 3} fill="none" stroke={chartInk.text} strokeWidth={1.5} pointerEvents="none" />
      {createPortal(
        <div ref={tooltip} className="chart-tooltip plane-tooltip" data-testid="plane-tooltip" style={style}>
          {entries.map((e) => (
            <div key={e.labels.join('\n')} className="plane-tooltip-entry">
              <div className="chart-tooltip-title">
                {e.colors.map((c, i) => <span key={i} className="plane-tooltip-swatch" style={{ background: c }} />)}
                {e.labels.join(', ')}
              </div>
              <div>{t('charts.tooltipValue', { label: xLabel, value: e.x })}</div>
              <div>{t('charts.tooltipValue', { label: yLabel, value: e.y })}</div>
            </div>
          ))}
        </div>,
        host,
      )}
    </>
  );
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

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { numberColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { spacedMarkerLabels, thinRows } from './chart-data';
import { chartInk, seriesColor } from './palette';

// Lines over a numeric x axis: Markov trace, survival, CEAC, EVPI.

export interface LineSeries {
  key: string;
  label: string;
  color?: string;
  dashed?: boolean;
}

export interface SeriesLineChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  rows: readonly Record<string, number | string>[];
  xKey: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** Format of the values in the data table (default: formatY). */
  formatTable?: (v: number) => string;
  /** Format of the x values in the data table (default: formatX). */
  formatTableX?: (v: number) => string;
  yDomain?: [number | 'auto', number | 'auto'];
  /** The y ticks, e.g. niceAxis's round ones for a fixed yDomain (recharts would space a fixed domain unevenly). */
  yTicks?: readonly number[];
  /** The x range (default: the data's), e.g. [0, draws] so a count axis gets round ticks. */
  xDomain?: [number, number];
  /** Vertical reference lines, e.g. the model's WTP thresholds. */
  markers?: readonly { x: number; label: string }[];
  /** A horizontal reference line, e.g. zero incremental net benefit. */
  yReference?: { y: number; label: string };
  /** Rows in the data table (thinned evenly when there are more). */
  tableRows?: number;
  height?: number;
  testId?: string;
  note?: ReactNode;
  /** False: nothing worth drawing (e.g. a flat line at zero): the note stands alone, the table and CSV stay. */
  drawn?: boolean;
}

export function SeriesLineChart(props: SeriesLineChartProps) {
  const { rows, xKey, series, formatX, formatY } = props;
  const table = thinRows(rows, props.tableRows ?? 41);
  const xRange = props.xDomain ?? rows.reduce<[number, number]>(([lo, hi], r) => [Math.min(lo, Number(r[xKey])), Math.max(hi, Number(r[xKey]))], [Infinity, -Infinity]);
  const labelShown = spacedMarkerLabels((props.markers ?? []).map((m) => m.x), xRange);
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={props.height}
      testId={props.testId}
      note={props.note}
      drawn={props.drawn}
      legend={series.map((s, i) => ({ label: s.label, color: s.color ?? seriesColor(i), mark: s.dashed ? 'dashed' : 'line' }))}
      data={{
        title: props.title,
        columns: [numberColumn(props.xLabel, 6), ...series.map((s) => numberColumn(s.label, 6))],
        rows: rows.map((r) => [Number(r[xKey]), ...series.map((s) => (typeof r[s.key] === 'number' ? (r[s.key] as number) : null))]),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={[props.xLabel, ...series.map((s) => s.label)]}
          rows={table.map((r) => [(props.formatTableX ?? formatX)(Number(r[xKey])), ...series.map((s) => (props.formatTable ?? formatY)(Number(r[s.key])))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows as Record<string, number | string>[]} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} />
          <XAxis
            dataKey={xKey}
            type="number"
            domain={props.xDomain ?? ['dataMin', 'dataMax']}
            tickFormatter={formatX}
            stroke={chartInk.axis}
            label={{ value: props.xLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }}
          />
          <YAxis
            tickFormatter={formatY}
            domain={props.yDomain ?? ['auto', 'auto']}
            ticks={props.yTicks ? [...props.yTicks] : undefined}
            stroke={chartInk.axis}
            width={72}
            label={{ value: props.yLabel, angle: -90, position: 'insideLeft', offset: 0, dy: 60, fill: chartInk.axis }}
          />
          {/* The table's formats: a tooltip reads one point, so it shows it as exactly as the data table does. */}
          <Tooltip formatter={(v) => (props.formatTable ?? formatY)(Number(v))} labelFormatter={(v) => `${props.xLabel}: ${(props.formatTableX ?? formatX)(Number(v))}`} />
          {props.markers?.map((m, i) => (
            <ReferenceLine key={m.x} x={m.x} stroke={chartInk.reference} strokeDasharray="4 3" label={labelShown[i] ? { value: m.label, position: 'insideTopRight', fill: chartInk.axis, fontSize: 11 } : undefined} />
          ))}
          {props.yReference && <ReferenceLine y={props.yReference.y} stroke={chartInk.text} label={{ value: props.yReference.label, position: 'insideBottomLeft', fill: chartInk.axis, fontSize: 11 }} />}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="linear"
              stroke={s.color ?? seriesColor(i)}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

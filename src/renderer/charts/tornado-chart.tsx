import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { niceAxis, tornadoDomain } from './chart-data';
import type { TornadoBar } from './chart-data';
import { chartInk, seriesColor } from './palette';

// Tornado diagram: one row per parameter, widest swing on top; each row's two bars run from the base-case outcome to
// the outcome at the parameter's low and high value.

export interface TornadoChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  bars: readonly TornadoBar[];
  base: number;
  outcomeLabel: string;
  formatOutcome: (v: number) => string;
  formatValue: (v: number) => string;
  testId?: string;
  note?: ReactNode;
}

const BAR = 16;

export function TornadoChart(props: TornadoChartProps) {
  const { bars, base } = props;
  const height = Math.max(180, bars.length * (BAR + 18) + 70);
  const axis = niceAxis(...tornadoDomain(bars, base), 6);
  const rows = bars.map((b) => ({ ...b, axisLabel: `${b.label} (${props.formatValue(b.low)} to ${props.formatValue(b.high)})` }));
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={height}
      testId={props.testId}
      note={props.note}
      legend={[{ label: 'Parameter at its low value', color: seriesColor(0), mark: 'bar' }, { label: 'Parameter at its high value', color: seriesColor(1), mark: 'bar' }]}
      data={{
        title: props.title,
        columns: [textColumn('Parameter'), numberColumn('Low value', 6), numberColumn('High value', 6), numberColumn(`${props.outcomeLabel} at low`, 2), numberColumn(`${props.outcomeLabel} at high`, 2), numberColumn('Swing', 2)],
        rows: bars.map((b) => [b.label, b.low, b.high, b.outcomeLow, b.outcomeHigh, b.swing]),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={['Parameter', 'Low value', 'High value', `${props.outcomeLabel} at low`, `${props.outcomeLabel} at high`, 'Swing']}
          rows={bars.map((b) => [b.label, props.formatValue(b.low), props.formatValue(b.high), props.formatOutcome(b.outcomeLow), props.formatOutcome(b.outcomeHigh), props.formatOutcome(b.swing)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 32, bottom: 28, left: 8 }} barGap={-BAR} barSize={BAR} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} horizontal={false} />
          <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tickFormatter={props.formatOutcome} stroke={chartInk.axis}
            label={{ value: props.outcomeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="category" dataKey="axisLabel" width={430} stroke={chartInk.axis} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(v, name) => {
              const range = v as unknown as [number, number];
              return [props.formatOutcome(range[1]), name];
            }}
          />
          <ReferenceLine x={base} stroke={chartInk.text} label={{ value: `Base ${props.formatOutcome(base)}`, position: 'top', fill: chartInk.text, fontSize: 11 }} />
          <Bar dataKey="lowBar" name="Parameter at low value" fill={seriesColor(0)} isAnimationActive={false} />
          <Bar dataKey="highBar" name="Parameter at high value" fill={seriesColor(1)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

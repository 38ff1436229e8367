import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';

// Bars stacked by category, one bar per row of data (e.g. each budget year in the current and the new world).

export interface StackedBarChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  rows: readonly Record<string, string | number>[];
  categoryKey: string;
  stacks: readonly { key: string; label: string }[];
  xLabel: string;
  yLabel: string;
  formatY: (v: number) => string;
  /** Format of the values in the data table (default: formatY). */
  formatTable?: (v: number) => string;
  height?: number;
  testId?: string;
  /** Values may be negative: stack positives up and negatives down from zero. */
  signed?: boolean;
}

/**
 * An x-axis label on two lines at its first space ("2027" over "current"): ten bars side by side leave each label
 * about 60 px at the smallest window, where "2027 current" on one line ran into its neighbours.
 */
function TwoLineTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const [first, ...rest] = String(payload?.value ?? '').split(' ');
  return (
    <text x={x} y={y} dy={12} textAnchor="middle" fill={chartInk.axis} fontSize={11.5} className="recharts-cartesian-axis-tick-value">
      <tspan x={x}>{first}</tspan>
      {rest.length > 0 && <tspan x={x} dy={14}>{rest.join(' ')}</tspan>}
    </text>
  );
}

export function StackedBarChart(props: StackedBarChartProps) {
  const { t } = useLanguage();
  const { rows, stacks, categoryKey, formatY } = props;
  const formatTable = props.formatTable ?? formatY;
  const twoLines = rows.some((r) => String(r[categoryKey]).includes(' '));
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={props.height}
      testId={props.testId}
      legend={stacks.map((s, i) => ({ label: s.label, color: seriesColor(i), mark: 'bar' }))}
      data={{
        title: props.title,
        columns: [textColumn(props.xLabel), ...stacks.map((s) => numberColumn(s.label, 2)), numberColumn(t('budgetView.total'), 2)],
        rows: rows.map((r) => [String(r[categoryKey]), ...stacks.map((s) => Number(r[s.key])), stacks.reduce((a, s) => a + Number(r[s.key]), 0)]),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={[props.xLabel, ...stacks.map((s) => s.label), t('budgetView.total')]}
          rows={rows.map((r) => [String(r[categoryKey]), ...stacks.map((s) => formatTable(Number(r[s.key]))), formatTable(stacks.reduce((a, s) => a + Number(r[s.key]), 0))])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows as Record<string, string | number>[]} margin={{ top: 8, right: 24, bottom: twoLines ? 42 : 28, left: 24 }} accessibilityLayer={false} stackOffset={props.signed ? 'sign' : undefined}>
          <CartesianGrid stroke={chartInk.grid} vertical={false} />
          <XAxis dataKey={categoryKey} stroke={chartInk.axis} interval={0} tick={twoLines ? <TwoLineTick /> : { fontSize: 11.5 }} height={twoLines ? 44 : undefined}
            label={{ value: props.xLabel, position: 'insideBottom', offset: twoLines ? -30 : -16, fill: chartInk.axis }} />
          <YAxis tickFormatter={formatY} stroke={chartInk.axis} width={84}
            label={{ value: props.yLabel, angle: -90, position: 'insideLeft', offset: -12, dy: 50, fill: chartInk.axis }} />
          {props.signed && <ReferenceLine y={0} stroke={chartInk.text} />}
          <Tooltip formatter={(v) => formatTable(Number(v))} />
          {stacks.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={seriesColor(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

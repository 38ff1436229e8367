import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';

// Horizontal bars, one row per category (a scenario, a parameter), one bar per series, optionally with an interval
// (e.g. EVPPI ± its standard error): long labels stay readable on the left and negative values run left of zero.

export interface BarRow {
  label: string;
  values: Record<string, number | null>;
  /** Interval ends per series (absolute values), drawn as error bars. */
  intervals?: Record<string, [number, number] | null>;
}

export interface HorizontalBarChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  rows: readonly BarRow[];
  series: readonly { key: string; label: string }[];
  categoryLabel: string;
  valueLabel: string;
  /** Values in the data table and tooltip. */
  formatValue: (v: number) => string;
  /** Ticks of the value axis (default formatValue), e.g. formatMoneyAxis's one style per axis. */
  formatTick?: (v: number) => string;
  /** Heading of the interval column in the data table (default "Interval"). */
  intervalLabel?: string;
  testId?: string;
  note?: ReactNode;
  /** Width of the category labels (default 260 px). */
  labelWidth?: number;
  /** False: no drawing (nothing to see), only the note and the data table. */
  drawn?: boolean;
}

export function HorizontalBarChart(props: HorizontalBarChartProps) {
  const { t } = useLanguage();
  const { rows, series, formatValue } = props;
  const withIntervals = rows.some((r) => r.intervals && Object.values(r.intervals).some((v) => v !== null));
  const barSize = series.length > 1 ? 12 : 16;
  const height = Math.max(160, rows.length * (barSize * series.length + 14) + 70);
  const data = rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? null])),
    // ErrorBar takes distances below and above the bar's end.
    ...Object.fromEntries(series.map((s) => {
      const v = r.values[s.key];
      const i = r.intervals?.[s.key];
      return [`${s.key}__err`, v !== null && v !== undefined && i ? [v - i[0], i[1] - v] : [0, 0]];
    })),
  }));
  const signed = rows.some((r) => series.some((s) => (r.values[s.key] ?? 0) < 0));
  const intervalText = (r: BarRow, key: string) => {
    const i = r.intervals?.[key];
    return i ? t('uncertainty.range', { low: formatValue(i[0]), high: formatValue(i[1]) }) : '—';
  };
  const headers = [props.categoryLabel, ...series.flatMap((s) => (withIntervals ? [s.label, `${s.label}: ${props.intervalLabel ?? t('charts.interval')}`] : [s.label]))];
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={height}
      testId={props.testId}
      note={props.note}
      drawn={props.drawn}
      legend={series.map((s, i) => ({ label: s.label, color: seriesColor(i), mark: 'bar' }))}
      data={{
        title: props.title,
        columns: [textColumn(props.categoryLabel), ...series.flatMap((s) => (withIntervals ? [numberColumn(s.label, 4), numberColumn(t('charts.lower', { series: s.label }), 4), numberColumn(t('charts.upper', { series: s.label }), 4)] : [numberColumn(s.label, 4)]))],
        rows: rows.map((r) => [r.label, ...series.flatMap((s) => (withIntervals ? [r.values[s.key] ?? null, r.intervals?.[s.key]?.[0] ?? null, r.intervals?.[s.key]?.[1] ?? null] : [r.values[s.key] ?? null]))]),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={headers}
          rows={rows.map((r) => [r.label, ...series.flatMap((s) => {
            const v = r.values[s.key];
            const text = v === null || v === undefined ? '—' : formatValue(v);
            return withIntervals ? [text, intervalText(r, s.key)] : [text];
          })])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 32, bottom: 28, left: 8 }} barSize={barSize} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} horizontal={false} />
          <XAxis type="number" tickFormatter={props.formatTick ?? formatValue} stroke={chartInk.axis} domain={signed ? ['auto', 'auto'] : [0, 'auto']}
            label={{ value: props.valueLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="category" dataKey="label" width={props.labelWidth ?? 260} stroke={chartInk.axis} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [formatValue(Number(v)), name]} />
          {signed && <ReferenceLine x={0} stroke={chartInk.text} />}
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColor(i)} isAnimationActive={false}>
              {withIntervals && <ErrorBar dataKey={`${s.key}__err`} direction="x" width={6} stroke={chartInk.text} isAnimationActive={false} />}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

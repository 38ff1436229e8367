import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { fittingAxis, tornadoDomain } from './chart-data';
import type { TornadoBar } from './chart-data';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';

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
  /** Ticks of the outcome axis (default formatOutcome). */
  formatTick?: (v: number) => string;
  /** A row's label with its range (default: "Label (low to high)"), e.g. with the parameter's unit. */
  rangeLabel?: (bar: TornadoBar) => string;
  testId?: string;
  note?: ReactNode;
}

const BAR = 16;
const LABEL_WIDTH = 430;
const MARGIN = { top: 8, right: 32, bottom: 28, left: 8 };

export function TornadoChart(props: TornadoChartProps) {
  const { t } = useLanguage();
  const { bars, base } = props;
  const height = Math.max(180, bars.length * (BAR + 18) + 70);
  // The axis beside the labels is short at 1024 px: as many ticks as fit there.
  const [plotWidth, setPlotWidth] = useState<number | null>(null);
  const axis = fittingAxis(...tornadoDomain(bars, base), plotWidth);
  const rangeLabel = props.rangeLabel ?? ((b: TornadoBar) => `${b.label} (${t('uncertainty.range', { low: props.formatValue(b.low), high: props.formatValue(b.high) })})`);
  const rows = bars.map((b) => ({ ...b, axisLabel: rangeLabel(b) }));
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={height}
      testId={props.testId}
      note={props.note}
      legend={[{ label: t('charts.atLow'), color: seriesColor(0), mark: 'bar' }, { label: t('charts.atHigh'), color: seriesColor(1), mark: 'bar' }]}
      data={{
        title: props.title,
        columns: [textColumn(t('uncertainty.parameter')), numberColumn(t('charts.lowValue'), 6), numberColumn(t('charts.highValue'), 6), numberColumn(t('charts.outcomeAtLow', { outcome: props.outcomeLabel }), 2), numberColumn(t('charts.outcomeAtHigh', { outcome: props.outcomeLabel }), 2), numberColumn(t('charts.swing'), 2)],
        rows: bars.map((b) => [b.label, b.low, b.high, b.outcomeLow, b.outcomeHigh, b.swing]),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={[t('uncertainty.parameter'), t('charts.lowValue'), t('charts.highValue'), t('charts.outcomeAtLow', { outcome: props.outcomeLabel }), t('charts.outcomeAtHigh', { outcome: props.outcomeLabel }), t('charts.swing')]}
          rows={bars.map((b) => [b.label, props.formatValue(b.low), props.formatValue(b.high), props.formatOutcome(b.outcomeLow), props.formatOutcome(b.outcomeHigh), props.formatOutcome(b.swing)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%" onResize={(width) => setPlotWidth(Math.max(0, width - LABEL_WIDTH - MARGIN.left - MARGIN.right))}>
        <BarChart data={rows} layout="vertical" margin={MARGIN} barGap={-BAR} barSize={BAR} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} horizontal={false} />
          <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tickFormatter={props.formatTick ?? props.formatOutcome} stroke={chartInk.axis}
            label={{ value: props.outcomeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="category" dataKey="axisLabel" width={LABEL_WIDTH} stroke={chartInk.axis} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip
            formatter={(v, name) => {
              const range = v as unknown as [number, number];
              return [props.formatOutcome(range[1]), name];
            }}
          />
          <ReferenceLine x={base} stroke={chartInk.text} label={{ value: t('charts.base', { value: props.formatOutcome(base) }), position: 'top', fill: chartInk.text, fontSize: 11 }} />
          <Bar dataKey="lowBar" name={t('charts.atLow')} fill={seriesColor(0)} isAnimationActive={false} />
          <Bar dataKey="highBar" name={t('charts.atHigh')} fill={seriesColor(1)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { fittingAxis, fittingLabelWidth, tornadoDomain, wrapLabel } from './chart-data';
import type { TornadoBar } from './chart-data';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';
import { measureText } from './text-measure';

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
const MARGIN = { top: 8, right: 32, bottom: 28, left: 8 };
const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
/** Between a label's end and the axis: the tick and its margin. */
const TICK_SPACE = 12;

/** A parameter's label on as many lines as it was wrapped into, centred on its row. */
function LabelTick({ x = 0, y = 0, payload, fill, lines }: { x?: number; y?: number; payload?: { value?: unknown }; fill?: string; lines: ReadonlyMap<string, string[]> }) {
  const text = String(payload?.value ?? '');
  const shown = lines.get(text) ?? [text];
  return (
    <text x={x} y={y} textAnchor="end" fill={fill ?? chartInk.axis} fontSize={FONT_SIZE} className="recharts-cartesian-axis-tick-value">
      {shown.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? -((shown.length - 1) * LINE_HEIGHT) / 2 + FONT_SIZE * 0.35 : LINE_HEIGHT}>{line}</tspan>
      ))}
    </text>
  );
}

export function TornadoChart(props: TornadoChartProps) {
  const { t } = useLanguage();
  const { bars, base } = props;
  // The label column narrows with the chart (bars keep more than half of it at 1024 px); labels wrap to fit it, and
  // rows grow to hold their lines. The axis beside the labels gets as many ticks as fit.
  const [chartWidth, setChartWidth] = useState<number | null>(null);
  const rangeLabel = props.rangeLabel ?? ((b: TornadoBar) => `${b.label} (${t('uncertainty.range', { low: props.formatValue(b.low), high: props.formatValue(b.high) })})`);
  const rows = bars.map((b) => ({ ...b, axisLabel: rangeLabel(b) }));
  const wrapAt = (width: number) => rows.map((r) => [r.axisLabel, wrapLabel(r.axisLabel, width - TICK_SPACE, (text) => measureText(text, FONT_SIZE))] as const);
  const halfWidth = chartWidth === null ? 0 : Math.floor(chartWidth / 2) - MARGIN.left - MARGIN.right - 1;
  const mostLinesAt = (width: number) => Math.max(1, ...wrapAt(width).map(([, l]) => l.length));
  // Two lines a label if the bars can spare the width, else three.
  const twoLines = fittingLabelWidth(chartWidth, halfWidth, mostLinesAt, 2);
  const labelWidth = mostLinesAt(twoLines) <= 2 ? twoLines : fittingLabelWidth(chartWidth, halfWidth, mostLinesAt, 3);
  const plotWidth = chartWidth === null ? null : Math.max(0, chartWidth - labelWidth - MARGIN.left - MARGIN.right);
  const axis = fittingAxis(...tornadoDomain(bars, base), plotWidth);
  const lines = new Map(chartWidth === null ? [] : wrapAt(labelWidth));
  const mostLines = Math.max(1, ...[...lines.values()].map((l) => l.length));
  const rowHeight = Math.max(BAR + 18, mostLines * LINE_HEIGHT + 6);
  const height = Math.max(180, bars.length * rowHeight + 70);
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
      <ResponsiveContainer width="100%" height="100%" onResize={(width) => setChartWidth(width)}>
        <BarChart data={rows} layout="vertical" margin={MARGIN} barGap={-BAR} barSize={BAR} accessibilityLayer={false}>
          <CartesianGrid stroke={chartInk.grid} horizontal={false} />
          <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tickFormatter={props.formatTick ?? props.formatOutcome} stroke={chartInk.axis}
            label={{ value: props.outcomeLabel, position: 'insideBottom', offset: -16, fill: chartInk.axis }} />
          <YAxis type="category" dataKey="axisLabel" width={labelWidth} stroke={chartInk.axis} interval={0} tick={<LabelTick lines={lines} />} />
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

import type { ReactNode } from 'react';
import { numberColumn, textColumn } from '../../report/data-table';
import { ChartDataTable, ChartFrame } from './chart-frame';
import type { LegendItem } from './chart-frame';
import { chartInk } from './palette';
import { useLanguage } from '../i18n/language';

// A grid of coloured cells over two parameters (the two-way analysis): each cell is filled with its category's colour
// (the optimal strategy, or a band of incremental NMB); the base case is marked with a ring. Drawn as one SVG with a
// viewBox, so it scales with the card; the numbers are in the data table.

export interface HeatCell {
  x: number;
  y: number;
  /** Index into `categories`; null for a cell the model could not evaluate (hatched grey). */
  category: number | null;
  /** What the data table shows for the cell. */
  text: string;
}

export interface HeatMapChartProps {
  title: string;
  description?: ReactNode;
  summary: string;
  xValues: readonly number[];
  yValues: readonly number[];
  /** cells[i][j]: xValues[i], yValues[j]. */
  cells: readonly (readonly HeatCell[])[];
  categories: readonly { label: string; color: string }[];
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  base: { x: number; y: number } | null;
  cellLabel: string;
  testId?: string;
  note?: ReactNode;
}

const W = 860;
const LEFT = 96;
const TOP = 8;
const BOTTOM = 58;

/** Position of a value on an axis of evenly spaced cell centres (cells span half a step either side). */
function position(values: readonly number[], v: number, start: number, cell: number): number | null {
  const n = values.length;
  if (n === 1) return Math.abs(v - values[0]!) < 1e-12 ? start + cell / 2 : null;
  const lo = values[0]!;
  const hi = values[n - 1]!;
  const step = (hi - lo) / (n - 1);
  const k = (v - lo) / step;
  if (k < -0.5 || k > n - 0.5) return null;
  return start + (k + 0.5) * cell;
}

export function HeatMapChart(props: HeatMapChartProps) {
  const { t } = useLanguage();
  const { xValues, yValues, cells, categories } = props;
  const plotW = W - LEFT - 16;
  const cellW = plotW / xValues.length;
  const cellH = Math.max(18, Math.min(34, 340 / yValues.length));
  const plotH = cellH * yValues.length;
  const H = TOP + plotH + BOTTOM;
  const xTickEvery = Math.ceil(xValues.length / 8);
  const yTickEvery = Math.ceil(yValues.length / 12);
  const bx = props.base ? position(xValues, props.base.x, LEFT, cellW) : null;
  // y grows upwards: the first value at the bottom.
  const byRaw = props.base ? position(yValues, props.base.y, 0, cellH) : null;
  const by = byRaw === null ? null : TOP + plotH - byRaw;
  const legend: LegendItem[] = [
    ...categories.map((c) => ({ label: c.label, color: c.color, mark: 'bar' as const })),
    ...(props.base ? [{ label: t('analysis.baseCase'), color: chartInk.text, mark: 'point' as const }] : []),
  ];
  return (
    <ChartFrame
      title={props.title}
      description={props.description}
      summary={props.summary}
      height={null}
      testId={props.testId}
      note={props.note}
      legend={legend}
      data={{
        title: props.title,
        columns: [numberColumn(props.xLabel, 6), numberColumn(props.yLabel, 6), textColumn(props.cellLabel)],
        rows: cells.flatMap((col) => col.map((c) => [c.x, c.y, c.text])),
      }}
      table={
        <ChartDataTable
          caption={props.title}
          headers={[props.xLabel, props.yLabel, props.cellLabel]}
          rows={cells.flatMap((col) => col.map((c) => [props.formatX(c.x), props.formatY(c.y), c.text]))}
        />
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, display: 'block' }} className="heat-map" data-testid={props.testId ? `${props.testId}-svg` : undefined}>
        <defs>
          <pattern id="heat-failed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f1f3f5" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9aa4b1" strokeWidth="2" />
          </pattern>
        </defs>
        {cells.map((col, i) =>
          col.map((c, j) => (
            <rect
              key={`${i}-${j}`}
              x={LEFT + i * cellW}
              y={TOP + plotH - (j + 1) * cellH}
              width={cellW}
              height={cellH}
              fill={c.category === null ? 'url(#heat-failed)' : categories[c.category]!.color}
              stroke="#fff"
              strokeWidth={1}
              data-category={c.category ?? 'failed'}
            >
              <title>{`${props.xLabel} ${props.formatX(c.x)}, ${props.yLabel} ${props.formatY(c.y)}: ${c.text}`}</title>
            </rect>
          )),
        )}
        <rect x={LEFT} y={TOP} width={plotW} height={plotH} fill="none" stroke={chartInk.axis} />
        {xValues.map((v, i) =>
          i % xTickEvery === 0 || i === xValues.length - 1 ? (
            <text key={i} x={LEFT + (i + 0.5) * cellW} y={TOP + plotH + 16} textAnchor="middle" fontSize="11.5" fill={chartInk.axis}>{props.formatX(v)}</text>
          ) : null,
        )}
        {yValues.map((v, j) =>
          j % yTickEvery === 0 || j === yValues.length - 1 ? (
            <text key={j} x={LEFT - 6} y={TOP + plotH - (j + 0.5) * cellH + 4} textAnchor="end" fontSize="11.5" fill={chartInk.axis}>{props.formatY(v)}</text>
          ) : null,
        )}
        <text x={LEFT + plotW / 2} y={TOP + plotH + 42} textAnchor="middle" fontSize="12" fill={chartInk.axis}>{props.xLabel}</text>
        <text x={14} y={TOP + plotH / 2} textAnchor="middle" fontSize="12" fill={chartInk.axis} transform={`rotate(-90 14 ${TOP + plotH / 2})`}>{props.yLabel}</text>
        {bx !== null && by !== null && (
          <g data-testid={props.testId ? `${props.testId}-base` : undefined}>
            <circle cx={bx} cy={by} r={7} fill="none" stroke="#fff" strokeWidth={4} />
            <circle cx={bx} cy={by} r={7} fill="none" stroke={chartInk.text} strokeWidth={2} />
            <circle cx={bx} cy={by} r={2} fill={chartInk.text} />
          </g>
        )}
      </svg>
    </ChartFrame>
  );
}

// A model's structure as a graph to draw: boxes with text, arrows with labels. Built from the parsed model by
// markov-graph.ts, tree-graph.ts and psm-graph.ts; laid out by layout.ts; drawn by render-svg.ts.
import type { NumberFormats } from '../report/format';
import { typedNumber } from '../report/format';
import { translator } from '../report/i18n/translate';
import type { Translate } from '../report/i18n/translate';

export type NodeShape = 'state' | 'absorbing' | 'decision' | 'chance' | 'terminal' | 'diagnostic' | 'curve';

export interface CurvePlot {
  /** Years on the x axis, survival (0..1) on the y axis. */
  xMax: number;
  /** The x axis's end label in the drawing language (default "<xMax> years"). */
  xLabel?: string;
  series: { label: string; points: [number, number][] }[];
}

export interface DiagramNode {
  id: string;
  shape: NodeShape;
  title: string;
  /** Detail lines under the title. */
  lines: string[];
  /** Tunnel state: time in the state is tracked for this many cycles. */
  tunnel?: number;
  /** A subtree that can be folded: whether it is, and how many nodes it holds. */
  fold?: { collapsed: boolean; hidden: number };
  plot?: CurvePlot;
  /** Label of the arrow from the node to itself (staying in a Markov state). */
  loop?: string[];
}

export interface DiagramEdge {
  from: string;
  to: string;
  label: string[];
  dashed?: boolean;
}

export interface DiagramGraph {
  kind: 'markov' | 'tree' | 'psm';
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** Lines of text under the picture (strategy overrides, the meaning of the curves). */
  notes: string[];
  /** One sentence for assistive technology. */
  description: string;
  /** Rows of the data table that stands for the picture: from, to, label. */
  rows: string[][];
}

export { typedNumber };

/**
 * A value in a diagram: four significant digits, no grouping ("0.2018", "0.009804", "1251"), with the decimal comma
 * of `fmt`'s language (French, Dutch: "0,2018"); English without `fmt`.
 */
export function diagramNumber(x: number, fmt?: NumberFormats): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const digits = Math.abs(x) >= 1000 ? 0 : Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  const text = String(Number(x.toFixed(Math.min(digits, 10))));
  return fmt ? text.replace('.', fmt.decimalMark) : text;
}

/**
 * Label lines of an expression and its base-case value: ["p_AB * rr", "= 0.1027"], ["0.3"], ["C (the rest)", "= 0.72"].
 * An expression that changes over time is labelled with its value at cycle 1.
 */
const english = translator('en');

export function expressionLines(expression: number | string, value: number | null, varies = false, fmt?: NumberFormats, t: Translate = english): string[] {
  if (typeof expression === 'number') return [diagramNumber(expression, fmt)];
  const text = expression === 'C' ? t('diagram.complement') : expression;
  if (value === null) return wrapText(text);
  const valueText = diagramNumber(value, fmt);
  if (expression.trim() === valueText) return [valueText];
  return [...wrapText(text), varies ? t('diagram.valueAtCycle1', { value: valueText }) : `= ${valueText}`];
}

/** Long expressions break at spaces into lines of about `width` characters, so labels stay narrow (at most `maxLines`, the last cut with an ellipsis). */
export function wrapText(text: string, width = 28, maxLines = 3): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!} …`;
  return kept;
}

/** The same on one line: "p_AB * rr = 0.1027". */
export function expressionLabel(expression: number | string, value: number | null, varies = false, fmt?: NumberFormats, t: Translate = english): string {
  return expressionLines(expression, value, varies, fmt, t).join(' ');
}

// The chart kinds reports use, as SVG strings from plain numbers: lines (CEAC, EVPI, survival), points (CE plane,
// frontier), tornado bars, plain bars (EVPPI), grouped bars (budget by year) and a category grid (two-way
// analysis). Scales and paths come from d3-scale and d3-shape; layout is fixed-size so a chart looks the same on
// screen, on A4 and as a PNG in Word.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import type { Chart } from '../document';
import { el, estimateTextWidth, fitText, frame, GRID, INK, legend, MUTED_INK, svgDocument, textEl, xAxis, yAxis } from './svg';
import type { AxisSpec, LegendItem } from './svg';

const WIDTH = 640;

export interface ChartBase {
  id: string;
  title: string;
  /** The sentence screen readers and the DOCX alt text get. */
  description: string;
}

function domainOf(values: Iterable<number>, includeZero = false): [number, number] {
  let lo = includeZero ? 0 : Infinity;
  let hi = includeZero ? 0 : -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)];
  return [lo, hi];
}

function chart(base: ChartBase, width: number, height: number, body: string): Chart {
  return { svg: svgDocument({ id: base.id, width, height, title: base.title, description: base.description }, body), width, height, alt: base.description };
}

// ---- lines ----

export interface LineSeries {
  label: string;
  colour: string;
  points: readonly (readonly [number, number])[];
  dash?: string;
  strokeWidth?: number;
  /** Drawn as steps (survival curves on a cycle grid look right either way; CEAF segments need gaps). */
  curve?: 'linear';
}

export interface LineChartSpec extends ChartBase {
  series: readonly LineSeries[];
  x: AxisSpec & { domain?: [number, number] };
  y: AxisSpec & { domain?: [number, number] };
  height?: number;
}

export function lineChart(spec: LineChartSpec): Chart {
  const height = spec.height ?? 340;
  const items: LegendItem[] = spec.series.map((s) => ({ label: s.label, colour: s.colour, mark: 'line', dash: s.dash }));
  const leg = legend(items, 64, 6, WIDTH - 80);
  const f = frame(WIDTH, height, { top: leg.height + 14, right: 20, bottom: 48, left: 64 });
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]));
  const x = scaleLinear().domain(spec.x.domain ?? domainOf(xs)).range([f.left, f.right]);
  const y = scaleLinear().domain(spec.y.domain ?? domainOf(ys, true)).range([f.bottom, f.top]).nice();
  const path = d3line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .digits(2);
  const lines = spec.series.map((s) =>
    el('path', { d: path(s.points) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': s.strokeWidth ?? 2, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round' }),
  );
  return chart(spec, WIDTH, height, leg.svg + xAxis(f, x, spec.x) + yAxis(f, y, spec.y) + el('g', { class: 'series' }, ...lines));
}

// ---- points ----

export interface PointSeries {
  label: string;
  colour: string;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  radius?: number;
  opacity?: number;
  /** Mean of the cloud, drawn as a ringed marker. */
  mean?: { x: number; y: number };
}

export interface ScatterChartSpec extends ChartBase {
  series: readonly PointSeries[];
  x: AxisSpec;
  y: AxisSpec;
  /** Lines through the origin with these slopes (willingness-to-pay lines on the CE plane). */
  slopes?: readonly { label: string; slope: number; colour: string; dash?: string; /** The pattern in the legend's short line (default dash). */ legendDash?: string }[];
  /** A polyline through these points (the cost-effectiveness frontier). */
  polyline?: { label: string; colour: string; points: readonly { x: number; y: number }[] };
  /** Text next to points. */
  labels?: readonly { x: number; y: number; text: string }[];
  includeOrigin?: boolean;
  height?: number;
}

function iterate(xs: ArrayLike<number>): number[] {
  return Array.from(xs);
}

export function scatterChart(spec: ScatterChartSpec): Chart {
  const height = spec.height ?? 380;
  const items: LegendItem[] = [
    ...spec.series.map((s): LegendItem => ({ label: s.label, colour: s.colour, mark: 'dot' })),
    ...(spec.slopes ?? []).map((l): LegendItem => ({ label: l.label, colour: l.colour, mark: 'line', dash: l.legendDash ?? l.dash })),
    ...(spec.polyline ? [{ label: spec.polyline.label, colour: spec.polyline.colour, mark: 'line' as const }] : []),
  ];
  const leg = legend(items, 72, 6, WIDTH - 90);
  const f = frame(WIDTH, height, { top: leg.height + 14, right: 24, bottom: 48, left: 72 });
  const allX = [...spec.series.flatMap((s) => iterate(s.xs)), ...(spec.labels ?? []).map((l) => l.x)];
  const allY = [...spec.series.flatMap((s) => iterate(s.ys)), ...(spec.labels ?? []).map((l) => l.y)];
  const origin = spec.includeOrigin ?? false;
  const [x0, x1] = domainOf(allX, origin);
  const [y0, y1] = domainOf(allY, origin);
  const padX = (x1 - x0) * 0.06 || 1;
  const padY = (y1 - y0) * 0.06 || 1;
  const x = scaleLinear().domain([x0 - padX, x1 + padX]).range([f.left, f.right]).nice();
  const y = scaleLinear().domain([y0 - padY, y1 + padY]).range([f.bottom, f.top]).nice();
  const parts: string[] = [leg.svg, xAxis(f, x, spec.x), yAxis(f, y, spec.y)];
  const clipId = `${spec.id}-clip`;
  parts.push(el('clipPath', { id: clipId }, el('rect', { x: f.left, y: f.top, width: f.right - f.left, height: f.bottom - f.top })));
  const inner: string[] = [];
  if (origin) {
    inner.push(el('line', { x1: x(0), x2: x(0), y1: f.top, y2: f.bottom, stroke: MUTED_INK, 'stroke-width': 1 }));
    inner.push(el('line', { x1: f.left, x2: f.right, y1: y(0), y2: y(0), stroke: MUTED_INK, 'stroke-width': 1 }));
  }
  for (const l of spec.slopes ?? []) {
    const [dx0, dx1] = x.domain() as [number, number];
    inner.push(el('line', { x1: x(dx0), y1: y(dx0 * l.slope), x2: x(dx1), y2: y(dx1 * l.slope), stroke: l.colour, 'stroke-width': 1.5, 'stroke-dasharray': l.dash }));
  }
  for (const s of spec.series) {
    const r = s.radius ?? 2;
    const dots: string[] = [];
    for (let i = 0; i < s.xs.length; i++) {
      const px = x(s.xs[i]!);
      const py = y(s.ys[i]!);
      if (Number.isFinite(px) && Number.isFinite(py)) dots.push(el('circle', { cx: px, cy: py, r }));
    }
    inner.push(el('g', { fill: s.colour, 'fill-opacity': s.opacity ?? 0.35 }, ...dots));
  }
  if (spec.polyline) {
    const path = d3line<{ x: number; y: number }>().x((p) => x(p.x)).y((p) => y(p.y)).digits(2);
    inner.push(el('path', { d: path(spec.polyline.points) ?? '', fill: 'none', stroke: spec.polyline.colour, 'stroke-width': 2 }));
  }
  for (const s of spec.series) {
    if (s.mean) inner.push(el('circle', { cx: x(s.mean.x), cy: y(s.mean.y), r: 5, fill: s.colour, stroke: '#ffffff', 'stroke-width': 2 }));
  }
  parts.push(el('g', { 'clip-path': `url(#${clipId})` }, ...inner));
  for (const l of spec.labels ?? []) {
    const px = x(l.x);
    const anchorEnd = px > (f.left + f.right) / 2;
    parts.push(textEl(px + (anchorEnd ? -8 : 8), y(l.y) - 6, fitText(l.text, 240, 11), { 'text-anchor': anchorEnd ? 'end' : 'start' }));
  }
  return chart(spec, WIDTH, height, parts.join(''));
}

// ---- tornado ----

export interface TornadoBar {
  label: string;
  /** Outcome with the input at its low and at its high value (null: that step failed). */
  atLow: number | null;
  atHigh: number | null;
  /** e.g. "0.63 – 0.74" shown after the label. */
  range?: string;
}

export interface TornadoChartSpec extends ChartBase {
  bars: readonly TornadoBar[];
  base: number;
  x: AxisSpec;
  lowLabel: string;
  highLabel: string;
}

/**
 * A label in at most two lines of the given width: broken at the last space that fits, the second line cut with an
 * ellipsis only if it is still too long.
 */
export function twoLines(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(4, Math.floor(width / (fontSize * 0.56)));
  if (text.length <= max) return [text];
  const cut = text.lastIndexOf(' ', max);
  if (cut <= 0) return [fitText(text, width, fontSize)];
  return [text.slice(0, cut), fitText(text.slice(cut + 1), width, fontSize)];
}

export function tornadoChart(spec: TornadoChartSpec): Chart {
  const labelWidth = Math.min(260, Math.max(120, ...spec.bars.map((b) => estimateTextWidth(b.label, 11) + 8)));
  // Long input names take two lines, as on the screen, rather than losing their end to an ellipsis.
  const labels = spec.bars.map((b) => twoLines(b.label, labelWidth, 11));
  const rowHeight = labels.some((l) => l.length > 1) ? 30 : 24;
  const lowColour = '#0072B2';
  const highColour = '#D55E00';
  const leg = legend(
    [
      { label: spec.lowLabel, colour: lowColour, mark: 'box' },
      { label: spec.highLabel, colour: highColour, mark: 'box' },
    ],
    12,
    6,
    WIDTH - 24,
  );
  const height = leg.height + 20 + spec.bars.length * rowHeight + 52;
  const f = frame(WIDTH, height, { top: leg.height + 16, right: 24, bottom: 52, left: labelWidth + 12 });
  const values = spec.bars.flatMap((b) => [b.atLow, b.atHigh]).filter((v): v is number => v !== null);
  const [lo, hi] = domainOf([...values, spec.base]);
  const pad = (hi - lo) * 0.05 || 1;
  const x = scaleLinear().domain([lo - pad, hi + pad]).range([f.left, f.right]).nice();
  const parts: string[] = [leg.svg, xAxis(f, x, spec.x)];
  spec.bars.forEach((b, i) => {
    const top = f.top + i * rowHeight + 3;
    const h = rowHeight - 6;
    const lines = labels[i]!;
    lines.forEach((line, k) => parts.push(textEl(f.left - 8, top + h / 2 + 4 + (k - (lines.length - 1) / 2) * 12, line, { 'text-anchor': 'end' })));
    for (const [value, colour] of [
      [b.atLow, lowColour],
      [b.atHigh, highColour],
    ] as const) {
      if (value === null) continue;
      const x0 = Math.min(x(spec.base), x(value));
      parts.push(el('rect', { x: x0, y: top, width: Math.max(1, Math.abs(x(value) - x(spec.base))), height: h, fill: colour, 'fill-opacity': 0.85 }));
    }
  });
  parts.push(el('line', { x1: x(spec.base), x2: x(spec.base), y1: f.top - 4, y2: f.bottom, stroke: INK, 'stroke-width': 1.5 }));
  return chart(spec, WIDTH, height, parts.join(''));
}

// ---- plain horizontal bars ----

export interface BarListSpec extends ChartBase {
  bars: readonly { label: string; value: number }[];
  x: AxisSpec;
  colour?: string;
}

export function barListChart(spec: BarListSpec): Chart {
  const rowHeight = 22;
  const labelWidth = Math.min(260, Math.max(120, ...spec.bars.map((b) => estimateTextWidth(b.label, 11) + 8)));
  const height = 16 + spec.bars.length * rowHeight + 52;
  const f = frame(WIDTH, height, { top: 12, right: 24, bottom: 52, left: labelWidth + 12 });
  const x = scaleLinear().domain(domainOf(spec.bars.map((b) => b.value), true)).range([f.left, f.right]).nice();
  const parts: string[] = [xAxis(f, x, spec.x)];
  spec.bars.forEach((b, i) => {
    const top = f.top + i * rowHeight + 3;
    const h = rowHeight - 6;
    parts.push(textEl(f.left - 8, top + h / 2 + 4, fitText(b.label, labelWidth, 11), { 'text-anchor': 'end' }));
    parts.push(el('rect', { x: Math.min(x(0), x(b.value)), y: top, width: Math.max(1, Math.abs(x(b.value) - x(0))), height: h, fill: spec.colour ?? '#0072B2' }));
  });
  return chart(spec, WIDTH, height, parts.join(''));
}

// ---- grouped vertical bars ----

export interface GroupedBarSpec extends ChartBase {
  groups: readonly string[];
  series: readonly { label: string; colour: string; values: readonly number[] }[];
  y: AxisSpec;
  xLabel: string;
}

export function groupedBarChart(spec: GroupedBarSpec): Chart {
  const height = 340;
  const leg = legend(
    spec.series.map((s) => ({ label: s.label, colour: s.colour, mark: 'box' as const })),
    72,
    6,
    WIDTH - 90,
  );
  const f = frame(WIDTH, height, { top: leg.height + 14, right: 20, bottom: 48, left: 72 });
  const y = scaleLinear().domain(domainOf(spec.series.flatMap((s) => s.values), true)).range([f.bottom, f.top]).nice();
  const outer = scaleBand<string>().domain([...spec.groups]).range([f.left, f.right]).paddingInner(0.25).paddingOuter(0.1);
  const inner = scaleBand<string>().domain(spec.series.map((s) => s.label)).range([0, outer.bandwidth()]).padding(0.08);
  const parts: string[] = [leg.svg, yAxis(f, y, spec.y)];
  spec.groups.forEach((g, gi) => {
    const gx = outer(g)!;
    spec.series.forEach((s) => {
      const v = s.values[gi] ?? 0;
      const bx = gx + inner(s.label)!;
      parts.push(el('rect', { x: bx, y: Math.min(y(0), y(v)), width: inner.bandwidth(), height: Math.max(0.5, Math.abs(y(v) - y(0))), fill: s.colour }));
    });
    parts.push(textEl(gx + outer.bandwidth() / 2, f.bottom + 16, g, { 'text-anchor': 'middle', fill: MUTED_INK }));
  });
  parts.push(el('line', { x1: f.left, x2: f.right, y1: y(0), y2: y(0), stroke: MUTED_INK, 'stroke-width': 1 }));
  parts.push(textEl((f.left + f.right) / 2, f.bottom + 36, spec.xLabel, { 'text-anchor': 'middle', 'font-size': 12 }));
  return chart(spec, WIDTH, height, parts.join(''));
}

// ---- category grid (two-way analysis) ----

export interface CategoryGridSpec extends ChartBase {
  xValues: readonly number[];
  yValues: readonly number[];
  /** cells[i][j]: category at xValues[i], yValues[j]; null when the cell could not be evaluated. */
  cells: readonly (readonly (string | null)[])[];
  categories: readonly { id: string; label: string; colour: string }[];
  x: AxisSpec;
  y: AxisSpec;
  /** The base-case point, marked with a cross. */
  base?: { x: number; y: number };
  /** Legend text of cells that could not be evaluated (default English). */
  notEvaluableLabel?: string;
}

export function categoryGridChart(spec: CategoryGridSpec): Chart {
  const height = 400;
  const leg = legend(
    [...spec.categories.map((c) => ({ label: c.label, colour: c.colour, mark: 'box' as const })), { label: spec.notEvaluableLabel ?? 'Not evaluable', colour: '#ffffff', mark: 'box' as const }],
    72,
    6,
    WIDTH - 90,
  );
  const f = frame(WIDTH, height, { top: leg.height + 14, right: 24, bottom: 48, left: 72 });
  const half = (vs: readonly number[]) => (vs.length > 1 ? (vs[1]! - vs[0]!) / 2 : 0.5);
  const hx = half(spec.xValues);
  const hy = half(spec.yValues);
  const x = scaleLinear().domain([spec.xValues[0]! - hx, spec.xValues[spec.xValues.length - 1]! + hx]).range([f.left, f.right]);
  const y = scaleLinear().domain([spec.yValues[0]! - hy, spec.yValues[spec.yValues.length - 1]! + hy]).range([f.bottom, f.top]);
  const colours = new Map(spec.categories.map((c) => [c.id, c.colour]));
  const cells: string[] = [];
  spec.xValues.forEach((xv, i) =>
    spec.yValues.forEach((yv, j) => {
      const id = spec.cells[i]?.[j] ?? null;
      const x0 = x(xv - hx);
      const y0 = y(yv + hy);
      cells.push(el('rect', { x: x0, y: y0, width: x(xv + hx) - x0, height: y(yv - hy) - y0, fill: id === null ? '#ffffff' : (colours.get(id) ?? GRID), stroke: '#ffffff', 'stroke-width': 0.5 }));
    }),
  );
  const parts = [leg.svg, el('g', {}, ...cells), xAxis(f, x, spec.x), yAxis(f, y, spec.y)];
  if (spec.base) {
    const bx = x(spec.base.x);
    const by = y(spec.base.y);
    parts.push(el('path', { d: `M${bx - 6},${by - 6}L${bx + 6},${by + 6}M${bx - 6},${by + 6}L${bx + 6},${by - 6}`, stroke: INK, 'stroke-width': 2.5 }));
  }
  return chart(spec, WIDTH, height, parts.join(''));
}

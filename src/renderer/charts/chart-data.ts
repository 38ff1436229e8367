// Pure shaping of engine results into the rows recharts draws (tested in vitest; recharts itself draws nothing
// in jsdom, so the drawing is tested in Chromium).
import { widestSwings } from '../../report/tornado-inputs';

/** One row per trace row: time in years, then the share of the cohort in each state (keyed by state id). */
export function traceRows(trace: ArrayLike<number>, stateIds: readonly string[], cycles: number, cycleLength: number): Record<string, number>[] {
  const n = stateIds.length;
  const rows: Record<string, number>[] = [];
  for (let t = 0; t <= cycles; t++) {
    const row: Record<string, number> = { time: t * cycleLength };
    stateIds.forEach((id, k) => {
      row[id] = trace[t * n + k] ?? Number.NaN;
    });
    rows.push(row);
  }
  return rows;
}

/**
 * Share of the cohort alive at each trace row, per strategy (keyed by strategy id): 1 minus the shares of the dead
 * states. Null when the model marks no dead state (survival cannot be told from the trace then).
 */
export function survivalRows(
  strategies: readonly { id: string; trace: ArrayLike<number> }[],
  stateIds: readonly string[],
  deadStates: ReadonlySet<string>,
  cycles: number,
  cycleLength: number,
): Record<string, number>[] | null {
  const dead = stateIds.flatMap((id, k) => (deadStates.has(id) ? [k] : []));
  if (dead.length === 0) return null;
  const n = stateIds.length;
  const rows: Record<string, number>[] = [];
  for (let t = 0; t <= cycles; t++) {
    const row: Record<string, number> = { time: t * cycleLength };
    for (const s of strategies) {
      let gone = 0;
      for (const k of dead) gone += s.trace[t * n + k] ?? 0;
      row[s.id] = 1 - gone;
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Share of the cohort in the given states at each trace row, per strategy, keyed `${strategy id}${suffix}` (e.g.
 * progression-free survival from the progression-free states). Null when no trace state is in the set.
 */
export function stateShareRows(
  strategies: readonly { id: string; trace: ArrayLike<number> }[],
  stateIds: readonly string[],
  states: ReadonlySet<string>,
  cycles: number,
  cycleLength: number,
  suffix = '',
): Record<string, number>[] | null {
  const picked = stateIds.flatMap((id, k) => (states.has(id) ? [k] : []));
  if (picked.length === 0) return null;
  const n = stateIds.length;
  const rows: Record<string, number>[] = [];
  for (let t = 0; t <= cycles; t++) {
    const row: Record<string, number> = { time: t * cycleLength };
    for (const s of strategies) {
      let share = 0;
      for (const k of picked) share += s.trace[t * n + k] ?? 0;
      row[`${s.id}${suffix}`] = share;
    }
    rows.push(row);
  }
  return rows;
}

/** Groups of series (by key) whose values coincide in every row (within `tolerance`): curves drawn over each other. */
export function coincidingSeries(rows: readonly Record<string, number | string>[], keys: readonly string[], tolerance = 1e-9): string[][] {
  const groups: string[][] = [];
  const placed = new Set<string>();
  for (const a of keys) {
    if (placed.has(a)) continue;
    const group = [a];
    for (const b of keys) {
      if (b === a || placed.has(b)) continue;
      if (rows.every((r) => Math.abs(Number(r[a]) - Number(r[b])) <= tolerance)) group.push(b);
    }
    if (group.length > 1) {
      group.forEach((k) => placed.add(k));
      groups.push(group);
    }
  }
  return groups;
}

/** Every k-th row (always keeping the first and last) so a long trace is drawn with at most `max` points. */
export function thinRows<T>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max || max < 2) return [...rows];
  const step = (rows.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => rows[Math.round(k * step)]!);
}

export interface TornadoBar {
  parameter: string;
  label: string;
  /** Values of the parameter at the two ends of its range. */
  low: number;
  high: number;
  /** Outcome (incremental NMB) at low and at high. */
  outcomeLow: number;
  outcomeHigh: number;
  swing: number;
  /** [base, outcome] ranges for the two bars (recharts range bars). */
  lowBar: [number, number];
  highBar: [number, number];
  decisionChanges: boolean;
}

interface TornadoInputRow {
  parameter: string;
  label: string;
  low: number;
  high: number;
  outcomeLow: number | null;
  outcomeHigh: number | null;
  swing: number | null;
  decisionChanges: boolean;
}

/**
 * Bars of a tornado diagram: the inputs the report shows too (widestSwings), each bar spanning from the base-case
 * outcome to the outcome at the parameter's low (and high) value. Rows whose low or high step failed are left out
 * (listed separately by the caller).
 */
export function tornadoBars(rows: readonly TornadoInputRow[], baseOutcome: number): TornadoBar[] {
  return widestSwings(rows.filter((r): r is TornadoInputRow & { outcomeLow: number; outcomeHigh: number } => r.outcomeLow !== null && r.outcomeHigh !== null))
    .map((r) => ({
      parameter: r.parameter,
      label: r.label,
      low: r.low,
      high: r.high,
      outcomeLow: r.outcomeLow,
      outcomeHigh: r.outcomeHigh,
      swing: r.swing,
      lowBar: [baseOutcome, r.outcomeLow],
      highBar: [baseOutcome, r.outcomeHigh],
      decisionChanges: r.decisionChanges,
    }));
}

/** Axis domain of the tornado: covers every bar and the base, with 5% padding on each side. */
export function tornadoDomain(bars: readonly TornadoBar[], base: number): [number, number] {
  const values = [base, ...bars.flatMap((b) => [b.outcomeLow, b.outcomeHigh])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || Math.abs(base) || 1) * 0.05;
  return [lo - pad, hi + pad];
}

interface BudgetYear {
  year: number;
  calendarYear: number | null;
  byCategory: Record<string, { current: number; new: number; impact: number }>;
}

/**
 * Rows of the stacked budget chart: for each year, one bar for the current world and one for the new world, each
 * stacked by cost category (keyed by category id).
 */
export function budgetBarRows(
  years: readonly BudgetYear[],
  categories: readonly string[],
  /** The bar's name (default "2026 current", "Year 2 new"); the screens pass one in the display language. */
  barName: (y: BudgetYear, world: 'current' | 'new') => string = (y, world) => `${y.calendarYear !== null ? String(y.calendarYear) : `Year ${y.year}`} ${world}`,
): Record<string, string | number>[] {
  return years.flatMap((y) => {
    return (['current', 'new'] as const).map((world) => ({
      bar: barName(y, world),
      year: y.year,
      world,
      ...Object.fromEntries(categories.map((c) => [c, y.byCategory[c]?.[world] ?? 0])),
    }));
  });
}

export interface CePoint {
  id: string;
  label: string;
  effect: number;
  cost: number;
  onFrontier: boolean;
}

/** Strategies on the cost-effectiveness plane, with the efficiency frontier (non-dominated, by cost). */
export function cePlanePoints(
  strategies: readonly { id: string; label: string; cost: number; effect: number }[],
  incremental: readonly { id: string; status: string }[],
): { points: CePoint[]; frontier: { effect: number; cost: number }[] } {
  const onFrontier = new Set(incremental.filter((r) => r.status === 'reference' || r.status === 'nondominated').map((r) => r.id));
  const points = strategies.map((s) => ({ id: s.id, label: s.label, effect: s.effect, cost: s.cost, onFrontier: onFrontier.has(s.id) }));
  const frontier = points
    .filter((p) => p.onFrontier)
    .sort((a, b) => a.cost - b.cost)
    .map((p) => ({ effect: p.effect, cost: p.cost }));
  return { points, frontier };
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * power;
}

/** Axis domain widened to whole nice steps, with the ticks at every step (about `count` intervals). */
export function niceAxis(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { domain: [0, 1], ticks: [0, 1] };
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  const step = niceStep((hi - lo) / count);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const n = Math.round((end - start) / step);
  // Rounding each tick to the step's precision keeps 0.1 + 0.2 from showing as 0.30000000000000004.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const ticks = Array.from({ length: n + 1 }, (_, k) => Number((start + k * step).toFixed(digits)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** Narrowest space between two value-axis ticks that keeps labels such as "€12.5m" apart and readable. */
export const MIN_TICK_GAP = 64;

/**
 * Round ticks for a value axis `plotWidth` px long (null: not measured yet): as many as fit at least MIN_TICK_GAP
 * apart, at most about `most` (a tornado at 1024 px has ~250 px of axis beside its labels: 0, 5, 10, 15 M€, not
 * seven crowded ticks of which recharts hides some).
 */
export function fittingAxis(lo: number, hi: number, plotWidth: number | null, most = 6): { domain: [number, number]; ticks: number[] } {
  if (plotWidth === null) return niceAxis(lo, hi, most);
  for (let count = most; count > 1; count--) {
    const axis = niceAxis(lo, hi, count);
    if (plotWidth / Math.max(1, axis.ticks.length - 1) >= MIN_TICK_GAP) return axis;
  }
  return niceAxis(lo, hi, 1);
}

/** A y axis that always shows zero (where a net-benefit curve crosses it is the threshold), on round ticks. */
export function axisWithZero(values: readonly (number | null)[]): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return niceAxis(Math.min(0, ...finite), Math.max(0, ...finite));
}

/**
 * Which reference-line labels to print: each at least `minShare` of the x range right of the last one printed, so
 * thresholds such as £2,000, £5,000 and £10,000 on a £60,000 axis do not print over each other. Every line stays.
 */
export function spacedMarkerLabels(xs: readonly number[], range: readonly [number, number], minShare = 0.12): boolean[] {
  const span = Math.abs(range[1] - range[0]);
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const shown = xs.map(() => false);
  let last = Number.NEGATIVE_INFINITY;
  for (const { x, i } of order) {
    if (!(span > 0) || x - last >= minShare * span) {
      shown[i] = true;
      last = x;
    }
  }
  return shown;
}

/** Widest label column of a tornado (px): at 1440 px its labels fit on one or two lines. */
export const TORNADO_LABEL_WIDTH = 430;

/**
 * The label column of a tornado `chartWidth` px wide (null: not measured yet): at most 40% of the chart, so the bars
 * keep more than half of it at the smallest window (1024 px: ~290 px of labels, ~395 px of bars), the full 430 px
 * from about 1100 px of chart.
 */
export function tornadoLabelWidth(chartWidth: number | null): number {
  return chartWidth === null ? TORNADO_LABEL_WIDTH : Math.min(TORNADO_LABEL_WIDTH, Math.max(120, Math.round(0.4 * chartWidth)));
}

/**
 * The tornado's label column widened from tornadoLabelWidth, 10 px at a time, until every label takes at most
 * `maxLines` lines (`linesAt`: the most lines of a label at a width), but never past `widest` (the bars keep half).
 * Rows are as tall as the tallest label, so one long name would otherwise space every row out.
 */
export function fittingLabelWidth(chartWidth: number | null, widest: number, linesAt: (width: number) => number, maxLines = 3): number {
  let width = tornadoLabelWidth(chartWidth);
  if (chartWidth === null) return width;
  while (linesAt(width) > maxLines && width + 10 <= Math.min(widest, TORNADO_LABEL_WIDTH)) width += 10;
  return width;
}

/**
 * A label broken at spaces into lines no wider than `width` by `measure` (a word wider than the width on a line of
 * its own): the lines drawn, so the rows can be made tall enough for them.
 */
export function wrapLabel(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  // Ordinary spaces only: a no-break space holds "9 000 €" or "60 %" together.
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

// The charts of an assessment report, from engine results: cost-effectiveness frontier, CE plane, CEAC with CEAF,
// EVPI, tornado, survival, budget by year, two-way grid and EVPPI bars. Each takes numbers already computed and
// the locale's formats, and returns a self-contained SVG chart.
import type { Chart } from '../document';
import type { NumberFormats } from '../format';
import { barListChart, categoryGridChart, groupedBarChart, lineChart, scatterChart, tornadoChart } from './charts';
import { seriesColour } from './svg';

export interface ChartStrategy {
  id: string;
  label: string;
}

interface Money {
  fmt: NumberFormats;
  currency: string | undefined;
  effectUnit: string;
  effectLabel: string;
}

const moneyAxis = (m: Money) => (v: number) => m.fmt.moneyCompact(v, m.currency);

export function frontierChart(
  id: string,
  m: Money,
  points: readonly { id: string; label: string; cost: number; effect: number; onFrontier: boolean }[],
): Chart {
  const frontier = points.filter((p) => p.onFrontier).sort((a, b) => a.effect - b.effect);
  return scatterChart({
    id,
    title: 'Cost-effectiveness frontier',
    description: `Discounted cost against ${m.effectLabel} per person for ${points.length} strategies; the line joins the strategies on the cost-effectiveness frontier (${frontier.map((p) => p.label).join(', ')}).`,
    series: points.map((p, i) => ({ label: p.label, colour: seriesColour(i), xs: [p.effect], ys: [p.cost], radius: 6, opacity: 1 })),
    polyline: { label: 'Cost-effectiveness frontier', colour: '#52606d', points: frontier.map((p) => ({ x: p.effect, y: p.cost })) },
    x: { label: `${m.effectLabel} per person (discounted)`, format: (v) => m.fmt.number(v, 2) },
    y: { label: `Cost per person (discounted)`, format: moneyAxis(m) },
    height: 360,
  });
}

/** Evenly spaced indices (at most `max`), so a large PSA plots a representative, reproducible sample. */
export function sampleIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = n / max;
  return Array.from({ length: max }, (_, i) => Math.floor(i * step));
}

export function cePlaneChart(
  id: string,
  m: Money,
  comparatorLabel: string,
  series: readonly { label: string; incCost: Float64Array; incEffect: Float64Array; meanIncCost: number; meanIncEffect: number; colourIndex: number }[],
  wtps: readonly number[],
  maxPoints = 1000,
): Chart {
  return scatterChart({
    id,
    title: `Cost-effectiveness plane against ${comparatorLabel}`,
    description: `Incremental cost against incremental ${m.effectLabel} of each strategy over ${comparatorLabel} in every probabilistic draw (up to ${maxPoints} draws shown per strategy), with the mean and willingness-to-pay lines.`,
    series: series.map((s) => {
      const idx = sampleIndices(s.incCost.length, maxPoints);
      return {
        label: `${s.label} vs ${comparatorLabel}`,
        colour: seriesColour(s.colourIndex),
        xs: idx.map((i) => s.incEffect[i]!),
        ys: idx.map((i) => s.incCost[i]!),
        radius: 1.8,
        opacity: 0.3,
        mean: { x: s.meanIncEffect, y: s.meanIncCost },
      };
    }),
    slopes: wtps.map((w, i) => ({ label: `${m.fmt.money(w, m.currency)} per ${m.effectUnit}`, slope: w, colour: '#1f2933', dash: i === 0 ? '6 4' : '2 3' })),
    x: { label: `Incremental ${m.effectLabel}`, format: (v) => m.fmt.number(v, 2) },
    y: { label: 'Incremental cost', format: moneyAxis(m) },
    includeOrigin: true,
  });
}

export function ceacChart(
  id: string,
  m: Money,
  strategies: readonly ChartStrategy[],
  grid: readonly { wtp: number; ceac: readonly number[]; optimalProbability: number }[],
): Chart {
  const wtpMax = grid[grid.length - 1]?.wtp ?? 1;
  return lineChart({
    id,
    title: 'Cost-effectiveness acceptability curves and frontier',
    description: `Probability that each strategy has the highest net benefit at willingness-to-pay from 0 to ${m.fmt.money(wtpMax, m.currency)} per ${m.effectUnit}; the dotted line (CEAF) follows the strategy with the highest expected net benefit.`,
    series: [
      ...strategies.map((s, j) => ({ label: s.label, colour: seriesColour(j), points: grid.map((g) => [g.wtp, g.ceac[j]!] as const) })),
      { label: 'CEAF (highest expected net benefit)', colour: '#1f2933', dash: '2 4', strokeWidth: 3, points: grid.map((g) => [g.wtp, g.optimalProbability] as const) },
    ],
    x: { label: `Willingness to pay per ${m.effectUnit}`, format: moneyAxis(m), domain: [0, wtpMax] },
    y: { label: 'Probability cost-effective', format: (v) => m.fmt.percent(v, 0), domain: [0, 1] },
  });
}

export function evpiChart(id: string, m: Money, grid: readonly { wtp: number; evpi: number }[]): Chart {
  const wtpMax = grid[grid.length - 1]?.wtp ?? 1;
  return lineChart({
    id,
    title: 'Expected value of perfect information per person',
    description: `EVPI per person at willingness-to-pay from 0 to ${m.fmt.money(wtpMax, m.currency)} per ${m.effectUnit}.`,
    series: [{ label: 'EVPI per person', colour: '#0072B2', points: grid.map((g) => [g.wtp, g.evpi] as const) }],
    x: { label: `Willingness to pay per ${m.effectUnit}`, format: moneyAxis(m), domain: [0, wtpMax] },
    y: { label: 'EVPI per person', format: moneyAxis(m) },
    height: 300,
  });
}

export function tornadoFigure(
  id: string,
  title: string,
  description: string,
  bars: readonly { label: string; atLow: number | null; atHigh: number | null }[],
  base: number,
  xLabel: string,
  format: (v: number) => string,
): Chart {
  return tornadoChart({ id, title, description, bars, base, x: { label: xLabel, format }, lowLabel: 'Input at its low value', highLabel: 'Input at its high value' });
}

export interface SurvivalSeries {
  label: string;
  colourIndex: number;
  years: readonly number[];
  os: readonly number[];
  pfs: readonly number[] | null;
}

export function survivalChart(id: string, fmt: NumberFormats, series: readonly SurvivalSeries[]): Chart {
  const hasPfs = series.some((s) => s.pfs !== null);
  return lineChart({
    id,
    title: hasPfs ? 'Overall and progression-free survival' : 'Overall survival',
    description: `Share of the cohort alive${hasPfs ? ' (solid) and alive without progression (dashed)' : ''} over the model horizon, by strategy.`,
    series: series.flatMap((s) => [
      { label: `${s.label}: overall survival`, colour: seriesColour(s.colourIndex), points: s.years.map((t, i) => [t, s.os[i]!] as const) },
      ...(s.pfs ? [{ label: `${s.label}: progression-free`, colour: seriesColour(s.colourIndex), dash: '6 4', points: s.years.map((t, i) => [t, s.pfs![i]!] as const) }] : []),
    ]),
    x: { label: 'Years since the start of the model', format: (v) => fmt.number(v, 0) },
    y: { label: 'Share of the cohort', format: (v) => fmt.percent(v, 0), domain: [0, 1] },
    height: 380,
  });
}

export function budgetChart(id: string, fmt: NumberFormats, currency: string | undefined, years: readonly { label: string; current: number; new: number; impact: number }[]): Chart {
  return groupedBarChart({
    id,
    title: 'Budget by year: current and new world',
    description: `Budget of the current world and of the world with the new technology in each of ${years.length} years, and the difference (budget impact).`,
    groups: years.map((y) => y.label),
    series: [
      { label: 'Current world', colour: '#56B4E9', values: years.map((y) => y.current) },
      { label: 'New world', colour: '#0072B2', values: years.map((y) => y.new) },
      { label: 'Budget impact', colour: '#D55E00', values: years.map((y) => y.impact) },
    ],
    y: { label: 'Budget', format: (v) => fmt.moneyCompact(v, currency) },
    xLabel: 'Year',
  });
}

export function twoWayChart(
  id: string,
  fmt: NumberFormats,
  spec: {
    xLabel: string;
    yLabel: string;
    xValues: readonly number[];
    yValues: readonly number[];
    cells: readonly (readonly (string | null)[])[];
    strategies: readonly ChartStrategy[];
    base: { x: number; y: number };
    wtpText: string;
  },
): Chart {
  return categoryGridChart({
    id,
    title: 'Two-way sensitivity analysis: optimal strategy',
    description: `Strategy with the highest net monetary benefit at ${spec.wtpText} as ${spec.xLabel} and ${spec.yLabel} vary over their ranges; the cross marks the base case.`,
    xValues: spec.xValues,
    yValues: spec.yValues,
    cells: spec.cells,
    categories: spec.strategies.map((s, i) => ({ id: s.id, label: s.label, colour: seriesColour(i) })),
    x: { label: spec.xLabel, format: (v) => fmt.parameter(v) },
    y: { label: spec.yLabel, format: (v) => fmt.parameter(v) },
    base: spec.base,
  });
}

export function evppiChart(id: string, m: Money, wtpText: string, bars: readonly { label: string; value: number }[]): Chart {
  return barListChart({
    id,
    title: `Expected value of partial perfect information at ${wtpText}`,
    description: `EVPPI per person of the ${bars.length} parameters or groups with the highest value at ${wtpText}.`,
    bars,
    x: { label: 'EVPPI per person', format: moneyAxis(m) },
  });
}

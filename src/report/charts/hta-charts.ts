// The charts of an assessment report, from engine results: cost-effectiveness frontier, CE plane, CEAC with CEAF,
// EVPI, tornado, survival, budget by year, two-way grid and EVPPI bars. Each takes numbers already computed and
// the locale's formats, and returns a self-contained SVG chart.
import type { Chart } from '../document';
import { capitalFirst } from '../format';
import type { NumberFormats } from '../format';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';
import { barListChart, categoryGridChart, groupedBarChart, lineChart, scatterChart, tornadoChart } from './charts';
import { seriesColour } from './svg';
import { thresholdDash } from './threshold-dashes';

export interface ChartStrategy {
  id: string;
  label: string;
}

interface Money {
  fmt: NumberFormats;
  currency: string | undefined;
  effectUnit: string;
  /** The effect inside a phrase ("QALYs", "life-years"); labels that start with it capitalise it. */
  effectNoun: string;
  /** The report's language (default English). */
  t?: Translate;
}

const english = translator('en');

/** One tick style for a money axis over these amounts (decimals for cents, "k" for thousands: never "€0, €0, €1"). */
const moneyAxis = (m: Money, amounts: Iterable<number>) => {
  let maxAbs = 0;
  for (const v of amounts) if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
  return m.fmt.moneyAxis(maxAbs, m.currency);
};

export function frontierChart(
  id: string,
  m: Money,
  points: readonly { id: string; label: string; cost: number; effect: number; onFrontier: boolean }[],
): Chart {
  const t = m.t ?? english;
  const frontier = points.filter((p) => p.onFrontier).sort((a, b) => a.effect - b.effect);
  return scatterChart({
    id,
    title: t('reportCharts.frontier'),
    description: t('reportCharts.frontierDescription', { effect: m.effectNoun, n: points.length, strategies: frontier.map((p) => p.label).join(', ') }),
    series: points.map((p, i) => ({ label: p.label, colour: seriesColour(i), xs: [p.effect], ys: [p.cost], radius: 6, opacity: 1 })),
    polyline: { label: t('reportCharts.frontier'), colour: '#52606d', points: frontier.map((p) => ({ x: p.effect, y: p.cost })) },
    x: { label: capitalFirst(t('reportCharts.effectPerPerson', { effect: m.effectNoun })), format: (v) => m.fmt.number(v, 2) },
    y: { label: t('reportCharts.costPerPerson'), format: moneyAxis(m, points.map((p) => p.cost)) },
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
  const t = m.t ?? english;
  return scatterChart({
    id,
    title: t('reportCharts.plane', { comparator: comparatorLabel }),
    description: t('reportCharts.planeDescription', { effect: m.effectNoun, comparator: comparatorLabel, n: maxPoints }),
    series: series.map((s) => {
      const idx = sampleIndices(s.incCost.length, maxPoints);
      return {
        label: t('reportAccuracy.versus', { index: s.label, reference: comparatorLabel }),
        colour: seriesColour(s.colourIndex),
        xs: idx.map((i) => s.incEffect[i]!),
        ys: idx.map((i) => s.incCost[i]!),
        radius: 1.8,
        opacity: 0.3,
        mean: { x: s.meanIncEffect, y: s.meanIncCost },
      };
    }),
    slopes: wtps.map((w, i) => ({ label: t('reportText.perUnit', { amount: m.fmt.money(w, m.currency), unit: m.effectUnit }), slope: w, colour: '#1f2933', dash: thresholdDash(i).line, legendDash: thresholdDash(i).legend })),
    x: { label: capitalFirst(t('reportCharts.incrementalEffect', { effect: m.effectNoun })), format: (v) => m.fmt.number(v, 2) },
    y: { label: t('reportCharts.incrementalCost'), format: moneyAxis(m, series.flatMap((s) => Array.from(s.incCost))) },
    includeOrigin: true,
  });
}

export function ceacChart(
  id: string,
  m: Money,
  strategies: readonly ChartStrategy[],
  grid: readonly { wtp: number; ceac: readonly number[]; optimalProbability: number }[],
): Chart {
  const t = m.t ?? english;
  const wtpMax = grid[grid.length - 1]?.wtp ?? 1;
  return lineChart({
    id,
    title: t('reportCharts.ceac'),
    description: t('reportCharts.ceacDescription', { max: m.fmt.money(wtpMax, m.currency), unit: m.effectUnit }),
    series: [
      ...strategies.map((s, j) => ({ label: s.label, colour: seriesColour(j), points: grid.map((g) => [g.wtp, g.ceac[j]!] as const) })),
      { label: t('reportCharts.ceaf'), colour: '#1f2933', dash: '2 4', strokeWidth: 3, points: grid.map((g) => [g.wtp, g.optimalProbability] as const) },
    ],
    x: { label: t('reportCharts.wtpAxis', { unit: m.effectUnit }), format: moneyAxis(m, [wtpMax]), domain: [0, wtpMax] },
    y: { label: t('reportCharts.probabilityCe'), format: (v) => m.fmt.percent(v, 0), domain: [0, 1] },
  });
}

export function evpiChart(id: string, m: Money, grid: readonly { wtp: number; evpi: number }[]): Chart {
  const t = m.t ?? english;
  const wtpMax = grid[grid.length - 1]?.wtp ?? 1;
  return lineChart({
    id,
    title: t('reportCharts.evpi'),
    description: t('reportCharts.evpiDescription', { max: m.fmt.money(wtpMax, m.currency), unit: m.effectUnit }),
    series: [{ label: t('reportCharts.evpiPerPerson'), colour: '#0072B2', points: grid.map((g) => [g.wtp, g.evpi] as const) }],
    x: { label: t('reportCharts.wtpAxis', { unit: m.effectUnit }), format: moneyAxis(m, [wtpMax]), domain: [0, wtpMax] },
    y: { label: t('reportCharts.evpiPerPerson'), format: moneyAxis(m, grid.map((g) => g.evpi)) },
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
  t: Translate = english,
): Chart {
  return tornadoChart({ id, title, description, bars, base, x: { label: xLabel, format }, lowLabel: t('reportCharts.low'), highLabel: t('reportCharts.high') });
}

export interface SurvivalSeries {
  label: string;
  colourIndex: number;
  years: readonly number[];
  os: readonly number[];
  pfs: readonly number[] | null;
}

export function survivalChart(id: string, fmt: NumberFormats, series: readonly SurvivalSeries[], t: Translate = english): Chart {
  const hasPfs = series.some((s) => s.pfs !== null);
  return lineChart({
    id,
    title: hasPfs ? t('reportCharts.survivalBoth') : t('reportCharts.survivalOs'),
    description: hasPfs ? t('reportCharts.survivalBothDescription') : t('reportCharts.survivalOsDescription'),
    series: series.flatMap((s) => [
      { label: t('reportCharts.seriesOs', { strategy: s.label }), colour: seriesColour(s.colourIndex), points: s.years.map((y, i) => [y, s.os[i]!] as const) },
      ...(s.pfs ? [{ label: t('reportCharts.seriesPfs', { strategy: s.label }), colour: seriesColour(s.colourIndex), dash: '6 4', points: s.years.map((y, i) => [y, s.pfs![i]!] as const) }] : []),
    ]),
    x: { label: t('reportCharts.yearsSinceStart'), format: (v) => fmt.number(v, 0) },
    y: { label: t('reportCharts.shareOfCohort'), format: (v) => fmt.percent(v, 0), domain: [0, 1] },
    height: 380,
  });
}

export function budgetChart(id: string, fmt: NumberFormats, currency: string | undefined, years: readonly { label: string; current: number; new: number; impact: number }[], t: Translate = english): Chart {
  return groupedBarChart({
    id,
    title: t('reportCharts.budget'),
    description: t('reportCharts.budgetDescription', { n: years.length }),
    groups: years.map((y) => y.label),
    series: [
      { label: t('reportCharts.currentWorld'), colour: '#56B4E9', values: years.map((y) => y.current) },
      { label: t('reportCharts.newWorld'), colour: '#0072B2', values: years.map((y) => y.new) },
      { label: t('reportCharts.budgetImpact'), colour: '#D55E00', values: years.map((y) => y.impact) },
    ],
    y: { label: t('reportCharts.budgetAxis'), format: (v) => fmt.moneyCompact(v, currency) },
    xLabel: t('reportCharts.year'),
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
    /** Tick formats in the parameters' units (default: plain numbers). */
    xFormat?: (v: number) => string;
    yFormat?: (v: number) => string;
  },
  t: Translate = english,
): Chart {
  return categoryGridChart({
    id,
    title: t('reportCharts.twoWay'),
    description: t('reportCharts.twoWayDescription', { wtp: spec.wtpText, x: spec.xLabel, y: spec.yLabel }),
    notEvaluableLabel: t('reportCharts.notEvaluable'),
    xValues: spec.xValues,
    yValues: spec.yValues,
    cells: spec.cells,
    categories: spec.strategies.map((s, i) => ({ id: s.id, label: s.label, colour: seriesColour(i) })),
    x: { label: spec.xLabel, format: spec.xFormat ?? ((v) => fmt.parameter(v)) },
    y: { label: spec.yLabel, format: spec.yFormat ?? ((v) => fmt.parameter(v)) },
    base: spec.base,
  });
}

export function evppiChart(id: string, m: Money, wtpText: string, bars: readonly { label: string; value: number }[]): Chart {
  const t = m.t ?? english;
  return barListChart({
    id,
    title: t('reportCharts.evppi', { wtp: wtpText }),
    description: t('reportCharts.evppiDescription', { n: bars.length, wtp: wtpText }),
    bars,
    x: { label: t('reportCharts.evppiPerPerson'), format: moneyAxis(m, bars.map((b) => b.value)) },
  });
}

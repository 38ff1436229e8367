// Summaries of a probabilistic analysis from per-draw costs and effects (Float64Array, draws x strategies,
// row-major: draw i, strategy j at i * strategies + j). Net benefit is monetary: NB = wtp x effect - cost.
// Definitions follow BCEA/dampack: CEAC = share of draws in which a strategy has the highest NB (ties to the
// first strategy, so shares sum to 1); CEAF = the strategy with the highest expected NB and its CEAC value;
// expected loss of s = E[max NB] - E[NB_s]; EVPI = E[max NB] - max E[NB] (= the smallest expected loss).

export interface PsaResults {
  strategyIds: readonly string[];
  draws: number;
  costs: Float64Array;
  effects: Float64Array;
}

export class PsaSummaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PsaSummaryError';
  }
}

export function assertValidPsaResults(results: PsaResults): void {
  const s = results.strategyIds.length;
  if (s === 0) throw new PsaSummaryError('PSA results have no strategies.');
  if (!Number.isInteger(results.draws) || results.draws < 1) {
    throw new PsaSummaryError(`PSA results need at least one draw (got ${results.draws}).`);
  }
  if (new Set(results.strategyIds).size !== s) throw new PsaSummaryError('PSA strategy ids must be unique.');
  for (const [label, values] of [
    ['costs', results.costs],
    ['effects', results.effects],
  ] as const) {
    if (values.length !== results.draws * s) {
      throw new PsaSummaryError(`PSA ${label} hold ${values.length} values; ${results.draws} draws x ${s} strategies need ${results.draws * s}.`);
    }
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]!)) {
        throw new PsaSummaryError(
          `PSA ${label} of strategy "${results.strategyIds[i % s]}" in draw ${Math.floor(i / s)} is not finite (${values[i]}).`,
        );
      }
    }
  }
}

function assertValidWtps(wtps: readonly number[]): void {
  if (wtps.length === 0) throw new PsaSummaryError('At least one willingness-to-pay threshold is needed.');
  wtps.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw new PsaSummaryError(`Willingness-to-pay at position ${i} must be finite and >= 0 (got ${w}).`);
  });
}

function indexOfStrategy(results: PsaResults, id: string): number {
  const index = results.strategyIds.indexOf(id);
  if (index < 0) throw new PsaSummaryError(`Strategy "${id}" is not in the PSA results.`);
  return index;
}

/** Sample quantile, R type 7 (linear interpolation between order statistics), of a sorted array. */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface Interval {
  mean: number;
  lower: number;
  upper: number;
}

function columnInterval(values: Float64Array, draws: number, stride: number, column: number): Interval {
  const column_ = new Float64Array(draws);
  const sum = copyColumnSum(values, draws, stride, column, column_);
  column_.sort();
  return { mean: sum / draws, lower: sortedQuantile(column_, 0.025), upper: sortedQuantile(column_, 0.975) };
}

/**
 * Copies a column into `into` and returns its sum. Its own function: V8 optimises the loop mid-run (on-stack
 * replacement) before the sort after it ever ran, and that code was thrown away at the end of every column.
 */
function copyColumnSum(values: Float64Array, draws: number, stride: number, column: number, into: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < draws; i++) {
    into[i] = values[i * stride + column]!;
    sum += into[i]!;
  }
  return sum;
}

export interface StrategyPsaMeans {
  id: string;
  cost: Interval;
  effect: Interval;
}

/** Mean and 95 % interval (2.5th and 97.5th percentiles) of each strategy's cost and effect. */
export function psaMeans(results: PsaResults): StrategyPsaMeans[] {
  assertValidPsaResults(results);
  return meansOfChecked(results);
}

function meansOfChecked(results: PsaResults): StrategyPsaMeans[] {
  const s = results.strategyIds.length;
  return results.strategyIds.map((id, j) => ({
    id,
    cost: columnInterval(results.costs, results.draws, s, j),
    effect: columnInterval(results.effects, results.draws, s, j),
  }));
}

export interface IncrementalPlaneSeries {
  id: string;
  incCost: Float64Array;
  incEffect: Float64Array;
  meanIncCost: number;
  meanIncEffect: number;
  /** Ratio of mean increments (BCEA's ICER); null when the mean incremental effect is 0. */
  icer: number | null;
}

/** Per-draw increments of every other strategy over the comparator: the cost-effectiveness plane. */
export function incrementalPlane(results: PsaResults, comparatorId: string): IncrementalPlaneSeries[] {
  assertValidPsaResults(results);
  return planeOfChecked(results, comparatorId);
}

function planeOfChecked(results: PsaResults, comparatorId: string): IncrementalPlaneSeries[] {
  const s = results.strategyIds.length;
  const n = results.draws;
  const { costs, effects } = results;
  const ref = indexOfStrategy(results, comparatorId);
  return results.strategyIds.flatMap((_, j) => {
    if (j === ref) return [];
    // The means add the same differences in the same order as the per-draw arrays hold them (bit-identical).
    let sc = 0;
    let se = 0;
    for (let i = 0; i < n; i++) {
      sc += costs[i * s + j]! - costs[i * s + ref]!;
      se += effects[i * s + j]! - effects[i * s + ref]!;
    }
    return [planeSeries(results, j, ref, sc, se)];
  });
}

/**
 * The plane of strategy j from the sums of its increments over the comparator ref. The per-draw increments are
 * built only when read (the CE plane of the app and reports; `hta psa` prints the means only). Enumerable, so a
 * copy (structured clone, JSON, toEqual) reads them too; the first read replaces the accessor with the array.
 */
function planeSeries(results: PsaResults, j: number, ref: number, sumIncCost: number, sumIncEffect: number): IncrementalPlaneSeries {
  const { costs, effects, draws: n } = results;
  const s = results.strategyIds.length;
  const meanIncCost = sumIncCost / n;
  const meanIncEffect = sumIncEffect / n;
  const series: IncrementalPlaneSeries = { id: results.strategyIds[j]!, incCost: EMPTY, incEffect: EMPTY, meanIncCost, meanIncEffect, icer: meanIncEffect === 0 ? null : meanIncCost / meanIncEffect };
  lazyDrawArray(series, 'incCost', () => differences(costs, n, s, j, ref));
  lazyDrawArray(series, 'incEffect', () => differences(effects, n, s, j, ref));
  return series;
}

const EMPTY = new Float64Array(0);

/** values[i * s + j] - values[i * s + ref] for each draw i. */
function differences(values: Float64Array, n: number, s: number, j: number, ref: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i * s + j]! - values[i * s + ref]!;
  return out;
}

/** Redefines an existing key (it keeps its place in the object's key order). */
function lazyDrawArray(target: IncrementalPlaneSeries, key: 'incCost' | 'incEffect', compute: () => Float64Array): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const values = compute();
      Object.defineProperty(target, key, { value: values, enumerable: true, configurable: true, writable: true });
      return values;
    },
  });
}

export interface NetBenefitSummaryAtWtp {
  wtp: number;
  /** Expected net monetary benefit per strategy (order of strategyIds). */
  expectedNb: number[];
  /** Probability each strategy has the highest NB: the CEAC; sums to 1. */
  ceac: number[];
  /** E[max NB] - E[NB_s] per strategy. */
  expectedLoss: number[];
  /** Expected value of perfect information per person. */
  evpi: number;
  /** CEAF: the strategy with the highest expected NB (first on ties) and its probability of being cost-effective. */
  optimalId: string;
  optimalProbability: number;
}

export interface NetBenefitSummary {
  strategyIds: readonly string[];
  draws: number;
  byWtp: NetBenefitSummaryAtWtp[];
}

function nonFiniteNetBenefit(results: PsaResults, wtp: number, draw: number, j: number): PsaSummaryError {
  const s = results.strategyIds.length;
  const effect = results.effects[draw * s + j]!;
  const cost = results.costs[draw * s + j]!;
  return new PsaSummaryError(
    `At a willingness to pay of ${wtp}, the net benefit of strategy "${results.strategyIds[j]}" in draw ${draw} is not a finite number (${wtp} × ${effect} − ${cost}); use a smaller threshold.`,
  );
}

function summaryAtWtp(results: PsaResults, wtp: number, sums: Float64Array, wins: Float64Array): NetBenefitSummaryAtWtp {
  const s = results.strategyIds.length;
  const n = results.draws;
  sums.fill(0);
  wins.fill(0);
  let sumMax = 0;
  for (let i = 0; i < n; i++) {
    const row = i * s;
    let best = 0;
    let bestNb = -Infinity;
    for (let j = 0; j < s; j++) {
      const nb = wtp * results.effects[row + j]! - results.costs[row + j]!;
      // A NaN or infinite NB would never win the comparison below and hand the draw to the first strategy.
      if (!(nb - nb === 0)) throw nonFiniteNetBenefit(results, wtp, i, j);
      sums[j]! += nb;
      if (nb > bestNb) {
        bestNb = nb;
        best = j;
      }
    }
    wins[best]! += 1;
    sumMax += bestNb;
  }
  if (!(sumMax - sumMax === 0) || sums.some((v) => !Number.isFinite(v))) {
    throw new PsaSummaryError(`At a willingness to pay of ${wtp}, the expected net benefits add up beyond the largest number (draws' net benefits are too large); use a smaller threshold.`);
  }
  return summaryOfSums(results, wtp, sums, wins, sumMax);
}

/** Expected NB, CEAC, expected loss, EVPI and CEAF of one threshold from its sums over the draws. */
function summaryOfSums(results: PsaResults, wtp: number, sums: Float64Array, wins: Float64Array, sumMax: number): NetBenefitSummaryAtWtp {
  const s = results.strategyIds.length;
  const n = results.draws;
  const expectedNb = Array.from(sums, (v) => v / n);
  const ceac = Array.from(wins, (v) => v / n);
  const meanMax = sumMax / n;
  let optimal = 0;
  for (let j = 1; j < s; j++) if (expectedNb[j]! > expectedNb[optimal]!) optimal = j;
  return {
    wtp,
    expectedNb,
    ceac,
    expectedLoss: expectedNb.map((enb) => Math.max(0, meanMax - enb)),
    evpi: Math.max(0, meanMax - expectedNb[optimal]!),
    optimalId: results.strategyIds[optimal]!,
    optimalProbability: ceac[optimal]!,
  };
}

/** Expected NB, CEAC, CEAF, expected loss and EVPI at each willingness-to-pay, one pass over the draws each. */
export function netBenefitSummary(results: PsaResults, wtps: readonly number[]): NetBenefitSummary {
  assertValidPsaResults(results);
  assertValidWtps(wtps);
  return netBenefitOfChecked(results, wtps);
}

function netBenefitOfChecked(results: PsaResults, wtps: readonly number[]): NetBenefitSummary {
  const sums = new Float64Array(results.strategyIds.length);
  const wins = new Float64Array(results.strategyIds.length);
  return {
    strategyIds: results.strategyIds,
    draws: results.draws,
    byWtp: wtps.map((wtp) => summaryAtWtp(results, wtp, sums, wins)),
  };
}

/** Thresholds of the grid at which the strategy with the highest expected NB changes (BCEA's k*). */
export function decisionSwitchPoints(summary: NetBenefitSummary): { wtp: number; fromId: string; toId: string }[] {
  const switches: { wtp: number; fromId: string; toId: string }[] = [];
  for (let k = 1; k < summary.byWtp.length; k++) {
    const before = summary.byWtp[k - 1]!.optimalId;
    const after = summary.byWtp[k]!.optimalId;
    if (before !== after) switches.push({ wtp: summary.byWtp[k]!.wtp, fromId: before, toId: after });
  }
  return switches;
}

export interface PopulationOptions {
  /** People affected per year. */
  populationPerYear: number;
  /** Years the decision applies. */
  years: number;
  /** Annual discount rate, e.g. 0.035; year 1 is undiscounted. */
  discountRate: number;
}

/** Discounted number of people affected: N x sum_{t=0}^{years-1} (1 + r)^-t. */
export function effectivePopulation({ populationPerYear, years, discountRate }: PopulationOptions): number {
  if (!(Number.isFinite(populationPerYear) && populationPerYear >= 0)) {
    throw new PsaSummaryError(`Population per year must be finite and >= 0 (got ${populationPerYear}).`);
  }
  if (!(Number.isInteger(years) && years >= 1)) throw new PsaSummaryError(`Years must be a whole number >= 1 (got ${years}).`);
  if (!(Number.isFinite(discountRate) && discountRate > -1)) {
    throw new PsaSummaryError(`Discount rate must be finite and > -1 (got ${discountRate}).`);
  }
  let factor = 0;
  for (let t = 0; t < years; t++) factor += (1 + discountRate) ** -t;
  return populationPerYear * factor;
}

/** Population EVPI at each threshold: per-person EVPI x the discounted population. */
export function populationEvpi(summary: NetBenefitSummary, population: PopulationOptions): { wtp: number; value: number }[] {
  const people = effectivePopulation(population);
  return summary.byWtp.map(({ wtp, evpi }) => ({ wtp, value: evpi * people }));
}

export interface ConvergenceSeries {
  id: string;
  /** Number of draws at each checkpoint. */
  draws: number[];
  /** Running mean of incremental NB over the comparator after that many draws. */
  runningMeanIncNb: number[];
}

/** Running mean of incremental NB vs a comparator at one threshold, at up to `points` evenly spaced checkpoints. */
export function convergence(results: PsaResults, comparatorId: string, wtp: number, points = 200): ConvergenceSeries[] {
  return convergenceAcrossThresholds(results, comparatorId, [wtp], points)[0]!.series;
}

/** convergence at each threshold, in one pass over the draws (the same sums, in the same order, per threshold). */
export function convergenceAcrossThresholds(results: PsaResults, comparatorId: string, wtps: readonly number[], points = 200): { wtp: number; series: ConvergenceSeries[] }[] {
  assertValidPsaResults(results);
  assertValidWtps(wtps);
  return convergenceOfChecked(results, comparatorId, wtps, points);
}

function convergenceOfChecked(results: PsaResults, comparatorId: string, wtps: readonly number[], points: number): { wtp: number; series: ConvergenceSeries[] }[] {
  const s = results.strategyIds.length;
  const ref = indexOfStrategy(results, comparatorId);
  const step = Math.max(1, Math.floor(results.draws / Math.max(1, points)));
  const byWtp = wtps.map((wtp) => ({ wtp, series: [] as ConvergenceSeries[] }));
  const w = Float64Array.from(wtps);
  const sums = new Float64Array(wtps.length);
  for (let j = 0; j < s; j++) {
    if (j === ref) continue;
    const series = byWtp.map(({ series: list }) => {
      const one: ConvergenceSeries = { id: results.strategyIds[j]!, draws: [], runningMeanIncNb: [] };
      list.push(one);
      return one;
    });
    sums.fill(0);
    for (let i = 0; i < results.draws; i++) {
      const row = i * s;
      const incEffect = results.effects[row + j]! - results.effects[row + ref]!;
      const incCost = results.costs[row + j]! - results.costs[row + ref]!;
      for (let k = 0; k < w.length; k++) sums[k] = sums[k]! + (w[k]! * incEffect - incCost);
      if ((i + 1) % step === 0 || i === results.draws - 1) {
        for (let k = 0; k < w.length; k++) {
          series[k]!.draws.push(i + 1);
          series[k]!.runningMeanIncNb.push(sums[k]! / (i + 1));
        }
      }
    }
  }
  return byWtp;
}

/** What a PSA run reports beyond EVPPI (see analysePsa), with the draws checked once for all of it. */
export interface PsaSummaries {
  netBenefit: NetBenefitSummary;
  means: StrategyPsaMeans[];
  plane: IncrementalPlaneSeries[];
  convergence: { wtp: number; series: ConvergenceSeries[] }[];
}

/** netBenefitSummary, psaMeans, incrementalPlane and convergence at every threshold, the draws checked once. */
export function psaSummaries(results: PsaResults, wtps: readonly number[], comparatorId: string): PsaSummaries {
  return summariesInOnePass(results, wtps, comparatorId) ?? summariesOneByOne(results, wtps, comparatorId);
}

function summariesOneByOne(results: PsaResults, wtps: readonly number[], comparatorId: string): PsaSummaries {
  assertValidPsaResults(results);
  assertValidWtps(wtps);
  const netBenefit = netBenefitOfChecked(results, wtps);
  return {
    netBenefit,
    means: meansOfChecked(results),
    plane: planeOfChecked(results, comparatorId),
    convergence: convergenceOfChecked(results, comparatorId, wtps, 200),
  };
}

/**
 * summariesOneByOne with the draws checked, the net benefit at every threshold, the plane's sums and the
 * convergence in a single pass over the draws: each sum gets the same terms in the same order (the same to the bit).
 * A PSA's analysis is cold code, and each loop over 10,000 draws ran interpreted before it was optimised: one loop
 * instead of four took the HIV analysis from ~20 to ~13 ms of CPU (means sort their own copies, as before). Null
 * when anything is amiss (bad shape or threshold, unknown comparator, a value or sum not finite): the one-by-one
 * pass then reports it as before.
 */
function summariesInOnePass(results: PsaResults, wtps: readonly number[], comparatorId: string): PsaSummaries | null {
  const ids = results.strategyIds;
  const s = ids.length;
  const n = results.draws;
  const K = wtps.length;
  const { costs, effects } = results;
  const ref = ids.indexOf(comparatorId);
  const shapeOk = s > 0 && Number.isInteger(n) && n >= 1 && costs.length === n * s && effects.length === n * s && new Set(ids).size === s;
  if (!shapeOk || ref < 0 || K === 0 || !wtps.every((w) => Number.isFinite(w) && w >= 0)) return null;
  const w = Float64Array.from(wtps);
  const nbSums = new Float64Array(K * s);
  const wins = new Float64Array(K * s);
  const sumMax = new Float64Array(K);
  const incCostSums = new Float64Array(s);
  const incEffectSums = new Float64Array(s);
  const convergenceSums = new Float64Array(K * s);
  const step = Math.max(1, Math.floor(n / 200));
  const convergence = wtps.map((wtp) => ({ wtp, series: [] as ConvergenceSeries[] }));
  const series: ConvergenceSeries[] = []; // index k * s + j
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < s; j++) {
      const one: ConvergenceSeries = { id: ids[j]!, draws: [], runningMeanIncNb: [] };
      series.push(one);
      if (j !== ref) convergence[k]!.series.push(one);
    }
  }
  for (let i = 0; i < n; i++) {
    const row = i * s;
    for (let j = 0; j < s; j++) {
      if (!(costs[row + j]! - costs[row + j]! === 0 && effects[row + j]! - effects[row + j]! === 0)) return null;
    }
    for (let k = 0; k < K; k++) {
      const wtp = w[k]!;
      const at = k * s;
      let best = 0;
      let bestNb = -Infinity;
      for (let j = 0; j < s; j++) {
        const nb = wtp * effects[row + j]! - costs[row + j]!;
        if (!(nb - nb === 0)) return null;
        nbSums[at + j] = nbSums[at + j]! + nb;
        if (nb > bestNb) {
          bestNb = nb;
          best = j;
        }
      }
      wins[at + best] = wins[at + best]! + 1;
      sumMax[k] = sumMax[k]! + bestNb;
    }
    const checkpoint = (i + 1) % step === 0 || i === n - 1;
    for (let j = 0; j < s; j++) {
      if (j === ref) continue;
      const incCost = costs[row + j]! - costs[row + ref]!;
      const incEffect = effects[row + j]! - effects[row + ref]!;
      incCostSums[j] = incCostSums[j]! + incCost;
      incEffectSums[j] = incEffectSums[j]! + incEffect;
      for (let k = 0; k < K; k++) {
        const at = k * s + j;
        convergenceSums[at] = convergenceSums[at]! + (w[k]! * incEffect - incCost);
        if (checkpoint) {
          series[at]!.draws.push(i + 1);
          series[at]!.runningMeanIncNb.push(convergenceSums[at]! / (i + 1));
        }
      }
    }
  }
  for (let k = 0; k < K; k++) {
    const m = sumMax[k]!;
    if (!(m - m === 0) || nbSums.subarray(k * s, (k + 1) * s).some((v) => !Number.isFinite(v))) return null;
  }
  return {
    netBenefit: { strategyIds: ids, draws: n, byWtp: wtps.map((wtp, k) => summaryOfSums(results, wtp, nbSums.subarray(k * s, (k + 1) * s), wins.subarray(k * s, (k + 1) * s), sumMax[k]!)) },
    means: meansOfChecked(results),
    plane: ids.flatMap((_, j) => (j === ref ? [] : [planeSeries(results, j, ref, incCostSums[j]!, incEffectSums[j]!)])),
    convergence,
  };
}

export interface PsaCliSummary {
  iterations: number;
  seed: number;
  mean: { id: string; cost: number; effect: number }[];
  ceac: { wtp: number; probabilities: Record<string, number> }[];
  evpi: { wtp: number; value: number }[];
}

/** The `psa` block of `hta psa --json` (issue 5): means, CEAC keyed by strategy id, and EVPI per threshold. */
export function psaCliSummary(results: PsaResults, wtps: readonly number[], seed: number): PsaCliSummary {
  const summary = netBenefitSummary(results, wtps);
  const s = results.strategyIds.length;
  const mean = results.strategyIds.map((id, j) => {
    let cost = 0;
    let effect = 0;
    for (let i = 0; i < results.draws; i++) {
      cost += results.costs[i * s + j]!;
      effect += results.effects[i * s + j]!;
    }
    return { id, cost: cost / results.draws, effect: effect / results.draws };
  });
  return {
    iterations: results.draws,
    seed,
    mean,
    ceac: summary.byWtp.map(({ wtp, ceac }) => ({
      wtp,
      probabilities: Object.fromEntries(results.strategyIds.map((id, j) => [id, ceac[j]!])),
    })),
    evpi: summary.byWtp.map(({ wtp, evpi }) => ({ wtp, value: evpi })),
  };
}

export interface IncrementalAtWtp {
  wtp: number;
  /** Incremental NMB over the comparator: mean and 2.5th / 97.5th percentiles across draws. */
  incNmb: Interval;
  /** Share of draws in which the strategy has a higher NB than the comparator (pairwise, ties count as not). */
  probabilityBetter: number;
}

export interface IncrementalPsaRow {
  id: string;
  incCost: Interval;
  incEffect: Interval;
  byWtp: IncrementalAtWtp[];
}

/**
 * Per-draw increments of every other strategy over the comparator, summarised: mean incremental cost and effect with
 * 95 % intervals (percentiles) and, at each threshold, the incremental NMB with its interval and the share of draws
 * in which the strategy beats the comparator.
 */
export function incrementalSummary(results: PsaResults, comparatorId: string, wtps: readonly number[]): IncrementalPsaRow[] {
  assertValidWtps(wtps);
  const n = results.draws;
  return incrementalPlane(results, comparatorId).map((series) => {
    const interval = (values: Float64Array, mean: number): Interval => {
      const sorted = Float64Array.from(values).sort();
      return { mean, lower: sortedQuantile(sorted, 0.025), upper: sortedQuantile(sorted, 0.975) };
    };
    const byWtp = wtps.map((wtp): IncrementalAtWtp => {
      const inmb = new Float64Array(n);
      let sum = 0;
      let better = 0;
      for (let i = 0; i < n; i++) {
        const v = wtp * series.incEffect[i]! - series.incCost[i]!;
        if (!(v - v === 0)) throw new PsaSummaryError(`At a willingness to pay of ${wtp}, the incremental net benefit of strategy "${series.id}" in draw ${i} is not a finite number; use a smaller threshold.`);
        inmb[i] = v;
        sum += v;
        if (v > 0) better++;
      }
      return { wtp, incNmb: interval(inmb, sum / n), probabilityBetter: better / n };
    });
    return { id: series.id, incCost: interval(series.incCost, series.meanIncCost), incEffect: interval(series.incEffect, series.meanIncEffect), byWtp };
  });
}

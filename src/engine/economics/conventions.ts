// Named conventions: number of cycles, counting (within-cycle correction) weights and discount factors.
import type { CountingMethod, Expression, Settings } from '../model/schema';
import type { ModelIssue } from '../errors';
import { quoteExpression } from '../errors';
import { MAX_CYCLES } from '../model/limits';
import { collectNames, parseExpression } from '../expression/parser';
import { compileExpressionTree, VARIABLE_COUNT, VARIABLE_SLOTS } from '../expression/compile';
import { CONDITIONAL_FUNCTION, getFunction } from '../expression/functions';

type DiscountSettings = Settings['discount'];

/** Number of cycles from settings.cycles or settings.horizon / cycleLength; records an issue when unusable. */
export function resolveCycles(settings: Settings, issues: ModelIssue[]): number {
  const { cycles, horizon, cycleLength } = settings;
  if (cycles === undefined && horizon === undefined) {
    issues.push({ code: 'missing-value', severity: 'error', path: ['settings'], message: 'give the number of cycles (settings.cycles) or the time horizon in years (settings.horizon)', params: { missing: 'cycles' } });
    return 0;
  }
  if (horizon !== undefined) {
    const n = horizon / cycleLength;
    const rounded = Math.round(n);
    if (rounded > MAX_CYCLES) {
      issues.push({ code: 'too-many-cycles', severity: 'error', path: ['settings', 'horizon'], message: `horizon ${horizon} years is ${rounded.toLocaleString('en-US')} cycles of ${cycleLength} years; the engine runs at most ${MAX_CYCLES.toLocaleString('en-US')} cycles (lengthen the cycle or shorten the horizon)` });
      return 0;
    }
    if (Math.abs(n - rounded) > 1e-9 || rounded < 1) {
      issues.push({ code: 'horizon-cycle-mismatch', severity: 'error', path: ['settings', 'horizon'], message: `horizon ${horizon} years is not a whole number of cycles of ${cycleLength} years` });
      return 0;
    }
    if (cycles !== undefined && cycles !== rounded) {
      issues.push({ code: 'horizon-cycle-mismatch', severity: 'error', path: ['settings', 'cycles'], message: `cycles = ${cycles} disagrees with horizon ${horizon} years / cycle length ${cycleLength} = ${rounded}` });
      return 0;
    }
    return rounded;
  }
  if (!(Number.isInteger(cycles) && cycles! >= 1 && cycles! <= MAX_CYCLES)) {
    issues.push({ code: 'too-many-cycles', severity: 'error', path: ['settings', 'cycles'], message: `cycles must be a whole number from 1 to ${MAX_CYCLES.toLocaleString('en-US')} (got ${cycles})` });
    return 0;
  }
  return cycles!;
}

export interface CountingWeights {
  /** Rows of the per-cycle value arrays: cycles (interval methods) or cycles + 1 (point methods). */
  valueCycles: number;
  /** weightPrev[c], weightNext[c] (c = 1..valueCycles): occupancy of counted cycle c = wp·N[c-1] + wn·N[c]. */
  weightPrev: Float64Array;
  weightNext: Float64Array;
}

/**
 * Interval methods count cycle c (1..T) from trace rows c-1 and c: beginning (N[c-1]), end (N[c]),
 * life-table (their mean, heemod's default). Point methods count trace rows t = 0..T as value cycle t+1 with
 * weights: trapezoidal / half-cycle 1/2, 1, …, 1, 1/2; simpson-1/3 the textbook composite rule
 * (1, 4, 2, 4, …, 2, 4, 1)/3 (needs even T); custom the weight expression of `cycle` (the row t) and `n_cycles`.
 */
export function countingWeights(method: CountingMethod, T: number, issues: ModelIssue[], customWeights?: Expression): CountingWeights {
  const point = method === 'trapezoidal' || method === 'half-cycle' || method === 'simpson-1/3' || method === 'custom';
  const valueCycles = point ? T + 1 : T;
  const weightPrev = new Float64Array(valueCycles + 1);
  const weightNext = new Float64Array(valueCycles + 1);
  if (method === 'custom') {
    customRowWeights(customWeights, T, issues, weightPrev);
    return { valueCycles, weightPrev, weightNext };
  }
  for (let c = 1; c <= valueCycles; c++) {
    switch (method) {
      case 'beginning':
      case 'none':
        weightPrev[c] = 1;
        break;
      case 'end':
        weightNext[c] = 1;
        break;
      case 'life-table':
        weightPrev[c] = 0.5;
        weightNext[c] = 0.5;
        break;
      case 'trapezoidal':
      case 'half-cycle':
        weightPrev[c] = c === 1 || c === T + 1 ? 0.5 : 1;
        break;
      case 'simpson-1/3': {
        const t = c - 1;
        weightPrev[c] = (t === 0 || t === T ? 1 : t % 2 === 1 ? 4 : 2) / 3;
        break;
      }
    }
  }
  if (method === 'simpson-1/3' && T % 2 !== 0) {
    issues.push({ code: 'simpson-odd-cycles', severity: 'error', path: ['settings', 'counting'], message: `Simpson's 1/3 rule needs an even number of cycles; this model has ${T} (for odd counts write the weights you need in settings.countingWeights with "counting": "custom")`, params: { cycles: T } });
  }
  return { valueCycles, weightPrev, weightNext };
}

/** The time axis of a cohort model (Markov, partitioned survival): cycles, their counting weights and start age. */
export interface CohortTimeAxis {
  cycleLength: number;
  /** Trace rows 0..cycles. */
  cycles: number;
  counting: CountingWeights;
  /** counting.valueCycles. */
  valueCycles: number;
  /** NaN when the model gives none. */
  startAge: number;
}

export function cohortTimeAxis(settings: Settings, issues: ModelIssue[]): CohortTimeAxis {
  const cycles = resolveCycles(settings, issues);
  const counting = countingWeights(settings.counting, cycles, issues, settings.countingWeights);
  return { cycleLength: settings.cycleLength, cycles, counting, valueCycles: counting.valueCycles, startAge: settings.startAge ?? NaN };
}

/** One step of a stepped discount schedule: `rate` applies from `fromYear` (years since the start) to the next step. */
export interface DiscountStep {
  fromYear: number;
  rate: number;
}

/** A flat annual rate, or a stepped schedule by year (e.g. Denmark: 3.5% years 0–35, 2.5% 36–70, 1.5% after). */
export type DiscountRateSpec = number | readonly DiscountStep[];

/**
 * Discount factor at `years` since the start. A stepped schedule compounds each rate over the time spent in its
 * step: 40 years under [0: 3.5%, 35: 2.5%] is 1 / (1.035^35 · 1.025^5), so the factor never jumps at a step.
 */
export function discountFactorAt(spec: DiscountRateSpec, years: number): number {
  if (typeof spec === 'number') return (1 + spec) ** -years;
  let logFactor = 0;
  for (let k = 0; k < spec.length; k++) {
    const start = spec[k]!.fromYear;
    if (years <= start) break;
    const end = k + 1 < spec.length ? Math.min(spec[k + 1]!.fromYear, years) : years;
    logFactor -= (end - start) * Math.log1p(spec[k]!.rate);
  }
  return Math.exp(logFactor);
}

/** The cost and effect discounting the settings define: a schedule replaces the flat rate when one is given. */
export function costDiscount(settings: Settings): DiscountRateSpec {
  return settings.discount.costsSchedule ?? settings.discount.costs;
}
export function effectDiscount(settings: Settings): DiscountRateSpec {
  return settings.discount.effectsSchedule ?? settings.discount.effects;
}

const WEIGHT_NAMES = new Set(['cycle', 'n_cycles']);

/** Evaluates settings.countingWeights for trace rows t = 0..T into weightPrev[t + 1]; located issues on failure. */
function customRowWeights(source: Expression | undefined, T: number, issues: ModelIssue[], weightPrev: Float64Array): void {
  const path = ['settings', 'countingWeights'];
  if (source === undefined) {
    issues.push({ code: 'missing-value', severity: 'error', path, message: 'counting "custom" needs settings.countingWeights: the weight of trace row `cycle` (0 to n_cycles), e.g. "cycle == 0 || cycle == n_cycles ? 0.5 : 1"' });
    return;
  }
  if (typeof source === 'number') {
    weightPrev.fill(source, 1);
    return;
  }
  let fn;
  try {
    const tree = parseExpression(source);
    const { names, calls } = collectNames(tree);
    const unknown = [...names].filter((n) => !WEIGHT_NAMES.has(n));
    const unknownCalls = [...calls].filter((n) => n !== CONDITIONAL_FUNCTION && !getFunction(n));
    if (unknown.length > 0 || unknownCalls.length > 0) {
      issues.push({ code: 'unknown-name', severity: 'error', path, message: `counting weights ${quoteExpression(source)} may use only cycle (the trace row, 0 to n_cycles), n_cycles and functions; not ${[...unknown, ...unknownCalls].join(', ')}` });
      return;
    }
    fn = compileExpressionTree(tree, {
      cycleLength: NaN,
      constants: new Map([['n_cycles', T]]),
      parameterSlot: () => undefined,
      table: () => undefined,
    });
  } catch (e) {
    issues.push({ code: 'syntax', severity: 'error', path, message: `cannot read counting weights ${quoteExpression(source)}: ${(e as Error).message}` });
    return;
  }
  const vars = new Float64Array(VARIABLE_COUNT);
  const none = new Float64Array(0);
  for (let t = 0; t <= T; t++) {
    vars[VARIABLE_SLOTS.cycle] = t;
    const w = fn(none, vars);
    if (!Number.isFinite(w)) {
      issues.push({ code: 'not-a-number', severity: 'error', path, message: `counting weights ${quoteExpression(source)} give ${w} for cycle = ${t} (n_cycles = ${T}); each row needs a finite weight` });
      return;
    }
    weightPrev[t + 1] = w;
  }
}

/**
 * Discount factors, one row of (valueCycles + 1) per rate (index 0 unused). Counted cycle c is divided by
 * (1 + r)^((c - 1)·L), or (1 + r)^(c·L) when the first cycle is discounted too; a stepped schedule gives the
 * factor at that time (discountFactorAt).
 */
export function discountFactors(rates: readonly DiscountRateSpec[], valueCycles: number, cycleLength: number, firstCycleDiscounted: boolean): Float64Array {
  const width = valueCycles + 1;
  const out = new Float64Array(rates.length * width);
  rates.forEach((r, i) => {
    for (let c = 1; c <= valueCycles; c++) {
      const periods = (firstCycleDiscounted ? c : c - 1) * cycleLength;
      out[i * width + c] = typeof r === 'number' ? 1 / (1 + r) ** periods : discountFactorAt(r, periods);
    }
  });
  return out;
}

/**
 * Discount settings with `given` laid over `base`: only what is given changes, and a flat rate given without a
 * schedule also removes the base's schedule for it (the flat rate would otherwise be hidden by the schedule).
 */
export function mergeDiscount(base: DiscountSettings, given: Partial<DiscountSettings> | undefined): DiscountSettings {
  if (!given) return base;
  const merged = { ...base, ...given };
  if (given.costs !== undefined && given.costsSchedule === undefined) delete merged.costsSchedule;
  if (given.effects !== undefined && given.effectsSchedule === undefined) delete merged.effectsSchedule;
  return merged;
}

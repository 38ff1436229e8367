// Threshold analysis: the values of one parameter at which the optimal strategy (highest NMB at a given
// willingness-to-pay) changes. The range is scanned on a grid to bracket each change, then Brent's method finds
// the root of NMB(before) - NMB(after) inside the bracket. Two changes inside one grid interval can be missed;
// a finer grid (`gridPoints`) finds them.
import { brentRoot } from './brent';
import { DsaError, evaluateWith, variedParameter } from './dsa-setup';
import type { DsaSetup } from './dsa-setup';
import type { DsaStepError } from './one-way';
import { evenlySpaced } from './two-way';

export interface ThresholdOptions {
  parameter: string;
  wtp: number;
  /** Default: the parameter's low/high. */
  low?: number;
  high?: number;
  /** Points of the bracketing scan (default 41). */
  gridPoints?: number;
  /** Absolute tolerance on the parameter value (default 1e-9 of the range). */
  tolerance?: number;
}

export interface ThresholdCrossing {
  value: number;
  /** Optimal strategy just below and just above the threshold. */
  from: string;
  to: string;
  /** Grid interval that brackets the change. */
  bracket: [number, number];
  /**
   * true: `value` is a root of NMB(from) - NMB(to) to the tolerance; false: no clean sign change inside the bracket
   * (another strategy is optimal in between, or a step failed) and `value` is the bracket's midpoint.
   */
  exact: boolean;
}

export interface ThresholdResult {
  parameter: string;
  wtp: number;
  low: number;
  high: number;
  status: 'found' | 'no-threshold-in-range';
  thresholds: ThresholdCrossing[];
  optimalAtLow: string | null;
  optimalAtHigh: string | null;
  errors: DsaStepError[];
}

export function thresholdAnalysis(setup: DsaSetup, options: ThresholdOptions): ThresholdResult {
  const { wtp } = options;
  if (!(Number.isFinite(wtp) && wtp >= 0)) throw new DsaError(`willingness-to-pay must be a finite number >= 0 (got ${wtp})`);
  const v = variedParameter(setup, options.parameter);
  // A file range may be written high-first; the search runs from the smaller value.
  const low = options.low ?? Math.min(v.low, v.high);
  const high = options.high ?? Math.max(v.low, v.high);
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new DsaError(`threshold range of "${v.id}" must be finite with low < high (got ${low}, ${high})`);
  }
  const tolerance = options.tolerance ?? 1e-9 * (high - low);
  const errors: DsaStepError[] = [];
  const nmbAt = (x: number): number[] | null => {
    const r = evaluateWith(setup, [[v, x]]);
    if (r.ok) return r.strategies.map((s) => wtp * s.effect - s.cost);
    errors.push({ parameter: v.id, at: 'threshold', value: x, message: `${v.id} = ${x}: ${r.message}`, details: r.details });
    return null;
  };
  const grid = evenlySpaced(low, high, options.gridPoints ?? 41);
  const values = grid.map(nmbAt);
  const best = values.map((nmb) => (nmb ? argMax(nmb) : -1));
  const ids = setup.strategyIds;
  const thresholds: ThresholdCrossing[] = [];
  for (let i = 1; i < grid.length; i++) {
    const a = best[i - 1]!;
    const b = best[i]!;
    if (a < 0 || b < 0 || a === b) continue;
    // Root of NMB_a - NMB_b; an evaluation error inside the bracket makes the difference NaN, which Brent rejects.
    const diff = (x: number): number => {
      const nmb = nmbAt(x);
      return nmb ? nmb[a]! - nmb[b]! : Number.NaN;
    };
    const bracket: [number, number] = [grid[i - 1]!, grid[i]!];
    try {
      const { root } = brentRoot(diff, bracket[0], bracket[1], tolerance);
      thresholds.push({ value: root, from: ids[a]!, to: ids[b]!, bracket, exact: true });
    } catch {
      thresholds.push({ value: (bracket[0] + bracket[1]) / 2, from: ids[a]!, to: ids[b]!, bracket, exact: false });
    }
  }
  return {
    parameter: v.id,
    wtp,
    low,
    high,
    status: thresholds.length > 0 ? 'found' : 'no-threshold-in-range',
    thresholds,
    optimalAtLow: best[0]! >= 0 ? ids[best[0]!]! : null,
    optimalAtHigh: best[best.length - 1]! >= 0 ? ids[best[best.length - 1]!]! : null,
    errors,
  };
}

/** Index of the largest value (first on ties). */
function argMax(values: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  return best;
}

export interface ThresholdCurveOptions {
  parameter: string;
  wtp: number;
  /** Strategy whose net benefit is subtracted (the INMB of every other strategy is over this one). */
  comparator: string;
  low: number;
  high: number;
  /** Points of the curve, both ends included (default 41). */
  points?: number;
}

export interface ThresholdCurve {
  parameter: string;
  wtp: number;
  comparator: string;
  values: number[];
  /** Incremental NMB over the comparator at each value, per other strategy; null where the model failed. */
  incNmb: Record<string, (number | null)[]>;
}

/**
 * Incremental NMB of each strategy over the comparator along the parameter's range: the picture behind a
 * threshold (a curve crossing zero is a change of the better of the two).
 */
export function thresholdCurve(setup: DsaSetup, options: ThresholdCurveOptions): ThresholdCurve {
  const { wtp, comparator } = options;
  if (!(Number.isFinite(wtp) && wtp >= 0)) throw new DsaError(`willingness-to-pay must be a finite number >= 0 (got ${wtp})`);
  const v = variedParameter(setup, options.parameter);
  const ref = setup.strategyIds.indexOf(comparator);
  if (ref < 0) throw new DsaError(`unknown comparator "${comparator}" (strategies: ${setup.strategyIds.join(', ')})`);
  if (!Number.isFinite(options.low) || !Number.isFinite(options.high) || !(options.low < options.high)) {
    throw new DsaError(`threshold range of "${v.id}" must be finite with low < high (got ${options.low}, ${options.high})`);
  }
  const values = evenlySpaced(options.low, options.high, options.points ?? 41);
  const others = setup.strategyIds.filter((_, j) => j !== ref);
  const incNmb: Record<string, (number | null)[]> = Object.fromEntries(others.map((id) => [id, []]));
  for (const x of values) {
    const r = evaluateWith(setup, [[v, x]]);
    const nmb = r.ok ? r.strategies.map((s) => wtp * s.effect - s.cost) : null;
    setup.strategyIds.forEach((id, j) => {
      if (j !== ref) incNmb[id]!.push(nmb ? nmb[j]! - nmb[ref]! : null);
    });
  }
  return { parameter: v.id, wtp, comparator, values, incNmb };
}

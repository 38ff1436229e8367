// One test-accuracy study's 2×2 table: checks, derived sensitivity and specificity with exact (Clopper–Pearson) or
// Wilson 95% intervals, and the logits with their within-study variances that the bivariate normal model uses.
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Counts against the reference standard: true/false positives and negatives. */
export interface TwoByTwo {
  tp: number;
  fn: number;
  tn: number;
  fp: number;
}

export interface AccuracyStudy extends TwoByTwo {
  /** Label shown in forest plots and messages. */
  study: string;
  /** Other columns of an imported row (index test, setting, year, …), kept as given. */
  attributes?: Record<string, string>;
}

export interface ProportionEstimate {
  estimate: number;
  lower: number;
  upper: number;
}

export type IntervalMethod = 'clopper-pearson' | 'wilson';

export const CONTINUITY_CORRECTION = 0.5;

const COUNT_FIELDS = ['tp', 'fn', 'tn', 'fp'] as const;

/**
 * Problems with one 2×2 table, each naming its cell: counts must be whole numbers >= 0, each reference-standard
 * group must hold someone, and when the study's n is known the four cells must add up to it.
 */
export function twoByTwoProblems(table: TwoByTwo, n?: number | null): { field: keyof TwoByTwo | 'n'; message: string }[] {
  const problems: { field: keyof TwoByTwo | 'n'; message: string }[] = [];
  for (const field of COUNT_FIELDS) {
    const v = table[field];
    if (!(Number.isInteger(v) && v >= 0)) problems.push({ field, message: `${field.toUpperCase()} must be a whole number >= 0 (got ${String(v)})` });
  }
  if (problems.length > 0) return problems;
  if (table.tp + table.fn === 0) problems.push({ field: 'tp', message: 'no one with the condition (TP + FN = 0): sensitivity is undefined' });
  if (table.tn + table.fp === 0) problems.push({ field: 'tn', message: 'no one without the condition (TN + FP = 0): specificity is undefined' });
  const total = table.tp + table.fn + table.tn + table.fp;
  if (n !== undefined && n !== null && total !== n) {
    problems.push({ field: 'n', message: `TP + FN + TN + FP = ${total}, but the study has n = ${n}` });
  }
  return problems;
}

/** x successes out of n with a two-sided interval at `level` (default 95%). */
export function proportionInterval(x: number, n: number, method: IntervalMethod = 'clopper-pearson', level = 0.95): ProportionEstimate {
  if (!(n > 0) || !(x >= 0 && x <= n)) throw new RangeError(`proportion needs 0 <= x <= n and n > 0 (got ${x} of ${n})`);
  const alpha = 1 - level;
  const estimate = x / n;
  if (method === 'clopper-pearson') {
    return {
      estimate,
      lower: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
      upper: x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
    };
  }
  const z = normalQuantile(1 - alpha / 2, 0, 1);
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  return { estimate, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export function studySensitivity(t: TwoByTwo, method: IntervalMethod = 'clopper-pearson'): ProportionEstimate {
  return proportionInterval(t.tp, t.tp + t.fn, method);
}

export function studySpecificity(t: TwoByTwo, method: IntervalMethod = 'clopper-pearson'): ProportionEstimate {
  return proportionInterval(t.tn, t.tn + t.fp, method);
}

export interface StudyLogits {
  logitSensitivity: number;
  logitSpecificity: number;
  /** Within-study variances 1/TP + 1/FN and 1/TN + 1/FP. */
  varianceSensitivity: number;
  varianceSpecificity: number;
  /** True when a zero cell made us add the correction to all four cells. */
  corrected: boolean;
}

/** Logits and their variances, with `correction` (0.5) added to all four cells of a study that has a zero cell. */
export function studyLogits(t: TwoByTwo, correction = CONTINUITY_CORRECTION): StudyLogits {
  const corrected = t.tp === 0 || t.fn === 0 || t.tn === 0 || t.fp === 0;
  const c = corrected ? correction : 0;
  const tp = t.tp + c;
  const fn = t.fn + c;
  const tn = t.tn + c;
  const fp = t.fp + c;
  return {
    logitSensitivity: Math.log(tp / fn),
    logitSpecificity: Math.log(tn / fp),
    varianceSensitivity: 1 / tp + 1 / fn,
    varianceSpecificity: 1 / tn + 1 / fp,
    corrected,
  };
}

// Incremental cost-effectiveness analysis: a faithful port of dampack's calculate_icers (DARTH-git/dampack,
// R/icers.R) so results match the tool analysts already trust, ties included:
//  1. sort by cost ascending, then effect descending (stable, so exact duplicates keep input order);
//  2. strong dominance: j is dominated when some earlier i (in that order) has effect_j <= effect_i, where effects
//     that differ by at most EFFECT_TIE_TOLERANCE (relative) count as equal, so floating-point noise between
//     strategies with the same health outcome (e.g. 4.4e-16 QALYs) never puts the dearer one on the frontier
//     with an ICER of 10^17; dampack compares exactly, and every dampack reference case still passes;
//  3. extended dominance, repeated until stable: among the remaining strategies compute sequential ICERs and
//     mark every interior i with ICER_i > ICER_{i+1} (strict, so equal ICERs stay on the frontier);
//  4. output order: frontier by cost, then extendedly dominated, then dominated (each by cost asc, effect desc).
// The first frontier row is the reference (dampack's "ND" row with NA increments).

export type IncrementalStatus = 'reference' | 'nondominated' | 'dominated' | 'extendedly-dominated';

export interface StrategyOutcome {
  id: string;
  label?: string;
  cost: number;
  effect: number;
}

export interface IncrementalRow {
  id: string;
  label?: string;
  cost: number;
  effect: number;
  status: IncrementalStatus;
  incCost: number | null;
  incEffect: number | null;
  icer: number | null;
}

export class IncrementalAnalysisError extends Error {
  constructor(
    message: string,
    readonly strategyId?: string,
  ) {
    super(message);
    this.name = 'IncrementalAnalysisError';
  }
}

function assertValidOutcomes(rows: readonly StrategyOutcome[]): void {
  if (rows.length === 0) {
    throw new IncrementalAnalysisError('Incremental analysis needs at least one strategy; none was given.');
  }
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (typeof row.id !== 'string' || row.id.length === 0) {
      throw new IncrementalAnalysisError(`Strategy at position ${index} has no id.`);
    }
    if (seen.has(row.id)) {
      throw new IncrementalAnalysisError(`Strategy id "${row.id}" appears more than once.`, row.id);
    }
    seen.add(row.id);
    for (const field of ['cost', 'effect'] as const) {
      if (typeof row[field] !== 'number' || !Number.isFinite(row[field])) {
        throw new IncrementalAnalysisError(
          `Strategy "${row.id}" has a non-finite ${field} (${String(row[field])}).`,
          row.id,
        );
      }
    }
  });
}

/** Cost ascending, then effect descending; Array.prototype.sort is stable, as dplyr::arrange is. */
function byCostThenEffectDesc(a: StrategyOutcome, b: StrategyOutcome): number {
  return a.cost - b.cost || b.effect - a.effect;
}

/** Effects whose difference is at most this share of the larger magnitude are treated as equal. */
export const EFFECT_TIE_TOLERANCE = 1e-9;

/** a <= b, or a and b equal within EFFECT_TIE_TOLERANCE (relative to the larger magnitude). */
export function effectAtMost(a: number, b: number): boolean {
  return a <= b || a - b <= EFFECT_TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function stronglyDominatedIds(sorted: readonly StrategyOutcome[]): Set<string> {
  const dominated = new Set<string>();
  for (let i = 0; i < sorted.length - 1; i++) {
    const effectI = sorted[i]!.effect;
    for (let j = i + 1; j < sorted.length; j++) {
      if (effectAtMost(sorted[j]!.effect, effectI)) dominated.add(sorted[j]!.id);
    }
  }
  return dominated;
}

function sequentialIcers(frontier: readonly StrategyOutcome[]): number[] {
  const icers = [Number.NaN];
  for (let i = 1; i < frontier.length; i++) {
    const incCost = frontier[i]!.cost - frontier[i - 1]!.cost;
    const incEffect = frontier[i]!.effect - frontier[i - 1]!.effect;
    icers.push(incCost / incEffect);
  }
  return icers;
}

function extendedlyDominatedIds(sorted: readonly StrategyOutcome[], dominated: ReadonlySet<string>): Set<string> {
  const extended = new Set<string>();
  for (;;) {
    const remaining = sorted.filter((row) => !dominated.has(row.id) && !extended.has(row.id));
    if (remaining.length <= 2) return extended;
    const icers = sequentialIcers(remaining);
    let found = 0;
    for (let i = 1; i < remaining.length - 1; i++) {
      if (icers[i]! > icers[i + 1]!) {
        extended.add(remaining[i]!.id);
        found++;
      }
    }
    if (found === 0) return extended;
  }
}

function withLabel(row: StrategyOutcome): Pick<IncrementalRow, 'id' | 'label' | 'cost' | 'effect'> {
  return row.label === undefined
    ? { id: row.id, cost: row.cost, effect: row.effect }
    : { id: row.id, label: row.label, cost: row.cost, effect: row.effect };
}

function frontierRows(frontier: readonly StrategyOutcome[]): IncrementalRow[] {
  return frontier.map((row, i) => {
    if (i === 0) return { ...withLabel(row), status: 'reference', incCost: null, incEffect: null, icer: null };
    const incCost = row.cost - frontier[i - 1]!.cost;
    const incEffect = row.effect - frontier[i - 1]!.effect;
    return { ...withLabel(row), status: 'nondominated', incCost, incEffect, icer: incCost / incEffect };
  });
}

function offFrontierRow(row: StrategyOutcome, status: 'dominated' | 'extendedly-dominated'): IncrementalRow {
  return { ...withLabel(row), status, incCost: null, incEffect: null, icer: null };
}

/** dampack::calculate_icers: frontier (reference first), then extendedly dominated, then dominated strategies. */
export function calculateIcers(rows: readonly StrategyOutcome[]): IncrementalRow[] {
  assertValidOutcomes(rows);
  const sorted = [...rows].sort(byCostThenEffectDesc);
  const dominated = stronglyDominatedIds(sorted);
  const extended = extendedlyDominatedIds(sorted, dominated);
  const frontier = sorted.filter((row) => !dominated.has(row.id) && !extended.has(row.id));
  return [
    ...frontierRows(frontier),
    ...sorted.filter((row) => extended.has(row.id)).map((row) => offFrontierRow(row, 'extendedly-dominated')),
    ...sorted.filter((row) => dominated.has(row.id)).map((row) => offFrontierRow(row, 'dominated')),
  ];
}

export interface NetBenefitEntry {
  id: string;
  /** Net monetary benefit wtp × effect − cost. */
  nmb: number;
  /** Net health benefit effect − cost / wtp; null at wtp = 0, where it is undefined. */
  nhb: number | null;
  /** NMB minus the reference strategy's NMB. */
  incNmb: number;
  /** NHB minus the reference strategy's NHB; null at wtp = 0. */
  incNhb: number | null;
}

export interface NetBenefitAtWtp {
  wtp: number;
  referenceId: string;
  /** Strategy with the highest NMB (first in input order on ties). */
  optimalId: string;
  strategies: NetBenefitEntry[];
}

function assertValidWtps(wtps: readonly number[]): void {
  if (wtps.length === 0) throw new IncrementalAnalysisError('At least one willingness-to-pay threshold is needed.');
  wtps.forEach((wtp, i) => {
    if (typeof wtp !== 'number' || !Number.isFinite(wtp) || wtp < 0) {
      throw new IncrementalAnalysisError(
        `Willingness-to-pay threshold at position ${i} must be a finite number >= 0 (got ${String(wtp)}).`,
      );
    }
  });
}

function netBenefitAt(rows: readonly StrategyOutcome[], wtp: number, reference: StrategyOutcome): NetBenefitAtWtp {
  const refNmb = wtp * reference.effect - reference.cost;
  const refNhb = wtp > 0 ? reference.effect - reference.cost / wtp : null;
  let optimal = rows[0]!;
  let bestNmb = -Infinity;
  const strategies = rows.map((row) => {
    const nmb = wtp * row.effect - row.cost;
    const nhb = wtp > 0 ? row.effect - row.cost / wtp : null;
    if (nmb > bestNmb) {
      bestNmb = nmb;
      optimal = row;
    }
    return { id: row.id, nmb, nhb, incNmb: nmb - refNmb, incNhb: nhb === null || refNhb === null ? null : nhb - refNhb };
  });
  return { wtp, referenceId: reference.id, optimalId: optimal.id, strategies };
}

/**
 * Net monetary and health benefit of every strategy (input order) at each willingness-to-pay, and the increment
 * over a reference: `referenceId`, or by default dampack's reference (lowest cost, ties to higher effect).
 */
export function incrementalNetBenefit(
  rows: readonly StrategyOutcome[],
  wtps: readonly number[],
  referenceId?: string,
): NetBenefitAtWtp[] {
  assertValidOutcomes(rows);
  assertValidWtps(wtps);
  const reference =
    referenceId === undefined ? [...rows].sort(byCostThenEffectDesc)[0]! : rows.find((row) => row.id === referenceId);
  if (reference === undefined) {
    throw new IncrementalAnalysisError(`Reference strategy "${referenceId}" is not among the strategies.`, referenceId);
  }
  return wtps.map((wtp) => netBenefitAt(rows, wtp, reference));
}

// The deterministic base case of a model as one plain result (what a stored "base-case" run holds): per-person
// totals of every strategy, discounted and not, cost by category, the cohort trace, the tree/partitioned-survival
// details, the incremental analysis and the base value of every parameter. The screens, the report builder and the
// CLI read the same shape.
import { compileModel } from '../compile-model';
import { calculateIcers } from '../economics/incremental';
import type { IncrementalRow } from '../economics/incremental';
import type { HtaModel } from '../model/schema';
import { strategyDetails } from '../tree/strategy-details';
import type { StrategyDetails } from '../tree/strategy-details';
import { problemsOf } from './problems';
import type { AnalysisProblem } from './problems';

export interface StrategyBaseCase {
  id: string;
  label: string;
  cost: number;
  qalys: number;
  lifeYears: number;
  effect: number;
  costUndiscounted: number;
  qalysUndiscounted: number;
  lifeYearsUndiscounted: number;
  /** (cycles + 1) x states shares of the cohort, row-major. */
  trace: Float64Array;
  /** Discounted cost per category (order of BaseCaseResult.categoryIds). */
  costByCategory: number[];
  /** Trees and partitioned survival: outcome counts, time to treatment, mean survival, warnings. */
  details: StrategyDetails | null;
}

export interface BaseCaseResult {
  ok: true;
  effect: 'qalys' | 'life-years';
  strategies: StrategyBaseCase[];
  incremental: IncrementalRow[];
  stateIds: string[];
  categoryIds: string[];
  cycles: number;
  cycleLength: number;
  /** Base-case value of every parameter (expression parameters evaluated at cycle 1). */
  parameterValues: Record<string, number>;
}

export type BaseCaseOutcome = BaseCaseResult | { ok: false; problems: AnalysisProblem[] };

/** Runs the base case; throws ModelCompileError / ModelEvaluationError (located) when the model cannot run. */
export function baseCase(model: HtaModel): BaseCaseResult {
  const compiled = compileModel(model);
  const params = compiled.baseParameters();
  const result = compiled.evaluate(params);
  const strategies = result.strategies.map((s) => ({
    id: s.id,
    label: s.label,
    cost: s.totals.cost,
    qalys: s.totals.qalys,
    lifeYears: s.totals.lifeYears,
    effect: s.totals.effect,
    costUndiscounted: s.totals.costUndiscounted,
    qalysUndiscounted: s.totals.qalysUndiscounted,
    lifeYearsUndiscounted: s.totals.lifeYearsUndiscounted,
    trace: Float64Array.from(s.trace),
    costByCategory: Array.from(s.costByCategory),
    details: strategyDetails(s) ?? null,
  }));
  return {
    ok: true,
    effect: compiled.effect,
    strategies,
    incremental: calculateIcers(strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect }))),
    stateIds: [...compiled.stateIds],
    categoryIds: [...compiled.categoryIds],
    cycles: compiled.cycles,
    cycleLength: compiled.cycleLength,
    parameterValues: Object.fromEntries(compiled.parameterIds.map((id, i) => [id, params[i]!])),
  };
}

/** The base case, or the located problems that stop it (for screens that show them instead of throwing). */
export function runBaseCase(model: HtaModel): BaseCaseOutcome {
  try {
    return baseCase(model);
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

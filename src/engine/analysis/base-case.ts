// The deterministic base case as the screens and reports read it: totals per strategy (discounted and not), the
// cohort trace, costs by category, tree/PSM details, the incremental analysis and every parameter's base value.
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
  /** Discounted cost per category (order of BaseCaseOutcome.categoryIds). */
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

export function runBaseCase(model: HtaModel): BaseCaseOutcome {
  try {
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
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

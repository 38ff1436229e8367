// The deterministic results every analysis command starts from: per-person discounted totals per strategy and
// the incremental analysis. `hta psa/dsa/bia` add their own sections to this object.
import { compileModel } from '../engine/compile-model';
import type { CompiledModel, ModelResult } from '../engine/compiled-model';
import type { HtaModel } from '../engine/model/schema';
import { checkedModelOf } from '../engine/model/checked-models';
import { calculateIcers, incrementalNetBenefit } from '../engine/economics/incremental';
import type { IncrementalRow, NetBenefitAtWtp } from '../engine/economics/incremental';
import { strategyDetails } from '../engine/tree/strategy-details';
import type { StrategyDetails } from '../engine/tree/strategy-details';

export interface StrategyReport {
  id: string;
  label: string;
  cost: number;
  effect: number;
  lifeYears: number;
  qalys: number;
  costUndiscounted: number;
  effectUndiscounted: number;
  lifeYearsUndiscounted: number;
  qalysUndiscounted: number;
  costByCategory: Record<string, number>;
  /** Partitioned survival / tree models: mean survival, outcome counts, time to treatment, paths, warnings. */
  details?: StrategyDetails;
}

export interface RunReport {
  model: { title: string; type: string; effect: string; currency: string | null; priceYear: number | null; cycles: number; cycleLength: number; cohortSize: number };
  strategies: StrategyReport[];
  incremental: IncrementalRow[];
  netBenefit: NetBenefitAtWtp[];
}

export interface RunOutcome {
  report: RunReport;
  compiled: CompiledModel;
  result: ModelResult;
}

function detailsOf(s: ModelResult['strategies'][number]): { details?: StrategyDetails } {
  const details = strategyDetails(s);
  return details ? { details } : {};
}

/**
 * The base case of the model. `prebuilt`: the model already compiled by the caller (a PSA's setup compiles it once
 * for every draw). A model just validated was compiled and run by the check: that base case is reused.
 */
export function runModel(model: HtaModel, prebuilt?: CompiledModel): RunOutcome {
  const checked = checkedModelOf(model);
  const reuseChecked = checked !== undefined && (prebuilt === undefined || prebuilt === checked.compiled);
  const compiled = prebuilt ?? checked?.compiled ?? compileModel(model);
  const result = reuseChecked ? checked.baseResult : compiled.evaluate(compiled.baseParameters());
  const strategies = result.strategies.map((s): StrategyReport => ({
    id: s.id,
    label: s.label,
    cost: s.totals.cost,
    effect: s.totals.effect,
    lifeYears: s.totals.lifeYears,
    qalys: s.totals.qalys,
    costUndiscounted: s.totals.costUndiscounted,
    effectUndiscounted: s.totals.effectUndiscounted,
    lifeYearsUndiscounted: s.totals.lifeYearsUndiscounted,
    qalysUndiscounted: s.totals.qalysUndiscounted,
    costByCategory: Object.fromEntries(compiled.categoryIds.map((c, i) => [c, s.costByCategory[i]!])),
    ...detailsOf(s),
  }));
  const outcomes = strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect }));
  const wtp = model.settings.wtp;
  return {
    compiled,
    result,
    report: {
      model: {
        title: model.metadata.title,
        type: model.model.type,
        effect: model.settings.effect,
        currency: model.settings.currency ?? null,
        priceYear: model.settings.priceYear ?? null,
        cycles: compiled.cycles,
        cycleLength: compiled.cycleLength,
        cohortSize: compiled.cohortSize,
      },
      strategies,
      incremental: calculateIcers(outcomes),
      netBenefit: wtp.length > 0 ? incrementalNetBenefit(outcomes, wtp) : [],
    },
  };
}

/**
 * Trace as CSV, for the whole cohort: one row per strategy and trace row t = 0..cycles with the state counts, then
 * the values counted there: costs by category, QALYs and life-years, undiscounted and discounted. With interval
 * counting (beginning, end, life-table) row t holds the values of cycle t (the cycle that ends at row t; row 0 has
 * none); with point counting (trapezoidal, half-cycle, Simpson, custom) the values of row t itself. Each value
 * column sums to the strategy's total × cohort size.
 */
export function traceCsv(compiled: CompiledModel, result: ModelResult): string {
  const n = compiled.stateIds.length;
  const nCat = compiled.categoryIds.length;
  const cohort = compiled.cohortSize;
  const point = compiled.valueCycles === compiled.cycles + 1;
  const valueHeader = [
    ...compiled.categoryIds.flatMap((c) => [`cost_${c}`, `cost_${c}_discounted`]),
    'qalys',
    'qalys_discounted',
    'life_years',
    'life_years_discounted',
  ];
  const lines = [['strategy', 'cycle', ...compiled.stateIds, ...valueHeader].join(',')];
  for (const s of result.strategies) {
    for (let t = 0; t <= compiled.cycles; t++) {
      const row = Array.from(s.trace.subarray(t * n, (t + 1) * n), (x) => String(x * cohort));
      const v = point ? t : t - 1;
      const values =
        v < 0 || v >= compiled.valueCycles
          ? valueHeader.map(() => '')
          : [
              ...compiled.categoryIds.flatMap((_, c) => [String(s.costPerCycle[v * nCat + c]! * cohort), String(s.costPerCycleDiscounted[v * nCat + c]! * cohort)]),
              String(s.qalysPerCycle[v]! * cohort),
              String(s.qalysPerCycleDiscounted[v]! * cohort),
              String(s.lifeYearsPerCycle[v]! * cohort),
              String(s.lifeYearsPerCycleDiscounted[v]! * cohort),
            ];
      lines.push([s.id, String(t), ...row, ...values].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

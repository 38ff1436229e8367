// The deterministic results every analysis command starts from: per-person discounted totals per strategy and
// the incremental analysis. `hta psa/dsa/bia` add their own sections to this object.
import { compileModel } from '../engine/compile-model';
import type { CompiledModel, ModelResult } from '../engine/compiled-model';
import type { HtaModel } from '../engine/model/schema';
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

export function runModel(model: HtaModel): RunOutcome {
  const compiled = compileModel(model);
  const result = compiled.evaluate(compiled.baseParameters());
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

/** Markov trace as CSV: one row per strategy and cycle, state counts for the whole cohort. */
export function traceCsv(compiled: CompiledModel, result: ModelResult): string {
  const n = compiled.stateIds.length;
  const lines = [['strategy', 'cycle', ...compiled.stateIds].join(',')];
  for (const s of result.strategies) {
    for (let t = 0; t <= compiled.cycles; t++) {
      const row = Array.from(s.trace.subarray(t * n, (t + 1) * n), (x) => String(x * compiled.cohortSize));
      lines.push([s.id, String(t), ...row].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

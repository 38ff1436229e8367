// Everything reported from a PSA run, through the uncertainty summaries: means and 95 % intervals, the CE plane
// against a comparator, CEAC, CEAF, expected loss, EVPI per person and for a population, convergence of the
// incremental net benefit, and regression EVPPI for single parameters and groups (with its standard error).
import { populationEvpi, psaSummaries } from '../uncertainty/psa-summary';
import type { ConvergenceSeries, IncrementalPlaneSeries, NetBenefitSummary, PopulationOptions, StrategyPsaMeans } from '../uncertainty/psa-summary';
import { evppiAcrossThresholds } from '../uncertainty/evppi';
import type { EvppiResult, ParameterDraws } from '../uncertainty/evppi';
import type { PsaResults } from '../uncertainty/psa-summary';

export interface PsaAnalysisOptions {
  wtp: readonly number[];
  /** Comparator of the CE plane and convergence (default: the first strategy). */
  comparator?: string;
  population?: PopulationOptions;
  /** EVPPI parameter groups (a single parameter is a group of one); none: no EVPPI. */
  evppiGroups?: readonly (readonly string[])[];
  /** Posterior draws for the EVPPI standard error (0 skips it). */
  evppiSeDraws?: number;
}

export interface PsaAnalysis {
  means: StrategyPsaMeans[];
  comparator: string;
  plane: IncrementalPlaneSeries[];
  netBenefit: NetBenefitSummary;
  populationEvpi: { wtp: number; value: number }[] | null;
  /** Running mean of incremental NB at each threshold (vs the comparator). */
  convergence: { wtp: number; series: ConvergenceSeries[] }[];
  evppi: EvppiResult[];
}

/** Per-draw results with the parameters drawn: a PSA run of the engine, or draws read from another model's output. */
export type PsaDraws = PsaResults & { parameterDraws: ParameterDraws };

export function analysePsa(run: PsaDraws, options: PsaAnalysisOptions): PsaAnalysis {
  const comparator = options.comparator ?? run.strategyIds[0]!;
  if (!run.strategyIds.includes(comparator)) throw new RangeError(`comparator "${comparator}" is not a strategy (${run.strategyIds.join(', ')})`);
  const { netBenefit, means, plane, convergence } = psaSummaries(run, options.wtp, comparator);
  const groups = options.evppiGroups ?? [];
  return {
    means,
    comparator,
    plane,
    netBenefit,
    populationEvpi: options.population ? populationEvpi(netBenefit, options.population) : null,
    convergence,
    evppi: groups.length === 0 ? [] : evppiAcrossThresholds(run, run.parameterDraws, groups, options.wtp, { seDraws: options.evppiSeDraws ?? 200 }),
  };
}

/**
 * Default EVPPI groups: every sampled parameter alone, each Dirichlet group jointly, each correlated set and each
 * joint distribution's parameters jointly.
 * A Dirichlet group sums to 1, so it is regressed on all members but the one with the largest alpha (usually the
 * "stay" probability): the same information without an exactly collinear covariate, and a smaller spline basis.
 * A group of two is then a single parameter, already listed.
 */
export function defaultEvppiGroups(
  sampled: readonly { name: string; dist: { type: string; group?: string; alpha?: number } }[],
  correlations: readonly { parameters: readonly string[] }[] = [],
  joints: readonly { parameters: readonly string[] }[] = [],
): string[][] {
  const varying = sampled.filter((p) => p.dist.type !== 'fixed');
  const singles = [...varying.map((p) => [p.name]), ...joints.flatMap((j) => j.parameters.map((name) => [name]))];
  const dirichlet = new Map<string, { name: string; alpha: number }[]>();
  for (const p of varying) {
    if (p.dist.type === 'dirichlet' && p.dist.group !== undefined) {
      dirichlet.set(p.dist.group, [...(dirichlet.get(p.dist.group) ?? []), { name: p.name, alpha: p.dist.alpha ?? 0 }]);
    }
  }
  const dirichletGroups = [...dirichlet.values()].flatMap((members) => {
    let largest = 0;
    members.forEach((m, i) => {
      if (m.alpha > members[largest]!.alpha) largest = i;
    });
    const free = members.filter((_, i) => i !== largest).map((m) => m.name);
    return free.length >= 2 ? [free] : [];
  });
  return [...singles, ...dirichletGroups, ...[...correlations, ...joints].map((c) => [...c.parameters])];
}

// Value-of-information analysis of PSA draws made elsewhere (read by external-draws.ts): the engine's own PSA
// summaries (analysePsa: CEAC, CEAF, expected loss, EVPI, EVPPI) plus the incremental analysis of the mean
// costs and effects (dampack's calculate_icers) and BCEA's decision switch points.
import { analysePsa } from './psa-analysis';
import type { PsaAnalysis } from './psa-analysis';
import type { ExternalPsaDraws } from './external-draws';
import { calculateIcers } from '../economics/incremental';
import type { IncrementalRow } from '../economics/incremental';
import { decisionSwitchPoints } from '../uncertainty/psa-summary';
import { evppiByRegression } from '../uncertainty/evppi';
import type { EvppiResult } from '../uncertainty/evppi';
import type { PopulationOptions } from '../uncertainty/psa-summary';

/** BCEA's default grid of thresholds: 0 to 50,000 by 100 (501 points). */
export const VOI_DEFAULT_WTP = '0:50000:100';
const DEFAULT_GRID = Array.from({ length: 501 }, (_, k) => k * 100);
/** EVPPI regressions are costly: run them at every threshold only for short lists. */
const EVPPI_AUTO_MAX_THRESHOLDS = 10;

export interface DrawsAnalysisOptions {
  wtp?: readonly number[];
  /** Thresholds of the EVPPI (default: `wtp` when it has at most 10 thresholds). */
  evppiWtp?: readonly number[];
  population?: PopulationOptions;
  comparator?: string;
  evppiSeDraws?: number;
}

export interface DrawsAnalysis {
  wtp: number[];
  evppiWtp: number[];
  psa: PsaAnalysis;
  incremental: IncrementalRow[];
  switchPoints: { wtp: number; fromId: string; toId: string }[];
  /** What the reader should know (e.g. EVPPI skipped), one sentence each. */
  notes: string[];
}

/**
 * EVPPI of each named parameter column on its own, at each threshold (regression, Strong et al. 2014), as
 * analysePsa computes it. Each parameter's standard error has its own seeded stream, so computing the parameters a
 * few at a time (the app does, for progress and Cancel) gives the same figures as all at once.
 */
export function drawsEvppi(draws: ExternalPsaDraws, wtp: readonly number[], parameters: readonly string[], seDraws = 200): EvppiResult[] {
  const groups = parameters.map((p) => [p]);
  return groups.length === 0 ? [] : wtp.flatMap((w) => evppiByRegression(draws, draws.parameterDraws, groups, w, { seDraws }));
}

export function analyseDraws(draws: ExternalPsaDraws, options: DrawsAnalysisOptions = {}): DrawsAnalysis {
  const wtp = [...(options.wtp ?? DEFAULT_GRID)];
  const notes: string[] = [];
  const parameters = draws.parameterDraws.names;
  let evppiWtp = [...(options.evppiWtp ?? (wtp.length <= EVPPI_AUTO_MAX_THRESHOLDS ? wtp : []))];
  if (parameters.length === 0) {
    if (options.evppiWtp !== undefined) notes.push('no parameter columns: EVPPI needs the sampled parameter values next to the costs and effects');
    evppiWtp = [];
  } else if (evppiWtp.length === 0) {
    notes.push(`EVPPI not computed at ${wtp.length} thresholds; give --evppi-wtp (e.g. --evppi-wtp 20000,30000)`);
  }
  const psa = analysePsa(draws, { wtp, comparator: options.comparator, population: options.population, evppiSeDraws: options.evppiSeDraws });
  // EVPPI per parameter at its own thresholds.
  const evppi = drawsEvppi(draws, evppiWtp, parameters, options.evppiSeDraws);
  const incremental = calculateIcers(psa.means.map((m) => ({ id: m.id, cost: m.cost.mean, effect: m.effect.mean })));
  return { wtp, evppiWtp, psa: { ...psa, evppi }, incremental, switchPoints: decisionSwitchPoints(psa.netBenefit), notes };
}

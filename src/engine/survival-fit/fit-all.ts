// Fits several families to one data set and ranks them, as an analyst compares them: AIC rank and difference to
// the best among the fits that converged, with the Kaplan–Meier estimate they are judged against.
import { FIT_DISTRIBUTIONS } from './distributions';
import type { FitDistribution } from './distributions';
import { fitDistribution } from './fit';
import type { FitOptions, SurvivalFit } from './fit';
import { kaplanMeier, kmMedian } from './kaplan-meier';
import type { KaplanMeier } from './kaplan-meier';
import { summariseSurvivalData } from './survival-data';
import type { SurvivalData, SurvivalDataSummary } from './survival-data';

export interface RankedFit extends SurvivalFit {
  /** 1 = lowest AIC among converged fits; null for a fit that did not converge. */
  aicRank: number | null;
  /** AIC minus the lowest AIC (null when not converged). */
  deltaAic: number | null;
}

export interface SurvivalAnalysis {
  summary: SurvivalDataSummary & { kmMedian: number | null };
  km: KaplanMeier;
  /** In the order asked for. */
  fits: RankedFit[];
}

export function fitSurvivalData(data: SurvivalData, distributions: readonly FitDistribution[] = FIT_DISTRIBUTIONS, options: FitOptions = {}): SurvivalAnalysis {
  const km = kaplanMeier(data, options.confidenceLevel);
  const fits = distributions.map((d) => fitDistribution(d, data, options, km));
  const usable = fits.filter((f) => f.converged).sort((a, b) => a.aic - b.aic);
  const best = usable[0]?.aic ?? NaN;
  return {
    summary: { ...summariseSurvivalData(data), kmMedian: kmMedian(km) },
    km,
    fits: fits.map((f) => (f.converged ? { ...f, aicRank: usable.indexOf(f) + 1, deltaAic: f.aic - best } : { ...f, aicRank: null, deltaAic: null })),
  };
}

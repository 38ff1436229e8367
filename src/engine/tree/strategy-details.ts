// Plain-JSON extras of a strategy result for reports and `hta run --json`: mean survival per curve and PFS/OS
// capping warnings (partitioned survival), outcome counts, time to treatment and the path breakdown (trees and
// hybrids). Markov results have none (undefined), so their reports are unchanged.
import type { StrategyResult } from '../compiled-model';
import type { WarningDetail } from '../errors';
import type { PsmDetails, PsmStrategyResult } from '../psm/compile-psm';
import type { PathRow, TreeStrategyResult } from './compile-tree';

export interface CurveDetails {
  id: string;
  role: 'pfs' | 'os';
  /** Area under the curve over the model horizon, years. */
  restrictedMeanYears: number;
  medianYears: number | null;
}

export interface StrategyDetails {
  meanSurvival?: CurveDetails[];
  /** Trace rows where PFS was capped at OS (partitioned survival). */
  pfsCappedCycles?: number[];
  outcomeCounts?: Record<string, number>;
  timeToTreatment?: { mean: number; unit: string };
  paths?: PathRow[];
  submodels?: Record<string, { share: number; meanSurvival?: CurveDetails[]; pfsCappedCycles?: number[] }>;
  warnings: string[];
  /** Code and values of each of `warnings` (same order); absent in results stored before they were recorded. */
  warningDetails?: WarningDetail[];
}

/** A copy of the warnings' codes and values; none when there is no warning (the field appears only with warnings). */
function warningDetails(details: readonly WarningDetail[]): { warningDetails?: WarningDetail[] } {
  return details.length === 0 ? {} : { warningDetails: details.map((d) => ({ code: d.code, params: { ...d.params } })) };
}

function curves(psm: PsmDetails): CurveDetails[] {
  return psm.curves.map((c) => ({ id: c.id, role: c.role, restrictedMeanYears: c.restrictedMean, medianYears: c.median }));
}

/** A copy (safe to keep after the result buffers are reused) of the extras of one strategy, or undefined. */
export function strategyDetails(s: StrategyResult): StrategyDetails | undefined {
  if ('psm' in s) {
    const psm = (s as PsmStrategyResult).psm;
    return { meanSurvival: curves(psm), pfsCappedCycles: [...psm.pfsCappedRows], warnings: [...psm.warnings], ...warningDetails(psm.warningDetails) };
  }
  if ('tree' in s) {
    const t = (s as TreeStrategyResult).tree;
    const submodels: NonNullable<StrategyDetails['submodels']> = {};
    for (const [id, u] of Object.entries(t.submodels)) {
      submodels[id] = { share: u.probability, ...(u.psm ? { meanSurvival: curves(u.psm), pfsCappedCycles: [...u.psm.pfsCappedRows] } : {}) };
    }
    return {
      outcomeCounts: { ...t.counts },
      timeToTreatment: { mean: t.meanTimeToTerminal, unit: t.timeUnit },
      paths: t.paths.map((p) => ({ ...p })),
      submodels,
      warnings: [...t.warnings],
      ...warningDetails(t.warningDetails),
    };
  }
  return undefined;
}

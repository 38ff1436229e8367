// What the engine worker does for the Survival screen: read patient data, fit the curves and shape the plots;
// rebuild patient data from a digitised curve; write a chosen fit into a model. Plain functions over the pure engine
// (they run in the worker and in vitest alike); every failure comes back as a message, never a throw.
import { CsvError, parseCsv } from '../../engine/survival-fit/csv-table';
import { SurvivalDataError } from '../../engine/survival-fit/survival-data';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import { fitSurvivalData } from '../../engine/survival-fit/fit-all';
import type { SurvivalAnalysis } from '../../engine/survival-fit/fit-all';
import type { SurvivalFit } from '../../engine/survival-fit/fit';
import { survivalPlotData } from '../../engine/survival-fit/plot-data';
import type { SurvivalPlot } from '../../engine/survival-fit/plot-data';
import { readDigitisedCurveCsv, readRiskTableCsv } from '../../engine/survival-fit/read-km-csv';
import { readSurvivalCsv, survivalCsv } from '../../engine/survival-fit/read-survival-csv';
import { ReconstructionError, reconstructIpd } from '../../engine/survival-fit/reconstruct-ipd';
import type { ReconstructionCheck } from '../../engine/survival-fit/reconstruct-ipd';
import { FitIntoModelError, fitModelFragment, writeFitIntoModel } from '../../engine/survival-fit/fit-into-model';
import type { FitChange, FitIntoModelProblem } from '../../engine/survival-fit/fit-into-model';
import { SurvivalFitError } from '../../engine/survival-fit/fit';
import type { ModelFragment, FitIntoModelOptions } from '../../engine/survival-fit/fit-into-model';
import { validateModel } from '../../engine/model/validate';
import type { HtaModelInput } from '../../engine/model/schema';
import { issueRow } from '../../engine/analysis/model-check';
import type { ModelCheck } from '../../engine/analysis/model-check';
import type { ProblemDetail } from '../../shared/problem-detail';

export interface SurvivalFitRequest {
  csv: string;
  timeColumn: string;
  eventColumn: string;
  arm?: { column: string; value: string };
  distributions: FitDistribution[];
  /** Horizon of the plots (extrapolation), in the data's time unit; at least the follow-up. */
  plotHorizon?: number;
  rmstHorizon?: number;
}

/** A failure: the English message, and the problem as data when the reader gave it (for the screen's language). */
export type FailedOutcome = { ok: false; message: string; detail?: ProblemDetail };

export type SurvivalFitOutcome = { ok: true; analysis: SurvivalAnalysis; plot: SurvivalPlot; arms: string[] } | FailedOutcome;

/** Columns of a CSV, and the distinct values of each column that has at most 50 (arms to choose from). */
export function csvColumns(csv: string): { ok: true; columns: string[]; levels: Record<string, string[]> } | FailedOutcome {
  try {
    const table = parseCsv(csv);
    const levels: Record<string, string[]> = {};
    table.header.forEach((name, i) => {
      const values = [...new Set(table.rows.map((r) => r[i]!))];
      if (values.length <= 50) levels[name] = values;
    });
    return { ok: true, columns: table.header, levels };
  } catch (error) {
    return failure(error);
  }
}

export function fitSurvival(request: SurvivalFitRequest): SurvivalFitOutcome {
  try {
    const { data, arms } = readSurvivalCsv(request.csv, { timeColumn: request.timeColumn, eventColumn: request.eventColumn, arm: request.arm });
    const analysis = fitSurvivalData(data, request.distributions, { rmstHorizon: request.rmstHorizon });
    const plot = survivalPlotData(data, analysis.km, analysis.fits, request.plotHorizon ?? analysis.summary.maxTime);
    return { ok: true, analysis, plot, arms };
  } catch (error) {
    return failure(error);
  }
}

export interface ReconstructRequest {
  curveCsv: string;
  riskCsv: string;
  totalEvents?: number;
}

export type ReconstructOutcome = { ok: true; csv: string; check: ReconstructionCheck; notes: string[]; noteDetails: ProblemDetail[] } | FailedOutcome;

/** Which input a reconstruction problem is in: the English prefix of the message, and the code of its detail. */
const reconstructionParts = {
  curve: { words: 'digitised curve', code: 'in-digitised-curve' },
  risk: { words: 'numbers at risk', code: 'in-risk-table' },
  rebuild: { words: 'reconstruction', code: 'in-reconstruction' },
} as const;

export function reconstructSurvival(request: ReconstructRequest): ReconstructOutcome {
  let part: keyof typeof reconstructionParts = 'curve';
  try {
    const curve = readDigitisedCurveCsv(request.curveCsv);
    part = 'risk';
    const table = readRiskTableCsv(request.riskCsv);
    part = 'rebuild';
    const r = reconstructIpd(curve, table, request.totalEvents);
    return { ok: true, csv: survivalCsv(r.data), check: r.check, notes: r.notes, noteDetails: r.noteDetails };
  } catch (error) {
    const { words, code } = reconstructionParts[part];
    const inner = failure(error);
    return { ok: false, message: `${words}: ${inner.message}`, ...(inner.detail ? { detail: { code, parts: { problem: inner.detail } } } : {}) };
  }
}

/** A fit that cannot go into a model: the English message, and why as data when the engine said (the screen words it). */
export type FitRefusal = { ok: false; message: string; problem?: FitIntoModelProblem };

export type FragmentOutcome = { ok: true; fragment: ModelFragment } | FitRefusal;

export function survivalFitFragment(fit: SurvivalFit, options: FitIntoModelOptions): FragmentOutcome {
  try {
    return { ok: true, fragment: fitModelFragment(fit, options) };
  } catch (error) {
    return refusal(error);
  }
}

/** A validation issue of the model with the fit: located, with the engine's code and values (the screen words it). */
export type FitModelIssue = ModelCheck['issues'][number];

export type ApplyFitOutcome =
  | { ok: true; model: HtaModelInput; changes: FitChange[]; warnings: FitModelIssue[] }
  | (FitRefusal & { problems: FitModelIssue[] });

/**
 * Writes the fit into a model document and validates the result (an invalid result is refused, with its problems).
 * Problems and warnings come back as the engine's issues, not as text, so the screen words them in its language.
 */
export function applySurvivalFit(modelJson: unknown, fit: SurvivalFit, options: FitIntoModelOptions): ApplyFitOutcome {
  try {
    const { model, changes } = writeFitIntoModel(modelJson as HtaModelInput, fit, options);
    const report = validateModel(model);
    const rows = report.issues.map(issueRow);
    if (!report.valid) return { ok: false, message: 'the model with this curve does not validate', problems: rows.filter((r) => r.severity === 'error') };
    return { ok: true, model, changes, warnings: rows.filter((r) => r.severity === 'warning') };
  } catch (error) {
    return { ...refusal(error), problems: [] };
  }
}

function refusal(error: unknown): FitRefusal {
  return { ok: false, message: messageOf(error), ...(error instanceof FitIntoModelError ? { problem: error.problem } : {}) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failure(error: unknown): FailedOutcome {
  const detail = error instanceof CsvError || error instanceof SurvivalDataError || error instanceof ReconstructionError || error instanceof SurvivalFitError ? error.detail : undefined;
  return { ok: false, message: messageOf(error), ...(detail ? { detail } : {}) };
}

export const survivalApi = { csvColumns, fitSurvival, reconstructSurvival, survivalFitFragment, applySurvivalFit };

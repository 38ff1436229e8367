// Checking a model document before it is shown or run: every located problem, the parsed model when usable and
// the one-way range of each parameter (the file's low/high, else the distribution's 2.5th/97.5th percentiles).
import type { ProblemDetail } from '../../shared/problem-detail';
import { formatPath } from '../errors';
import type { ModelIssue } from '../errors';
import type { HtaModel } from '../model/schema';
import { validateModel } from '../model/validate';
import { createDsaSetup } from '../sensitivity/dsa-setup';

export interface ParameterRange {
  id: string;
  low: number;
  high: number;
  source: 'file' | 'distribution';
}

export interface ModelCheck {
  valid: boolean;
  /** Every problem found, errors first, each located. */
  issues: { path: string; message: string; severity: 'error' | 'warning'; code?: string; params?: Record<string, string | number>; detail?: ProblemDetail }[];
  model: HtaModel | null;
  ranges: ParameterRange[];
}

/** An issue as screens show it: the path as text, the engine's code and values kept for their wording. */
export function issueRow(issue: ModelIssue): ModelCheck['issues'][number] {
  return { path: formatPath(issue.path), message: issue.message, severity: issue.severity, code: issue.code, ...(issue.params ? { params: issue.params } : {}), ...(issue.detail ? { detail: issue.detail } : {}) };
}

/** One-way ranges of a valid model; none when a distribution cannot be resolved (the PSA reports that). */
export function parameterRanges(model: HtaModel): ParameterRange[] {
  try {
    return createDsaSetup(model).varied.map((v) => ({ id: v.id, low: v.low, high: v.high, source: v.rangeSource }));
  } catch {
    return [];
  }
}

/** Validates a model document (parsed JSON): every located problem, and the parsed model when it is usable. */
export function checkModel(json: unknown): ModelCheck {
  const report = validateModel(json);
  const model = report.valid && report.model ? report.model : null;
  return { valid: report.valid, issues: report.issues.map(issueRow), model, ranges: model ? parameterRanges(model) : [] };
}

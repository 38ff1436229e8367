// Engine errors as located problems a screen, a report or the command line can list ("path: message").
import { ModelCompileError, ModelEvaluationError, evaluationParams, formatPath } from '../errors';

export interface AnalysisProblem {
  /** Where in the model file, e.g. `parameters[3].value`; empty when the problem has no place. */
  path: string;
  message: string;
  /** The engine's code and values (ModelIssue.code, .params) when the error carries them. */
  code?: string;
  params?: Record<string, string | number>;
}

/** A thrown error as located problems (never a crash in the caller). */
export function problemsOf(error: unknown): AnalysisProblem[] {
  if (error instanceof ModelCompileError) return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message, code: i.code, ...(i.params ? { params: i.params } : {}) }));
  if (error instanceof ModelEvaluationError) return [{ path: formatPath(error.details.path), message: error.message, code: error.details.code, params: evaluationParams(error.details) }];
  return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
}

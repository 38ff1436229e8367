// Which failures are the model file's (exit 1, printed as located messages) and which are the program's
// (internal errors: one sentence and where to report, the stack only with --debug). One list for every command.
import { ModelCompileError, ModelEvaluationError, formatIssue } from '../engine/errors';
import { IncrementalAnalysisError } from '../engine/economics/incremental';
import { PsaSummaryError } from '../engine/uncertainty/psa-summary';
import { EvppiError } from '../engine/uncertainty/evppi';
import { DistributionError } from '../engine/uncertainty/distributions';
import { CorrelationError } from '../engine/uncertainty/copula';
import { RandomSeedError } from '../engine/uncertainty/rng';
import { PsaDrawError } from '../engine/psa/psa-run';
import { DsaError } from '../engine/sensitivity/dsa-setup';
import { BudgetImpactError } from '../engine/budget/evaluate-budget-impact';
import { ExpressionSyntaxError } from '../engine/expression/parser';
import { ExpressionNameError } from '../engine/expression/compile';
import { NonFiniteResultError } from './finite-output';

/** Errors whose message describes a problem of the model file (or of the values it leads to). */
const MODEL_PROBLEMS: (abstract new (...args: never[]) => Error)[] = [
  ModelEvaluationError,
  IncrementalAnalysisError,
  PsaSummaryError,
  EvppiError,
  DistributionError,
  CorrelationError,
  RandomSeedError,
  PsaDrawError,
  DsaError,
  ExpressionSyntaxError,
  ExpressionNameError,
  NonFiniteResultError,
];

/** Lines to print for a problem of the model file, or null when `e` is not one (an internal error). */
export function modelProblemLines(file: string | undefined, e: unknown): string[] | null {
  const prefix = file === undefined ? '' : `${file}: `;
  if (e instanceof ModelCompileError || e instanceof BudgetImpactError) return [`${prefix}invalid model`, ...e.issues.map((i) => `  ${formatIssue(i)}`)];
  if (MODEL_PROBLEMS.some((kind) => e instanceof kind)) return [`${prefix}${(e as Error).message}`];
  return null;
}

/** One sentence for a failure of the program itself; the stack only when asked for. */
export function internalErrorText(e: unknown, debug: boolean): string {
  const what = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
  const sentence = `hta: internal error (${what}). This is a fault of HTA Workbench, not of your model: please report it to the HTA Workbench maintainers with the command, the model file and the output of the same command with --debug.`;
  return debug && e instanceof Error && e.stack ? `${sentence}\n${e.stack}` : sentence;
}

// Typed, located problems. A location is a path into the model file (e.g. strategies[1].transitions[3].probability)
// so the UI can point at the cell and the CLI can print it.

import type { ProblemDetail } from '../shared/problem-detail';

export type IssuePath = (string | number)[];

export interface ModelIssue {
  /** Stable machine-readable kind, e.g. "unknown-name", "not-a-probability", "row-sum". */
  code: string;
  severity: 'error' | 'warning';
  path: IssuePath;
  message: string;
  /** The values the message is built from, by name, so a screen or report can word it in another language. */
  params?: Record<string, string | number>;
  /** A problem with the model file itself (its schema), as data for the same purpose (src/report/file-problems.ts). */
  detail?: ProblemDetail;
}

/** A warning's stable code and the values its English text is built from (a screen or report words it anew). */
export interface WarningDetail {
  code: string;
  params: Record<string, string | number>;
}

/** The values of an evaluation failure as an issue's params (see describeProblem in src/report). */
export function evaluationParams(d: EvaluationErrorDetails): Record<string, string | number> {
  return {
    subject: d.subject,
    ...(d.subjectOf ? subjectParams(d.subjectOf) : {}),
    value: d.value,
    strategy: d.strategies && d.strategies.length > 1 ? d.strategies.join(', ') : d.strategy,
    cycle: d.cycle,
    ...(d.fromState !== undefined ? { from: d.fromState } : {}),
    ...(d.toState !== undefined ? { to: d.toState } : {}),
  };
}

/** Renders a path as `strategies[1].transitions[3].probability` (keys that are not identifiers are quoted). */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(model)' : out;
}

/** An expression in quotes for a message, shortened past 80 characters (expressions may be 10,000 long). */
export function quoteExpression(source: string | number): string {
  const text = String(source);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);
}

export function formatIssue(issue: ModelIssue): string {
  return `${formatPath(issue.path)}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}

function issueKey(i: ModelIssue): string {
  return `${i.code}|${JSON.stringify(i.path)}|${i.message}`;
}

/** Keys of the issues of a list seen so far, kept between calls (compilers append once per strategy). */
const seenKeys = new WeakMap<ModelIssue[], { keys: Set<string>; counted: number }>();

/** Appends the issues not already in `issues` (same code, path and message); linear in the issues added. */
export function pushUniqueIssues(issues: ModelIssue[], more: readonly ModelIssue[]): void {
  let cache = seenKeys.get(issues);
  if (!cache || cache.counted > issues.length) seenKeys.set(issues, (cache = { keys: new Set(), counted: 0 }));
  for (; cache.counted < issues.length; cache.counted++) cache.keys.add(issueKey(issues[cache.counted]!));
  const seen = cache.keys;
  for (const i of more) {
    const key = issueKey(i);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(i);
    cache.counted++;
  }
}

/** Thrown by compileModel when the model cannot be compiled; carries every problem found. */
export class ModelCompileError extends Error {
  constructor(readonly issues: ModelIssue[]) {
    super(`model cannot be compiled:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ModelCompileError';
  }
}

export type EvaluationErrorCode = 'not-a-probability' | 'row-sum' | 'not-a-number' | 'initial-sum';

export interface EvaluationErrorDetails {
  code: EvaluationErrorCode;
  strategy: string;
  /** Model cycle (1-based); 0 for the initial distribution. */
  cycle: number;
  fromState?: string;
  toState?: string;
  /** For tunnel states: time in state (1-based). */
  stateTime?: number;
  /** What was being evaluated, e.g. "transition A → B" or "cost drug in state A". */
  subject: string;
  /** The subject as data, when a screen can word it in its language (a parameter, a probability's expression, a state's initial share). */
  subjectOf?: EvaluationSubject;
  value: number;
  /** Parameter values involved (read by the failing expression, directly or through other parameters). */
  parameters: Record<string, number>;
  /** Location in the model file of the expression that failed (for a row sum: its first entry). */
  path: IssuePath;
  /** Row sums: every entry of the row in the file (paths of the transitions). */
  rowEntries?: IssuePath[];
  /** Set when the same failure happens in several strategies (validation reports it once): all of them. */
  strategies?: string[];
}

/**
 * What an evaluation failure is about, by kind, with the names it is worded from: `name` is the parameter, the
 * expression, the state, the curve, the cost category (one-off costs), the chance node's label or the strategy.
 */
export type EvaluationSubject =
  | { code: 'parameter' | 'probability' | 'expression' | 'time' | 'initial-share' | 'state-utility' | 'transitions-from' | 'one-off-cost' | 'chance-branches' | 'strategy-total-cost' | 'strategy-total-effect'; name: string }
  | { code: 'state-cost'; name: string; category: string }
  | CurveSubject
  | { code: 'survival-at'; years: number }
  | { code: 'distribution-draw'; name: string; distribution: string }
  | { code: 'one-off-qalys' | 'background-mortality' | 'waiting-utility' | 'waiting-mortality' };

/** Why a curve's parameters are unusable, by code (src/engine/psm/survival.ts words it in English). */
export type CurveProblem = 'not-finite' | 'rate-negative' | 'shape-scale' | 'sdlog' | 'sigma' | 'hazard-ratio' | 'cut-points';

/** A curve whose parameters are unusable: why, and its family when parametric. */
export interface CurveSubject {
  code: 'curve';
  name: string;
  problem: CurveProblem;
  family?: string;
}

/** Subjects whose `name` is an expression: quoted (and shortened) as the English message quotes it. */
const expressionSubjects: ReadonlySet<EvaluationSubject['code']> = new Set(['probability', 'expression', 'time']);

/** The subject as params: `subjectCode`, and `subjectName`, `subjectCategory`… for its names (describeProblem words them). */
function subjectParams(subject: EvaluationSubject): Record<string, string | number> {
  const params: Record<string, string | number> = { subjectCode: subject.code };
  for (const [key, value] of Object.entries(subject)) {
    if (key === 'code') continue;
    params[`subject${key[0]!.toUpperCase()}${key.slice(1)}`] = key === 'name' && expressionSubjects.has(subject.code) ? quoteExpression(value as string) : (value as string | number);
  }
  return params;
}

/** The subject in the English of the engine's messages (the command line's words). */
export function subjectText(subject: EvaluationSubject): string {
  switch (subject.code) {
    case 'parameter': return `parameter ${subject.name}`;
    case 'probability': return `probability ${quoteExpression(subject.name)}`;
    case 'expression': return quoteExpression(subject.name);
    case 'time': return `time ${quoteExpression(subject.name)} (must be a number >= 0)`;
    case 'initial-share': return `initial share of ${subject.name}`;
    case 'state-cost': return `cost ${subject.category} in state ${subject.name}`;
    case 'state-utility': return `utility in state ${subject.name}`;
    case 'transitions-from': return `transitions from ${subject.name}`;
    case 'curve': return `curve ${subject.name}`;
    case 'survival-at': return `survival at ${subject.years} years`;
    case 'one-off-cost': return `one-off cost ${subject.name}`;
    case 'one-off-qalys': return 'one-off QALYs';
    case 'chance-branches': return `branches of chance node '${subject.name}'`;
    case 'background-mortality': return 'background mortality rate';
    case 'waiting-utility': return 'waiting utility';
    case 'waiting-mortality': return 'waiting mortality rate (must be >= 0)';
    case 'distribution-draw': return `the ${subject.distribution} distribution of parameter ${subject.name}`;
    case 'strategy-total-cost': return `the total cost of strategy ${subject.name}`;
    case 'strategy-total-effect': return `the total effect of strategy ${subject.name}`;
  }
}

/** The subject of a probability out of range: the parameter it names alone, or its expression. */
export function probabilitySubject(bareParameter: string | undefined, source: string | number): EvaluationSubject {
  return bareParameter ? { code: 'parameter', name: bareParameter } : { code: 'probability', name: String(source) };
}

/** Thrown by evaluate(): a run-time check failed (row sum, probability range, NaN). */
export class ModelEvaluationError extends Error {
  constructor(readonly details: EvaluationErrorDetails) {
    super(describeEvaluationError(details));
    this.name = 'ModelEvaluationError';
  }
}

/** The message of an evaluation failure: what failed, where (transition, strategy, cycle) and the values involved. */
export function describeEvaluationError(d: EvaluationErrorDetails): string {
  const params = Object.entries(d.parameters)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  const move = d.fromState !== undefined && d.toState !== undefined ? `transition ${d.fromState} → ${d.toState}, ` : '';
  const strategies = d.strategies && d.strategies.length > 1 ? `strategies ${d.strategies.join(', ')}` : `strategy ${d.strategy}`;
  const where = `${move}${strategies}, cycle ${d.cycle}${d.stateTime !== undefined ? `, time in state ${d.stateTime}` : ''}`;
  const what =
    d.code === 'row-sum'
      ? `transition probabilities from ${d.fromState} sum to ${d.value}, not 1`
      : d.code === 'not-a-probability'
        ? `${d.subject} = ${d.value} is not a probability`
        : d.code === 'initial-sum'
          ? `initial state shares sum to ${d.value}, not 1`
          : `${d.subject} is not a number (${d.value})`;
  const row = d.rowEntries && d.rowEntries.length > 0 ? `; the row: ${d.rowEntries.map(formatPath).join(', ')}` : '';
  return `${what} (${where})${params ? `; parameters: ${params}` : ''}${row}`;
}

// What the engine worker does for the Models and Results screens (and, from survival-api.ts, the Survival screen): validate a file, run the base case with the
// user's parameter edits, the one-way (tornado) analysis, the budget impact analysis and the summaries of a PSA
// run; and for the dossier's Test accuracy section, the meta-analysis of 2×2 tables. Plain functions over the pure engine, so they run in the worker (engine.worker.ts) and in vitest alike.
import { compileModel } from '../../engine/compile-model';
import { ModelCompileError, ModelEvaluationError, formatPath } from '../../engine/errors';
import type { ModelIssue } from '../../engine/errors';
import { calculateIcers } from '../../engine/economics/incremental';
import type { IncrementalRow } from '../../engine/economics/incremental';
import { validateModel } from '../../engine/model/validate';
import { strategyDetails } from '../../engine/tree/strategy-details';
import type { StrategyDetails } from '../../engine/tree/strategy-details';
import type { HtaModel } from '../../engine/model/schema';
import { createDsaSetup } from '../../engine/sensitivity/dsa-setup';
import { oneWay } from '../../engine/sensitivity/one-way';
import type { OneWayResult } from '../../engine/sensitivity/one-way';
import { runBudgetImpact } from '../../engine/budget/run-budget-impact';
import type { BudgetImpactReport } from '../../engine/budget/run-budget-impact';
import { analysePsa } from '../../engine/psa/psa-analysis';
import type { PsaResults } from '../../engine/uncertainty/psa-summary';
import { AccuracyAnalysisError, metaAnalyseAccuracy } from '../../engine/accuracy/meta-analysis';
import type { AccuracyMetaAnalysis, AccuracyOptions } from '../../engine/accuracy/meta-analysis';
import type { AccuracyStudy } from '../../engine/accuracy/two-by-two';
import { applyParameterEdits } from '../models/parameter-edits';
import type { ParameterEdits } from '../models/parameter-edits';
import { shapePsaView } from '../results/psa-view';
import type { PsaView } from '../results/psa-view';
import { survivalApi } from './survival-api';


export interface ParameterRange {
  id: string;
  low: number;
  high: number;
  source: 'file' | 'distribution';
}

export interface ModelCheck {
  valid: boolean;
  /** Every problem found, errors first, each located. */
  issues: { path: string; message: string; severity: 'error' | 'warning' }[];
  model: HtaModel | null;
  /** One-way ranges (the file's low/high, else the distribution's 2.5th/97.5th percentiles). */
  ranges: ParameterRange[];
}

export interface StrategyBaseCase {
  id: string;
  label: string;
  cost: number;
  qalys: number;
  lifeYears: number;
  effect: number;
  costUndiscounted: number;
  qalysUndiscounted: number;
  lifeYearsUndiscounted: number;
  /** (cycles + 1) x states shares of the cohort, row-major. */
  trace: Float64Array;
  /** Discounted cost per category (order of BaseCaseOutcome.categoryIds). */
  costByCategory: number[];
  /** Trees and partitioned survival: outcome counts, time to treatment, mean survival, warnings. */
  details: StrategyDetails | null;
}

export type BaseCaseOutcome =
  | {
      ok: true;
      effect: 'qalys' | 'life-years';
      strategies: StrategyBaseCase[];
      incremental: IncrementalRow[];
      stateIds: string[];
      categoryIds: string[];
      cycles: number;
      cycleLength: number;
      /** Base-case value of every parameter (expression parameters evaluated at cycle 1). */
      parameterValues: Record<string, number>;
    }
  | { ok: false; problems: { path: string; message: string }[] };

function issueRow(issue: ModelIssue): ModelCheck['issues'][number] {
  return { path: formatPath(issue.path), message: issue.message, severity: issue.severity };
}

function rangesOf(model: HtaModel): ParameterRange[] {
  try {
    return createDsaSetup(model).varied.map((v) => ({ id: v.id, low: v.low, high: v.high, source: v.rangeSource }));
  } catch {
    return [];
  }
}

/** Validates a model file (parsed JSON): every located problem, and the parsed model when it is usable. */
export function checkModel(json: unknown): ModelCheck {
  const report = validateModel(json);
  const model = report.valid && report.model ? report.model : null;
  return { valid: report.valid, issues: report.issues.map(issueRow), model, ranges: model ? rangesOf(model) : [] };
}

/** A thrown engine error as located problems for the UI. */
export function problemsOf(error: unknown): { path: string; message: string }[] {
  if (error instanceof ModelCompileError) return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  if (error instanceof ModelEvaluationError) return [{ path: formatPath(error.details.path), message: error.message }];
  return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
}

export function runBaseCase(model: HtaModel, edits: ParameterEdits = {}): BaseCaseOutcome {
  try {
    const compiled = compileModel(applyParameterEdits(model, edits));
    const params = compiled.baseParameters();
    const result = compiled.evaluate(params);
    const strategies = result.strategies.map((s) => ({
      id: s.id,
      label: s.label,
      cost: s.totals.cost,
      qalys: s.totals.qalys,
      lifeYears: s.totals.lifeYears,
      effect: s.totals.effect,
      costUndiscounted: s.totals.costUndiscounted,
      qalysUndiscounted: s.totals.qalysUndiscounted,
      lifeYearsUndiscounted: s.totals.lifeYearsUndiscounted,
      trace: Float64Array.from(s.trace),
      costByCategory: Array.from(s.costByCategory),
      details: strategyDetails(s) ?? null,
    }));
    return {
      ok: true,
      effect: compiled.effect,
      strategies,
      incremental: calculateIcers(strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect }))),
      stateIds: [...compiled.stateIds],
      categoryIds: [...compiled.categoryIds],
      cycles: compiled.cycles,
      cycleLength: compiled.cycleLength,
      parameterValues: Object.fromEntries(compiled.parameterIds.map((id, i) => [id, params[i]!])),
    };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

export interface TornadoRequest {
  wtp: number;
  comparator: string;
  strategy: string;
}

export type TornadoOutcome = { ok: true; result: OneWayResult } | { ok: false; problems: { path: string; message: string }[] };

export function runTornado(model: HtaModel, edits: ParameterEdits, request: TornadoRequest): TornadoOutcome {
  try {
    const result = oneWay(createDsaSetup(applyParameterEdits(model, edits)), request);
    // Per-step strategy arrays are not shown; leave them out of the message.
    for (const row of result.rows) {
      if (row.atLow) row.atLow = { ...row.atLow, strategies: [] };
      if (row.atHigh) row.atHigh = { ...row.atHigh, strategies: [] };
    }
    return { ok: true, result };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

export type BudgetOutcome = { ok: true; report: BudgetImpactReport } | { ok: false; problems: { path: string; message: string }[] };

export function runBudget(model: HtaModel, edits: ParameterEdits): BudgetOutcome {
  try {
    const { report, issues } = runBudgetImpact(applyParameterEdits(model, edits));
    if (report) return { ok: true, report };
    return { ok: false, problems: issues.filter((i) => i.severity === 'error').map((i) => ({ path: formatPath(i.path), message: i.message })) };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

export interface PsaViewRequest {
  /** Thresholds for CEAC, CEAF and EVPI (ascending). */
  wtpGrid: number[];
  comparator: string;
  /** At most this many draws are plotted on the CE plane. */
  maxPoints: number;
}

/** Summaries and chart data of a finished PSA (means with 95% intervals, CE plane sample, CEAC, CEAF, EVPI). */
export function summarisePsa(run: PsaResults & { strategyLabels: readonly string[]; seed: number }, request: PsaViewRequest): PsaView {
  const analysis = analysePsa({ ...run, parameterDraws: { names: [], values: new Float64Array(0) } }, {
    wtp: request.wtpGrid,
    comparator: request.comparator,
  });
  return shapePsaView(run, analysis, request.maxPoints);
}

export type AccuracyOutcome = { ok: true; result: AccuracyMetaAnalysis; milliseconds: number } | { ok: false; message: string };

/** Meta-analysis of 2×2 tables (bivariate model, or the univariate fallback), timed in the worker. */
export function analyseAccuracy(studies: AccuracyStudy[], options: AccuracyOptions): AccuracyOutcome {
  const start = performance.now();
  try {
    const result = metaAnalyseAccuracy(studies, options);
    return { ok: true, result, milliseconds: performance.now() - start };
  } catch (error) {
    if (error instanceof AccuracyAnalysisError) return { ok: false, message: error.message };
    throw error;
  }
}

export const engineApi = { checkModel, runBaseCase, runTornado, runBudget, summarisePsa, analyseAccuracy, ...survivalApi };
export type EngineApi = typeof engineApi;

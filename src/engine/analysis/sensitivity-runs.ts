// The deterministic analyses beyond the tornado, for a screen: two-way grid, threshold (with the incremental NMB
// curve behind it), named scenarios, and EVPPI from a stored PSA. Each returns the engine's result, or located
// problems instead of a throw, so a screen lists what went wrong and a stored run holds what the report reads.
import type { HtaModel } from '../model/schema';
import { createDsaSetup } from '../sensitivity/dsa-setup';
import { thresholdAnalysis, thresholdCurve } from '../sensitivity/threshold';
import type { ThresholdCurve, ThresholdResult } from '../sensitivity/threshold';
import { twoWay } from '../sensitivity/two-way';
import type { TwoWayResult } from '../sensitivity/two-way';
import { applyScenario, compareScenarios } from '../sensitivity/scenarios';
import { runBudgetImpact } from '../budget/run-budget-impact';
import type { ScenarioResult } from '../sensitivity/scenarios';
import { evppiByRegression } from '../uncertainty/evppi';
import type { EvppiResult } from '../uncertainty/evppi';
import type { PsaRunResults } from './run-payloads';
import { problemsOf } from './problems';
import type { AnalysisProblem } from './problems';

export type Outcome<T> = { ok: true; result: T } | { ok: false; problems: AnalysisProblem[] };

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    return { ok: false, problems: problemsOf(error) };
  }
}

export interface RangeRequest {
  parameter: string;
  low: number;
  high: number;
}

export interface TwoWayRequest {
  wtp: number;
  x: RangeRequest & { steps: number };
  y: RangeRequest & { steps: number };
}

export function runTwoWay(model: HtaModel, request: TwoWayRequest): Outcome<TwoWayResult> {
  return attempt(() => twoWay(createDsaSetup(model), request));
}

export interface ThresholdRequest extends RangeRequest {
  wtp: number;
  /** Comparator of the incremental NMB curve. */
  comparator: string;
}

/** A threshold result as stored: the engine's threshold values and the curve drawn with them. */
export type ThresholdRunResult = ThresholdResult & { curve: ThresholdCurve };

export function runThreshold(model: HtaModel, request: ThresholdRequest): Outcome<ThresholdRunResult> {
  return attempt(() => {
    const setup = createDsaSetup(model);
    const result = thresholdAnalysis(setup, { parameter: request.parameter, wtp: request.wtp, low: request.low, high: request.high });
    const curve = thresholdCurve(setup, { parameter: request.parameter, wtp: request.wtp, comparator: request.comparator, low: request.low, high: request.high });
    return { ...result, curve };
  });
}

/** A scenario's budget impact: impact per year and cumulated (null when the model has no budget impact section). */
export interface ScenarioBudget {
  years: { year: number; calendarYear: number | null; current: number; new: number; impact: number }[];
  cumulative: { current: number; new: number; impact: number };
  /** Why it could not be computed under this scenario (the scenario's values break the budget impact). */
  problem: string | null;
}

/** A scenario result as the Scenarios screen stores it: the engine's comparison plus the budget impact under it. */
export type ScenarioRunResult = ScenarioResult & { budgetImpact?: ScenarioBudget | null };

function scenarioBudget(model: HtaModel, id: string): ScenarioBudget | null {
  if (!model.budgetImpact) return null;
  const { report, issues } = runBudgetImpact(applyScenario(model, id));
  if (!report) return { years: [], cumulative: { current: 0, new: 0, impact: 0 }, problem: issues.filter((i) => i.severity === 'error').map((i) => i.message).join('; ') || 'the budget impact could not be computed' };
  return {
    years: report.years.map((y) => ({ year: y.year, calendarYear: y.calendarYear, current: y.current, new: y.new, impact: y.impact })),
    cumulative: { current: report.cumulative.current, new: report.cumulative.new, impact: report.cumulative.impact },
    problem: null,
  };
}

/** The base case and the named scenarios side by side; with `budget`, each scenario's budget impact too. */
export function runScenarios(model: HtaModel, request: { wtp: number[]; scenarios?: string[]; budget?: boolean }): Outcome<ScenarioRunResult[]> {
  return attempt(() => {
    const results: ScenarioRunResult[] = compareScenarios(model, { wtp: request.wtp, scenarios: request.scenarios });
    return request.budget ? results.map((r) => ({ ...r, budgetImpact: scenarioBudget(model, r.id) })) : results;
  });
}

export interface EvppiRequest {
  groups: string[][];
  wtp: number;
  seDraws: number;
  seed: number;
}

/** EVPPI of each group at one threshold from a stored PSA's draws (Strong et al. 2014 regression). */
export function runEvppi(psa: PsaRunResults, request: EvppiRequest): Outcome<EvppiResult[]> {
  return attempt(() =>
    evppiByRegression(psa, { names: psa.parameterNames, values: psa.parameterValues }, request.groups, request.wtp, { seDraws: request.seDraws, seed: request.seed }),
  );
}

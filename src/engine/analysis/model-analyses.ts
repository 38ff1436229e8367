// Every analysis a report shows for one model, and the one function that runs those still missing: base case,
// one-way (tornado), threshold values, two-way grid, scenarios, PSA, EVPPI and budget impact. Results already
// stored elsewhere (a workspace's runs) are passed in and kept; only the rest is computed, with the given seed.
// An analysis that cannot run becomes a problem in words (the report says why it is missing), never a crash.
import { ModelCompileError, ModelEvaluationError, evaluationParams, formatIssue, formatPath } from '../errors';
import type { HtaModel } from '../model/schema';
import { runBudgetImpact } from '../budget/run-budget-impact';
import type { BudgetImpactReport } from '../budget/run-budget-impact';
import { createDsaSetup } from '../sensitivity/dsa-setup';
import type { DsaSetup } from '../sensitivity/dsa-setup';
import { oneWay } from '../sensitivity/one-way';
import type { OneWayResult } from '../sensitivity/one-way';
import { thresholdAnalysis } from '../sensitivity/threshold';
import type { ThresholdResult } from '../sensitivity/threshold';
import { twoWay } from '../sensitivity/two-way';
import type { TwoWayResult } from '../sensitivity/two-way';
import { compareScenarios } from '../sensitivity/scenarios';
import type { ScenarioResult } from '../sensitivity/scenarios';
import { createPsaSetup } from '../psa/psa-setup';
import { sampledParameters } from '../uncertainty/sampled-parameters';
import { runPsa } from '../psa/psa-run';
import type { PsaRun } from '../psa/psa-run';
import { defaultEvppiGroups } from '../psa/psa-analysis';
import { evppiByRegression } from '../uncertainty/evppi';
import type { EvppiResult } from '../uncertainty/evppi';
import { baseCase } from './base-case';
import type { BaseCaseResult } from './base-case';

/** The analyses, named as stored runs name them (dossier/workspace-models runKinds). */
export const analysisKinds = ['base-case', 'one-way', 'threshold', 'two-way', 'scenarios', 'psa', 'evppi', 'budget-impact'] as const;
export type AnalysisKind = (typeof analysisKinds)[number];

export interface ModelAnalyses {
  'base-case': BaseCaseResult | null;
  'one-way': OneWayResult | null;
  threshold: ThresholdResult[] | null;
  'two-way': TwoWayResult | null;
  scenarios: ScenarioResult[] | null;
  psa: PsaRun | null;
  evppi: EvppiResult[] | null;
  'budget-impact': BudgetImpactReport | null;
}

export interface AnalysisSettings {
  /** Seed of the PSA streams (and of the EVPPI standard error). */
  seed: number;
  /** PSA draws. */
  iterations: number;
  /** Thresholds of the decision (default: the model's settings.wtp); the first drives one-way, threshold and two-way. */
  wtp?: readonly number[];
  /** Analyses to leave out (e.g. a quick preview without PSA). */
  skip?: readonly AnalysisKind[];
  /** Grid steps per axis of the two-way analysis (default 11). */
  twoWaySteps?: number;
  /** Posterior draws for the EVPPI standard error (default 0: none). */
  evppiSeDraws?: number;
}

/** What was computed here (as opposed to taken from stored results). */
export interface ComputedAnalysis {
  kind: AnalysisKind;
  durationMs: number;
  seed?: number;
  iterations?: number;
}

/** An analysis that could not be produced, and why. */
export interface AnalysisProblem {
  kind: AnalysisKind;
  message: string;
  /** The engine's code and values when the failure carries them (a single issue or an evaluation error). */
  code?: string;
  params?: Record<string, string | number>;
}

export interface CompletedAnalyses {
  analyses: ModelAnalyses;
  computed: ComputedAnalysis[];
  problems: AnalysisProblem[];
  /** The comparison the one-way, threshold and two-way analyses use. */
  decision: { wtp: number; comparator: string; strategy: string } | null;
}

export function emptyAnalyses(): ModelAnalyses {
  return { 'base-case': null, 'one-way': null, threshold: null, 'two-way': null, scenarios: null, psa: null, evppi: null, 'budget-impact': null };
}

function messageOf(error: unknown): string {
  if (error instanceof ModelCompileError) return error.issues.map(formatIssue).join('; ');
  if (error instanceof ModelEvaluationError) return `${formatPath(error.details.path)}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The code and values of a failure with exactly one cause, for a translated message. */
function codeOf(error: unknown): { code?: string; params?: Record<string, string | number> } {
  const issue = error instanceof ModelCompileError && error.issues.length === 1 ? error.issues[0]! : null;
  if (issue?.params) return { code: issue.code, params: { ...issue.params, location: formatPath(issue.path) } };
  if (error instanceof ModelEvaluationError) return { code: error.details.code, params: { ...evaluationParams(error.details), location: formatPath(error.details.path) } };
  return {};
}

const now = (): number => Date.now();

/**
 * The comparison of the deterministic analyses: the first two strategies of the cost-effectiveness frontier (the
 * reference and the next non-dominated one), at the first threshold.
 */
export function decisionOf(base: BaseCaseResult, wtp: readonly number[]): CompletedAnalyses['decision'] {
  const frontier = base.incremental.filter((r) => r.status === 'reference' || r.status === 'nondominated');
  const comparator = frontier[0]?.id ?? base.strategies[0]?.id;
  const strategy = frontier[1]?.id ?? base.strategies.find((s) => s.id !== comparator)?.id;
  if (comparator === undefined || strategy === undefined || wtp.length === 0) return null;
  return { wtp: wtp[0]!, comparator, strategy };
}

/** Runs the analyses missing from `have` for `model`; keeps what `have` holds. */
export function completeAnalyses(model: HtaModel, have: Partial<ModelAnalyses>, settings: AnalysisSettings): CompletedAnalyses {
  const analyses: ModelAnalyses = { ...emptyAnalyses(), ...have };
  const computed: ComputedAnalysis[] = [];
  const problems: AnalysisProblem[] = [];
  const skip = new Set(settings.skip ?? []);
  const wtp = settings.wtp ?? model.settings.wtp;

  const attempt = <K extends AnalysisKind>(kind: K, run: () => ModelAnalyses[K], extra: Partial<ComputedAnalysis> = {}): void => {
    if (analyses[kind] !== null || skip.has(kind)) return;
    const t0 = now();
    try {
      analyses[kind] = run();
      computed.push({ kind, durationMs: now() - t0, ...extra });
    } catch (error) {
      problems.push({ kind, message: messageOf(error), ...codeOf(error) });
    }
  };

  attempt('base-case', () => baseCase(model));
  const base = analyses['base-case'];
  if (base === null) return { analyses, computed, problems, decision: null };

  if (model.budgetImpact) {
    attempt('budget-impact', () => {
      const { report, issues } = runBudgetImpact(model);
      if (!report) throw new Error(issues.filter((i) => i.severity === 'error').map(formatIssue).join('; '));
      return report;
    });
  }

  const decision = decisionOf(base, wtp);
  if (decision === null && base.strategies.length > 1 && wtp.length === 0) {
    problems.push({ kind: 'one-way', message: 'the model gives no willingness-to-pay threshold (settings.wtp), so no net benefit can be compared' });
  }
  let setup: DsaSetup | null = null;
  const dsa = (): DsaSetup => (setup ??= createDsaSetup(model));
  if (decision !== null) {
    attempt('one-way', () => oneWay(dsa(), decision));
    const tornado = analyses['one-way'];
    if (tornado !== null) {
      // Threshold values of every parameter whose range changes the decision.
      attempt('threshold', () => tornado.rows.filter((r) => r.decisionChanges).map((r) => thresholdAnalysis(dsa(), { parameter: r.parameter, wtp: decision.wtp })));
      const top = tornado.rows.filter((r) => r.swing !== null && r.swing > 0).slice(0, 2);
      if (top.length === 2) {
        const steps = settings.twoWaySteps ?? 11;
        attempt('two-way', () => twoWay(dsa(), { wtp: decision.wtp, x: { parameter: top[0]!.parameter, steps }, y: { parameter: top[1]!.parameter, steps } }));
      }
    }
  }

  if (model.scenarios.length > 0) attempt('scenarios', () => compareScenarios(model, { wtp }));

  if (sampledParameters(model).length > 0) {
    attempt('psa', () => runPsa(createPsaSetup(model, settings.seed), { iterations: settings.iterations }), { seed: settings.seed, iterations: settings.iterations });
    const psa = analyses.psa;
    if (psa !== null && psa.strategyIds.length > 1 && wtp.length > 0 && psa.parameterDraws.names.length > 0) {
      const groups = defaultEvppiGroups(sampledParameters(model), model.correlations).filter((g) => g.every((name) => psa.parameterDraws.names.includes(name)));
      attempt('evppi', () => wtp.flatMap((w) => evppiByRegression(psa, psa.parameterDraws, groups, w, { seDraws: settings.evppiSeDraws ?? 0, seed: settings.seed })));
    }
  }
  return { analyses, computed, problems, decision };
}

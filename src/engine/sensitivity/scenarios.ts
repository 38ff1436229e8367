// Named scenarios: a scenario overrides parameters (a new value or expression) and settings (horizon, discount
// rates, ...); applying it gives a new model, compiled afresh because settings are compile-time. A parameter given
// a new value or expression by a scenario loses its file uncertainty (range and distribution) under that
// scenario, unless the scenario gives a new one (`uncertainty`). A scenario's `discount` replaces the whole
// discount setting. Scenarios are compared side by side, deterministically and, optionally, probabilistically.
import { mergeDiscount } from '../economics/conventions';
import { compileModel } from '../compile-model';
import type { HtaModel, Parameter } from '../model/schema';
import { calculateIcers } from '../economics/incremental';
import type { IncrementalRow } from '../economics/incremental';
import { netBenefitSummary } from '../uncertainty/psa-summary';
import type { NetBenefitSummaryAtWtp } from '../uncertainty/psa-summary';
import { createPsaSetup } from '../psa/psa-setup';
import { runPsa } from '../psa/psa-run';
import type { PsaRun } from '../psa/psa-run';
import { DsaError } from './dsa-setup';
import { ownValue } from '../own-key';

export const BASE_SCENARIO_ID = 'base';

type Scenario = HtaModel['scenarios'][number];

function findScenario(model: HtaModel, id: string): { scenario: Scenario; index: number } {
  const index = model.scenarios.findIndex((s) => s.id === id);
  if (index < 0) {
    const known = model.scenarios.map((s) => s.id);
    throw new DsaError(`unknown scenario "${id}"${known.length ? ` (scenarios: ${known.join(', ')})` : ' (the model has no scenarios)'}`);
  }
  return { scenario: model.scenarios[index]!, index };
}

function overriddenParameter(p: Parameter, value: number | string, uncertainty: Parameter['uncertainty'] | undefined): Parameter {
  const { value: _v, expression: _e, uncertainty: _u, ...rest } = p;
  void _v;
  void _e;
  void _u;
  const next: Parameter = typeof value === 'number' ? { ...rest, value } : { ...rest, expression: value };
  if (uncertainty !== undefined) next.uncertainty = uncertainty;
  return next;
}

/** The model as the scenario defines it (no scenarios of its own); throws DsaError with the scenario's path. */
export function applyScenario(model: HtaModel, scenarioId: string): HtaModel {
  if (scenarioId === BASE_SCENARIO_ID && !model.scenarios.some((s) => s.id === BASE_SCENARIO_ID)) return model;
  const { scenario, index } = findScenario(model, scenarioId);
  const known = new Set(model.parameters.map((p) => p.id));
  const overrides = scenario.parameters ?? {};
  for (const id of [...Object.keys(overrides), ...Object.keys(scenario.uncertainty ?? {})]) {
    if (!known.has(id)) throw new DsaError(`scenarios[${index}] ("${scenario.id}"): unknown parameter "${id}"`);
  }
  const parameters = model.parameters.map((p) => {
    const override = ownValue(overrides, p.id);
    const uncertainty = ownValue(scenario.uncertainty, p.id);
    if (override !== undefined) return overriddenParameter(p, override, uncertainty);
    return uncertainty !== undefined ? { ...p, uncertainty } : p;
  });
  const given = scenario.settings ?? {};
  const settings = { ...model.settings, ...given, discount: mergeDiscount(model.settings.discount, given.discount) };
  // A scenario horizon replaces the base number of cycles and vice versa.
  if (given.horizon !== undefined && given.cycles === undefined) delete settings.cycles;
  if (given.cycles !== undefined && given.horizon === undefined) delete settings.horizon;
  return { ...model, settings, parameters, scenarios: [] };
}

export interface ScenarioStrategyResult {
  id: string;
  label: string;
  cost: number;
  effect: number;
}

export interface ScenarioProbabilistic {
  iterations: number;
  seed: number;
  mean: { id: string; cost: number; effect: number }[];
  /** CEAC, expected NB and EVPI at each threshold. */
  byWtp: NetBenefitSummaryAtWtp[];
}

export interface ScenarioResult {
  id: string;
  label: string;
  perspective: string | null;
  description: string | null;
  /** Settings that differ from the base case. */
  settingsChanged: string[];
  parametersChanged: string[];
  strategies: ScenarioStrategyResult[];
  incremental: IncrementalRow[];
  /** Optimal strategy (highest NMB) at each threshold. */
  optimal: { wtp: number; id: string; nmb: Record<string, number> }[];
  probabilistic: ScenarioProbabilistic | null;
}

export interface ScenarioComparisonOptions {
  wtp: readonly number[];
  /** Run a PSA per scenario with this many draws (same seed in each: common random numbers). */
  psa?: { iterations: number; seed: number };
  /** Scenario ids to run (default: all); the base case always comes first. */
  scenarios?: readonly string[];
}

function deterministicRows(model: HtaModel): ScenarioStrategyResult[] {
  const compiled = compileModel(model);
  return compiled.evaluate(compiled.baseParameters()).strategies.map((s) => ({ id: s.id, label: s.label, cost: s.totals.cost, effect: s.totals.effect }));
}

/** A scenario's PSA summarised: mean cost and effect per strategy, and CEAC / expected NB / EVPI at each threshold. */
export function summariseScenarioPsa(run: Pick<PsaRun, 'strategyIds' | 'draws' | 'costs' | 'effects'>, wtp: readonly number[], psa: { iterations: number; seed: number }): ScenarioProbabilistic {
  const n = run.draws;
  const s = run.strategyIds.length;
  const mean = run.strategyIds.map((id, j) => {
    let c = 0;
    let e = 0;
    for (let i = 0; i < n; i++) {
      c += run.costs[i * s + j]!;
      e += run.effects[i * s + j]!;
    }
    return { id, cost: c / n, effect: e / n };
  });
  return { iterations: psa.iterations, seed: psa.seed, mean, byWtp: wtp.length ? netBenefitSummary(run, wtp).byWtp : [] };
}

function probabilistic(model: HtaModel, wtp: readonly number[], psa: { iterations: number; seed: number }): ScenarioProbabilistic {
  return summariseScenarioPsa(runPsa(createPsaSetup(model, psa.seed), { iterations: psa.iterations }), wtp, psa);
}

function scenarioResult(base: HtaModel, id: string, options: ScenarioComparisonOptions): ScenarioResult {
  const model = applyScenario(base, id);
  const scenario = base.scenarios.find((s) => s.id === id);
  const strategies = deterministicRows(model);
  return {
    id,
    label: scenario?.label ?? (id === BASE_SCENARIO_ID ? 'Base case' : id),
    perspective: scenario?.perspective ?? null,
    description: scenario?.description ?? null,
    settingsChanged: Object.keys(scenario?.settings ?? {}),
    parametersChanged: [...new Set([...Object.keys(scenario?.parameters ?? {}), ...Object.keys(scenario?.uncertainty ?? {})])],
    strategies,
    incremental: calculateIcers(strategies),
    optimal: options.wtp.map((wtp) => {
      const nmbOf = (s: ScenarioStrategyResult): number => wtp * s.effect - s.cost;
      let best = strategies[0]!;
      for (const s of strategies) if (nmbOf(s) > nmbOf(best)) best = s;
      return { wtp, id: best.id, nmb: Object.fromEntries(strategies.map((s) => [s.id, nmbOf(s)])) };
    }),
    probabilistic: options.psa ? probabilistic(model, options.wtp, options.psa) : null,
  };
}

/** Base case first, then each scenario, each compiled and run on its own. */
export function compareScenarios(model: HtaModel, options: ScenarioComparisonOptions): ScenarioResult[] {
  const ids = options.scenarios ?? model.scenarios.map((s) => s.id);
  for (const id of ids) findScenario(model, id);
  return [BASE_SCENARIO_ID, ...ids.filter((id) => id !== BASE_SCENARIO_ID)].map((id) => scenarioResult(model, id, options));
}

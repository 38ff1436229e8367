// Base-case values of the expressions a model's structure is written in (transition probabilities, branch
// probabilities, test accuracy, survival curves), for diagrams and the structure editors: each expression is
// compiled with the engine's own parameter program of the strategy, at cycle 1, so what is shown is what runs.
import type { ModelIssue } from '../errors';
import type { CurveSet, SurvivalCurveSpec } from '../psm/survival';
import { compileCurves } from '../psm/survival';
import { buildParameterSpace, buildStrategyProgram, compileModelDefinitions, runAtFirstCycle } from './parameter-program';
import type { StrategyParameterProgram } from './parameter-program';
import type { Expression, HtaModel } from './schema';

export interface StructureValues {
  /** Value at cycle 1 of `expression` under a strategy's overrides (the model's own parameters without one); null when it cannot be computed. */
  value(expression: Expression, strategyId?: string): number | null;
  /** True when the expression changes with cycle, age or time (its value is then the one at cycle 1). */
  timeVarying(expression: Expression, strategyId?: string): boolean;
  /** S(t) of a curve at the times (years), under a strategy's overrides; null when the curves cannot be evaluated. */
  survival(curves: Record<string, SurvivalCurveSpec>, curveId: string, times: readonly number[], strategyId?: string): number[] | null;
}

/** Evaluator of structure expressions of a model that passed validation (values only; problems give null). */
export function structureValues(model: HtaModel): StructureValues {
  const issues: ModelIssue[] = [];
  const space = buildParameterSpace(model, issues);
  const defs = compileModelDefinitions(model, space, issues);
  const inputs = new Float64Array(space.ids.length).fill(NaN);
  for (const p of model.parameters) {
    const slot = space.index.get(p.id);
    if (slot !== undefined && p.value !== undefined) inputs[slot] = p.value;
  }
  const programs = new Map<string, StrategyParameterProgram>();
  const programOf = (strategyId: string | undefined): StrategyParameterProgram => {
    const key = strategyId ?? '';
    let program = programs.get(key);
    if (!program) {
      const strategy = model.strategies.find((s) => s.id === strategyId);
      program = buildStrategyProgram(defs, strategy?.parameters ?? {}, [], [], new Set());
      runAtFirstCycle(program, inputs, model.settings.cycleLength, model.settings.startAge ?? NaN);
      programs.set(key, program);
    }
    return program;
  };
  const curveSets = new Map<string, CurveSet | null>();
  return {
    value(expression, strategyId) {
      if (typeof expression === 'number') return Number.isFinite(expression) ? expression : null;
      const program = programOf(strategyId);
      const site = program.compileSite(expression, [], []);
      if (!site) return null;
      const x = site.fn(program.work, program.vars);
      return Number.isFinite(x) ? x : null;
    },
    timeVarying(expression, strategyId) {
      if (typeof expression === 'number') return false;
      const site = programOf(strategyId).compileSite(expression, [], []);
      return site !== null && site.timeVarying;
    },
    survival(curves, curveId, times, strategyId) {
      const key = strategyId ?? '';
      if (!curveSets.has(key)) {
        const set = compileCurves(curves, ['model', 'curves'], programOf(strategyId), model.settings.cycleLength, []);
        try {
          set?.prepare(key);
          curveSets.set(key, set);
        } catch {
          curveSets.set(key, null);
        }
      }
      const set = curveSets.get(key);
      const i = set?.index.get(curveId);
      if (!set || i === undefined) return null;
      return times.map((t) => set.survival(i, t));
    },
  };
}

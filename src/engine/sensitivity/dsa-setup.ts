// Deterministic sensitivity analysis shares one compiled model: each varied parameter's slot and range (low/high
// from the file, else the 2.5th/97.5th percentiles of its distribution or of its marginal in a joint distribution),
// and an evaluator that sets a few parameters, runs the model and puts the base values back. A failing step becomes
// a located error, not a crash.
import { compileModel } from '../compile-model';
import type { CompiledModel, ModelResult } from '../compiled-model';
import { ModelEvaluationError } from '../errors';
import type { EvaluationErrorDetails } from '../errors';
import type { HtaModel } from '../model/schema';
import { distributionQuantile, resolveParameters } from '../uncertainty/distributions';
import type { ResolvedDistribution } from '../uncertainty/distributions';
import { sampledParameters } from '../uncertainty/sampled-parameters';
import { jointMarginalQuantile } from '../uncertainty/joint-distribution';

export class DsaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DsaError';
  }
}

export interface VariedParameter {
  id: string;
  label: string;
  slot: number;
  base: number;
  low: number;
  high: number;
  /** Where the range comes from: the file's low/high, or the distribution's 2.5/97.5 percentiles. */
  rangeSource: 'file' | 'distribution';
  /**
   * Other members of the parameter's Dirichlet group: when the parameter moves, they are rescaled in proportion so
   * the group still sums to 1.
   */
  siblings: { slot: number; base: number }[];
}

export interface DsaSetup {
  model: HtaModel;
  compiled: CompiledModel;
  base: Float64Array;
  params: Float64Array;
  out: ModelResult;
  strategyIds: readonly string[];
  /** Every parameter with a range (low/high or a non-fixed distribution), in model-file order. */
  varied: VariedParameter[];
}

/** Strategy outcomes of one deterministic evaluation. */
export interface StrategyOutcome {
  id: string;
  cost: number;
  effect: number;
}

export type StepOutcome = { ok: true; strategies: StrategyOutcome[] } | { ok: false; message: string; details: EvaluationErrorDetails };

function distributionRange(dist: ResolvedDistribution): [number, number] {
  return [distributionQuantile(dist, 0.025), distributionQuantile(dist, 0.975)];
}

/** 2.5th and 97.5th percentiles of each joint-distribution member's marginal. */
function jointRanges(model: HtaModel): Map<string, [number, number]> {
  return new Map(model.jointDistributions.flatMap((j) => j.parameters.map((name, k): [string, [number, number]] => [name, [jointMarginalQuantile(j, k, 0.025), jointMarginalQuantile(j, k, 0.975)]])));
}

function variedParameters(model: HtaModel, compiled: CompiledModel, base: Float64Array): VariedParameter[] {
  const resolved = new Map(resolveParameters(sampledParameters(model)).map((r) => [r.name, r.dist]));
  const joint = jointRanges(model);
  const groups = new Map<string, string[]>();
  for (const [name, dist] of resolved) if (dist.type === 'dirichlet') groups.set(dist.group, [...(groups.get(dist.group) ?? []), name]);
  return model.parameters.flatMap((p): VariedParameter[] => {
    const u = p.uncertainty;
    const dist = resolved.get(p.id);
    const slot = compiled.parameterIndex.get(p.id)!;
    let range: [number, number] | null = null;
    let rangeSource: VariedParameter['rangeSource'] = 'file';
    if (u?.low !== undefined && u.high !== undefined) range = [u.low, u.high];
    else if (dist && dist.type !== 'fixed') {
      range = distributionRange(dist);
      rangeSource = 'distribution';
    } else if (joint.has(p.id)) {
      range = joint.get(p.id)!;
      rangeSource = 'distribution';
    }
    if (!range) return [];
    const group = dist?.type === 'dirichlet' ? (groups.get(dist.group) ?? []) : [];
    const siblings = group.filter((id) => id !== p.id).map((id) => ({ slot: compiled.parameterIndex.get(id)!, base: base[compiled.parameterIndex.get(id)!]! }));
    return [{ id: p.id, label: p.label ?? p.id, slot, base: base[slot]!, low: range[0], high: range[1], rangeSource, siblings }];
  });
}

/** Compiles the model once with every ranged expression parameter as an input. */
export function createDsaSetup(model: HtaModel): DsaSetup {
  const expressionIds = new Set(model.parameters.filter((p) => p.expression !== undefined).map((p) => p.id));
  const jointMembers = new Set(model.jointDistributions.flatMap((j) => j.parameters));
  const ranged = model.parameters.filter((p) => {
    const u = p.uncertainty;
    return (u?.low !== undefined && u.high !== undefined) || (u?.distribution !== undefined && u.distribution.type !== 'fixed') || jointMembers.has(p.id);
  });
  // Dirichlet siblings are rescaled, so they must be inputs too.
  const inputs = [...new Set([...ranged.map((p) => p.id), ...sampledParameters(model).filter((d) => d.dist.type === 'dirichlet').map((d) => d.name)])].filter((id) =>
    expressionIds.has(id),
  );
  const compiled = compileModel(model, { inputs });
  const base = compiled.baseParameters();
  return {
    model,
    compiled,
    base,
    params: Float64Array.from(base),
    // DSA reads discounted totals only.
    out: compiled.createResult({ totalsOnly: true, discountedOnly: true }),
    strategyIds: compiled.strategyIds,
    varied: variedParameters(model, compiled, base),
  };
}

/** The varied parameter with this id, or a DsaError naming the ones available. */
export function variedParameter(setup: DsaSetup, id: string): VariedParameter {
  const found = setup.varied.find((v) => v.id === id);
  if (found) return found;
  const slot = setup.compiled.parameterIndex.get(id);
  if (slot === undefined) throw new DsaError(`unknown parameter "${id}"`);
  // A parameter without a range can still be varied over an explicit range by the caller.
  return { id, label: setup.model.parameters.find((p) => p.id === id)?.label ?? id, slot, base: setup.base[slot]!, low: Number.NaN, high: Number.NaN, rangeSource: 'file', siblings: [] };
}

function assign(setup: DsaSetup, v: VariedParameter, x: number): void {
  const { params } = setup;
  params[v.slot] = x;
  if (v.siblings.length === 0) return;
  // Keep a Dirichlet group summing to 1: the others share 1 - x in their base proportions.
  const rest = 1 - v.base;
  for (const s of v.siblings) params[s.slot] = rest > 0 ? (s.base * (1 - x)) / rest : (1 - x) / v.siblings.length;
}

/** Runs the model with the given parameters set (others at base); never throws ModelEvaluationError. */
export function evaluateWith(setup: DsaSetup, assignments: readonly (readonly [VariedParameter, number])[]): StepOutcome {
  const { params, out, compiled } = setup;
  params.set(setup.base);
  for (const [v, x] of assignments) assign(setup, v, x);
  try {
    compiled.evaluate(params, out);
  } catch (e) {
    if (e instanceof ModelEvaluationError) return { ok: false, message: e.message, details: e.details };
    throw e;
  } finally {
    params.set(setup.base);
  }
  return { ok: true, strategies: out.strategies.map((s) => ({ id: s.id, cost: s.totals.cost, effect: s.totals.effect })) };
}

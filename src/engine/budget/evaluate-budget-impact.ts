// One budget impact run: resolve every value (with optional overrides for the tornado and scenarios), evaluate
// the linked model, build the population, shares, costs by year since start and outcome shares, and compute
// the budgets. Invalid values are reported as located issues (BudgetImpactError), never as NaN.
import type { IssuePath, ModelIssue } from '../errors';
import { ModelEvaluationError } from '../errors';
import { compileModel } from '../compile-model';
import type { CompiledModel } from '../compiled-model';
import type { Expression } from '../model/schema';
import { VARIABLE_COUNT } from '../expression/compile';
import { buildStrategyProgram, compileModelDefinitions } from '../model/parameter-program';
import type { Uptake, WorldId } from './bia-schema';
import { computeBudget } from './budget-calculator';
import type { BudgetInputs, BudgetTotals } from './budget-calculator';
import { costsByYearSinceStart } from './model-costs';
import { evaluateProgramValues } from './prepare-budget-impact';
import type { PreparedBudgetImpact } from './prepare-budget-impact';
import { worldShareMatrix, worldShareProblems } from './uptake';
import { ownValue } from '../own-key';

export class BudgetImpactError extends Error {
  constructor(readonly issues: ModelIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'BudgetImpactError';
  }
}

export interface BiaVariation {
  /** New values of named budget-impact values or model parameters, by id. */
  values?: Record<string, number>;
  /** Uptake replacing the listed strategies' uptake, per world. */
  shares?: Partial<Record<WorldId, Record<string, Uptake>>>;
  discountRate?: number;
  /** Where the variation comes from (prefix of issue paths), e.g. ['budgetImpact', 'scenarios', 0]. */
  origin?: IssuePath;
}

export interface FunnelCounts {
  id: string;
  label: string;
  value: number;
  /** People after this step, per budget year. */
  counts: number[];
}

export interface BudgetRun {
  inputs: BudgetInputs;
  totals: BudgetTotals;
  /** Inhabitants per year (null without inhabitants). */
  inhabitants: (number | null)[];
  funnel: FunnelCounts[];
  /** Named values as used in this run. */
  values: Record<string, number>;
}

function fail(path: IssuePath, message: string, code = 'bia-value'): never {
  throw new BudgetImpactError([{ code, severity: 'error', path, message }]);
}

function checkedValue(x: number, path: IssuePath, what: string, min = 0, max = Infinity): number {
  if (!Number.isFinite(x)) fail(path, `${what} is not a finite number (${x})`, 'not-a-number');
  if (x < min || x > max) fail(path, `${what} = ${x} is outside [${min}, ${max === Infinity ? '∞' : max}]`);
  return x;
}

/** Values of every slot with the overrides written in (overridden expression values become inputs). */
function resolveValues(prep: PreparedBudgetImpact, values: Record<string, number>, overrides: Record<string, Expression>, overridePath: IssuePath): Float64Array {
  const extra = Object.keys(values).filter((id) => prep.augmented.parameters[prep.parameterIndex.get(id)!]!.expression !== undefined);
  const defs = compileModelDefinitions(prep.augmented, prep.space, [], extra);
  const program = buildStrategyProgram(defs, overrides, overridePath, [], new Set());
  const params = Float64Array.from(prep.baseValues);
  for (const [id, v] of Object.entries(values)) params[prep.parameterIndex.get(id)!] = v;
  return evaluateProgramValues(program, params, prep.model.settings.cycleLength, prep.startAge);
}

function growth(values: Float64Array, prep: PreparedBudgetImpact): number {
  const g = prep.namedById.get(prep.spec.population.annualGrowth?.id ?? 'annual_growth');
  if (!g || g.role !== 'annual-growth') return 0;
  return checkedValue(values[g.slot]!, [...g.path, 'value'], `annual growth ${g.id}`, -1);
}

function population(prep: PreparedBudgetImpact, values: Float64Array, origin: IssuePath): { entrants: number[]; inhabitants: (number | null)[]; funnel: FunnelCounts[]; prevalent: BudgetInputs['prevalent'] } {
  const H = prep.spec.horizonYears;
  const g = growth(values, prep);
  const factor = Array.from({ length: H }, (_, i) => (1 + g) ** i);
  const byRole = (role: string) => prep.named.filter((n) => n.role === role);
  const inh = byRole('inhabitants')[0];
  const inhabitants = factor.map((f) => (inh ? checkedValue(values[inh.slot]!, [...inh.path, 'value'], `inhabitants ${inh.id}`) * f : null));
  const funnel: FunnelCounts[] = [];
  let counts: number[] | null = inh ? (inhabitants as number[]) : null;
  for (const step of byRole('funnel')) {
    const v = checkedValue(values[step.slot]!, [...step.path, 'value'], `funnel step ${step.id}`);
    counts = counts ? counts.map((c) => c * v) : factor.map((f) => v * f);
    funnel.push({ id: step.id, label: step.label, value: v, counts });
  }
  const elig = prep.spec.population.eligible;
  let entrants: number[];
  if (elig?.perYear) {
    entrants = prep.eligiblePerYear!.slice(0, H).map((site, i) => checkedValue(site.fn(values, new Float64Array(VARIABLE_COUNT)), site.path, `eligible patients in year ${i + 1}`));
  } else if (elig) {
    const e = byRole('eligible')[0]!;
    entrants = factor.map((f) => checkedValue(values[e.slot]!, [...e.path, 'value'], `eligible patients ${e.id}`) * f);
  } else {
    entrants = counts ?? fail([...origin, 'population'], 'no eligible population');
  }
  const prev = byRole('prevalent')[0];
  const prevalent = prev ? { count: checkedValue(values[prev.slot]!, [...prev.path, 'value'], `prevalent patients ${prev.id}`), yearSinceStart: prep.spec.population.prevalent!.yearSinceStart } : null;
  return { entrants, inhabitants, funnel, prevalent };
}

interface LinkedModelRun {
  /** Per model strategy: (years since start) × model categories. */
  costs: Float64Array[];
  /** Per model strategy: per-person outcome counts, when the model type provides them (decision trees). */
  counts: (Record<string, number> | null)[];
}

/** Per-person outcome counts of a strategy result, for model types that report them (trees: `tree.counts`). */
function countsOf(result: object): Record<string, number> | null {
  const counts = (result as { tree?: { counts?: Record<string, number> } }).tree?.counts;
  return counts && typeof counts === 'object' ? counts : null;
}

function linkedModel(prep: PreparedBudgetImpact, values: Float64Array, overridden: string[], years: number): LinkedModelRun | null {
  const base = prep.compiledModel;
  if (!base) return null;
  const nModel = prep.modelParameterCount;
  const modelOverrides = overridden.filter((id) => prep.parameterIndex.get(id)! < nModel);
  let compiled: CompiledModel = base;
  const needInputs = modelOverrides.filter((id) => base.isInput[base.parameterIndex.get(id)!] === 0);
  if (needInputs.length > 0) compiled = compileModel(prep.model, { inputs: needInputs });
  let result;
  try {
    result = compiled.evaluate(Float64Array.from(values.subarray(0, nModel)));
  } catch (e) {
    if (e instanceof ModelEvaluationError) fail(e.details.path, `linked model: ${e.message}`, 'bia-model');
    throw e;
  }
  const nCat = compiled.categoryIds.length;
  return {
    costs: result.strategies.map((s) => costsByYearSinceStart(s.costPerCycle, compiled.valueCycles, nCat, compiled.cycleLength, years)),
    counts: result.strategies.map((s) => (countsOf(s) ? { ...countsOf(s)! } : null)),
  };
}

function strategyValues(prep: PreparedBudgetImpact, values: Record<string, number>, baseValues: Float64Array): Float64Array[] {
  const cache = new Map<number, Float64Array>();
  return prep.strategies.map((s) => {
    if (s.modelIndex < 0 || Object.keys(s.overrides).length === 0) return baseValues;
    let v = cache.get(s.modelIndex);
    if (!v) {
      v = resolveValues(prep, values, s.overrides, s.overridePath);
      cache.set(s.modelIndex, v);
    }
    return v;
  });
}

function strategyCosts(prep: PreparedBudgetImpact, perStrategy: Float64Array[], linked: LinkedModelRun | null, years: number): Float64Array[] {
  const nCat = prep.categoryIds.length;
  const vars = new Float64Array(VARIABLE_COUNT);
  return prep.strategies.map((s, i) => {
    const out = new Float64Array(years * nCat);
    if (s.modelIndex >= 0 && linked) {
      const src = linked.costs[s.modelIndex]!;
      const modelCats = prep.compiledModel!.categoryIds.length;
      for (let k = 0; k < years; k++) for (let c = 0; c < modelCats; c++) out[k * nCat + c] = src[k * modelCats + c]!;
    }
    for (const t of s.typedCosts) {
      const x = checkedValue(t.site.fn(perStrategy[i]!, vars), t.site.path, `cost of ${s.id}`, -Infinity);
      const first = t.yearSinceStart === 0 ? 1 : t.yearSinceStart;
      const last = t.yearSinceStart === 0 ? t.years : t.yearSinceStart;
      for (let k = first; k <= Math.min(last, years); k++) {
        const j = (k - 1) * nCat + t.category;
        out[j] = out[j]! + x;
      }
    }
    return out;
  });
}

function outcomeShares(prep: PreparedBudgetImpact, perStrategy: Float64Array[], linked: LinkedModelRun | null): number[][] {
  const vars = new Float64Array(VARIABLE_COUNT);
  return prep.strategies.map((s, i) => {
    const row = new Array<number>(prep.outcomeIds.length).fill(NaN);
    for (const o of s.outcomes) row[o.outcome] = checkedValue(o.site.fn(perStrategy[i]!, vars), o.site.path, `share of ${s.id} patients with outcome ${prep.outcomeIds[o.outcome]}`, 0, 1);
    for (const o of s.modelCounts) {
      const counts = linked?.counts[s.modelIndex] ?? null;
      if (!counts) fail(o.path, `the linked model strategy of ${s.id} reports no outcome counts (only decision trees do); give an expression instead`, 'bia-model-count');
      if (!Object.hasOwn(counts, o.name)) fail(o.path, `the linked model strategy of ${s.id} has no outcome count '${o.name}'; it has: ${Object.keys(counts).join(', ') || 'none'}`, 'bia-model-count');
      row[o.outcome] = checkedValue(ownValue(counts, o.name) ?? NaN, o.path, `model count ${o.name} of ${s.id}`, 0);
    }
    return row;
  });
}

function sharesFor(prep: PreparedBudgetImpact, world: WorldId, variation: BiaVariation): number[][] {
  const merged = { ...prep.spec[world].shares, ...(variation.shares?.[world] ?? {}) };
  const H = prep.spec.horizonYears;
  const problems = worldShareProblems(merged, H);
  if (problems.length > 0) {
    throw new BudgetImpactError(problems.map((p) => ({ code: 'bia-shares', severity: 'error', path: [...(variation.origin ?? ['budgetImpact']), world, 'shares', ...p.path], message: p.message })));
  }
  const { ids, byYear } = worldShareMatrix(merged, H);
  return byYear.map((row) => prep.strategies.map((s) => (ids.includes(s.id) ? row[ids.indexOf(s.id)]! : 0)));
}

/** Runs the budget impact analysis, optionally with a variation (tornado end, scenario). */
export function evaluateBudgetImpact(prep: PreparedBudgetImpact, variation: BiaVariation = {}): BudgetRun {
  const spec = prep.spec;
  const H = spec.horizonYears;
  const overrides = variation.values ?? {};
  for (const id of Object.keys(overrides)) if (!prep.parameterIndex.has(id)) fail([...(variation.origin ?? ['budgetImpact']), 'values', id], `unknown value '${id}'`, 'unknown-name');
  const values = resolveValues(prep, overrides, {}, ['budgetImpact']);
  const origin = variation.origin ?? ['budgetImpact'];
  const pop = population(prep, values, origin);
  const years = H + (pop.prevalent ? pop.prevalent.yearSinceStart - 1 : 0);
  const perStrategy = strategyValues(prep, overrides, values);
  const linked = linkedModel(prep, values, Object.keys(overrides), years);
  const discountRate = variation.discountRate ?? spec.discountRate;
  const inputs: BudgetInputs = {
    horizon: H,
    discountRate,
    entrants: pop.entrants,
    prevalent: pop.prevalent,
    strategyIds: prep.strategies.map((s) => s.id),
    categoryIds: prep.categoryIds,
    costs: strategyCosts(prep, perStrategy, linked, years),
    outcomeShares: outcomeShares(prep, perStrategy, linked),
    outcomeIds: prep.outcomeIds,
    shares: { current: sharesFor(prep, 'currentWorld', variation), new: sharesFor(prep, 'newWorld', variation) },
  };
  return {
    inputs,
    totals: computeBudget(inputs),
    inhabitants: pop.inhabitants,
    funnel: pop.funnel,
    values: Object.fromEntries(prep.named.map((n) => [n.id, values[n.slot]!])),
  };
}

// Compiles a model's budgetImpact section once: its named values (population, funnel steps, parameters) join the
// model's parameter program, so budget-impact expressions can read model parameters and each other; costs and
// outcomes of a strategy linked to a model strategy see that strategy's parameter overrides. Every problem is a
// located ModelIssue (path from the file root, e.g. budgetImpact.strategies[1].costs.test[0]).
import type { HtaModel, Expression, Parameter } from '../model/schema';
import type { IssuePath, ModelIssue, WarningDetail } from '../errors';
import type { CompiledModel } from '../compiled-model';
import type { CompiledSite, ModelDefinitions, ParameterSpace, StrategyParameterProgram } from '../model/parameter-program';
import { buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables, suggestName } from '../model/parameter-program';
import { compileModelCollecting } from '../compile-model';
import type { BiaStrategySpec, BudgetImpactSpec, CostSeries, Uptake, WorldId } from './bia-schema';
import { ownValue } from '../own-key';

/** Labels of the outcome counts the issue asks for; other ids are shown as given. */
export const DEFAULT_OUTCOME_LABELS: Record<string, string> = {
  tested: 'Tested',
  identified: 'Correctly identified with an actionable alteration',
  targeted: 'Treated with targeted therapy',
  rebiopsied: 'Re-biopsied',
};

export type NamedValueRole = 'inhabitants' | 'annual-growth' | 'funnel' | 'eligible' | 'prevalent' | 'parameter';

export interface NamedValue {
  id: string;
  label: string;
  role: NamedValueRole;
  slot: number;
  path: IssuePath;
  source?: string;
  low?: number;
  high?: number;
  /** true when the file gives an expression (varying it makes the slot an input for that run). */
  isExpression: boolean;
}

export interface PreparedStrategy {
  id: string;
  label: string;
  /** Index into compiledModel.strategyIds, or -1 when not linked. */
  modelIndex: number;
  /** Parameter overrides of the linked model strategy (applied to this strategy's typed costs and outcomes). */
  overrides: Record<string, Expression>;
  overridePath: IssuePath;
  /** Typed costs: category index, year since start (1-based; 0 = every year up to `years`), site. */
  typedCosts: { category: number; yearSinceStart: number; years: number; site: CompiledSite }[];
  /** Outcome index → site (share of this strategy's patients). */
  outcomes: { outcome: number; site: CompiledSite }[];
  /** Outcome index → per-person count of the linked model strategy (e.g. a decision tree's counters). */
  modelCounts: { outcome: number; name: string; path: IssuePath }[];
}

export interface PreparedBudgetImpact {
  model: HtaModel;
  spec: BudgetImpactSpec;
  /** The model's parameters followed by the budget-impact named values. */
  augmented: HtaModel;
  modelParameterCount: number;
  space: ParameterSpace;
  named: NamedValue[];
  namedById: Map<string, NamedValue>;
  parameterIndex: ReadonlyMap<string, number>;
  /** Base values of every slot (model parameters at cycle 1, then named values). */
  baseValues: Float64Array;
  /** Sites of eligible.perYear, when typed directly. */
  eligiblePerYear: CompiledSite[] | null;
  strategies: PreparedStrategy[];
  categoryIds: string[];
  outcomeIds: string[];
  outcomeLabels: string[];
  compiledModel: CompiledModel | null;
  startAge: number;
  warnings: string[];
  /** Code and values of each of `warnings` (same order). */
  warningDetails: WarningDetail[];
}

export const DEFAULT_IDS = { inhabitants: 'inhabitants', annualGrowth: 'annual_growth', eligible: 'eligible', prevalent: 'prevalent' } as const;

const ROOT: IssuePath = ['budgetImpact'];

interface RawNamed {
  id: string;
  label?: string | undefined;
  value: Expression;
  source?: string | undefined;
  low?: number | undefined;
  high?: number | undefined;
}

function collectNamedValues(spec: BudgetImpactSpec): { raw: RawNamed; role: NamedValueRole; path: IssuePath }[] {
  const out: { raw: RawNamed; role: NamedValueRole; path: IssuePath }[] = [];
  const pop = spec.population;
  const popPath = [...ROOT, 'population'];
  if (pop.inhabitants) out.push({ raw: { ...pop.inhabitants, id: pop.inhabitants.id ?? DEFAULT_IDS.inhabitants }, role: 'inhabitants', path: [...popPath, 'inhabitants'] });
  if (pop.annualGrowth) out.push({ raw: { ...pop.annualGrowth, id: pop.annualGrowth.id ?? DEFAULT_IDS.annualGrowth }, role: 'annual-growth', path: [...popPath, 'annualGrowth'] });
  pop.funnel.forEach((step, i) => out.push({ raw: step, role: 'funnel', path: [...popPath, 'funnel', i] }));
  if (pop.eligible?.value !== undefined) out.push({ raw: { ...pop.eligible, id: pop.eligible.id ?? DEFAULT_IDS.eligible, value: pop.eligible.value }, role: 'eligible', path: [...popPath, 'eligible'] });
  if (pop.prevalent) out.push({ raw: { ...pop.prevalent, id: pop.prevalent.id ?? DEFAULT_IDS.prevalent }, role: 'prevalent', path: [...popPath, 'prevalent'] });
  spec.parameters.forEach((p, i) => out.push({ raw: p, role: 'parameter', path: [...ROOT, 'parameters', i] }));
  return out;
}

function asParameter(raw: RawNamed): Parameter {
  return typeof raw.value === 'number' ? { id: raw.id, value: raw.value } : { id: raw.id, expression: raw.value };
}

function populationIssues(spec: BudgetImpactSpec): ModelIssue[] {
  const pop = spec.population;
  const path = [...ROOT, 'population'];
  if (pop.eligible && pop.funnel.length > 0) {
    return [{ code: 'bia-population', severity: 'error', path: [...path, 'eligible'], message: 'give either a funnel or a typed number of eligible patients, not both' }];
  }
  if (!pop.eligible && pop.funnel.length === 0) {
    return [{ code: 'bia-population', severity: 'error', path, message: 'give the eligible population: a funnel (inhabitants → incidence → shares → tested) or eligible patients typed directly' }];
  }
  if (pop.eligible?.perYear && pop.eligible.perYear.length < spec.horizonYears) {
    return [{ code: 'bia-population', severity: 'error', path: [...path, 'eligible', 'perYear'], message: `perYear gives ${pop.eligible.perYear.length} year(s), the horizon has ${spec.horizonYears}` }];
  }
  return [];
}

/** Strategies of the analysis: as listed, or one per model strategy, linked to it. */
function strategySpecs(model: HtaModel, spec: BudgetImpactSpec): NonNullable<BudgetImpactSpec['strategies']> {
  return spec.strategies ?? model.strategies.map((s) => ({ id: s.id, label: s.label, modelStrategy: s.id }));
}

function worldIssues(spec: BudgetImpactSpec, ids: Set<string>): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const check = (shares: Record<string, Uptake>, path: IssuePath): void => {
    for (const id of Object.keys(shares)) {
      if (!ids.has(id)) issues.push({ code: 'unknown-strategy', severity: 'error', path: [...path, id], message: `unknown strategy '${id}'${suggestName(id, ids)}; budget-impact strategies: ${[...ids].join(', ')}` });
    }
  };
  for (const w of ['currentWorld', 'newWorld'] as WorldId[]) check(spec[w].shares, [...ROOT, w, 'shares']);
  spec.scenarios.forEach((sc, i) => {
    for (const w of ['currentWorld', 'newWorld'] as WorldId[]) if (sc[w]) check(sc[w].shares, [...ROOT, 'scenarios', i, w, 'shares']);
  });
  return issues;
}

function costEntries(series: CostSeries): { yearSinceStart: number; years: number; value: Expression; index: number | null }[] {
  if (Array.isArray(series)) return series.map((value, i) => ({ yearSinceStart: i + 1, years: 1, value, index: i }));
  if (typeof series === 'object') return [{ yearSinceStart: 0, years: series.years, value: series.perYear, index: null }];
  return [{ yearSinceStart: 1, years: 1, value: series, index: null }];
}

interface NamedValueProgram {
  augmented: HtaModel;
  space: ParameterSpace;
  defs: ModelDefinitions;
  program: StrategyParameterProgram;
  named: NamedValue[];
}

/** Named values join the parameter list after the model's parameters; their own problems are located in the BIA. */
function compileNamedValues(model: HtaModel, spec: BudgetImpactSpec, issues: ModelIssue[], warnings: string[], warningDetails: WarningDetail[]): NamedValueProgram {
  const namedRaw = collectNamedValues(spec);
  const modelIds = new Set(model.parameters.map((p) => p.id));
  const seen = new Set<string>();
  for (const n of namedRaw) {
    const clash = modelIds.has(n.raw.id) ? 'a model parameter' : seen.has(n.raw.id) ? 'another budget-impact value' : null;
    if (clash) issues.push({ code: 'duplicate-id', severity: 'error', path: [...n.path, 'id'], message: `id '${n.raw.id}' is already used by ${clash}; give it another id` });
    seen.add(n.raw.id);
  }
  const augmented: HtaModel = { ...model, parameters: [...model.parameters, ...namedRaw.map((n) => asParameter(n.raw))] };
  const nModel = model.parameters.length;
  // Model problems are reported by the model's own validation; keep those of the named values, relocated.
  const scratch: ModelIssue[] = [];
  const space = buildParameterSpace(augmented, scratch);
  const defs = compileModelDefinitions(augmented, space, scratch);
  const program = buildStrategyProgram(defs, {}, ROOT, scratch, new Set());
  for (const i of scratch) {
    const slot = i.path[0] === 'parameters' && typeof i.path[1] === 'number' ? i.path[1] : -1;
    if (slot >= nModel) issues.push({ ...i, path: [...namedRaw[slot - nModel]!.path, 'value'] });
  }
  const named: NamedValue[] = namedRaw.map((n, k) => {
    const v: NamedValue = { id: n.raw.id, label: n.raw.label ?? n.raw.id, role: n.role, slot: nModel + k, path: n.path, isExpression: typeof n.raw.value === 'string' };
    if (n.raw.source !== undefined) v.source = n.raw.source;
    if (n.raw.low !== undefined) v.low = n.raw.low;
    if (n.raw.high !== undefined) v.high = n.raw.high;
    if ((n.raw.low === undefined) !== (n.raw.high === undefined)) {
      warnings.push(`${n.raw.id}: give both low and high to include it in the tornado`);
      warningDetails.push({ code: 'bia-half-range', params: { value: n.raw.id } });
    }
    if (program.timeVarying[v.slot]) issues.push({ code: 'bia-time-varying', severity: 'error', path: [...n.path, 'value'], message: `${n.raw.id} depends on model time (cycle, age or time); budget-impact values must be constant` });
    return v;
  });
  return { augmented, space, defs, program, named };
}

type SiteCompiler = (source: Expression, path: IssuePath, overrides: Record<string, Expression>, overridePath: IssuePath) => CompiledSite | null;

/** Compiles BIA expressions against the named-value program (or a linked strategy's overrides); constant in time. */
function siteCompiler(nv: NamedValueProgram, issues: ModelIssue[]): SiteCompiler {
  return (source, path, overrides, overridePath) => {
    const prog = Object.keys(overrides).length === 0 ? nv.program : buildStrategyProgram(nv.defs, overrides, overridePath, [], new Set());
    const site = prog.compileSite(source, path, issues, false);
    if (site && site.timeVarying) {
      issues.push({ code: 'bia-time-varying', severity: 'error', path, message: `"${source}" depends on model time (cycle, age or time); budget-impact values must be constant` });
      return null;
    }
    return site;
  };
}

interface StrategyContext {
  model: HtaModel;
  compile: SiteCompiler;
  issues: ModelIssue[];
  categoryIds: string[];
  outcomeIds: string[];
}

function costSitePath(path: IssuePath, cat: string, series: CostSeries, index: number | null): IssuePath {
  if (index !== null) return [...path, 'costs', cat, index];
  return typeof series === 'object' && !Array.isArray(series) ? [...path, 'costs', cat, 'perYear'] : [...path, 'costs', cat];
}

function prepareStrategy(s: BiaStrategySpec, path: IssuePath, ctx: StrategyContext): PreparedStrategy {
  const modelStrategyIds = ctx.model.strategies.map((m) => m.id);
  let modelIndex = -1;
  let overrides: Record<string, Expression> = {};
  let overridePath: IssuePath = ROOT;
  if (s.modelStrategy !== undefined) {
    modelIndex = modelStrategyIds.indexOf(s.modelStrategy);
    if (modelIndex < 0) ctx.issues.push({ code: 'unknown-strategy', severity: 'error', path: [...path, 'modelStrategy'], message: `the model has no strategy '${s.modelStrategy}'${suggestName(s.modelStrategy, modelStrategyIds)}` });
    else {
      overrides = ctx.model.strategies[modelIndex]!.parameters ?? {};
      overridePath = ['strategies', modelIndex, 'parameters'];
    }
  }
  const typedCosts: PreparedStrategy['typedCosts'] = [];
  for (const [cat, series] of Object.entries(s.costs ?? {})) {
    if (!ctx.categoryIds.includes(cat)) ctx.categoryIds.push(cat);
    for (const e of costEntries(series)) {
      const site = ctx.compile(e.value, costSitePath(path, cat, series, e.index), overrides, overridePath);
      if (site) typedCosts.push({ category: ctx.categoryIds.indexOf(cat), yearSinceStart: e.yearSinceStart, years: e.years, site });
    }
  }
  const outcomes: PreparedStrategy['outcomes'] = [];
  const modelCounts: PreparedStrategy['modelCounts'] = [];
  for (const [o, source] of Object.entries(s.outcomes ?? {})) {
    if (!ctx.outcomeIds.includes(o)) ctx.outcomeIds.push(o);
    const outcomePath = [...path, 'outcomes', o];
    if (typeof source === 'object') {
      if (s.modelStrategy === undefined) ctx.issues.push({ code: 'bia-model-count', severity: 'error', path: outcomePath, message: 'modelCount needs a strategy linked to the model (modelStrategy)' });
      modelCounts.push({ outcome: ctx.outcomeIds.indexOf(o), name: source.modelCount, path: outcomePath });
      continue;
    }
    const site = ctx.compile(source, outcomePath, overrides, overridePath);
    if (site) outcomes.push({ outcome: ctx.outcomeIds.indexOf(o), site });
  }
  return { id: s.id, label: s.label ?? s.id, modelIndex, overrides, overridePath, typedCosts, outcomes, modelCounts };
}

function scenarioValueIssues(spec: BudgetImpactSpec, known: Set<string>): ModelIssue[] {
  return spec.scenarios.flatMap((sc, i) =>
    Object.keys(sc.values ?? {})
      .filter((id) => !known.has(id))
      .map((id) => ({ code: 'unknown-name', severity: 'error' as const, path: [...ROOT, 'scenarios', i, 'values', id], message: `unknown value '${id}'${suggestName(id, known)}: give a budget-impact value or model parameter id` })),
  );
}

/** A warning when the budget needs years since start beyond the linked model's horizon (they cost 0). */
function horizonWarning(compiled: CompiledModel, spec: BudgetImpactSpec): { message: string; detail: WarningDetail } | null {
  const covered = +(compiled.valueCycles * compiled.cycleLength).toPrecision(6);
  const needed = spec.horizonYears + (spec.population.prevalent ? spec.population.prevalent.yearSinceStart - 1 : 0);
  if (!(compiled.valueCycles * compiled.cycleLength + 1e-9 < needed)) return null;
  return {
    message: `the model covers ${covered} years since entry; linked costs after that are 0 in the budget (horizon ${needed} years since start)`,
    detail: { code: 'bia-model-horizon', params: { covered, horizon: needed } },
  };
}

function linkedModel(model: HtaModel, needed: boolean, issues: ModelIssue[]): CompiledModel | null {
  if (!needed) return null;
  const { compiled } = compileModelCollecting(model);
  if (!compiled) issues.push({ code: 'bia-model', severity: 'error', path: ['model'], message: 'budget impact links to the model, but the model does not compile (run `hta validate`)' });
  return compiled;
}

/** Compiles the budgetImpact section of a parsed model; `prepared` is null when there are errors. */
export function prepareBudgetImpact(model: HtaModel): { prepared: PreparedBudgetImpact | null; issues: ModelIssue[] } {
  const spec = model.budgetImpact;
  if (!spec) return { prepared: null, issues: [{ code: 'bia-missing', severity: 'error', path: ROOT, message: 'this model has no budgetImpact section' }] };
  const issues: ModelIssue[] = [...populationIssues(spec)];
  const warnings: string[] = [];
  const warningDetails: WarningDetail[] = [];
  const nv = compileNamedValues(model, spec, issues, warnings, warningDetails);
  const compile = siteCompiler(nv, issues);

  const specs = strategySpecs(model, spec);
  const compiledModel = linkedModel(model, specs.some((s) => s.modelStrategy !== undefined), issues);
  const ctx: StrategyContext = { model, compile, issues, categoryIds: compiledModel ? [...compiledModel.categoryIds] : [], outcomeIds: spec.outcomes.map((o) => o.id) };
  const strategyIds = new Set<string>();
  const strategies = specs.map((s, i) => {
    const path: IssuePath = spec.strategies ? [...ROOT, 'strategies', i] : ['strategies', i];
    if (strategyIds.has(s.id)) issues.push({ code: 'duplicate-id', severity: 'error', path: [...path, 'id'], message: `strategy id '${s.id}' is used twice` });
    strategyIds.add(s.id);
    return prepareStrategy(s, path, ctx);
  });
  issues.push(...worldIssues(spec, strategyIds));
  const perYear = spec.population.eligible?.perYear?.map((e, i) => compile(e, [...ROOT, 'population', 'eligible', 'perYear', i], {}, ROOT)) ?? null;
  issues.push(...scenarioValueIssues(spec, new Set([...model.parameters.map((p) => p.id), ...nv.named.map((n) => n.id)])));
  const late = compiledModel ? horizonWarning(compiledModel, spec) : null;
  if (late) {
    warnings.push(late.message);
    warningDetails.push(late.detail);
  }
  if (issues.some((i) => i.severity === 'error')) return { prepared: null, issues };

  // Base values: inputs as given, expression values (model and named) at cycle 1.
  const startAge = model.settings.startAge ?? NaN;
  const base = Float64Array.from(nv.augmented.parameters, (p) => p.value ?? NaN);
  const baseValues = evaluateProgramValues(nv.program, base, model.settings.cycleLength, startAge);
  return {
    prepared: {
      model,
      spec,
      augmented: nv.augmented,
      modelParameterCount: model.parameters.length,
      space: nv.space,
      named: nv.named,
      namedById: new Map(nv.named.map((n) => [n.id, n])),
      parameterIndex: nv.space.index,
      baseValues,
      eligiblePerYear: perYear ? (perYear as CompiledSite[]) : null,
      strategies,
      categoryIds: ctx.categoryIds,
      outcomeIds: ctx.outcomeIds,
      outcomeLabels: ctx.outcomeIds.map((id) => spec.outcomes.find((o) => o.id === id)?.label ?? ownValue(DEFAULT_OUTCOME_LABELS, id) ?? id),
      compiledModel,
      startAge,
      warnings,
      warningDetails,
    },
    issues,
  };
}

/** Runs a parameter program at cycle 1 and returns a copy of every slot's value. */
export function evaluateProgramValues(program: StrategyParameterProgram, params: Float64Array, cycleLength: number, startAge: number): Float64Array {
  setCycleVariables(program.vars, 1, cycleLength, startAge);
  program.prepare(params);
  program.updateCycle();
  return Float64Array.from(program.work);
}

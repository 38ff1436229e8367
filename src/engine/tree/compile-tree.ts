// Decision-tree engine with cohort sub-models (hybrids). The root is a decision node whose branches are the
// strategies (branch id = strategy id). Each strategy's subtree is flattened once (diagnostic constructs
// expanded into chance nodes); evaluate() computes branch probabilities, checks that each chance node's
// branches sum to 1, rolls expected values back (nested decision nodes pick the highest net monetary benefit at
// model.decisionWtp) and adds the sub-model totals of each terminal, weighted by the share reaching it.
//
// Time on a path (node `time`, test turnaround) never adds life: survival is measured from diagnosis, so a
// sub-model describes the patient's course from diagnosis and its first τ years (τ = the path's time) are spent
// waiting for treatment. Life-years are the sub-model's own; QALYs of the waiting years use
// model.waiting.utility, never above the sub-model's utility in the same cycle; excess deaths while waiting
// (model.waiting.mortalityRate, default 0) remove those who would start treatment. Costs: the treatment course
// is counted in full for those alive to start it (a delay neither shortens nor postpones it). So a delay can
// only lower or keep life-years and QALYs. One-off values on the path (tests, procedures, complications) are
// counted at diagnosis, undiscounted, for those alive at their node. Per-cycle arrays (budget impact) place
// one-offs in the first cycle and the waiting years in the cycles they fall in.
import type { HtaModel, TreeModel } from '../model/schema';
import type { EvaluationSubject, IssuePath, ModelIssue, WarningDetail } from '../errors';
import { ModelEvaluationError, probabilitySubject, pushUniqueIssues } from '../errors';
import type { CompiledModel, CompileOptions, ModelResult, ResultOptions, StrategyResult } from '../compiled-model';
import { checkParameterCount, describeCompiledModel, resultFlags } from '../compiled-model';
import type { CompiledSite, StrategyParameterProgram } from '../model/parameter-program';
import { baseCaseValues, buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables } from '../model/parameter-program';
import { countingWeights, resolveCycles } from '../economics/conventions';
import { compileMarkovModel } from '../markov/compile-markov';
import { markovCostMaps } from '../markov/compile-markov';
import { categoriesInUse } from '../model/cost-categories';
import { compilePsmModel } from '../psm/compile-psm';
import type { PsmDetails, PsmStrategyResult } from '../psm/compile-psm';
import { CurveGridCache, yearsPerUnit } from '../psm/survival';
import { CycleValueCache } from '../psm/cycle-value-cache';
import { flattenNode, KIND_CHANCE, KIND_DECISION, KIND_TERMINAL, TreeTooLargeError } from './flatten-tree';
import type { FlattenContext, PlanNode } from './flatten-tree';
import { buildTreeTape, SiteTable, TIME_MIN, TIME_SUM } from './tree-tape';
import type { TreeTape } from './tree-tape';

type TreeHtaModel = HtaModel & { model: TreeModel };

const RANGE_EPS = 1e-12;
/** Entry times remembered per sub-model while a strategy is rolled back (more are computed each time). */
const TERMINAL_MEMO = 8;
/** Calls of waitingValues (every module's trees), so tests can see terminals share them. */
let waitingComputations = 0;

export function waitingValuesComputed(): number {
  return waitingComputations;
}
/** Strategies rolled back with undiscounted values (every module's trees), so tests can see discounted-only runs skip them. */
let undiscountedRollBacks = 0;

export function treeUndiscountedRollBacks(): number {
  return undiscountedRollBacks;
}
const SUM_TOL = 1e-9;

/** One terminal path of a strategy: who walks it and what one such patient gets. */
export interface PathRow {
  /** Node labels from the strategy to the terminal, joined by " → ". */
  path: string;
  terminal: string;
  submodel: string | null;
  /** Share of the cohort that completes the path (enters the sub-model, if any). */
  probability: number;
  /** Time spent on the path before the sub-model starts (model.timeUnit, e.g. days). */
  time: number;
  /** Per patient completing the path: discounted cost, QALYs, life-years (path values + sub-model). */
  cost: number;
  qalys: number;
  lifeYears: number;
}

export interface TreeDetails {
  /** Expected outcome counts per person: counters named by `count` and by diagnostic constructs. */
  counts: Record<string, number>;
  /** Terminal paths, plus a "died before treatment" row when waiting mortality is modelled. */
  paths: PathRow[];
  /** Mean time from the start of the tree to a terminal among those reaching one (model.timeUnit). */
  meanTimeToTerminal: number;
  timeUnit: string;
  /** Sub-model details (mean survival per curve, capping warnings) of the sub-models this strategy uses. */
  submodels: Record<string, { probability: number; psm?: PsmDetails }>;
  warnings: string[];
  /** Code and values of each of `warnings` (same order). */
  warningDetails: WarningDetail[];
}

export interface TreeStrategyResult extends StrategyResult {
  tree: TreeDetails;
}

interface Submodel {
  id: string;
  compiled: CompiledModel;
  /** The sub-model's result of the current evaluation: `full`, `totals` or `discounted`, as the tree's result. */
  out: ModelResult;
  full: ModelResult;
  totals: ModelResult;
  discounted: ModelResult;
  /** Sub-model state j → column in the hybrid trace. */
  stateMap: Int32Array;
  /** Per sub-model strategy: categories with a non-zero per-cycle cost, valid when activeStamp = evaluation. */
  activeCategories: Uint8Array[];
  activeStamp: Float64Array;
  /** An earlier sub-model with the same definition (labels aside), whose results this one reads; -1: none. */
  sameAs: number;
  /** 1 for the categories a state or transition value of the sub-model (or of a strategy) costs; the others total 0. */
  costed: Uint8Array;
}

interface StrategyPlan {
  id: string;
  label: string;
  /** Shared by every strategy when none overrides a parameter (their parameter values are then the same). */
  program: StrategyParameterProgram;
  /** The values of the tree's expressions (shared like the program). */
  table: SiteTable;
  nodes: PlanNode[];
  tape: TreeTape;
  leaves: number[];
  /** Sub-model strategy index (same order as the model strategies). */
  strategyIndex: number;
  waitU: CompiledSite | null;
  waitMu: CompiledSite | null;
  /** Index of the waiting utility and mortality in table.values (-1: none). */
  waitUValue: number;
  waitMuValue: number;
  /** Every counter factor is a value checked before the counters in every evaluation (countersCannotFail). */
  countersCannotFail: boolean;
  /** One-off costs of each node by category (nodes × categories); only the categories a node costs are ever written. */
  ownCost: Float64Array;
  /** The categories each node costs itself (costStart's categories, once each, ascending). */
  ownCategories: CategoryLists;
  /** The categories whose values can be non-zero at each node (its own, its subtree's and its sub-model's). */
  reached: CategoryLists;
  /** Every category at every node: stands in for `reached` when a sub-model costs a category it was not known to. */
  every: CategoryLists;
}

/** Per node i, categories list[start[i]], …, list[start[i + 1] - 1] in ascending order. */
interface CategoryLists {
  start: Int32Array;
  list: Int32Array;
}

function isPositiveZero(x: number): boolean {
  return x === 0 && 1 / x > 0;
}

function categoryLists(sets: readonly Uint8Array[]): CategoryLists {
  const start = new Int32Array(sets.length + 1);
  const list: number[] = [];
  sets.forEach((set, i) => {
    start[i] = list.length;
    set.forEach((on, c) => void (on === 1 && list.push(c)));
  });
  start[sets.length] = list.length;
  return { start, list: Int32Array.from(list) };
}

/**
 * The categories a node's roll-back values can hold a non-zero cost in: the node's one-off costs, its sub-model's
 * costed categories and its children's. Every other category of the node is an exact 0 in every evaluation, whose
 * additions (p × 0 added to a sum that started at +0) change no bit: the roll-back skips them.
 */
export function reachedCategories(tape: TreeTape, nCat: number, submodelCosted: readonly Uint8Array[]): { own: Uint8Array[]; reached: Uint8Array[] } {
  const own = Array.from({ length: tape.n }, () => new Uint8Array(nCat));
  const reached = Array.from({ length: tape.n }, () => new Uint8Array(nCat));
  for (let i = tape.n - 1; i >= 0; i--) {
    for (let k = tape.costStart[i]!; k < tape.costStart[i + 1]!; k++) own[i]![tape.costCategory[k]!] = 1;
    const set = reached[i]!;
    set.set(own[i]!);
    // A decision node takes every category of the branch it picks, NaN in every category when none compares.
    if (tape.kind[i] === KIND_DECISION) set.fill(1);
    const m = tape.submodel[i]!;
    if (tape.kind[i] === KIND_TERMINAL && m >= 0) submodelCosted[m]!.forEach((on, c) => void (on === 1 && (set[c] = 1)));
    for (let j = tape.childStart[i]!; j < tape.childStart[i + 1]!; j++) reached[tape.children[j]!]!.forEach((on, c) => void (on === 1 && (set[c] = 1)));
  }
  return { own, reached };
}

/**
 * True when every factor of a counter is a value that each evaluation has checked to be a finite number before it
 * counts (a probability of a chance node's branch, a one-off cost or QALY factor, a time): the counters' own
 * NaN check can then never fail, so a result that does not read them may skip them and still fail where a full
 * evaluation fails.
 */
function countersCannotFail(tape: TreeTape): boolean {
  const checked = new Set<number>();
  const addRange = (from: number, to: number): void => {
    for (let k = from; k < to; k++) checked.add(tape.factorValue[k]!);
  };
  for (let i = 0; i < tape.n; i++) {
    if (tape.kind[i] !== KIND_CHANCE) continue;
    for (let j = tape.childStart[i]!; j < tape.childStart[i + 1]!; j++) {
      const c = tape.children[j]!;
      if (tape.complement[c] !== 1) addRange(tape.probStart[c]!, tape.probEnd[c]!);
    }
  }
  for (let k = 0; k < tape.costFactorStart.length; k++) addRange(tape.costFactorStart[k]!, tape.costFactorEnd[k]!);
  for (let k = 0; k < tape.qalyFactorStart.length; k++) addRange(tape.qalyFactorStart[k]!, tape.qalyFactorEnd[k]!);
  for (const v of tape.timeValue) checked.add(v);
  for (let k = 0; k < tape.counterFactorStart.length; k++) {
    for (let f = tape.counterFactorStart[k]!; f < tape.counterFactorEnd[k]!; f++) if (!checked.has(tape.factorValue[f]!)) return false;
  }
  return true;
}

/** Cost categories (categoriesInUse): the tree's nodes and tests, then each sub-model's. */
function treeCategoryIds(model: TreeHtaModel): string[] {
  const costMaps: (Record<string, unknown> | undefined)[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if (k === 'costs' && v && typeof v === 'object') costMaps.push(v as Record<string, unknown>);
        else walk(v);
      }
    }
  };
  walk(model.model.root);
  walk(model.model.tests);
  for (const sub of Object.values(model.model.submodels)) {
    if (sub.type === 'markov') costMaps.push(...markovCostMaps({ ...model, model: sub } as HtaModel & { model: { type: 'markov' } }));
    else for (const sv of Object.values(sub.stateValues)) costMaps.push(sv.costs);
  }
  return categoriesInUse(model.costCategories, costMaps);
}

/** Rewrites a sub-model issue path (model.…) to its place in the file (model.submodels.<id>.…). */
/** Where a path inside sub-model `id` (['model', ...] as in a model of its own) lies in the tree's file. */
function submodelPath(id: string, path: IssuePath): IssuePath {
  return ['model', 'submodels', id, ...path.slice(1)];
}

function relocate(issue: ModelIssue, id: string): ModelIssue {
  if (issue.path[0] !== 'model') return issue;
  return { ...issue, path: submodelPath(id, issue.path) };
}


export function compileTreeModel(model: HtaModel, options: CompileOptions, issues: ModelIssue[]): CompiledModel | null {
  if (model.model.type !== 'tree') return null;
  const tm = model as TreeHtaModel;
  const tree = tm.model;
  const errorsBefore = issues.filter((i) => i.severity === 'error').length;
  const settings = model.settings;
  const L = settings.cycleLength;
  const submodelIds = Object.keys(tree.submodels);
  const hasSubmodels = submodelIds.length > 0;
  // A pure tree has one "cycle" holding all its values; a hybrid uses the settings' horizon.
  const T = hasSubmodels ? resolveCycles(settings, issues) : 1;
  const Tc = hasSubmodels ? countingWeights(settings.counting, T, []).valueCycles : 1;
  const space = buildParameterSpace(model, issues);
  const defs = compileModelDefinitions(model, space, issues, options.inputs ?? []);
  const seenCycles = new Set<string>();
  const baseProgram = buildStrategyProgram(defs, {}, [], issues, seenCycles);
  const categories = treeCategoryIds(tm);
  const nCat = categories.length;
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const unitYears = yearsPerUnit(tree.timeUnit, L);

  // Sub-models: the same parameters, settings, categories and strategies, another structure.
  const sharedSubmodelRuns = model.strategies.every((s) => Object.keys(s.parameters ?? {}).length === 0 && Object.keys(s.stateValues ?? {}).length === 0);
  const stateIds: string[] = [];
  const submodels: Submodel[] = [];
  // Survival grids and cycle-dependent state values shared by the partitioned-survival sub-models within an
  // evaluation (the same curve or cost often describes several groups), and sub-models defined alike run once.
  const gridCache = new CurveGridCache();
  const cycleValueCache = new CycleValueCache();
  const definitionKeys: string[] = [];
  for (const id of submodelIds) {
    const sub = tree.submodels[id]!;
    const synthetic = {
      ...model,
      costCategories: categories.map((c) => model.costCategories.find((x) => x.id === c) ?? { id: c }),
      model: sub,
      // Strategies that change nothing in a sub-model get the same results: run it once for them all.
      strategies: sharedSubmodelRuns ? [model.strategies[0]!] : model.strategies,
    } as HtaModel;
    const local: ModelIssue[] = [];
    const compiled = sub.type === 'markov' ? compileMarkovModel(synthetic, options, local) : compilePsmModel(synthetic, options, local, gridCache, cycleValueCache);
    pushUniqueIssues(issues, local.map((i) => relocate(i, id)));
    if (!compiled) continue;
    const stateMap = Int32Array.from(compiled.stateIds.map((s) => {
      let j = stateIds.indexOf(s);
      if (j < 0) j = stateIds.push(s) - 1;
      return j;
    }));
    const nSubStrategies = compiled.strategyIds.length;
    const full = compiled.createResult();
    // Labels name things for people; everything else decides the results.
    const key = JSON.stringify(sub, (k, v: unknown) => (k === 'label' ? undefined : v));
    const sameAs = definitionKeys.indexOf(key);
    definitionKeys.push(key);
    const costMaps =
      sub.type === 'markov'
        ? markovCostMaps(synthetic as HtaModel & { model: { type: 'markov' } })
        : [...Object.values(sub.stateValues), ...synthetic.strategies.flatMap((s) => Object.values(s.stateValues ?? {}))].map((sv) => sv.costs);
    const costed = new Uint8Array(categories.length);
    for (const costs of costMaps) for (const c of Object.keys(costs ?? {})) if (categoryIndex.has(c)) costed[categoryIndex.get(c)!] = 1;
    submodels.push({ id, compiled, out: full, full, totals: compiled.createResult({ totalsOnly: true }), discounted: compiled.createResult({ totalsOnly: true, discountedOnly: true }), stateMap, activeCategories: Array.from({ length: nSubStrategies }, () => new Uint8Array(categories.length)), activeStamp: new Float64Array(nSubStrategies).fill(-1), sameAs, costed });
  }
  const waitingMortality = tree.waiting?.mortalityRate !== undefined;
  const waitingDeathState = waitingMortality && hasSubmodels ? stateIds.push('died_before_treatment') - 1 : -1;
  const submodelIndex = new Map(submodelIds.map((id, i) => [id, i]));

  // Waiting utility and mortality.
  const waitingSite = (field: 'utility' | 'mortalityRate', program: StrategyParameterProgram, local: ModelIssue[]): CompiledSite | null => {
    const expr = tree.waiting?.[field];
    return expr === undefined ? null : program.compileSite(expr, ['model', 'waiting', field], local, false);
  };

  // The root: a decision node whose branches are the strategies.
  const root = tree.root;
  if (root.kind !== 'decision') issues.push({ code: 'root-not-decision', severity: 'error', path: ['model', 'root', 'kind'], message: 'the root of a tree must be a decision node whose branches are the strategies' });
  const branches = root.branches ?? [];
  branches.forEach((b, i) => {
    if (!model.strategies.some((s) => s.id === b.id)) {
      // A warning, not an error: validation runs each strategy alone against the same tree.
      issues.push({ code: 'unknown-strategy', severity: 'warning', path: ['model', 'root', 'branches', i, 'id'], message: `root branch '${b.id ?? b.label ?? i}' is not a strategy and is not evaluated (branch ids must be strategy ids: ${model.strategies.map((s) => s.id).join(', ')})` });
    }
  });

  const counterIndex = new Map<string, number>();
  const plans: StrategyPlan[] = [];
  // By sub-model index (submodelIndex counts every sub-model, compiled or not; a failed one fails the compile).
  const submodelCosted = submodelIds.map((id) => submodels.find((s) => s.id === id)?.costed ?? new Uint8Array(nCat).fill(1));
  let needsWtp = false;
  // Without parameter overrides every strategy has the same parameter values: one program and one table of
  // expression values serve them all (computed once per evaluation).
  const sharedProgram = model.strategies.every((s) => Object.keys(s.parameters ?? {}).length === 0) ? buildStrategyProgram(defs, {}, [], issues, seenCycles) : null;
  const sharedTable = sharedProgram ? new SiteTable() : null;
  model.strategies.forEach((strategy, si) => {
    const program = sharedProgram ?? buildStrategyProgram(defs, strategy.parameters ?? {}, ['strategies', si, 'parameters'], issues, seenCycles);
    const local: ModelIssue[] = [];
    const bi = branches.findIndex((b) => b.id === strategy.id);
    if (bi < 0) {
      issues.push({ code: 'missing-strategy-tree', severity: 'error', path: ['model', 'root', 'branches'], message: `strategy ${strategy.id} has no branch at the root decision node (add a branch with id "${strategy.id}")` });
      return;
    }
    if (strategy.transitions || strategy.initial) {
      local.push({ code: 'ignored-field', severity: 'warning', path: ['strategies', si, strategy.transitions ? 'transitions' : 'initial'], message: `strategy ${strategy.id}: transitions and initial apply to Markov models only; in a tree, change parameters (or the strategy's branch of model.root)` });
    }
    const ctx: FlattenContext = { model: tree, program, categoryIndex, categories, submodelIndex, counterIndex, issues: local };
    const nodes: PlanNode[] = [];
    try {
      flattenNode(ctx, branches[bi]!, ['model', 'root', 'branches', bi], -1, KIND_DECISION, nodes, strategy.id);
    } catch (e) {
      if (!(e instanceof TreeTooLargeError)) throw e;
      issues.push({ code: 'too-large', severity: 'error', path: e.path, message: `strategy ${strategy.id}: ${e.message}` });
      return;
    }
    const waitU = waitingSite('utility', program, local);
    const waitMu = waitingSite('mortalityRate', program, local);
    pushUniqueIssues(issues, local);
    if (nodes.some((n) => n.kind === KIND_DECISION)) needsWtp = true;
    const leaves = nodes.flatMap((n, i) => (n.kind === KIND_TERMINAL ? [i] : []));
    if (!local.some((i) => i.severity === 'error')) {
      const table = sharedTable ?? new SiteTable();
      const tape = buildTreeTape(nodes, table);
      const { own, reached } = reachedCategories(tape, nCat, submodelCosted);
      plans.push({
        id: strategy.id,
        label: strategy.label ?? strategy.id,
        program,
        table,
        nodes,
        tape,
        leaves,
        strategyIndex: sharedSubmodelRuns ? 0 : si,
        waitU,
        waitMu,
        waitUValue: waitU ? table.indexOf(waitU) : -1,
        waitMuValue: waitMu ? table.indexOf(waitMu) : -1,
        countersCannotFail: countersCannotFail(tape),
        ownCost: new Float64Array(tape.n * nCat),
        ownCategories: categoryLists(own),
        reached: categoryLists(reached),
        every: categoryLists(own.map(() => new Uint8Array(nCat).fill(1))),
      });
    }
  });
  /** Each program with its table once (one pair when the strategies share them). */
  const valueGroups = plans.filter((p, i) => plans.findIndex((q) => q.table === p.table) === i).map((p) => ({ program: p.program, table: p.table }));
  if (needsWtp && tree.decisionWtp === undefined) {
    issues.push({ code: 'missing-value', severity: 'error', path: ['model', 'decisionWtp'], message: 'a decision node inside a strategy needs model.decisionWtp (the threshold used to choose its branch)' });
  }
  const counterNames = [...counterIndex.keys()];
  const nCounters = counterNames.length;
  if (issues.filter((i) => i.severity === 'error').length > errorsBefore || plans.length !== model.strategies.length || T <= 0) return null;

  const wtp = tree.decisionWtp ?? 0;
  const effectIsQalys = settings.effect === 'qalys';
  const nS = stateIds.length;

  // Time interval (years from diagnosis) each value cycle of a sub-model stands for: interval counting methods
  // count cycle v over [vL, (v+1)L); point methods count trace row v, over [(v−½)L, (v+½)L) clipped to [0, TL].
  const cycleStart = new Float64Array(Tc);
  const cycleEnd = new Float64Array(Tc);
  const pointCounting = Tc === T + 1;
  for (let v = 0; v < Tc; v++) {
    cycleStart[v] = pointCounting ? Math.max(0, (v - 0.5) * L) : v * L;
    cycleEnd[v] = pointCounting ? Math.min(T * L, (v + 0.5) * L) : (v + 1) * L;
  }

  // Per-evaluation scratch sized for the largest strategy tree.
  const maxNodes = Math.max(...plans.map((p) => p.nodes.length));
  const probabilities = new Float64Array(maxNodes);
  const own = { q: new Float64Array(maxNodes), time: new Float64Array(maxNodes) };
  const tau = new Float64Array(maxNodes);
  /** Share alive at a node's start, of those who set out on its path (excess mortality while waiting). */
  const alive = new Float64Array(maxNodes);
  /** Values per person setting out on the node's path (divide-free roll-back): one-offs in the subtree + sub-models. */
  const ev = { cD: new Float64Array(maxNodes * nCat), cU: new Float64Array(maxNodes * nCat), qD: new Float64Array(maxNodes), qU: new Float64Array(maxNodes), lD: new Float64Array(maxNodes), lU: new Float64Array(maxNodes) };
  /** Per patient completing the path to a node: one-offs along it (costs, QALYs). */
  const acc = { c: new Float64Array(maxNodes), q: new Float64Array(maxNodes) };
  const chosen = new Int32Array(maxNodes);
  /** Product of branch probabilities (and decision choices) to a node; reach = pathShare × alive. */
  const pathShare = new Float64Array(maxNodes);
  const subWeight = new Float64Array(submodels.length);
  const counts = new Float64Array(nCounters);
  /** Counts evaluate() calls: marks per-evaluation scans of sub-model results as current. */
  let evaluation = 0;
  const subSeen = new Uint8Array(submodels.length);
  const subOrder = new Int32Array(submodels.length);
  const usedCache = new WeakMap<TreeDetails, { order: Int32Array; n: number; entries: { probability: number; psm?: PsmDetails }[] }>();
  /**
   * Per sub-model, up to TERMINAL_MEMO times τ at which a terminal of the strategy being rolled back entered it,
   * with the life-years and QALYs (lU, lD, qU, qD) a terminal entering then gets.
   */
  const terminalMemo = { tau: new Float64Array(submodels.length * TERMINAL_MEMO), values: new Float64Array(submodels.length * TERMINAL_MEMO * 4), count: new Int32Array(submodels.length) };
  /** Waiting values of one terminal (see waitingValues). */
  const wait = { lyU: 0, lyD: 0, qU: 0, qD: 0, cutLyU: 0, cutLyD: 0, cutQU: 0, cutQD: 0, q0D: 0 };
  let waitUtility = Infinity;
  let waitMu = 0;

  function fail(plan: StrategyPlan, code: 'not-a-probability' | 'row-sum' | 'not-a-number', s: CompiledSite | null, path: IssuePath, subject: string, value: number, names: string[], subjectOf?: EvaluationSubject): never {
    throw new ModelEvaluationError({ code, strategy: plan.id, cycle: 0, subject, ...(subjectOf ? { subjectOf } : {}), value, path: s?.path ?? path, parameters: plan.program.involvedValues(names) });
  }

  /** Product of the tape's factors [from, to) (each a value or 1 minus it); probabilities are range-checked. */
  function product(plan: StrategyPlan, from: number, to: number, checkProbability: boolean): number {
    const tape = plan.tape;
    const values = plan.table.values;
    const factorValue = tape.factorValue;
    const factorComplement = tape.factorComplement;
    const eps = RANGE_EPS;
    let x = 1;
    for (let k = from; k < to; k++) {
      const v = values[factorValue[k]!]!;
      if (checkProbability && !(v >= -eps && v <= 1 + eps)) factorFail(plan, k, v, true);
      if (!(v - v === 0)) factorFail(plan, k, v, false);
      x *= factorComplement[k] === 1 ? 1 - v : v;
    }
    return x;
  }

  function factorFail(plan: StrategyPlan, k: number, v: number, probability: boolean): never {
    const site = plan.tape.factorSites[k]!;
    if (probability) {
      const subject = site.bareParameter ? `parameter ${site.bareParameter}` : `probability "${site.source}"`;
      fail(plan, v !== v ? 'not-a-number' : 'not-a-probability', site, site.path, subject, v, site.parameters, probabilitySubject(site.bareParameter, site.source));
    }
    fail(plan, 'not-a-number', site, site.path, `"${site.source}"`, v, site.parameters, { code: 'expression', name: String(site.source) });
  }

  /** Conditional branch probabilities, completing complements and checking each chance node sums to 1. */
  function branchProbabilities(plan: StrategyPlan): void {
    const { kind, childStart, children, complement: isComplement, probStart, probEnd, n: N } = plan.tape;
    const prob = probabilities;
    const chance = KIND_CHANCE;
    for (let i = 0; i < N; i++) {
      if (kind[i] !== chance) continue;
      let sum = 0;
      let complement = -1;
      for (let j = childStart[i]!; j < childStart[i + 1]!; j++) {
        const c = children[j]!;
        if (isComplement[c] === 1) {
          complement = c;
          continue;
        }
        prob[c] = product(plan, probStart[c]!, probEnd[c]!, true);
        sum += prob[c]!;
      }
      if (complement >= 0) {
        const rest = 1 - sum;
        if (!(rest >= -SUM_TOL)) sumError(plan, plan.nodes[i]!, sum);
        prob[complement] = rest < 0 ? 0 : rest;
      } else if (!(Math.abs(sum - 1) <= SUM_TOL)) sumError(plan, plan.nodes[i]!, sum);
    }
  }

  function sumError(plan: StrategyPlan, n: PlanNode, sum: number): never {
    const names = n.children.flatMap((c) => (plan.nodes[c]!.probability ?? []).flatMap((f) => f.site.parameters));
    const error = new ModelEvaluationError({
      code: sum !== sum ? 'not-a-number' : 'row-sum',
      strategy: plan.id,
      cycle: 0,
      subject: `branches of chance node '${n.label}'`,
      subjectOf: { code: 'chance-branches', name: n.label },
      value: sum,
      path: [...n.path, 'branches'],
      parameters: plan.program.involvedValues(names),
    });
    const params = Object.entries(error.details.parameters).map(([k, v]) => `${k} = ${v}`);
    error.message = `branch probabilities of chance node '${n.label}' sum to ${+sum.toPrecision(12)}, not 1 (strategy ${plan.id})${params.length ? `; parameters: ${params.join(', ')}` : ''}`;
    throw error;
  }

  /** One-off costs and QALYs of each node, its time (years), and the waiting utility and mortality. */
  function ownValues(plan: StrategyPlan): void {
    const values = plan.table.values;
    const tape = plan.tape;
    const { costStart, costCategory, costFactorStart, costFactorEnd, qalyStart, qalyFactorStart, qalyFactorEnd, timeStart, timeValue, timeMode } = tape;
    const u = plan.waitU ? values[plan.waitUValue]! : Infinity;
    const mu = plan.waitMu ? values[plan.waitMuValue]! : 0;
    if (plan.waitU && !(u - u === 0)) fail(plan, 'not-a-number', plan.waitU, [], 'waiting utility', u, plan.waitU.parameters, { code: 'waiting-utility' });
    if (plan.waitMu && !(mu >= 0 && mu - mu === 0)) fail(plan, 'not-a-number', plan.waitMu, [], 'waiting mortality rate (must be >= 0)', mu, plan.waitMu.parameters, { code: 'waiting-mortality' });
    waitUtility = u;
    waitMu = mu;
    const ownC = plan.ownCost;
    const ownQ = own.q;
    const ownTime = own.time;
    const categoryCount = nCat;
    const years = unitYears;
    for (let i = 0; i < tape.n; i++) {
      const base = i * categoryCount;
      // The categories the node does not cost stay 0 in the strategy's own array.
      for (let k = costStart[i]!; k < costStart[i + 1]!; k++) ownC[base + costCategory[k]!] = 0;
      for (let k = costStart[i]!; k < costStart[i + 1]!; k++) {
        const at = base + costCategory[k]!;
        ownC[at] = ownC[at]! + product(plan, costFactorStart[k]!, costFactorEnd[k]!, false);
      }
      let q = 0;
      for (let k = qalyStart[i]!; k < qalyStart[i + 1]!; k++) q += product(plan, qalyFactorStart[k]!, qalyFactorEnd[k]!, false);
      const mode = timeMode[i]!;
      let t = mode === TIME_SUM ? 0 : mode === TIME_MIN ? Infinity : -Infinity;
      for (let k = timeStart[i]!; k < timeStart[i + 1]!; k++) {
        const x = values[timeValue[k]!]!;
        if (!(x >= 0 && x - x === 0)) {
          const s = tape.timeSites[k]!;
          fail(plan, 'not-a-number', s, s.path, `time "${s.source}" (must be a number >= 0)`, x, s.parameters, { code: 'time', name: String(s.source) });
        }
        t = mode === TIME_SUM ? t + x : mode === TIME_MIN ? Math.min(t, x) : Math.max(t, x);
      }
      if (timeStart[i] === timeStart[i + 1]) t = 0;
      ownTime[i] = t * years;
      ownQ[i] = q;
    }
  }

  /** QALYs of a stretch of waiting in a value cycle: the waiting utility, never above the sub-model's own. */
  function cappedQalys(q: number, ly: number): number {
    if (!(ly > 0)) return q < 0 ? q : 0;
    if (waitUtility === Infinity) return q;
    const w = waitUtility * ly;
    return w < q ? w : q;
  }

  /**
   * The first τ years of the sub-model (survival measured from diagnosis) are spent waiting: for the value cycles
   * overlapping [0, τ), the life-years and (capped) QALYs lived while waiting, with excess mortality μ
   * (ly, q: ∫ density·e^(−μt) dt), and the sub-model values those years would have held (cut*; μ = 0).
   * Values are uniform within a cycle. q0D: QALYs while waiting without excess mortality (for the path rows).
   * τ is the end of node i's time (passed as the node: a double argument of a call that is not inlined is boxed).
   * Without `undiscounted` only the discounted values are computed (the others are left as they were).
   */
  function waitingValues(r: StrategyResult, i: number, undiscounted: boolean): void {
    waitingComputations++;
    const tauEnd = tau[i]! + own.time[i]!;
    const w = wait;
    w.lyU = w.lyD = w.qU = w.qD = w.cutLyU = w.cutLyD = w.cutQU = w.cutQD = w.q0D = 0;
    if (tauEnd <= 0) return;
    const mu = waitMu;
    const starts = cycleStart;
    const ends = cycleEnd;
    const cycles = Tc;
    for (let v = 0; v < cycles && starts[v]! < tauEnd; v++) {
      const a = starts[v]!;
      const b = ends[v]!;
      if (!(b > a)) continue;
      const hi = b < tauEnd ? b : tauEnd;
      const phi = (hi - a) / (b - a);
      const e = mu > 0 ? (Math.exp(-mu * a) - Math.exp(-mu * hi)) / mu / (b - a) : phi;
      const lyD = r.lifeYearsPerCycleDiscounted[v]!;
      const qD = r.qalysPerCycleDiscounted[v]!;
      const capD = cappedQalys(qD, lyD);
      w.lyD += e * lyD;
      w.qD += e * capD;
      w.cutLyD += phi * lyD;
      w.cutQD += phi * qD;
      w.q0D += phi * capD;
      if (!undiscounted) continue;
      const lyU = r.lifeYearsPerCycle[v]!;
      const qU = r.qalysPerCycle[v]!;
      const capU = cappedQalys(qU, lyU);
      w.lyU += e * lyU;
      w.qU += e * capU;
      w.cutLyU += phi * lyU;
      w.cutQU += phi * qU;
    }
  }

  /** undiscounted: false for a discounted-only result (its undiscounted costs, QALYs and life-years are not rolled back). */
  function runStrategy(plan: StrategyPlan, res: TreeStrategyResult, totalsOnly: boolean, undiscounted: boolean, categoriesHold: boolean): void {
    if (undiscounted) undiscountedRollBacks++;
    const tape = plan.tape;
    const { kind, parent, childStart, children, submodel } = tape;
    const N = tape.n;
    branchProbabilities(plan);
    ownValues(plan);
    // The closure's variables in locals: V8 shares this closure's optimised code among every compile of a tree
    // (validation, the base case, the PSA setup) and then reloads closure variables at every use in the loops.
    const categoryCount = nCat;
    const mu = waitMu;
    const ownTime = own.time;
    const tauOf = tau;
    const aliveAt = alive;
    const probOf = probabilities;
    const subResults = submodels;
    const strategyIndex = plan.strategyIndex;
    const waiting = wait;
    const terminal = KIND_TERMINAL;
    const chance = KIND_CHANCE;
    const decision = KIND_DECISION;
    const memoTau = terminalMemo.tau;
    const memoValues = terminalMemo.values;
    const memoCount = terminalMemo.count;
    // The waiting utility and mortality are the strategy's (ownValues): its terminals' values are its own.
    memoCount.fill(0);
    // Start times (years) in pre-order: a child starts when its parent's time is over.
    for (let i = 0; i < N; i++) {
      const p = parent[i]!;
      tauOf[i] = p < 0 ? 0 : tauOf[p]! + ownTime[p]!;
      aliveAt[i] = mu > 0 ? Math.exp(-mu * tauOf[i]!) : 1;
    }
    // Roll back (post-order = reverse pre-order). One-offs are counted at diagnosis (not discounted: the
    // diagnostic phase lasts days to weeks), for those alive at the node.
    const { cU, cD, qU: evQU, qD: evQD, lU: evLU, lD: evLD } = ev;
    const ownC = plan.ownCost;
    const ownQ = own.q;
    // Each node's values in the categories it can reach only (the others stay stale: nothing reads them).
    const { start: catStart, list: cats } = categoriesHold ? plan.reached : plan.every;
    const { start: ownCatStart, list: ownCats } = plan.ownCategories;
    const chosenChild = chosen;
    const decisionWtp = wtp;
    const byQalys = effectIsQalys;
    for (let i = N - 1; i >= 0; i--) {
      const k = kind[i]!;
      const base = i * categoryCount;
      const a = aliveAt[i]!;
      let qU = 0;
      let qD = 0;
      let lU = 0;
      let lD = 0;
      const from = catStart[i]!;
      const to = catStart[i + 1]!;
      for (let x = from; x < to; x++) cD[base + cats[x]!] = 0;
      if (undiscounted) for (let x = from; x < to; x++) cU[base + cats[x]!] = 0;
      if (k === terminal) {
        const m = submodel[i]!;
        if (m >= 0) {
          const r = subResults[m]!.out.strategies[strategyIndex]!;
          const tauEnd = tauOf[i]! + ownTime[i]!;
          const s = mu > 0 ? Math.exp(-mu * tauEnd) : 1;
          // Costs: the treatment course is counted in full for those alive to start it (a delay neither
          // shortens nor postpones it); life-years and QALYs: the waiting years, then the rest of the sub-model.
          const subCU = r.costByCategoryUndiscounted;
          const subCD = r.costByCategory;
          for (let x = from; x < to; x++) {
            const c = cats[x]!;
            cD[base + c] = s * subCD[c]!;
          }
          if (undiscounted) {
            for (let x = from; x < to; x++) {
              const c = cats[x]!;
              cU[base + c] = s * subCU[c]!;
            }
          }
          // Many terminals enter the same sub-model after the same time (a test's positive and false-positive
          // results, say): their life-years and QALYs are the same doubles, computed once per strategy.
          const memoFrom = m * TERMINAL_MEMO;
          const known = memoCount[m]!;
          let hit = -1;
          for (let e = memoFrom; e < memoFrom + known; e++) {
            if (memoTau[e] === tauEnd) {
              hit = e;
              break;
            }
          }
          if (hit >= 0) {
            lU = memoValues[4 * hit]!;
            lD = memoValues[4 * hit + 1]!;
            qU = memoValues[4 * hit + 2]!;
            qD = memoValues[4 * hit + 3]!;
          } else {
            waitingValues(r, i, undiscounted);
            const t = r.totals;
            lD = waiting.lyD + s * (t.lifeYears - waiting.cutLyD);
            qD = waiting.qD + s * (t.qalys - waiting.cutQD);
            if (undiscounted) {
              lU = waiting.lyU + s * (t.lifeYearsUndiscounted - waiting.cutLyU);
              qU = waiting.qU + s * (t.qalysUndiscounted - waiting.cutQU);
            }
            if (known < TERMINAL_MEMO) {
              const e = memoFrom + known;
              memoTau[e] = tauEnd;
              memoValues[4 * e] = lU;
              memoValues[4 * e + 1] = lD;
              memoValues[4 * e + 2] = qU;
              memoValues[4 * e + 3] = qD;
              memoCount[m] = known + 1;
            }
          }
        }
      } else if (k === chance) {
        for (let j = childStart[i]!; j < childStart[i + 1]!; j++) {
          const ch = children[j]!;
          const p = probOf[ch]!;
          if (p === 0) continue;
          const chBase = ch * categoryCount;
          if (undiscounted) {
            for (let x = catStart[ch]!; x < catStart[ch + 1]!; x++) {
              const c = cats[x]!;
              cU[base + c] = cU[base + c]! + p * cU[chBase + c]!;
              cD[base + c] = cD[base + c]! + p * cD[chBase + c]!;
            }
            qU += p * evQU[ch]!;
            lU += p * evLU[ch]!;
          } else {
            for (let x = catStart[ch]!; x < catStart[ch + 1]!; x++) {
              const c = cats[x]!;
              cD[base + c] = cD[base + c]! + p * cD[chBase + c]!;
            }
          }
          qD += p * evQD[ch]!;
          lD += p * evLD[ch]!;
        }
      } else {
        let best = -1;
        let bestNmb = -Infinity;
        for (let j = childStart[i]!; j < childStart[i + 1]!; j++) {
          const ch = children[j]!;
          let cost = 0;
          for (let x = catStart[ch]!; x < catStart[ch + 1]!; x++) cost += cD[ch * categoryCount + cats[x]!]!;
          const nmb = (byQalys ? evQD[ch]! : evLD[ch]!) * decisionWtp - cost;
          if (nmb > bestNmb) {
            bestNmb = nmb;
            best = ch;
          }
        }
        chosenChild[i] = best;
        if (best < 0) {
          // No branch compares (NaN): every category NaN, as a read before the first node gives.
          for (let x = from; x < to; x++) {
            cU[base + cats[x]!] = NaN;
            cD[base + cats[x]!] = NaN;
          }
        } else {
          for (let x = catStart[best]!; x < catStart[best + 1]!; x++) {
            const c = cats[x]!;
            cD[base + c] = cD[best * categoryCount + c]!;
            if (undiscounted) cU[base + c] = cU[best * categoryCount + c]!;
          }
        }
        qU = evQU[best]!;
        qD = evQD[best]!;
        lU = evLU[best]!;
        lD = evLD[best]!;
      }
      for (let o = ownCatStart[i]!; o < ownCatStart[i + 1]!; o++) {
        const c = ownCats[o]!;
        const x = a * ownC[base + c]!;
        cD[base + c] = cD[base + c]! + x;
        if (undiscounted) cU[base + c] = cU[base + c]! + x;
      }
      const oneOffQ = a * ownQ[i]!;
      // Without undiscounted values qU and lU stay 0 (the decision branch's copies are of stale values): unread.
      evQU[i] = qU + oneOffQ;
      evQD[i] = qD + oneOffQ;
      evLU[i] = lU;
      evLD[i] = lD;
    }
    // Shares setting out on each path (pre-order), and per-patient one-offs accumulated along each path (read by
    // the path rows of a full result only). The shares feed the counters only, which a totals-only result skips
    // when none can fail (writeTotals).
    const share = pathShare;
    const accC = acc.c;
    const accQ = acc.q;
    const sharesRead = !totalsOnly || !plan.countersCannotFail;
    for (let i = 0; i < N && sharesRead; i++) {
      const p = parent[i]!;
      if (p < 0) share[i] = 1;
      else {
        const pk = kind[p]!;
        share[i] = pk === chance ? share[p]! * probOf[i]! : pk === decision ? (chosenChild[p] === i ? share[p]! : 0) : 0;
      }
      if (totalsOnly) continue;
      let c = 0;
      for (let k = 0; k < categoryCount; k++) c += ownC[i * categoryCount + k]!;
      accC[i] = (p < 0 ? 0 : accC[p]!) + c;
      accQ[i] = (p < 0 ? 0 : accQ[p]!) + ownQ[i]!;
    }
    writeTotals(plan, res, totalsOnly, undiscounted, categoriesHold);
  }

  function writeTotals(plan: StrategyPlan, res: TreeStrategyResult, totalsOnly: boolean, undiscounted: boolean, categoriesHold: boolean): void {
    const nodes = plan.nodes;
    let costD = 0;
    let costU = 0;
    res.costByCategory.fill(0);
    const { start, list } = categoriesHold ? plan.reached : plan.every;
    for (let x = start[0]!; x < start[1]!; x++) {
      const c = list[x]!;
      res.costByCategory[c] = ev.cD[c]!;
      costD += ev.cD[c]!;
    }
    const t = res.totals;
    t.cost = costD;
    t.qalys = ev.qD[0]!;
    t.lifeYears = ev.lD[0]!;
    t.effect = effectIsQalys ? t.qalys : t.lifeYears;
    if (undiscounted) {
      res.costByCategoryUndiscounted.fill(0);
      for (let x = start[0]!; x < start[1]!; x++) {
        const c = list[x]!;
        res.costByCategoryUndiscounted[c] = ev.cU[c]!;
        costU += ev.cU[c]!;
      }
      t.costUndiscounted = costU;
      t.qalysUndiscounted = ev.qU[0]!;
      t.lifeYearsUndiscounted = ev.lU[0]!;
    } else {
      // Not computed: NaN, never a plausible stale value.
      res.costByCategoryUndiscounted.fill(NaN);
      t.costUndiscounted = t.qalysUndiscounted = t.lifeYearsUndiscounted = NaN;
    }
    t.effectUndiscounted = effectIsQalys ? t.qalysUndiscounted : t.lifeYearsUndiscounted;
    // A totals-only result reads no counter; they are skipped when none can fail (see countersCannotFail).
    if (totalsOnly && plan.countersCannotFail) return;
    // Counters: the share reaching a node alive.
    const counted = counts;
    const share = pathShare;
    const aliveAt = alive;
    counted.fill(0);
    const { counterStart, counterId, counterFactorStart, counterFactorEnd } = plan.tape;
    for (let i = 0; i < nodes.length; i++) {
      const r = share[i]! * aliveAt[i]!;
      if (r === 0) continue;
      for (let k = counterStart[i]!; k < counterStart[i + 1]!; k++) {
        const id = counterId[k]!;
        counted[id] = counted[id]! + r * product(plan, counterFactorStart[k]!, counterFactorEnd[k]!, false);
      }
    }
    // Nothing below can fail, and a totals-only result (PSA, DSA, EVPPI) reads none of it.
    if (totalsOnly) return;
    const details = res.tree;
    for (let k = 0; k < nCounters; k++) details.counts[counterNames[k]!] = counts[k]!;
    // Per-cycle arrays and trace: one-offs in the first cycle, then sub-models weighted by who starts treatment,
    // with the waiting years of each path in the cycles they fall in.
    res.costPerCycle.fill(0);
    res.costPerCycleDiscounted.fill(0);
    res.qalysPerCycle.fill(0);
    res.qalysPerCycleDiscounted.fill(0);
    res.lifeYearsPerCycle.fill(0);
    res.lifeYearsPerCycleDiscounted.fill(0);
    res.trace.fill(0);
    let survivors = 0;
    let timeSum = 0;
    subSeen.fill(0);
    let nUsed = 0;
    subWeight.fill(0);
    const mu = waitMu;
    for (let i = 0; i < nodes.length; i++) {
      const share = pathShare[i]!;
      if (share === 0) continue;
      const r = share * alive[i]!;
      for (let c = 0; c < nCat; c++) {
        const x = r * plan.ownCost[i * nCat + c]!;
        res.costPerCycle[c] = res.costPerCycle[c]! + x;
        res.costPerCycleDiscounted[c] = res.costPerCycleDiscounted[c]! + x;
      }
      res.qalysPerCycle[0] = res.qalysPerCycle[0]! + r * own.q[i]!;
      res.qalysPerCycleDiscounted[0] = res.qalysPerCycleDiscounted[0]! + r * own.q[i]!;
      const n = nodes[i]!;
      if (n.kind !== KIND_TERMINAL) continue;
      const tauEnd = tau[i]! + own.time[i]!;
      const s = mu > 0 ? Math.exp(-mu * tauEnd) : 1;
      const enter = share * s;
      survivors += enter;
      timeSum += enter * tauEnd;
      if (n.submodel < 0) continue;
      if (subSeen[n.submodel] === 0) {
        subSeen[n.submodel] = 1;
        subOrder[nUsed++] = n.submodel;
      }
      // Sub-model arrays are linear in who starts treatment: accumulate the weights, add each sub-model once below.
      subWeight[n.submodel] = subWeight[n.submodel]! + enter;
      if (tauEnd > 0) addWaitingYears(res, submodels[n.submodel]!.out.strategies[plan.strategyIndex]!, tauEnd, share, s);
    }
    writeUsedSubmodels(plan, details, nUsed);
    for (let k = 0; k < submodels.length; k++) {
      const w = subWeight[k]!;
      if (w === 0) continue;
      addSubmodelArrays(res, submodels[k]!, plan.strategyIndex, w);
    }
    if (waitingDeathState >= 0) for (let row = 0; row <= T; row++) res.trace[row * nS + waitingDeathState] = 1 - survivors;
    details.meanTimeToTerminal = survivors > 0 ? timeSum / survivors / unitYears : 0;
    writePaths(plan, res, survivors);
    details.warnings.length = 0;
    details.warningDetails.length = 0;
    const used = details.submodels;
    for (const id in used) {
      const psm = used[id]!.psm;
      if (psm) for (const w of psm.warnings) details.warnings.push(`sub-model ${id}: ${w}`);
      if (psm) for (const d of psm.warningDetails) details.warningDetails.push({ code: `submodel-${d.code}`, params: { submodel: id, ...d.params } });
    }
  }

  /**
   * The waiting years of one path in the per-cycle arrays: the sub-model arrays are added below for the survivors
   * (share × s) in full; here the cycles overlapping [0, τ) get the waiting values instead of their first part.
   */
  function addWaitingYears(res: TreeStrategyResult, r: StrategyResult, tauEnd: number, share: number, s: number): void {
    const mu = waitMu;
    for (let v = 0; v < Tc && cycleStart[v]! < tauEnd; v++) {
      const a = cycleStart[v]!;
      const b = cycleEnd[v]!;
      if (!(b > a)) continue;
      const hi = b < tauEnd ? b : tauEnd;
      const phi = (hi - a) / (b - a);
      const e = mu > 0 ? (Math.exp(-mu * a) - Math.exp(-mu * hi)) / mu / (b - a) : phi;
      const lyU = r.lifeYearsPerCycle[v]!;
      const lyD = r.lifeYearsPerCycleDiscounted[v]!;
      const qU = r.qalysPerCycle[v]!;
      const qD = r.qalysPerCycleDiscounted[v]!;
      res.lifeYearsPerCycle[v] = res.lifeYearsPerCycle[v]! + share * (e - s * phi) * lyU;
      res.lifeYearsPerCycleDiscounted[v] = res.lifeYearsPerCycleDiscounted[v]! + share * (e - s * phi) * lyD;
      res.qalysPerCycle[v] = res.qalysPerCycle[v]! + share * (e * cappedQalys(qU, lyU) - s * phi * qU);
      res.qalysPerCycleDiscounted[v] = res.qalysPerCycleDiscounted[v]! + share * (e * cappedQalys(qD, lyD) - s * phi * qD);
    }
  }

  /**
   * details.submodels: the sub-models reached (in order of their first terminal), with the share entering each
   * (its weight, summed in the same order). The entry objects are kept between evaluations with the same `out`
   * and only rebuilt when the set of reached sub-models changes.
   */
  function writeUsedSubmodels(plan: StrategyPlan, details: TreeDetails, nUsed: number): void {
    let cache = usedCache.get(details);
    if (!cache) usedCache.set(details, (cache = { order: new Int32Array(submodels.length), n: -1, entries: [] }));
    let same = cache.n === nUsed;
    for (let u = 0; same && u < nUsed; u++) same = cache.order[u] === subOrder[u];
    const used = details.submodels;
    if (!same) {
      for (const key of Object.keys(used)) delete used[key];
      for (let u = 0; u < nUsed; u++) {
        const k = subOrder[u]!;
        const entry: { probability: number; psm?: PsmDetails } = { probability: 0 };
        cache.entries[k] = entry;
        used[submodels[k]!.id] = entry;
        cache.order[u] = k;
      }
      cache.n = nUsed;
    }
    for (let u = 0; u < nUsed; u++) {
      const k = subOrder[u]!;
      const entry = cache.entries[k]!;
      entry.probability = subWeight[k]!;
      const sr = submodels[k]!.out.strategies[plan.strategyIndex]!;
      if ('psm' in sr) entry.psm = (sr as PsmStrategyResult).psm;
    }
  }

  /**
   * 1 for the categories in which a sub-model strategy's per-cycle costs are not all zero, scanned once per
   * evaluate() (the scan stops at the first non-zero value, so costed categories cost one read).
   */
  function activeCategories(sub: Submodel, strategyIndex: number): Uint8Array {
    const flags = sub.activeCategories[strategyIndex]!;
    if (sub.activeStamp[strategyIndex] === evaluation) return flags;
    const sr = sub.out.strategies[strategyIndex]!;
    const cost = sr.costPerCycle;
    const costD = sr.costPerCycleDiscounted;
    for (let c = 0; c < nCat; c++) {
      let nonZero = 0;
      for (let o = c; o < Tc * nCat; o += nCat) {
        if (cost[o] !== 0 || costD[o] !== 0) {
          nonZero = 1;
          break;
        }
      }
      flags[c] = nonZero;
    }
    sub.activeStamp[strategyIndex] = evaluation;
    return flags;
  }

  /** Adds sub-model k's per-cycle arrays and trace, weighted by who starts treatment (w). */
  function addSubmodelArrays(res: TreeStrategyResult, sub: Submodel, strategyIndex: number, w: number): void {
    const sr = sub.out.strategies[strategyIndex]!;
    // Typed arrays in locals: the loops below run Tc × categories times per sub-model and strategy.
    const cost = res.costPerCycle;
    const costD = res.costPerCycleDiscounted;
    const subCost = sr.costPerCycle;
    const subCostD = sr.costPerCycleDiscounted;
    const active = activeCategories(sub, strategyIndex);
    for (let c = 0; c < nCat; c++) {
      // A category the sub-model never costs adds w × 0 = 0 everywhere: skipping it changes no bit.
      if (active[c] === 0) continue;
      for (let o = c; o < Tc * nCat; o += nCat) {
        cost[o] = cost[o]! + w * subCost[o]!;
        costD[o] = costD[o]! + w * subCostD[o]!;
      }
    }
    const q = res.qalysPerCycle;
    const qD = res.qalysPerCycleDiscounted;
    const ly = res.lifeYearsPerCycle;
    const lyD = res.lifeYearsPerCycleDiscounted;
    const subQ = sr.qalysPerCycle;
    const subQD = sr.qalysPerCycleDiscounted;
    const subLy = sr.lifeYearsPerCycle;
    const subLyD = sr.lifeYearsPerCycleDiscounted;
    for (let v = 0; v < Tc; v++) {
      q[v] = q[v]! + w * subQ[v]!;
      qD[v] = qD[v]! + w * subQD[v]!;
      ly[v] = ly[v]! + w * subLy[v]!;
      lyD[v] = lyD[v]! + w * subLyD[v]!;
    }
    const trace = res.trace;
    const subTrace = sr.trace;
    const stateMap = sub.stateMap;
    const m = stateMap.length;
    for (let j = 0; j < m; j++) {
      const col = stateMap[j]!;
      for (let row = 0; row <= T; row++) trace[row * nS + col] = trace[row * nS + col]! + w * subTrace[row * m + j]!;
    }
  }

  function writePaths(plan: StrategyPlan, res: TreeStrategyResult, survivors: number): void {
    const rows = res.tree.paths;
    const mu = waitMu;
    let k = 0;
    let cost = 0;
    let q = 0;
    let ly = 0;
    for (const i of plan.leaves) {
      const row = rows[k++]!;
      const n = plan.nodes[i]!;
      const tauEnd = tau[i]! + own.time[i]!;
      row.probability = pathShare[i]! * (mu > 0 ? Math.exp(-mu * tauEnd) : 1);
      row.time = tauEnd / unitYears;
      // One patient who completes the path: its one-offs, then the sub-model from diagnosis with the waiting
      // years at the waiting utility (no excess mortality: this patient survived the wait).
      let subCost = 0;
      let subQ = 0;
      let subL = 0;
      if (n.submodel >= 0) {
        const r = submodels[n.submodel]!.out.strategies[plan.strategyIndex]!;
        waitingValues(r, i, true);
        for (let c = 0; c < nCat; c++) subCost += r.costByCategory[c]!;
        subQ = r.totals.qalys - wait.cutQD + wait.q0D;
        subL = r.totals.lifeYears;
      }
      row.cost = acc.c[i]! + subCost;
      row.qalys = acc.q[i]! + subQ;
      row.lifeYears = subL;
      cost += row.probability * row.cost;
      q += row.probability * row.qalys;
      ly += row.probability * row.lifeYears;
    }
    if (k < rows.length) {
      // Deaths while waiting: the residual share and value, so the rows add up to the totals.
      const row = rows[k]!;
      row.probability = 1 - survivors;
      row.time = 0;
      const t = res.totals;
      row.cost = row.probability > 0 ? (t.cost - cost) / row.probability : 0;
      row.qalys = row.probability > 0 ? (t.qalys - q) / row.probability : 0;
      row.lifeYears = row.probability > 0 ? (t.lifeYears - ly) / row.probability : 0;
    }
  }

  /**
   * Every sub-model's totals are exactly +0 in the categories it does not cost (Submodel.costed), as the roll-back's
   * category lists (StrategyPlan.reached) assume; otherwise the evaluation visits every category.
   */
  function submodelsCostAsKnown(): boolean {
    for (let k = 0; k < submodels.length; k++) {
      const sub = submodels[k]!;
      const costed = sub.costed;
      const strategies = sub.out.strategies;
      for (let s = 0; s < strategies.length; s++) {
        const { costByCategory, costByCategoryUndiscounted } = strategies[s]!;
        for (let c = 0; c < costed.length; c++) {
          if (costed[c] === 1) continue;
          if (!isPositiveZero(costByCategory[c]!) || !isPositiveZero(costByCategoryUndiscounted[c]!)) return false;
        }
      }
    }
    return true;
  }

  /** Runs a sub-model; its run-time errors point into model.submodels.<id>. */
  function evaluateSubmodel(sub: Submodel, params: Float64Array): void {
    try {
      sub.compiled.evaluate(params, sub.out);
    } catch (e) {
      if (!(e instanceof ModelEvaluationError) || e.details.path[0] !== 'model') throw e;
      const relocated = new ModelEvaluationError({ ...e.details, path: submodelPath(sub.id, e.details.path) });
      relocated.message = `sub-model ${sub.id}: ${e.message}`;
      throw relocated;
    }
  }

  function createResult(options?: ResultOptions): ModelResult {
    const totalsOnly = options?.totalsOnly === true;
    // A totals-only result has no per-cycle arrays or trace (never written).
    const rows = (n: number): Float64Array => new Float64Array(totalsOnly ? 0 : n);
    return {
      ...resultFlags(options),
      strategies: plans.map((p): TreeStrategyResult => {
        const paths: PathRow[] = p.leaves.map((i) => {
          const n = p.nodes[i]!;
          return { path: n.label, terminal: n.label.split(' → ').at(-1)!, submodel: n.submodel >= 0 ? submodelIds[n.submodel]! : null, probability: 0, time: 0, cost: 0, qalys: 0, lifeYears: 0 };
        });
        if (waitingMortality) paths.push({ path: `${p.id} → died before treatment`, terminal: 'died before treatment', submodel: null, probability: 0, time: 0, cost: 0, qalys: 0, lifeYears: 0 });
        // Written out, not {...emptyStrategyResult(), tree}: a spread copy takes other hidden classes (megamorphic
        // reads of results in the per-draw code: liquid-biopsy PSA +4 % instructions).
        return {
          id: p.id,
          label: p.label,
          totals: { cost: 0, costUndiscounted: 0, qalys: 0, qalysUndiscounted: 0, lifeYears: 0, lifeYearsUndiscounted: 0, effect: 0, effectUndiscounted: 0 },
          costByCategory: new Float64Array(nCat),
          costByCategoryUndiscounted: new Float64Array(nCat),
          trace: rows((T + 1) * nS),
          costPerCycle: rows(Tc * nCat),
          costPerCycleDiscounted: rows(Tc * nCat),
          qalysPerCycle: rows(Tc),
          qalysPerCycleDiscounted: rows(Tc),
          lifeYearsPerCycle: rows(Tc),
          lifeYearsPerCycleDiscounted: rows(Tc),
          tree: { counts: {}, paths, meanTimeToTerminal: 0, timeUnit: tree.timeUnit, submodels: {}, warnings: [], warningDetails: [] },
        };
      }),
    };
  }

  const baseValues = baseCaseValues(model, baseProgram, space.ids.length);

  return {
    ...describeCompiledModel('tree', defs, settings, {
      strategies: plans,
      stateIds,
      categoryIds: categories,
      cycles: T,
      valueCycles: Tc,
      cycleLength: L,
      baseValues,
    }),
    createResult,
    evaluate(params, out) {
      checkParameterCount(params, space.ids.length);
      const result = out ?? createResult();
      evaluation++;
      const totalsOnly = result.totalsOnly === true;
      const undiscounted = result.discountedOnly !== true;
      gridCache.startEvaluation();
      cycleValueCache.startEvaluation();
      for (const sub of submodels) {
        const source = sub.sameAs >= 0 ? submodels[sub.sameAs]! : sub;
        sub.out = !undiscounted ? source.discounted : totalsOnly ? source.totals : source.full;
        if (source === sub) evaluateSubmodel(sub, params);
      }
      for (const { program, table } of valueGroups) {
        program.prepare(params);
        setCycleVariables(program.vars, 1, L, settings.startAge ?? NaN);
        program.updateCycle();
        table.evaluate(program.work, program.vars);
      }
      const categoriesHold = submodelsCostAsKnown();
      for (let s = 0; s < plans.length; s++) runStrategy(plans[s]!, result.strategies[s] as TreeStrategyResult, totalsOnly, undiscounted, categoriesHold);
      return result;
    },
  };
}

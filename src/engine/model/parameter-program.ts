// Turns the parameter list (plus a strategy's overrides) into an evaluation program over a Float64Array:
// inputs are read from the caller's array, derived parameters are recomputed in dependency order, split into
// those computed once per evaluation (static), once per cycle (read cycle/age/time) and once per time-in-state
// (read state_time). Shared by every model type.
import type { HtaModel, Expression } from './schema';
import type { IssuePath, ModelIssue } from '../errors';
import { quoteExpression } from '../errors';
import { parseExpression, collectNames, ExpressionSyntaxError } from '../expression/parser';
import type { ExprNode } from '../expression/parser';
import { compileExpressionForm, ExpressionNameError, BUILTIN_NAMES, VARIABLE_COUNT, VARIABLE_SLOTS } from '../expression/compile';
import type { Evaluator, NameResolver } from '../expression/compile';
import { getFunction, CONDITIONAL_FUNCTION } from '../expression/functions';
import { compileTable, tableProblems } from '../expression/lookup-table';
import type { CompiledTable } from '../expression/lookup-table';
import { ExpressionBatch, FORM_CONSTANT, inlineForm } from '../expression/inline-forms';
import type { FormedEvaluator, InlineForm } from '../expression/inline-forms';
import { topologicalOrder } from './dependency-graph';
import { hoistInvariants, readsOnlyFixedNames, LEVEL_CONSTANT, LEVEL_CYCLE, LEVEL_EVALUATION, LEVEL_STATE_TIME, TEMPORARY_PREFIX } from './hoisting';
import type { VariationLevel } from './hoisting';

/** A compiled expression from the model file, with what it depends on. */
export interface CompiledSite {
  fn: Evaluator;
  /** The same computation as an inline form, for evaluation through an ExpressionBatch (null: call fn). */
  form: InlineForm | null;
  path: IssuePath;
  source: Expression;
  /** Parameters read directly. */
  parameters: string[];
  /** Reads cycle, age or time (directly or through parameters): recompute every cycle. */
  timeVarying: boolean;
  /** Reads cycle, age or time itself (not only through parameters). */
  directTime?: boolean;
  /** Reads state_time (directly or through parameters): recompute per time in state. */
  stateTimeVarying: boolean;
  /** Set when the expression is a plain number. */
  constant?: number;
  /** The expression is exactly one parameter name (used for unit checks and messages). */
  bareParameter?: string;
}

export interface ParameterSpace {
  ids: string[];
  index: Map<string, number>;
  tables: Map<string, CompiledTable>;
  cycleLength: number;
  resolver: NameResolver;
}

interface Definition {
  site: CompiledSite | null;
  isInput: boolean;
}

export interface StrategyParameterProgram {
  /**
   * Parameter values (one slot per parameter), then the hidden temporaries of hoisted sites. Compiling a site
   * with `hoist` may replace the array: read it when evaluating, not when compiling.
   */
  work: Float64Array;
  /** Variable array passed to evaluators: cycle, age, state_time, time. */
  vars: Float64Array;
  timeVarying: Uint8Array;
  stateTimeVarying: Uint8Array;
  /** Copies the caller's values and computes static derived parameters. */
  prepare(params: Float64Array): void;
  /** Recomputes parameters that vary with model time (vars must hold the cycle). */
  updateCycle(): void;
  /** As updateCycle, and sets changed[slot] = 1 for each cycle parameter whose value changed (all when `force`); true when any changed. */
  updateCycleTracked(force: boolean): boolean;
  /** Per slot: 1 when the last updateCycleTracked changed it. */
  changed: Uint8Array;
  /** True when the program has parameters that vary with cycle, age or time. */
  hasCycleParameters: boolean;
  /** Recomputes parameters that vary with time in state (vars must hold state_time). */
  updateStateTime(): void;
  hasStateTimeParameters: boolean;
  /**
   * Compiles a model expression against this strategy's parameters. Returns null (and records an issue) when invalid.
   * `hoist`: the site is evaluated every cycle right after updateCycle/updateCycleTracked (or per time in state
   * after those), so its loop invariants may move into temporaries that prepare() and updateCycle() compute
   * (see hoisting.ts); `shared` lists the subexpressions that other sites repeat.
   */
  compileSite(source: Expression, path: IssuePath, issues: ModelIssue[], allowStateTime?: boolean, hoist?: HoistOptions): CompiledSite | null;
  /** Current values of the parameters an expression reads, directly or through other parameters. */
  involvedValues(names: string[]): Record<string, number>;
}

export interface HoistOptions {
  /** Subexpression keys (hoisting.ts subexpressionKey) that occur in more than one site. */
  shared: ReadonlySet<string>;
}

const NOTHING_SHARED: ReadonlySet<string> = new Set();

const SYNTAX_CACHE = new Map<string, ExprNode | ExpressionSyntaxError>();

function parseCached(src: string): ExprNode {
  let hit = SYNTAX_CACHE.get(src);
  if (hit === undefined) {
    try {
      hit = parseExpression(src);
    } catch (e) {
      if (!(e instanceof ExpressionSyntaxError)) throw e;
      hit = e;
    }
    if (SYNTAX_CACHE.size > 10000) SYNTAX_CACHE.clear();
    SYNTAX_CACHE.set(src, hit);
  }
  if (hit instanceof ExpressionSyntaxError) throw hit;
  return hit;
}

/** Edit distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

export function suggestName(name: string, candidates: Iterable<string>): string {
  let best = '';
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(1, Math.floor(name.length / 3)) ? ` (did you mean ${best}?)` : '';
}

/** Builds the slots and compiled tables. Table problems are recorded in `issues`. */
export function buildParameterSpace(model: HtaModel, issues: ModelIssue[]): ParameterSpace {
  const ids = model.parameters.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  const tables = new Map<string, CompiledTable>();
  model.tables.forEach((t, i) => {
    const problems = tableProblems(t);
    for (const p of problems) issues.push({ code: 'bad-table', severity: 'error', path: ['tables', i, ...p.path], message: p.message });
    if (problems.length === 0 && !tables.has(t.id)) tables.set(t.id, compileTable(t));
  });
  const { cycleLength, cycles, horizon, discount } = model.settings;
  // Constants read as plain numbers; a cycle count that does not resolve is reported by the model's compiler.
  const constants = new Map<string, number>([
    ['n_cycles', cycles ?? (horizon === undefined ? NaN : Math.round(horizon / cycleLength))],
    ['discount_costs', discount.costs],
    ['discount_effects', discount.effects],
  ]);
  const resolver: NameResolver = {
    cycleLength,
    constants,
    parameterSlot: (name) => index.get(name),
    table: (name) => tables.get(name),
  };
  return { ids, index, tables, cycleLength, resolver };
}

interface RawSite {
  fn: Evaluator;
  form: InlineForm | null;
  parameters: string[];
  directTime: boolean;
  directStateTime: boolean;
  constant?: number;
  bareParameter?: string;
}

/** A rewrite of the parsed tree before compiling (hoisting), with the resolver that knows its temporaries. */
interface TreeRewrite {
  rewrite(tree: ExprNode): ExprNode;
  resolver: NameResolver;
}

/** Parses and compiles one expression, recording located issues instead of throwing. */
function compileRaw(space: ParameterSpace, source: Expression, path: IssuePath, issues: ModelIssue[], rewrite?: TreeRewrite): RawSite | null {
  if (typeof source === 'number') {
    if (!Number.isFinite(source)) {
      issues.push({ code: 'not-a-number', severity: 'error', path, message: `${source} is not a finite number` });
      return null;
    }
    return { fn: () => source, form: inlineForm(FORM_CONSTANT, { c: source }), parameters: [], directTime: false, directStateTime: false, constant: source };
  }
  let tree: ExprNode;
  try {
    tree = parseCached(source);
  } catch (e) {
    issues.push({ code: 'syntax', severity: 'error', path, message: `cannot read expression ${quoteExpression(source)}: ${(e as Error).message}`, params: { expression: quoteExpression(source), reason: (e as Error).message } });
    return null;
  }
  const { names, calls } = collectNames(tree);
  let ok = true;
  const builtins = new Set<string>(BUILTIN_NAMES);
  for (const name of names) {
    if (builtins.has(name) || space.index.has(name)) continue;
    ok = false;
    const hint = space.tables.has(name)
      ? ` (${name} is a table: call it with its keys, e.g. ${name}(...))`
      : getFunction(name)
        ? ` (${name} is a function: call it with arguments)`
        : name === 'C'
          ? ' (the complement "C" must be the whole probability of a transition)'
          : suggestName(name, [...space.index.keys(), ...builtins]);
    issues.push({ code: 'unknown-name', severity: 'error', path, message: `unknown name '${name}' in ${quoteExpression(source)}${hint}`, params: { name, expression: quoteExpression(source) } });
  }
  for (const call of calls) {
    if (call === CONDITIONAL_FUNCTION || getFunction(call) || space.tables.has(call)) continue;
    ok = false;
    issues.push({ code: 'unknown-function', severity: 'error', path, message: `unknown function or table '${call}' in ${quoteExpression(source)}`, params: { name: call, expression: quoteExpression(source) } });
  }
  if (!ok) return null;
  let compiled: FormedEvaluator;
  try {
    compiled = rewrite ? compileExpressionForm(rewrite.rewrite(tree), rewrite.resolver) : compileExpressionForm(tree, space.resolver);
  } catch (e) {
    if (!(e instanceof ExpressionNameError)) throw e;
    issues.push({ code: 'bad-call', severity: 'error', path, message: `${e.message} in ${quoteExpression(source)}` });
    return null;
  }
  const parameters = [...names].filter((n) => space.index.has(n));
  const raw: RawSite = {
    fn: compiled.fn,
    form: compiled.form,
    parameters,
    directTime: names.has('cycle') || names.has('age') || names.has('time'),
    directStateTime: names.has('state_time'),
  };
  if (tree.kind === 'name' && space.index.has(tree.name)) raw.bareParameter = tree.name;
  if (tree.kind === 'number') raw.constant = tree.value;
  return raw;
}

/** The model-level definitions (shared by all strategies), compiled once. */
export interface ModelDefinitions {
  space: ParameterSpace;
  definitions: Definition[];
  raw: (RawSite | null)[];
  /** Slots evaluate() reads: value parameters plus the extra inputs asked for. */
  inputs: Uint8Array;
  /** Slots that hold a plain value in the file (the base case computes every other slot). */
  valueInputs: Uint8Array;
}

export function compileModelDefinitions(model: HtaModel, space: ParameterSpace, issues: ModelIssue[], extraInputs: readonly string[] = []): ModelDefinitions {
  const extra = new Set(extraInputs);
  const inputs = new Uint8Array(space.ids.length);
  const valueInputs = new Uint8Array(space.ids.length);
  const raw: (RawSite | null)[] = [];
  const definitions: Definition[] = [];
  model.parameters.forEach((p, i) => {
    const hasValue = p.value !== undefined;
    const hasExpr = p.expression !== undefined;
    if (hasValue === hasExpr) {
      issues.push({
        code: hasValue ? 'value-and-expression' : 'missing-value',
        severity: 'error',
        path: ['parameters', i],
        message: hasValue ? `parameter ${p.id} has both a value and an expression; keep one` : `parameter ${p.id} has neither a value nor an expression`,
      });
    }
    const isInput = (hasValue && !hasExpr) || extra.has(p.id);
    inputs[i] = isInput ? 1 : 0;
    valueInputs[i] = hasValue && !hasExpr ? 1 : 0;
    const r = hasExpr ? compileRaw(space, p.expression!, ['parameters', i, 'expression'], issues) : hasValue ? compileRaw(space, p.value!, ['parameters', i, 'value'], issues) : null;
    raw.push(r);
    definitions.push({ site: null, isInput });
  });
  return { space, definitions, raw, inputs, valueInputs };
}

/**
 * Builds the program of one strategy (overrides = that strategy's parameter overrides; pass {} for the model
 * itself). Dependency cycles are recorded once per distinct cycle (seenCycles dedupes across strategies).
 */
export function buildStrategyProgram(
  defs: ModelDefinitions,
  overrides: Record<string, Expression>,
  overridePath: IssuePath,
  issues: ModelIssue[],
  seenCycles: Set<string>,
): StrategyParameterProgram {
  const { space } = defs;
  const n = space.ids.length;
  const siteOf: (RawSite | null)[] = defs.raw.slice();
  const isInput = Uint8Array.from(defs.inputs);
  const cyclePaths: IssuePath[] = space.ids.map((_, i) => ['parameters', i]);
  for (const [id, source] of Object.entries(overrides)) {
    const slot = space.index.get(id);
    const path = [...overridePath, id];
    if (slot === undefined) {
      issues.push({ code: 'unknown-name', severity: 'error', path, message: `override of unknown parameter '${id}'${suggestName(id, space.index.keys())}` });
      continue;
    }
    siteOf[slot] = compileRaw(space, source, path, issues);
    isInput[slot] = 0;
    cyclePaths[slot] = path;
  }
  const deps = new Map<string, string[]>();
  space.ids.forEach((id, i) => {
    if (space.index.get(id) !== i) return; // duplicate id: reported by validation
    deps.set(id, isInput[i] ? [] : (siteOf[i]?.parameters ?? []));
  });
  const { order, cycles } = topologicalOrder([...deps.keys()], deps);
  const inCycle = new Set<string>();
  for (const c of cycles) {
    c.forEach((name) => inCycle.add(name));
    const key = [...new Set(c)].sort().join(',');
    if (seenCycles.has(key)) continue;
    seenCycles.add(key);
    issues.push({ code: 'dependency-cycle', severity: 'error', path: cyclePaths[space.index.get(c[0]!)!]!, message: `parameters depend on each other in a cycle: ${c.join(' → ')}`, params: { cycle: c.join(' → ') } });
  }
  const timeVarying = new Uint8Array(n);
  const stateTimeVarying = new Uint8Array(n);
  const staticSlots: number[] = [];
  const cycleSlots: number[] = [];
  const stateSlots: number[] = [];
  for (const id of order) {
    const slot = space.index.get(id)!;
    if (isInput[slot]) continue;
    const site = siteOf[slot];
    if (!site || inCycle.has(id)) continue;
    let t = site.directTime;
    let s = site.directStateTime;
    for (const d of site.parameters) {
      const ds = space.index.get(d)!;
      t ||= timeVarying[ds] === 1;
      s ||= stateTimeVarying[ds] === 1;
    }
    timeVarying[slot] = t ? 1 : 0;
    stateTimeVarying[slot] = s ? 1 : 0;
    (s ? stateSlots : t ? cycleSlots : staticSlots).push(slot);
  }
  let work = new Float64Array(n);
  const changed = new Uint8Array(n);
  const vars = new Float64Array(VARIABLE_COUNT);
  const batchFor = (slots: number[]): ExpressionBatch => new ExpressionBatch(slots.map((s) => siteOf[s]!));
  const staticS = Int32Array.from(staticSlots);
  const staticF = batchFor(staticSlots);
  const cycleS = Int32Array.from(cycleSlots);
  const cycleF = batchFor(cycleSlots);
  const stateS = Int32Array.from(stateSlots);
  const stateF = batchFor(stateSlots);
  const inputSlots = Int32Array.from([...isInput.keys()].filter((i) => isInput[i] === 1));
  // Slots neither input nor computed (broken definitions) stay NaN so a run can never silently use them.
  const computed = new Uint8Array(n);
  for (const slot of [...staticSlots, ...cycleSlots, ...stateSlots]) computed[slot] = 1;
  const brokenSlots = Int32Array.from(space.ids.map((_, i) => i).filter((i) => !isInput[i] && !computed[i]));

  // Hidden temporaries of hoisted sites (slots n, n + 1, ...): per evaluation after the static parameters, per
  // cycle after the cycle parameters. Plain arrays while sites are compiled, typed arrays once evaluation starts.
  // Per-cycle temporaries that read no parameter (model time, constants and tables only, e.g. an age-table
  // mortality) are model-time temporaries: their values per cycle are kept from one evaluation to the next.
  const temporaryByKey = new Map<string, number>();
  const temporarySlotOf = new Map<string, number>();
  const temporaryLevel = new Map<number, VariationLevel>();
  const evaluationTemporaries = { slots: [] as number[], fns: [] as FormedEvaluator[] };
  const cycleTemporaries = { slots: [] as number[], fns: [] as FormedEvaluator[] };
  const modelTimeTemporaries = { slots: [] as number[], fns: [] as FormedEvaluator[] };
  let evaluationTempS = new Int32Array(0);
  let evaluationTempF = new ExpressionBatch([]);
  let cycleTempS = new Int32Array(0);
  let cycleTempF = new ExpressionBatch([]);
  let modelTimeTemps = new ModelTimeTemporaries(new Int32Array(0), new ExpressionBatch([]));
  const levelOfName = (name: string): VariationLevel => {
    if (name === 'state_time') return LEVEL_STATE_TIME;
    if (name === 'cycle' || name === 'age' || name === 'time') return LEVEL_CYCLE;
    const slot = space.index.get(name) ?? temporarySlotOf.get(name);
    if (slot === undefined) return LEVEL_CONSTANT; // cycle_length
    if (slot >= n) return temporaryLevel.get(slot)!;
    return stateTimeVarying[slot] ? LEVEL_STATE_TIME : timeVarying[slot] ? LEVEL_CYCLE : LEVEL_EVALUATION;
  };
  // Names the compiler reads as model time or as constants of the model (before any parameter of that name).
  const fixedName = (name: string): boolean => name === 'cycle' || name === 'age' || name === 'time' || name === 'cycle_length' || space.resolver.constants?.has(name) === true;
  const temporaryResolver: NameResolver = {
    cycleLength: space.cycleLength,
    constants: space.resolver.constants,
    parameterSlot: (name) => space.index.get(name) ?? temporarySlotOf.get(name),
    table: (name) => space.tables.get(name),
  };
  const hoistingRewrite = (shared: ReadonlySet<string>): TreeRewrite => {
    const rewrite = (tree: ExprNode): ExprNode => hoistInvariants(tree, levelOfName, shared, temporary, fixedName);
    const temporary = (node: ExprNode, key: string, level: VariationLevel): string => {
      let slot = temporaryByKey.get(key);
      if (slot === undefined) {
        // Compiled before its slot exists, so a temporary never reads itself. Inside a per-cycle temporary only
        // per-evaluation parts move out (it is computed once per cycle already).
        const fn = compileExpressionForm(hoistInvariants(node, levelOfName, NOTHING_SHARED, temporary), temporaryResolver);
        slot = work.length;
        const grown = new Float64Array(slot + 1);
        grown.set(work);
        work = grown;
        program.work = work;
        temporaryByKey.set(key, slot);
        temporarySlotOf.set(`${TEMPORARY_PREFIX}${slot}`, slot);
        temporaryLevel.set(slot, level);
        const list = level === LEVEL_EVALUATION ? evaluationTemporaries : readsOnlyFixedNames(node, fixedName) ? modelTimeTemporaries : cycleTemporaries;
        list.slots.push(slot);
        list.fns.push(fn);
        evaluationTempS = Int32Array.from(evaluationTemporaries.slots);
        evaluationTempF = new ExpressionBatch(evaluationTemporaries.fns);
        cycleTempS = Int32Array.from(cycleTemporaries.slots);
        cycleTempF = new ExpressionBatch(cycleTemporaries.fns);
        modelTimeTemps = new ModelTimeTemporaries(Int32Array.from(modelTimeTemporaries.slots), new ExpressionBatch(modelTimeTemporaries.fns));
      }
      return `${TEMPORARY_PREFIX}${slot}`;
    };
    return { rewrite, resolver: temporaryResolver };
  };

  const run = (slots: Int32Array, batch: ExpressionBatch): void => {
    if (slots.length > 0) batch.evaluate(work, vars, work, slots);
  };
  const previousCycleValues = new Float64Array(cycleS.length);

  const program: StrategyParameterProgram = {
    work,
    vars,
    timeVarying,
    stateTimeVarying,
    hasStateTimeParameters: stateS.length > 0,
    prepare(params) {
      const w = work;
      for (let k = 0; k < inputSlots.length; k++) w[inputSlots[k]!] = params[inputSlots[k]!]!;
      for (let k = 0; k < brokenSlots.length; k++) w[brokenSlots[k]!] = NaN;
      run(staticS, staticF);
      run(evaluationTempS, evaluationTempF);
    },
    updateCycle() {
      run(cycleS, cycleF);
      modelTimeTemps.update(work, vars);
      run(cycleTempS, cycleTempF);
    },
    updateCycleTracked(force) {
      const w = work;
      let any = force;
      if (cycleS.length > 0) {
        for (let k = 0; k < cycleS.length; k++) previousCycleValues[k] = w[cycleS[k]!]!;
        cycleF.evaluate(w, vars, w, cycleS);
        for (let k = 0; k < cycleS.length; k++) {
          const slot = cycleS[k]!;
          const differs = force || w[slot] !== previousCycleValues[k];
          changed[slot] = differs ? 1 : 0;
          any ||= differs;
        }
      }
      modelTimeTemps.update(w, vars);
      if (cycleTempS.length > 0) run(cycleTempS, cycleTempF);
      return any;
    },
    changed,
    hasCycleParameters: cycleS.length > 0,
    updateStateTime() {
      run(stateS, stateF);
    },
    compileSite(source, path, siteIssues, allowStateTime = true, hoist) {
      const r = compileRaw(space, source, path, siteIssues, hoist ? hoistingRewrite(hoist.shared) : undefined);
      if (!r) return null;
      let t = r.directTime;
      let s = r.directStateTime;
      for (const d of r.parameters) {
        const ds = space.index.get(d)!;
        t ||= timeVarying[ds] === 1;
        s ||= stateTimeVarying[ds] === 1;
      }
      if (s && !allowStateTime) {
        siteIssues.push({ code: 'state-time-not-available', severity: 'error', path, message: `${quoteExpression(source)} reads state_time, which is only defined in states with maxStateTime (tunnel states)`, params: { expression: quoteExpression(source) } });
        return null;
      }
      const site: CompiledSite = { fn: r.fn, form: r.form, path, source, parameters: r.parameters, timeVarying: t, directTime: r.directTime, stateTimeVarying: s };
      if (r.constant !== undefined) site.constant = r.constant;
      if (r.bareParameter !== undefined) site.bareParameter = r.bareParameter;
      return site;
    },
    involvedValues(names) {
      const out: Record<string, number> = {};
      const queue = [...names];
      while (queue.length > 0 && Object.keys(out).length < 12) {
        const name = queue.shift()!;
        if (Object.hasOwn(out, name)) continue;
        const slot = space.index.get(name);
        if (slot === undefined) continue;
        out[name] = work[slot]!;
        if (!isInput[slot]) queue.push(...(siteOf[slot]?.parameters ?? []));
      }
      return out;
    },
  };
  return program;
}

/** Cycles up to which a program keeps its model-time temporaries (a bound on memory; later cycles compute them). */
const MAX_KEPT_CYCLES = 1 << 16;

/**
 * The values of model-time temporaries (per-cycle temporaries that read no parameter) computed once per cycle
 * for every evaluation: row c holds their values at cycle c with the age and time they were computed at, and is
 * used again only when an evaluation reaches cycle c at that same age and time (so the same inputs: tables and
 * constants never change). The same function of the same inputs, so the same doubles.
 */
class ModelTimeTemporaries {
  private values = new Float64Array(0);
  private ages = new Float64Array(0);
  private times = new Float64Array(0);
  private known = new Uint8Array(0);

  constructor(
    private readonly slots: Int32Array,
    private readonly batch: ExpressionBatch,
  ) {}

  /** Sets the temporaries in `work` for the cycle, age and time in `vars`. */
  update(work: Float64Array, vars: Float64Array): void {
    const slots = this.slots;
    const k = slots.length;
    if (k === 0) return;
    const cycle = vars[SLOT_CYCLE]!;
    const age = vars[SLOT_AGE]!;
    const time = vars[SLOT_TIME]!;
    const row = cycle | 0;
    if (!(row === cycle && row >= 0 && row < MAX_KEPT_CYCLES)) {
      this.batch.evaluate(work, vars, work, slots);
      return;
    }
    const base = row * k;
    if (row < this.known.length && this.known[row] === 1 && this.times[row] === time && (this.ages[row] === age || (age !== age && this.ages[row] !== this.ages[row]))) {
      const values = this.values;
      for (let i = 0; i < k; i++) work[slots[i]!] = values[base + i]!;
      return;
    }
    this.batch.evaluate(work, vars, work, slots);
    if (row >= this.known.length) this.grow(row + 1);
    for (let i = 0; i < k; i++) this.values[base + i] = work[slots[i]!]!;
    this.ages[row] = age;
    this.times[row] = time;
    this.known[row] = 1;
  }

  private grow(rows: number): void {
    const size = Math.min(MAX_KEPT_CYCLES, Math.max(rows, 2 * this.known.length, 64));
    const values = new Float64Array(size * this.slots.length);
    values.set(this.values);
    this.values = values;
    const ages = new Float64Array(size);
    ages.set(this.ages);
    this.ages = ages;
    const times = new Float64Array(size);
    times.set(this.times);
    this.times = times;
    const known = new Uint8Array(size);
    known.set(this.known);
    this.known = known;
  }
}

/** Sets the model variables for a cycle (1-based): age at the start of the cycle, time elapsed in years. */
export function setCycleVariables(vars: Float64Array, cycle: number, cycleLength: number, startAge: number): void {
  vars[SLOT_CYCLE] = cycle;
  vars[SLOT_TIME] = (cycle - 1) * cycleLength;
  vars[SLOT_AGE] = startAge + (cycle - 1) * cycleLength;
  vars[SLOT_STATE_TIME] = 1;
}

/** Runs a program on `params` at the base-case time point: cycle 1, time in state 1. */
export function runAtFirstCycle(program: StrategyParameterProgram, params: Float64Array, cycleLength: number, startAge: number): void {
  program.prepare(params);
  setCycleVariables(program.vars, 1, cycleLength, startAge);
  program.updateCycle();
  program.updateStateTime();
}

/**
 * Base-case value of every parameter slot (CompiledModel.baseParameters): inputs as the model gives them,
 * expression parameters computed by `program` (the model's, without strategy overrides) at cycle 1.
 */
export function baseCaseValues(model: HtaModel, program: StrategyParameterProgram, slotCount: number): Float64Array {
  const base = new Float64Array(slotCount);
  model.parameters.forEach((p, i) => (base[i] = p.value ?? NaN));
  runAtFirstCycle(program, base, model.settings.cycleLength, model.settings.startAge ?? NaN);
  return Float64Array.from(program.work);
}

// Module-level copies: imported bindings can be getters after transpiling, too slow for the hot loop.
const SLOT_CYCLE = VARIABLE_SLOTS.cycle;
const SLOT_TIME = VARIABLE_SLOTS.time;
const SLOT_AGE = VARIABLE_SLOTS.age;
const SLOT_STATE_TIME = VARIABLE_SLOTS.state_time;

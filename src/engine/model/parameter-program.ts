// Turns the parameter list (plus a strategy's overrides) into an evaluation program over a Float64Array:
// inputs are read from the caller's array, derived parameters are recomputed in dependency order, split into
// those computed once per evaluation (static), once per cycle (read cycle/age/time) and once per time-in-state
// (read state_time). Shared by every model type.
import type { HtaModel, Expression } from './schema';
import type { IssuePath, ModelIssue } from '../errors';
import { quoteExpression } from '../errors';
import { parseExpression, collectNames, ExpressionSyntaxError } from '../expression/parser';
import type { ExprNode } from '../expression/parser';
import { compileExpressionTree, ExpressionNameError, BUILTIN_NAMES, VARIABLE_COUNT, VARIABLE_SLOTS } from '../expression/compile';
import type { Evaluator, NameResolver } from '../expression/compile';
import { getFunction, CONDITIONAL_FUNCTION } from '../expression/functions';
import { compileTable, tableProblems } from '../expression/lookup-table';
import type { CompiledTable } from '../expression/lookup-table';
import { topologicalOrder } from './dependency-graph';

/** A compiled expression from the model file, with what it depends on. */
export interface CompiledSite {
  fn: Evaluator;
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
  /** Compiles a model expression against this strategy's parameters. Returns null (and records an issue) when invalid. */
  compileSite(source: Expression, path: IssuePath, issues: ModelIssue[], allowStateTime?: boolean): CompiledSite | null;
  /** Current values of the parameters an expression reads, directly or through other parameters. */
  involvedValues(names: string[]): Record<string, number>;
}

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
  parameters: string[];
  directTime: boolean;
  directStateTime: boolean;
  constant?: number;
  bareParameter?: string;
}

/** Parses and compiles one expression, recording located issues instead of throwing. */
function compileRaw(space: ParameterSpace, source: Expression, path: IssuePath, issues: ModelIssue[]): RawSite | null {
  if (typeof source === 'number') {
    if (!Number.isFinite(source)) {
      issues.push({ code: 'not-a-number', severity: 'error', path, message: `${source} is not a finite number` });
      return null;
    }
    return { fn: () => source, parameters: [], directTime: false, directStateTime: false, constant: source };
  }
  let tree: ExprNode;
  try {
    tree = parseCached(source);
  } catch (e) {
    issues.push({ code: 'syntax', severity: 'error', path, message: `cannot read expression ${quoteExpression(source)}: ${(e as Error).message}` });
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
    issues.push({ code: 'unknown-name', severity: 'error', path, message: `unknown name '${name}' in ${quoteExpression(source)}${hint}` });
  }
  for (const call of calls) {
    if (call === CONDITIONAL_FUNCTION || getFunction(call) || space.tables.has(call)) continue;
    ok = false;
    issues.push({ code: 'unknown-function', severity: 'error', path, message: `unknown function or table '${call}' in ${quoteExpression(source)}` });
  }
  if (!ok) return null;
  let fn: Evaluator;
  try {
    fn = compileExpressionTree(tree, space.resolver);
  } catch (e) {
    if (!(e instanceof ExpressionNameError)) throw e;
    issues.push({ code: 'bad-call', severity: 'error', path, message: `${e.message} in ${quoteExpression(source)}` });
    return null;
  }
  const parameters = [...names].filter((n) => space.index.has(n));
  const raw: RawSite = {
    fn,
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
    issues.push({ code: 'dependency-cycle', severity: 'error', path: cyclePaths[space.index.get(c[0]!)!]!, message: `parameters depend on each other in a cycle: ${c.join(' → ')}` });
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
  const work = new Float64Array(n);
  const changed = new Uint8Array(n);
  const vars = new Float64Array(VARIABLE_COUNT);
  const fnsFor = (slots: number[]): Evaluator[] => slots.map((s) => siteOf[s]!.fn);
  const staticS = Int32Array.from(staticSlots);
  const staticF = fnsFor(staticSlots);
  const cycleS = Int32Array.from(cycleSlots);
  const cycleF = fnsFor(cycleSlots);
  const stateS = Int32Array.from(stateSlots);
  const stateF = fnsFor(stateSlots);
  const inputSlots = Int32Array.from([...isInput.keys()].filter((i) => isInput[i] === 1));
  // Slots neither input nor computed (broken definitions) stay NaN so a run can never silently use them.
  const computed = new Uint8Array(n);
  for (const slot of [...staticSlots, ...cycleSlots, ...stateSlots]) computed[slot] = 1;
  const brokenSlots = Int32Array.from(space.ids.map((_, i) => i).filter((i) => !isInput[i] && !computed[i]));

  const run = (slots: Int32Array, fns: Evaluator[]): void => {
    for (let k = 0; k < slots.length; k++) work[slots[k]!] = fns[k]!(work, vars);
  };

  const program: StrategyParameterProgram = {
    work,
    vars,
    timeVarying,
    stateTimeVarying,
    hasStateTimeParameters: stateS.length > 0,
    prepare(params) {
      for (let k = 0; k < inputSlots.length; k++) work[inputSlots[k]!] = params[inputSlots[k]!]!;
      for (let k = 0; k < brokenSlots.length; k++) work[brokenSlots[k]!] = NaN;
      run(staticS, staticF);
    },
    updateCycle() {
      run(cycleS, cycleF);
    },
    updateCycleTracked(force) {
      let any = force;
      for (let k = 0; k < cycleS.length; k++) {
        const slot = cycleS[k]!;
        const x = cycleF[k]!(work, vars);
        const differs = force || x !== work[slot];
        changed[slot] = differs ? 1 : 0;
        any ||= differs;
        work[slot] = x;
      }
      return any;
    },
    changed,
    hasCycleParameters: cycleS.length > 0,
    updateStateTime() {
      run(stateS, stateF);
    },
    compileSite(source, path, siteIssues, allowStateTime = true) {
      const r = compileRaw(space, source, path, siteIssues);
      if (!r) return null;
      let t = r.directTime;
      let s = r.directStateTime;
      for (const d of r.parameters) {
        const ds = space.index.get(d)!;
        t ||= timeVarying[ds] === 1;
        s ||= stateTimeVarying[ds] === 1;
      }
      if (s && !allowStateTime) {
        siteIssues.push({ code: 'state-time-not-available', severity: 'error', path, message: `${quoteExpression(source)} reads state_time, which is only defined in states with maxStateTime (tunnel states)` });
        return null;
      }
      const site: CompiledSite = { fn: r.fn, path, source, parameters: r.parameters, timeVarying: t, directTime: r.directTime, stateTimeVarying: s };
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

/** Sets the model variables for a cycle (1-based): age at the start of the cycle, time elapsed in years. */
export function setCycleVariables(vars: Float64Array, cycle: number, cycleLength: number, startAge: number): void {
  vars[SLOT_CYCLE] = cycle;
  vars[SLOT_TIME] = (cycle - 1) * cycleLength;
  vars[SLOT_AGE] = startAge + (cycle - 1) * cycleLength;
  vars[SLOT_STATE_TIME] = 1;
}

// Module-level copies: imported bindings can be getters after transpiling, too slow for the hot loop.
const SLOT_CYCLE = VARIABLE_SLOTS.cycle;
const SLOT_TIME = VARIABLE_SLOTS.time;
const SLOT_AGE = VARIABLE_SLOTS.age;
const SLOT_STATE_TIME = VARIABLE_SLOTS.state_time;

// Markov cohort engine. compileMarkovModel does all the structural work once (state expansion for tunnel
// states, sparse transition matrices, which entries and values vary with time); evaluate() then only copies
// parameter values, recomputes what varies, multiplies the trace and accumulates costs and effects into
// preallocated typed arrays. Nothing is allocated per cycle or per evaluation (given `out`).
import type { HtaModel, Expression, CostEntry, StateValue, Transition, TransitionValueTiming } from '../model/schema';
import { COMPLEMENT } from '../model/schema';
import type { EvaluationSubject, IssuePath, ModelIssue } from '../errors';
import { ModelEvaluationError, formatPath, probabilitySubject, pushUniqueIssues, quoteExpression, subjectText } from '../errors';
import type { EvaluationErrorDetails } from '../errors';
import type { CompiledModel, CompileOptions, ModelResult, ResultOptions, StrategyResult } from '../compiled-model';
import { checkParameterCount, describeCompiledModel, emptyStrategyResult, resultFlags } from '../compiled-model';
import type { CompiledSite, StrategyParameterProgram } from '../model/parameter-program';
import { baseCaseValues, buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables } from '../model/parameter-program';
import type { HoistOptions } from '../model/parameter-program';
import { sharedSubexpressions } from '../model/hoisting';
import { byForm, ExpressionBatch } from '../expression/inline-forms';
import { VARIABLE_SLOTS } from '../expression/compile';
import { MAX_EXPANDED_STATES, MAX_TRACE_CELLS } from '../model/limits';

const SLOT_STATE_TIME = VARIABLE_SLOTS.state_time;
import { cohortTimeAxis, discountFactors } from '../economics/conventions';
import { discountRateTable } from '../economics/discount-rate-table';
import { categoriesInUse, costValueOf } from '../model/cost-categories';

const RANGE_EPS = 1e-12;
/** Trace size (states x counted cycles) up to which a strategy's cycles run in one call (see oneCallPerCycle). */
const SMALL_TRACE_CELLS = 4096;
const ROW_SUM_TOL = 1e-9;

/**
 * 0: once per evaluation; 1: every cycle (skipped when none of its time-varying inputs changed);
 * 2: once per evaluation per time in state; 3: every cycle per time in state.
 */
type Variation = 0 | 1 | 2 | 3;

function variationOf(site: CompiledSite | null): Variation {
  if (!site) return 0;
  if (site.stateTimeVarying) return site.timeVarying ? 3 : 2;
  return site.timeVarying ? 1 : 0;
}

interface Entry {
  row: number;
  col: number;
  /** Index of the entry in the matrix values (val). */
  pos: number;
  site: CompiledSite;
  stateTime: number;
  from: string;
  to: string;
  /** Reads cycle, age or time itself (so it changes even when no time-varying parameter does). */
  always: boolean;
}

interface ValueSite {
  /** As Entry.always. */
  always: boolean;
  site: CompiledSite;
  /** Index into the value buffer (costs: state * nCat + cat; utilities: -1 - state). */
  target: number;
  /** Costs only: the same value's index in the category-major copy (cat * m + state). */
  targetByCategory: number;
  stateTime: number;
  subject: EvaluationSubject;
  state: string;
}

/**
 * Sites evaluated together in one ExpressionBatch (inline where their form allows): item i's value goes to
 * targets[i] of the output array (entries: their position in the matrix values; values: index i of a scratch).
 */
interface SiteList<T extends { site: CompiledSite }> {
  items: T[];
  batch: ExpressionBatch;
  targets: Int32Array;
  /** Values: the batch's output, checked and then copied to the value buffers. */
  results: Float64Array;
}

/** The batch computes the items grouped by form (faster); checks still run in the items' order (same first error). */
function entryList(items: Entry[]): SiteList<Entry> {
  const sorted = byForm(items);
  return { items, batch: new ExpressionBatch(sorted.map((x) => x.site)), targets: Int32Array.from(sorted, (e) => e.pos), results: new Float64Array(0) };
}

function valueList(items: ValueSite[]): SiteList<ValueSite> {
  const sorted = byForm(items.map((x, i) => ({ site: x.site, i })));
  return { items, batch: new ExpressionBatch(sorted.map((x) => x.site)), targets: Int32Array.from(sorted, (x) => x.i), results: new Float64Array(items.length) };
}

interface TransitionValue {
  rows: Int32Array;
  positions: Int32Array;
  costSites: (CompiledSite | null)[];
  costRate: Int32Array;
  qalySite: CompiledSite | null;
}

interface StrategyPlan {
  id: string;
  label: string;
  program: StrategyParameterProgram;
  /** The matrix row by row: row r holds positions rowPtr[r] .. rowPtr[r + 1] - 1, column colIdx[pos], value val[pos]. */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  val: Float64Array;
  /** The same matrix column by column: column j is fed by rows cscRow[k] at value positions cscPos[k], k in cscPtr[j] .. cscPtr[j + 1] - 1. */
  cscPtr: Int32Array;
  cscRow: Int32Array;
  cscPos: Int32Array;
  /** Position of each row's complement, or -1. */
  complementPos: Int32Array;
  /** Per row: where the complement "C" of the row is written in the file (null when none). */
  complementPaths: (IssuePath | null)[];
  /** The entry at each position (null for complements). */
  entryByPos: (Entry | null)[];
  staticEntries: SiteList<Entry>;
  cycleEntries: SiteList<Entry>;
  /** Per time in state k: entries fixed within an evaluation, and entries that also vary with the cycle. */
  stateTimeStaticEntries: SiteList<Entry>[];
  stateTimeEntries: SiteList<Entry>[];
  /** Some cycle entry or value reads cycle/age/time itself: recompute it every cycle. */
  cycleSitesReadTime: boolean;
  staticRows: Int32Array;
  /** 1 for rows with time-varying entries (checked and summed again every cycle, as the trace steps). */
  rowIsDynamic: Uint8Array;
  initialSites: { site: CompiledSite; target: number; state: string }[];
  costValues: Float64Array;
  /** costValues by category (cat * m + state), for the per-category sums of the hot loop. */
  costByCategory: Float64Array;
  costRate: Int32Array;
  /** 1 for categories with a cost that varies with the cycle or time in state. */
  categoryVaries: Uint8Array;
  /** 1 for categories whose costs are 0 in every state in this evaluation (their sums are 0; set per evaluation). */
  categoryIsZero: Uint8Array;
  utilValues: Float64Array;
  staticValues: SiteList<ValueSite>;
  cycleValues: SiteList<ValueSite>;
  stateTimeStaticValues: SiteList<ValueSite>[];
  stateTimeValues: SiteList<ValueSite>[];
  /** Discount-table row per category when every state of the category uses the same rate; else null. */
  categoryRate: Int32Array | null;
  transitionValues: TransitionValue[];
  maxStateTime: number;
  /** Something varies with the cycle (entries, values or parameters); something varies with cycle and time in state. */
  hasCycleWork: boolean;
  hasStateTimeWork: boolean;
}

interface ExpandedStates {
  ids: string[];
  start: number[];
  size: number[];
  index: Map<string, number>;
  total: number;
  stateOf: Int32Array;
  alive: Float64Array;
}

function expandStates(model: HtaModel & { model: { type: 'markov' } }): ExpandedStates {
  const ids = model.model.states.map((s) => s.id);
  const index = new Map<string, number>();
  const start: number[] = [];
  const size: number[] = [];
  let total = 0;
  model.model.states.forEach((s, i) => {
    if (!index.has(s.id)) index.set(s.id, i);
    start.push(total);
    size.push(s.maxStateTime ?? 1);
    total += s.maxStateTime ?? 1;
  });
  const stateOf = new Int32Array(total);
  const alive = new Float64Array(total);
  model.model.states.forEach((s, i) => {
    for (let k = 0; k < size[i]!; k++) {
      stateOf[start[i]! + k] = i;
      alive[start[i]! + k] = s.dead ? 0 : 1;
    }
  });
  return { ids, start, size, index, total, stateOf, alive };
}

/** Column of a move from substate k (1-based) of `from` to `to`: staying in a tunnel state advances time in state. */
function targetColumn(states: ExpandedStates, from: number, k: number, to: number): number {
  if (from === to) return states.start[to]! + Math.min(k, states.size[to]! - 1);
  return states.start[to]!;
}

interface EffectiveTransition extends Transition {
  path: IssuePath;
}

function effectiveTransitions(model: HtaModel & { model: { type: 'markov' } }, strategyIndex: number): EffectiveTransition[] {
  const list: EffectiveTransition[] = model.model.transitions.map((t, i) => ({ ...t, path: ['model', 'transitions', i, 'probability'] }));
  const overrides = model.strategies[strategyIndex]!.transitions ?? [];
  overrides.forEach((t, i) => {
    const path = ['strategies', strategyIndex, 'transitions', i, 'probability'];
    const at = list.findIndex((e) => e.from === t.from && e.to === t.to);
    if (at >= 0) list[at] = { ...t, path };
    else list.push({ ...t, path });
  });
  return list;
}

interface EffectiveStateValue {
  costs: Map<string, { entry: CostEntry; path: IssuePath }>;
  utility?: { value: Expression; path: IssuePath };
}

function effectiveStateValues(model: HtaModel & { model: { type: 'markov' } }, strategyIndex: number): Map<string, EffectiveStateValue> {
  const out = new Map<string, EffectiveStateValue>();
  const merge = (values: Record<string, StateValue>, base: IssuePath): void => {
    for (const [state, sv] of Object.entries(values)) {
      const target: EffectiveStateValue = out.get(state) ?? { costs: new Map() };
      for (const [cat, entry] of Object.entries(sv.costs ?? {})) target.costs.set(cat, { entry, path: [...base, state, 'costs', cat] });
      if (sv.utility !== undefined) target.utility = { value: sv.utility, path: [...base, state, 'utility'] };
      out.set(state, target);
    }
  };
  merge(model.model.stateValues, ['model', 'stateValues']);
  merge(model.strategies[strategyIndex]!.stateValues ?? {}, ['strategies', strategyIndex, 'stateValues']);
  return out;
}

/**
 * Next trace row (row prev + m) from row prev, row by row: next[col] += N[prev][r] * P[r][col]. Rows run in
 * ascending order, so each next value is 0 + its terms in row order.
 */
function stepTrace(trace: Float64Array, prev: number, m: number, rowPtr: Int32Array, colIdx: Int32Array, val: Float64Array): void {
  const next = prev + m;
  for (let j = 0; j < m; j++) trace[next + j] = 0;
  for (let r = 0; r < m; r++) {
    const x = trace[prev + r]!;
    const end = rowPtr[r + 1]!;
    for (let pos = rowPtr[r]!; pos < end; pos++) {
      const o = next + colIdx[pos]!;
      trace[o] = trace[o]! + x * val[pos]!;
    }
  }
}

/** Column-wise index of a row-wise sparse matrix: for column j, the rows (ascending) and value positions feeding it. */
function columnIndex(rowPtr: Int32Array, colIdx: Int32Array, m: number): { cscPtr: Int32Array; cscRow: Int32Array; cscPos: Int32Array } {
  const nnz = rowPtr[m]!;
  const cscPtr = new Int32Array(m + 1);
  for (let pos = 0; pos < nnz; pos++) cscPtr[colIdx[pos]! + 1]! += 1;
  for (let j = 0; j < m; j++) cscPtr[j + 1] = cscPtr[j + 1]! + cscPtr[j]!;
  const fill = cscPtr.slice(0, m);
  const cscRow = new Int32Array(nnz);
  const cscPos = new Int32Array(nnz);
  for (let r = 0; r < m; r++) {
    for (let pos = rowPtr[r]!; pos < rowPtr[r + 1]!; pos++) {
      const k = fill[colIdx[pos]!]!++;
      cscRow[k] = r;
      cscPos[k] = pos;
    }
  }
  return { cscPtr, cscRow, cscPos };
}

/**
 * stepTrace and countCycle in one pass, for a cycle whose matrix needs no finalising: the next row pulled column
 * by column (the same products added in the same row order as the push), each state counted as soon as its
 * next occupancy is known. Fewer passes over the trace: faster for small models (HIV: 4 states).
 */
/** One cycle's cost per category: occupancy × the category's per-state costs (state-major rows of costT). */
function costsByCategory(occ: Float64Array, costT: Float64Array, zero: Uint8Array, rowCost: Float64Array, nCat: number, m: number): void {
  for (let cat = 0, b = 0; cat < nCat; cat++, b += m) {
    // A category without costs sums to 0 (every occupancy is finite, so every term is +-0).
    if (zero[cat] === 1) {
      rowCost[cat] = 0;
      continue;
    }
    let x = 0;
    for (let j = 0; j < m; j++) x += occ[j]! * costT[b + j]!;
    rowCost[cat] = x;
  }
}

function stepAndCount(
  trace: Float64Array,
  prev: number,
  m: number,
  cscPtr: Int32Array,
  cscRow: Int32Array,
  cscPos: Int32Array,
  val: Float64Array,
  weightPrev: Float64Array,
  weightNext: Float64Array,
  c: number,
  nCat: number,
  alive: Float64Array,
  util: Float64Array,
  costT: Float64Array,
  zero: Uint8Array,
  occ: Float64Array,
  rowCost: Float64Array,
  acc: Float64Array,
): void {
  const wp = weightPrev[c]!;
  const wn = weightNext[c]!;
  const next = prev + m;
  let ly = 0;
  let q = 0;
  let k = 0;
  for (let j = 0; j < m; j++) {
    let x = 0;
    const end = cscPtr[j + 1]!;
    for (; k < end; k++) x += trace[prev + cscRow[k]!]! * val[cscPos[k]!]!;
    trace[next + j] = x;
    let o = wp * trace[prev + j]!;
    if (wn !== 0) o += wn * x;
    occ[j] = o;
    ly += o * alive[j]!;
    q += o * util[j]!;
  }
  costsByCategory(occ, costT, zero, rowCost, nCat, m);
  acc[0] = ly;
  acc[1] = q;
}

/**
 * Occupancy-weighted values of one counted cycle (occupancy = wp·N[prev] + wn·N[next]; wn = 0 reads no next
 * row) when states of a category are discounted at different rates: every state's cost goes into cpd at its
 * own rate; acc[0] = alive share, acc[1] = utility sum, rowCost[cat] = undiscounted cost sums.
 */
function accumulateCycleByStateRate(
  trace: Float64Array,
  prev: number,
  wp: number,
  wn: number,
  m: number,
  nCat: number,
  alive: Float64Array,
  util: Float64Array,
  costValues: Float64Array,
  rowCost: Float64Array,
  acc: Float64Array,
  cpd: Float64Array,
  rowStart: number,
  discount: Float64Array,
  rateIdx: Int32Array,
  width: number,
  c: number,
): void {
  let ly = 0;
  let q = 0;
  for (let cat = 0; cat < nCat; cat++) rowCost[cat] = 0;
  const next = prev + m;
  for (let j = 0; j < m; j++) {
    let o = wp * trace[prev + j]!;
    if (wn !== 0) o += wn * trace[next + j]!;
    if (o === 0) continue;
    ly += o * alive[j]!;
    q += o * util[j]!;
    const base = j * nCat;
    for (let cat = 0; cat < nCat; cat++) {
      const x = o * costValues[base + cat]!;
      rowCost[cat] = rowCost[cat]! + x;
      cpd[rowStart + cat] = cpd[rowStart + cat]! + x * discount[rateIdx[base + cat]! * width + c]!;
    }
  }
  acc[0] = ly;
  acc[1] = q;
}

/**
 * The values counted for cycle c (occupancy = wp·N[prev] + wn·N[next], weights of cycle c; N[next] read only when
 * `transition`): acc[0] = alive share, acc[1] = utility sum, rowCost[cat] = cost sum (category-major costs:
 * costT[cat·m + j]). Sums run over states in order, as the reference evaluation does.
 */
function countCycle(
  trace: Float64Array,
  prev: number,
  transition: boolean,
  m: number,
  weightPrev: Float64Array,
  weightNext: Float64Array,
  c: number,
  nCat: number,
  alive: Float64Array,
  util: Float64Array,
  costT: Float64Array,
  zero: Uint8Array,
  occ: Float64Array,
  rowCost: Float64Array,
  acc: Float64Array,
): void {
  // Weights are read here, not passed: a double argument to a call that is not inlined is boxed (allocates).
  const wp = weightPrev[c]!;
  const wn = transition ? weightNext[c]! : 0;
  const next = prev + m;
  let ly = 0;
  let q = 0;
  for (let j = 0; j < m; j++) {
    let o = wp * trace[prev + j]!;
    if (transition && wn !== 0) o += wn * trace[next + j]!;
    occ[j] = o;
    ly += o * alive[j]!;
    q += o * util[j]!;
  }
  costsByCategory(occ, costT, zero, rowCost, nCat, m);
  acc[0] = ly;
  acc[1] = q;
}

/** The cost maps of a Markov model in the order their categories are numbered: state values, transition values, then the strategies' state values. */
export function markovCostMaps(model: HtaModel & { model: { type: 'markov' } }): (Record<string, unknown> | undefined)[] {
  return [
    ...Object.values(model.model.stateValues).map((sv) => sv.costs),
    ...model.model.transitionValues.map((tv) => tv.costs),
    ...model.strategies.flatMap((s) => Object.values(s.stateValues ?? {}).map((sv) => sv.costs)),
  ];
}

export function costCategoryIds(model: HtaModel & { model: { type: 'markov' } }): string[] {
  return categoriesInUse(model.costCategories, markovCostMaps(model));
}

/** Every transition probability and state value of the model and its strategies (the sites compiled with hoisting). */
function hoistableSources(model: HtaModel & { model: { type: 'markov' } }): Expression[] {
  const out: Expression[] = [];
  const addValues = (values: Record<string, StateValue> | undefined): void => {
    for (const sv of Object.values(values ?? {})) {
      for (const entry of Object.values(sv.costs ?? {})) out.push(costValueOf(entry).value);
      if (sv.utility !== undefined) out.push(sv.utility);
    }
  };
  for (const t of model.model.transitions) out.push(t.probability);
  addValues(model.model.stateValues);
  for (const s of model.strategies) {
    for (const t of s.transitions ?? []) out.push(t.probability);
    addValues(s.stateValues);
  }
  return out;
}

/** Tunnel states and cycles multiply into the trace: refuse sizes that would exhaust memory, before allocating. */
function withinSizeLimits(model: HtaModel & { model: { type: 'markov' } }, cycles: number, issues: ModelIssue[]): boolean {
  const expanded = model.model.states.reduce((n, s) => n + (s.maxStateTime ?? 1), 0);
  if (expanded > MAX_EXPANDED_STATES) {
    issues.push({ code: 'too-large', severity: 'error', path: ['model', 'states'], message: `the states expand to ${expanded.toLocaleString('en-US')} tunnel states (maxStateTime counts each time in state); the engine handles at most ${MAX_EXPANDED_STATES.toLocaleString('en-US')}` });
    return false;
  }
  const cells = (cycles + 1) * expanded;
  if (cells > MAX_TRACE_CELLS) {
    const where = model.settings.cycles !== undefined ? 'cycles' : 'horizon';
    issues.push({ code: 'too-large', severity: 'error', path: ['settings', where], message: `${cycles.toLocaleString('en-US')} cycles × ${expanded.toLocaleString('en-US')} states (tunnel states expanded) make a trace of ${cells.toLocaleString('en-US')} cells; the engine handles at most ${MAX_TRACE_CELLS.toLocaleString('en-US')} (fewer cycles or shorter tunnels)` });
    return false;
  }
  return true;
}

/**
 * Weights of a one-off transition value for a move during cycle c: `now[c]` in counted cycle c (discounted like
 * it), `later[c]` in counted cycle c + 1. cycle-start: all in cycle c, unweighted. destination-row: as a state value
 * of trace row c, i.e. the weights the counting method gives row c (end-of-cycle share now, the rest later).
 */
export function transitionValueWeights(timing: TransitionValueTiming, weightPrev: Float64Array, weightNext: Float64Array, valueCycles: number): { now: Float64Array; later: Float64Array; carries: boolean } {
  const now = new Float64Array(valueCycles + 1);
  const later = new Float64Array(valueCycles + 1);
  for (let c = 1; c <= valueCycles; c++) {
    now[c] = timing === 'destination-row' ? weightNext[c]! : 1;
    later[c] = timing === 'destination-row' && c < valueCycles ? weightPrev[c + 1]! : 0;
  }
  return { now, later, carries: timing === 'destination-row' };
}

/**
 * Compiles a Markov model. Problems are appended to `issues`; returns null when an error makes the model
 * impossible to run. Assumes the schema has been checked (validateModel / parseModel).
 */
export function compileMarkovModel(model: HtaModel, options: CompileOptions, issues: ModelIssue[]): CompiledModel | null {
  if (model.model.type !== 'markov') return null;
  const markov = model as HtaModel & { model: { type: 'markov' } };
  const errorsBefore = issues.filter((i) => i.severity === 'error').length;
  const settings = model.settings;
  const { cycleLength: L, cycles: T, startAge, counting, valueCycles: Tc } = cohortTimeAxis(settings, issues);
  if (!withinSizeLimits(markov, T, issues)) return null;

  const space = buildParameterSpace(model, issues);
  const defs = compileModelDefinitions(model, space, issues, options.inputs ?? []);
  const seenCycles = new Set<string>();
  // The base case computes extra inputs from their expressions.
  const baseProgram = buildStrategyProgram({ ...defs, inputs: defs.valueInputs }, {}, [], issues, seenCycles);

  const states = expandStates(markov);
  const m = states.total;
  const nStates = states.ids.length;
  const categories = costCategoryIds(markov);
  const nCat = categories.length;
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const rateTable = discountRateTable(settings, model.costCategories);
  const { rates, effectRow: effectRate, costRow: costRate } = rateTable;

  // Transitions and state values are evaluated every cycle when they vary with time: their loop invariants (an
  // age-table lookup shared by every state, the fixed factor of a time trend) are computed once (hoisting.ts).
  const hoist: HoistOptions = { shared: sharedSubexpressions(hoistableSources(markov)) };
  const plans: StrategyPlan[] = [];
  model.strategies.forEach((strategy, si) => {
    const program = buildStrategyProgram(defs, strategy.parameters ?? {}, ['strategies', si, 'parameters'], issues, seenCycles);
    const plan = planStrategy(si, strategy.id, strategy.label ?? strategy.id, program);
    if (plan) plans.push(plan);
  });

  function planStrategy(si: number, id: string, label: string, program: StrategyParameterProgram): StrategyPlan | null {
    const localIssues: ModelIssue[] = [];
    // Transitions → sparse rows.
    const rowsEntries: { col: number; site: CompiledSite | null; complement: boolean; stateTime: number; from: string; to: string; path: IssuePath | null }[][] = Array.from({ length: m }, () => []);
    const complementCount = new Map<string, number>();
    const seenPairs = new Set<string>();
    for (const t of effectiveTransitions(markov, si)) {
      const from = states.index.get(t.from);
      const to = states.index.get(t.to);
      const pairPath = t.path.slice(0, -1);
      if (from === undefined) localIssues.push({ code: 'unknown-state', severity: 'error', path: [...pairPath, 'from'], message: `unknown state '${t.from}' in transition ${t.from} → ${t.to}` });
      if (to === undefined) localIssues.push({ code: 'unknown-state', severity: 'error', path: [...pairPath, 'to'], message: `unknown state '${t.to}' in transition ${t.from} → ${t.to}` });
      if (from === undefined || to === undefined) continue;
      const key = `${t.from}→${t.to}`;
      if (seenPairs.has(key)) localIssues.push({ code: 'duplicate-transition', severity: 'error', path: pairPath, message: `transition ${t.from} → ${t.to} is defined more than once` });
      seenPairs.add(key);
      const complement = t.probability === COMPLEMENT;
      if (complement) {
        const n = (complementCount.get(t.from) ?? 0) + 1;
        complementCount.set(t.from, n);
        if (n === 2) localIssues.push({ code: 'two-complements', severity: 'error', path: t.path, message: `more than one complement "C" in the transitions from ${t.from}`, params: { from: t.from } });
      }
      const tunnel = states.size[from]! > 1;
      const site = complement ? null : program.compileSite(t.probability, t.path, localIssues, tunnel, hoist);
      if (!complement && !site) continue;
      for (let k = 1; k <= states.size[from]!; k++) {
        rowsEntries[states.start[from]! + k - 1]!.push({ col: targetColumn(states, from, k, to), site, complement, stateTime: tunnel ? k : 0, from: t.from, to: t.to, path: pairPath });
      }
    }
    // A state without outgoing transitions keeps its members (absorbing).
    for (let s = 0; s < nStates; s++) {
      for (let k = 1; k <= states.size[s]!; k++) {
        const row = states.start[s]! + k - 1;
        if (rowsEntries[row]!.length === 0) rowsEntries[row]!.push({ col: targetColumn(states, s, k, s), site: null, complement: true, stateTime: 0, from: states.ids[s]!, to: states.ids[s]!, path: null });
      }
    }
    const rowPtr = new Int32Array(m + 1);
    for (let r = 0; r < m; r++) rowPtr[r + 1] = rowPtr[r]! + rowsEntries[r]!.length;
    const nnz = rowPtr[m]!;
    const colIdx = new Int32Array(nnz);
    const val = new Float64Array(nnz);
    const complementPos = new Int32Array(m).fill(-1);
    const complementPaths: (IssuePath | null)[] = new Array<IssuePath | null>(m).fill(null);
    const entryByPos: (Entry | null)[] = new Array<Entry | null>(nnz).fill(null);
    const staticEntries: Entry[] = [];
    const cycleEntries: Entry[] = [];
    let maxStateTime = 1;
    for (let s = 0; s < nStates; s++) maxStateTime = Math.max(maxStateTime, states.size[s]!);
    const stateTimeEntries: Entry[][] = Array.from({ length: maxStateTime + 1 }, () => []);
    const stateTimeStaticEntries: Entry[][] = Array.from({ length: maxStateTime + 1 }, () => []);
    const rowDynamic = new Uint8Array(m);
    for (let r = 0; r < m; r++) {
      rowsEntries[r]!.forEach((e, j) => {
        const pos = rowPtr[r]! + j;
        colIdx[pos] = e.col;
        if (e.complement) {
          complementPos[r] = pos;
          complementPaths[r] = e.path;
          return;
        }
        const site = e.site!;
        const entry: Entry = { row: r, col: e.col, pos, site, stateTime: e.stateTime, from: e.from, to: e.to, always: site.directTime ?? site.timeVarying };
        entryByPos[pos] = entry;
        const v = variationOf(site);
        if (v === 0) staticEntries.push(entry);
        else if (v === 1) cycleEntries.push(entry);
        else if (v === 2) stateTimeStaticEntries[e.stateTime]!.push(entry);
        else stateTimeEntries[e.stateTime]!.push(entry);
        if (v === 1 || v === 3) rowDynamic[r] = 1;
      });
    }
    // Initial distribution.
    const initialSites: StrategyPlan['initialSites'] = [];
    const strategyInitial = model.strategies[si]!.initial;
    const initial = strategyInitial ?? markov.model.initial;
    const initialBase: IssuePath = strategyInitial ? ['strategies', si, 'initial'] : ['model', 'initial'];
    for (const [state, expr] of Object.entries(initial)) {
      const s = states.index.get(state);
      const path = [...initialBase, state];
      if (s === undefined) {
        localIssues.push({ code: 'unknown-state', severity: 'error', path, message: `unknown state '${state}' in the initial distribution` });
        continue;
      }
      const site = program.compileSite(expr, path, localIssues, false);
      if (site && site.timeVarying) localIssues.push({ code: 'time-varying-initial', severity: 'error', path, message: `the initial share of ${state} cannot depend on cycle, age or time`, params: { state } });
      else if (site) initialSites.push({ site, target: states.start[s]!, state });
    }
    // State values.
    const costValues = new Float64Array(m * nCat);
    const costRateIdx = new Int32Array(m * nCat).fill(costRate);
    const utilValues = new Float64Array(m);
    const staticValues: ValueSite[] = [];
    const cycleValues: ValueSite[] = [];
    const stateTimeValues: ValueSite[][] = Array.from({ length: maxStateTime + 1 }, () => []);
    const stateTimeStaticValues: ValueSite[][] = Array.from({ length: maxStateTime + 1 }, () => []);
    const addValue = (site: CompiledSite, target: number, stateTime: number, subject: EvaluationSubject, state: string): void => {
      const targetByCategory = target >= 0 ? (target % nCat) * m + Math.floor(target / nCat) : -1;
      const vs: ValueSite = { site, target, targetByCategory, stateTime, subject, state, always: site.directTime ?? site.timeVarying };
      const v = variationOf(site);
      if (v === 0) staticValues.push(vs);
      else if (v === 1) cycleValues.push(vs);
      else if (v === 2) stateTimeStaticValues[stateTime]!.push(vs);
      else stateTimeValues[stateTime]!.push(vs);
    };
    for (const [state, sv] of effectiveStateValues(markov, si)) {
      const s = states.index.get(state);
      if (s === undefined) {
        const first = sv.utility?.path ?? [...sv.costs.values()][0]?.path ?? ['model', 'stateValues'];
        localIssues.push({ code: 'unknown-state', severity: 'error', path: first.slice(0, -1), message: `state values given for unknown state '${state}'` });
        continue;
      }
      const tunnel = states.size[s]! > 1;
      for (const [cat, { entry, path }] of sv.costs) {
        const c = categoryIndex.get(cat);
        if (c === undefined) {
          localIssues.push({ code: 'unknown-category', severity: 'error', path, message: `unknown cost category '${cat}' (declared: ${categories.join(', ')})` });
          continue;
        }
        const { value, discountRate } = costValueOf(entry);
        const valuePath = typeof entry === 'object' ? [...path, 'value'] : path;
        const site = program.compileSite(value, valuePath, localIssues, tunnel, hoist);
        if (!site) continue;
        const rate = rateTable.costRowOf(cat, discountRate);
        for (let k = 1; k <= states.size[s]!; k++) {
          const x = states.start[s]! + k - 1;
          costRateIdx[x * nCat + c] = rate;
          addValue(site, x * nCat + c, tunnel ? k : 0, { code: 'state-cost', name: state, category: cat }, state);
        }
      }
      if (sv.utility) {
        const site = program.compileSite(sv.utility.value, sv.utility.path, localIssues, tunnel, hoist);
        if (site) for (let k = 1; k <= states.size[s]!; k++) addValue(site, -1 - (states.start[s]! + k - 1), tunnel ? k : 0, { code: 'state-utility', name: state }, state);
      }
    }
    // Category discount overrides also apply to categories with no value in a state (keeps rates consistent).
    for (let x = 0; x < m; x++) for (let c = 0; c < nCat; c++) if (costRateIdx[x * nCat + c] === costRate) costRateIdx[x * nCat + c] = rateTable.costRowOf(categories[c]!);
    // One-off values on transitions.
    const transitionValues: TransitionValue[] = [];
    markov.model.transitionValues.forEach((tv, i) => {
      const base: IssuePath = ['model', 'transitionValues', i];
      const to = states.index.get(tv.to);
      const from = tv.from === undefined ? undefined : states.index.get(tv.from);
      if (to === undefined) localIssues.push({ code: 'unknown-state', severity: 'error', path: [...base, 'to'], message: `unknown state '${tv.to}'` });
      if (tv.from !== undefined && from === undefined) localIssues.push({ code: 'unknown-state', severity: 'error', path: [...base, 'from'], message: `unknown state '${tv.from}'` });
      if (to === undefined || (tv.from !== undefined && from === undefined)) return;
      const rows: number[] = [];
      const positions: number[] = [];
      for (let r = 0; r < m; r++) {
        const s = states.stateOf[r]!;
        if (s === to || (from !== undefined && s !== from)) continue;
        for (let pos = rowPtr[r]!; pos < rowPtr[r + 1]!; pos++) {
          if (states.stateOf[colIdx[pos]!] === to) {
            rows.push(r);
            positions.push(pos);
          }
        }
      }
      const costSites: (CompiledSite | null)[] = new Array<CompiledSite | null>(nCat).fill(null);
      const rateOf = new Int32Array(nCat).fill(costRate);
      for (const [cat, entry] of Object.entries(tv.costs ?? {})) {
        const c = categoryIndex.get(cat);
        const path = [...base, 'costs', cat];
        if (c === undefined) {
          localIssues.push({ code: 'unknown-category', severity: 'error', path, message: `unknown cost category '${cat}' (declared: ${categories.join(', ')})` });
          continue;
        }
        const { value, discountRate } = costValueOf(entry);
        costSites[c] = program.compileSite(value, typeof entry === 'object' ? [...path, 'value'] : path, localIssues, false);
        rateOf[c] = rateTable.costRowOf(cat, discountRate);
      }
      const qalySite = tv.qalys === undefined ? null : program.compileSite(tv.qalys, [...base, 'qalys'], localIssues, false);
      transitionValues.push({ rows: Int32Array.from(rows), positions: Int32Array.from(positions), costSites, costRate: rateOf, qalySite });
    });

    // Issues found while planning one strategy repeat for every strategy that shares the definition: keep one.
    pushUniqueIssues(issues, localIssues);
    if (localIssues.some((i) => i.severity === 'error')) return null;
    // One discount rate per category lets the hot loop discount category totals instead of every state value.
    let categoryRateIdx: Int32Array | null = new Int32Array(nCat);
    for (let c = 0; c < nCat && categoryRateIdx; c++) {
      categoryRateIdx[c] = costRateIdx[c]!;
      for (let x = 1; x < m; x++) if (costRateIdx[x * nCat + c] !== costRateIdx[c]) categoryRateIdx = null;
    }
    const staticRows: number[] = [];
    for (let r = 0; r < m; r++) if (!rowDynamic[r]) staticRows.push(r);
    return {
      id,
      label,
      program,
      rowPtr,
      colIdx,
      val,
      ...columnIndex(rowPtr, colIdx, m),
      complementPos,
      complementPaths,
      entryByPos,
      staticEntries: entryList(staticEntries),
      cycleEntries: entryList(cycleEntries),
      stateTimeStaticEntries: stateTimeStaticEntries.map(entryList),
      stateTimeEntries: stateTimeEntries.map(entryList),
      cycleSitesReadTime: cycleEntries.some((e) => e.always) || cycleValues.some((v) => v.always),
      staticRows: Int32Array.from(staticRows),
      rowIsDynamic: rowDynamic,
      initialSites,
      costValues,
      costByCategory: new Float64Array(m * nCat),
      categoryVaries: Uint8Array.from(categories, (_, cat) => ([cycleValues, ...stateTimeValues].some((list) => list.some((v) => v.target >= 0 && v.target % nCat === cat)) ? 1 : 0)),
      categoryIsZero: new Uint8Array(nCat),
      costRate: costRateIdx,
      utilValues,
      staticValues: valueList(staticValues),
      cycleValues: valueList(cycleValues),
      stateTimeStaticValues: stateTimeStaticValues.map(valueList),
      stateTimeValues: stateTimeValues.map(valueList),
      categoryRate: categoryRateIdx,
      transitionValues,
      maxStateTime,
      hasCycleWork: cycleEntries.length > 0 || cycleValues.length > 0 || program.hasCycleParameters,
      hasStateTimeWork: stateTimeEntries.some((l) => l.length > 0) || stateTimeValues.some((l) => l.length > 0),
    };
  }

  if (issues.filter((i) => i.severity === 'error').length > errorsBefore || plans.length !== model.strategies.length || T <= 0) return null;

  const discount = discountFactors(rates, Tc, L, settings.discount.firstCycleDiscounted);
  const discountAll = discount;
  const mAll = m;
  const nCatAll = nCat;
  const TAll = T;
  const TcAll = Tc;
  const nRates = rates.length;
  const weightPrev = counting.weightPrev;
  const weightNext = counting.weightNext;
  const weightPrevAll = weightPrev;
  const weightNextAll = weightNext;
  const oneOff = transitionValueWeights(settings.transitionValues, weightPrev, weightNext, Tc);
  const hasTunnels = m !== nStates;
  const stateIds = states.ids;
  const stateOf = states.stateOf;
  const alive = states.alive;
  const aliveAll = alive;
  const effectIsQalys = settings.effect === 'qalys';

  // Scratch shared by all strategies (evaluation is sequential).
  const expandedTrace = new Float64Array((T + 1) * m);
  const rowCostAll = new Float64Array(nCat);
  const costUAll = new Float64Array(nCat);
  const costDAll = new Float64Array(nCat);
  const accAll = new Float64Array(2);
  const occupancyAll = new Float64Array(m);
  const carryCostU = new Float64Array(nCat);
  const carryCostD = new Float64Array(nCat);
  // Destination-row one-off QALYs carried to the next value cycle: [undiscounted, discounted].
  const carryQ = new Float64Array(2);

  function fail(plan: StrategyPlan, d: Omit<EvaluationErrorDetails, 'strategy' | 'parameters'>, names: string[]): never {
    throw new ModelEvaluationError({ ...d, strategy: plan.id, parameters: plan.program.involvedValues(names) });
  }

  function checkEntry(plan: StrategyPlan, e: Entry, x: number, cycle: number): void {
    if (!(x >= -RANGE_EPS && x <= 1 + RANGE_EPS)) {
      const subject = e.site.bareParameter ? `parameter ${e.site.bareParameter}` : `probability ${quoteExpression(e.site.source)}`;
      fail(plan, { code: x !== x ? 'not-a-number' : 'not-a-probability', cycle, fromState: e.from, toState: e.to, subject, subjectOf: probabilitySubject(e.site.bareParameter, e.site.source), value: x, path: e.site.path, ...(e.stateTime ? { stateTime: e.stateTime } : {}) }, e.site.parameters);
    }
  }

  /** Sums row r in row order; sets its complement (1 - the others) or checks it sums to 1. */
  function finalizeRow(plan: StrategyPlan, r: number, cycle: number): void {
    const { rowPtr, val, complementPos } = plan;
    let sum = 0;
    const end = rowPtr[r + 1]!;
    const cp = complementPos[r]!;
    for (let pos = rowPtr[r]!; pos < end; pos++) {
      if (pos === cp) continue;
      sum += val[pos]!;
    }
    if (cp >= 0) {
      const c = 1 - sum;
      if (!(c >= -ROW_SUM_TOL)) rowError(plan, r, sum, cycle);
      val[cp] = c < 0 ? 0 : c;
    } else if (!(Math.abs(sum - 1) <= ROW_SUM_TOL)) rowError(plan, r, sum, cycle);
  }

  /**
   * The next trace row, as stepTrace, with the rows that have time-varying entries finalised on the way (their
   * entries checked, their complement set or their sum checked) just before they are used. Problems are
   * reported as checking every entry first and then row by row would: the first bad time-varying entry in list
   * order, else the first bad row.
   */
  function stepFinalizing(plan: StrategyPlan, trace: Float64Array, prev: number, cycle: number): void {
    const { rowPtr, colIdx, val, complementPos, rowIsDynamic } = plan;
    const m = mAll;
    const next = prev + m;
    for (let j = 0; j < m; j++) trace[next + j] = 0;
    for (let r = 0; r < m; r++) {
      const start = rowPtr[r]!;
      const end = rowPtr[r + 1]!;
      if (rowIsDynamic[r] === 1) {
        const cp = complementPos[r]!;
        let sum = 0;
        // Smallest and largest entry (NaN if any is NaN): one check per row instead of a branch per entry.
        let lo = 0;
        let hi = 0;
        for (let pos = start; pos < end; pos++) {
          if (pos === cp) continue;
          const v = val[pos]!;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
          sum += v;
        }
        if (!(lo >= -RANGE_EPS && hi <= 1 + RANGE_EPS)) checkTimeVaryingEntries(plan, cycle);
        if (cp >= 0) {
          const c = 1 - sum;
          if (!(c >= -ROW_SUM_TOL)) rowFailure(plan, r, sum, cycle);
          val[cp] = c < 0 ? 0 : c;
        } else if (!(Math.abs(sum - 1) <= ROW_SUM_TOL)) rowFailure(plan, r, sum, cycle);
      }
      const x = trace[prev + r]!;
      for (let pos = start; pos < end; pos++) {
        const o = next + colIdx[pos]!;
        trace[o] = trace[o]! + x * val[pos]!;
      }
    }
  }

  /** A row does not sum to 1: an out-of-range entry is reported first, as when entries are checked before rows. */
  function rowFailure(plan: StrategyPlan, r: number, sum: number, cycle: number): never {
    checkTimeVaryingEntries(plan, cycle);
    return rowError(plan, r, sum, cycle);
  }

  /** Throws for the first time-varying entry (in the order they are evaluated) that is not a probability. */
  function checkTimeVaryingEntries(plan: StrategyPlan, cycle: number): void {
    for (const sites of [plan.cycleEntries, ...plan.stateTimeEntries]) for (const e of sites.items) checkEntry(plan, e, plan.val[e.pos]!, cycle);
  }

  function rowError(plan: StrategyPlan, r: number, sum: number, cycle: number): never {
    const names: string[] = [];
    const rowEntries: IssuePath[] = [];
    let stateTime = 0;
    for (let pos = plan.rowPtr[r]!; pos < plan.rowPtr[r + 1]!; pos++) {
      const e = plan.entryByPos[pos];
      if (e) {
        names.push(...e.site.parameters);
        rowEntries.push(e.site.path.slice(0, -1));
        stateTime = e.stateTime;
      }
    }
    const complement = plan.complementPos[r]!;
    if (complement >= 0 && plan.complementPaths[r]) rowEntries.push(plan.complementPaths[r]!);
    rowEntries.sort((a, b) => formatPath(a).localeCompare(formatPath(b), 'en', { numeric: true }));
    // The row is every entry from the state: point at its first one (in file order) and list them all.
    const path = rowEntries[0] ?? ['model', 'transitions'];
    const from = stateIds[stateOf[r]!]!;
    return fail(plan, { code: sum !== sum ? 'not-a-number' : 'row-sum', cycle, fromState: from, subject: `transitions from ${from}`, subjectOf: { code: 'transitions-from', name: from }, value: sum, path, rowEntries, ...(stateTime ? { stateTime } : {}) }, names);
  }

  /**
   * Computes the entries into the matrix values and checks they are probabilities (the first bad one in the
   * list's order is reported). Every entry is recomputed: one whose inputs did not change gets the same value
   * again (expressions are pure).
   */
  function evaluateEntries(plan: StrategyPlan, sites: SiteList<Entry>, cycle: number, check = true): void {
    const targets = sites.targets;
    if (targets.length === 0) return;
    const { work, vars } = plan.program;
    const val = plan.val;
    sites.batch.evaluate(work, vars, val, targets);
    if (!check) return;
    for (let i = 0; i < targets.length; i++) {
      const x = val[targets[i]!]!;
      if (!(x >= -RANGE_EPS && x <= 1 + RANGE_EPS)) {
        for (const e of sites.items) checkEntry(plan, e, val[e.pos]!, cycle);
      }
    }
  }

  function evaluateValues(plan: StrategyPlan, sites: SiteList<ValueSite>, cycle: number): void {
    const list = sites.items;
    if (list.length === 0) return;
    const { work, vars } = plan.program;
    const results = sites.results;
    sites.batch.evaluate(work, vars, results, sites.targets);
    for (let i = 0; i < list.length; i++) {
      const vs = list[i]!;
      const x = results[i]!;
      if (!(x - x === 0)) {
        fail(plan, { code: 'not-a-number', cycle, fromState: vs.state, subject: subjectText(vs.subject), subjectOf: vs.subject, value: x, path: vs.site.path, ...(vs.stateTime ? { stateTime: vs.stateTime } : {}) }, vs.site.parameters);
      }
      if (vs.target >= 0) {
        plan.costValues[vs.target] = x;
        plan.costByCategory[vs.targetByCategory] = x;
      } else plan.utilValues[-1 - vs.target] = x;
    }
  }

  /** Entries and values that vary with time in state but not with the cycle: once per evaluation. */
  function evaluateStateTimeStatic(plan: StrategyPlan): void {
    const prog = plan.program;
    for (let k = 1; k <= plan.maxStateTime; k++) {
      const entries = plan.stateTimeStaticEntries[k]!;
      const values = plan.stateTimeStaticValues[k]!;
      if (entries.items.length === 0 && values.items.length === 0) continue;
      prog.vars[SLOT_STATE_TIME] = k;
      prog.updateStateTime();
      evaluateEntries(plan, entries, 1);
      evaluateValues(plan, values, 1);
    }
    prog.vars[SLOT_STATE_TIME] = 1;
  }

  /** Running totals of one strategy's evaluation: undiscounted and discounted QALYs and life-years. */
  const SUM_Q = 0;
  const SUM_QD = 1;
  const SUM_LY = 2;
  const SUM_LYD = 3;
  const sumsAll = new Float64Array(4);
  /**
   * Large traces run one call per cycle: the hot code is then a function of its own, optimised as a whole (a long
   * loop in a function called a few times is optimised on-stack mid-run, whose code quality varied from one
   * process to the next: 20 x 600 model). Small ones run every cycle in one call, which sets up its locals once
   * (HIV, 4 states x 20 cycles: 8.5 -> 7.5 µs per evaluation).
   */
  const oneCallPerCycle = m * TcAll > SMALL_TRACE_CELLS;

  function runStrategy(plan: StrategyPlan, params: Float64Array, res: StrategyResult): void {
    const m = mAll;
    const nCat = nCatAll;
    const T = TAll;
    const Tc = TcAll;
    const costU = costUAll;
    const costD = costDAll;
    const sums = sumsAll;
    const prog = plan.program;
    const { work, vars } = prog;
    prog.prepare(params);
    setCycleVariables(vars, 1, L, startAge);
    // Parts that do not vary with time: once per evaluation.
    evaluateEntries(plan, plan.staticEntries, 1);
    if (plan.maxStateTime > 1) evaluateStateTimeStatic(plan);
    for (let i = 0; i < plan.staticRows.length; i++) finalizeRow(plan, plan.staticRows[i]!, 1);
    evaluateValues(plan, plan.staticValues, 1);
    for (let cat = 0; cat < nCat; cat++) {
      let zero = plan.categoryVaries[cat] === 0;
      for (let j = 0; j < m && zero; j++) zero = plan.costByCategory[cat * m + j] === 0;
      plan.categoryIsZero[cat] = zero ? 1 : 0;
    }
    // Initial distribution.
    const trace = hasTunnels ? expandedTrace : res.trace;
    for (let j = 0; j < m; j++) trace[j] = 0;
    let initSum = 0;
    for (let i = 0; i < plan.initialSites.length; i++) {
      const s = plan.initialSites[i]!;
      const x = s.site.fn(work, vars);
      if (!(x >= -RANGE_EPS && x <= 1 + RANGE_EPS)) fail(plan, { code: x !== x ? 'not-a-number' : 'not-a-probability', cycle: 0, fromState: s.state, subject: `initial share of ${s.state}`, subjectOf: { code: 'initial-share', name: s.state }, value: x, path: s.site.path }, s.site.parameters);
      trace[s.target] = x;
      initSum += x;
    }
    if (!(Math.abs(initSum - 1) <= ROW_SUM_TOL)) fail(plan, { code: 'initial-sum', cycle: 0, subject: 'initial distribution', value: initSum, path: ['model', 'initial'] }, plan.initialSites.flatMap((s) => s.site.parameters));
    // Zeroed in loops: TypedArray fill is a C++ builtin that optimised code calls out to (four calls per strategy
    // and draw of a PSA).
    for (let k = 0; k < sums.length; k++) sums[k] = 0;
    carryQ[0] = 0;
    carryQ[1] = 0;
    for (let cat = 0; cat < nCat; cat++) {
      carryCostU[cat] = 0;
      carryCostD[cat] = 0;
      costU[cat] = 0;
      costD[cat] = 0;
    }
    if (oneCallPerCycle) for (let c = 1; c <= Tc; c++) runCycles(plan, res, trace, c, c);
    else runCycles(plan, res, trace, 1, Tc);
    let costTotalU = 0;
    let costTotalD = 0;
    for (let cat = 0; cat < nCat; cat++) {
      res.costByCategory[cat] = costD[cat]!;
      res.costByCategoryUndiscounted[cat] = costU[cat]!;
      costTotalU += costU[cat]!;
      costTotalD += costD[cat]!;
    }
    const totals = res.totals;
    totals.cost = costTotalD;
    totals.costUndiscounted = costTotalU;
    totals.qalys = sums[SUM_QD]!;
    totals.qalysUndiscounted = sums[SUM_Q]!;
    totals.lifeYears = sums[SUM_LYD]!;
    totals.lifeYearsUndiscounted = sums[SUM_LY]!;
    totals.effect = effectIsQalys ? sums[SUM_QD]! : sums[SUM_LYD]!;
    totals.effectUndiscounted = effectIsQalys ? sums[SUM_Q]! : sums[SUM_LY]!;
    if (hasTunnels) {
      const out = res.trace;
      out.fill(0);
      for (let t = 0; t <= T; t++) {
        for (let j = 0; j < m; j++) {
          const o = t * nStates + stateOf[j]!;
          out[o] = out[o]! + trace[t * m + j]!;
        }
      }
    }
  }

  /** Cycles first..last of a strategy: time-varying values, the next trace row, and what each cycle counts. */
  function runCycles(plan: StrategyPlan, res: StrategyResult, trace: Float64Array, first: number, last: number): void {
    // Locals instead of closure-context reads in the hot loops (measurably faster in V8).
    const m = mAll;
    const nCat = nCatAll;
    const T = TAll;
    const weightPrev = weightPrevAll;
    const weightNext = weightNextAll;
    const discount = discountAll;
    const alive = aliveAll;
    const rowCost = rowCostAll;
    const costU = costUAll;
    const costD = costDAll;
    const acc = accAll;
    const occupancy = occupancyAll;
    const sums = sumsAll;
    const width = TcAll + 1;
    const prog = plan.program;
    const { work, vars } = prog;
    const { rowPtr, colIdx, val, cscPtr, cscRow, cscPos, costValues, costByCategory, utilValues, costRate: rateIdx, categoryRate, hasCycleWork, hasStateTimeWork } = plan;
    const nTransitionValues = plan.transitionValues.length;
    const cpc = res.costPerCycle;
    const cpd = res.costPerCycleDiscounted;
    // Running sums in locals, added in the same order as one cycle per call would.
    let sumQ = sums[SUM_Q]!;
    let sumQD = sums[SUM_QD]!;
    let sumLY = sums[SUM_LY]!;
    let sumLYD = sums[SUM_LYD]!;
    for (let c = first; c <= last; c++) {
      const transition = c <= T;
      let rowsChanged = false;
      if (hasCycleWork || hasStateTimeWork) {
        const first = c === 1;
        setCycleVariables(vars, c, L, startAge);
        const anyChanged = prog.updateCycleTracked(first);
        // Nothing to recompute when no input changed and no site reads the cycle variables itself.
        const cycleSitesChange = anyChanged || plan.cycleSitesReadTime;
        if (cycleSitesChange) {
          if (transition) evaluateEntries(plan, plan.cycleEntries, c, false);
          evaluateValues(plan, plan.cycleValues, c);
        }
        if (hasStateTimeWork) {
          for (let k = 1; k <= plan.maxStateTime; k++) {
            const entries = plan.stateTimeEntries[k]!;
            const values = plan.stateTimeValues[k]!;
            if (entries.items.length === 0 && values.items.length === 0) continue;
            vars[SLOT_STATE_TIME] = k;
            prog.updateStateTime();
            if (transition) evaluateEntries(plan, entries, c, false);
            evaluateValues(plan, values, c);
          }
        }
        // Rows with a recomputed entry are checked and summed again (as the trace steps).
        rowsChanged = transition && (cycleSitesChange || hasStateTimeWork);
      }
      const prev = (c - 1) * m;
      // A matrix unchanged since the last cycle needs no finalising: step and count in one pass where the
      // counting allows it (one-off values below read the previous row only).
      const fused = transition && !rowsChanged && categoryRate !== null;
      if (fused) stepAndCount(trace, prev, m, cscPtr, cscRow, cscPos, val, weightPrev, weightNext, c, nCat, alive, utilValues, costByCategory, plan.categoryIsZero, occupancy, rowCost, acc);
      else if (rowsChanged) stepFinalizing(plan, trace, prev, c);
      else if (transition) stepTrace(trace, prev, m, rowPtr, colIdx, val);
      const rowStart = (c - 1) * nCat;
      let oneOffQ = 0;
      let oneOffQD = 0;
      // Per-state discount rates or one-off values add into the per-cycle rows: start them at zero.
      if (!categoryRate || nTransitionValues > 0) {
        for (let cat = 0; cat < nCat; cat++) {
          cpc[rowStart + cat] = 0;
          cpd[rowStart + cat] = 0;
        }
      }
      // Destination-row convention: moves of cycle c - 1 valued at trace row c - 1, counted in this value cycle.
      if (oneOff.carries && nTransitionValues > 0) {
        for (let cat = 0; cat < nCat; cat++) {
          cpc[rowStart + cat] = carryCostU[cat]!;
          cpd[rowStart + cat] = carryCostD[cat]!;
          carryCostU[cat] = 0;
          carryCostD[cat] = 0;
        }
        oneOffQ = carryQ[0]!;
        oneOffQD = carryQ[1]!;
        carryQ[0] = 0;
        carryQ[1] = 0;
      }
      // One-off values on transitions (flows during cycle c, from trace row c - 1).
      if (transition && nTransitionValues > 0) {
        const wNow = oneOff.now[c]!;
        const wLater = oneOff.later[c]!;
        for (let t = 0; t < nTransitionValues; t++) {
          const tv = plan.transitionValues[t]!;
          let flow = 0;
          for (let k = 0; k < tv.rows.length; k++) flow += trace[prev + tv.rows[k]!]! * val[tv.positions[k]!]!;
          for (let cat = 0; cat < nCat; cat++) {
            const site = tv.costSites[cat];
            if (!site) continue;
            const x = site.fn(work, vars);
            if (!(x - x === 0)) fail(plan, { code: 'not-a-number', cycle: c, subject: `one-off cost ${categories[cat]}`, subjectOf: { code: 'one-off-cost', name: categories[cat]! }, value: x, path: site.path }, site.parameters);
            const rateRow = tv.costRate[cat]! * width;
            cpc[rowStart + cat] = cpc[rowStart + cat]! + flow * x * wNow;
            cpd[rowStart + cat] = cpd[rowStart + cat]! + flow * x * wNow * discount[rateRow + c]!;
            if (wLater !== 0) {
              carryCostU[cat] = carryCostU[cat]! + flow * x * wLater;
              carryCostD[cat] = carryCostD[cat]! + flow * x * wLater * discount[rateRow + c + 1]!;
            }
          }
          if (tv.qalySite) {
            const x = tv.qalySite.fn(work, vars);
            if (!(x - x === 0)) fail(plan, { code: 'not-a-number', cycle: c, subject: 'one-off QALYs', subjectOf: { code: 'one-off-qalys' }, value: x, path: tv.qalySite.path }, tv.qalySite.parameters);
            oneOffQ += flow * x * wNow;
            oneOffQD += flow * x * wNow * discount[effectRate * width + c]!;
            if (wLater !== 0) {
              carryQ[0] = carryQ[0]! + flow * x * wLater;
              carryQ[1] = carryQ[1]! + flow * x * wLater * discount[effectRate * width + c + 1]!;
            }
          }
        }
      }
      // Values counted for cycle c: occupancy = wp·N[c-1] + wn·N[c].
      const wn = transition ? weightNext[c]! : 0;
      if (fused) {
        // counted with the step
      } else if (categoryRate) countCycle(trace, prev, transition, m, weightPrev, weightNext, c, nCat, alive, utilValues, costByCategory, plan.categoryIsZero, occupancy, rowCost, acc);
      else accumulateCycleByStateRate(trace, prev, weightPrev[c]!, wn, m, nCat, alive, utilValues, costValues, rowCost, acc, cpd, rowStart, discount, rateIdx, width, c);
      let ly = acc[0]!;
      let q = acc[1]!;
      if (categoryRate && nTransitionValues === 0) {
        for (let cat = 0; cat < nCat; cat++) {
          const u = rowCost[cat]!;
          const d = u * discount[categoryRate[cat]! * width + c]!;
          cpc[rowStart + cat] = u;
          cpd[rowStart + cat] = d;
          costU[cat] = costU[cat]! + u;
          costD[cat] = costD[cat]! + d;
        }
      } else {
        for (let cat = 0; cat < nCat; cat++) {
          const u = cpc[rowStart + cat]! + rowCost[cat]!;
          const d = categoryRate ? cpd[rowStart + cat]! + rowCost[cat]! * discount[categoryRate[cat]! * width + c]! : cpd[rowStart + cat]!;
          cpc[rowStart + cat] = u;
          cpd[rowStart + cat] = d;
          costU[cat] = costU[cat]! + u;
          costD[cat] = costD[cat]! + d;
        }
      }
      const dfE = discount[effectRate * width + c]!;
      ly *= L;
      q *= L;
      res.qalysPerCycle[c - 1] = q + oneOffQ;
      res.qalysPerCycleDiscounted[c - 1] = q * dfE + oneOffQD;
      res.lifeYearsPerCycle[c - 1] = ly;
      res.lifeYearsPerCycleDiscounted[c - 1] = ly * dfE;
      sumQ += q + oneOffQ;
      sumQD += q * dfE + oneOffQD;
      sumLY += ly;
      sumLYD += ly * dfE;
    }
    sums[SUM_Q] = sumQ;
    sums[SUM_QD] = sumQD;
    sums[SUM_LY] = sumLY;
    sums[SUM_LYD] = sumLYD;
  }

  // A totals-only result holds every array too: the cycle loop writes them on its way (the trace is its state); a
  // discounted-only one its undiscounted totals too.
  function createResult(options?: ResultOptions): ModelResult {
    return {
      ...resultFlags(options),
      strategies: plans.map((p) => emptyStrategyResult(p.id, p.label, { states: nStates, categories: nCat, cycles: T, valueCycles: Tc })),
    };
  }

  const baseValues = baseCaseValues(model, baseProgram, space.ids.length);
  void nRates;

  return {
    ...describeCompiledModel('markov', defs, settings, {
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
      for (let s = 0; s < plans.length; s++) runStrategy(plans[s]!, params, result.strategies[s]!);
      return result;
    },
  };
}

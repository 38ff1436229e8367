// The contract every compiled model type (Markov now; partitioned survival, trees, hybrids later) fulfils.
// A PSA/DSA runner only ever talks to this interface.
import type { ModelDefinitions } from './model/parameter-program';

/** Per-person totals of one strategy; discounted unless the name says Undiscounted. */
export interface StrategyTotals {
  cost: number;
  costUndiscounted: number;
  qalys: number;
  qalysUndiscounted: number;
  lifeYears: number;
  lifeYearsUndiscounted: number;
  /** qalys or lifeYears, as settings.effect says. */
  effect: number;
  effectUndiscounted: number;
}

export interface StrategyResult {
  id: string;
  label: string;
  totals: StrategyTotals;
  /** Per category (order = CompiledModel.categoryIds), per person. */
  costByCategory: Float64Array;
  costByCategoryUndiscounted: Float64Array;
  /**
   * Cohort trace as shares of the cohort (multiply by settings.cohortSize for counts): row t (0..cycles) holds
   * the state distribution after t transitions; row-major, (cycles + 1) × stateIds.length.
   */
  trace: Float64Array;
  /**
   * Values per counted cycle (valueCycles rows): category-major within a row, valueCycles × categoryIds.length.
   * Interval methods (beginning, end, life-table) count cycles 1..cycles; point methods (trapezoidal,
   * half-cycle, simpson-1/3) count trace rows 0..cycles, so valueCycles = cycles + 1.
   */
  costPerCycle: Float64Array;
  costPerCycleDiscounted: Float64Array;
  qalysPerCycle: Float64Array;
  qalysPerCycleDiscounted: Float64Array;
  lifeYearsPerCycle: Float64Array;
  lifeYearsPerCycleDiscounted: Float64Array;
}

export interface ModelResult {
  strategies: StrategyResult[];
  /**
   * Set on a result made by createResult({ totalsOnly: true }): evaluate() then computes only what a PSA, DSA or
   * EVPPI reads, totals and costByCategory (the same doubles as a full evaluation). The trace, the per-cycle
   * arrays and the model-specific details are left unspecified (empty or stale): never show them. (Markov and
   * partitioned-survival results still fill their per-cycle life-years and QALYs: a hybrid's tree reads its
   * sub-models' for the waiting years.)
   */
  readonly totalsOnly?: true;
  /**
   * Set on a result made by createResult({ totalsOnly: true, discountedOnly: true }): a totals-only result whose
   * undiscounted totals and costByCategoryUndiscounted are unspecified too (a PSA, DSA or EVPPI reads discounted
   * cost and effect only). Trees and hybrids then skip their undiscounted roll-back; other models may fill them.
   */
  readonly discountedOnly?: true;
}

export interface ResultOptions {
  /** Only totals and costByCategory are read (see ModelResult.totalsOnly). */
  totalsOnly?: boolean;
  /** With totalsOnly: only the discounted totals and costByCategory are read (see ModelResult.discountedOnly). */
  discountedOnly?: boolean;
}

/** The flags of a result made with these options (discountedOnly counts only with totalsOnly). */
export function resultFlags(options: ResultOptions | undefined): { totalsOnly?: true; discountedOnly?: true } {
  if (options?.totalsOnly !== true) return {};
  return options.discountedOnly === true ? { totalsOnly: true, discountedOnly: true } : { totalsOnly: true };
}

export interface CompiledModel {
  type: string;
  /** Every parameter slot, in model-file order; index = slot in the Float64Array. */
  parameterIds: readonly string[];
  parameterIndex: ReadonlyMap<string, number>;
  /** 1 where evaluate() reads the slot from the caller's array; 0 where it recomputes it (expression parameters). */
  isInput: Uint8Array;
  strategyIds: readonly string[];
  strategyLabels: readonly string[];
  stateIds: readonly string[];
  categoryIds: readonly string[];
  cycles: number;
  /** Rows of the per-cycle arrays (cycles, or cycles + 1 for point counting methods). */
  valueCycles: number;
  cycleLength: number;
  cohortSize: number;
  effect: 'qalys' | 'life-years';
  /** Fresh array with the base-case value of every parameter (expression parameters at cycle 1). */
  baseParameters(): Float64Array;
  /** Preallocated result buffers to pass to evaluate() again and again. */
  createResult(options?: ResultOptions): ModelResult;
  /**
   * Runs every strategy with the given parameter values. Allocates nothing when `out` is given.
   * Throws ModelEvaluationError (located: strategy, cycle, from-state, parameters) when a check fails.
   */
  evaluate(params: Float64Array, out?: ModelResult): ModelResult;
}

export interface CompileOptions {
  /**
   * Expression parameters to treat as inputs (read from the array instead of recomputed), e.g. ones a PSA
   * samples directly. Their base value is the expression's base-case value.
   */
  inputs?: readonly string[];
}

/** The shape of a compiled model that only its compiler knows (strategies, states, time grid, base values). */
export interface CompiledModelLayout {
  strategies: readonly { id: string; label: string }[];
  stateIds: readonly string[];
  categoryIds: readonly string[];
  cycles: number;
  valueCycles: number;
  cycleLength: number;
  baseValues: Float64Array;
}

/** The shared, non-evaluating part of a CompiledModel (one place for every model type). */
export function describeCompiledModel(
  type: string,
  defs: Pick<ModelDefinitions, 'space' | 'inputs'>,
  settings: { cohortSize: number; effect: 'qalys' | 'life-years' },
  layout: CompiledModelLayout,
): Omit<CompiledModel, 'createResult' | 'evaluate'> {
  return {
    type,
    parameterIds: defs.space.ids,
    parameterIndex: defs.space.index,
    isInput: defs.inputs,
    strategyIds: layout.strategies.map((p) => p.id),
    strategyLabels: layout.strategies.map((p) => p.label),
    stateIds: layout.stateIds,
    categoryIds: layout.categoryIds,
    cycles: layout.cycles,
    valueCycles: layout.valueCycles,
    cycleLength: layout.cycleLength,
    cohortSize: settings.cohortSize,
    effect: settings.effect,
    baseParameters: () => Float64Array.from(layout.baseValues),
  };
}

/** Sizes of a strategy's result arrays. */
export interface ResultSize {
  states: number;
  categories: number;
  cycles: number;
  valueCycles: number;
}

/**
 * A Markov strategy's result, all zero. Partitioned survival and trees write theirs out in one literal with their own
 * fields: a spread copy of this took other hidden classes, and the per-draw reads of results went megamorphic.
 */
export function emptyStrategyResult(id: string, label: string, size: ResultSize): StrategyResult {
  const rows = (n: number) => new Float64Array(n);
  const { states, categories, cycles, valueCycles } = size;
  return {
    id,
    label,
    totals: { cost: 0, costUndiscounted: 0, qalys: 0, qalysUndiscounted: 0, lifeYears: 0, lifeYearsUndiscounted: 0, effect: 0, effectUndiscounted: 0 },
    costByCategory: new Float64Array(categories),
    costByCategoryUndiscounted: new Float64Array(categories),
    trace: rows((cycles + 1) * states),
    costPerCycle: rows(valueCycles * categories),
    costPerCycleDiscounted: rows(valueCycles * categories),
    qalysPerCycle: rows(valueCycles),
    qalysPerCycleDiscounted: rows(valueCycles),
    lifeYearsPerCycle: rows(valueCycles),
    lifeYearsPerCycleDiscounted: rows(valueCycles),
  };
}

/** evaluate() takes exactly one value per parameter slot. */
export function checkParameterCount(params: Float64Array, expected: number): void {
  if (params.length !== expected) throw new RangeError(`expected ${expected} parameter values, got ${params.length}`);
}

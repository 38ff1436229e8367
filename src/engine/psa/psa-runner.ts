// The pure PSA runner: draws [start, end) of a seed -> per-draw cost and effect of every strategy. The same
// function runs in-process, in a Node worker thread and in a Web Worker; a run is cut into chunks of whole
// sampler streams, and chunk results are merged by draw index, so the output does not depend on the number of
// workers or on the order in which chunks finish.
import { ModelEvaluationError, subjectText } from '../errors';
import type { EvaluationErrorDetails, EvaluationSubject } from '../errors';
import type { ModelResult } from '../compiled-model';
import type { PsaSetup } from './psa-setup';

/** A draw whose evaluation failed (row sum, probability out of range, NaN), with the values that caused it. */
export interface PsaDrawFailure {
  draw: number;
  message: string;
  /** Sampled parameter values of the draw. */
  parameters: Record<string, number>;
  details: EvaluationErrorDetails;
}

export interface PsaChunkResult {
  start: number;
  end: number;
  /** (end - start) x strategies, row-major. */
  costs: Float64Array;
  effects: Float64Array;
  /** (end - start) x sampled parameters, row-major (sampler.names order). */
  parameters: Float64Array;
  /** First failing draw of the chunk (the chunk stops there), or null. */
  failure: PsaDrawFailure | null;
}

/** Buffers reused across chunks by one worker: nothing is allocated per draw. */
export interface PsaWorkspace {
  params: Float64Array;
  out: ModelResult;
}

export function createPsaWorkspace(setup: PsaSetup): PsaWorkspace {
  // A PSA keeps per-draw discounted cost and effect only.
  return { params: Float64Array.from(setup.base), out: setup.compiled.createResult({ totalsOnly: true, discountedOnly: true }) };
}

function failureOf(setup: PsaSetup, draw: number, row: Float64Array, offset: number, error: ModelEvaluationError): PsaDrawFailure {
  return { draw, message: `draw ${draw}: ${error.message}`, parameters: sampledValues(setup, row, offset), details: error.details };
}

function sampledValues(setup: PsaSetup, row: Float64Array, offset: number): Record<string, number> {
  const parameters: Record<string, number> = {};
  setup.sampler.names.forEach((name, k) => {
    parameters[name] = row[offset + k]!;
  });
  return parameters;
}

/** A sampled value that is not a finite number: the distribution is to blame, not the expressions that read it. */
function samplingFailure(setup: PsaSetup, draw: number, row: Float64Array, offset: number, k: number): PsaDrawFailure {
  const name = setup.sampler.names[k]!;
  const value = row[offset + k]!;
  const slot = setup.compiled.parameterIndex.get(name) ?? -1;
  const subjectOf: EvaluationSubject = { code: 'distribution-draw', name, distribution: setup.distributionTypes[k]! };
  const subject = subjectText(subjectOf);
  const message = `draw ${draw}: ${subject} drew ${value}, not a finite number (check the distribution's parameters)`;
  const details: EvaluationErrorDetails = { code: 'not-a-number', strategy: '', cycle: 0, subject, subjectOf, value, parameters: {}, path: ['parameters', slot, 'uncertainty', 'distribution'] };
  return { draw, message, parameters: sampledValues(setup, row, offset), details };
}

/** A strategy total that overflowed in a draw (every value finite, their sum not). */
function totalFailure(setup: PsaSetup, draw: number, row: Float64Array, offset: number, strategy: number, field: 'cost' | 'effect', value: number): PsaDrawFailure {
  const id = setup.strategyIds[strategy]!;
  const subjectOf: EvaluationSubject = { code: field === 'cost' ? 'strategy-total-cost' : 'strategy-total-effect', name: id };
  const subject = subjectText(subjectOf);
  const details: EvaluationErrorDetails = { code: 'not-a-number', strategy: id, cycle: 0, subject, subjectOf, value, parameters: {}, path: ['strategies', strategy] };
  return { draw, message: `draw ${draw}: ${subject} is not a finite number (${value}): the sampled values are too large to add up`, parameters: sampledValues(setup, row, offset), details };
}

/** Evaluates draws [start, end) of the setup's seed. Allocates only the result arrays. */
export function runPsaChunk(setup: PsaSetup, start: number, end: number, workspace: PsaWorkspace = createPsaWorkspace(setup)): PsaChunkResult {
  return evaluateSampledDraws(setup, start, end, setup.sampler.fill(start, end), workspace);
}

/**
 * Evaluates draws [start, end) whose sampled rows `parameters` holds (sampler.fill of that range, or a view of
 * a larger block): a run can sample a stream once and evaluate it in pieces.
 */
export function evaluateSampledDraws(setup: PsaSetup, start: number, end: number, parameters: Float64Array, workspace: PsaWorkspace): PsaChunkResult {
  const n = end - start;
  const s = setup.strategyIds.length;
  const costs = new Float64Array(n * s);
  const effects = new Float64Array(n * s);
  const failure = evaluateDrawsInto(setup, start, n, parameters, workspace, costs, effects);
  return { start, end, costs, effects, parameters, failure };
}

/**
 * The draw loop of evaluateSampledDraws, in its own function: V8 optimises the loop while the first chunk runs
 * (on-stack replacement), before the result object after it was ever built, and that optimised code was thrown
 * away at the end of every chunk (no type feedback there). Here the loop ends in a bare return.
 */
function evaluateDrawsInto(setup: PsaSetup, start: number, n: number, parameters: Float64Array, workspace: PsaWorkspace, costs: Float64Array, effects: Float64Array): PsaDrawFailure | null {
  const { compiled, sampler, slots } = setup;
  const p = sampler.parameterCount;
  const s = setup.strategyIds.length;
  const { params, out } = workspace;
  const strategies = out.strategies;
  for (let d = 0; d < n; d++) {
    const offset = d * p;
    for (let k = 0; k < p; k++) {
      const x = parameters[offset + k]!;
      if (!(x - x === 0)) {
        params.set(setup.base);
        return samplingFailure(setup, start + d, parameters, offset, k);
      }
      params[slots[k]!] = x;
    }
    try {
      compiled.evaluate(params, out);
    } catch (e) {
      if (!(e instanceof ModelEvaluationError)) throw e;
      params.set(setup.base);
      return failureOf(setup, start + d, parameters, offset, e);
    }
    const row = d * s;
    for (let j = 0; j < s; j++) {
      const totals = strategies[j]!.totals;
      if (!(totals.cost - totals.cost === 0 && totals.effect - totals.effect === 0)) {
        params.set(setup.base);
        const field = totals.cost - totals.cost === 0 ? 'effect' : 'cost';
        return totalFailure(setup, start + d, parameters, offset, j, field, totals[field]);
      }
      costs[row + j] = totals.cost;
      effects[row + j] = totals.effect;
    }
  }
  return null;
}

// Running a whole PSA: the chunk plan, merging chunk results by draw index, progress, cancellation and the
// report of a failing draw. `runPsa` runs in the calling thread; `runPsaChunks` schedules the same chunks over any
// asynchronous executor (a pool of Node worker threads or Web Workers) and gives the identical result.
import { DRAWS_PER_STREAM } from '../uncertainty/rng';
import type { PsaResults } from '../uncertainty/psa-summary';
import type { ParameterDraws } from '../uncertainty/evppi';
import { createPsaWorkspace, evaluateSampledDraws, runPsaChunk } from './psa-runner';
import type { PsaChunkResult, PsaDrawFailure, PsaWorkspace } from './psa-runner';
import type { PsaSetup } from './psa-setup';

export interface PsaChunk {
  index: number;
  start: number;
  end: number;
}

/** A PSA's per-draw results; satisfies PsaResults (summaries) and, through `parameterDraws`, ParameterDraws (EVPPI). */
export interface PsaRun extends PsaResults {
  seed: number;
  strategyLabels: readonly string[];
  /** Sampled parameters, draws x parameters row-major. */
  parameterDraws: ParameterDraws;
}

export interface PsaProgress {
  done: number;
  total: number;
}

/** Anything with an `aborted` flag (an AbortSignal works); checked between chunks. */
export interface CancelFlag {
  readonly aborted: boolean;
}

export interface PsaRunOptions {
  iterations: number;
  /** Draws per chunk; a multiple of the sampler's stream length keeps every chunk on whole streams. */
  chunkSize?: number;
  onProgress?: (progress: PsaProgress) => void;
  signal?: CancelFlag;
}

export class PsaCancelledError extends Error {
  /**
   * @param done draws finished when the run stopped
   * @param partial the finished draws 0..k-1 as a run (the same draws a k-iteration run with this seed gives), or
   * null when none; draws finished beyond the first gap are not in it
   */
  constructor(
    readonly done: number,
    readonly partial: PsaRun | null = null,
  ) {
    super(`probabilistic analysis cancelled after ${done} draws`);
    this.name = 'PsaCancelledError';
  }
}

/** A draw could not be evaluated; the lowest failing draw index is reported, whatever the worker count. */
export class PsaDrawError extends Error {
  constructor(readonly failure: PsaDrawFailure) {
    const values = Object.entries(failure.parameters)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    super(`${failure.message}; sampled values: ${values}`);
    this.name = 'PsaDrawError';
  }
}

export function assertValidIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`iterations must be a whole number >= 1 (got ${iterations})`);
}

/**
 * Chunk size that keeps every executor busy. Cheap draws: whole sampler streams (a chunk starting inside a stream
 * first regenerates and discards the stream's earlier draws). Draws costing more than 0.2 ms: smaller chunks (a
 * power of two dividing the stream length, at least 8 per executor), where that discarding is negligible. The
 * output does not depend on the chunk size.
 */
export function chunkSizeFor(secondsPerDraw: number, iterations: number, executors: number): number {
  let size = DRAWS_PER_STREAM;
  if (!(secondsPerDraw > 2e-4) || executors <= 1) return size;
  while (size > 64 && iterations / size < executors * 8) size /= 2;
  return size;
}

/**
 * Seconds before a new worker thread contributes: loading the bundle, compiling the model, its first (cold)
 * draws. Measured 0.1-0.2 s per thread on an idle 2-core machine; the margin covers a loaded one.
 */
export const WORKER_START_SECONDS = 0.25;

/**
 * How many of the `requested` cores (this thread + worker threads) a run of `iterations` draws should use: the
 * calling thread starts at once and each worker joins after `startSeconds`, so a worker is started only while the
 * run is expected to last at least twice its start-up per worker (a short run stays in one thread, where a second
 * one would only cost start-up CPU).
 */
export function coresWorthUsing(secondsPerDraw: number, iterations: number, requested: number, startSeconds = WORKER_START_SECONDS): number {
  const expected = secondsPerDraw * iterations;
  if (!(expected > 0)) return 1;
  return Math.max(1, Math.min(requested, 1 + Math.floor(expected / (2 * startSeconds))));
}

/**
 * A piece at most this many times the cost a draw of the piece before it means the code is still warming up (V8
 * still optimising it): the HIV example's first pieces fall by 0.5-0.6 per doubling, then level off.
 */
export const WARMING_RATE_RATIO = 0.7;
/**
 * While the pieces still get cheaper, the draws left are expected to cost at most 1/WARMING_FACTOR of the latest
 * piece's rate: the HIV example's piece of 512 draws costs 65-110 µs a draw (process CPU), its warm streams 8-11.
 */
export const WARMING_FACTOR = 4;

/** What a run has measured of its own draws so far (the input of coresAfterMeasuring). */
export interface MeasuredDraws {
  /** CPU seconds of the draws measured. */
  seconds: number;
  /** Draws measured. */
  draws: number;
  /** The cheapest piece's cost a draw. */
  perDraw: number;
  /** The latest piece cost at most WARMING_RATE_RATIO times a draw of the piece before it. */
  warming: boolean;
}

/**
 * Cores worth using for the `drawsLeft` draws after what the run has measured (1 before
 * MEASURE_BEFORE_DECIDING_SECONDS): a worker goes through the warm-up this thread went through, so its start-up is
 * WORKER_START_SECONDS plus what the measured draws cost beyond their cheapest rate; while the pieces still get
 * cheaper the draws left are estimated at 1/WARMING_FACTOR of that rate. Cold pieces then never start a worker for
 * a run that will be short once warm.
 */
export function coresAfterMeasuring(measured: MeasuredDraws, drawsLeft: number, requested: number): number {
  if (!(measured.seconds >= MEASURE_BEFORE_DECIDING_SECONDS)) return 1;
  const warmUp = Math.max(0, measured.seconds - measured.perDraw * measured.draws);
  const perDraw = measured.warming ? measured.perDraw / WARMING_FACTOR : measured.perDraw;
  return coresWorthUsing(perDraw, drawsLeft, requested, WORKER_START_SECONDS + warmUp);
}

/**
 * Chunks covering [from, iterations), cut at the multiples of `chunkSize` (a run resumed mid-stream first finishes
 * that stream's chunk).
 */
export function planChunks(iterations: number, chunkSize = DRAWS_PER_STREAM, from = 0): PsaChunk[] {
  assertValidIterations(iterations);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunk size must be a whole number >= 1 (got ${chunkSize})`);
  const chunks: PsaChunk[] = [];
  for (let start = from, index = 0; start < iterations; index++) {
    const end = Math.min((Math.floor(start / chunkSize) + 1) * chunkSize, iterations);
    chunks.push({ index, start, end });
    start = end;
  }
  return chunks;
}

/**
 * planChunks, but the last `slots` chunks' draws cut in quarters when chunks are already shorter than a stream
 * (expensive draws, chunkSizeFor): a thread that holds queued chunks when the others run out of work then keeps
 * them waiting a quarter as long (the liquid-biopsy example's chunks of 512 draws cost 0.1 s).
 */
export function planTaperedChunks(iterations: number, chunkSize: number, from: number, slots: number): PsaChunk[] {
  const quarter = chunkSize / 4;
  if (chunkSize >= DRAWS_PER_STREAM || !Number.isInteger(quarter)) return planChunks(iterations, chunkSize, from);
  const cut = Math.max(from, Math.floor((iterations - slots * chunkSize) / chunkSize) * chunkSize);
  const chunks = cut > from ? planChunks(cut, chunkSize, from) : [];
  return [...chunks, ...planChunks(iterations, quarter, cut)].map((chunk, index) => ({ ...chunk, index }));
}

/** What a merged run needs to know about the setup (also known to a client whose workers hold the setup). */
export interface PsaRunInfo {
  strategyIds: readonly string[];
  strategyLabels: readonly string[];
  seed: number;
  parameterNames: readonly string[];
}

export function psaRunInfo(setup: PsaSetup): PsaRunInfo {
  return { strategyIds: setup.strategyIds, strategyLabels: setup.strategyLabels, seed: setup.sampler.seed, parameterNames: setup.sampler.names };
}

/** Collects chunk results in any order into whole-run arrays. */
export class PsaAccumulator {
  readonly costs: Float64Array;
  readonly effects: Float64Array;
  readonly parameters: Float64Array;
  private failure: PsaDrawFailure | null = null;
  private received = 0;
  /** End of each finished chunk, by its start. */
  private readonly finished = new Map<number, number>();

  constructor(
    readonly iterations: number,
    readonly strategyCount: number,
    readonly parameterCount: number,
  ) {
    this.costs = new Float64Array(iterations * strategyCount);
    this.effects = new Float64Array(iterations * strategyCount);
    this.parameters = new Float64Array(iterations * parameterCount);
  }

  add(chunk: PsaChunkResult): void {
    this.costs.set(chunk.costs, chunk.start * this.strategyCount);
    this.effects.set(chunk.effects, chunk.start * this.strategyCount);
    this.parameters.set(chunk.parameters, chunk.start * this.parameterCount);
    this.received += chunk.end - chunk.start;
    this.finished.set(chunk.start, chunk.end);
    if (chunk.failure && (this.failure === null || chunk.failure.draw < this.failure.draw)) this.failure = chunk.failure;
  }

  get done(): number {
    return this.received;
  }

  /** Draws 0..k-1 that are all finished (chunks may finish out of order). */
  get finishedPrefix(): number {
    let k = 0;
    for (let end = this.finished.get(k); end !== undefined; end = this.finished.get(k)) k = end;
    return k;
  }

  /** The finished prefix of a stopped run, or null when it is empty. */
  partial(info: PsaRunInfo): PsaRun | null {
    const k = this.finishedPrefix;
    if (k === 0) return null;
    return {
      strategyIds: info.strategyIds,
      strategyLabels: info.strategyLabels,
      draws: k,
      seed: info.seed,
      costs: this.costs.slice(0, k * this.strategyCount),
      effects: this.effects.slice(0, k * this.strategyCount),
      parameterDraws: { names: info.parameterNames, values: this.parameters.slice(0, k * this.parameterCount) },
    };
  }

  /** The merged run; throws PsaDrawError for the lowest failing draw. */
  result(info: PsaRunInfo): PsaRun {
    if (this.failure) throw new PsaDrawError(this.failure);
    if (this.received !== this.iterations) throw new Error(`PSA incomplete: ${this.received} of ${this.iterations} draws`);
    return {
      strategyIds: info.strategyIds,
      strategyLabels: info.strategyLabels,
      draws: this.iterations,
      seed: info.seed,
      costs: this.costs,
      effects: this.effects,
      parameterDraws: { names: info.parameterNames, values: this.parameters },
    };
  }
}

/** Draws of the first piece of a run's first stream (runPsa, runPsaAdaptive); pieces double up to the stream length. */
const FIRST_PIECE = 32;

/**
 * Runs every chunk in this thread. The first chunk is sampled and evaluated in pieces of FIRST_PIECE draws doubling
 * up to its end (the sampler goes on from where each piece stopped: the same draws), not sampled whole before its
 * first evaluation: the sampler's and the model's code then warm up together, which cost the HIV example's
 * 10,000-draw run 10-18 ms less CPU (medians of alternated runs). Progress and cancellation stay per chunk.
 */
export function runPsa(setup: PsaSetup, options: PsaRunOptions): PsaRun {
  const chunks = planChunks(options.iterations, options.chunkSize);
  const acc = new PsaAccumulator(options.iterations, setup.strategyIds.length, setup.sampler.parameterCount);
  const workspace = createPsaWorkspace(setup);
  const info = psaRunInfo(setup);
  for (const chunk of chunks) {
    if (options.signal?.aborted) throw new PsaCancelledError(acc.done, acc.partial(info));
    let failed = false;
    for (let start = chunk.start, piece = chunk.index === 0 ? FIRST_PIECE : chunk.end; start < chunk.end && !failed; piece *= 2) {
      const end = Math.min(chunk.end, start + piece);
      const result = runPsaChunk(setup, start, end, workspace);
      acc.add(result);
      failed = result.failure !== null;
      start = end;
    }
    if (failed) break;
    options.onProgress?.({ done: acc.done, total: options.iterations });
  }
  return acc.result(info);
}

/**
 * Evaluates one chunk somewhere (a worker) and resolves with its result. `ready`, when present, resolves once the
 * executor can take work (e.g. its worker has loaded); it takes no chunk before that.
 */
export type PsaChunkExecutor = ((chunk: PsaChunk) => Promise<PsaChunkResult>) & { ready?: Promise<unknown> };

/**
 * Runs the chunks over `concurrency` parallel executor slots (slot k always uses executors[k]); stops handing out
 * chunks on cancellation or on a failing draw (already running chunks finish).
 */
export async function runPsaChunks(setupOrInfo: PsaSetup | PsaRunInfo, executors: readonly PsaChunkExecutor[], options: PsaRunOptions): Promise<PsaRun> {
  const info = 'sampler' in setupOrInfo ? psaRunInfo(setupOrInfo) : setupOrInfo;
  if (executors.length === 0) throw new RangeError('at least one executor is needed');
  const chunks = planChunks(options.iterations, options.chunkSize);
  const acc = new PsaAccumulator(options.iterations, info.strategyIds.length, info.parameterNames.length);
  await dispatchChunks(chunks, executors, acc, info, options);
  return acc.result(info);
}

/** Hands `chunks` to the executors into `acc`; throws PsaCancelledError when cancelled before a failing draw. */
async function dispatchChunks(chunks: readonly PsaChunk[], executors: readonly PsaChunkExecutor[], acc: PsaAccumulator, info: PsaRunInfo, options: PsaRunOptions): Promise<void> {
  let next = 0;
  let failed = false;
  let cancelled = false;
  let markDispatched: () => void = () => undefined;
  // Resolves when no chunk is left to hand out: an executor still starting then has nothing to wait for.
  const dispatched = new Promise<void>((resolve) => {
    markDispatched = resolve;
  });
  if (chunks.length === 0) markDispatched();
  const work = async (execute: PsaChunkExecutor): Promise<void> => {
    if (execute.ready) await Promise.race([execute.ready, dispatched]);
    while (next < chunks.length && !failed) {
      if (options.signal?.aborted) {
        cancelled = true;
        return;
      }
      const chunk = chunks[next++]!;
      if (next === chunks.length) markDispatched();
      let result: PsaChunkResult;
      try {
        result = await execute(chunk);
      } catch (e) {
        // A pool stopping its workers on cancel rejects the chunks in flight: that is the cancel, not a failure.
        if (options.signal?.aborted) {
          cancelled = true;
          return;
        }
        throw e;
      }
      acc.add(result);
      if (result.failure) failed = true;
      else options.onProgress?.({ done: acc.done, total: options.iterations });
    }
  };
  try {
    await Promise.all(executors.map(work));
  } finally {
    markDispatched();
  }
  if (cancelled && !failed) throw new PsaCancelledError(acc.done, acc.partial(info));
}

export interface AdaptivePsaOptions extends PsaRunOptions {
  /** Cores the run may use: this thread plus up to cores - 1 helpers. */
  cores: number;
  /** CPU seconds spent so far (by this process or thread): measures the draws run here, never changes results. */
  clock: () => number;
  /** Starts `count` helpers (worker threads); returns their executor slots, each with `ready`. */
  startHelpers: (count: number) => readonly PsaChunkExecutor[];
  /**
   * Runs a chunk in this thread, yielding to other events first (so helpers' messages are handled); used for the
   * rest of the run once helpers are started.
   */
  localExecutor: PsaChunkExecutor;
}

/**
 * CPU seconds of measured draws before the first decision. The first draws run cold code: the HIV example's
 * pieces of 32, 64, 128, 256, 512, 1,024 draws cost 270-490, 190-370, 100-140, 70-150, 45-75 and 28-34 µs a draw
 * in fresh processes on a loaded 2-core machine, its later streams 8 µs. An estimate from the first 20 ms
 * (3 s for 10,000 draws) started a worker for a 0.3 s run, one from 0.1 s (45-58 µs, 0.5 s) still did now and
 * then; after 0.15 s (about 2,000 draws, 28-34 µs) the estimate is within 4 times of the warm rate. A long run
 * loses little by waiting: its first 0.15 s are real draws, not a probe.
 */
export const MEASURE_BEFORE_DECIDING_SECONDS = 0.15;

/**
 * How many times a warm draw one early evaluation of the base case may cost, at most: V8 runs a model's code
 * interpreted before optimising it. Measured with the bundled CLI in fresh processes (the model compiled and run
 * once by validation, so the probe is its second evaluation; CPU time of the process, on a loaded 2-core machine):
 * the liquid-biopsy example's probe 6.8-26 ms against 0.29 ms a warm draw (23-90 times), the HIV example's
 * 0.4-0.5 ms against 8 µs (50-60 times), the time-dependent Markov yardstick's 7 ms against 1.4 ms (5 times). A
 * helper started on the probe's word alone (the rule of coresWorthUsing) is a waste only for a model whose probe
 * costs over 128 times its warm draw.
 */
export const COLD_EVALUATION_FACTOR = 128;

/**
 * Seconds a draw is expected to cost at least, from one evaluation of the base case timed on `clock` (also the
 * first evaluation of a totals-only result, so not wasted); 0 when it fails (the draws will report it).
 */
function probeSecondsPerDraw(setup: PsaSetup, workspace: PsaWorkspace, clock: () => number): number {
  const t0 = clock();
  try {
    setup.compiled.evaluate(setup.base, workspace.out);
  } catch {
    return 0;
  }
  return (clock() - t0) / COLD_EVALUATION_FACTOR;
}

/**
 * Runs the PSA in this thread and starts helpers only when the draws left are expected to outlast their start-up
 * (coresWorthUsing), judged after every piece of the run from its measured cost, so a loaded or slow machine is
 * judged by what it does, not by a probe. The first stream is sampled once and evaluated in doubling pieces (the
 * decision comes early for expensive draws); later draws run a stream at a time. Once helpers start, the draws
 * left are shared in chunks. The result is the same as runPsa's whether or when helpers start.
 */
export async function runPsaAdaptive(setup: PsaSetup, options: AdaptivePsaOptions): Promise<PsaRun> {
  const { iterations, clock } = options;
  assertValidIterations(iterations);
  const info = psaRunInfo(setup);
  const acc = new PsaAccumulator(iterations, setup.strategyIds.length, setup.sampler.parameterCount);
  const workspace = createPsaWorkspace(setup);
  const p = setup.sampler.parameterCount;
  let next = 0;
  let measured = 0;
  let perDraw = Infinity;
  let latestRate = Infinity;
  let helpers: readonly PsaChunkExecutor[] = [];
  let cores = 1;
  /** Runs [next, end) here (sampled rows from `block` when given), then decides on helpers. */
  const runHere = (end: number, block?: { rows: Float64Array; start: number; samplingPerDraw: number }): boolean => {
    if (options.signal?.aborted) throw new PsaCancelledError(acc.done, acc.partial(info));
    const t0 = clock();
    const result = block
      ? evaluateSampledDraws(setup, next, end, block.rows.subarray((next - block.start) * p, (end - block.start) * p), workspace)
      : runPsaChunk(setup, next, end, workspace);
    acc.add(result);
    if (result.failure) return false;
    options.onProgress?.({ done: acc.done, total: iterations });
    const seconds = clock() - t0 + (block ? block.samplingPerDraw * (end - next) : 0);
    measured += seconds;
    const rate = seconds / (end - next);
    const warming = rate <= WARMING_RATE_RATIO * latestRate;
    latestRate = rate;
    // The fastest piece so far: cold code only ever makes a piece slower than the run will be.
    perDraw = Math.min(perDraw, rate);
    next = end;
    if (next < iterations) {
      cores = coresAfterMeasuring({ seconds: measured, draws: next, perDraw, warming }, iterations - next, options.cores);
      if (cores > 1) helpers = options.startHelpers(cores - 1);
    }
    return true;
  };
  // A run that even a lower bound on the draws' cost shows to be long starts its helpers now: their start-up
  // (loading, compiling, cold draws) then overlaps this thread's (inversion tables, first draws).
  if (options.cores > 1) {
    const probe = probeSecondsPerDraw(setup, workspace, clock);
    cores = coresWorthUsing(probe, iterations, options.cores);
    if (cores > 1) helpers = options.startHelpers(cores - 1);
  }
  let ok = true;
  if (helpers.length === 0) {
    const firstEnd = Math.min(iterations, DRAWS_PER_STREAM);
    // The inversion tables are built once per run (and handed to workers), not per draw: kept out of the measure.
    setup.sampler.prepare();
    const t0 = clock();
    const rows = setup.sampler.fill(0, firstEnd);
    const block = { rows, start: 0, samplingPerDraw: (clock() - t0) / firstEnd };
    for (let piece = FIRST_PIECE; ok && next < firstEnd && helpers.length === 0; piece *= 2) ok = runHere(Math.min(firstEnd, next + piece), block);
    while (ok && next < iterations && helpers.length === 0) ok = runHere(Math.min(iterations, next + DRAWS_PER_STREAM));
  }
  if (ok && next < iterations) {
    // Helpers started before any draw: the cost of a draw is not known yet, so chunks small enough to share evenly.
    const executors = [options.localExecutor, ...helpers];
    const chunks =
      options.chunkSize === undefined
        ? planTaperedChunks(iterations, chunkSizeFor(next === 0 ? Infinity : perDraw, iterations - next, cores), next, executors.length)
        : planChunks(iterations, options.chunkSize, next);
    await dispatchChunks(chunks, executors, acc, info, options);
  }
  return acc.result(info);
}

// A pool of Node worker threads running PSA chunks for the CLI. Each thread runs the same worker handler as the
// app's Web Worker: from the pre-built CLI bundle, or from the TypeScript sources through tsx (tests, benches).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HtaModel } from '../engine/model/schema';
import { runPsaAdaptive, runPsaChunks } from '../engine/psa/psa-run';
import type { PsaChunk, PsaChunkExecutor, PsaRun, PsaRunOptions } from '../engine/psa/psa-run';
import { createPsaWorkspace, runPsaChunk } from '../engine/psa/psa-runner';
import type { PsaChunkResult } from '../engine/psa/psa-runner';
import type { PsaSetup } from '../engine/psa/psa-setup';
import type { PsaWorkerRequest, PsaWorkerResponse } from '../engine/psa/psa-worker-protocol';
import { cachedInversionTables } from '../engine/uncertainty/inversion-table';
import type { InversionTableEntry } from '../engine/uncertainty/inversion-table';

/**
 * The thread's entry next to this module: in a command's CommonJS file (out/cli/<name>-command.cjs, compiled with
 * its code cache by bin/command-files.cjs) bin/psa-thread.cjs, which starts the threads' CommonJS file with its code
 * cache; in the ES module build the bundled `psa-workers-thread.mjs` (scripts/build-cli.mjs defines __filename
 * there); the TypeScript file through tsx otherwise. __filename, not __dirname: tsx defines the former in every
 * loading mode (CommonJS register, ESM import).
 */
export function psaThreadEntry(moduleFile: string = __filename): { file: string; execArgv: string[] } {
  const folder = dirname(moduleFile);
  if (moduleFile.endsWith('.ts')) return { file: join(folder, 'psa-workers-thread.ts'), execArgv: ['--require', 'tsx/cjs'] };
  if (moduleFile.endsWith('.cjs') && existsSync(join(folder, 'psa-workers-thread.cjs'))) return { file: join(folder, '..', '..', 'bin', 'psa-thread.cjs'), execArgv: [] };
  return { file: join(folder, 'psa-workers-thread.mjs'), execArgv: [] };
}

export class PsaWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PsaWorkerError';
  }
}

interface PendingChunk {
  resolve: (result: PsaChunkResult) => void;
  reject: (error: Error) => void;
}

/** One worker thread; `ready` resolves once it has compiled the model. */
class PsaThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingChunk>();
  private nextId = 0;
  private onReady: { resolve: () => void; reject: (e: Error) => void } | null = null;
  readonly ready: Promise<void>;

  /** Starts the thread loading its code; it compiles the model once `init` is called. */
  constructor() {
    const entry = psaThreadEntry();
    this.worker = new Worker(entry.file, { execArgv: entry.execArgv });
    this.ready = new Promise((resolve, reject) => {
      this.onReady = { resolve, reject };
    });
    this.worker.on('message', (m: PsaWorkerResponse) => this.receive(m));
    this.worker.on('error', (e) => this.failAll(new PsaWorkerError(`PSA worker thread failed: ${e.message}`)));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.failAll(new PsaWorkerError(`PSA worker thread exited with code ${code}`));
    });
  }

  init(model: HtaModel, seed: number): void {
    this.send({ type: 'init', model, seed });
  }

  /** Inversion tables this thread adopts before its first chunk. */
  adoptTables(tables: InversionTableEntry[]): void {
    this.send({ type: 'tables', tables });
  }

  private send(request: PsaWorkerRequest): void {
    this.worker.postMessage(request);
  }

  private receive(m: PsaWorkerResponse): void {
    if (m.type === 'ready') {
      this.onReady?.resolve();
      return;
    }
    if (m.type === 'error' && m.id === null) {
      this.onReady?.reject(new PsaWorkerError(`${m.name}: ${m.message}`));
      return;
    }
    if (m.id === null) return;
    const pending = this.pending.get(m.id);
    if (!pending) return;
    this.pending.delete(m.id);
    if (m.type === 'chunk') pending.resolve(m.result);
    else pending.reject(new PsaWorkerError(`${m.name}: ${m.message}`));
  }

  private failAll(error: Error): void {
    this.onReady?.reject(error);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  run(chunk: PsaChunk): Promise<PsaChunkResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'chunk', id, start: chunk.start, end: chunk.end });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export interface PsaWorkerPool {
  readonly size: number;
  /** The threads' executor slots (`inFlight` per thread), each waiting for its thread to be ready. */
  readonly executors: readonly PsaChunkExecutor[];
  /** Resolves when every thread has compiled the model. */
  readonly ready: Promise<void>;
  run(options: PsaRunOptions): Promise<PsaRun>;
  close(): Promise<void>;
}

export interface PsaPoolOptions {
  /**
   * Also evaluate chunks in the calling thread (already warm), so the run starts at once and threads join as they
   * finish loading. Between chunks the calling thread yields, so threads always get their next chunk.
   */
  useCallingThread?: boolean;
  /** Chunks queued per thread, so a thread never waits for the next request (default 2). */
  inFlight?: number;
}

/** Chunk executor in the calling thread: one chunk per macrotask, so worker messages are handled in between. */
function callingThreadExecutor(setup: PsaSetup): PsaChunkExecutor {
  const workspace = createPsaWorkspace(setup);
  return (chunk) =>
    new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(runPsaChunk(setup, chunk.start, chunk.end, workspace));
        } catch (e) {
          reject(e as Error);
        }
      });
    });
}

/**
 * `threads` worker threads, each holding the compiled model and the sampler of `setup`'s seed; runs can be
 * repeated. `setup` is the caller's own setup of the same model and seed (strategy ids, sampled parameter names,
 * and the calling thread's share of the work when `useCallingThread`).
 */
export function createPsaWorkerPool(model: HtaModel, setup: PsaSetup, threads: number, options: PsaPoolOptions = {}): PsaWorkerPool {
  if (!Number.isInteger(threads) || threads < 0 || (threads === 0 && !options.useCallingThread)) {
    throw new RangeError(`threads must be a whole number >= 1 (got ${threads})`);
  }
  const inFlight = options.inFlight ?? 2;
  const pool = Array.from({ length: threads }, () => new PsaThread());
  // While the threads load their code and compile the model, this thread builds the sampler's inversion tables (if
  // no draw has yet): each thread adopts them, before its first chunk, rather than building its own. Not shared
  // out: a thread building some pays the cold start of stdlib's quantiles again (measured +0.1 s CPU, no faster).
  for (const thread of pool) thread.init(model, setup.sampler.seed);
  setup.sampler.prepare();
  const tables = cachedInversionTables();
  for (const thread of pool) thread.adoptTables(tables);
  const ready = Promise.all(pool.map((t) => t.ready)).then(() => undefined);
  // Startup errors reach the caller through run(); this keeps an unawaited `ready` from being an unhandled rejection.
  ready.catch(() => undefined);
  // A thread's executor waits for that thread only: a slow-starting thread does not hold the others back.
  const threadExecutors: PsaChunkExecutor[] = pool.flatMap((t) =>
    Array.from({ length: inFlight }, (): PsaChunkExecutor => Object.assign((chunk: PsaChunk) => t.run(chunk), { ready: t.ready })),
  );
  const executors = options.useCallingThread ? [callingThreadExecutor(setup), ...threadExecutors] : threadExecutors;
  return {
    size: threads,
    executors: threadExecutors,
    ready,
    async run(runOptions) {
      return runPsaChunks(setup, executors, runOptions);
    },
    async close() {
      await Promise.all(pool.map((t) => t.terminate()));
    },
  };
}

/**
 * Runs the PSA of `model` on `workers` cores: the calling thread plus `workers - 1` worker threads (all threads
 * when `useCallingThread` is false). Identical output for any worker count.
 */
export async function runPsaInWorkers(model: HtaModel, setup: PsaSetup, workers: number, options: PsaRunOptions, useCallingThread = true): Promise<PsaRun> {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1 (got ${workers})`);
  const pool = createPsaWorkerPool(model, setup, useCallingThread ? workers - 1 : workers, { useCallingThread });
  try {
    return await pool.run(options);
  } finally {
    await pool.close();
  }
}

/** CPU seconds of this process so far (all threads). */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Runs the PSA of `model` on up to `cores` cores, deciding during the run: it starts in this thread, and worker
 * threads start only once the draws left are expected to outlast their start-up (runPsaAdaptive). Measured in
 * CPU time, not wall time: on a busy machine wall time would overstate the work and start workers. Identical
 * output for any core count.
 */
export async function runPsaOnCores(model: HtaModel, setup: PsaSetup, cores: number, options: PsaRunOptions, cpuSeconds: () => number = processCpuSeconds): Promise<PsaRun> {
  if (!Number.isInteger(cores) || cores < 1) throw new RangeError(`cores must be a whole number >= 1 (got ${cores})`);
  let pool: PsaWorkerPool | null = null;
  try {
    return await runPsaAdaptive(setup, {
      ...options,
      cores,
      clock: cpuSeconds,
      localExecutor: callingThreadExecutor(setup),
      startHelpers: (count) => {
        pool = createPsaWorkerPool(model, setup, count);
        return pool.executors;
      },
    });
  } finally {
    await (pool as PsaWorkerPool | null)?.close();
  }
}

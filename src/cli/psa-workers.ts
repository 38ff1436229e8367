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
import { adoptInversionTables, buildTableShare, cachedInversionTables, hasInversionTable } from '../engine/uncertainty/inversion-table';
import type { InversionTableEntry, TableShare } from '../engine/uncertainty/inversion-table';

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

/**
 * One worker thread; `ready` resolves once it has compiled the model (and built its share of the inversion
 * tables, which it resolves with).
 */
class PsaThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingChunk>();
  private nextId = 0;
  private onReady: { resolve: (tables: InversionTableEntry[]) => void; reject: (e: Error) => void } | null = null;
  readonly ready: Promise<InversionTableEntry[]>;

  /** Starts the thread loading its code; it compiles the model once `init` is called. */
  constructor(entry = psaThreadEntry()) {
    this.worker = new Worker(entry.file, { execArgv: entry.execArgv });
    this.ready = new Promise((resolve, reject) => {
      this.onReady = { resolve, reject };
    });
    // A thread started ahead of its run may fail before anyone awaits it: its run reports that, not the process.
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: PsaWorkerResponse) => this.receive(m));
    this.worker.on('error', (e) => this.failAll(new PsaWorkerError(`PSA worker thread failed: ${e.message}`)));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.failAll(new PsaWorkerError(`PSA worker thread exited with code ${code}`));
    });
  }

  init(model: HtaModel, seed: number, tables: { adopt?: InversionTableEntry[]; share?: TableShare }): void {
    this.send({ type: 'init', model, seed, tables: tables.adopt, share: tables.share });
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
      this.onReady?.resolve(m.tables ?? []);
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
  /**
   * Resolves once this thread holds every inversion table of the run, its own share and the threads'
   * (shareInversionTables), with how many tables this thread and then each thread took; rejects with the error
   * building them gives this thread.
   */
  readonly tablesShared: Promise<number[]>;
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
  /** Threads started ahead of the run (PsaThreads), used before new ones are started. */
  started?: PsaThreads;
  /** Where new threads start (default psaThreadEntry(); tests start threads that fail on purpose). */
  threadEntry?: { file: string; execArgv: string[] };
}

/**
 * Worker threads started ahead of a run, e.g. while the model is validated, so that their code loads meanwhile;
 * a pool takes them (and closes them), close() ends the ones no pool took.
 */
export class PsaThreads {
  private readonly idle: PsaThread[];

  constructor(count: number, entry = psaThreadEntry()) {
    this.idle = Array.from({ length: count }, () => new PsaThread(entry));
  }

  /** Up to `count` of the threads, now owned by the caller. */
  take(count: number): PsaThread[] {
    return this.idle.splice(0, count);
  }

  async close(): Promise<void> {
    await Promise.all(this.take(this.idle.length).map((t) => t.terminate()));
  }
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
 * Sends `init` to the threads and, if this thread has not built the run's inversion tables yet, builds them with
 * the threads while they load: each thread takes the tables nobody has taken (shared claims), so a thread still
 * loading takes none and no table is built twice. Every thread gets the others' tables before its first chunk.
 * The promise resolves once this thread holds them all; it waits only for threads that took some (they have
 * loaded), and builds the tables of a thread that failed itself, so its errors are the ones it gave when it built
 * every table.
 */
function shareInversionTables(model: HtaModel, setup: PsaSetup, threads: readonly PsaThread[]): Promise<number[]> {
  const seed = setup.sampler.seed;
  const dists = setup.sampler.tableDistributions();
  if (dists.every(hasInversionTable)) {
    const adopt = cachedInversionTables();
    for (const thread of threads) thread.init(model, seed, { adopt });
    return Promise.resolve([0, ...threads.map(() => 0)]);
  }
  const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * dists.length);
  const idOf = (k: number): number => k + 2; // 0 is a free slot, 1 this thread
  threads.forEach((thread, k) => thread.init(model, seed, { share: { claims, id: idOf(k) } }));
  const mine = buildTableShare(dists, { claims, id: 1 });
  for (const thread of threads) thread.adoptTables(mine);
  // Every table is taken once this thread has gone through them: only the threads that took some are waited for.
  const owners = new Set(new Int32Array(claims));
  const builders = threads.filter((_, k) => owners.has(idOf(k)));
  if (builders.length === 0) return Promise.resolve([mine.length, ...threads.map(() => 0)]);
  return Promise.allSettled(builders.map((t) => t.ready)).then((settled) => {
    const theirs = settled.map((r) => (r.status === 'fulfilled' ? r.value : []));
    for (const tables of theirs) adoptInversionTables(tables);
    for (const thread of threads) {
      const others = builders.flatMap((builder, j) => (builder === thread ? [] : theirs[j]!));
      if (others.length > 0) thread.adoptTables(others);
    }
    // Tables a failed thread took are built here.
    setup.sampler.prepare();
    return [mine.length, ...threads.map((thread) => theirs[builders.indexOf(thread)]?.length ?? 0)];
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
  const pool = options.started?.take(threads) ?? [];
  while (pool.length < threads) pool.push(new PsaThread(options.threadEntry));
  let tablesShared: Promise<number[]>;
  try {
    tablesShared = shareInversionTables(model, setup, pool);
  } catch (e) {
    void Promise.all(pool.map((t) => t.terminate()));
    throw e;
  }
  const ready = Promise.all(pool.map((t) => t.ready)).then(() => undefined);
  // Startup errors reach the caller through run(); these keep a promise nobody awaits from being an unhandled rejection.
  const handled = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined);
    return p;
  };
  handled(ready);
  handled(tablesShared);
  // A thread's executor waits for that thread only (and the tables): a slow-starting thread does not hold the others back.
  const threadExecutors: PsaChunkExecutor[] = pool.flatMap((t) => {
    const threadReady = handled(tablesShared.then(() => t.ready));
    return Array.from({ length: inFlight }, (): PsaChunkExecutor => Object.assign((chunk: PsaChunk) => t.run(chunk), { ready: threadReady }));
  });
  const executors = options.useCallingThread ? [Object.assign(callingThreadExecutor(setup), { ready: tablesShared }), ...threadExecutors] : threadExecutors;
  return {
    size: threads,
    executors: threadExecutors,
    ready,
    tablesShared,
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
export async function runPsaOnCores(
  model: HtaModel,
  setup: PsaSetup,
  cores: number,
  options: PsaRunOptions,
  cpuSeconds: () => number = processCpuSeconds,
  started?: PsaThreads,
): Promise<PsaRun> {
  if (!Number.isInteger(cores) || cores < 1) throw new RangeError(`cores must be a whole number >= 1 (got ${cores})`);
  let pool: PsaWorkerPool | null = null;
  const localExecutor = callingThreadExecutor(setup);
  try {
    return await runPsaAdaptive(setup, {
      ...options,
      cores,
      clock: cpuSeconds,
      localExecutor,
      startHelpers: (count) => {
        pool = createPsaWorkerPool(model, setup, count, { started });
        // This thread's first chunk waits for the threads' share of the inversion tables.
        localExecutor.ready = pool.tablesShared;
        return pool.executors;
      },
    });
  } finally {
    await (pool as PsaWorkerPool | null)?.close();
    await started?.close();
  }
}

// Runs a probabilistic analysis off the UI thread on a pool of Web Workers (psa.worker.ts), kept warm between
// runs (WarmPsaWorkers). The client hands out
// chunks of draws, merges results by draw index (identical output for any number of workers), reports progress
// after each chunk and, when the AbortSignal fires, terminates the workers at once and rejects with
// PsaCancelledError. A failing draw rejects with PsaDrawError (draw index and sampled values).
import type { HtaModel } from '../../engine/model/schema';
import { PsaCancelledError, runPsaChunks } from '../../engine/psa/psa-run';
import type { PsaChunkExecutor, PsaProgress, PsaRun, PsaRunInfo } from '../../engine/psa/psa-run';
import type { PsaChunkResult } from '../../engine/psa/psa-runner';
import type { PsaWorkerRequest, PsaWorkerResponse } from '../../engine/psa/psa-worker-protocol';
import type { InversionTableEntry, TableShare } from '../../engine/uncertainty/inversion-table';

/** The subset of the DOM Worker the client uses (lets tests pass an in-process fake). */
export interface PsaWorkerLike {
  postMessage(message: PsaWorkerRequest): void;
  onmessage: ((event: { data: PsaWorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

export interface WebPsaOptions {
  iterations: number;
  seed: number;
  /** Default: navigator.hardwareConcurrency (at least 1). */
  workers?: number;
  chunkSize?: number;
  onProgress?: (progress: PsaProgress) => void;
  signal?: AbortSignal;
  /** Default: a module Web Worker on psa.worker.ts. */
  createWorker?: () => PsaWorkerLike;
  /** Where workers are taken from and returned to after a finished run (default: the app's pool for default workers). */
  warmPool?: WarmPsaWorkers;
}

/**
 * Idle workers kept after a finished run, loaded and warm, for the next run (which sends them its model in a
 * new init). A cancelled or failed run terminates its workers instead.
 */
export class WarmPsaWorkers {
  private readonly idle: PsaWorkerLike[] = [];

  constructor(private readonly limit = 16) {}

  get size(): number {
    return this.idle.length;
  }

  /** Starts workers until `count` are idle (ahead of a run, e.g. when the analysis screen opens). */
  warm(count: number, create: () => PsaWorkerLike): void {
    while (this.idle.length < Math.min(count, this.limit)) this.idle.push(create());
  }

  take(count: number, create: () => PsaWorkerLike): PsaWorkerLike[] {
    const taken = this.idle.splice(0, count);
    while (taken.length < count) taken.push(create());
    return taken;
  }

  giveBack(workers: PsaWorkerLike[]): void {
    for (const w of workers) {
      w.onmessage = null;
      w.onerror = null;
      if (this.idle.length < this.limit) this.idle.push(w);
      else w.terminate();
    }
  }
}

const appWorkers = new WarmPsaWorkers();

/** Loads the default PSA workers in the background, so the next run starts without waiting for them. */
export function warmPsaWorkers(count = defaultWorkerCount()): void {
  appWorkers.warm(count, defaultWorker);
}

export class PsaWorkerFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PsaWorkerFailure';
  }
}

function defaultWorker(): PsaWorkerLike {
  return new Worker(new URL('./psa.worker.ts', import.meta.url), { type: 'module', name: 'psa' }) as unknown as PsaWorkerLike;
}

function defaultWorkerCount(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 1;
  return Math.max(1, Number.isInteger(n) ? n : 1);
}

interface WorkerReady {
  info: PsaRunInfo;
  /** The worker's share of the inversion tables, for the other workers. */
  tables: InversionTableEntry[];
}

/**
 * One worker: init once (building its `share` of the inversion tables), then chunk requests matched to replies by
 * id.
 */
function connect(
  worker: PsaWorkerLike,
  model: HtaModel,
  seed: number,
  share: TableShare | undefined,
): { ready: Promise<WorkerReady>; run: PsaChunkExecutor; fail: (e: Error) => void; adoptTables: (tables: InversionTableEntry[]) => void } {
  const pending = new Map<number, { resolve: (r: PsaChunkResult) => void; reject: (e: Error) => void }>();
  let onReady: { resolve: (ready: WorkerReady) => void; reject: (e: Error) => void } | null = null;
  const ready = new Promise<WorkerReady>((resolve, reject) => {
    onReady = { resolve, reject };
  });
  const fail = (e: Error): void => {
    onReady?.reject(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') onReady?.resolve({ info: data.info, tables: data.tables ?? [] });
    else if (data.type === 'error' && data.id === null) onReady?.reject(new PsaWorkerFailure(`${data.name}: ${data.message}`));
    else if (data.id !== null) {
      const p = pending.get(data.id);
      pending.delete(data.id);
      if (data.type === 'chunk') p?.resolve(data.result);
      else p?.reject(new PsaWorkerFailure(`${data.name}: ${data.message}`));
    }
  };
  worker.onerror = (event) => fail(new PsaWorkerFailure(`PSA worker failed: ${event.message ?? 'unknown error'}`));
  worker.postMessage({ type: 'init', model, seed, share });
  let nextId = 0;
  const run: PsaChunkExecutor = (chunk) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'chunk', id, start: chunk.start, end: chunk.end });
    });
  return { ready, run, fail, adoptTables: (tables) => worker.postMessage({ type: 'tables', tables }) };
}

export async function runPsaInWebWorkers(model: HtaModel, options: WebPsaOptions): Promise<PsaRun> {
  const count = options.workers ?? defaultWorkerCount();
  const create = options.createWorker ?? defaultWorker;
  const pool = options.warmPool ?? (options.createWorker ? null : appWorkers);
  const workers = pool ? pool.take(count, create) : Array.from({ length: count }, create);
  let finished = false;
  // Each worker builds every count-th inversion table while the others build theirs (each built all of them before),
  // then gets the others' before its first chunk.
  const links = workers.map((w, index) => connect(w, model, options.seed, count > 1 ? { index, of: count } : undefined));
  const cancel = (): void => {
    for (const l of links) l.fail(new PsaCancelledError(0));
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (options.signal?.aborted) throw new PsaCancelledError(0);
    const readies = await Promise.all(links.map((l) => l.ready));
    links.forEach((link, k) => {
      const others = readies.flatMap((r, j) => (j === k ? [] : r.tables));
      if (others.length > 0) link.adoptTables(others);
    });
    const run = await runPsaChunks(
      readies[0]!.info,
      links.map((l) => l.run),
      { iterations: options.iterations, chunkSize: options.chunkSize, onProgress: options.onProgress, signal: options.signal },
    );
    finished = true;
    return run;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    if (finished && pool) pool.giveBack(workers);
    else for (const w of workers) w.terminate();
  }
}

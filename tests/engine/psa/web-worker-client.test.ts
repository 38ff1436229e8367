// The app's Web Worker client, driven through in-process fake workers that run the same handler as psa.worker.ts.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { PsaCancelledError, runPsa } from '../../../src/engine/psa/psa-run';
import { createPsaWorkerHandler } from '../../../src/engine/psa/psa-worker-protocol';
import type { PsaWorkerRequest, PsaWorkerResponse } from '../../../src/engine/psa/psa-worker-protocol';
import { runPsaInWebWorkers, WarmPsaWorkers } from '../../../src/renderer/workers/psa-client';
import type { PsaWorkerLike } from '../../../src/renderer/workers/psa-client';
import { loadExample } from '../model-fixtures';

const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));

/** A fake Worker: answers asynchronously (random delay) with the shared handler; counts terminations. */
function fakeWorker(stats: { terminated: number }): () => PsaWorkerLike {
  return () => {
    const handle = createPsaWorkerHandler();
    let alive = true;
    const w: PsaWorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: PsaWorkerRequest) {
        setTimeout(() => {
          if (!alive) return;
          const reply: PsaWorkerResponse | undefined = handle(structuredClone(message))?.message;
          if (reply) w.onmessage?.({ data: reply });
        }, Math.floor(Math.random() * 3));
      },
      terminate() {
        alive = false;
        stats.terminated++;
      },
    };
    return w;
  };
}

describe('Web Worker PSA client', () => {
  it('gives the in-process result with 1 and 3 workers and reports progress', async () => {
    const reference = runPsa(createPsaSetup(hiv, 2), { iterations: 3000, chunkSize: 400 });
    for (const workers of [1, 3]) {
      const stats = { terminated: 0 };
      const progress: number[] = [];
      const run = await runPsaInWebWorkers(hiv, { iterations: 3000, seed: 2, chunkSize: 400, workers, createWorker: fakeWorker(stats), onProgress: (p) => progress.push(p.done) });
      expect(Array.from(run.costs)).toEqual(Array.from(reference.costs));
      expect(Array.from(run.effects)).toEqual(Array.from(reference.effects));
      expect(run.strategyLabels).toEqual(reference.strategyLabels);
      expect(progress[progress.length - 1]).toBe(3000);
      expect(stats.terminated).toBe(workers);
    }
  });

  it('cancels: rejects with PsaCancelledError and terminates the workers', async () => {
    const stats = { terminated: 0 };
    const controller = new AbortController();
    const promise = runPsaInWebWorkers(hiv, {
      iterations: 20000,
      seed: 1,
      chunkSize: 500,
      workers: 2,
      createWorker: fakeWorker(stats),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 1000) controller.abort();
      },
    });
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PsaCancelledError);
    expect(stats.terminated).toBe(2);
    // The finished draws are counted, and the unbroken prefix of them is kept: exactly the first k draws of a
    // k-iteration run with the same seed.
    const cancelled = error as PsaCancelledError;
    expect(cancelled.done).toBeGreaterThanOrEqual(1000);
    expect(cancelled.done).toBeLessThan(20000);
    const partial = cancelled.partial!;
    expect(partial.draws).toBeGreaterThanOrEqual(500);
    expect(partial.draws).toBeLessThanOrEqual(cancelled.done);
    expect(partial.draws % 500).toBe(0);
    const reference = runPsa(createPsaSetup(hiv, 1), { iterations: partial.draws });
    expect(Array.from(partial.costs)).toEqual(Array.from(reference.costs));
    expect(Array.from(partial.effects)).toEqual(Array.from(reference.effects));
    expect(Array.from(partial.parameterDraws.values)).toEqual(Array.from(reference.parameterDraws.values));
    expect(partial.seed).toBe(1);
  });

  it('keeps finished workers warm for the next run (re-initialised with its model), terminates them on cancel', async () => {
    const stats = { terminated: 0 };
    let created = 0;
    const fake = fakeWorker(stats);
    const createWorker = (): PsaWorkerLike => {
      created++;
      return fake();
    };
    const warmPool = new WarmPsaWorkers();
    warmPool.warm(2, createWorker);
    expect(created).toBe(2);
    const first = await runPsaInWebWorkers(hiv, { iterations: 1000, seed: 3, chunkSize: 250, workers: 2, createWorker, warmPool });
    const other = parseModel({ ...loadExample('hiv-chancellor-1997.json'), strategies: [{ id: 'mono', label: 'Mono only' }, { id: 'comb', label: 'Comb' }] } as never);
    const second = await runPsaInWebWorkers(other, { iterations: 1000, seed: 4, chunkSize: 250, workers: 2, createWorker, warmPool });
    expect(created).toBe(2);
    expect(stats.terminated).toBe(0);
    expect(warmPool.size).toBe(2);
    expect(Array.from(first.costs)).toEqual(Array.from(runPsa(createPsaSetup(hiv, 3), { iterations: 1000 }).costs));
    expect(Array.from(second.costs)).toEqual(Array.from(runPsa(createPsaSetup(other, 4), { iterations: 1000 }).costs));
    expect(second.strategyLabels[0]).toBe('Mono only');
    const controller = new AbortController();
    controller.abort();
    await expect(runPsaInWebWorkers(hiv, { iterations: 1000, seed: 1, workers: 2, createWorker, warmPool, signal: controller.signal })).rejects.toBeInstanceOf(PsaCancelledError);
    expect(stats.terminated).toBe(2);
    expect(warmPool.size).toBe(0);
  });

  it('reports a model that cannot be set up', async () => {
    const bad = { ...hiv, correlations: [{ name: 'bad', parameters: ['rr', 'cost_dm_A'], matrix: [[1, 2], [2, 1]] }] };
    await expect(runPsaInWebWorkers(bad, { iterations: 10, seed: 1, workers: 1, createWorker: fakeWorker({ terminated: 0 }) })).rejects.toThrow(/bad/);
  });

  it('each worker builds every n-th inversion table and gets the others before its first chunk', async () => {
    const received: PsaWorkerRequest[][] = [];
    const fake = fakeWorker({ terminated: 0 });
    const createWorker = (): PsaWorkerLike => {
      const w = fake();
      const log: PsaWorkerRequest[] = [];
      received.push(log);
      const post = w.postMessage.bind(w);
      w.postMessage = (message) => {
        log.push(message);
        post(message);
      };
      return w;
    };
    const run = await runPsaInWebWorkers(hiv, { iterations: 1000, seed: 6, chunkSize: 250, workers: 3, createWorker });
    expect(Array.from(run.costs)).toEqual(Array.from(runPsa(createPsaSetup(hiv, 6), { iterations: 1000 }).costs));
    const tables = createPsaSetup(hiv, 6).sampler.tableDistributions();
    expect(tables.length).toBeGreaterThan(3);
    received.forEach((log, k) => {
      expect(log[0]).toMatchObject({ type: 'init', share: { index: k, of: 3 } });
      expect(log[1]!.type).toBe('tables');
      // The tables of the two other workers' shares, one entry per table.
      const others = tables.filter((_, i) => i % 3 !== k);
      expect((log[1] as { tables: { dist: unknown }[] }).tables.map((e) => e.dist)).toEqual(expect.arrayContaining(others));
      expect((log[1] as { tables: unknown[] }).tables.length).toBe(others.length);
      expect(log.slice(2).every((m) => m.type === 'chunk')).toBe(true);
    });
  });
});

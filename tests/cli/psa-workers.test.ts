// Node worker threads (the CLI's pool) against the in-process runner: same draws, same failing draw, clear errors.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { PsaDrawError, runPsa } from '../../src/engine/psa/psa-run';
import { createPsaWorkerPool, PsaThreads, runPsaInWorkers } from '../../src/cli/psa-workers';
import { hasInversionTable, inversionTablesBuilt } from '../../src/engine/uncertainty/inversion-table';
import type { HtaModel } from '../../src/engine/model/schema';
import { handModel } from '../engine/sensitivity/dsa-fixtures';
import { loadExample } from '../engine/model-fixtures';

const fixtureThread = (name: string) => ({ file: join(__dirname, 'psa-thread-fixtures', name), execArgv: ['--require', 'tsx/cjs'] });

/** The hand model with `count` gamma-distributed costs of its own (`tag` keeps their tables apart from other tests'). */
function modelWithTables(count: number, tag: number): HtaModel {
  const json = handModel();
  json.parameters![0] = { id: 'p', value: 0.2, kind: 'probability', uncertainty: { distribution: { type: 'beta', alpha: 20 + tag, beta: 80 } } };
  for (let k = 0; k < count; k++) {
    json.parameters!.push({ id: `g${k}`, value: 100 + k, kind: 'cost', uncertainty: { distribution: { type: 'gamma', mean: 100 + k + tag / 1000, se: 10 + k } } });
  }
  return parseModel(json);
}

/** Threads of `fixture` started ahead, once they have loaded their code (the fixture writes a file then). */
async function loadedThreads(fixture: string): Promise<PsaThreads> {
  const flag = join(mkdtempSync(join(tmpdir(), 'hta-thread-')), 'loaded');
  process.env.HTA_TEST_THREAD_LOADED = flag;
  const threads = new PsaThreads(1, fixtureThread(fixture));
  delete process.env.HTA_TEST_THREAD_LOADED;
  while (!existsSync(flag)) await new Promise((resolve) => setTimeout(resolve, 20));
  return threads;
}

describe('PSA on Node worker threads', () => {
  it('reports the same lowest failing draw as the in-process run', async () => {
    const json = handModel();
    json.parameters![0] = { id: 'p', value: 0.2, kind: 'probability', uncertainty: { distribution: { type: 'normal', mean: 0.2, sd: 0.3 } } };
    const model = parseModel(json);
    const setup = createPsaSetup(model, 12);
    const local = (() => {
      try {
        runPsa(setup, { iterations: 6000, chunkSize: 1000 });
      } catch (e) {
        return e as PsaDrawError;
      }
      return null;
    })();
    expect(local).toBeInstanceOf(PsaDrawError);
    const threaded = await runPsaInWorkers(model, setup, 2, { iterations: 6000, chunkSize: 1000 }).catch((e: unknown) => e);
    expect(threaded).toBeInstanceOf(PsaDrawError);
    expect((threaded as PsaDrawError).failure.draw).toBe(local!.failure.draw);
    expect((threaded as PsaDrawError).failure.parameters).toEqual(local!.failure.parameters);
  }, 60000);

  it('a pool can run several times and rejects a model its threads cannot set up', async () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    const setup = createPsaSetup(hiv, 3);
    const pool = createPsaWorkerPool(hiv, setup, 2);
    try {
      const a = await pool.run({ iterations: 2500 });
      const b = await pool.run({ iterations: 2500 });
      expect(Array.from(a.costs)).toEqual(Array.from(b.costs));
      expect(Array.from(a.costs)).toEqual(Array.from(runPsa(setup, { iterations: 2500 }).costs));
    } finally {
      await pool.close();
    }
    const bad = { ...hiv, correlations: [{ name: 'not_pd', parameters: ['rr', 'cost_dm_A'], matrix: [[1, 2], [2, 1]] }] };
    // Threads only (not the calling thread, whose setup is fine): their setup error is the run's error.
    await expect(runPsaInWorkers(bad, setup, 2, { iterations: 10 }, false)).rejects.toThrow(/not_pd/);
  }, 60000);

  it('the calling thread starts at once and threads join: same result as in-process', async () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    const setup = createPsaSetup(hiv, 5);
    const reference = runPsa(setup, { iterations: 9000, chunkSize: 512 });
    const progress: number[] = [];
    const run = await runPsaInWorkers(hiv, setup, 3, { iterations: 9000, chunkSize: 512, onProgress: (p) => progress.push(p.done) });
    expect(Array.from(run.costs)).toEqual(Array.from(reference.costs));
    expect(Array.from(run.parameterDraws.values)).toEqual(Array.from(reference.parameterDraws.values));
    expect(progress[progress.length - 1]).toBe(9000);
  }, 60000);

  it('the calling thread and the threads build the inversion tables together, none twice', async () => {
    const model = modelWithTables(60, 1);
    const setup = createPsaSetup(model, 7);
    const tables = setup.sampler.tableDistributions();
    expect(tables.length).toBe(61);
    expect(tables.some(hasInversionTable)).toBe(false);
    const before = inversionTablesBuilt();
    // A thread that has loaded its code (started ahead) takes its share; it refuses a chunk that builds a table.
    const started = await loadedThreads('counting-thread.ts');
    const pool = createPsaWorkerPool(model, setup, 1, { useCallingThread: true, started });
    try {
      const taken = await pool.tablesShared;
      expect(taken[0]! + taken[1]!).toBe(61);
      expect(taken[1]).toBeGreaterThan(0);
      expect(tables.every(hasInversionTable)).toBe(true);
      const run = await pool.run({ iterations: 3000, chunkSize: 500 });
      // This thread built its share only, never one of the thread's (nor in its chunks).
      expect(inversionTablesBuilt() - before).toBe(taken[0]);
      expect(Array.from(run.costs)).toEqual(Array.from(runPsa(createPsaSetup(model, 7), { iterations: 3000 }).costs));
      expect(Array.from(run.parameterDraws.values)).toEqual(Array.from(runPsa(createPsaSetup(model, 7), { iterations: 3000 }).parameterDraws.values));
    } finally {
      await pool.close();
    }
  }, 60000);

  it('a thread failing while it builds its share: this thread builds those tables, the run reports the failure', async () => {
    const model = modelWithTables(16, 3);
    const setup = createPsaSetup(model, 2);
    const tables = setup.sampler.tableDistributions();
    const started = await loadedThreads('failing-thread.ts');
    const pool = createPsaWorkerPool(model, setup, 1, { useCallingThread: true, started });
    try {
      const taken = await pool.tablesShared;
      // The thread took tables (this thread did not get them all) and sent none: this thread built them.
      expect(taken[0]).toBeLessThan(tables.length);
      expect(taken[1]).toBe(0);
      expect(tables.every(hasInversionTable)).toBe(true);
      await expect(pool.run({ iterations: 1000 })).rejects.toThrow(/PSA worker thread failed: failed while building its tables/);
    } finally {
      await pool.close();
    }
  }, 60000);
});

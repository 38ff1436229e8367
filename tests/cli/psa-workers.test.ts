// Node worker threads (the CLI's pool) against the in-process runner: same draws, same failing draw, clear errors.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { PsaDrawError, runPsa } from '../../src/engine/psa/psa-run';
import { createPsaWorkerPool, runPsaInWorkers } from '../../src/cli/psa-workers';
import { handModel } from '../engine/sensitivity/dsa-fixtures';
import { loadExample } from '../engine/model-fixtures';

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
});

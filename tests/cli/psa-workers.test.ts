// Node worker threads (the CLI's pool) against the in-process runner: same draws, same failing draw, clear errors.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { PsaDrawError, runPsa } from '../../src/engine/psa/psa-run';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { buildSharedTables, buildTablesWith, createPsaWorkerPool, runPsaInWorkers } from '../../src/cli/psa-workers';
import type { SharedTable } from '../../src/cli/psa-workers';
import { buildInversionTable, hasInversionTable, inversionTableFor, KNOTS } from '../../src/engine/uncertainty/inversion-table';
import { createParameterSampler } from '../../src/engine/uncertainty/sampler';
import { resolveDistribution } from '../../src/engine/uncertainty/distributions';
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

describe("a worker thread's share of the inversion tables", () => {
  const dists = () => [
    resolveDistribution('a', { type: 'beta', mean: 0.123, se: 0.0211 }),
    resolveDistribution('b', { type: 'gamma', mean: 1234, se: 321 }),
    resolveDistribution('c', { type: 'normal', mean: 0.61, sd: 0.05, lower: 0.5, upper: 0.99 }),
  ];
  const posted = (port: MessagePort): SharedTable[] => {
    const out: SharedTable[] = [];
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) out.push(m.message as SharedTable);
    return out;
  };

  it('posts each table, from the last distribution, with the bits this thread would build', () => {
    const list = dists();
    expect(list.some(hasInversionTable)).toBe(false);
    const { port1, port2 } = new MessageChannel();
    buildSharedTables({ type: 'share-tables', dists: list, port: port2 });
    const tables = posted(port1);
    expect(tables.map((t) => t.dist)).toEqual([...list].reverse());
    tables.forEach((t) => expect(t.values).toEqual(buildInversionTable(t.dist)?.values ?? null));
    expect(tables.some((t) => t.values !== null)).toBe(true);
    // Built once: a second request finds them all in this thread's cache and posts nothing.
    const again = new MessageChannel();
    buildSharedTables({ type: 'share-tables', dists: list, port: again.port2 });
    expect(posted(again.port1)).toEqual([]);
  });

  it('stops when the calling thread says it has every table', () => {
    const list = [resolveDistribution('d', { type: 'beta', mean: 0.321, se: 0.0123 })];
    const { port1, port2 } = new MessageChannel();
    port1.postMessage('stop');
    buildSharedTables({ type: 'share-tables', dists: list, port: port2 });
    expect(posted(port1)).toEqual([]);
    expect(hasInversionTable(list[0]!)).toBe(false);
  });

  it('the calling thread adopts what the helper posts, builds the rest, then tells it to stop', () => {
    const params = [
      { name: 'e', dist: { type: 'beta' as const, mean: 0.234, se: 0.0345 } },
      { name: 'f', dist: { type: 'gamma' as const, mean: 4321, se: 765 } },
      { name: 'g', dist: { type: 'beta' as const, mean: 0.456, se: 0.0567 } },
    ];
    const sampler = createParameterSampler(params, [], 1);
    const list = sampler.tabulatedDistributions();
    expect(list.map((d) => d.type)).toEqual(['beta', 'gamma', 'beta']);
    // A helper as fast as can be: it posts the last table before the calling thread starts. Its values are marked,
    // so the calling thread is seen to adopt them rather than build its own.
    let helperPort: MessagePort | null = null;
    const marked = new Float64Array(KNOTS).fill(42);
    const helper = {
      shareTables(dists: typeof list, port: MessagePort) {
        expect(dists).toEqual(list);
        port.postMessage({ dist: dists[2]!, values: marked } satisfies SharedTable);
        helperPort = port;
      },
    };
    buildTablesWith({ sampler } as Parameters<typeof buildTablesWith>[0], helper);
    expect(inversionTableFor(list[2]!)!.values).toEqual(marked);
    expect(inversionTableFor(list[0]!)!.values).toEqual(buildInversionTable(list[0]!)!.values);
    expect(list.every(hasInversionTable)).toBe(true);
    expect(receiveMessageOnPort(helperPort!)?.message).toBe('stop');
  });
});

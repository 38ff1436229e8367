import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { createPsaWorkspace, runPsaChunk } from '../../../src/engine/psa/psa-runner';
import { chunkSizeFor, coresAfterMeasuring, coresWorthUsing, MEASURE_BEFORE_DECIDING_SECONDS, planChunks, PsaCancelledError, PsaDrawError, runPsa, runPsaChunks, WARMING_FACTOR, WORKER_START_SECONDS } from '../../../src/engine/psa/psa-run';
import type { PsaChunkExecutor } from '../../../src/engine/psa/psa-run';
import { createPsaWorkerHandler } from '../../../src/engine/psa/psa-worker-protocol';
import { cachedInversionTables } from '../../../src/engine/uncertainty/inversion-table';
import { loadExample, clone } from '../model-fixtures';
import { handModel } from '../sensitivity/dsa-fixtures';

const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('chunk plan', () => {
  it('covers [0, n) exactly with chunks of the stream length', () => {
    const chunks = planChunks(5000);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 2048],
      [2048, 4096],
      [4096, 5000],
    ]);
    expect(() => planChunks(0)).toThrow(/iterations/);
    expect(() => planChunks(10, 0)).toThrow(/chunk size/);
  });
});

describe('PSA runner', () => {
  it('samples the HIV distributions into the right slots (Dirichlet rows sum to 1)', () => {
    const setup = createPsaSetup(hiv, 1);
    expect(setup.sampler.names).toContain('p_AB');
    expect(setup.compiled.isInput[setup.compiled.parameterIndex.get('p_AB')!]).toBe(1);
    const chunk = runPsaChunk(setup, 0, 200);
    const names = setup.sampler.names;
    const col = (n: string) => names.indexOf(n);
    for (let d = 0; d < 200; d++) {
      const row = chunk.parameters.subarray(d * names.length, (d + 1) * names.length);
      expect(row[col('p_AA')]! + row[col('p_AB')]! + row[col('p_AC')]! + row[col('p_AD')]!).toBeCloseTo(1, 12);
      expect(row[col('rr')]!).toBeGreaterThan(0);
    }
    expect(chunk.failure).toBeNull();
    // Draws differ from each other (the sampling really reaches the model).
    expect(new Set(Array.from(chunk.costs)).size).toBeGreaterThan(390);
  });

  it('is identical run to run, and whatever the chunk size', () => {
    const a = runPsa(createPsaSetup(hiv, 7), { iterations: 3000 });
    const b = runPsa(createPsaSetup(hiv, 7), { iterations: 3000 });
    const c = runPsa(createPsaSetup(hiv, 7), { iterations: 3000, chunkSize: 333 });
    expect(same(a.costs, b.costs) && same(a.effects, b.effects)).toBe(true);
    expect(same(a.costs, c.costs) && same(a.effects, c.effects)).toBe(true);
    expect(same(a.parameterDraws.values, c.parameterDraws.values)).toBe(true);
    const other = runPsa(createPsaSetup(hiv, 8), { iterations: 3000 });
    expect(same(a.costs, other.costs)).toBe(false);
  });

  it('gives the same result with 1 and 4 asynchronous executors finishing in any order', async () => {
    const reference = runPsa(createPsaSetup(hiv, 1), { iterations: 5000, chunkSize: 500 });
    const setup = createPsaSetup(hiv, 1);
    // Each executor is a worker handler (as in a real worker), answering after a random delay; like the CLI's
    // pool, it gets the inversion tables in a message of their own after init, which has no reply.
    setup.sampler.prepare();
    const tables = cachedInversionTables();
    expect(tables.length).toBeGreaterThan(0);
    const executor = (): PsaChunkExecutor => {
      const handle = createPsaWorkerHandler();
      expect(handle({ type: 'init', model: hiv, seed: 1 })!.message.type).toBe('ready');
      expect(handle({ type: 'tables', tables: structuredClone(tables) })).toBeNull();
      return (chunk) =>
        new Promise((resolve, reject) => {
          setTimeout(() => {
            const reply = handle({ type: 'chunk', id: chunk.index, start: chunk.start, end: chunk.end })!.message;
            if (reply.type === 'chunk') resolve(reply.result);
            else reject(new Error(reply.type === 'error' ? reply.message : 'unexpected reply'));
          }, Math.floor(Math.random() * 5));
        });
    };
    for (const k of [1, 4]) {
      const run = await runPsaChunks(setup, Array.from({ length: k }, executor), { iterations: 5000, chunkSize: 500 });
      expect(same(run.costs, reference.costs)).toBe(true);
      expect(same(run.effects, reference.effects)).toBe(true);
      expect(same(run.parameterDraws.values, reference.parameterDraws.values)).toBe(true);
    }
  });

  it('samples and evaluates the first stream in doubling pieces, giving the draws of whole chunks', () => {
    const setup = createPsaSetup(hiv, 3);
    const fills: [number, number][] = [];
    const sampler = { ...setup.sampler, fill: (start: number, end: number, out?: Float64Array) => (fills.push([start, end]), setup.sampler.fill(start, end, out)) };
    const run = runPsa({ ...setup, sampler }, { iterations: 5000 });
    expect(fills).toEqual([
      [0, 32],
      [32, 96],
      [96, 224],
      [224, 480],
      [480, 992],
      [992, 2016],
      [2016, 2048],
      [2048, 4096],
      [4096, 5000],
    ]);
    const fresh = createPsaSetup(hiv, 3);
    const whole = planChunks(5000).map((c) => runPsaChunk(fresh, c.start, c.end));
    const joined = (key: 'costs' | 'effects' | 'parameters') => Float64Array.from(whole.flatMap((c) => Array.from(c[key])));
    expect(same(run.costs, joined('costs'))).toBe(true);
    expect(same(run.effects, joined('effects'))).toBe(true);
    expect(same(run.parameterDraws.values, joined('parameters'))).toBe(true);
  });

  it('reports progress and stops between chunks when cancelled', async () => {
    const setup = createPsaSetup(hiv, 1);
    const seen: number[] = [];
    runPsa(setup, { iterations: 3000, chunkSize: 1000, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1000, 2000, 3000]);
    const flag = { aborted: false };
    let stopped: unknown = null;
    try {
      runPsa(setup, {
        iterations: 3000,
        chunkSize: 1000,
        signal: flag,
        onProgress: () => {
          flag.aborted = true;
        },
      });
    } catch (e) {
      stopped = e;
    }
    expect(stopped).toBeInstanceOf(PsaCancelledError);
    // Cancelled after the first chunk: its 1,000 draws are kept as a partial run equal to a 1,000-draw run.
    const partial = (stopped as PsaCancelledError).partial!;
    expect((stopped as PsaCancelledError).done).toBe(1000);
    expect(partial.draws).toBe(1000);
    expect(Array.from(partial.costs)).toEqual(Array.from(runPsa(setup, { iterations: 1000 }).costs));
    const controller = new AbortController();
    controller.abort();
    const exec: PsaChunkExecutor = (c) => Promise.resolve(runPsaChunk(setup, c.start, c.end));
    await expect(runPsaChunks(setup, [exec], { iterations: 3000, signal: controller.signal })).rejects.toThrow(PsaCancelledError);
  });

  it('reports the first failing draw with its index and sampled values', () => {
    const json = handModel();
    // A normal distribution on a probability: some draws fall outside [0, 1].
    json.parameters![0] = { id: 'p', value: 0.2, kind: 'probability', uncertainty: { distribution: { type: 'normal', mean: 0.2, sd: 0.4 } } };
    const model = parseModel(json);
    const setup = createPsaSetup(model, 5);
    const values = setup.sampler.fill(0, 4000);
    const first = values.findIndex((p) => p < 0 || p > 1);
    expect(first).toBeGreaterThanOrEqual(0);
    let error: unknown;
    try {
      runPsa(setup, { iterations: 4000, chunkSize: 700 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PsaDrawError);
    const failure = (error as PsaDrawError).failure;
    expect(failure.draw).toBe(first);
    expect(failure.parameters.p).toBe(values[first]);
    expect(failure.details.code).toBe('not-a-probability');
    expect((error as Error).message).toContain(`draw ${first}`);
  });

  it('reuses its workspace: evaluation allocates no per-draw result objects', () => {
    const setup = createPsaSetup(hiv, 1);
    const ws = createPsaWorkspace(setup);
    const out = ws.out;
    runPsaChunk(setup, 0, 100, ws);
    expect(ws.out).toBe(out);
  });

  it('a model without distributions gives the base case in every draw', () => {
    const json = clone(handModel());
    const setup = createPsaSetup(parseModel(json), 1);
    expect(setup.sampler.parameterCount).toBe(0);
    const run = runPsa(setup, { iterations: 10 });
    const base = setup.compiled.evaluate(setup.base);
    for (let d = 0; d < 10; d++) expect(run.costs[d * 2 + 1]).toBe(base.strategies[1]!.totals.cost);
  });
});

describe('chunk size for the cost of a draw', () => {
  it('keeps whole streams for cheap draws and splits expensive runs into >= 8 chunks per executor', () => {
    expect(chunkSizeFor(1e-5, 10000, 2)).toBe(2048);
    expect(chunkSizeFor(1e-3, 10000, 1)).toBe(2048);
    expect(chunkSizeFor(1e-3, 10000, 2)).toBe(512); // 10000 / 512 = 19.5 chunks >= 16
    expect(chunkSizeFor(1e-3, 100, 4)).toBe(64);
    expect(2048 % chunkSizeFor(1e-3, 3000, 3)).toBe(0);
  });
});

describe('worker threads only when they pay for their start-up', () => {
  it('keeps a run shorter than two start-ups per worker in one thread, and never exceeds the cores asked for', () => {
    const perDraw = 3e-5; // HIV-like: 10,000 draws = 0.3 s
    expect(coresWorthUsing(perDraw, 10000, 2)).toBe(1);
    expect(coresWorthUsing(perDraw, 100000, 2)).toBe(2);
    expect(coresWorthUsing(perDraw, 100000, 8)).toBe(1 + Math.floor((perDraw * 100000) / (2 * WORKER_START_SECONDS)));
    expect(coresWorthUsing(3e-4, 10000, 2)).toBe(2); // liquid-biopsy-like: 3 s
    expect(coresWorthUsing(3e-4, 10000, 1)).toBe(1);
    expect(coresWorthUsing(Number.NaN, 10000, 4)).toBe(1);
    expect(coresWorthUsing((2 * WORKER_START_SECONDS) / 1000, 999, 2)).toBe(1);
    expect(coresWorthUsing((2 * WORKER_START_SECONDS) / 1000, 1000, 2)).toBe(2);
    // A longer start-up asks for a longer run.
    expect(coresWorthUsing(1e-4, 10000, 2, 0.5)).toBe(2);
    expect(coresWorthUsing(1e-4, 9999, 2, 0.5)).toBe(1);
  });

  it('decides from measured draws only after MEASURE_BEFORE_DECIDING_SECONDS', () => {
    const below = { seconds: MEASURE_BEFORE_DECIDING_SECONDS * 0.99, draws: 100, perDraw: 1e-3, warming: false };
    expect(coresAfterMeasuring(below, 100000, 2)).toBe(1);
    expect(coresAfterMeasuring({ ...below, seconds: MEASURE_BEFORE_DECIDING_SECONDS }, 100000, 2)).toBe(2);
    expect(coresAfterMeasuring({ ...below, seconds: Number.NaN }, 100000, 2)).toBe(1);
  });

  it('counts the warm-up this thread measured into a worker start-up', () => {
    // 2,000 draws in 0.2 s, the cheapest piece at 20 µs a draw: 0.16 s of warm-up beyond the warm rate, so a
    // worker needs 0.25 + 0.16 s before it helps. 30,000 draws left (0.6 s) outlast 2 x 0.25 s but not 2 x 0.41 s.
    const measured = { seconds: 0.2, draws: 2000, perDraw: 2e-5, warming: false };
    expect(coresWorthUsing(2e-5, 30000, 2)).toBe(2);
    expect(coresAfterMeasuring(measured, 30000, 2)).toBe(1);
    expect(coresAfterMeasuring(measured, 40000, 2)).toBe(1);
    expect(coresAfterMeasuring(measured, 42000, 2)).toBe(2);
    // Measured at the warm rate throughout: no warm-up to add.
    expect(coresAfterMeasuring({ seconds: 0.2, draws: 10000, perDraw: 2e-5, warming: false }, 25000, 2)).toBe(2);
  });

  it('discounts the rate of pieces that are still getting cheaper (cold code)', () => {
    // The HIV example in a fresh process (process CPU, loaded 2-core machine): pieces of 512 draws at 92 µs a
    // draw after 0.18 s, half the rate of the piece before; warm streams then cost 8-11 µs. The old rule (the
    // latest rate for the 9,008 draws left, 0.83 s) started a worker; the run lasted ~0.1 s more.
    const hivAt992 = { seconds: 0.183, draws: 992, perDraw: 92e-6, warming: true };
    expect(coresWorthUsing(92e-6, 9008, 2)).toBe(2);
    expect(coresAfterMeasuring(hivAt992, 9008, 2)).toBe(1);
    expect(coresAfterMeasuring({ ...hivAt992, warming: false }, 9008, 2)).toBe(2);
    // Expensive draws (the liquid-biopsy example, ~1 ms cold, 0.3 ms warm) still get a worker while warming up.
    const expensive = { seconds: 0.16, draws: 224, perDraw: 6e-4, warming: true };
    expect((6e-4 / WARMING_FACTOR) * 9776).toBeGreaterThan(2 * (WORKER_START_SECONDS + 0.16 - 224 * 6e-4));
    expect(coresAfterMeasuring(expensive, 9776, 2)).toBe(2);
  });
});

// The PSA that decides during the run whether helpers (worker threads) are worth starting: with a scripted CPU
// clock, cold first pieces do not start a helper for a short run, expensive draws start one early, and the result
// is runPsa's whether, when and how many helpers start.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { runPsaChunk } from '../../../src/engine/psa/psa-runner';
import { COLD_EVALUATION_FACTOR, MEASURE_BEFORE_DECIDING_SECONDS, planChunks, planTaperedChunks, PsaCancelledError, PsaDrawError, runPsa, runPsaAdaptive, WORKER_START_SECONDS } from '../../../src/engine/psa/psa-run';
import type { AdaptivePsaOptions, PsaChunk, PsaChunkExecutor } from '../../../src/engine/psa/psa-run';
import type { PsaSetup } from '../../../src/engine/psa/psa-setup';
import { loadExample } from '../model-fixtures';
import { handModel } from '../sensitivity/dsa-fixtures';

const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** Asynchronous in-process executor (stands in for a worker thread or this thread's yielding executor). */
function asyncExecutor(setup: PsaSetup, log: PsaChunk[], ready?: Promise<unknown>): PsaChunkExecutor {
  const execute = (chunk: PsaChunk) => new Promise<ReturnType<typeof runPsaChunk>>((resolve) => setTimeout(() => (log.push(chunk), resolve(runPsaChunk(setup, chunk.start, chunk.end))), 0));
  return ready ? Object.assign(execute, { ready }) : execute;
}

interface Harness {
  options: AdaptivePsaOptions;
  helpersStartedAt: number[];
  helperChunks: PsaChunk[];
}

/**
 * Options whose clock charges `perDraw(d)` for every draw finished (progress counts them), and `probe` seconds for
 * the base-case evaluation timed before the first draw (between the first two readings); helpers are logged.
 */
function harness(setup: PsaSetup, iterations: number, cores: number, perDraw: (draw: number) => number, probe = 0): Harness {
  const helpersStartedAt: number[] = [];
  const helperChunks: PsaChunk[] = [];
  const localChunks: PsaChunk[] = [];
  let charged = 0;
  let done = 0;
  let now = 0;
  let readings = 0;
  const clock = () => {
    if (++readings === 2 && cores > 1) now += probe;
    for (; charged < done; charged++) now += perDraw(charged);
    return now;
  };
  const options: AdaptivePsaOptions = {
    iterations,
    cores,
    clock,
    onProgress: (p) => {
      done = p.done;
    },
    localExecutor: asyncExecutor(setup, localChunks),
    startHelpers: (count) => {
      helpersStartedAt.push(done);
      return Array.from({ length: count }, () => asyncExecutor(setup, helperChunks, new Promise((r) => setTimeout(r, 5))));
    },
  };
  return { options, helpersStartedAt, helperChunks };
}

describe('adaptive PSA (helpers started during the run)', () => {
  it('keeps a short run in this thread although its first, cold draws are slow', async () => {
    const setup = createPsaSetup(hiv, 1);
    // The HIV example's warm-up in a fresh process (µs a draw by piece), then 8 µs: 10,000 draws last ~0.2 s.
    const coldThenWarm = (d: number) => (d < 32 ? 360e-6 : d < 96 ? 280e-6 : d < 480 ? 130e-6 : d < 992 ? 45e-6 : d < 4096 ? 30e-6 : 8e-6);
    const h = harness(setup, 10000, 2, coldThenWarm);
    const run = await runPsaAdaptive(setup, h.options);
    expect(h.helpersStartedAt).toEqual([]);
    expect(same(run.costs, runPsa(createPsaSetup(hiv, 1), { iterations: 10000 }).costs)).toBe(true);
    // The first 96 draws' rate alone would have asked for a helper.
    expect(280e-6 * 10000).toBeGreaterThan(2 * WORKER_START_SECONDS);
  });

  it('keeps the HIV example in this thread on its measured warm-up (process CPU, background compilation included)', async () => {
    const setup = createPsaSetup(hiv, 1);
    // µs a draw by piece in fresh processes on a loaded 2-core machine, then 9 µs: the run lasts ~0.3 s of CPU.
    const measuredCurve = (d: number) => 1e-6 * (d < 32 ? 577 : d < 96 ? 502 : d < 224 ? 313 : d < 480 ? 176 : d < 992 ? 92 : d < 2048 ? 55 : 9);
    const h = harness(setup, 10000, 2, measuredCurve);
    await runPsaAdaptive(setup, h.options);
    expect(h.helpersStartedAt).toEqual([]);
    // The cheapest piece's rate at draw 992 (0.18 s measured), taken for the 9,008 draws left, asked for a helper.
    expect(92e-6 * 9008).toBeGreaterThan(2 * WORKER_START_SECONDS);
  });

  it('starts a helper early for expensive draws, and the result equals the one-thread run', async () => {
    const setup = createPsaSetup(hiv, 4);
    const h = harness(setup, 6000, 2, () => 1e-3);
    const run = await runPsaAdaptive(setup, h.options);
    expect(h.helpersStartedAt).toHaveLength(1);
    // Decided at the end of the first piece that brings the measured time to MEASURE_BEFORE_DECIDING_SECONDS:
    // pieces of 32, 64, 128 draws at 1 ms.
    expect(MEASURE_BEFORE_DECIDING_SECONDS).toBeGreaterThan(0.096);
    expect(MEASURE_BEFORE_DECIDING_SECONDS).toBeLessThanOrEqual(0.224);
    expect(h.helpersStartedAt[0]).toBe(224);
    expect(h.helperChunks.length).toBeGreaterThan(0);
    const reference = runPsa(createPsaSetup(hiv, 4), { iterations: 6000 });
    expect(same(run.costs, reference.costs) && same(run.effects, reference.effects)).toBe(true);
    expect(same(run.parameterDraws.values, reference.parameterDraws.values)).toBe(true);
  });

  it('decides once enough draws are measured: a long run of cheap draws gets a helper after a few streams', async () => {
    const setup = createPsaSetup(hiv, 9);
    // 20 µs a draw: 40,000 draws last 0.8 s. The first stream (pieces) and three more reach 0.15 s at draw
    // 8,192, where the 31,808 draws left (0.64 s) outlast two start-ups.
    expect(MEASURE_BEFORE_DECIDING_SECONDS).toBeGreaterThan(6144 * 2e-5);
    expect(MEASURE_BEFORE_DECIDING_SECONDS).toBeLessThanOrEqual(8192 * 2e-5);
    const h = harness(setup, 40000, 3, () => 2e-5);
    const run = await runPsaAdaptive(setup, h.options);
    expect(h.helpersStartedAt).toEqual([8192]);
    expect(same(run.costs, runPsa(createPsaSetup(hiv, 9), { iterations: 40000 }).costs)).toBe(true);
  });

  it('starts helpers before the first draw when a cold base-case evaluation shows the run is long', async () => {
    const setup = createPsaSetup(hiv, 5);
    // The liquid-biopsy example: a base-case evaluation of 9 ms (cold) and 0.3 ms a warm draw.
    const probe = 0.009;
    expect((probe / COLD_EVALUATION_FACTOR) * 10000).toBeGreaterThanOrEqual(2 * WORKER_START_SECONDS);
    const h = harness(setup, 10000, 2, () => 3e-4, probe);
    const run = await runPsaAdaptive(setup, h.options);
    expect(h.helpersStartedAt).toEqual([0]);
    expect(h.helperChunks.length).toBeGreaterThan(0);
    const reference = runPsa(createPsaSetup(hiv, 5), { iterations: 10000 });
    expect(same(run.costs, reference.costs) && same(run.effects, reference.effects)).toBe(true);
    expect(same(run.parameterDraws.values, reference.parameterDraws.values)).toBe(true);
  });

  it('does not start helpers before the first draw for a cheap model, nor for a run too short for the probe', async () => {
    // The HIV example: a 0.5 ms cold base-case evaluation, then 8 µs a draw; 10,000 draws stay in one thread.
    const cheap = harness(createPsaSetup(hiv, 6), 10000, 2, () => 8e-6, 5e-4);
    await runPsaAdaptive(createPsaSetup(hiv, 6), cheap.options);
    expect(cheap.helpersStartedAt).toEqual([]);
    // An expensive model (20 ms probe, 1 ms a draw), 3,000 draws: the probe's lower bound (0.47 s) is below two
    // start-ups, so the helper waits for measured draws (and then starts: 3 s of draws).
    expect((0.02 / COLD_EVALUATION_FACTOR) * 3000).toBeLessThan(2 * WORKER_START_SECONDS);
    const short = harness(createPsaSetup(hiv, 6), 3000, 2, () => 1e-3, 0.02);
    await runPsaAdaptive(createPsaSetup(hiv, 6), short.options);
    expect(short.helpersStartedAt).toEqual([224]);
  });

  it('resumes mid-stream on chunk boundaries', () => {
    expect(planChunks(5000, 2048, 96).map((c) => [c.start, c.end])).toEqual([
      [96, 2048],
      [2048, 4096],
      [4096, 5000],
    ]);
    expect(planChunks(10, 4, 10)).toEqual([]);
  });

  it('cuts the last chunks of expensive draws in quarters, so no executor waits long for another at the end', () => {
    const chunks = planTaperedChunks(10000, 512, 96, 3);
    // Whole and in order from the resumed draw, indexed in order.
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expect(chunks[0]!.start).toBe(96);
    expect(chunks.every((c, i) => i === 0 || c.start === chunks[i - 1]!.end)).toBe(true);
    expect(chunks[chunks.length - 1]!.end).toBe(10000);
    // 512-draw chunks up to 3 x 512 draws before the end (on a multiple of 512), then 128-draw ones.
    expect(chunks.filter((c) => c.start >= 8192).every((c) => c.end - c.start === 128 || c.end === 10000)).toBe(true);
    expect(chunks.filter((c) => c.start >= 512 && c.end <= 8192).every((c) => c.end - c.start === 512)).toBe(true);
    // Cheap draws (whole-stream chunks) and short runs keep planChunks' plan or taper all of it.
    expect(planTaperedChunks(10000, 2048, 0, 3)).toEqual(planChunks(10000, 2048, 0));
    expect(planTaperedChunks(600, 512, 0, 3).map((c) => c.end - c.start)).toEqual([128, 128, 128, 128, 88]);
  });

  it('reports the lowest failing draw and stops when cancelled', async () => {
    const json = handModel();
    json.parameters![0] = { id: 'p', value: 0.2, kind: 'probability', uncertainty: { distribution: { type: 'normal', mean: 0.2, sd: 0.3 } } };
    const model = parseModel(json);
    const local = (() => {
      try {
        runPsa(createPsaSetup(model, 12), { iterations: 6000 });
      } catch (e) {
        return e as PsaDrawError;
      }
      return null;
    })();
    expect(local).toBeInstanceOf(PsaDrawError);
    for (const perDraw of [1e-6, 1e-3]) {
      const setup = createPsaSetup(model, 12);
      const failed = await runPsaAdaptive(setup, harness(setup, 6000, 2, () => perDraw).options).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(PsaDrawError);
      expect((failed as PsaDrawError).failure.draw).toBe(local!.failure.draw);
    }
    const setup = createPsaSetup(hiv, 1);
    const h = harness(setup, 6000, 1, () => 1e-5);
    const signal = { aborted: false };
    const onProgress = h.options.onProgress!;
    const cancelled = await runPsaAdaptive(setup, {
      ...h.options,
      signal,
      onProgress: (p) => {
        onProgress(p);
        if (p.done >= 100) signal.aborted = true;
      },
    }).catch((e: unknown) => e);
    expect(cancelled).toBeInstanceOf(PsaCancelledError);
    expect((cancelled as PsaCancelledError).partial!.draws).toBe((cancelled as PsaCancelledError).done);
  });
});

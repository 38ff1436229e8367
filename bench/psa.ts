// PSA throughput (not a test): draws per second of the whole probabilistic run (sampling + evaluation + copying
// the totals) on the HIV example and the liquid-biopsy example, in this thread and on worker threads, next to the
// hand-written HIV loop of the engine bench as the yardstick. Each figure is the median of several rounds.
// bench/run.ts calls runPsaBench(); `npx tsx bench/psa.ts` runs it alone.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseModel } from '../src/engine/compile-model';
import type { HtaModel } from '../src/engine/model/schema';
import { createPsaSetup } from '../src/engine/psa/psa-setup';
import { chunkSizeFor, runPsa } from '../src/engine/psa/psa-run';
import { createPsaWorkerPool, runPsaInWorkers } from '../src/cli/psa-workers';
import { makeHandWrittenHiv } from './markov-bench-core';

export interface PsaBenchLine {
  name: string;
  value: number;
  unit: string;
}

const EXAMPLES = resolve(__dirname, '..', 'resources', 'examples');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function loadExample(name: string): HtaModel | null {
  const file = resolve(EXAMPLES, name);
  return existsSync(file) ? parseModel(JSON.parse(readFileSync(file, 'utf8'))) : null;
}

/**
 * Draws per second in this thread: median of `rounds` runs of `draws` after a warm-up run, per wall-clock second
 * and per CPU second of this process (the latter is less sensitive to other programs sharing the cores).
 */
function singleThreadRate(model: HtaModel, draws: number, rounds: number): { wall: number; cpu: number } {
  const setup = createPsaSetup(model, 1);
  runPsa(setup, { iterations: Math.min(draws, 4096) });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    runPsa(setup, { iterations: draws });
    wall.push(draws / ((performance.now() - t0) / 1000));
    const c = process.cpuUsage(c0);
    cpu.push(draws / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** Worker threads: start-up time, then the median wall time of runs of `draws` on the warm pool. */
async function poolTimes(model: HtaModel, workers: number, draws: number, rounds: number): Promise<{ startupMs: number; runMs: number }> {
  const setup = createPsaSetup(model, 1);
  const t0 = performance.now();
  const pool = createPsaWorkerPool(model, setup, workers);
  try {
    await pool.ready;
    const startupMs = performance.now() - t0;
    await pool.run({ iterations: Math.min(draws, 4096 * workers) });
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t1 = performance.now();
      await pool.run({ iterations: draws });
      times.push(performance.now() - t1);
    }
    return { startupMs, runMs: median(times) };
  } finally {
    await pool.close();
  }
}

function handLoopRate(model: HtaModel): number {
  const setup = createPsaSetup(model, 1);
  const hand = makeHandWrittenHiv(createPsaSetup(model, 1).compiled);
  const params = Float64Array.from(setup.base);
  const out = new Float64Array(8);
  const n = 20000;
  for (let i = 0; i < n; i++) hand(params, out);
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) hand(params, out);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

/** The engine alone at the base case, measured next to the PSA so both see the same machine load. */
function evaluateRate(model: HtaModel, n: number): number {
  const setup = createPsaSetup(model, 1);
  const params = Float64Array.from(setup.base);
  const out = setup.compiled.createResult();
  for (let i = 0; i < Math.min(n, 1000); i++) setup.compiled.evaluate(params, out);
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) setup.compiled.evaluate(params, out);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

async function exampleLines(label: string, model: HtaModel, draws: number, cores: number): Promise<PsaBenchLine[]> {
  const single = singleThreadRate(model, draws, 5);
  const lines: PsaBenchLine[] = [
    { name: `${label}: PSA draws/s, 1 core (this thread)`, value: single.wall, unit: 'draws/s' },
    { name: `${label}: PSA draws per CPU-second, 1 core (this thread)`, value: single.cpu, unit: 'draws/s' },
    { name: `${label}: engine evaluations/s at the base case, no sampling (same period, for comparison)`, value: evaluateRate(model, Math.max(50, draws / 5)), unit: '/s' },
  ];
  const pool = await poolTimes(model, cores, draws, 5);
  // As `hta psa --workers N` runs it: this (warm) thread plus N - 1 threads that join once loaded.
  const setup = createPsaSetup(model, 1);
  const out = setup.compiled.createResult();
  const t = performance.now();
  setup.compiled.evaluate(setup.base, out);
  const chunkSize = chunkSizeFor((performance.now() - t) / 1000, draws, cores);
  const cold: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    await runPsaInWorkers(model, setup, cores, { iterations: draws, chunkSize });
    cold.push(performance.now() - t0);
  }
  lines.push(
    { name: `${label}: ${draws} draws, this thread + ${cores - 1} new worker thread(s), start-up included (as the CLI)`, value: median(cold), unit: 'ms' },
    { name: `${label}: ${draws} draws on ${cores} worker threads (warm pool)`, value: pool.runMs, unit: 'ms' },
    { name: `${label}: PSA draws/s, ${cores} worker threads (warm pool)`, value: draws / (pool.runMs / 1000), unit: 'draws/s' },
    { name: `${label}: worker pool start-up (tsx + compile, ${cores} threads)`, value: pool.startupMs, unit: 'ms' },
  );
  return lines;
}

export async function runPsaBench(): Promise<PsaBenchLine[]> {
  const cores = availableParallelism();
  const lines: PsaBenchLine[] = [];
  const hiv = loadExample('hiv-chancellor-1997.json')!;
  lines.push(...(await exampleLines('HIV example', hiv, 50000, cores)));
  lines.push({ name: 'HIV example: yardstick, hand-written typed-array loop (no sampling) evaluations/s', value: handLoopRate(hiv), unit: '/s' });
  const liquid = loadExample('liquid-biopsy-nsclc.json');
  if (liquid) {
    lines.push(...(await exampleLines('Liquid-biopsy example', liquid, 10000, cores)));
    const setup = createPsaSetup(liquid, 1);
    const t0 = performance.now();
    setup.sampler.fill(0, 10000);
    lines.push({ name: 'Liquid-biopsy example: sampling alone, 10000 draws', value: performance.now() - t0, unit: 'ms' });
  }
  else lines.push({ name: 'Liquid-biopsy example: resources/examples/liquid-biopsy-nsclc.json not present, skipped', value: 0, unit: '' });
  return lines;
}

if (process.argv[1]?.endsWith('psa.ts')) {
  void runPsaBench().then((lines) => {
    for (const l of lines) console.log(`${l.name}: ${l.value >= 100 ? Math.round(l.value).toLocaleString('en-US') : l.value.toPrecision(3)} ${l.unit}`);
  });
}

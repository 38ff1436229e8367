// `npm run bench:cli`: what the pre-built `hta` saves a user, side by side with the same CLI run from the
// TypeScript sources through tsx (HTA_FROM_SOURCE=1, which is how `hta` ran before the bundle). Whole-process
// wall times of alternated runs, and the time a PSA worker thread needs to be ready (loaded and model compiled).
// Medians; the machine's load moves the absolute figures, the ratios are what to compare.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseModel } from '../src/engine/compile-model';
import { psaThreadEntry } from '../src/cli/psa-workers';

const ROOT = resolve(__dirname, '..');
const HIV = join(ROOT, 'resources', 'examples', 'hiv-chancellor-1997.json');
const ROUNDS = Number(process.env.HTA_BENCH_ROUNDS ?? 9);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function processMs(args: string[], fromSource: boolean): number {
  const env = { ...process.env, HTA_FROM_SOURCE: fromSource ? '1' : '0' };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`hta ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function workerReadyMs(entry: { file: string; execArgv: string[] }, model: unknown): Promise<number> {
  return new Promise((resolveReady, reject) => {
    const t0 = performance.now();
    const worker = new Worker(entry.file, { execArgv: entry.execArgv });
    worker.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'ready') {
        resolveReady(performance.now() - t0);
        void worker.terminate();
      } else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.postMessage({ type: 'init', model, seed: 1 });
  });
}

async function main(): Promise<void> {
  const cases: Array<[string, string[]]> = [
    ['hta --help', ['--help']],
    ['hta validate (HIV)', ['validate', HIV]],
    ['hta psa (HIV, 10,000 draws, 1 worker)', ['psa', HIV, '--iterations', '10000', '--seed', '1', '--json']],
  ];
  console.log(`CLI start-up, bundle vs TypeScript through tsx: medians of ${ROUNDS} alternated runs (ms)`);
  for (const [name, args] of cases) {
    const bundle: number[] = [];
    const source: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [false, true] : [true, false];
      for (const fromSource of order) (fromSource ? source : bundle).push(processMs(args, fromSource));
    }
    const b = median(bundle);
    const s = median(source);
    console.log(`  ${name.padEnd(40)} bundle ${b.toFixed(0).padStart(6)}   source ${s.toFixed(0).padStart(6)}   source/bundle ${(s / b).toFixed(2)}`);
  }

  const model = parseModel(JSON.parse(readFileSync(HIV, 'utf8')));
  const bundled = psaThreadEntry(join(ROOT, 'out', 'cli', 'main.mjs'));
  const fromSource = psaThreadEntry(join(ROOT, 'src', 'cli', 'psa-workers.ts'));
  const bundle: number[] = [];
  const source: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bundle.push(await workerReadyMs(bundled, model));
    source.push(await workerReadyMs(fromSource, model));
  }
  const b = median(bundle);
  const s = median(source);
  console.log(`  ${'PSA worker thread ready (HIV)'.padEnd(40)} bundle ${b.toFixed(0).padStart(6)}   source ${s.toFixed(0).padStart(6)}   source/bundle ${(s / b).toFixed(2)}`);
}

void main();

// One measurement in a fresh process, for bench/speed-rows.ts: the engine of the checkout at <root> (this one, or
// a baseline checkout of the engine before a change) evaluates a model's base case again and again; prints one
// JSON line with the CPU time per evaluation (median of rounds of >= 60 ms after a warm-up, as the hand loops).
// The engine is measured as it ships: bundled by esbuild into one file, as the CLI and the app run it (loaded
// through tsx's per-file transform it ran ~30% slower, and which helpers V8 inlined varied between processes).
// usage: tsx bench/speed-probe.ts <root> <model.json> [totals]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as EngineModule from '../src/engine/compile-model';

type Engine = typeof EngineModule;

const [root, file, mode] = process.argv.slice(2);
if (!root || !file) throw new Error('usage: speed-probe <root> <model.json> [totals]');

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hta-speed-probe-'));
  const bundle = join(dir, 'engine.mjs');
  await build({ entryPoints: [join(root!, 'src', 'engine', 'compile-model.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20.19', outfile: bundle, logLevel: 'error' });
  const engine = (await import(pathToFileURL(bundle).href)) as Engine;
  rmSync(dir, { recursive: true, force: true });
  const compiled = engine.compileModel(engine.parseModel(JSON.parse(readFileSync(file!, 'utf8'))));
  const params = compiled.baseParameters();
  // What a PSA evaluates into (an engine without totals-only results ignores the option).
  const out = compiled.createResult(mode === 'totals' ? { totalsOnly: true } : undefined);
  let n = 1;
  for (;;) {
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) compiled.evaluate(params, out);
    if (cpuMs() - t0 >= 60) break;
    n *= 2;
  }
  const warmUntil = cpuMs() + 500;
  while (cpuMs() < warmUntil) compiled.evaluate(params, out);
  const per: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < n; i++) compiled.evaluate(params, out);
    per.push(((cpuMs() - t0) * 1000) / n);
  }
  per.sort((a, b) => a - b);
  console.log(JSON.stringify({ usPerEval: per[7], cost: out.strategies.map((s) => s.totals.cost) }));
}

void main();

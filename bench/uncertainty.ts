// Micro-benchmarks of the uncertainty core (not a test): parameter sampling per draw, PSA summaries, EVPPI.
// bench/run.ts (engine core) calls runUncertaintyBench(); `npx tsx bench/uncertainty.ts` runs it alone.
import { createParameterSampler } from '../src/engine/uncertainty/sampler';
import type { ParameterDistribution } from '../src/engine/uncertainty/distributions';

export interface UncertaintyBenchResult {
  name: string;
  value: number;
  unit: string;
}

/** A typical small HTA model: 15 parameters (5 beta, 5 gamma, 3 lognormal, 2 normal). */
export const benchParameters: ParameterDistribution[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, dist: { type: 'beta' as const, mean: 0.1 + 0.15 * i, se: 0.03 } })),
  ...Array.from({ length: 5 }, (_, i) => ({ name: `c${i}`, dist: { type: 'gamma' as const, mean: 1000 * (i + 1), se: 200 * (i + 1) } })),
  ...Array.from({ length: 3 }, (_, i) => ({ name: `rr${i}`, dist: { type: 'lognormal' as const, mean: 0.5 + 0.2 * i, se: 0.1 } })),
  ...Array.from({ length: 2 }, (_, i) => ({ name: `n${i}`, dist: { type: 'normal' as const, mean: i, sd: 1 } })),
];

function bestOf(repeats: number, run: () => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function samplingBench(draws: number): UncertaintyBenchResult[] {
  const sampler = createParameterSampler(benchParameters, [], 1);
  const block = new Float64Array(draws * sampler.parameterCount);
  sampler.fill(0, draws, block); // warm-up
  const ms = bestOf(5, () => sampler.fill(0, draws, block));
  const withCopula = createParameterSampler(benchParameters, [
    { name: 'bench', parameters: ['p0', 'p1', 'c0'], matrix: [[1, 0.5, 0.2], [0.5, 1, 0.1], [0.2, 0.1, 1]] },
  ], 1);
  withCopula.fill(0, draws / 10, block);
  const copulaMs = bestOf(3, () => withCopula.fill(0, draws / 10, block));
  return [
    { name: 'sample 15 parameters (independent), per draw', value: (ms * 1000) / draws, unit: 'us' },
    { name: 'sample 15 parameters (independent), draws per second', value: draws / (ms / 1000), unit: 'draws/s' },
    { name: 'sample 15 parameters (3 correlated by copula), per draw', value: (copulaMs * 1000) / (draws / 10), unit: 'us' },
  ];
}

export function runUncertaintyBench(): UncertaintyBenchResult[] {
  return [...samplingBench(200000)];
}

if (process.argv[1]?.endsWith('uncertainty.ts')) {
  for (const r of runUncertaintyBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit}`);
}

// Micro-benchmarks of the uncertainty core (not a test): parameter sampling per draw, PSA summaries, EVPPI.
// bench/run.ts (engine core) calls runUncertaintyBench(); `npx tsx bench/uncertainty.ts` runs it alone.
import { createParameterSampler } from '../src/engine/uncertainty/sampler';
import type { ParameterDistribution } from '../src/engine/uncertainty/distributions';
import { netBenefitSummary } from '../src/engine/uncertainty/psa-summary';
import type { PsaResults } from '../src/engine/uncertainty/psa-summary';
import { evppiByRegression } from '../src/engine/uncertainty/evppi';

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
  const t0 = performance.now();
  const sampler = createParameterSampler(benchParameters, [], 1);
  const setupMs = performance.now() - t0;
  const block = new Float64Array(draws * sampler.parameterCount);
  sampler.fill(0, draws, block); // warm-up
  const ms = bestOf(5, () => sampler.fill(0, draws, block));
  const withCopula = createParameterSampler(benchParameters, [
    { name: 'bench', parameters: ['p0', 'p1', 'c0'], matrix: [[1, 0.5, 0.2], [0.5, 1, 0.1], [0.2, 0.1, 1]] },
  ], 1);
  withCopula.fill(0, draws / 10, block);
  const copulaMs = bestOf(3, () => withCopula.fill(0, draws / 10, block));
  return [
    { name: 'sampler setup, 15 parameters (first time: inversion tables)', value: setupMs, unit: 'ms' },
    { name: 'sample 15 parameters (independent), per draw', value: (ms * 1000) / draws, unit: 'us' },
    { name: 'sample 15 parameters (independent), draws per second', value: draws / (ms / 1000), unit: 'draws/s' },
    { name: 'sample 15 parameters (3 correlated by copula), per draw', value: (copulaMs * 1000) / (draws / 10), unit: 'us' },
  ];
}

/** Synthetic PSA: 4 strategies whose costs and effects are functions of the 15 parameters. */
function syntheticPsa(draws: number): { results: PsaResults; values: Float64Array } {
  const sampler = createParameterSampler(benchParameters, [], 2);
  const values = sampler.fill(0, draws);
  const width = sampler.parameterCount;
  const s = 4;
  const costs = new Float64Array(draws * s);
  const effects = new Float64Array(draws * s);
  for (let i = 0; i < draws; i++) {
    const v = (k: number) => values[i * width + k]!;
    for (let j = 0; j < s; j++) {
      costs[i * s + j] = v(5 + j) * (1 + v(10 + (j % 3))) + 100 * v(13);
      effects[i * s + j] = 5 * (1 - v(j)) + 0.1 * j * v(14);
    }
  }
  return { results: { strategyIds: ['a', 'b', 'c', 'd'], draws, costs, effects }, values };
}

function summaryBench(draws: number): UncertaintyBenchResult[] {
  const { results, values } = syntheticPsa(draws);
  const grid = Array.from({ length: 101 }, (_, k) => k * 1000);
  const summaryMs = bestOf(3, () => netBenefitSummary(results, grid));
  const names = benchParameters.map((p) => p.name);
  const evppiMs = bestOf(1, () => evppiByRegression(results, { names, values }, [['p0']], 20000, { seDraws: 100 }));
  const pairMs = bestOf(1, () => evppiByRegression(results, { names, values }, [['p0', 'c0']], 20000, { seDraws: 100 }));
  return [
    { name: `CEAC/CEAF/EVPI/expected loss, ${draws} draws x 4 strategies x 101 thresholds`, value: summaryMs, unit: 'ms' },
    { name: `EVPPI one parameter (with SE, 100 posterior draws), ${draws} draws`, value: evppiMs, unit: 'ms' },
    { name: `EVPPI two-parameter group (with SE), ${draws} draws`, value: pairMs, unit: 'ms' },
  ];
}

export function runUncertaintyBench(): UncertaintyBenchResult[] {
  return [...samplingBench(200000), ...summaryBench(10000)];
}

if (process.argv[1]?.endsWith('uncertainty.ts')) {
  for (const r of runUncertaintyBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit}`);
}

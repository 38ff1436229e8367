// Inputs of the EVPPI bit-identity check: synthetic PSA results with noise, nonlinear incremental net benefit,
// three strategies (two regressions per group), effects that reorder strategies with the threshold, and groups of
// every basis kind (single, tensor 2 and 3, additive), at several thresholds with standard-error draws.
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import type { ParameterDraws } from '../../../src/engine/uncertainty/evppi';
import type { PsaResults } from '../../../src/engine/uncertainty/psa-summary';

export interface EvppiGoldenCase {
  name: string;
  results: PsaResults;
  parameters: ParameterDraws;
  groups: string[][];
  wtps: number[];
  seDraws: number;
  seed: number;
}

function synthetic(name: string, draws: number, strategies: number, seed: number, seDraws: number): EvppiGoldenCase {
  const count = 5;
  const sampler = createParameterSampler(
    Array.from({ length: count }, (_, k) => ({ name: `t${k + 1}`, dist: k === 4 ? { type: 'beta' as const, alpha: 2, beta: 5 } : { type: 'normal' as const, mean: 0, sd: 1 } })),
    [],
    seed,
  );
  const values = sampler.fill(0, draws);
  const noise = createParameterSampler([{ name: 'e', dist: { type: 'normal' as const, mean: 0, sd: 1 } }], [], seed + 1).fill(0, draws * strategies);
  const v = (i: number, k: number) => values[i * count + k]!;
  const costs = new Float64Array(draws * strategies);
  const effects = new Float64Array(draws * strategies);
  for (let i = 0; i < draws; i++) {
    for (let d = 1; d < strategies; d++) {
      const inc = d === 1 ? 300 * v(i, 0) - 200 * v(i, 1) * v(i, 2) + 400 * v(i, 4) ** 2 : 100 + 250 * Math.sin(v(i, 3)) + 100 * Math.abs(v(i, 0));
      costs[i * strategies + d] = -inc + 80 * noise[i * strategies + d]!;
      effects[i * strategies + d] = 0.01 * d + 0.004 * v(i, d % count) + 0.002 * noise[i * strategies]!;
    }
  }
  return {
    name,
    results: { strategyIds: Array.from({ length: strategies }, (_, d) => `s${d}`), draws, costs, effects },
    parameters: { names: sampler.names, values },
    groups: [['t1'], ['t2'], ['t5'], ['t2', 't3'], ['t1', 't2', 't3'], ['t1', 't2', 't3', 't4'], ['t1', 't2', 't3', 't4', 't5']],
    wtps: [0, 20000, 50000],
    seDraws,
    seed: 7,
  };
}

export function evppiGoldenCases(): EvppiGoldenCase[] {
  return [
    synthetic('three strategies, 700 draws', 700, 3, 31, 30),
    synthetic('two strategies, 1,200 draws', 1200, 2, 5, 25),
    // More standard-error draws than one pass over the design takes (256), and not a multiple of 8.
    { ...synthetic('three strategies, 300 standard-error draws', 300, 3, 9, 300), groups: [['t1'], ['t1', 't2', 't3']], wtps: [20000] },
  ];
}

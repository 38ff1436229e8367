import { describe, expect, it } from 'vitest';
import { rangesForWorkers, streamAlignedRanges } from '../../../src/engine/uncertainty/chunks';
import { DRAWS_PER_STREAM } from '../../../src/engine/uncertainty/rng';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import { psaCliSummary } from '../../../src/engine/uncertainty/psa-summary';
import type { ParameterDistribution } from '../../../src/engine/uncertainty/distributions';

const params: ParameterDistribution[] = [
  { name: 'p', dist: { type: 'beta', mean: 0.3, se: 0.05 } },
  { name: 'c', dist: { type: 'gamma', mean: 5000, se: 1000 } },
  { name: 'u', dist: { type: 'beta', mean: 0.8, se: 0.05 } },
];

/** A toy two-strategy model evaluated per draw, as a worker would. */
function runWorker(range: { start: number; end: number }, seed: number) {
  const sampler = createParameterSampler(params, [], seed);
  const block = sampler.fill(range.start, range.end);
  const n = range.end - range.start;
  const costs = new Float64Array(n * 2);
  const effects = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [p, c, u] = [block[i * 3]!, block[i * 3 + 1]!, block[i * 3 + 2]!];
    costs[i * 2] = 1000;
    effects[i * 2] = u * (1 - p) * 5;
    costs[i * 2 + 1] = 1000 + c;
    effects[i * 2 + 1] = u * (1 - p * 0.7) * 5;
  }
  return { range, costs, effects };
}

function runPsa(iterations: number, workers: number, seed: number) {
  const costs = new Float64Array(iterations * 2);
  const effects = new Float64Array(iterations * 2);
  // Workers finish in any order; results are placed by draw index.
  for (const part of rangesForWorkers(iterations, workers).map((r) => runWorker(r, seed)).reverse()) {
    costs.set(part.costs, part.range.start * 2);
    effects.set(part.effects, part.range.start * 2);
  }
  return psaCliSummary({ strategyIds: ['soc', 'new'], draws: iterations, costs, effects }, [0, 20000, 50000], seed);
}

describe('splitting a PSA across workers', () => {
  it('covers the draws with stream-aligned ranges', () => {
    const ranges = streamAlignedRanges(2 * DRAWS_PER_STREAM + 5);
    expect(ranges).toEqual([
      { start: 0, end: DRAWS_PER_STREAM },
      { start: DRAWS_PER_STREAM, end: 2 * DRAWS_PER_STREAM },
      { start: 2 * DRAWS_PER_STREAM, end: 2 * DRAWS_PER_STREAM + 5 },
    ]);
    expect(rangesForWorkers(5 * DRAWS_PER_STREAM, 2)).toEqual([
      { start: 0, end: 3 * DRAWS_PER_STREAM },
      { start: 3 * DRAWS_PER_STREAM, end: 5 * DRAWS_PER_STREAM },
    ]);
    expect(rangesForWorkers(10, 4)).toEqual([{ start: 0, end: 10 }]);
    expect(() => rangesForWorkers(10, 0)).toThrow(/Workers/);
  });

  it('gives identical PSA output with 1 and with 4 workers, and CEAC sums to 1', () => {
    const iterations = 10000;
    const one = runPsa(iterations, 1, 1);
    const four = runPsa(iterations, 4, 1);
    expect(JSON.stringify(four)).toBe(JSON.stringify(one));
    for (const { probabilities } of one.ceac) expect(probabilities.soc! + probabilities.new!).toBeCloseTo(1, 12);
    expect(JSON.stringify(runPsa(iterations, 3, 2))).not.toBe(JSON.stringify(one));
  });
});

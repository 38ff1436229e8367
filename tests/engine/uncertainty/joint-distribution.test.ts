import { describe, expect, it } from 'vitest';
import { createParameterSampler } from '../../../src/engine/uncertainty/sampler';
import { JointDistributionError, jointMarginalQuantile, jointSpecProblems } from '../../../src/engine/uncertainty/joint-distribution';
import type { JointDistributionSpec } from '../../../src/engine/uncertainty/joint-distribution';
import { jointDistributionSchema } from '../../../src/engine/uncertainty/distribution-schema';
import { DRAWS_PER_STREAM } from '../../../src/engine/uncertainty/rng';

const logit = (p: number) => Math.log(p / (1 - p));

const accuracy: JointDistributionSpec = {
  type: 'multivariate-normal',
  name: 'accuracy',
  parameters: ['sens', 'spec'],
  scale: ['logit', 'logit'],
  mean: [1.1, 3.07],
  covariance: [
    [0.0647, -0.0117],
    [-0.0117, 0.0507],
  ],
};

/** Sample mean and covariance of two columns after a transform. */
function moments(block: Float64Array, width: number, a: number, b: number, f: (x: number) => number) {
  const n = block.length / width;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += f(block[i * width + a]!);
    mb += f(block[i * width + b]!);
  }
  ma /= n;
  mb /= n;
  let saa = 0, sbb = 0, sab = 0;
  for (let i = 0; i < n; i++) {
    const da = f(block[i * width + a]!) - ma;
    const db = f(block[i * width + b]!) - mb;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  return { n, mean: [ma, mb], cov: [saa / (n - 1), sab / (n - 1), sbb / (n - 1)] };
}

describe('multivariate normal joint distribution', () => {
  it('draws (logit sens, logit spec) with the given mean and covariance (within 4 standard errors of the sample moments)', () => {
    const draws = 100_000;
    const sampler = createParameterSampler([{ name: 'cost', dist: { type: 'gamma', mean: 100, se: 10 } }], [], 7, [accuracy]);
    expect(sampler.names).toEqual(['cost', 'sens', 'spec']);
    const block = sampler.fill(0, draws);
    const m = moments(block, 3, 1, 2, logit);
    const [s11, s12, s22] = [accuracy.covariance[0]![0]!, accuracy.covariance[0]![1]!, accuracy.covariance[1]![1]!];
    // Standard errors of sample moments of a bivariate normal: var(mean) = s_ii / n, var(s_ii) = 2 s_ii^2 / (n - 1),
    // var(s_12) = (s_11 s_22 + s_12^2) / (n - 1). At 100,000 draws 4 SE is 1.8% of a variance.
    expect(Math.abs(m.mean[0]! - 1.1)).toBeLessThan(4 * Math.sqrt(s11 / draws));
    expect(Math.abs(m.mean[1]! - 3.07)).toBeLessThan(4 * Math.sqrt(s22 / draws));
    expect(Math.abs(m.cov[0]! - s11)).toBeLessThan(4 * Math.sqrt((2 * s11 * s11) / (draws - 1)));
    expect(Math.abs(m.cov[2]! - s22)).toBeLessThan(4 * Math.sqrt((2 * s22 * s22) / (draws - 1)));
    expect(Math.abs(m.cov[1]! - s12)).toBeLessThan(4 * Math.sqrt((s11 * s22 + s12 * s12) / (draws - 1)));
    const sensitivities = Array.from({ length: draws }, (_, i) => block[i * 3 + 1]!);
    expect(Math.min(...sensitivities)).toBeGreaterThan(0);
    expect(Math.max(...sensitivities)).toBeLessThan(1);
  });

  it('puts log-scale and identity-scale members on their scales', () => {
    const spec: JointDistributionSpec = { type: 'multivariate-normal', parameters: ['shape', 'scale', 'shift'], scale: ['log', 'log', 'identity'], mean: [0.2, 2, -1], covariance: [[0.01, 0.004, 0], [0.004, 0.02, 0], [0, 0, 0.25]] };
    const block = createParameterSampler([], [], 3, [spec]).fill(0, 20_000);
    const logMoments = moments(block, 3, 0, 1, Math.log);
    expect(logMoments.mean[0]).toBeCloseTo(0.2, 2);
    expect(logMoments.cov[1]).toBeCloseTo(0.004, 3);
    const shift = moments(block, 3, 2, 2, (x) => x);
    expect(shift.mean[0]).toBeCloseTo(-1, 1);
    expect(shift.cov[0]).toBeCloseTo(0.25, 1);
    expect(jointMarginalQuantile(spec, 0, 0.5)).toBeCloseTo(Math.exp(0.2), 12);
  });

  it('gives the same draws in chunks as in one block', () => {
    const sampler = createParameterSampler([], [], 5, [accuracy]);
    const whole = sampler.fill(0, 2 * DRAWS_PER_STREAM + 10);
    const tail = sampler.fill(DRAWS_PER_STREAM + 3, 2 * DRAWS_PER_STREAM + 10);
    expect(Array.from(tail)).toEqual(Array.from(whole.subarray((DRAWS_PER_STREAM + 3) * 2)));
  });

  it('refuses a parameter with two distributions, and bad matrices with located messages', () => {
    expect(() => createParameterSampler([{ name: 'sens', dist: { type: 'beta', mean: 0.7, se: 0.05 } }], [], 1, [accuracy])).toThrow(JointDistributionError);
    expect(() => createParameterSampler([], [], 1, [accuracy, { ...accuracy, name: 'again' }])).toThrow(/again: parameter "sens" already has a distribution/);
    expect(() => createParameterSampler([], [], 1, [{ ...accuracy, covariance: [[1, 2], [2, 1]] }])).toThrow(/accuracy \(sens, spec\): covariance is not positive definite/);
    expect(jointSpecProblems({ ...accuracy, covariance: [[1, 0.5], [0.4, 1]] })).toEqual([{ path: ['covariance', 1, 0], message: 'covariance is not symmetric: [2, 1] = 0.4 but [1, 2] = 0.5' }]);
    expect(jointSpecProblems({ ...accuracy, mean: [1] })[0]!.message).toBe('mean needs 2 values, one per parameter (got 1)');
    const parsed = jointDistributionSchema.safeParse({ ...accuracy, scale: ['logit'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['scale']);
  });
});

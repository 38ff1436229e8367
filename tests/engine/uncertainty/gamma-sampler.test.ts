// The gamma sampler of the PSA (gamma-sampler.ts) against stdlib's own: the same draws to the bit and the same
// uniforms taken, for every branch (alpha below and above 1, rejections, invalid arguments).
import { describe, expect, it } from 'vitest';
import stdlibGamma from '@stdlib/random-base-gamma';
import { gammaSampler } from '../../../src/engine/uncertainty/gamma-sampler';
import { createStream } from '../../../src/engine/uncertainty/rng';

/** Two copies of one uniform stream, counting the uniforms each side takes. */
function twinUniforms(seed: number, stream: number) {
  const a = createStream(seed, stream);
  const b = createStream(seed, stream);
  const taken = { ours: 0, stdlib: 0 };
  return {
    ours: () => (taken.ours++, a.next()),
    stdlib: () => (taken.stdlib++, b.next()),
    taken,
  };
}

describe('gamma sampler', () => {
  it('draws what stdlib draws, to the bit, taking the same uniforms', () => {
    const shapes = [1e-3, 0.05, 0.5, 0.999, 1, 1.5, 3, 12.5, 250, 1251, 1e5];
    const rates = [1, 0.01, 3.7, 1e4];
    for (const seed of [1, 7, 4294967295]) {
      const u = twinUniforms(seed, seed % 5);
      const ours = gammaSampler(u.ours);
      const theirs = stdlibGamma.factory({ prng: u.stdlib });
      expect(u.taken.ours).toBe(u.taken.stdlib); // seeding the normal generator takes one uniform on both sides
      let draws = 0;
      for (let round = 0; round < 60; round++) {
        for (const alpha of shapes) {
          for (const beta of rates) {
            const x = ours(alpha, beta);
            const y = theirs(alpha, beta);
            if (!Object.is(x, y)) throw new Error(`seed ${seed}, alpha ${alpha}, beta ${beta}: ${x} !== ${y}`);
            draws++;
          }
        }
      }
      expect(draws).toBe(60 * shapes.length * rates.length);
      expect(u.taken.ours).toBe(u.taken.stdlib);
      // Then the streams go on in step.
      expect(u.ours()).toBe(u.stdlib());
    }
  });

  it('refuses what stdlib refuses with NaN, taking no uniform', () => {
    const u = twinUniforms(3, 0);
    const ours = gammaSampler(u.ours);
    const theirs = stdlibGamma.factory({ prng: u.stdlib });
    for (const [alpha, beta] of [
      [0, 1],
      [-1, 1],
      [1, 0],
      [2, -3],
      [Number.NaN, 1],
      [1, Number.NaN],
    ] as const) {
      expect(ours(alpha, beta)).toBeNaN();
      expect(theirs(alpha, beta)).toBeNaN();
    }
    expect(u.taken.ours).toBe(u.taken.stdlib);
  });
});

// The samplers of a PSA stream (stream-samplers.ts) against stdlib's own over twin copies of one generator: the
// same draws to the bit and the same uniforms taken, for every branch (the ziggurat's tail and wedges, gamma
// shapes below and above 1, rejections, invalid arguments) and with every sampler made in stdlib's order.
import { describe, expect, it } from 'vitest';
import stdlibBeta from '@stdlib/random-base-beta';
import stdlibGamma from '@stdlib/random-base-gamma';
import stdlibNormal from '@stdlib/random-base-normal';
import stdlibTriangular from '@stdlib/random-base-triangular';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { StreamSamplers } from '../../../src/engine/uncertainty/stream-samplers';
import type { SamplerKind } from '../../../src/engine/uncertainty/stream-samplers';
import { StreamSequence } from '../../../src/engine/uncertainty/rng';

/** Ours over one copy of a stream's generator; stdlib's uniforms from the other; `inStep` compares the generators. */
function twins(seed: number, stream: number, needs: SamplerKind[]) {
  const streams = new StreamSequence(seed);
  const ourGenerator = streams.generatorAt(stream);
  const theirGenerator = streams.generatorAt(stream);
  const ours = new StreamSamplers(ourGenerator, new Set(needs));
  const prng = (): number => uniformFloat64(theirGenerator);
  const inStep = (): boolean => ourGenerator.getState().every((x, i) => x === theirGenerator.getState()[i]);
  return { ours, prng, inStep };
}

function same(what: string, x: number, y: number): void {
  if (!Object.is(x, y)) throw new Error(`${what}: ${x} !== ${y}`);
}

describe('stream samplers', () => {
  it("normal: stdlib's draws to the bit over 200,000 draws (tail and wedges included), taking the same uniforms", () => {
    for (const seed of [1, 7, 4294967295]) {
      const { ours, prng, inStep } = twins(seed, seed % 5, ['normal']);
      const theirs = stdlibNormal.factory({ prng });
      expect(inStep()).toBe(true); // seeding the ziggurat's MT19937 takes one uniform on both sides
      let tails = 0;
      for (let d = 0; d < 200_000; d++) {
        const [mu, sigma] = d % 3 === 0 ? [0, 1] : d % 3 === 1 ? [-2.5, 0.3] : [1e6, 1e4];
        const x = ours.normal(mu, sigma);
        same(`seed ${seed}, draw ${d}`, x, theirs(mu, sigma));
        if (Math.abs((x - mu) / sigma) > 3.442619855899) tails++;
      }
      expect(tails).toBeGreaterThan(10);
      expect(inStep()).toBe(true);
      for (const [mu, sigma] of [[Number.NaN, 1], [0, Number.NaN], [0, 0], [0, -1]] as const) {
        expect(ours.normal(mu, sigma)).toBeNaN();
        expect(theirs(mu, sigma)).toBeNaN();
      }
      expect(inStep()).toBe(true);
    }
  });

  it("gamma: stdlib's draws to the bit, taking the same uniforms; refusals take none", () => {
    const shapes = [1e-3, 0.05, 0.5, 0.999, 1, 1.5, 3, 12.5, 250, 1251, 1e5];
    const rates = [1, 0.01, 3.7, 1e4];
    for (const seed of [1, 7, 4294967295]) {
      const { ours, prng, inStep } = twins(seed, seed % 5, ['gamma']);
      const theirs = stdlibGamma.factory({ prng });
      expect(inStep()).toBe(true);
      for (let round = 0; round < 60; round++) {
        for (const alpha of shapes) for (const beta of rates) same(`seed ${seed}, alpha ${alpha}, beta ${beta}`, ours.gamma(alpha, beta), theirs(alpha, beta));
      }
      expect(inStep()).toBe(true);
      for (const [alpha, beta] of [[0, 1], [-1, 1], [1, 0], [2, -3], [Number.NaN, 1], [1, Number.NaN]] as const) {
        expect(ours.gamma(alpha, beta)).toBeNaN();
        expect(theirs(alpha, beta)).toBeNaN();
      }
      expect(inStep()).toBe(true);
    }
  });

  it("every sampler of a stream, made in stdlib's order and drawn in turn, draws what stdlib's draw", () => {
    const { ours, prng, inStep } = twins(11, 2, ['beta', 'gamma', 'normal', 'triangular']);
    const opts = { prng };
    const beta = stdlibBeta.factory(opts);
    const gamma = stdlibGamma.factory(opts);
    const normal = stdlibNormal.factory(opts);
    const triangular = stdlibTriangular.factory(opts);
    for (let d = 0; d < 5000; d++) {
      same(`beta ${d}`, ours.beta(2, 5), beta(2, 5));
      same(`gamma ${d}`, ours.gamma(0.7, 2), gamma(0.7, 2));
      same(`normal ${d}`, ours.normal(0, 1), normal(0, 1));
      same(`triangular ${d}`, ours.triangular(0, 3, 1), triangular(0, 3, 1));
      same(`uniform ${d}`, ours.uniform(), prng());
    }
    expect(inStep()).toBe(true);
  });

  it('a sampler the stream does not need is not made (it would take a uniform) and draws NaN', () => {
    const { ours, prng, inStep } = twins(3, 0, ['gamma']);
    const theirs = stdlibGamma.factory({ prng });
    expect(ours.normal(0, 1)).toBeNaN();
    expect(ours.beta(2, 3)).toBeNaN();
    expect(inStep()).toBe(true);
    same('gamma', ours.gamma(2, 1), theirs(2, 1));
  });
});

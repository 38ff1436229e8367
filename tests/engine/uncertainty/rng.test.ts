import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { createStream, StreamSequence } from '../../../src/engine/uncertainty/rng';

const take = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('seeded streams', () => {
  it('stream k is xoroshiro128+ jumped k + 1 times', () => {
    const reference = xoroshiro128plus(7);
    for (let i = 0; i < 3; i++) reference.jump();
    const expected = take(() => uniformFloat64(reference), 5);
    expect(take(createStream(7, 2).next, 5)).toEqual(expected);
  });

  it('is reproducible, and different seeds and streams differ', () => {
    expect(take(createStream(1, 0).next, 10)).toEqual(take(createStream(1, 0).next, 10));
    expect(take(createStream(1, 0).next, 10)).not.toEqual(take(createStream(2, 0).next, 10));
    expect(take(createStream(1, 0).next, 10)).not.toEqual(take(createStream(1, 1).next, 10));
  });

  it('StreamSequence gives the same streams in any visiting order', () => {
    const sequence = new StreamSequence(99);
    for (const k of [3, 5, 1, 5, 0, 8]) {
      expect(take(sequence.streamAt(k).next, 4)).toEqual(take(createStream(99, k).next, 4));
    }
  });

  it('gives uniforms in [0, 1) with mean 1/2 and variance 1/12, and open uniforms in (0, 1)', () => {
    const stream = createStream(3, 0);
    const n = 100000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = stream.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
    expect(stream.nextOpen()).toBeGreaterThan(0);
  });

  it('rejects bad seeds and stream indices', () => {
    expect(() => createStream(-1, 0)).toThrow(/Seed must be an integer/);
    expect(() => createStream(1.5, 0)).toThrow(/Seed must be an integer/);
    expect(() => createStream(2 ** 32, 0)).toThrow(/Seed/);
    expect(() => createStream(1, -2)).toThrow(/Stream index/);
  });
});

// Fast paths for powers with a constant exponent (issue 16): x ^ 2 as x * x, x ^ 0.5 as sqrt(x), x ^ -1 as 1 / x and
// x ^ 1 as x are taken only because they give exactly the doubles of ** (V8's pow special-cases these exponents).
// Checked bit for bit over special values, random bit patterns (every exponent range, subnormals, NaN payloads)
// and random probabilities; any other exponent keeps **.
import { describe, expect, it } from 'vitest';
import { exactPower } from '../../src/engine/expression/compile';
import { mulberry32 } from '../seeded-random';

const SPECIAL = [0, -0, 1, -1, 2, -2, 0.5, Infinity, -Infinity, NaN, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, 1e-300, 1e300, 1 - 2 ** -53, 1 + 2 ** -52, 0.1, 1 / 3];

/** Special values, then 400,000 doubles from random bit patterns, 400,000 in [0, 1) and 200,000 of moderate size. */
function* doubles(): Generator<number> {
  yield* SPECIAL;
  const next = mulberry32(16);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < 400_000; i++) {
    words[0] = next();
    words[1] = next();
    yield bits[0]!;
  }
  for (let i = 0; i < 400_000; i++) yield next() / 2 ** 32;
  for (let i = 0; i < 200_000; i++) yield ((next() / 2 ** 32 - 0.5) * 2 ** ((next() % 80) - 40));
}

describe('exact fast paths for powers with a constant exponent', () => {
  it.each([2, 0.5, -1, 1])('x ^ %s gives the doubles of ** bit for bit', (k) => {
    const power = exactPower(k);
    expect(power).not.toBeNull();
    let checked = 0;
    const mismatches: string[] = [];
    for (const x of doubles()) {
      const got = power!(x);
      const want = x ** k;
      // Object.is: NaN equals NaN, +0 differs from -0.
      if (!Object.is(got, want) && mismatches.length < 5) mismatches.push(`${x} ^ ${k}: ${got}, ** gives ${want}`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(SPECIAL.length + 1_000_000);
  });

  it('handles the signed zeros and infinities whose powers are not the cheap operation (sqrt(-0) is -0, sqrt(-Infinity) NaN)', () => {
    const sqrt = exactPower(0.5)!;
    expect(Object.is(sqrt(-0), 0)).toBe(true);
    expect(sqrt(-Infinity)).toBe(Infinity);
    expect(sqrt(-4)).toBeNaN();
    expect(sqrt(2.25)).toBe(1.5);
    expect(exactPower(2)!(-3)).toBe(9);
    expect(Object.is(exactPower(-1)!(-0), -Infinity)).toBe(true);
  });

  it('is not taken for other exponents (x * x * x and friends round differently from **)', () => {
    for (const k of [3, -2, 1.5, 0.25, 1 / 12, 0, -0, NaN, Infinity]) expect(exactPower(k)).toBeNull();
  });
});

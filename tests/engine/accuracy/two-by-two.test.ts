import { describe, expect, it } from 'vitest';
import { proportionInterval, studyLogits, twoByTwoProblems } from '../../../src/engine/accuracy/two-by-two';

// Newcombe RG (1998) Statistics in Medicine 17:857-872, Table I: method 3 (Wilson score) and method 5 (exact,
// Clopper-Pearson), printed to 4 decimals.
const newcombe = [
  { x: 81, n: 263, wilson: [0.2553, 0.3662], exact: [0.2527, 0.3676] },
  { x: 15, n: 148, wilson: [0.0624, 0.1605], exact: [0.0578, 0.1617] },
  { x: 0, n: 20, wilson: [0, 0.1611], exact: [0, 0.1684] },
  { x: 1, n: 29, wilson: [0.0061, 0.1718], exact: [0.0009, 0.1776] },
];

describe('proportion intervals', () => {
  it.each(newcombe)('$x/$n matches Newcombe (1998) for Wilson and Clopper–Pearson', ({ x, n, wilson, exact }) => {
    const w = proportionInterval(x, n, 'wilson');
    const e = proportionInterval(x, n, 'clopper-pearson');
    expect(w.estimate).toBe(x / n);
    expect(Math.abs(w.lower - wilson[0]!)).toBeLessThan(5e-5);
    expect(Math.abs(w.upper - wilson[1]!)).toBeLessThan(5e-5);
    expect(Math.abs(e.lower - exact[0]!)).toBeLessThan(5e-5);
    expect(Math.abs(e.upper - exact[1]!)).toBeLessThan(5e-5);
  });

  it('gives the closed forms of the exact interval at 0 and n: 1 - 0.025^(1/n) and 0.025^(1/n)', () => {
    expect(proportionInterval(0, 10).upper).toBeCloseTo(1 - 0.025 ** (1 / 10), 12);
    expect(proportionInterval(10, 10).lower).toBeCloseTo(0.025 ** (1 / 10), 12);
    expect(proportionInterval(10, 10).upper).toBe(1);
  });

  it('refuses an impossible proportion', () => {
    expect(() => proportionInterval(3, 2)).toThrow(/0 <= x <= n/);
    expect(() => proportionInterval(0, 0)).toThrow(/n > 0/);
  });
});

describe('2×2 checks', () => {
  it('accepts a consistent table', () => {
    expect(twoByTwoProblems({ tp: 10, fn: 2, tn: 30, fp: 3 }, 45)).toEqual([]);
  });

  it('names each bad cell: negative, fractional, not a number', () => {
    const problems = twoByTwoProblems({ tp: -1, fn: 2.5, tn: Number.NaN, fp: 3 });
    expect(problems.map((p) => p.field)).toEqual(['tp', 'fn', 'tn']);
    expect(problems[0]!.message).toBe('TP must be a whole number >= 0 (got -1)');
  });

  it('says when a reference-standard group is empty or the total disagrees with n', () => {
    expect(twoByTwoProblems({ tp: 0, fn: 0, tn: 5, fp: 1 })[0]!.message).toMatch(/sensitivity is undefined/);
    expect(twoByTwoProblems({ tp: 3, fn: 1, tn: 0, fp: 0 })[0]!.message).toMatch(/specificity is undefined/);
    expect(twoByTwoProblems({ tp: 10, fn: 2, tn: 30, fp: 3 }, 50)).toEqual([{ field: 'n', message: 'TP + FN + TN + FP = 45, but the study has n = 50' }]);
  });
});

describe('study logits', () => {
  it('uses the raw counts when no cell is zero', () => {
    const l = studyLogits({ tp: 20, fn: 5, tn: 40, fp: 10 });
    expect(l.corrected).toBe(false);
    expect(l.logitSensitivity).toBeCloseTo(Math.log(4), 14);
    expect(l.varianceSensitivity).toBeCloseTo(1 / 20 + 1 / 5, 14);
    expect(l.logitSpecificity).toBeCloseTo(Math.log(4), 14);
    expect(l.varianceSpecificity).toBeCloseTo(1 / 40 + 1 / 10, 14);
  });

  it('adds 0.5 to all four cells of a study with a zero cell', () => {
    const l = studyLogits({ tp: 20, fn: 5, tn: 29, fp: 0 });
    expect(l.corrected).toBe(true);
    expect(l.logitSensitivity).toBeCloseTo(Math.log(20.5 / 5.5), 14);
    expect(l.logitSpecificity).toBeCloseTo(Math.log(29.5 / 0.5), 14);
    expect(l.varianceSpecificity).toBeCloseTo(1 / 29.5 + 1 / 0.5, 14);
  });
});

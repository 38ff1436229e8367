import { describe, expect, it } from 'vitest';
import { calculateIcers, incrementalNetBenefit } from '../../../src/engine/economics/incremental';

describe('calculateIcers edge cases', () => {
  it('rejects empty input, non-finite numbers and duplicate ids with located messages', () => {
    expect(() => calculateIcers([])).toThrow(/at least one strategy/);
    expect(() => calculateIcers([{ id: 'a', cost: Number.NaN, effect: 1 }])).toThrow(/"a" has a non-finite cost/);
    expect(() => calculateIcers([{ id: 'a', cost: 1, effect: Infinity }])).toThrow(/"a" has a non-finite effect/);
    expect(() =>
      calculateIcers([
        { id: 'a', cost: 1, effect: 1 },
        { id: 'a', cost: 2, effect: 2 },
      ]),
    ).toThrow(/"a" appears more than once/);
  });

  it('keeps strategies with equal ICERs on the frontier (strict comparison, as dampack)', () => {
    // A(0,0) B(10,1) C(20,2): ICER B = 10, ICER C = 10
    const result = calculateIcers([
      { id: 'C', cost: 20, effect: 2 },
      { id: 'A', cost: 0, effect: 0 },
      { id: 'B', cost: 10, effect: 1 },
    ]);
    expect(result.map((r) => [r.id, r.status, r.icer])).toEqual([
      ['A', 'reference', null],
      ['B', 'nondominated', 10],
      ['C', 'nondominated', 10],
    ]);
  });

  it('an exact duplicate outcome is dominated by the first one given', () => {
    const result = calculateIcers([
      { id: 'x', cost: 5, effect: 1 },
      { id: 'y', cost: 5, effect: 1 },
    ]);
    expect(result.map((r) => [r.id, r.status])).toEqual([
      ['x', 'reference'],
      ['y', 'dominated'],
    ]);
  });

  it('removes extended dominance iteratively', () => {
    // Hand check: A(0,0) B(100,1) C(150,1.2) D(200,2.5). ICERs B 100, C 250, D 38.46 -> C is ED;
    // then A,B,D: B 100, D 100/1.5 = 66.7 -> B is ED; frontier A, D with ICER 80.
    const result = calculateIcers([
      { id: 'A', cost: 0, effect: 0 },
      { id: 'B', cost: 100, effect: 1 },
      { id: 'C', cost: 150, effect: 1.2 },
      { id: 'D', cost: 200, effect: 2.5 },
    ]);
    expect(result.map((r) => [r.id, r.status])).toEqual([
      ['A', 'reference'],
      ['D', 'nondominated'],
      ['B', 'extendedly-dominated'],
      ['C', 'extendedly-dominated'],
    ]);
    expect(result[1]!.icer).toBe(80);
    expect(result[1]!.incCost).toBe(200);
    expect(result[1]!.incEffect).toBe(2.5);
  });

  it('keeps labels', () => {
    expect(calculateIcers([{ id: 'a', label: 'Alpha', cost: 1, effect: 1 }])[0]!.label).toBe('Alpha');
  });
});

describe('incrementalNetBenefit', () => {
  const rows = [
    { id: 'new', cost: 3000, effect: 1.2 },
    { id: 'old', cost: 1000, effect: 1.0 },
  ];

  it('gives NMB, NHB and increments over the cheapest strategy by hand', () => {
    const [at0, at20k] = incrementalNetBenefit(rows, [0, 20000]);
    expect(at0!.referenceId).toBe('old');
    expect(at0!.strategies).toEqual([
      { id: 'new', nmb: -3000, nhb: null, incNmb: -2000, incNhb: null },
      { id: 'old', nmb: -1000, nhb: null, incNmb: 0, incNhb: null },
    ]);
    expect(at0!.optimalId).toBe('old');
    // new: 20000*1.2-3000 = 21000; old: 20000-1000 = 19000
    expect(at20k!.strategies[0]!.nmb).toBe(21000);
    expect(at20k!.strategies[0]!.incNmb).toBe(2000);
    expect(at20k!.strategies[0]!.nhb!).toBeCloseTo(1.2 - 0.15, 12);
    expect(at20k!.strategies[0]!.incNhb!).toBeCloseTo(0.1, 12);
    expect(at20k!.optimalId).toBe('new');
  });

  it('accepts an explicit reference and rejects unknown ones and bad thresholds', () => {
    const [res] = incrementalNetBenefit(rows, [10000], 'new');
    expect(res!.strategies[1]!.incNmb).toBe(10000 - 1000 - (12000 - 3000));
    expect(() => incrementalNetBenefit(rows, [1], 'nope')).toThrow(/"nope" is not among/);
    expect(() => incrementalNetBenefit(rows, [-1])).toThrow(/position 0/);
    expect(() => incrementalNetBenefit(rows, [])).toThrow(/At least one/);
  });
});

describe('calculateIcers: effects equal within the stated tolerance', () => {
  it('a dearer strategy whose effect is higher only by floating-point noise (4.4e-16) is dominated, with no ICER', () => {
    // Same health outcome computed along two paths of a tree: 2.0194 vs 2.0194 + 4.4e-16 QALYs, EUR 110 dearer.
    // Exact comparison (dampack) puts B on the frontier with ICER 110 / 4.4e-16 = 2.5e17 per QALY.
    const a = 2.0194;
    const b = a + 4.4e-16;
    expect(b).toBeGreaterThan(a);
    const result = calculateIcers([
      { id: 'A', cost: 1000, effect: a },
      { id: 'B', cost: 1110, effect: b },
    ]);
    expect(result.map((r) => [r.id, r.status, r.icer])).toEqual([
      ['A', 'reference', null],
      ['B', 'dominated', null],
    ]);
  });

  it('the tolerance is relative (1e-9 of the larger effect): a real difference just above it still counts', () => {
    const e = 3;
    const tiny = calculateIcers([
      { id: 'A', cost: 0, effect: e },
      { id: 'B', cost: 1, effect: e * (1 + 0.5e-9) },
    ]);
    expect(tiny[1]!.status).toBe('dominated');
    const real = calculateIcers([
      { id: 'A', cost: 0, effect: e },
      { id: 'B', cost: 1, effect: e * (1 + 2e-9) },
    ]);
    expect(real.map((r) => r.status)).toEqual(['reference', 'nondominated']);
    expect(real[1]!.icer).toBeCloseTo(1 / (e * 2e-9), -3);
    // Equal costs, effects equal within the tolerance: one reference, the other dominated (never two frontier rows).
    const same = calculateIcers([{ id: 'x', cost: 5, effect: 1 }, { id: 'y', cost: 5, effect: 1 + 1e-15 }]);
    expect(same.map((r) => r.status)).toEqual(['reference', 'dominated']);
    expect(same[1]!.icer).toBeNull();
  });
});

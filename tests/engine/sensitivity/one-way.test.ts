import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createDsaSetup, DsaError, evaluateWith } from '../../../src/engine/sensitivity/dsa-setup';
import { oneWay } from '../../../src/engine/sensitivity/one-way';
import { loadExample, clone } from '../model-fixtures';
import { BASE, handModel, incNmb } from './dsa-fixtures';

const WTP = 20000;

describe('one-way sensitivity on a model solved by hand', () => {
  const setup = createDsaSetup(parseModel(handModel()));

  it('reproduces the closed-form costs and effects at the base case', () => {
    const r = evaluateWith(setup, []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [std, nw] = r.strategies;
    expect(std!.effect).toBeCloseTo(1 - BASE.p, 12);
    expect(std!.cost).toBeCloseTo(BASE.c_std * (1 - BASE.p), 9);
    expect(nw!.effect).toBeCloseTo(1 - BASE.p * BASE.rr, 12);
    expect(nw!.cost).toBeCloseTo(BASE.c_new * (1 - BASE.p * BASE.rr), 9);
  });

  it('gives incremental NMB at low and high, swings by hand, sorted by swing', () => {
    const result = oneWay(setup, { wtp: WTP, comparator: 'std', strategy: 'new' });
    expect(result.base.incNmb).toBeCloseTo(incNmb(WTP, BASE), 8); // 2000 - 1900 = 100
    expect(result.base.incNmb).toBeCloseTo(100, 8);
    // Swings: c_new (6000-2000)(1 - 0.1) = 3600; p: 10500 x 0.2 = 2100; rr: 3400 x 0.5 = 1700; c_std: 1000 x 0.8 = 800.
    expect(result.rows.map((r) => r.parameter)).toEqual(['c_new', 'p', 'rr', 'c_std']);
    const swings = Object.fromEntries(result.rows.map((r) => [r.parameter, r.swing]));
    expect(swings.c_new).toBeCloseTo(3600, 8);
    expect(swings.p).toBeCloseTo(2100, 8);
    expect(swings.rr).toBeCloseTo(1700, 8);
    expect(swings.c_std).toBeCloseTo(800, 8);
    const cNew = result.rows[0]!;
    expect(cNew.outcomeLow).toBeCloseTo(incNmb(WTP, { ...BASE, c_new: 2000 }), 8);
    expect(cNew.outcomeHigh).toBeCloseTo(incNmb(WTP, { ...BASE, c_new: 6000 }), 8);
    expect(cNew.atLow!.optimal).toBe('new');
    expect(cNew.atHigh!.optimal).toBe('std');
    expect(cNew.decisionChanges).toBe(true);
    // ICER = dC / dE = (c_new (1 - p rr) - c_std (1 - p)) / (p (1 - rr)).
    expect(cNew.atLow!.icer).toBeCloseTo((2000 * 0.9 - 800) / 0.1, 6);
    expect(cNew.rangeSource).toBe('file');
  });

  it('turns a failing step into a located row error, not a crash', () => {
    const json = handModel();
    json.parameters![0] = { id: 'p', value: 0.2, kind: 'probability', uncertainty: { low: 0.1, high: 1.5 } };
    const result = oneWay(createDsaSetup(parseModel(json)), { wtp: WTP });
    const row = result.rows.find((r) => r.parameter === 'p')!;
    expect(row.outcomeHigh).toBeNull();
    expect(row.swing).toBeNull();
    expect(row.outcomeLow).toBeCloseTo(incNmb(WTP, { ...BASE, p: 0.1 }), 8);
    expect(row.errors).toHaveLength(1);
    expect(row.errors[0]!.at).toBe('high');
    expect(row.errors[0]!.details.code).toBe('not-a-probability');
    expect(row.errors[0]!.details.path.length).toBeGreaterThan(0);
    expect(row.errors[0]!.message).toContain('p = 1.5');
    expect(result.rows[result.rows.length - 1]!.parameter).toBe('p');
  });

  it('rejects an unknown comparator or parameter with a clear error', () => {
    expect(() => oneWay(setup, { wtp: WTP, comparator: 'nope' })).toThrow(DsaError);
    expect(() => oneWay(setup, { wtp: WTP, parameters: ['zzz'] })).toThrow(/unknown parameter "zzz"/);
    expect(() => oneWay(setup, { wtp: -1 })).toThrow(/willingness-to-pay/);
  });
});

describe('one-way ranges from distributions (HIV example)', () => {
  const model = parseModel(loadExample('hiv-chancellor-1997.json'));
  const setup = createDsaSetup(model);

  it('uses the file low/high when given, else the 2.5/97.5 percentiles', () => {
    const rr = setup.varied.find((v) => v.id === 'rr')!;
    expect(rr.rangeSource).toBe('file');
    expect([rr.low, rr.high]).toEqual([0.365, 0.71]);
    const pAB = setup.varied.find((v) => v.id === 'p_AB')!;
    expect(pAB.rangeSource).toBe('distribution');
    // Dirichlet marginal Beta(350, 1734 - 350): its percentiles bracket the mean 350 / 1734.
    expect(pAB.low).toBeLessThan(350 / 1734);
    expect(pAB.high).toBeGreaterThan(350 / 1734);
    expect(setup.varied.some((v) => v.id === 'cost_zido')).toBe(false); // fixed: no range
  });

  it('keeps a Dirichlet group summing to 1 when one member moves', () => {
    const json = clone(loadExample('hiv-chancellor-1997.json'));
    const s = createDsaSetup(parseModel(json));
    const pAB = s.varied.find((v) => v.id === 'p_AB')!;
    expect(pAB.siblings).toHaveLength(3);
    const r = evaluateWith(s, [[pAB, pAB.high]]);
    expect(r.ok).toBe(true);
  });

  it('every tornado row of the HIV example evaluates', () => {
    const result = oneWay(setup, { wtp: 20000, comparator: 'mono', strategy: 'comb' });
    expect(result.rows.length).toBe(setup.varied.length);
    for (const row of result.rows) {
      expect(row.errors).toEqual([]);
      expect(Number.isFinite(row.swing!)).toBe(true);
    }
    for (let i = 1; i < result.rows.length; i++) expect(result.rows[i - 1]!.swing!).toBeGreaterThanOrEqual(result.rows[i]!.swing!);
  });
});

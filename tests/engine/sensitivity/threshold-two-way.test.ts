import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { createDsaSetup } from '../../../src/engine/sensitivity/dsa-setup';
import { thresholdAnalysis } from '../../../src/engine/sensitivity/threshold';
import { twoWay } from '../../../src/engine/sensitivity/two-way';
import { brentRoot } from '../../../src/engine/sensitivity/brent';
import { BASE, handModel, incNmb } from './dsa-fixtures';

const WTP = 20000;
const setup = createDsaSetup(parseModel(handModel()));

describe('Brent root finder', () => {
  it('finds closed-form roots', () => {
    expect(brentRoot((x) => x * x - 2, 0, 2).root).toBeCloseTo(Math.SQRT2, 10);
    expect(brentRoot((x) => Math.cos(x) - x, 0, 1).root).toBeCloseTo(0.7390851332151607, 10);
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(/no sign change/);
  });
});

describe('threshold analysis', () => {
  it('finds the price of the new treatment at which the decision changes (closed form)', () => {
    // iNMB = 0 <=> c_new = (wtp p (1 - rr) + c_std (1 - p)) / (1 - p rr) = (2000 + 800) / 0.9.
    const expected = (WTP * BASE.p * (1 - BASE.rr) + BASE.c_std * (1 - BASE.p)) / (1 - BASE.p * BASE.rr);
    const r = thresholdAnalysis(setup, { parameter: 'c_new', wtp: WTP });
    expect(r.status).toBe('found');
    expect(r.thresholds).toHaveLength(1);
    expect(r.thresholds[0]!.value).toBeCloseTo(expected, 5);
    expect(r.thresholds[0]!.exact).toBe(true);
    expect(r.thresholds[0]!).toMatchObject({ from: 'new', to: 'std' });
    expect(r.optimalAtLow).toBe('new');
    expect(r.optimalAtHigh).toBe('std');
  });

  it('finds a threshold in a non-linear parameter (the relative risk)', () => {
    // iNMB(rr) = 1800 - 3400 rr = 0 at rr = 9/17.
    const r = thresholdAnalysis(setup, { parameter: 'rr', wtp: WTP });
    expect(r.thresholds[0]!.value).toBeCloseTo(1800 / 3400, 8);
    expect(incNmb(WTP, { ...BASE, rr: r.thresholds[0]!.value })).toBeCloseTo(0, 6);
  });

  it('says "no threshold in range" when the decision never changes', () => {
    const r = thresholdAnalysis(setup, { parameter: 'c_new', wtp: WTP, low: 4000, high: 6000 });
    expect(r.status).toBe('no-threshold-in-range');
    expect(r.thresholds).toEqual([]);
    expect(r.optimalAtLow).toBe('std');
  });

  it('accepts a file range written high-first', () => {
    const json = handModel();
    json.parameters![3] = { id: 'c_new', value: 3000, kind: 'cost', uncertainty: { low: 6000, high: 2000 } };
    const r = thresholdAnalysis(createDsaSetup(parseModel(json)), { parameter: 'c_new', wtp: WTP });
    expect(r.low).toBe(2000);
    expect(r.thresholds[0]!.value).toBeCloseTo(2800 / 0.9, 5);
  });

  it('rejects an empty range', () => {
    expect(() => thresholdAnalysis(setup, { parameter: 'c_new', wtp: WTP, low: 5, high: 5 })).toThrow(/low < high/);
  });
});

describe('two-way analysis', () => {
  it('gives the optimal strategy of every cell as the closed form does', () => {
    const r = twoWay(setup, { wtp: WTP, x: { parameter: 'c_new', steps: 9 }, y: { parameter: 'rr', steps: 6 } });
    expect(r.x.values).toHaveLength(9);
    expect(r.y.values).toHaveLength(6);
    expect(r.x.values[0]).toBe(2000);
    expect(r.x.values[8]).toBe(6000);
    let both = new Set<string>();
    r.cells.forEach((col, i) =>
      col.forEach((cell, j) => {
        const v = { ...BASE, c_new: r.x.values[i]!, rr: r.y.values[j]! };
        const expected = incNmb(WTP, v) > 0 ? 'new' : 'std';
        expect(cell.optimal).toBe(expected);
        expect(cell.nmb!.new! - cell.nmb!.std!).toBeCloseTo(incNmb(WTP, v), 6);
        both.add(cell.optimal!);
      }),
    );
    expect(both).toEqual(new Set(['new', 'std'])); // the grid really crosses the boundary
    both = new Set();
  });

  it('reports a failing cell with its error and keeps the others', () => {
    const r = twoWay(setup, { wtp: WTP, x: { parameter: 'p', values: [0.2, 1.4] }, y: { parameter: 'rr', values: [0.5] } });
    expect(r.cells[0]![0]!.optimal).not.toBeNull();
    expect(r.cells[1]![0]!.optimal).toBeNull();
    expect(r.cells[1]![0]!.error!.details.code).toBe('not-a-probability');
  });
});

import { describe, expect, it } from 'vitest';
import { analysePsa } from '../../../src/engine/psa/psa-analysis';
import { defaultWtpMax, sampleIndices, shapePsaView, wtpGrid } from '../../../src/engine/analysis/psa-view';

// Three draws, two strategies (a, b), hand-computed: increments of b over a are (dC, dE) = (100, 0.1), (300, 0.1), (-50, -0.02).
const run = {
  strategyIds: ['a', 'b'],
  strategyLabels: ['Strategy A', 'Strategy B'],
  seed: 7,
  draws: 3,
  costs: Float64Array.from([1000, 1100, 1000, 1300, 1000, 950]),
  effects: Float64Array.from([1, 1.1, 1, 1.1, 1, 0.98]),
  parameterDraws: { names: [], values: new Float64Array(0) },
};

describe('PSA view', () => {
  const view = shapePsaView(run, analysePsa(run, { wtp: [0, 2000, 5000], comparator: 'a' }), 2);
  it('keeps at most the cap of plane points and says how many', () => {
    expect(view.plottedPoints).toBe(2);
    // Cap 2 of 3 draws: indices 0 and 1 (step 1.5).
    const points = view.plane[0]!.points;
    expect(points.map((p) => p.incCost)).toEqual([100, 300]);
    expect(points[1]!.incEffect).toBeCloseTo(0.1, 12);
    expect(view.plane[0]!.label).toBe('Strategy B');
  });
  it('CEAC rows sum to 1 and match hand counts', () => {
    // At 2000: NB increments of b = 2000·dE − dC = 100, −100, 10 → b wins 2 of 3 draws.
    const at2000 = view.ceac.find((r) => r.wtp === 2000)!;
    expect(at2000.b).toBeCloseTo(2 / 3, 12);
    expect(at2000.a! + at2000.b!).toBeCloseTo(1, 12);
    // At 0 a is cheaper in 2 of 3 draws.
    expect(view.ceac[0]!.a).toBeCloseTo(2 / 3, 12);
  });
  it('CEAF names the strategy with the highest expected NB, and EVPI is the expected loss of it', () => {
    // At 2000: mean increment of NB = (100 − 100 + 10)/3 = 3.33 > 0 → b; EVPI = E[max(0, inc)] − 3.33 = (100 + 10)/3 − 10/3 = 33.33.
    const ceaf = view.ceaf.find((r) => r.wtp === 2000)!;
    expect(ceaf.optimalId).toBe('b');
    expect(ceaf.probability).toBeCloseTo(2 / 3, 12);
    expect(view.evpi.find((r) => r.wtp === 2000)!.evpi).toBeCloseTo(100 / 3, 9);
  });
  it('means carry 95% intervals and labels', () => {
    expect(view.means[1]!.label).toBe('Strategy B');
    expect(view.means[1]!.cost.mean).toBeCloseTo((1100 + 1300 + 950) / 3, 9);
    expect(view.means[1]!.cost.lower).toBeLessThan(view.means[1]!.cost.upper);
  });
});

describe('sampling and WTP grid', () => {
  it('samples evenly and never more than the draws', () => {
    expect(sampleIndices(10, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(sampleIndices(3, 2000)).toEqual([0, 1, 2]);
    expect(sampleIndices(10, 0)).toEqual([]);
  });
  it('grid runs from 0 to max and includes the model thresholds', () => {
    expect(wtpGrid(100000, 4, [30000, 50000])).toEqual([0, 25000, 30000, 50000, 75000, 100000]);
    expect(defaultWtpMax([30000, 50000])).toBe(100000);
    expect(defaultWtpMax([])).toBe(100000);
  });
});

describe('summarisePsa (what the PSA screen and a reopened run show)', () => {
  it('gives the same view as shaping the full analysis', async () => {
    const { summarisePsa } = await import('../../../src/engine/analysis/psa-view');
    const request = { wtpGrid: [0, 2000, 5000], comparator: 'a', maxPoints: 2 };
    expect(summarisePsa(run, request)).toEqual(shapePsaView(run, analysePsa(run, { wtp: request.wtpGrid, comparator: 'a' }), 2));
    expect(() => summarisePsa(run, { ...request, comparator: 'zz' })).toThrow(/comparator "zz" is not a strategy/);
  });
});

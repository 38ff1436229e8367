// Uptake shapes by hand, and shares that do not sum to 100% rejected with a located error.
import { describe, expect, it } from 'vitest';
import { describeUptake, uptakeShare, worldShareMatrix, worldShareProblems, withTargetShare } from '../../../src/engine/budget/uptake';
import type { Uptake } from '../../../src/engine/budget/bia-schema';
import { validateModel } from '../../../src/engine/model/validate';
import { formatIssue } from '../../../src/engine/errors';
import { carrierModel, report } from './bia-fixtures';

const years = (u: Uptake, horizon = 5): number[] => Array.from({ length: horizon }, (_, i) => uptakeShare(u, i + 1, horizon) as number);

describe('uptake shapes', () => {
  it('constant: the same share every year (number or object)', () => {
    expect(years(0.3)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(years({ shape: 'constant', value: 0.25 })).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it('linear: from in year 1 to `to` in the last year by default', () => {
    const y = years({ shape: 'linear', from: 0.1, to: 0.5, fromYear: 1 });
    [0.1, 0.2, 0.3, 0.4, 0.5].forEach((x, i) => expect(y[i]).toBeCloseTo(x, 12));
  });

  it('linear: flat before fromYear and after toYear', () => {
    const y = years({ shape: 'linear', from: 0.1, to: 0.5, fromYear: 2, toYear: 4 });
    [0.1, 0.1, 0.3, 0.5, 0.5].forEach((x, i) => expect(y[i]).toBeCloseTo(x, 12));
  });

  it('s-curve: plain logistic from + (to − from) / (1 + exp(−k (y − midpoint)))', () => {
    const y = years({ shape: 's-curve', from: 0, to: 1, midpoint: 3, steepness: 1 });
    expect(y[2]).toBeCloseTo(0.5, 12);
    expect(y[0]).toBeCloseTo(1 / (1 + Math.exp(2)), 12); // 0.1192029…
    expect(y[4]).toBeCloseTo(1 / (1 + Math.exp(-2)), 12); // 0.8807970…
    expect(y[0]! + y[4]!).toBeCloseTo(1, 12); // symmetric about the midpoint
    const z = years({ shape: 's-curve', from: 0.2, to: 0.6, midpoint: 2, steepness: 2 });
    expect(z[1]).toBeCloseTo(0.4, 12);
    expect(z[3]).toBeCloseTo(0.2 + 0.4 / (1 + Math.exp(-4)), 12);
  });

  it('series: typed values per year', () => {
    expect(years({ shape: 'series', values: [0, 0.1, 0.25, 0.5, 0.7] })).toEqual([0, 0.1, 0.25, 0.5, 0.7]);
  });

  it("rest: 1 minus the other strategies' shares", () => {
    const m = worldShareMatrix({ T: 'rest', P: { shape: 'linear', from: 0.2, to: 0.6, fromYear: 1 } }, 3);
    expect(m.ids).toEqual(['T', 'P']);
    m.byYear.forEach((row, i) => {
      expect(row[1]).toBeCloseTo([0.2, 0.4, 0.6][i]!, 12);
      expect(row[0]).toBeCloseTo([0.8, 0.6, 0.4][i]!, 12);
    });
  });

  it('withTargetShare replaces the value or the end point, not a series', () => {
    expect(withTargetShare(0.3, 0.5)).toBe(0.5);
    expect(withTargetShare({ shape: 'linear', from: 0.1, to: 0.5, fromYear: 1 }, 0.8)).toMatchObject({ to: 0.8, from: 0.1 });
    expect(withTargetShare({ shape: 'series', values: [0.1] }, 0.8)).toBeNull();
  });

  it('uptake shapes flow into the patients of each strategy per year', () => {
    const r = report(
      carrierModel({
        horizonYears: 4,
        population: { eligible: { value: 1000 } },
        strategies: [{ id: 'A', costs: { test: 1 } }, { id: 'B', costs: { test: 2 } }],
        currentWorld: { shares: { A: 1 } },
        newWorld: { shares: { A: 'rest', B: { shape: 'linear', from: 0.1, to: 0.4 } } },
      }),
    );
    const b = r.years.map((y) => y.patients.new.B!);
    [100, 200, 300, 400].forEach((x, i) => expect(b[i]).toBeCloseTo(x, 9));
    // Impact = B patients × (2 − 1).
    r.years.forEach((y, i) => expect(y.impact).toBeCloseTo([100, 200, 300, 400][i]!, 9));
  });
});

describe('shares must sum to 100% every year', () => {
  it('worldShareProblems names the year and the sum', () => {
    const p = worldShareProblems({ A: { shape: 'linear', from: 0.9, to: 0.5, fromYear: 1 }, B: 0.5 }, 3);
    // Year 1: 0.9 + 0.5 = 140%; year 2: 0.7 + 0.5 = 120%; year 3: 100%.
    expect(p).toEqual([
      { path: ['year 1'], message: 'shares sum to 140%, expected 100%' },
      { path: ['year 2'], message: 'shares sum to 120%, expected 100%' },
    ]);
  });

  it('a model file with new-world shares summing to 95% in year 3 is rejected with a located error', () => {
    const json = carrierModel({
      horizonYears: 5,
      population: { eligible: { value: 100 } },
      strategies: [{ id: 'A' }, { id: 'B' }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { A: { shape: 'series', values: [0.9, 0.8, 0.7, 0.6, 0.5] }, B: { shape: 'series', values: [0.1, 0.2, 0.25, 0.4, 0.5] } } },
    });
    const v = validateModel(json);
    expect(v.valid).toBe(false);
    const issue = v.issues.find((i) => i.path.includes('year 3'));
    expect(issue?.path).toEqual(['budgetImpact', 'newWorld', 'shares', 'year 3']);
    expect(issue?.message).toBe('shares sum to 95%, expected 100%');
    expect(v.issues.filter((i) => i.severity === 'error').map(formatIssue)).toHaveLength(1);
  });

  it('flags a share above 100% left for the rest, two rests, and a series shorter than the horizon', () => {
    expect(worldShareProblems({ A: 'rest', B: 0.7, C: 0.4 }, 1)).toEqual([{ path: ['year 1'], message: 'shares other than A sum to 110%, above 100%, leaving nothing for A' }]);
    expect(worldShareProblems({ A: 'rest', B: 'rest' }, 1)[0]!.path).toEqual(['B']);
    expect(worldShareProblems({ A: { shape: 'series', values: [1, 1] } }, 3)[0]).toEqual({ path: ['A', 'values'], message: 'series gives 2 year(s), the horizon has 3' });
  });

  it('checks scenario shares merged over the base world', () => {
    const json = carrierModel({
      horizonYears: 1,
      population: { eligible: { value: 100 } },
      strategies: [{ id: 'A' }, { id: 'B' }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { A: 0.5, B: 0.5 } },
      scenarios: [{ id: 'more_b', newWorld: { shares: { B: 0.7 } } }],
    });
    const v = validateModel(json);
    expect(v.issues.map((i) => [i.path, i.message])).toContainEqual([['budgetImpact', 'scenarios', 0, 'newWorld', 'shares', 'year 1'], 'shares sum to 120%, expected 100%']);
  });
});

describe('uptake rules in words', () => {
  it('states each shape with its parameters', () => {
    expect(describeUptake({ shape: 'linear', from: 0.2, to: 0.6, fromYear: 1 }, 5)).toBe('linear: 20% up to year 1, 60% from year 5');
    expect(describeUptake({ shape: 's-curve', from: 0.2, to: 0.8, midpoint: 2, steepness: 1.5 }, 5)).toBe('S-curve (logistic): 20% + (80% − 20%) / (1 + exp(−1.5 × (year − 2)))');
    expect(describeUptake('rest', 5)).toMatch(/^rest/);
    expect(describeUptake(0.05, 5)).toBe('constant 5%');
    expect(describeUptake({ shape: 'series', values: [0.1, 0.25] }, 2)).toBe('series: 10%, 25%');
  });
});

// Hand-calculated budgets: cohorts, costs by year since start, prevalent cohort, discounting, per-patient and
// per-100,000 figures, funnel with growth.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../src/engine/model/validate';
import { carrierModel, report } from './bia-fixtures';

const close = (x: number, y: number): void => expect(x).toBeCloseTo(y, 6);

describe('single cohort with constant costs', () => {
  // 100 patients enter in year 1 only; A costs 1,000 a year for 3 years, B 1,500; current: all A; new: all B.
  const r = report(
    carrierModel({
      horizonYears: 3,
      population: { eligible: { perYear: [100, 0, 0] } },
      strategies: [
        { id: 'A', costs: { treatment: { perYear: 1000, years: 3 } } },
        { id: 'B', costs: { treatment: { perYear: 1500, years: 3 } } },
      ],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { B: 1 } },
    }),
  );

  it('gives 100 × cost in every year of both worlds', () => {
    expect(r.years.map((y) => y.current)).toEqual([100000, 100000, 100000]);
    expect(r.years.map((y) => y.new)).toEqual([150000, 150000, 150000]);
    expect(r.years.map((y) => y.impact)).toEqual([50000, 50000, 50000]);
    expect(r.years.map((y) => y.cumulativeImpact)).toEqual([50000, 100000, 150000]);
    expect(r.cumulative).toMatchObject({ current: 300000, new: 450000, impact: 150000 });
  });

  it('reports per patient entering (year 1 only has patients) and no per-100,000 figure without inhabitants', () => {
    expect(r.years[0]!.perPatient).toEqual({ current: 1000, new: 1500, impact: 500 });
    expect(r.years[1]!.perPatient).toBeNull();
    expect(r.years[0]!.per100k).toBeNull();
    expect(r.cumulative.perPatient).toEqual({ current: 3000, new: 4500, impact: 1500 });
  });
});

describe('several incident cohorts with costs by year since start', () => {
  // Entrants 10, 20, 30. A: test 100 (one-off), treatment [200, 80, 40]. B: test 300, treatment [200, 60].
  // Current world: A 100%; new world: A 50%, B 50% every year.
  const json = carrierModel({
    horizonYears: 3,
    population: { eligible: { perYear: [10, 20, 30] } },
    strategies: [
      { id: 'A', costs: { test: 100, treatment: [200, 80, 40] } },
      { id: 'B', costs: { test: 300, treatment: [200, 60] } },
    ],
    currentWorld: { shares: { A: 1 } },
    newWorld: { shares: { A: 0.5, B: 0.5 } },
  });
  const r = report(json);

  it('carries each cohort forward (entering in year e, year-since-start k costs fall in year e + k − 1)', () => {
    // Current, year 1: 10 × (100 + 200) = 3,000; year 2: 20 × 300 + 10 × 80 = 6,800;
    // year 3: 30 × 300 + 20 × 80 + 10 × 40 = 11,000.
    expect(r.years.map((y) => y.current)).toEqual([3000, 6800, 11000]);
    // New: A half as above (1,500; 3,400; 5,500) plus B half: year 1: 5 × 500 = 2,500;
    // year 2: 10 × 500 + 5 × 60 = 5,300; year 3: 15 × 500 + 10 × 60 + 5 × 0 = 8,100.
    expect(r.years.map((y) => y.new)).toEqual([4000, 8700, 13600]);
    expect(r.years.map((y) => y.impact)).toEqual([1000, 1900, 2600]);
  });

  it('splits the budget by category and strategy, each summing to the total', () => {
    // test: current 1,000 / 2,000 / 3,000; new 5 × 100 + 5 × 300 = 2,000 / 4,000 / 6,000.
    expect(r.years.map((y) => y.byCategory.test!.current)).toEqual([1000, 2000, 3000]);
    expect(r.years.map((y) => y.byCategory.test!.new)).toEqual([2000, 4000, 6000]);
    expect(r.years.map((y) => y.byCategory.treatment!.impact)).toEqual([0, -100, -400]);
    for (const y of r.years) {
      close(Object.values(y.byCategory).reduce((s, c) => s + c.impact, 0), y.impact);
      close(Object.values(y.byStrategy).reduce((s, c) => s + c.new, 0), y.new);
    }
    expect(r.cumulative.byCategory.test).toEqual({ current: 6000, new: 12000, impact: 6000 });
  });

  it('lists costs per patient by year since start and patient counts by strategy', () => {
    const b = r.costsPerPatient.find((c) => c.strategy === 'B')!;
    expect(b.byYearSinceStart.map((k) => k.total)).toEqual([500, 60, 0]);
    expect(r.years[2]!.patients.new).toEqual({ A: 15, B: 15 });
    expect(r.years[2]!.patients.current).toEqual({ A: 30, B: 0 });
  });

  it('adds a prevalent cohort on the year-1 mix from its year since start onwards', () => {
    const withPrevalent = JSON.parse(JSON.stringify(json));
    withPrevalent.budgetImpact.population.prevalent = { value: 50, yearSinceStart: 2 };
    const p = report(withPrevalent);
    // Current: 50 A patients in year since start 2, 3, 4 → 50 × 80, 50 × 40, 0 added.
    expect(p.years.map((y) => y.current)).toEqual([3000 + 4000, 6800 + 2000, 11000]);
    // New: 25 A (80, 40, 0) and 25 B (60, 0, 0) → +2,000 + 1,500; +1,000; +0.
    expect(p.years.map((y) => y.new)).toEqual([4000 + 3500, 8700 + 1000, 13600]);
    expect(p.years[0]!.patients.prevalent).toBe(50);
    expect(p.years[0]!.perPatient!.current).toBeCloseTo(7000 / 60, 9);
  });

  it('discounts year y by (1 + r)^(y − 1) when a rate is given and says so', () => {
    const disc = JSON.parse(JSON.stringify(json));
    disc.budgetImpact.discountRate = 0.05;
    const d = report(disc);
    close(d.years[0]!.current, 3000);
    close(d.years[1]!.current, 6800 / 1.05);
    close(d.years[2]!.impact, 2600 / 1.05 ** 2);
    expect(d.discounting).toContain('0.05');
    expect(r.discounting).toMatch(/undiscounted/);
  });
});

describe('eligible population from a funnel', () => {
  const r = report(
    carrierModel({
      horizonYears: 2,
      population: {
        country: 'Testland',
        inhabitants: { value: 1000000, source: 'Assumption: round number' },
        annualGrowth: { value: 0.01 },
        funnel: [
          { id: 'incidence', label: 'Incidence', value: 0.001 },
          { id: 'stage_iv', value: 'half' },
        ],
      },
      parameters: [{ id: 'half', value: 0.5 }],
      strategies: [{ id: 'A', costs: { test: 10 } }, { id: 'B', costs: { test: 30 } }],
      currentWorld: { shares: { A: 1 } },
      newWorld: { shares: { B: 1 } },
    }),
  );

  it('multiplies the steps and grows the population each year', () => {
    expect(r.population.inhabitants).toEqual([1000000, 1010000]);
    expect(r.population.funnel.map((f) => f.counts)).toEqual([
      [1000, 1010],
      [500, 505],
    ]);
    expect(r.population.entering).toEqual([500, 505]);
    expect(r.years.map((y) => y.impact)).toEqual([500 * 20, 505 * 20]);
  });

  it('reports the impact per 100,000 inhabitants of each year', () => {
    close(r.years[0]!.per100k!.impact, (10000 / 1000000) * 1e5);
    close(r.years[1]!.per100k!.impact, (10100 / 1010000) * 1e5);
    expect(r.population.funnel[0]!.label).toBe('Incidence');
  });
});

describe('horizon', () => {
  const bia = (horizonYears?: number) => ({
    ...(horizonYears !== undefined ? { horizonYears } : {}),
    population: { eligible: { value: 10 } },
    strategies: [{ id: 'A', costs: { test: 1 } }, { id: 'B', costs: { test: 2 } }],
    currentWorld: { shares: { A: 1 } },
    newWorld: { shares: { B: 1 } },
  });

  it('defaults to 5 years, undiscounted', () => {
    const r = report(carrierModel(bia()));
    expect(r.horizonYears).toBe(5);
    expect(r.years).toHaveLength(5);
    expect(r.discountRate).toBe(0);
    expect(r.years.every((y) => y.discountFactor === 1)).toBe(true);
  });

  it('accepts 1 to 10 years and rejects 0 and 11 with a located schema error', () => {
    expect(report(carrierModel(bia(1))).years).toHaveLength(1);
    expect(report(carrierModel(bia(10))).years).toHaveLength(10);
    for (const h of [0, 11]) {
      const v = validateModel(carrierModel(bia(h)));
      expect(v.valid).toBe(false);
      expect(v.issues.map((i) => i.path.join('.'))).toContain('budgetImpact.horizonYears');
    }
  });
});

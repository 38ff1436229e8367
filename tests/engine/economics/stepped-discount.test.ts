// Stepped discount schedules (Denmark: 3.5% years 0–35, 2.5% 36–70, 1.5% after) against hand-computed factors,
// and through every model kind that discounts.
import { describe, expect, it } from 'vitest';
import { discountFactorAt, discountFactors, mergeDiscount } from '../../../src/engine/economics/conventions';
import { parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import { applyScenario } from '../../../src/engine/sensitivity/scenarios';
import { clone, loadExample, runJson, threeStateModel, totalsOf } from '../model-fixtures';

const denmark = [
  { fromYear: 0, rate: 0.035 },
  { fromYear: 35, rate: 0.025 },
  { fromYear: 70, rate: 0.015 },
];

describe('discountFactorAt with the Danish schedule', () => {
  // Hand-computed: each rate compounds over the years spent in its step.
  const cases: [number, number][] = [
    [0, 1],
    [10, 1 / 1.035 ** 10], // 0.708918813709772
    [35, 1 / 1.035 ** 35], // 0.299976861658142
    [36, 1 / (1.035 ** 35 * 1.025)], // 0.292660352837212
    [40, 1 / (1.035 ** 35 * 1.025 ** 5)], // 0.265135835360196
    [70, 1 / (1.035 ** 35 * 1.025 ** 35)], // 0.126401570087320
    [80, 1 / (1.035 ** 35 * 1.025 ** 35 * 1.015 ** 10)], // 0.108916090982478
    [100.5, 1 / (1.035 ** 35 * 1.025 ** 35 * 1.015 ** 30.5)], // 0.080267212272082
  ];
  it.each(cases)('year %d', (years, expected) => {
    expect(discountFactorAt(denmark, years)).toBeCloseTo(expected, 14);
  });

  it('matches the printed values', () => {
    expect(discountFactorAt(denmark, 40)).toBeCloseTo(0.265135835360196, 13);
    expect(discountFactorAt(denmark, 80)).toBeCloseTo(0.108916090982478, 13);
  });

  it('never jumps at a step and keeps falling', () => {
    for (const step of [35, 70]) {
      expect(discountFactorAt(denmark, step - 1e-9)).toBeCloseTo(discountFactorAt(denmark, step + 1e-9), 9);
    }
    let previous = 1;
    for (let t = 0.5; t < 120; t += 0.5) {
      const d = discountFactorAt(denmark, t);
      expect(d).toBeLessThan(previous);
      previous = d;
    }
  });

  it('a one-step schedule is the flat rate', () => {
    for (const t of [0, 1, 7.25, 50]) expect(discountFactorAt([{ fromYear: 0, rate: 0.03 }], t)).toBeCloseTo(1 / 1.03 ** t, 14);
  });

  it('discountFactors rows: cycle c of length L at (c − 1)·L, or c·L with the first cycle discounted', () => {
    const rows = discountFactors([denmark, 0.035], 80, 0.5, false);
    const width = 81;
    expect(rows[0 * width + 1]).toBe(1);
    expect(rows[0 * width + 81 - 1]).toBeCloseTo(discountFactorAt(denmark, 39.5), 14);
    expect(rows[0 * width + 72]).toBeCloseTo(1 / (1.035 ** 35 * 1.025 ** 0.5), 14);
    expect(rows[1 * width + 72]).toBeCloseTo(1 / 1.035 ** 35.5, 14);
    const first = discountFactors([denmark], 80, 1, true);
    expect(first[40]).toBeCloseTo(1 / (1.035 ** 35 * 1.025 ** 5), 14);
  });
});

/** One state, nobody leaves: cost 1 and utility 1 per cycle, so totals are sums of discount factors. */
function constantModel(cycles: number, discount: Record<string, unknown>) {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'constant' },
    settings: { cycleLength: 1, cycles, discount, counting: 'beginning', effect: 'qalys' },
    model: { type: 'markov', states: [{ id: 'Alive' }], initial: { Alive: 1 }, transitions: [{ from: 'Alive', to: 'Alive', probability: 'C' }], stateValues: { Alive: { costs: { care: 1 }, utility: 1 } } },
    strategies: [{ id: 'only' }],
  };
}

describe('stepped schedules in models', () => {
  it('Markov: 100 yearly cycles sum the Danish factors (hand sum by piecewise powers)', () => {
    let handSum = 0;
    for (let t = 0; t < 100; t++) {
      handSum += t <= 35 ? 1 / 1.035 ** t : t <= 70 ? 1 / (1.035 ** 35 * 1.025 ** (t - 35)) : 1 / (1.035 ** 35 * 1.025 ** 35 * 1.015 ** (t - 70));
    }
    const r = totalsOf(runJson(constantModel(100, { costs: 0.03, effects: 0.03, costsSchedule: denmark, effectsSchedule: denmark })), 'only');
    expect(r.totals.cost).toBeCloseTo(handSum, 10);
    expect(r.totals.qalys).toBeCloseTo(handSum, 10);
    // The flat 3.5% discounts more after year 35.
    const flat = totalsOf(runJson(constantModel(100, { costs: 0.035, effects: 0.035 })), 'only');
    expect(flat.totals.cost).toBeLessThan(handSum - 0.5);
  });

  it('Markov: a schedule for effects only leaves costs at the flat rate; a category rate is kept', () => {
    const m = constantModel(50, { costs: 0.04, effects: 0.04, effectsSchedule: denmark });
    const r = totalsOf(runJson(m), 'only');
    let flat = 0;
    for (let t = 0; t < 50; t++) flat += 1 / 1.04 ** t;
    expect(r.totals.cost).toBeCloseTo(flat, 10);
    const withCategory = { ...constantModel(50, { costs: 0.04, effects: 0.04, costsSchedule: denmark }), costCategories: [{ id: 'care', discountRate: 0 }] };
    expect(totalsOf(runJson(withCategory), 'only').totals.cost).toBeCloseTo(50, 10);
  });

  it('a one-step schedule gives the same results as the flat rate in every bundled model kind', () => {
    for (const file of ['hiv-chancellor-1997.json', 'total-hip-replacement.json', 'liquid-biopsy-nsclc.json']) {
      const flat = loadExample(file);
      const stepped = clone(flat);
      const d = stepped.settings.discount!;
      stepped.settings.discount = { ...d, costsSchedule: [{ fromYear: 0, rate: d.costs ?? 0 }], effectsSchedule: [{ fromYear: 0, rate: d.effects ?? 0 }] };
      const a = runJson(flat);
      const b = runJson(stepped);
      a.strategies.forEach((s, i) => {
        expect(b.strategies[i]!.totals.cost).toBeCloseTo(s.totals.cost, 8);
        expect(b.strategies[i]!.totals.qalys).toBeCloseTo(s.totals.qalys, 10);
      });
    }
  });

  it('a later step lowers discounting in the tree → partitioned-survival hybrid (liquid biopsy)', () => {
    const base = loadExample('liquid-biopsy-nsclc.json');
    const stepped = clone(base);
    stepped.settings.discount = { ...stepped.settings.discount, effectsSchedule: [{ fromYear: 0, rate: base.settings.discount!.effects ?? 0 }, { fromYear: 2, rate: 0 }] };
    const a = runJson(base);
    const b = runJson(stepped);
    a.strategies.forEach((s, i) => {
      expect(b.strategies[i]!.totals.qalys).toBeGreaterThan(s.totals.qalys);
      expect(b.strategies[i]!.totals.cost).toBeCloseTo(s.totals.cost, 8);
    });
  });
});

describe('schedule checks and scenarios', () => {
  it('a schedule must start at year 0 and increase', () => {
    const bad = constantModel(10, { costsSchedule: [{ fromYear: 1, rate: 0.03 }], effectsSchedule: [{ fromYear: 0, rate: 0.03 }, { fromYear: 0, rate: 0.01 }] });
    const messages = validateModel(bad).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('settings.discount.costsSchedule.0.fromYear: the first step must start at year 0');
    expect(messages).toContain("settings.discount.effectsSchedule.1.fromYear: must be greater than the previous step's 0");
  });

  it('mergeDiscount: a flat rate given alone removes the schedule it replaces', () => {
    const base = { costs: 0.035, effects: 0.035, firstCycleDiscounted: false, costsSchedule: denmark, effectsSchedule: denmark };
    expect(mergeDiscount(base, { costs: 0.03 })).toEqual({ costs: 0.03, effects: 0.035, firstCycleDiscounted: false, effectsSchedule: denmark });
    expect(mergeDiscount(base, undefined)).toBe(base);
  });

  it('a scenario with a flat cost rate replaces the model schedule', () => {
    const m = threeStateModel();
    m.settings.discount = { costs: 0.035, effects: 0.035, costsSchedule: denmark };
    (m as { scenarios?: unknown[] }).scenarios = [{ id: 'flat', settings: { discount: { costs: 0.05 } } }];
    const applied = applyScenario(parseModel(m), 'flat');
    expect(applied.settings.discount.costsSchedule).toBeUndefined();
    expect(applied.settings.discount.costs).toBe(0.05);
  });
});

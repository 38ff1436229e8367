// Kaplan–Meier by hand on a small data set with ties and censoring: steps, Greenwood errors, log-scale limits,
// numbers at risk and the median.
import { describe, expect, it } from 'vitest';
import { kaplanMeier, kmMedian, kmSurvivalAt, numbersAtRisk } from '../../../src/engine/survival-fit/kaplan-meier';
import { survivalData } from '../../../src/engine/survival-fit/survival-data';

// 1 event, 2 censored, 3 two events and one censored, 5 event, 6 censored.
const data = survivalData([3, 1, 6, 3, 2, 5, 3], [1, 1, 0, 0, 0, 1, 1]);

describe('Kaplan–Meier', () => {
  const km = kaplanMeier(data);
  it('has one step per distinct time, events before censorings', () => {
    expect(km.time).toEqual([1, 2, 3, 5, 6]);
    expect(km.nRisk).toEqual([7, 6, 5, 2, 1]);
    expect(km.nEvent).toEqual([1, 0, 2, 1, 0]);
    expect(km.nCensor).toEqual([0, 1, 1, 0, 1]);
    expect(km.survival).toEqual([6 / 7, 6 / 7, (6 / 7) * (3 / 5), (6 / 7) * (3 / 5) * (1 / 2), (6 / 7) * (3 / 5) * (1 / 2)].map((v) => expect.closeTo(v, 15)));
  });

  it('Greenwood: se(log S) = sqrt(sum d / (n (n - d))); limits S exp(±1.96 se), capped at 1', () => {
    const se3 = Math.sqrt(1 / 42 + 2 / 15);
    expect(km.stdErr[2]).toBeCloseTo(se3, 15);
    const z = 1.959963984540054;
    expect(km.lower[2]).toBeCloseTo((18 / 35) * Math.exp(-z * se3), 14);
    expect(km.upper[2]).toBeCloseTo(Math.min(1, (18 / 35) * Math.exp(z * se3)), 14);
    expect(km.upper[0]).toBe(1);
    expect(km.stdErr[3]).toBeCloseTo(Math.sqrt(1 / 42 + 2 / 15 + 1 / 2), 15);
  });

  it('numbers at risk count patients still followed at each time', () => {
    expect(numbersAtRisk(km, [0, 2, 3, 4, 5.5, 10])).toEqual([7, 6, 5, 2, 1, 0]);
  });

  it('survival is right-continuous; the median is the first time S <= 0.5', () => {
    expect(kmSurvivalAt(km, 0.5)).toBe(1);
    expect(kmSurvivalAt(km, 3)).toBeCloseTo(18 / 35, 15);
    expect(kmSurvivalAt(km, 4.9)).toBeCloseTo(18 / 35, 15);
    expect(kmMedian(km)).toBe(5);
    expect(kmMedian(kaplanMeier(survivalData([1, 2, 3], [1, 0, 0])))).toBeNull();
  });

  it('a curve that reaches 0 has zero limits, not NaN', () => {
    const all = kaplanMeier(survivalData([1, 2], [1, 1]));
    expect(all.survival[1]).toBe(0);
    expect(all.lower[1]).toBe(0);
    expect(all.upper[1]).toBe(0);
  });
});

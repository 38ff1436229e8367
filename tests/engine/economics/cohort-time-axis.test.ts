import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { cohortTimeAxis } from '../../../src/engine/economics/conventions';
import type { ModelIssue } from '../../../src/engine/errors';
import { threeStateModel } from '../model-fixtures';

describe('cohort time axis', () => {
  it('cycles from the horizon, value cycles from the counting method, start age or NaN', () => {
    const input = threeStateModel();
    input.settings = { ...input.settings, cycles: undefined, horizon: 10, cycleLength: 0.5, counting: 'trapezoidal', startAge: undefined };
    const issues: ModelIssue[] = [];
    const axis = cohortTimeAxis(parseModel(input).settings, issues);
    expect([axis.cycleLength, axis.cycles, axis.valueCycles, axis.counting.valueCycles]).toEqual([0.5, 20, 21, 21]);
    expect(axis.startAge).toBeNaN();
    expect(issues).toEqual([]);
  });

  it('an interval method counts the cycles themselves; the start age is kept', () => {
    const axis = cohortTimeAxis(parseModel(threeStateModel()).settings, []);
    expect([axis.cycles, axis.valueCycles, axis.startAge]).toEqual([10, 10, 50]);
  });
});

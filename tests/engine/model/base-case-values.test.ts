import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { emptyStrategyResult } from '../../../src/engine/compiled-model';
import { baseCaseValues, buildParameterSpace, buildStrategyProgram, compileModelDefinitions } from '../../../src/engine/model/parameter-program';
import { threeStateModel } from '../model-fixtures';

describe('base-case values shared by the compilers', () => {
  it('inputs as given, expression parameters at cycle 1 (age at the start)', () => {
    const input = threeStateModel();
    input.parameters!.push({ id: 'c_double', expression: '2 * c_care_H' }, { id: 'age_now', expression: 'age + cycle' });
    const model = parseModel(input);
    const space = buildParameterSpace(model, []);
    const defs = compileModelDefinitions(model, space, []);
    const values = baseCaseValues(model, buildStrategyProgram(defs, {}, [], [], new Set()), space.ids.length);
    const at = (id: string): number => values[space.index.get(id)!]!;
    expect([at('p_HS'), at('u_S'), at('c_double'), at('age_now')]).toEqual([0.15, 0.6, 400, 51]);
    expect(Array.from(compileModel(model).baseParameters())).toEqual(Array.from(values));
  });

  it('an empty strategy result is sized by states, categories and cycles', () => {
    const r = emptyStrategyResult('a', 'A', { states: 3, categories: 2, cycles: 4, valueCycles: 5 });
    expect([r.trace.length, r.costPerCycle.length, r.costByCategory.length, r.qalysPerCycle.length, r.lifeYearsPerCycleDiscounted.length]).toEqual([15, 10, 2, 5, 5]);
    expect(r.totals.cost + r.totals.effectUndiscounted).toBe(0);
  });
});

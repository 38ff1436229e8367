// validateModel keeps the compiled model and base case of a valid model object for the caller that runs it next.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import { checkedModelOf } from '../../src/engine/model/checked-models';
import { compileModel } from '../../src/engine/compile-model';
import { clone, loadExample, threeStateModel } from './model-fixtures';

describe('checkedModelOf', () => {
  it('gives the compiled model and base-case result of a valid model, the same as compiling it afresh', () => {
    const report = validateModel(loadExample('liquid-biopsy-nsclc.json'));
    expect(report.valid).toBe(true);
    const checked = checkedModelOf(report.model!);
    expect(checked).toBeDefined();
    const fresh = compileModel(report.model!);
    expect(checked!.compiled.strategyIds).toEqual(fresh.strategyIds);
    expect(checked!.baseResult).toEqual(fresh.evaluate(fresh.baseParameters()));
    // A PSA-style evaluation of the kept model leaves the kept base case as it was.
    const params = checked!.compiled.baseParameters();
    params.forEach((x, i) => (params[i] = x * 1.01));
    checked!.compiled.evaluate(params, checked!.compiled.createResult({ totalsOnly: true }));
    expect(checked!.baseResult).toEqual(fresh.evaluate(fresh.baseParameters()));
  });

  it('keeps nothing for an invalid model or for a copy of a valid one', () => {
    const bad = clone(threeStateModel());
    bad.model.transitions[4]!.probability = 'p_SDD';
    const invalid = validateModel(bad);
    expect(invalid.valid).toBe(false);
    expect(invalid.model && checkedModelOf(invalid.model)).toBeFalsy();
    const valid = validateModel(threeStateModel());
    expect(checkedModelOf(valid.model!)).toBeDefined();
    expect(checkedModelOf({ ...valid.model! })).toBeUndefined();
  });

  it('keeps nothing for a model changed in place after its check', () => {
    const valid = validateModel(threeStateModel());
    expect(checkedModelOf(valid.model!)).toBeDefined();
    valid.model!.parameters[0]!.value = 0.123456;
    expect(checkedModelOf(valid.model!)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { categoriesInUse, costValueOf } from '../../../src/engine/model/cost-categories';

describe('cost categories', () => {
  it('declared categories win, in their order', () => {
    expect(categoriesInUse([{ id: 'care' }, { id: 'drug' }], [{ drug: 1, other: 2 }])).toEqual(['care', 'drug']);
  });

  it('without declared ones: every category used, once, in order of first use', () => {
    expect(categoriesInUse([], [{ drug: 1 }, undefined, { care: 2, drug: 3 }, {}, { tests: 'c' }])).toEqual(['drug', 'care', 'tests']);
  });

  it('a cost entry is an expression or an expression with its own discount rate', () => {
    expect(costValueOf('c_drug * 2')).toEqual({ value: 'c_drug * 2' });
    expect(costValueOf(5)).toEqual({ value: 5 });
    expect(costValueOf({ value: 'x', discountRate: 0 })).toEqual({ value: 'x', discountRate: 0 });
  });
});

// Many thresholds: the split PSA table's columns in row groups of at most five, as even as can be, nothing lost.
import { describe, expect, it } from 'vitest';
import { PSA_COLUMNS, evenGroups } from '../../../src/renderer/scenarios/threshold-groups';

describe('evenGroups', () => {
  it('keeps up to five thresholds in one group', () => {
    expect(evenGroups([])).toEqual([]);
    expect(evenGroups([20000, 30000])).toEqual([[20000, 30000]]);
    expect(evenGroups([1, 2, 3, 4, 5])).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('splits more into even groups, in order, every threshold once', () => {
    const sizes = (n: number) => evenGroups(Array.from({ length: n }, (_, i) => i)).map((g) => g.length);
    expect(sizes(6)).toEqual([3, 3]);
    expect(sizes(7)).toEqual([4, 3]);
    expect(sizes(8)).toEqual([4, 4]);
    expect(sizes(10)).toEqual([5, 5]);
    expect(sizes(11)).toEqual([4, 4, 3]);
    for (let n = 1; n <= 23; n++) {
      const values = Array.from({ length: n }, (_, i) => i * 1000);
      const groups = evenGroups(values);
      expect(groups.flat()).toEqual(values);
      expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(PSA_COLUMNS);
      expect(groups).toHaveLength(Math.ceil(n / PSA_COLUMNS));
    }
  });
});

// The tree's roll-back visits, at each node, only the cost categories that can be non-zero there (its one-off
// costs, its sub-model's costed categories, its children's): the others are exact zeros whose additions change no
// bit. These are the lists it visits.
import { describe, expect, it } from 'vitest';
import { reachedCategories } from '../../../src/engine/tree/compile-tree';
import { KIND_CHANCE, KIND_DECISION, KIND_TERMINAL } from '../../../src/engine/tree/flatten-tree';
import type { TreeTape } from '../../../src/engine/tree/tree-tape';

const on = (set: Uint8Array): number[] => [...set.keys()].filter((c) => set[c] === 1);

/**
 * Pre-order: 0 chance → 1 terminal (sub-model 0), 2 chance (one-off cost in category 0) → 3 terminal (no
 * sub-model, one-off cost in category 2); 4 decision → 5 terminal (sub-model 1). Five categories.
 */
function tape(): TreeTape {
  return {
    n: 6,
    kind: Uint8Array.from([KIND_CHANCE, KIND_TERMINAL, KIND_CHANCE, KIND_TERMINAL, KIND_DECISION, KIND_TERMINAL]),
    parent: Int32Array.from([-1, 0, 0, 2, 0, 4]),
    childStart: Int32Array.from([0, 3, 3, 4, 4, 5, 5]),
    children: Int32Array.from([1, 2, 4, 3, 5]),
    submodel: Int32Array.from([-1, 0, -1, -1, -1, 1]),
    costStart: Int32Array.from([0, 0, 0, 2, 3, 3, 3]),
    costCategory: Int32Array.from([0, 0, 2]),
  } as unknown as TreeTape;
}

describe('reachedCategories', () => {
  const submodelCosted = [Uint8Array.from([0, 0, 0, 1, 1]), Uint8Array.from([0, 1, 0, 0, 0])];
  const { own, reached } = reachedCategories(tape(), 5, submodelCosted);

  it("lists a node's own one-off categories once each", () => {
    expect(own.map(on)).toEqual([[], [], [0], [2], [], []]);
  });

  it("gives a terminal its sub-model's costed categories, and a chance node the union of its own and its children's", () => {
    expect(on(reached[1]!)).toEqual([3, 4]);
    expect(on(reached[3]!)).toEqual([2]);
    expect(on(reached[2]!)).toEqual([0, 2]);
    expect(on(reached[5]!)).toEqual([1]);
  });

  it('gives a decision node (and so its ancestors) every category: it takes all of the branch it picks, NaN in all when none compares', () => {
    expect(on(reached[4]!)).toEqual([0, 1, 2, 3, 4]);
    expect(on(reached[0]!)).toEqual([0, 1, 2, 3, 4]);
  });
});

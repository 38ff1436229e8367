// A two-strategy model small enough to solve by hand. One cycle, counting at the end of the cycle, no
// discounting, effect = life-years. Survivors of the cycle: 1 - q with q = p (std) or p * rr (new); every survivor
// costs c_std (std) or c_new (new). So, per person:
//   E_std = 1 - p,        C_std = c_std (1 - p)
//   E_new = 1 - p rr,     C_new = c_new (1 - p rr)
//   iNMB(new vs std) = wtp p (1 - rr) - c_new (1 - p rr) + c_std (1 - p)
import type { HtaModelInput } from '../../../src/engine/model/schema';

export const BASE = { p: 0.2, rr: 0.5, c_std: 1000, c_new: 3000 };

export function incNmb(wtp: number, v: { p: number; rr: number; c_std: number; c_new: number }): number {
  return wtp * v.p * (1 - v.rr) - v.c_new * (1 - v.p * v.rr) + v.c_std * (1 - v.p);
}

export function handModel(): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Hand-checkable two-strategy model' },
    settings: { cycleLength: 1, cycles: 1, counting: 'end', effect: 'life-years', discount: { costs: 0, effects: 0 }, wtp: [20000] },
    costCategories: [{ id: 'care' }],
    parameters: [
      { id: 'p', value: BASE.p, kind: 'probability', uncertainty: { low: 0.1, high: 0.3 } },
      { id: 'rr', value: BASE.rr, kind: 'relative-risk', uncertainty: { low: 0.3, high: 0.8 } },
      { id: 'c_std', value: BASE.c_std, kind: 'cost', uncertainty: { low: 500, high: 1500 } },
      { id: 'c_new', value: BASE.c_new, kind: 'cost', uncertainty: { low: 2000, high: 6000 } },
      { id: 'trt', value: 1, kind: 'relative-risk' },
      { id: 'c_state', expression: 'c_std', kind: 'cost' },
    ],
    model: {
      type: 'markov',
      states: [{ id: 'Alive' }, { id: 'Dead', dead: true }],
      initial: { Alive: 1 },
      transitions: [
        { from: 'Alive', to: 'Alive', probability: 'C' },
        { from: 'Alive', to: 'Dead', probability: 'p * trt' },
        { from: 'Dead', to: 'Dead', probability: 1 },
      ],
      stateValues: { Alive: { costs: { care: 'c_state' }, utility: 1 } },
    },
    strategies: [
      { id: 'std', label: 'Standard care' },
      { id: 'new', label: 'New treatment', parameters: { trt: 'rr', c_state: 'c_new' } },
    ],
  };
}

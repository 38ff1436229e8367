// A model small enough to compute by hand under any discounting: one state nobody leaves, 10 yearly cycles counted
// at the beginning, so totals are per-cycle values times the sum of the discount factors.
export const CYCLES = 10;
/** Strategy "usual": cost 100, utility 0.5 per year; "test": cost `price` per year, utility 0.6. */
export function twoStrategyModel(price = 400): Record<string, unknown> {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Two strategies' },
    settings: { cycleLength: 1, cycles: CYCLES, counting: 'beginning', discount: { costs: 0.07, effects: 0.07 }, currency: 'EUR' },
    parameters: [
      { id: 'price', value: price, kind: 'cost' },
      { id: 'u_test', value: 0.6, kind: 'utility' },
    ],
    model: {
      type: 'markov',
      states: [{ id: 'Alive' }],
      initial: { Alive: 1 },
      transitions: [{ from: 'Alive', to: 'Alive', probability: 'C' }],
      stateValues: { Alive: { costs: { care: 100 }, utility: 0.5 } },
    },
    strategies: [
      { id: 'usual', label: 'Usual care' },
      { id: 'test', label: 'Test', stateValues: { Alive: { costs: { care: 'price' }, utility: 'u_test' } } },
    ],
  };
}

/** Σ 1/(1+r)^t over the cycles: the discounted total of 1 per cycle. */
export const sumFactors = (rate: number) => Array.from({ length: CYCLES }, (_, t) => 1 / (1 + rate) ** t).reduce((a, b) => a + b, 0);

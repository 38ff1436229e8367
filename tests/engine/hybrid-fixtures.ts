// Small sub-models shared by the hybrid-tree and budget-linking tests: a partitioned survival model with
// exponential curves (rates r_pfs, r_os) and a two-state Markov model (probability p_die).
export const hybridSettings = { cycleLength: 0.25, cycles: 40, counting: 'life-table', discount: { costs: 0.03, effects: 0.015 }, effect: 'qalys' } as const;

export const psmSub = {
  type: 'psm',
  curves: { pfs: { dist: 'exponential', rate: 'r_pfs' }, os: { dist: 'exponential', rate: 'r_os' } },
  pfs: 'pfs',
  os: 'os',
  stateValues: { PF: { costs: { drug: 5000 }, utility: 0.8 }, PD: { costs: { drug: 1000 }, utility: 0.6 } },
};

export const markovSub = {
  type: 'markov',
  states: [{ id: 'Alive' }, { id: 'Dead', dead: true }],
  initial: { Alive: 1 },
  transitions: [
    { from: 'Alive', to: 'Dead', probability: 'p_die' },
    { from: 'Alive', to: 'Alive', probability: 'C' },
  ],
  stateValues: { Alive: { costs: { drug: 800 }, utility: 0.7 }, Dead: { utility: 0 } },
};

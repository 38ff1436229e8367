// Engine speed on the HIV example and a synthetic time-dependent model, against a plain hand-written
// typed-array loop computing the same HIV model (the yardstick: what a careful programmer would write by hand).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileModel, parseModel } from '../src/engine/compile-model';
import type { CompiledModel } from '../src/engine/compiled-model';
import type { MarkovHtaModelInput as HtaModelInput } from '../src/engine/model/schema';
import { makeHandWrittenHiv } from './markov-bench-core';

export interface BenchLine {
  name: string;
  value: number;
  unit: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** CPU time of this process in seconds (user + system): unlike wall-clock time, it ignores time spent waiting
 * for a core while other processes run, which dominates on a busy 2-core machine. */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Evaluations per CPU-second: median over `rounds` timed rounds of `n` calls, after a warm-up. */
export function ratePerSecond(run: () => void, n: number, rounds = 7): number {
  for (let i = 0; i < n; i++) run();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuSeconds();
    for (let i = 0; i < n; i++) run();
    rates.push(n / (cpuSeconds() - t0));
  }
  return median(rates);
}

export function loadHivModel(): CompiledModel {
  const json = JSON.parse(readFileSync(resolve(__dirname, '..', 'resources', 'examples', 'hiv-chancellor-1997.json'), 'utf8')) as unknown;
  return compileModel(parseModel(json));
}

/** 10 states (9 alive in a progression chain + dead), age-dependent mortality table, 4 strategies. */
export function syntheticModel(): HtaModelInput {
  const states = [...Array.from({ length: 9 }, (_, i) => ({ id: `S${i}` })), { id: 'Dead', dead: true }];
  const transitions: HtaModelInput['model']['transitions'] = [];
  for (let i = 0; i < 9; i++) {
    transitions.push({ from: `S${i}`, to: `S${i}`, probability: 'C' });
    if (i < 8) transitions.push({ from: `S${i}`, to: `S${i + 1}`, probability: `rate_to_prob(r_prog_${i} * hr * (1 + 0.01 * cycle))` });
    if (i < 7) transitions.push({ from: `S${i}`, to: `S${i + 2}`, probability: `p_jump * hr` });
    transitions.push({ from: `S${i}`, to: 'Dead', probability: `min(1, mort(age) * (1 + 0.1 * ${i}))` });
  }
  const stateValues: NonNullable<HtaModelInput['model']['stateValues']> = {};
  for (let i = 0; i < 9; i++) stateValues[`S${i}`] = { costs: { care: `c_state_${i}`, drug: 'c_drug' }, utility: `u_${i}` };
  stateValues.Dead = { utility: 0 };
  const parameters: NonNullable<HtaModelInput['parameters']> = [
    ...Array.from({ length: 8 }, (_, i) => ({ id: `r_prog_${i}`, value: 0.05 + 0.01 * i, kind: 'rate' as const })),
    { id: 'p_jump', value: 0.01 },
    { id: 'hr', value: 1, kind: 'hazard-ratio' },
    { id: 'c_drug', value: 0, kind: 'cost' },
    ...Array.from({ length: 9 }, (_, i) => ({ id: `c_state_${i}`, value: 1000 * (i + 1), kind: 'cost' as const })),
    ...Array.from({ length: 9 }, (_, i) => ({ id: `u_${i}`, value: 0.9 - 0.07 * i, kind: 'utility' as const })),
  ];
  const mortRows = Array.from({ length: 71 }, (_, k) => [40 + k, Math.min(0.5, 0.002 * Math.exp(0.07 * k))]);
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Synthetic 10-state, 100-cycle, 4-strategy benchmark model' },
    settings: { cycleLength: 1, cycles: 100, startAge: 40, counting: 'life-table', discount: { costs: 0.03, effects: 0.03 }, effect: 'qalys' },
    parameters,
    tables: [{ id: 'mort', keys: [{ name: 'age', match: 'interpolate' }], rows: mortRows }],
    model: { type: 'markov', states, initial: { S0: 1 }, transitions, stateValues },
    strategies: [
      { id: 'soc' },
      { id: 'a', parameters: { hr: 0.9, c_drug: 500 } },
      { id: 'b', parameters: { hr: 0.8, c_drug: 1500 } },
      { id: 'c', parameters: { hr: 0.7, c_drug: 4000 } },
    ],
  };
}

export function runMarkovBench(): BenchLine[] {
  const hiv = loadHivModel();
  const params = hiv.baseParameters();
  const out = hiv.createResult();
  const engineRate = ratePerSecond(() => hiv.evaluate(params, out), 20000);
  const hand = makeHandWrittenHiv(hiv);
  const handOut = new Float64Array(4);
  hand(params, handOut);
  const engineRes = hiv.evaluate(params, out);
  const agree = Math.abs(handOut[0]! - engineRes.strategies[0]!.totals.cost) < 1e-8 && Math.abs(handOut[3]! - engineRes.strategies[1]!.totals.lifeYears) < 1e-10;
  if (!agree) throw new Error(`hand-written loop disagrees with the engine: ${handOut.join(', ')}`);
  const handRate = ratePerSecond(() => hand(params, handOut), 200000);
  const synth = compileModel(parseModel(syntheticModel()));
  const sp = synth.baseParameters();
  const so = synth.createResult();
  const synthRate = ratePerSecond(() => synth.evaluate(sp, so), 300);
  return [
    { name: 'HIV example (DMHEE, 2 strategies x 20 cycles, time-dependent): engine evaluations/s', value: engineRate, unit: '/s' },
    { name: 'HIV example: engine time per evaluation', value: 1e6 / engineRate, unit: 'µs' },
    { name: 'HIV example: hand-written typed-array loop evaluations/s', value: handRate, unit: '/s' },
    { name: 'HIV example: engine / hand-loop time ratio', value: handRate / engineRate, unit: 'x' },
    { name: 'Synthetic 10 states x 100 cycles x 4 strategies (time-dependent, table lookup): evaluations/s', value: synthRate, unit: '/s' },
    { name: 'Synthetic model: time per evaluation', value: 1e6 / synthRate, unit: 'µs' },
  ];
}

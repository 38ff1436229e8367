// Property: time to treatment never adds life. For random tree → cohort hybrids (diagnostic constructs with
// random test sequences, Markov and partitioned survival sub-models, every counting method, waiting utility and
// excess mortality or none) and random parameter draws, making any one test slower (everything else equal) never
// increases any strategy's life-years or QALYs, discounted or not. The class of models: utilities >= 0, one-off
// QALY losses smaller than what follows them, no decision nodes inside a strategy (those choose by net benefit,
// so a delay may switch them to a branch with more QALYs and more cost). Models and draws come from a seeded
// stream, so a failure names the case that reproduces it.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import { createStream } from '../../../src/engine/uncertainty/rng';
import type { UniformStream } from '../../../src/engine/uncertainty/rng';

const COUNTING = ['beginning', 'end', 'life-table', 'trapezoidal', 'half-cycle', 'simpson-1/3'] as const;
const OUTCOMES = ['truePositive', 'falsePositive', 'falseNegative', 'trueNegative', 'noResult'] as const;

function pick<T>(rng: UniformStream, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}
const between = (rng: UniformStream, lo: number, hi: number): number => lo + (hi - lo) * rng.next();

function psmSubmodel(rng: UniformStream): unknown {
  const osRate = between(rng, 0.1, 1.5);
  const os = rng.next() < 0.5 ? { dist: 'exponential', rate: osRate } : { dist: 'weibull', shape: between(rng, 0.6, 2), scale: 1 / osRate };
  return {
    type: 'psm',
    curves: { pfs: { dist: 'hazard-ratio', curve: 'os', hr: between(rng, 1, 3) }, os },
    pfs: 'pfs',
    os: 'os',
    stateValues: { PF: { costs: { drug: between(rng, 0, 8000) }, utility: between(rng, 0.3, 0.95) }, PD: { costs: { drug: between(rng, 0, 3000) }, utility: between(rng, 0.1, 0.7) } },
  };
}

function markovSubmodel(rng: UniformStream): unknown {
  return {
    type: 'markov',
    states: [{ id: 'Well' }, { id: 'Sick' }, { id: 'Dead', dead: true }],
    initial: { Well: 1 },
    transitions: [
      { from: 'Well', to: 'Sick', probability: between(rng, 0.01, 0.3) },
      { from: 'Well', to: 'Dead', probability: between(rng, 0.01, 0.2) },
      { from: 'Well', to: 'Well', probability: 'C' },
      { from: 'Sick', to: 'Dead', probability: between(rng, 0.05, 0.5) },
      { from: 'Sick', to: 'Sick', probability: 'C' },
    ],
    stateValues: { Well: { costs: { drug: between(rng, 0, 2000) }, utility: between(rng, 0.5, 1) }, Sick: { costs: { drug: between(rng, 0, 5000) }, utility: between(rng, 0, 0.6) }, Dead: { utility: 0 } },
  };
}

interface RandomModel {
  json: HtaModelInput;
  turnaroundIds: string[];
}

function randomModel(rng: UniformStream): RandomModel {
  const cycleLength = pick(rng, [1 / 12, 0.25, 1]);
  const counting = pick(rng, COUNTING);
  let cycles = Math.round(between(rng, 4, 40));
  if (counting === 'simpson-1/3' && cycles % 2 === 1) cycles += 1;
  const nSub = 1 + Math.floor(rng.next() * 3);
  const submodels: Record<string, unknown> = {};
  for (let k = 0; k < nSub; k++) submodels[`sub${k}`] = rng.next() < 0.6 ? psmSubmodel(rng) : markovSubmodel(rng);
  const subIds = Object.keys(submodels);
  const nTests = 2 + Math.floor(rng.next() * 2);
  const parameters: NonNullable<HtaModelInput['parameters']> = [];
  const tests = Array.from({ length: nTests }, (_, t) => {
    parameters.push({ id: `tat_${t}`, value: Math.round(between(rng, 0, 40)), kind: 'time' });
    return {
      id: `t${t}`,
      sensitivity: between(rng, 0.3, 1),
      specificity: between(rng, 0.7, 1),
      noResult: between(rng, 0, 0.4),
      ruleOut: rng.next() < 0.5,
      costs: { test: between(rng, 100, 2000) },
      turnaround: `tat_${t}`,
      ...(rng.next() < 0.5 ? { adverseEvents: [{ id: `ae${t}`, probability: between(rng, 0, 0.3), costs: { test: 500 }, qalys: -between(rng, 0, 0.01) }] } : {}),
    };
  });
  parameters.push({ id: 'prev', value: between(rng, 0, 1), kind: 'probability' });
  const outcomes = (): Record<string, unknown> => Object.fromEntries(OUTCOMES.map((o) => [o, { kind: 'terminal', submodel: pick(rng, subIds), ...(rng.next() < 0.3 ? { time: between(rng, 0, 20) } : {}) }]));
  const nStrategies = 1 + Math.floor(rng.next() * 3);
  const branches = Array.from({ length: nStrategies }, (_, s) => {
    const nSteps = 1 + Math.floor(rng.next() * 3);
    const steps = Array.from({ length: nSteps }, (_, k) => {
      const tests1 = [`t${Math.floor(rng.next() * nTests)}`];
      if (rng.next() < 0.3) tests1.push(`t${(Number(tests1[0]!.slice(1)) + 1) % nTests}`);
      return {
        tests: tests1,
        ...(k > 0 ? { when: rng.next() < 0.7 ? ['no-result'] : ['negative', 'no-result'] } : {}),
        ...(k > 0 && rng.next() < 0.5 ? { uptake: between(rng, 0.2, 1) } : {}),
      };
    });
    return { id: `S${s}`, kind: 'chance', ...(rng.next() < 0.3 ? { time: between(rng, 0, 10) } : {}), branches: [{ kind: 'diagnostic', probability: 1, prevalence: 'prev', steps, outcomes: outcomes() }] };
  });
  const waiting: Record<string, number> = {};
  if (rng.next() < 0.7) waiting.utility = between(rng, 0, 1);
  if (rng.next() < 0.5) waiting.mortalityRate = between(rng, 0, 3);
  const json = {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'random hybrid' },
    settings: { cycleLength, cycles, counting, discount: { costs: between(rng, 0, 0.05), effects: between(rng, 0, 0.05) }, effect: 'qalys' },
    costCategories: [{ id: 'test' }, { id: 'drug' }],
    parameters,
    model: { type: 'tree', timeUnit: 'day', tests, submodels, ...(Object.keys(waiting).length ? { waiting } : {}), root: { kind: 'decision', branches } },
    strategies: branches.map((b) => ({ id: b.id })),
  } as unknown as HtaModelInput;
  return { json, turnaroundIds: tests.map((_, t) => `tat_${t}`) };
}

const KEYS = ['lifeYears', 'lifeYearsUndiscounted', 'qalys', 'qalysUndiscounted'] as const;
/** Floating-point slack: the waiting years are taken out of a cycle and put back (a − c + c). */
const REL = 1e-12;

describe('property: a slower test never adds life-years or QALYs', () => {
  it('holds for 150 random hybrid models × 4 draws × every test × delays of 1, 10 and 100 days', () => {
    const rng = createStream(20261206, 0);
    let comparisons = 0;
    let strictlyLower = 0;
    for (let m = 0; m < 150; m++) {
      const { json, turnaroundIds } = randomModel(rng);
      const compiled = compileModel(parseModel(json));
      for (let d = 0; d < 4; d++) {
        const params = compiled.baseParameters();
        for (const id of turnaroundIds) params[compiled.parameterIndex.get(id)!] = Math.round(between(rng, 0, 40));
        params[compiled.parameterIndex.get('prev')!] = rng.next();
        const base = compiled.evaluate(params).strategies.map((s) => ({ ...s.totals }));
        for (const id of turnaroundIds) {
          for (const delay of [1, 10, 100]) {
            const slower = Float64Array.from(params);
            slower[compiled.parameterIndex.get(id)!]! += delay;
            compiled.evaluate(slower).strategies.forEach((s, k) => {
              for (const key of KEYS) {
                const before = base[k]![key];
                const after = s.totals[key];
                comparisons++;
                if (after < before - REL * Math.abs(before)) strictlyLower++;
                if (!(after <= before + REL * Math.abs(before))) {
                  throw new Error(`model ${m}, draw ${d}, ${id} + ${delay} days, strategy ${s.id}: ${key} rose from ${before} to ${after}\n${JSON.stringify(json)}`);
                }
              }
            });
          }
        }
      }
    }
    expect(comparisons).toBeGreaterThan(10000);
    // The property is not vacuous: delays often cost QALYs (waiting utility, excess mortality).
    expect(strictlyLower).toBeGreaterThan(comparisons / 10);
  });

  it('would fail under the old convention (waiting added to the sub-model), shown on a hand example', () => {
    // One path, 30 days' wait, exponential survival with mean 2 years: counting the wait on top of the sub-model
    // (the old convention) gave 2 + 30/365.25 life-years; from diagnosis it stays the sub-model's own.
    const json = {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'one path' },
      settings: { cycleLength: 1 / 12, cycles: 600, counting: 'life-table', discount: { costs: 0, effects: 0 }, effect: 'qalys' },
      parameters: [{ id: 'wait', value: 30, kind: 'time' }],
      model: {
        type: 'tree',
        submodels: { sub: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'D', probability: '1 - exp(-0.5 / 12)' }, { from: 'A', to: 'A', probability: 'C' }], stateValues: { A: { utility: 1 }, D: { utility: 0 } } } },
        waiting: { utility: 1 },
        root: { kind: 'decision', branches: [{ id: 'S', kind: 'terminal', time: 'wait', submodel: 'sub' }] },
      },
      strategies: [{ id: 'S' }],
    } as unknown as HtaModelInput;
    const compiled = compileModel(parseModel(json));
    const params = compiled.baseParameters();
    const withWait = compiled.evaluate(params).strategies[0]!.totals.lifeYears;
    params[compiled.parameterIndex.get('wait')!] = 0;
    const noWait = compiled.evaluate(params).strategies[0]!.totals.lifeYears;
    expect(noWait).toBeCloseTo(2 * (1 - Math.exp(-0.5 * 50)), 3);
    expect(withWait).toBeCloseTo(noWait, 12);
  });
});

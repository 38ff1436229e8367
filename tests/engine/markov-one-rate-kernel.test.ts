// compile-markov.ts runs the cycles of a plan with one discount rate per category and no one-off transition values
// through runCyclesOneRate, and every other plan through runCycles. A one-off value of 0 QALYs changes no result
// (it adds +0 to sums that are never -0) but sends the same model through runCycles: both must give the same doubles
// in every per-cycle array, for the base case and PSA draws of every bundled Markov example.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import type { StrategyResult } from '../../src/engine/compiled-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import type { HtaModelInput } from '../../src/engine/model/schema';
import { clone, loadExample } from './model-fixtures';

const examples = readdirSync(resolve(__dirname, '../../resources/examples')).filter((f) => f.endsWith('.json') && (loadExample(f) as { model?: { type?: string } }).model?.type === 'markov');

const ARRAYS = ['trace', 'costByCategory', 'costByCategoryUndiscounted', 'costPerCycle', 'costPerCycleDiscounted', 'qalysPerCycle', 'qalysPerCycleDiscounted', 'lifeYearsPerCycle', 'lifeYearsPerCycleDiscounted'] as const;

function expectSameDoubles(kernel: StrategyResult, general: StrategyResult, where: string): void {
  for (const [key, value] of Object.entries(kernel.totals)) expect(Object.is(value, general.totals[key as keyof typeof general.totals]), `${where} totals.${key} ${value} ${general.totals[key as keyof typeof general.totals]}`).toBe(true);
  for (const key of ARRAYS) {
    const a = Array.from(kernel[key]);
    const b = Array.from(general[key]);
    expect(a.length, `${where} ${key}`).toBe(b.length);
    expect(
      a.every((x, i) => Object.is(x, b[i])),
      `${where} ${key}`,
    ).toBe(true);
  }
}

describe('Markov cycles of one-rate plans (runCyclesOneRate) equal the general loop (runCycles)', () => {
  it('finds the bundled Markov examples', () => {
    expect(examples).toContain('hiv-chancellor-1997.json');
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('%s: base case and 64 PSA draws, every per-cycle array to the bit', (file) => {
    const json = loadExample(file) as HtaModelInput & { model: { states: { id: string }[]; transitionValues?: unknown[] } };
    const model = parseModel(json);
    const withOneOff = clone(json);
    const states = withOneOff.model.states;
    withOneOff.model.transitionValues = [...(withOneOff.model.transitionValues ?? []), { to: states[states.length > 1 ? 1 : 0]!.id, qalys: 0 }];
    // The PSA's compiled models (sampled expression parameters are inputs of both).
    const general = createPsaSetup(parseModel(withOneOff), 7).compiled;
    const setup = createPsaSetup(model, 7);
    const kernel = setup.compiled;
    expect(general.parameterIndex).toEqual(kernel.parameterIndex);
    const draws = setup.sampler.fill(0, 64);
    const p = setup.sampler.parameterCount;
    const params = Float64Array.from(setup.base);
    for (let d = -1; d < 64; d++) {
      if (d >= 0) for (let k = 0; k < p; k++) params[setup.slots[k]!] = draws[d * p + k]!;
      const a = kernel.evaluate(params);
      const b = general.evaluate(params);
      a.strategies.forEach((s, i) => expectSameDoubles(s, b.strategies[i]!, `${file} draw ${d} strategy ${s.id}`));
    }
  });
});

// Small helpers for engine tests: load an example, build a model from parts, run it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseModel, compileModel } from '../../src/engine/compile-model';
import type { MarkovHtaModelInput as HtaModelInput } from '../../src/engine/model/schema';
import type { ModelResult } from '../../src/engine/compiled-model';

export const EXAMPLES_DIR = resolve(__dirname, '..', '..', 'resources', 'examples');

export function loadExample(name: string): HtaModelInput {
  return JSON.parse(readFileSync(resolve(EXAMPLES_DIR, name), 'utf8')) as HtaModelInput;
}

/** Deep copy, so a test can change a loaded example freely. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function runJson(json: unknown): ModelResult {
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters());
}

export function totalsOf(result: ModelResult, id: string): ModelResult['strategies'][number] {
  const s = result.strategies.find((x) => x.id === id);
  if (!s) throw new Error(`no strategy ${id}`);
  return s;
}

/** A three-state model (Healthy, Sick, Dead) small enough to check by hand. */
export function threeStateModel(): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Three-state test model' },
    settings: { cycleLength: 1, cycles: 10, startAge: 50, discount: { costs: 0.035, effects: 0.035 }, counting: 'life-table', effect: 'qalys' },
    costCategories: [{ id: 'drug' }, { id: 'care' }],
    parameters: [
      { id: 'p_HS', value: 0.15, kind: 'probability', timeUnit: 'year' },
      { id: 'p_HD', value: 0.02, kind: 'probability', timeUnit: 'year' },
      { id: 'p_SD', value: 0.1, kind: 'probability', timeUnit: 'year' },
      { id: 'hr', value: 1, kind: 'hazard-ratio' },
      { id: 'c_drug', value: 1000, kind: 'cost' },
      { id: 'c_care_H', value: 200, kind: 'cost' },
      { id: 'c_care_S', value: 3000, kind: 'cost' },
      { id: 'u_H', value: 0.9, kind: 'utility' },
      { id: 'u_S', value: 0.6, kind: 'utility' },
    ],
    model: {
      type: 'markov',
      states: [{ id: 'Healthy' }, { id: 'Sick' }, { id: 'Dead', dead: true }],
      initial: { Healthy: 1 },
      transitions: [
        { from: 'Healthy', to: 'Healthy', probability: 'C' },
        { from: 'Healthy', to: 'Sick', probability: 'apply_hr(p_HS, hr)' },
        { from: 'Healthy', to: 'Dead', probability: 'p_HD' },
        { from: 'Sick', to: 'Sick', probability: 'C' },
        { from: 'Sick', to: 'Dead', probability: 'p_SD' },
        { from: 'Dead', to: 'Dead', probability: 1 },
      ],
      stateValues: {
        Healthy: { costs: { drug: 'c_drug', care: 'c_care_H' }, utility: 'u_H' },
        Sick: { costs: { drug: 'c_drug', care: 'c_care_S' }, utility: 'u_S' },
        Dead: { utility: 0 },
      },
    },
    strategies: [
      { id: 'soc', label: 'Standard of care', parameters: { c_drug: 0 } },
      { id: 'new', label: 'New drug', parameters: { hr: 0.6 } },
    ],
  };
}

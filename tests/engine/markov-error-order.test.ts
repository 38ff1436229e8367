// Time-varying rows are checked while the trace steps (issue 16), but a failing evaluation must still report
// what checking every entry first, then every row in order, reports: the first bad time-varying entry in the
// order of the rows (states), then of the transitions within a row, else the first row that does not sum to 1.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { ModelEvaluationError } from '../../src/engine/errors';
import type { EvaluationErrorDetails } from '../../src/engine/errors';

/** Three alive states and Dead; the listed transitions from A and B start to misbehave at cycle 3. */
function detailsOf(transitions: { from: string; to: string; probability: string }[]): EvaluationErrorDetails {
  const model = parseModel({
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'error order' },
    settings: { cycleLength: 1, cycles: 6 },
    parameters: [{ id: 'k', value: 0.3 }],
    model: {
      type: 'markov',
      states: [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'Dead', dead: true }],
      initial: { A: 1 },
      transitions,
      stateValues: {},
    },
    strategies: [{ id: 's' }],
  });
  const compiled = compileModel(model);
  try {
    compiled.evaluate(compiled.baseParameters());
  } catch (e) {
    if (e instanceof ModelEvaluationError) return e.details;
    throw e;
  }
  throw new Error('expected the evaluation to fail');
}

describe('errors of time-varying transitions are reported in the order of the checks', () => {
  it('a bad entry in a later row wins over a row sum problem in an earlier row', () => {
    const d = detailsOf([
      { from: 'A', to: 'A', probability: 'cycle >= 3 ? 0.8 : 0.5' },
      { from: 'A', to: 'Dead', probability: 'cycle >= 3 ? 0.6 : 0.5' },
      { from: 'B', to: 'B', probability: 'C' },
      { from: 'B', to: 'Dead', probability: 'cycle >= 3 ? 1 + k : k' },
      { from: 'C', to: 'C', probability: 'C' },
    ]);
    expect(d).toMatchObject({ code: 'not-a-probability', cycle: 3, fromState: 'B', toState: 'Dead' });
    expect(d.value).toBeCloseTo(1.3, 12);
  });

  it('of two bad entries, the one in the earlier state is reported (whatever order the transitions are listed in)', () => {
    const d = detailsOf([
      { from: 'C', to: 'Dead', probability: 'cycle >= 3 ? -k : k' },
      { from: 'C', to: 'C', probability: 'C' },
      { from: 'A', to: 'Dead', probability: 'cycle >= 3 ? 2 : 0.1' },
      { from: 'A', to: 'A', probability: 'C' },
    ]);
    expect(d).toMatchObject({ code: 'not-a-probability', cycle: 3, fromState: 'A', toState: 'Dead', value: 2 });
  });

  it('with every entry a probability, the first row in state order that does not sum to 1 is reported', () => {
    const d = detailsOf([
      { from: 'B', to: 'B', probability: 'cycle >= 3 ? 0.7 : 0.5' },
      { from: 'B', to: 'Dead', probability: 'cycle >= 3 ? 0.7 : 0.5' },
      { from: 'A', to: 'A', probability: 'cycle >= 4 ? 0.9 : 0.5' },
      { from: 'A', to: 'Dead', probability: 'cycle >= 4 ? 0.9 : 0.5' },
      { from: 'C', to: 'C', probability: 'C' },
    ]);
    expect(d).toMatchObject({ code: 'row-sum', cycle: 3, fromState: 'B' });
    expect(d.value).toBeCloseTo(1.4, 12);
  });

  it('a complement below 0 is a row problem of its row', () => {
    const d = detailsOf([
      { from: 'A', to: 'A', probability: 'C' },
      { from: 'A', to: 'B', probability: 'cycle >= 3 ? 0.6 : 0.1' },
      { from: 'A', to: 'Dead', probability: 'cycle >= 3 ? 0.6 : 0.1' },
      { from: 'B', to: 'B', probability: 'C' },
      { from: 'C', to: 'C', probability: 'C' },
    ]);
    expect(d).toMatchObject({ code: 'row-sum', cycle: 3, fromState: 'A' });
    expect(d.value).toBeCloseTo(1.2, 12);
  });
});

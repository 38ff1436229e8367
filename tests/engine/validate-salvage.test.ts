// When the schema refuses part of a file, the rest is still checked (issue 14 item 5): names, dependency cycles
// and, when only descriptive or unknown fields were refused, the per-cycle checks; all in one list by place.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import { formatIssue } from '../../src/engine/errors';
import { threeStateModel } from './model-fixtures';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const messages = (json: unknown) => validateModel(json).issues.map(formatIssue);

describe('schema problems and later problems in one pass', () => {
  it('adds names and dependency cycles to the schema problems', () => {
    const m = threeStateModel() as Loose;
    m.settings.colour = 'red';
    m.parameters[1].value = 'high';
    m.model.transitions[4].probability = 'p_SDD';
    m.parameters.push({ id: 'x', expression: 'y + 1' }, { id: 'y', expression: 'x * 2' });
    expect(messages(m)).toEqual([
      'settings: unknown field "colour"',
      'parameters[1].value: expected a number, got the text "high"',
      'parameters[9]: parameters depend on each other in a cycle: x → y → x',
      "model.transitions[4].probability: unknown name 'p_SDD' in \"p_SDD\" (did you mean p_SD?)",
    ]);
  });

  it('runs the per-cycle checks when only unknown or descriptive fields were refused, and reports the row once', () => {
    const m = threeStateModel() as Loose;
    m.settings.colour = 'red';
    m.parameters[0].unit = 5;
    m.model.transitions[3].probability = 0.5;
    expect(messages(m)).toEqual([
      'settings: unknown field "colour"',
      'parameters[0].unit: expected a text, got the number 5',
      'model.transitions[3]: transition probabilities from Sick sum to 0.6, not 1 (strategies soc, new, cycle 1); parameters: p_SD = 0.1; the row: model.transitions[3], model.transitions[4]',
    ]);
  });

  it('skips per-cycle checks when a value the model computes with was refused (no misleading consequences)', () => {
    const m = threeStateModel() as Loose;
    m.parameters[2].value = 'x'; // p_SD: the Sick row would no longer sum to 1 without it
    m.model.transitions[3].probability = 0.5;
    expect(messages(m)).toEqual(['parameters[2].value: expected a number, got the text "x"']);
  });

  it('reports only schema problems when the structure itself is refused', () => {
    const m = threeStateModel() as Loose;
    m.model.type = 'tree-ish';
    m.model.transitions[4].probability = 'p_SDD';
    expect(messages(m)).toEqual(['model.type: expected "markov" or "psm" or "tree", got the text "tree-ish"']);
  });
});

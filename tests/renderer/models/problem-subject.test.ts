import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemSubject } from '../../../src/renderer/models/problem-subject';

const hiv = JSON.parse(readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8')) as { parameters: { id: string }[] };
const tree = JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as unknown;

describe('problemSubject', () => {
  it('names the parameter, strategy or state a problem path points at', () => {
    expect(problemSubject(hiv, 'parameters[17].expression')).toBe(hiv.parameters[17]!.id);
    expect(hiv.parameters[17]!.id).toBe('p_CD');
    expect(problemSubject(hiv, 'strategies[1].parameters.treatment_rr')).toBe('comb');
    expect(problemSubject(hiv, 'model.states[2].id')).toBe('C');
  });

  it('takes the deepest item with an id (a branch of a strategy in a tree, a test)', () => {
    expect(problemSubject(tree, 'model.root.branches[0].branches[0].probability')).toBe('tissue_only_egfr');
    expect(problemSubject(tree, 'model.root.branches[0].label')).toBe('tissue_only');
    expect(problemSubject(tree, 'model.tests[0].sensitivity')).toBe('plasma_ngs');
  });

  it('gives null where nothing on the path has an id, and for paths that lead nowhere', () => {
    expect(problemSubject(hiv, 'model.transitions[8].probability')).toBeNull();
    expect(problemSubject(hiv, 'settings.cycles')).toBeNull();
    expect(problemSubject(hiv, 'parameters[999].value')).toBeNull();
    expect(problemSubject(hiv, '')).toBeNull();
    expect(problemSubject(null, 'parameters[0]')).toBeNull();
    expect(problemSubject(hiv, '__proto__.id')).toBeNull();
  });
});

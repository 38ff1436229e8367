// Structure edits change only what they name, keep the rest of the document as written, refuse impossible edits
// with a sentence, and give documents the validator accepts (checked by running the edited model).
import { describe, expect, it } from 'vitest';
import { runBaseCase } from '../../../src/engine/analysis/base-case';
import { DocumentEditError } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import {
  addBranch,
  addParameter,
  addState,
  addStrategy,
  moveNode,
  parseExpressionInput,
  removeNode,
  removeState,
  renameState,
  setCurve,
  setInitialShare,
  setPsmArm,
  setNodeField,
  setParameterDefinition,
  setSetting,
  setStateFields,
  setStateValue,
  setStrategyOverride,
  setTransition,
  stateReferences,
} from '../../../src/engine/model/structure-edits';
import { modelTemplate } from '../../../src/engine/model/templates';
import { validateModel } from '../../../src/engine/model/validate';

type Doc = ModelDocumentJson & { model: { states: { id: string }[]; transitions: { from: string; to: string; probability: unknown }[]; stateValues: Record<string, unknown>; initial: Record<string, unknown> }; strategies: Record<string, unknown>[]; settings: Record<string, unknown> };
const blank = () => modelTemplate('markov')!.create() as Doc;

describe('structure edits', () => {
  it('reads typed cells as numbers or expressions', () => {
    expect(parseExpressionInput(' 0.25 ')).toBe(0.25);
    expect(parseExpressionInput('1e-3')).toBe(0.001);
    expect(parseExpressionInput('p_AB * rr')).toBe('p_AB * rr');
    expect(parseExpressionInput('C')).toBe('C');
    expect(parseExpressionInput('  ')).toBeNull();
  });

  it('adds a state and its transitions in row order, and the model runs with the hand-computed result', () => {
    let d = addState(blank(), 'Sick', 'Sick');
    d = setTransition(d, 'Alive', 'Sick', 0.2);
    d = setTransition(d, 'Sick', 'Sick', 'C');
    d = setTransition(d, 'Sick', 'Dead', 0.5);
    d = setStateValue(d, 'Sick', null, 0.5);
    // Rows follow the order of the states (Sick was added after Dead).
    expect(d.model.transitions.map((t) => `${t.from}${t.to}`)).toEqual(['AliveAlive', 'AliveDead', 'AliveSick', 'DeadDead', 'SickSick', 'SickDead']);
    const report = validateModel(d);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const out = runBaseCase(report.model!);
    if (!out.ok) throw new Error('did not run');
    // Hand recursion: Alive → Alive 0.7, → Dead 0.1, → Sick 0.2; Sick → Sick 0.5, → Dead 0.5; life-table
    // counting (mean of the start and end of each cycle), 20 cycles, undiscounted life-years.
    let [alive, sick, ly] = [1, 0, 0];
    for (let t = 1; t <= 20; t++) {
      const [a2, s2] = [alive * 0.7, alive * 0.2 + sick * 0.5];
      ly += (alive + sick + a2 + s2) / 2;
      [alive, sick] = [a2, s2];
    }
    expect(out.strategies[0]!.lifeYearsUndiscounted).toBeCloseTo(ly, 10);
    expect(blank().model.transitions).toHaveLength(3); // the input was not changed
  });

  it('renames a state everywhere and lists the references of a state before removing it', () => {
    let d = setStrategyOverride(blank(), 'standard', 'p_death', 0.2);
    d = { ...d, strategies: [{ ...d.strategies[0]!, stateValues: { Alive: { utility: 0.7 } } }] } as Doc;
    d = renameState(d, 'Alive', 'Well');
    expect(d.model.states.map((s) => s.id)).toEqual(['Well', 'Dead']);
    expect(d.model.initial).toEqual({ Well: 1 });
    expect(d.model.transitions.map((t) => `${t.from}→${t.to}`)).toEqual(['Well→Well', 'Well→Dead', 'Dead→Dead']);
    expect(Object.keys(d.model.stateValues)).toEqual(['Well', 'Dead']);
    expect(Object.keys(d.strategies[0]!.stateValues as object)).toEqual(['Well']);
    expect(stateReferences(d, 'Well')).toEqual(['transition Well → Well', 'transition Well → Dead', 'its share of the cohort at the start', 'its costs and utility', 'values of strategy Standard care']);
    const removed = removeState(d, 'Dead');
    expect(removed.model.transitions.map((t) => `${t.from}→${t.to}`)).toEqual(['Well→Well']);
    expect(Object.keys(removed.model.stateValues)).toEqual(['Well']);
    expect(() => renameState(d, 'Well', 'Dead')).toThrow(DocumentEditError);
    expect(() => addState(d, '1bad')).toThrow(/must start with a letter/);
  });

  it('removes a transition when its cell is emptied, and sets start shares, tunnels and dead flags', () => {
    let d = setTransition(blank(), 'Alive', 'Dead', null);
    expect(d.model.transitions.map((t) => `${t.from}${t.to}`)).toEqual(['AliveAlive', 'DeadDead']);
    d = setInitialShare(d, 'Alive', null);
    expect(d.model.initial).toEqual({});
    d = setStateFields(d, 'Alive', { maxStateTime: 3, dead: false, label: '' });
    expect(d.model.states[0]).toEqual({ id: 'Alive', maxStateTime: 3 });
    expect(() => setStateFields(d, 'Alive', { maxStateTime: 1 })).toThrow(/at least 2/);
  });

  it('sets settings (cycles and horizon exclude each other), parameters and strategy overrides', () => {
    let d = setSetting(blank(), 'horizon', 15);
    expect(d.settings.horizon).toBe(15);
    expect(d.settings.cycles).toBeUndefined();
    d = setSetting(d, 'discount.effects', 0);
    expect(d.settings.discount).toEqual({ costs: 0.035, effects: 0 });
    d = addParameter(d, 'rr', 0.5, { kind: 'relative-risk' });
    d = addParameter(d, 'p_treated', 'p_death * rr');
    d = setParameterDefinition(d, 'p_treated', 0.04);
    expect((d.parameters as object[]).slice(-2)).toEqual([{ id: 'rr', value: 0.5, kind: 'relative-risk' }, { id: 'p_treated', value: 0.04 }]);
    d = addStrategy(d, 'treated', 'Treated');
    d = setStrategyOverride(d, 'treated', 'p_death', 'p_treated');
    expect(d.strategies[1]).toEqual({ id: 'treated', label: 'Treated', parameters: { p_death: 'p_treated' } });
    expect(() => setStrategyOverride(d, 'treated', 'nope', 1)).toThrow(/no parameter/);
    const out = runBaseCase(validateModel(d).model!);
    if (!out.ok) throw new Error('did not run');
    expect(out.strategies[1]!.lifeYears).toBeGreaterThan(out.strategies[0]!.lifeYears);
  });

  it('edits trees: adds, moves and removes branches, keeping the strategies in step with the root decision', () => {
    let d = modelTemplate('tree-hybrid')!.create() as Doc;
    d = addBranch(d, [], { kind: 'terminal', id: 'watch', label: 'Watchful waiting', submodel: 'standard' });
    expect(d.strategies.map((s) => s.id)).toEqual(['no_test', 'test_treat', 'watch']);
    d = moveNode(d, [2], -1);
    expect(d.strategies.map((s) => s.id)).toEqual(['no_test', 'watch', 'test_treat']);
    d = setNodeField(d, [2, 'noResult'], 'label', 'No result: standard care');
    expect(((d.model as unknown as { root: { branches: { outcomes?: { noResult: { label: string } } }[] } }).root.branches[2]!.outcomes!.noResult.label)).toBe('No result: standard care');
    expect(validateModel(d).valid).toBe(true);
    d = removeNode(d, [1]);
    expect(d.strategies.map((s) => s.id)).toEqual(['no_test', 'test_treat']);
    expect(() => removeNode(d, [1, 'truePositive'])).toThrow(/always there/);
  });

  it('edits partitioned survival curves and which curves each strategy uses', () => {
    let d = modelTemplate('psm')!.create() as Doc;
    d = setCurve(d, 'os_new', { dist: 'hazard-ratio', curve: 'os_soc', hr: 0.5 });
    d = setPsmArm(d, 'standard', { pfs: 'pfs_soc', os: 'os_new' });
    expect((d.model as unknown as { strategyCurves: unknown }).strategyCurves).toEqual({ new_treatment: { pfs: 'pfs_new', os: 'os_new' }, standard: { pfs: 'pfs_soc', os: 'os_new' } });
    const both = runBaseCase(validateModel(d).model!);
    if (!both.ok) throw new Error('did not run');
    // With the same OS curve, both strategies have the same life-years.
    expect(both.strategies[0]!.lifeYears).toBeCloseTo(both.strategies[1]!.lifeYears, 12);
    d = setPsmArm(d, 'standard', null);
    expect((d.model as unknown as { strategyCurves: unknown }).strategyCurves).toEqual({ new_treatment: { pfs: 'pfs_new', os: 'os_new' } });
    expect(() => setCurve(d, 'pfs_soc', null)).toThrow(/PFS curve/);
  });
});

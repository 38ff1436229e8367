// Structure edits change only what they name, keep the rest of the document as written, refuse impossible edits
// with a sentence, and give documents the validator accepts (checked by running the edited model).
import { describe, expect, it } from 'vitest';
import { runBaseCase } from '../../../src/engine/analysis/base-case';
import { DocumentEditError } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';
import {
  addBranch,
  addDiagnosticStep,
  addTest,
  moveDiagnosticStep,
  moveNodeTo,
  moveTargets,
  parseSurvivalTable,
  survivalTableText,
  removeDiagnosticStep,
  removeTest,
  setDiagnosticStep,
  setTestCost,
  setTestField,
  testReferences,
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
  setNodeKind,
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
    expect(stateReferences(d, 'Well')).toEqual([
      { kind: 'transition', at: { from: 'Well', to: 'Well' } },
      { kind: 'transition', at: { from: 'Well', to: 'Dead' } },
      { kind: 'start-share', at: {} },
      { kind: 'state-values', at: {} },
      { kind: 'strategy-values', at: { strategy: 'Standard care' } },
    ]);
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

  it('moves a subtree under another parent: probability kept under a chance node, dropped under a decision node', () => {
    let d = modelTemplate('tree-hybrid')!.create() as Doc;
    // no_test becomes a chance node with two branches; a decision node is added under test_treat's true positives.
    d = setNodeKind(d, [0], 'chance');
    d = addBranch(d, [0], { kind: 'terminal', id: 'a', probability: 0.4, submodel: 'standard' });
    d = addBranch(d, [0], { kind: 'chance', id: 'b', probability: 'C', branches: [{ kind: 'terminal', id: 'b1', probability: 1, submodel: 'targeted' }] });
    d = setNodeKind(d, [1, 'truePositive'], 'decision');
    expect(moveTargets(d, [0, 0])).toEqual([[0, 1], [1, 'truePositive']]);
    // Not into its own subtree, not to its own parent.
    expect(moveTargets(d, [0, 1])).toEqual([[1, 'truePositive']]);
    expect(() => moveNodeTo(d, [0, 1], [0, 1])).toThrow(/own subtree/);
    expect(() => moveNodeTo(d, [0], [1, 'truePositive'])).toThrow(/among the strategies/);
    const moved = moveNodeTo(d, [0, 0], [0, 1]);
    const root = (moved.model as unknown as { root: { branches: { branches: { id: string; probability?: unknown; branches?: { id: string; probability?: unknown }[] }[] }[] } }).root;
    expect(root.branches[0]!.branches.map((b) => b.id)).toEqual(['b']);
    expect(root.branches[0]!.branches[0]!.branches!.map((b) => [b.id, b.probability])).toEqual([['b1', 1], ['a', 0.4]]);
    // The moved subtree is the same (a copy, not a reference to the original document).
    expect(JSON.stringify(d)).toContain('"id":"a"');
    const underDecision = moveNodeTo(d, [0, 0], [1, 'truePositive']);
    const tp = (underDecision.model as unknown as { root: { branches: { outcomes: { truePositive: { branches: { id: string; probability?: unknown }[] } } }[] } }).root.branches[1]!.outcomes.truePositive;
    expect(tp.branches.map((b) => [b.id, b.probability])).toEqual([['a', undefined]]);
  });

  it('edits tests and the test sequence; the results follow the hand formulas of the sequence', () => {
    const counts = (d: Doc) => {
      const compiled = compileModel(parseModel(d));
      return (compiled.evaluate(compiled.baseParameters()).strategies[1] as TreeStrategyResult).tree.counts;
    };
    let d = modelTemplate('tree-hybrid')!.create() as Doc;
    d = setParameterDefinition(d, 'prevalence', 0.3);
    const value = (id: string) => (d.parameters as { id: string; value?: number }[]).find((q) => q.id === id)!.value!;
    const [prev, sens, spec, fail] = [0.3, value('sens'), value('spec'), value('fail')];
    // The template: test, re-test on no result.
    expect(counts(d).truePositive).toBeCloseTo(prev * sens * (1 - fail * fail), 12);
    expect(counts(d).test_test).toBeCloseTo(1 + fail, 12);
    // Without the re-test: one test.
    const once = removeDiagnosticStep(d, [1], 1);
    expect(counts(once).truePositive).toBeCloseTo(prev * sens * (1 - fail), 12);
    expect(counts(once).test_test).toBeCloseTo(1, 12);
    expect(() => removeDiagnosticStep(once, [1], 0)).toThrow(/at least one step/);
    // A second, confirmatory test on positives only, taken up by 80%.
    d = addTest(d, 'confirm', 'Confirmatory test');
    d = setTestField(d, 'confirm', 'sensitivity', 0.95);
    d = setTestField(d, 'confirm', 'specificity', 0.99);
    d = setTestCost(d, 'confirm', 'test', 200);
    d = addDiagnosticStep(d, [1]);
    d = setDiagnosticStep(d, [1], 2, { tests: ['confirm'], when: ['positive'], uptake: 0.8 });
    expect(validateModel(d).valid).toBe(true);
    const c = counts(d);
    const positives = prev * sens * (1 - fail * fail) + (1 - prev) * (1 - spec) * (1 - fail * fail);
    expect(c.test_confirm).toBeCloseTo(0.8 * positives, 12);
    // Steps reorder; a used test cannot be removed and says where it is used; an unused one can.
    const swapped = moveDiagnosticStep(d, [1], 2, -1);
    expect((swapped.model as unknown as { root: { branches: { steps: { tests: string[] }[] }[] } }).root.branches[1]!.steps.map((st) => st.tests[0])).toEqual(['test', 'confirm', 'test']);
    expect(testReferences(d, 'confirm')).toEqual(['model.root.branches[1].steps[2]']);
    expect(() => removeTest(d, 'confirm')).toThrow(/used at model\.root\.branches\[1\]\.steps\[2\]/);
    expect(() => setDiagnosticStep(d, [1], 2, { tests: ['nope'] })).toThrow(/no test “nope”/);
    expect(() => setTestField(d, 'confirm', 'sensitivity', null)).toThrow(/needs its sensitivity/);
    const without = removeTest(removeDiagnosticStep(d, [1], 2), 'confirm');
    expect((without.model as unknown as { tests: { id: string }[] }).tests.map((t) => t.id)).toEqual(['test']);
    // ruleOut true is the default and is not written.
    const ruled = setTestField(setTestField(d, 'confirm', 'ruleOut', false), 'confirm', 'ruleOut', true);
    expect((ruled.model as unknown as { tests: Record<string, unknown>[] }).tests[1]).not.toHaveProperty('ruleOut');
  });

  it('reads survival tables typed or pasted from a spreadsheet, and refuses bad rows with their line', () => {
    expect(parseSurvivalTable('time\tsurvival\n0\t1\n1,0.8\n2; 0.5\n\n4 0.5')).toEqual({ times: [0, 1, 2, 4], survival: [1, 0.8, 0.5, 0.5] });
    expect(parseSurvivalTable(survivalTableText([0, 1.5], [1, 0.25]))).toEqual({ times: [0, 1.5], survival: [1, 0.25] });
    expect(() => parseSurvivalTable('0 1\n2 0.9\n1 0.8')).toThrow(/line 3: times must increase/);
    expect(() => parseSurvivalTable('0 1\n1 1.2')).toThrow(/line 2: survival 1.2 is not between 0 and 1/);
    expect(() => parseSurvivalTable('0 0.5\n1 0.6')).toThrow(/line 2: survival rises/);
    expect(() => parseSurvivalTable('0 1\n1 x')).toThrow(/line 2: expected a time and a survival/);
    expect(() => parseSurvivalTable('')).toThrow(/no rows/);
    // A table written into a PSM runs: survival at the table times is the table's.
    let d = modelTemplate('psm')!.create() as Doc;
    d = setCurve(d, 'os_soc', { dist: 'table', ...parseSurvivalTable('0 1\n1 0.5\n2 0.25\n40 0'), interpolation: 'linear' });
    const out = runBaseCase(validateModel(d).model!);
    expect(out.ok).toBe(true);
  });
});

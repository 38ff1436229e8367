// validateModel reports every problem at once, each located by its path in the file.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import { formatPath } from '../../src/engine/errors';
import type { ModelIssue } from '../../src/engine/errors';
import { clone, loadExample, threeStateModel } from './model-fixtures';

function errorsOf(json: unknown): ModelIssue[] {
  return validateModel(json).issues.filter((i) => i.severity === 'error');
}

function find(issues: ModelIssue[], code: string): ModelIssue {
  const hit = issues.find((i) => i.code === code);
  if (!hit) throw new Error(`no ${code} issue in ${JSON.stringify(issues, null, 1)}`);
  return hit;
}

describe('validateModel', () => {
  it.each(['hiv-chancellor-1997.json', 'hiv-chancellor-heemod.json', 'total-hip-replacement.json', 'heemod-intro-two-state.json', 'heemod-time-varying-two-state.json', 'heemod-counting-methods.json'])(
    'accepts the example %s',
    (name) => {
      const report = validateModel(loadExample(name));
      expect(report.issues).toEqual([]);
      expect(report.valid).toBe(true);
    },
  );

  it('locates schema errors', () => {
    const m = threeStateModel() as unknown as Record<string, unknown>;
    (m.settings as Record<string, unknown>).counting = 'middle';
    (m.parameters as Record<string, unknown>[])[0]!.value = 'high';
    const issues = errorsOf(m);
    expect(issues.map((i) => formatPath(i.path))).toEqual(expect.arrayContaining(['settings.counting', 'parameters[0].value']));
  });

  it('names an unknown parameter with a suggestion and its location', () => {
    const m = threeStateModel();
    m.model.transitions[4]!.probability = 'p_SDD';
    const issue = find(errorsOf(m), 'unknown-name');
    expect(formatPath(issue.path)).toBe('model.transitions[4].probability');
    expect(issue.message).toContain("unknown name 'p_SDD'");
    expect(issue.message).toContain('did you mean p_SD?');
  });

  it('reports a dependency cycle with the names in it', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'x', expression: 'y + 1' }, { id: 'y', expression: 'z * 2' }, { id: 'z', expression: 'x / 3' });
    const issue = find(errorsOf(m), 'dependency-cycle');
    expect(issue.message).toMatch(/x → y → z → x/);
  });

  it('reports a probability parameter out of range, and the run-time check names transition and strategy', () => {
    const m = threeStateModel();
    m.parameters![2]!.value = 1.3; // p_SD, kind probability
    expect(find(errorsOf(m), 'not-a-probability').message).toBe('parameter p_SD = 1.3 is not a probability (must lie in [0, 1])');
    // Without a declared kind the base-case run catches it, naming the transition and the strategy.
    const untyped = threeStateModel();
    untyped.parameters!.push({ id: 'p_progress', value: 0.2 });
    untyped.model.transitions[4]!.probability = 'p_progress';
    untyped.strategies[1]!.parameters = { p_progress: 1.3 };
    const issue = find(errorsOf(untyped), 'not-a-probability');
    expect(issue.message).toContain('parameter p_progress = 1.3 is not a probability (transition Sick → Dead, strategy new, cycle 1)');
    expect(formatPath(issue.path)).toBe('model.transitions[4].probability');
  });

  it('reports rows that do not sum to 1 and two complements in a row', () => {
    const m = threeStateModel();
    m.model.transitions[3]!.probability = 0.5;
    // Reported once for the shared row, naming both strategies, located at the row's first entry and listing the row.
    const rowSums = errorsOf(m).filter((i) => i.code === 'row-sum');
    expect(rowSums).toHaveLength(1);
    expect(formatPath(rowSums[0]!.path)).toBe('model.transitions[3]');
    expect(rowSums[0]!.message).toBe('transition probabilities from Sick sum to 0.6, not 1 (strategies soc, new, cycle 1); parameters: p_SD = 0.1; the row: model.transitions[3], model.transitions[4]');
    const two = threeStateModel();
    two.model.transitions[2]!.probability = 'C';
    const issue = find(errorsOf(two), 'two-complements');
    expect(formatPath(issue.path)).toBe('model.transitions[2].probability');
  });

  it('catches a rate used as a probability and a probability of the wrong period', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'r_death', value: 0.1, kind: 'rate', timeUnit: 'year' });
    m.model.transitions[4]!.probability = 'r_death';
    expect(find(errorsOf(m), 'unit-mismatch').message).toContain('parameter r_death is a rate, used as the probability of transition Sick → Dead; convert it with rate_to_prob(r_death)');
    const monthly = threeStateModel();
    monthly.settings.cycleLength = 1 / 12;
    monthly.settings.cycles = 24;
    const issue = find(errorsOf(monthly), 'cycle-length-mismatch');
    expect(issue.message).toContain('is a probability per year but the cycle lasts');
    expect(formatPath(issue.path)).toBe('model.transitions[2].probability');
  });

  it('reports duplicates, missing values, unknown states and categories, and age without a start age — all at once', () => {
    const m = clone(threeStateModel());
    m.parameters!.push({ id: 'p_HS', value: 0.3 });
    m.parameters!.push({ id: 'nothing' });
    m.model.transitions.push({ from: 'Sick', to: 'Limbo', probability: 0 });
    m.model.stateValues!.Sick!.costs = { drugs: 'c_drug' };
    delete m.settings.startAge;
    m.model.stateValues!.Healthy!.costs = { care: 'c_care_H * (age > 60 ? 2 : 1)' };
    m.strategies.push({ id: 'soc' });
    const issues = errorsOf(m);
    const located = issues.map((i) => `${i.code} @ ${formatPath(i.path)}`);
    expect(located).toEqual(
      expect.arrayContaining([
        'duplicate-id @ parameters[9].id',
        'missing-value @ parameters[10]',
        'unknown-state @ model.transitions[6].to',
        'unknown-category @ model.stateValues.Sick.costs.drugs',
        'missing-value @ model.stateValues.Healthy.costs.care',
        'duplicate-id @ strategies[2].id',
      ]),
    );
  });

  it('requires a utility in every living state when the effect is QALYs', () => {
    const m = threeStateModel();
    delete m.model.stateValues!.Sick!.utility;
    expect(formatPath(find(errorsOf(m), 'missing-value').path)).toBe('model.states[1]');
  });

  it('rejects state_time outside tunnel states', () => {
    const m = threeStateModel();
    m.model.transitions[4]!.probability = '0.1 * state_time';
    expect(find(errorsOf(m), 'state-time-not-available').path).toEqual(['model', 'transitions', 4, 'probability']);
  });

  it('rejects parameter names that shadow the language', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'exp', value: 1 }, { id: 'cycle', value: 2 });
    expect(errorsOf(m).filter((i) => i.code === 'reserved-name')).toHaveLength(2);
  });

  it('reports a syntax error with its column', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'bad', expression: 'p_HS * (1 + ' });
    expect(find(errorsOf(m), 'syntax').message).toMatch(/at column \d+/);
  });
});

describe('every problem at once, in words, grouped by place (issue 14 item 5)', () => {
  const located = (issues: ModelIssue[]): string[] => issues.map((i) => `${formatPath(i.path)}: ${i.message}`);

  it('a unit error no longer hides the per-cycle check of another row', () => {
    const m = threeStateModel();
    m.parameters!.push({ id: 'r_event', value: 0.2, kind: 'rate', timeUnit: 'year' });
    m.model.transitions[2]!.probability = 'r_event';
    m.model.transitions[3]!.probability = 0.5;
    expect(located(errorsOf(m))).toEqual([
      'model.transitions[2].probability: parameter r_event is a rate, used as the probability of transition Healthy → Dead; convert it with rate_to_prob(r_event)',
      'model.transitions[3]: transition probabilities from Sick sum to 0.6, not 1 (strategies soc, new, cycle 1); parameters: p_SD = 0.1; the row: model.transitions[3], model.transitions[4]',
    ]);
  });

  it('schema problems are in words, all reported, in the order of the file', () => {
    const m = clone(loadExample('heemod-intro-two-state.json')) as unknown as Record<string, Record<string, unknown>> & { strategies: Record<string, unknown>[] };
    m.strategies[0]!.parameters = { p_AB: true };
    m.settings!.cycles = 0;
    m.settings!.cycleLength = 'x';
    m.settings!.colour = 'red';
    (m.model as Record<string, unknown>).type = 'tree-ish';
    expect(located(errorsOf(m))).toEqual([
      'settings: unknown field "colour"',
      'settings.cycleLength: expected a number, got the text "x"',
      'settings.cycles: must be at least 1',
      'model.type: expected "markov" or "psm" or "tree", got the text "tree-ish"',
      'strategies[0].parameters.p_AB: expected a number or a text, got a boolean',
    ]);
  });
});

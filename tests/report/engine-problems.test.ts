// Engine problems in the reader's language: the validator attaches a code and the values of each common mistake
// (probability out of range, rows not summing to 1, unknown name, syntax error, dependency cycle) while its English
// message stays the CLI's; describeProblem words a known code from the catalogue, keeps the engine's message in
// English and for a code or values it does not know.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import type { ModelIssue } from '../../src/engine/errors';
import { describeProblem } from '../../src/report/engine-problems';
import { translator } from '../../src/report/i18n/translate';
import { formatsFor } from '../../src/report/format';

const TWO_STATE = resolve(__dirname, '..', '..', 'resources', 'examples', 'heemod-intro-two-state.json');

interface ModelJson {
  parameters: Record<string, unknown>[];
  tables?: Record<string, unknown>[];
  settings: Record<string, unknown>;
  model: { transitions: Record<string, unknown>[]; initial: Record<string, unknown>; stateValues: Record<string, { costs: Record<string, unknown>; utility?: unknown }> };
}

function issuesOf(edit: (model: ModelJson) => void): ModelIssue[] {
  const model = JSON.parse(readFileSync(TWO_STATE, 'utf8')) as ModelJson;
  edit(model);
  return validateModel(model).issues;
}

const nl = translator('nl-BE');
const fr = translator('fr-BE');
const en = translator('en');
const formats = { en: formatsFor('en'), fr: formatsFor('fr-BE'), nl: formatsFor('nl-BE') };

describe('engine problems with codes and values', () => {
  it('names taken by the expression language or by a table: code, values, Dutch and French from the catalogue', () => {
    const issues = issuesOf((m) => {
      m.parameters.push({ id: 'exp', value: 1 }, { id: 'os_rate', value: 0.1 });
      const table = (id: string) => ({ id, keys: [{ name: 'age', match: 'bins' }], rows: [[0, 0.1]] });
      m.tables = [table('os_rate'), table('log')];
    }).filter((i) => i.code === 'reserved-name');
    expect(issues.map((i) => i.params)).toEqual([
      { id: 'exp', kind: 'parameter', clash: 'language' },
      { id: 'os_rate', kind: 'parameter', clash: 'table' },
      { id: 'log', kind: 'table', clash: 'language' },
    ]);
    expect(issues.map((i) => describeProblem(i, en, formats.en))).toEqual(issues.map((i) => i.message));
    expect(issues.map((i) => describeProblem(i, fr, formats.fr))).toEqual([
      '« exp » est un nom réservé du langage d’expressions ; renommez le paramètre',
      'le paramètre « os_rate » porte le même nom qu’une table',
      '« log » est un nom réservé du langage d’expressions ; renommez la table',
    ]);
    expect(describeProblem(issues[1]!, nl, formats.nl)).toBe('parameter ‘os_rate’ heeft dezelfde naam als een tabel');
    // Values it does not know: the engine's message.
    expect(describeProblem({ ...issues[1]!, params: { id: 'os_rate', kind: 'state', clash: 'table' } }, fr, formats.fr)).toBe(issues[1]!.message);
  });

  it('a probability out of range: code, values, the English message unchanged, Dutch and French from the catalogue', () => {
    const [issue] = issuesOf((m) => (m.parameters[0]!.value = 1.5));
    expect(issue!.code).toBe('not-a-probability');
    expect(issue!.message).toBe('parameter p_AB = 1.5 is not a probability (must lie in [0, 1])');
    expect(issue!.params).toEqual({ parameter: 'p_AB', value: 1.5, kind: 'probability' });
    expect(describeProblem(issue!, en, formats.en)).toBe(issue!.message);
    expect(describeProblem(issue!, nl, formats.nl)).toBe('parameter p_AB = 1,5 is geen kans (moet in [0, 1] liggen)');
    expect(describeProblem(issue!, fr, formats.fr)).toBe('le paramètre p_AB = 1,5 n’est pas une probabilité (doit être compris dans [0, 1])');
  });

  it('an unknown name and a syntax error', () => {
    const unknown = issuesOf((m) => (m.model.transitions[1]!.probability = 'p_XY')).find((i) => i.code === 'unknown-name')!;
    expect(unknown.params).toEqual({ name: 'p_XY', expression: '"p_XY"' });
    expect(describeProblem(unknown, nl, formats.nl)).toBe('onbekende naam ‘p_XY’ in ‘p_XY’');
    const syntax = issuesOf((m) => (m.model.transitions[1]!.probability = 'p_AB * ')).find((i) => i.code === 'syntax')!;
    expect(syntax.params?.expression).toBe('"p_AB * "');
    expect(describeProblem(syntax, fr, formats.fr)).toBe('expression illisible : « p_AB *  »');
    expect(syntax.message.startsWith('cannot read expression "p_AB * ": ')).toBe(true);
  });

  it('a dependency cycle', () => {
    const cycle = issuesOf((m) => {
      m.parameters.push({ id: 'a', expression: 'b + 1' }, { id: 'b', expression: 'a * 2' });
    }).find((i) => i.code === 'dependency-cycle')!;
    expect(cycle.params?.cycle).toMatch(/^(a → b → a|b → a → b)$/);
    expect(describeProblem(cycle, nl, formats.nl)).toBe(`parameters hangen in een kringloop van elkaar af: ${cycle.params!.cycle}`);
  });

  it('a row that does not sum to 1: the evaluation values (state, sum, strategy, cycle)', () => {
    const row = issuesOf((m) => {
      m.model.transitions[0]!.probability = 0.5;
    }).find((i) => i.code === 'row-sum')!;
    expect(row.params).toMatchObject({ from: 'A', strategy: 'base', cycle: 1 });
    expect(row.params!.value).toBeCloseTo(0.6, 12);
    expect(describeProblem(row, nl, formats.nl)).toBe(`de overgangskansen vanuit A tellen op tot ${String(row.params!.value).replace('.', ',')}, niet tot 1 (strategie base, cyclus 1)`);
    expect(describeProblem(row, en, formats.en)).toBe(row.message);
  });

  it('an evaluated probability out of range: its subject (a parameter, an expression) is worded in the language too', () => {
    const byParameter = issuesOf((m) => {
      m.parameters.push({ id: 'q_x', value: 1.5 });
      m.model.transitions[1]!.probability = 'q_x';
    }).find((i) => i.code === 'not-a-probability')!;
    expect(byParameter.message).toMatch(/^parameter q_x = 1\.5 is not a probability /u);
    expect(byParameter.params).toMatchObject({ subject: 'parameter q_x', subjectCode: 'parameter', subjectName: 'q_x' });
    expect(describeProblem(byParameter, en, formats.en)).toBe(byParameter.message);
    expect(describeProblem(byParameter, fr, formats.fr)).toMatch(/^paramètre q_x = 1,5 n’est pas une probabilité \(stratégie /u);
    expect(describeProblem(byParameter, nl, formats.nl)).toMatch(/^parameter q_x = 1,5 is geen kans \(strategie /u);
    const byExpression = issuesOf((m) => {
      m.parameters.push({ id: 'q_x', value: 0.75 });
      m.model.transitions[1]!.probability = 'q_x * 2';
    }).find((i) => i.code === 'not-a-probability')!;
    expect(byExpression.params).toMatchObject({ subjectCode: 'probability', subjectName: '"q_x * 2"' });
    expect(describeProblem(byExpression, fr, formats.fr)).toMatch(/^probabilité « q_x \* 2 » = 1,5 n’est pas une probabilité /u);
    expect(describeProblem(byExpression, nl, formats.nl)).toMatch(/^kans ‘q_x \* 2’ = 1,5 is geen kans /u);
  });

  it('falls back to the engine message for an unknown code, missing values or no code', () => {
    expect(describeProblem({ code: 'no-such-code', params: { value: 2 }, message: 'utility 2 is above 1' }, nl, formats.nl)).toBe('utility 2 is above 1');
    expect(describeProblem({ code: 'row-sum', params: { from: 'A' }, message: 'row A sums to 0.6' }, nl, formats.nl)).toBe('row A sums to 0.6');
    expect(describeProblem({ message: 'something else' }, fr, formats.fr)).toBe('something else');
  });
});

describe('problems users can make in the editors: English unchanged, French and Dutch worded with every value', () => {
  /** The issue of `code`, its English as the engine says it, and its French and Dutch words (each with `values`). */
  function worded(issues: ModelIssue[], code: string, values: string[]): { fr: string; nl: string } {
    const issue = issues.find((i) => i.code === code);
    if (!issue) throw new Error(`no ${code} in ${issues.map((i) => i.code).join(', ')}`);
    expect(describeProblem(issue, en, formats.en)).toBe(issue.message);
    const out = { fr: describeProblem(issue, fr, formats.fr), nl: describeProblem(issue, nl, formats.nl) };
    for (const text of [out.fr, out.nl]) {
      expect(text).not.toBe(issue.message);
      for (const v of values) expect(text).toContain(v);
    }
    return out;
  }

  it('an unknown function in an expression', () => {
    const w = worded(issuesOf((m) => (m.model.transitions[1]!.probability = 'foo(p_AB)')), 'unknown-function', ['foo', 'foo(p_AB)']);
    // The expression in the language's quotes (the engine gives it in JSON quotes).
    expect(w.fr).toBe('fonction ou table inconnue « foo » dans « foo(p_AB) »');
    expect(w.nl).toBe('onbekende functie of tabel ‘foo’ in ‘foo(p_AB)’');
  });

  it('state_time read outside a tunnel state', () => {
    const w = worded(issuesOf((m) => (m.model.stateValues.A!.costs.cost = 'state_time * 10')), 'state-time-not-available', ['state_time * 10']);
    expect(w.fr).toMatch(/^« state_time \* 10 » lit state_time/u);
    expect(w.nl).toMatch(/^‘state_time \* 10’ leest state_time, dat alleen bestaat in toestanden /u);
  });

  it('Simpson\'s rule with an odd number of cycles', () => {
    const w = worded(issuesOf((m) => Object.assign(m.settings, { counting: 'simpson-1/3', cycles: 9 })), 'simpson-odd-cycles', ['9']);
    expect(w.fr).toMatch(/^la règle 1\/3 de Simpson demande un nombre pair de cycles ; ce modèle en a 9 /u);
  });

  it('a negative rate (its kind in the language) and a negative cost, values with a decimal comma', () => {
    const issues = issuesOf((m) => m.parameters.push({ id: 'r_x', value: -0.5, kind: 'rate' }, { id: 'c_x', value: -12.5, kind: 'cost' }));
    const rate = worded(issues, 'negative', ['r_x', '-0,5']);
    expect(rate.fr).toBe('le paramètre r_x = -0,5 est de type « taux » et ne peut pas être négatif');
    const cost = worded(issues, 'negative-cost', ['c_x', '-12,5']);
    expect(cost.nl).toBe('parameter c_x = -12,5 is een negatieve kost');
  });

  it('an initial share that depends on time', () => {
    const w = worded(issuesOf((m) => (m.model.initial.A = '1 + 0 * cycle')), 'time-varying-initial', ['A']);
    expect(w.fr).toBe('la part initiale de A ne peut pas dépendre du cycle, de l’âge ou du temps');
  });

  it('two complements in a row of transitions', () => {
    const w = worded(issuesOf((m) => (m.model.transitions[2]!.probability = 'C')), 'two-complements', ['B']);
    expect(w.nl).toBe('meer dan één complement ‘C’ in de overgangen vanuit B');
  });

  it('a state without a utility when the effect is QALYs', () => {
    const w = worded(issuesOf((m) => delete m.model.stateValues.B!.utility), 'missing-value', ['B']);
    expect(w.fr).toBe('l’état B n’a pas d’utilité, alors que la mesure d’effet est le QALY');
  });

  it('neither cycles nor a horizon', () => {
    const none = issuesOf((m) => delete m.settings.cycles).find((i) => i.code === 'missing-value')!;
    expect(describeProblem(none, en, formats.en)).toBe(none.message);
    expect(describeProblem(none, nl, formats.nl)).toBe('geef het aantal cycli of de tijdshorizon in jaren');
  });

  it('in a tree: two complements among a chance node\'s branches, and a value that depends on time', () => {
    const tree = (branches: Record<string, unknown>[]) => ({
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'Tree' },
      settings: { cycleLength: 1, effect: 'qalys' },
      costCategories: [{ id: 'care' }],
      parameters: [{ id: 'p_a', value: 0.3, kind: 'probability' }],
      model: { type: 'tree', root: { kind: 'decision', branches: [{ id: 'A', kind: 'chance', branches }] } },
      strategies: [{ id: 'A' }],
    });
    const two = validateModel(tree([{ id: 'y', kind: 'terminal', probability: 'C', qalys: 1 }, { id: 'n', kind: 'terminal', probability: 'C', qalys: 2 }])).issues;
    expect(worded(two, 'two-complements', ['A']).fr).toBe('plus d’un complément « C » parmi les branches du nœud de chance « A »');
    const noProbability = validateModel(tree([{ id: 'y', kind: 'terminal', qalys: 1 }, { id: 'n', kind: 'terminal', probability: 'C', qalys: 2 }])).issues;
    expect(worded(noProbability, 'missing-value', ['A → y']).fr).toBe('la branche « A → y » d’un nœud de chance doit avoir une probabilité (ou « C » pour le complément)');
    const atDecision = tree([{ id: 'y', kind: 'terminal', probability: 'p_a', qalys: 1 }, { id: 'n', kind: 'terminal', probability: 'C', qalys: 2 }]);
    (atDecision.model.root.branches[0] as Record<string, unknown>).probability = 0.5;
    expect(worded(validateModel(atDecision).issues, 'probability-at-decision', ['A']).nl).toBe('tak ‘A’ van een beslisknoop heeft een kans; die wordt genegeerd (een beslisknoop kiest één tak)');
    const empty = validateModel(tree([])).issues;
    expect(worded(empty, 'no-branches', ['A']).nl).toBe('kansknoop ‘A’ heeft geen takken');
    const timed = validateModel(tree([{ id: 'y', kind: 'terminal', probability: 'p_a', qalys: '1 + 0 * cycle' }, { id: 'n', kind: 'terminal', probability: 'C', qalys: 2 }])).issues;
    expect(worded(timed, 'time-varying-tree', ['1 + 0 * cycle']).nl).toBe('waarden in een boom kunnen niet afhangen van cyclus, leeftijd of tijd (‘1 + 0 * cycle’)');
  });
});

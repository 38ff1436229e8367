// Renaming a parameter rewrites every reference to it (token by token, never by substring) and changes no result;
// the same walk lists where a parameter is used, for the removal dialog.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseCase } from '../../../src/engine/analysis/base-case';
import type { BaseCaseResult } from '../../../src/engine/analysis/base-case';
import { runBudgetImpact } from '../../../src/engine/budget/run-budget-impact';
import { parseModel } from '../../../src/engine/compile-model';
import { DocumentEditError } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { addParameter, parameterIdProblem, parameterUses, renameParameter } from '../../../src/engine/model/structure-edits';
import { modelTemplate } from '../../../src/engine/model/templates';
import { validateModel } from '../../../src/engine/model/validate';
import { renameValueName, valueNameTokens } from '../../../src/engine/expression/parser';
import { applyScenario } from '../../../src/engine/sensitivity/scenarios';

const examplesDir = join(__dirname, '../../../resources/examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, doc: JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as ModelDocumentJson }))
  .filter((e) => e.doc.format === 'hta-workbench-model');

type Json = Record<string, unknown>;
const ids = (doc: ModelDocumentJson) => (doc.parameters as Json[]).map((p) => String(p.id));

/** The numbers of a base case, with the renamed parameter's value under its old id. */
function numbers(result: BaseCaseResult, renamed?: { from: string; to: string }) {
  const values = { ...result.parameterValues };
  if (renamed) {
    values[renamed.from] = values[renamed.to]!;
    delete values[renamed.to];
  }
  return {
    strategies: result.strategies.map((s) => ({ id: s.id, cost: s.cost, qalys: s.qalys, lifeYears: s.lifeYears, effect: s.effect, costByCategory: s.costByCategory, trace: Array.from(s.trace) })),
    incremental: result.incremental,
    values,
  };
}

// Fields of free text or of ids of other things (states, strategies, curves, tests): a parameter's id may appear
// there as plain words, which a rename rightly leaves alone.
const NOT_EXPRESSIONS = new Set(['id', 'label', 'description', 'source', 'title', 'notes', 'references', 'authors', 'unit', 'name', 'group', 'currency', 'perspective', 'country', 'modelCount', 'dist', 'type', 'kind', 'timeUnit', 'interpolation', 'counting', 'effect', 'transitionValues', 'format', '$schema', 'from', 'to', 'curve', 'curves', 'submodel', 'pfs', 'os', 'when', 'tests', 'count']);
// Records keyed by parameter id (strategy and scenario overrides, scenario uncertainty, budget-impact scenario values).
const KEYED_BY_PARAMETER = new Set(['parameters', 'uncertainty', 'values']);

/** Every place in the document where `id` still appears as a name an expression or an override reads. */
function leftovers(doc: unknown, id: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, key: string) => {
    if (typeof v === 'string') {
      if (NOT_EXPRESSIONS.has(key)) return;
      let names: string[] = [];
      try {
        names = valueNameTokens(v).map((t) => t.name);
      } catch {
        names = [];
      }
      if (names.includes(id)) out.push(path);
    } else if (Array.isArray(v)) {
      // Lists of parameter ids (correlations, joint distributions) are under "parameters".
      v.forEach((x, i) => (key === 'parameters' && x === id ? out.push(`${path}[${i}]`) : walk(x, `${path}[${i}]`, key)));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (KEYED_BY_PARAMETER.has(key) && k === id) out.push(`${path}.${k}`);
        walk(x, `${path}.${k}`, k);
      }
    }
  };
  walk(doc, '', '');
  return out;
}

function freshId(doc: ModelDocumentJson, id: string): string {
  let next = `${id}_renamed`;
  while (parameterIdProblem(doc, next)) next += '_';
  return next;
}

describe('renaming a parameter', () => {
  it('rewrites names token by token: other names that contain it, functions and tables stay', () => {
    expect(renameValueName('p + p_x * exp(-p) + xp', 'p', 'q')).toBe('q + p_x * exp(-q) + xp');
    expect(renameValueName('mort(age) + mort', 'mort', 'm2')).toBe('mort(age) + m2');
    expect(renameValueName('2e + e2 + 1e5*e', 'e', 'k')).toBe('2k + e2 + 1e5*k');
    expect(renameValueName('p_x', 'p', 'q')).toBe('p_x');
  });

  for (const { file, doc } of examples) {
    it(`${file}: every parameter renamed keeps the model valid, its results the same and no old name behind`, () => {
      const before = baseCase(parseModel(doc));
      const bia = doc.budgetImpact ? runBudgetImpact(parseModel(doc)).report : null;
      expect(validateModel(doc).valid).toBe(true);
      const scenarioResults = new Map<string, ReturnType<typeof numbers>>();
      for (const id of ids(doc)) {
        const to = freshId(doc, id);
        const uses = parameterUses(doc, id);
        const renamed = renameParameter(doc, id, to);
        const report = validateModel(renamed);
        expect(report.issues.filter((i) => i.severity === 'error'), `${id} → ${to}`).toEqual([]);
        expect(ids(renamed)).toEqual(ids(doc).map((x) => (x === id ? to : x)));
        expect(leftovers(renamed, id), `${id} left in ${file}`).toEqual([]);
        // The uses move with the name: the same places, now naming the new id.
        const keyedByNew = new RegExp(`\\.${to}(?=$|[.[])`, 'g');
        expect(parameterUses(renamed, to).map((u) => u.path.replace(keyedByNew, `.${id}`))).toEqual(uses.map((u) => u.path));
        expect(parameterUses(renamed, id)).toEqual([]);
        const model = parseModel(renamed);
        expect(numbers(baseCase(model), { from: id, to }), `${id} → ${to}`).toEqual(numbers(before));
        // The budget impact analysis takes about a second: run it again where the rename touched it.
        if (bia && uses.some((u) => u.kind === 'budget-impact' || u.kind === 'budget-scenario')) expect(runBudgetImpact(model).report!.cumulative, `${id} → ${to}`).toEqual(bia.cumulative);
        for (const use of uses.filter((u) => u.kind === 'scenario')) {
          const scenario = (doc.scenarios as Json[]).find((s) => String(s.label ?? s.id) === use.at.scenario)!;
          const sid = String(scenario.id);
          scenarioResults.set(sid, scenarioResults.get(sid) ?? numbers(baseCase(applyScenario(parseModel(doc), sid))));
          expect(numbers(baseCase(applyScenario(model, sid)), { from: id, to })).toEqual(scenarioResults.get(sid));
        }
      }
    }, 120_000);
  }

  it('finds uses in every kind of place and renames them all (hand case)', () => {
    let d = modelTemplate('markov')!.create() as ModelDocumentJson;
    d = addParameter(d, 'p', 0.1);
    d = addParameter(d, 'p_x', 'p * 2');
    d = addParameter(d, 'cost_p', 100);
    const states = ((d.model as Json).states as Json[]).map((s) => String(s.id));
    const [a, b] = states as [string, string];
    d = {
      ...d,
      tables: [{ id: 'lookup', keys: [{ name: 'age', match: 'interpolate' }], rows: [[0, 1], [100, 2]] }],
      model: {
        ...(d.model as Json),
        transitions: [{ from: a, to: b, probability: 'p * lookup(age)' }, { from: a, to: a, probability: 'C' }, { from: b, to: b, probability: 1 }],
        stateValues: { [a]: { costs: { drug: { value: 'cost_p + p_x', discountRate: 0 } }, utility: '1 - p' } },
      },
      costCategories: [{ id: 'drug' }],
      strategies: [{ id: 'soc', label: 'Usual care' }, { id: 'new', label: 'New drug', parameters: { p: 'p / 2' } }],
      scenarios: [{ id: 'low', label: 'Lower price', parameters: { p: 0.05 }, uncertainty: { p: { low: 0.01, high: 0.2 } } }],
      correlations: [{ name: 'risks', parameters: ['p', 'cost_p'], matrix: [[1, 0.2], [0.2, 1]] }],
    };
    const uses = parameterUses(d, 'p');
    expect(uses.map((u) => [u.kind, u.at])).toEqual([
      ['parameter', { parameter: 'p_x' }],
      ['transition', { from: a, to: b }],
      ['state-utility', { state: a }],
      ['strategy-override', { strategy: 'New drug', parameter: 'p' }],
      ['scenario', { scenario: 'Lower price', parameter: 'p' }],
      ['correlation', { name: 'risks' }],
    ]);
    expect(parameterUses(d, 'cost_p').map((u) => u.path)).toEqual([`model.stateValues.${a}.costs.drug.value`, 'correlations[0].parameters[1]']);
    expect(parameterUses(d, 'lookup')).toEqual([]);

    const r = renameParameter(d, 'p', 'risk') as Json;
    expect((r.parameters as Json[]).slice(-3).map((p) => [p.id, p.expression ?? p.value])).toEqual([['risk', 0.1], ['p_x', 'risk * 2'], ['cost_p', 100]]);
    const m = r.model as Json;
    expect((m.transitions as Json[])[0]!.probability).toBe('risk * lookup(age)');
    expect((m.transitions as Json[])[1]!.probability).toBe('C');
    expect((m.stateValues as Record<string, Json>)[a]).toEqual({ costs: { drug: { value: 'cost_p + p_x', discountRate: 0 } }, utility: '1 - risk' });
    expect((r.strategies as Json[])[1]!.parameters).toEqual({ risk: 'risk / 2' });
    expect((r.scenarios as Json[])[0]).toMatchObject({ parameters: { risk: 0.05 }, uncertainty: { risk: { low: 0.01, high: 0.2 } } });
    expect((r.correlations as Json[])[0]!.parameters).toEqual(['risk', 'cost_p']);
    expect(validateModel(r).valid).toBe(validateModel(d).valid);
    // The input is untouched.
    expect(((d.model as Json).transitions as Json[])[0]!.probability).toBe('p * lookup(age)');
  });

  it('names a state by its label, as the screens show it (its id when it has none), in the model and in a strategy', () => {
    const hiv = examples.find((e) => e.file === 'hiv-chancellor-1997.json')!.doc;
    const transitions = parameterUses(hiv, 'treatment_rr').filter((u) => u.kind === 'transition');
    expect(transitions[0]!.at).toEqual({ from: 'CD4 200-500 cells/mm3', to: 'CD4 < 200 cells/mm3' });
    expect(transitions.some((u) => u.at.from === 'A' || u.at.to === 'B')).toBe(false);

    let d = modelTemplate('markov')!.create() as ModelDocumentJson;
    d = addParameter(d, 'p', 0.1);
    const [a, b] = ((d.model as Json).states as Json[]).map((s) => String(s.id)) as [string, string];
    const model = d.model as Json;
    d = {
      ...d,
      model: { ...model, states: ((model.states as Json[]).map((s) => (s.id === a ? { ...s, label: 'Well' } : { ...s, label: undefined }))), transitions: [{ from: a, to: b, probability: 'p' }], stateValues: { [a]: { utility: 'p' } }, initial: { [a]: '1 - p' } },
      strategies: [{ id: 'soc', transitions: [{ from: b, to: a, probability: 'p / 2' }] }],
    };
    expect(parameterUses(d, 'p').map((u) => [u.kind, u.at])).toEqual([
      ['initial', { state: 'Well' }],
      ['transition', { from: 'Well', to: b }],
      ['state-utility', { state: 'Well' }],
      ['transition', { strategy: 'soc', from: b, to: 'Well' }],
    ]);

  });

  it('the examples above rename uses of many kinds: trees, tests, sub-models, scenarios, budget impact', () => {
    const uses = examples.flatMap(({ doc }) => ids(doc).flatMap((id) => parameterUses(doc, id)));
    const kinds = new Set(uses.map((u) => u.kind));
    for (const kind of ['parameter', 'initial', 'transition', 'state-cost', 'state-utility', 'entry-value', 'strategy-override', 'curve', 'node', 'test', 'waiting', 'scenario', 'joint-distribution', 'budget-impact', 'budget-scenario'] as const) expect(kinds, kind).toContain(kind);
    expect(uses.some((u) => u.at.submodel !== undefined && u.path.startsWith('model.submodels.'))).toBe(true);
  });

  it('refuses an id that is invalid, reserved, taken, or a table or budget-impact value', () => {
    let d = modelTemplate('markov')!.create() as ModelDocumentJson;
    d = addParameter(addParameter(d, 'p', 0.1), 'q', 0.2);
    d = { ...d, tables: [{ id: 'mort', keys: [{ name: 'age', match: 'exact' }], rows: [[50, 0.01]] }], budgetImpact: { population: { inhabitants: { value: 1000 }, funnel: [{ id: 'incidence', value: 0.001 }] }, currentWorld: { shares: {} }, newWorld: { shares: {} } } };
    const refused = (to: string) => {
      try {
        renameParameter(d, 'p', to);
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(DocumentEditError);
        return (e as Error).message;
      }
    };
    expect(refused('2p')).toMatch(/must start with a letter/);
    expect(refused('p q')).toMatch(/must start with a letter/);
    expect(refused('exp')).toMatch(/reserved name/);
    expect(refused('cycle')).toMatch(/reserved name/);
    expect(refused('C')).toMatch(/reserved name/);
    expect(refused('q')).toMatch(/already a parameter “q”/);
    expect(refused('mort')).toMatch(/already a table “mort”/);
    expect(refused('inhabitants')).toMatch(/budget impact analysis already has a value “inhabitants”/);
    expect(refused('incidence')).toMatch(/budget impact analysis already has a value “incidence”/);
    expect(parameterIdProblem(d, 'exp')?.code).toBe('reserved');
    expect(() => renameParameter(d, 'nope', 'x')).toThrow(/no parameter “nope”/);
    expect(renameParameter(d, 'p', 'p')).toBe(d);
    // Adding a parameter refuses the same ids.
    expect(() => addParameter(d, 'log', 1)).toThrow(/reserved name/);
    expect(() => addParameter(d, 'mort', 1)).toThrow(/already a table/);
  });
});

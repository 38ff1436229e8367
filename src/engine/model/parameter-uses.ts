// Every place a model document names a parameter: the expressions (read through the expression parser's tokens, so
// `p` is neither `p_x` nor a function or table) and the places keyed or listed by parameter id (strategy and scenario
// overrides, correlations, joint distributions, budget-impact scenario values). One walk serves both the list of uses
// a removal shows and the rewrite a rename makes, so the two cannot disagree about where a parameter is used.
// Distribution numbers are constant expressions (no names) and counting weights read only cycle and n_cycles, so
// neither can name a parameter.
import { renameValueName, valueNameTokens } from '../expression/parser';
import { DEFAULT_IDS } from '../budget/prepare-budget-impact';
import type { ModelDocumentJson } from './document-edits';

type JsonRecord = Record<string, unknown>;
type Path = readonly (string | number)[];

export type ParameterUseKind =
  | 'parameter'
  | 'initial'
  | 'transition'
  | 'state-cost'
  | 'state-utility'
  | 'transition-value'
  | 'entry-value'
  | 'strategy-override'
  | 'curve'
  | 'background-mortality'
  | 'node'
  | 'test'
  | 'waiting'
  | 'scenario'
  | 'correlation'
  | 'joint-distribution'
  | 'budget-impact'
  | 'budget-scenario';

/** One use of a parameter: what kind of place, the names that say which one, and its path in the file. */
export interface ParameterUse {
  kind: ParameterUseKind;
  /** Names of the place as the screens show them: state, from, to (a state's label, else its id), category, parameter, curve, node, test, scenario, name, item; strategy and submodel when the place belongs to one. */
  at: Record<string, string>;
  /** Where in the file, written as validation writes paths (e.g. "model.transitions[2].probability"). */
  path: string;
}

type Where = Omit<ParameterUse, 'path'>;

/** A state id as the user sees the state: its label when it has one. */
type StateName = (id: string) => string;

/** The states of a Markov or partitioned-survival structure, named by label (an id no state has stays as it is). */
function stateNames(model: unknown): StateName {
  const states = isRecord(model) && Array.isArray(model.states) ? model.states : [];
  const labels = new Map<string, string>();
  for (const s of states) if (isRecord(s) && typeof s.id === 'string' && typeof s.label === 'string' && s.label.trim() !== '') labels.set(s.id, s.label);
  return (id) => labels.get(id) ?? id;
}

interface Rewrite {
  /** A string expression (numbers name nothing): its new text. */
  expression(source: string, where: Where, path: Path): string;
  /** A parameter id used as a key or a list entry: its new name. */
  id(name: string, where: Where, path: Path): string;
}

function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function pathText(path: Path): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out === '' ? k : `${out}.${k}`), '');
}

/** Maps the fields of a record that exist, keeping its key order and every other field. */
function withFields(obj: JsonRecord, change: (key: string, value: unknown) => unknown): JsonRecord {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, change(k, v)]));
}

class Walker {
  constructor(private readonly rewrite: Rewrite) {}

  expr(value: unknown, path: Path, where: Where): unknown {
    return typeof value === 'string' ? this.rewrite.expression(value, where, path) : value;
  }

  exprList(value: unknown, path: Path, where: Where): unknown {
    return Array.isArray(value) ? value.map((v, i) => this.expr(v, [...path, i], where)) : value;
  }

  /** A record whose keys are names of other things (states, categories) and whose values are expressions. */
  exprRecord(value: unknown, path: Path, where: (key: string) => Where): unknown {
    return isRecord(value) ? withFields(value, (k, v) => this.expr(v, [...path, k], where(k))) : value;
  }

  /** A record keyed by parameter id (overrides): keys renamed, values are expressions or `value` (e.g. uncertainty). */
  parameterRecord(value: unknown, path: Path, where: (key: string) => Where, valuesAreExpressions: boolean): unknown {
    if (!isRecord(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [this.rewrite.id(k, where(k), [...path, k]), valuesAreExpressions ? this.expr(v, [...path, k], where(k)) : v]),
    );
  }

  idList(value: unknown, path: Path, where: Where): unknown {
    return Array.isArray(value) ? value.map((v, i) => (typeof v === 'string' ? this.rewrite.id(v, where, [...path, i]) : v)) : value;
  }

  /** A cost: an expression, or { value, discountRate }. */
  costEntry(value: unknown, path: Path, where: Where): unknown {
    return isRecord(value) ? withFields(value, (k, v) => (k === 'value' ? this.expr(v, [...path, k], where) : v)) : this.expr(value, path, where);
  }

  costs(value: unknown, path: Path, where: (category: string) => Where): unknown {
    return isRecord(value) ? withFields(value, (k, v) => this.costEntry(v, [...path, k], where(k))) : value;
  }

  stateValues(value: unknown, path: Path, context: Record<string, string>, name: StateName): unknown {
    if (!isRecord(value)) return value;
    return withFields(value, (id, entry) => {
      if (!isRecord(entry)) return entry;
      const at = [...path, id];
      const state = name(id);
      return withFields(entry, (k, v) => {
        if (k === 'costs') return this.costs(v, [...at, k], (category) => ({ kind: 'state-cost', at: { ...context, state, category } }));
        if (k === 'utility') return this.expr(v, [...at, k], { kind: 'state-utility', at: { ...context, state } });
        return v;
      });
    });
  }

  transitions(value: unknown, path: Path, context: Record<string, string>, name: StateName): unknown {
    if (!Array.isArray(value)) return value;
    return value.map((t: unknown, i) => (isRecord(t) ? withFields(t, (k, v) => (k === 'probability' ? this.expr(v, [...path, i, k], { kind: 'transition', at: { ...context, from: name(String(t.from)), to: name(String(t.to)) } }) : v)) : t));
  }

  initial(value: unknown, path: Path, context: Record<string, string>, name: StateName): unknown {
    return this.exprRecord(value, path, (state) => ({ kind: 'initial', at: { ...context, state: name(state) } }));
  }

  /** A Markov or partitioned-survival structure: the model's own, or a sub-model of a tree (context names it). */
  cohortModel(m: JsonRecord, path: Path, context: Record<string, string>): JsonRecord {
    const name = stateNames(m);
    return withFields(m, (k, v) => {
      const at = [...path, k];
      switch (k) {
        case 'initial':
          return this.initial(v, at, context, name);
        case 'transitions':
          return this.transitions(v, at, context, name);
        case 'stateValues':
          return this.stateValues(v, at, context, name);
        case 'transitionValues':
          return Array.isArray(v)
            ? v.map((tv: unknown, i) => {
                if (!isRecord(tv)) return tv;
                const where: Where = tv.from === undefined ? { kind: 'entry-value', at: { ...context, to: name(String(tv.to)) } } : { kind: 'transition-value', at: { ...context, from: name(String(tv.from)), to: name(String(tv.to)) } };
                return withFields(tv, (f, x) => (f === 'costs' ? this.costs(x, [...at, i, f], () => where) : f === 'qalys' ? this.expr(x, [...at, i, f], where) : x));
              })
            : v;
        case 'curves':
          return isRecord(v) ? withFields(v, (curve, spec) => (isRecord(spec) ? this.curve(spec, [...at, curve], { ...context, curve }) : spec)) : v;
        case 'backgroundMortality':
          return this.expr(v, at, { kind: 'background-mortality', at: { ...context } });
        default:
          return v;
      }
    });
  }

  curve(spec: JsonRecord, path: Path, at: Record<string, string>): JsonRecord {
    const notExpressions = new Set(['dist', 'label', 'source', 'timeUnit', 'curve', 'curves', 'times', 'survival', 'interpolation']);
    return withFields(spec, (k, v) => {
      if (notExpressions.has(k)) return v;
      const where: Where = { kind: 'curve', at: { ...at, field: k } };
      return Array.isArray(v) ? this.exprList(v, [...path, k], where) : this.expr(v, [...path, k], where);
    });
  }

  tree(m: JsonRecord, path: Path): JsonRecord {
    return withFields(m, (k, v) => {
      const at = [...path, k];
      if (k === 'tests' && Array.isArray(v)) return v.map((test: unknown, i) => (isRecord(test) ? this.test(test, [...at, i]) : test));
      if (k === 'submodels' && isRecord(v)) return withFields(v, (name, sub) => (isRecord(sub) ? this.cohortModel(sub, [...at, name], { submodel: name }) : sub));
      if (k === 'waiting' && isRecord(v)) return withFields(v, (f, x) => this.expr(x, [...at, f], { kind: 'waiting', at: { field: f } }));
      if (k === 'root' && isRecord(v)) return this.node(v, at, 'root');
      return v;
    });
  }

  test(test: JsonRecord, path: Path): JsonRecord {
    const id = String(test.id);
    const where: Where = { kind: 'test', at: { test: id } };
    return withFields(test, (k, v) => {
      if (['sensitivity', 'specificity', 'noResult', 'qalys', 'turnaround'].includes(k)) return this.expr(v, [...path, k], where);
      if (k === 'costs') return this.costs(v, [...path, k], () => where);
      if (k === 'adverseEvents' && Array.isArray(v)) {
        return v.map((ae: unknown, i) => (isRecord(ae) ? withFields(ae, (f, x) => (f === 'costs' ? this.costs(x, [...path, k, i, f], () => where) : f === 'probability' || f === 'qalys' ? this.expr(x, [...path, k, i, f], where) : x)) : ae));
      }
      return v;
    });
  }

  overrides(value: unknown, path: Path, where: Where): unknown {
    if (!isRecord(value)) return value;
    return withFields(value, (test, fields) => (isRecord(fields) ? withFields(fields, (f, x) => this.expr(x, [...path, test, f], where)) : fields));
  }

  node(node: JsonRecord, path: Path, fallback: string): JsonRecord {
    const name = typeof node.label === 'string' ? node.label : typeof node.id === 'string' ? node.id : fallback;
    const where: Where = { kind: 'node', at: { node: name } };
    return withFields(node, (k, v) => {
      const at = [...path, k];
      switch (k) {
        case 'probability':
        case 'qalys':
        case 'time':
        case 'prevalence':
          return this.expr(v, at, where);
        case 'costs':
          return this.costs(v, at, () => where);
        case 'overrides':
          return this.overrides(v, at, where);
        case 'steps':
          return Array.isArray(v) ? v.map((step: unknown, i) => (isRecord(step) ? withFields(step, (f, x) => (f === 'uptake' ? this.expr(x, [...at, i, f], where) : f === 'overrides' ? this.overrides(x, [...at, i, f], where) : x)) : step)) : v;
        case 'branches':
          return Array.isArray(v) ? v.map((b: unknown, i) => (isRecord(b) ? this.node(b, [...at, i], `${fallback}.${i + 1}`) : b)) : v;
        case 'outcomes':
          return isRecord(v) ? withFields(v, (o, child) => (isRecord(child) ? this.node(child, [...at, o], o) : child)) : v;
        default:
          return v;
      }
    });
  }

  /** A strategy; its transitions and state values name the states of the model's own structure (`name`). */
  strategy(s: JsonRecord, path: Path, name: StateName): JsonRecord {
    const strategy = String(s.label ?? s.id);
    return withFields(s, (k, v) => {
      const at = [...path, k];
      switch (k) {
        case 'parameters':
          return this.parameterRecord(v, at, (parameter) => ({ kind: 'strategy-override', at: { strategy, parameter } }), true);
        case 'transitions':
          return this.transitions(v, at, { strategy }, name);
        case 'stateValues':
          return this.stateValues(v, at, { strategy }, name);
        case 'initial':
          return this.initial(v, at, { strategy }, name);
        default:
          return v;
      }
    });
  }

  scenario(s: JsonRecord, path: Path): JsonRecord {
    const scenario = String(s.label ?? s.id);
    return withFields(s, (k, v) => {
      if (k === 'parameters') return this.parameterRecord(v, [...path, k], (parameter) => ({ kind: 'scenario', at: { scenario, parameter } }), true);
      if (k === 'uncertainty') return this.parameterRecord(v, [...path, k], (parameter) => ({ kind: 'scenario', at: { scenario, parameter } }), false);
      return v;
    });
  }

  budgetImpact(bia: JsonRecord, path: Path): JsonRecord {
    const named = (value: unknown, at: Path, fallbackId: string): unknown => {
      if (!isRecord(value)) return value;
      const where: Where = { kind: 'budget-impact', at: { item: typeof value.id === 'string' ? value.id : fallbackId } };
      return withFields(value, (f, x) => (f === 'value' ? this.expr(x, [...at, f], where) : f === 'perYear' ? this.exprList(x, [...at, f], where) : x));
    };
    return withFields(bia, (k, v) => {
      const at = [...path, k];
      if (k === 'population' && isRecord(v)) {
        return withFields(v, (f, x) => {
          if (f === 'funnel') return Array.isArray(x) ? x.map((step: unknown, i) => named(step, [...at, f, i], `${i + 1}`)) : x;
          const defaultId = DEFAULT_IDS[f as keyof typeof DEFAULT_IDS];
          return defaultId ? named(x, [...at, f], defaultId) : x;
        });
      }
      if (k === 'parameters') return Array.isArray(v) ? v.map((p: unknown, i) => named(p, [...at, i], `${i + 1}`)) : v;
      if (k === 'strategies' && Array.isArray(v)) {
        return v.map((s: unknown, i) => {
          if (!isRecord(s)) return s;
          const where: Where = { kind: 'budget-impact', at: { item: String(s.label ?? s.id) } };
          return withFields(s, (f, x) => {
            if (f === 'costs' && isRecord(x)) return withFields(x, (category, series) => this.costSeries(series, [...at, i, f, category], where));
            if (f === 'outcomes') return this.exprRecord(x, [...at, i, f], () => where);
            return x;
          });
        });
      }
      if (k === 'scenarios' && Array.isArray(v)) {
        return v.map((sc: unknown, i) => (isRecord(sc) ? withFields(sc, (f, x) => (f === 'values' ? this.parameterRecord(x, [...at, i, f], () => ({ kind: 'budget-scenario', at: { scenario: String(sc.label ?? sc.id) } }), false) : x)) : sc));
      }
      return v;
    });
  }

  costSeries(series: unknown, path: Path, where: Where): unknown {
    if (Array.isArray(series)) return this.exprList(series, path, where);
    if (isRecord(series)) return withFields(series, (f, x) => (f === 'perYear' ? this.expr(x, [...path, f], where) : x));
    return this.expr(series, path, where);
  }

  document(doc: ModelDocumentJson): ModelDocumentJson {
    return withFields(doc, (k, v) => {
      switch (k) {
        case 'parameters':
          return Array.isArray(v) ? v.map((p: unknown, i) => (isRecord(p) ? withFields(p, (f, x) => (f === 'expression' ? this.expr(x, [k, i, f], { kind: 'parameter', at: { parameter: String(p.id) } }) : x)) : p)) : v;
        case 'model':
          if (!isRecord(v)) return v;
          return v.type === 'tree' ? this.tree(v, [k]) : this.cohortModel(v, [k], {});
        case 'strategies':
          return Array.isArray(v) ? v.map((s: unknown, i) => (isRecord(s) ? this.strategy(s, [k, i], stateNames(doc.model)) : s)) : v;
        case 'scenarios':
          return Array.isArray(v) ? v.map((s: unknown, i) => (isRecord(s) ? this.scenario(s, [k, i]) : s)) : v;
        case 'correlations':
        case 'jointDistributions':
          return Array.isArray(v)
            ? v.map((c: unknown, i) => (isRecord(c) ? withFields(c, (f, x) => (f === 'parameters' ? this.idList(x, [k, i, f], { kind: k === 'correlations' ? 'correlation' : 'joint-distribution', at: { name: typeof c.name === 'string' ? c.name : String(i + 1) } }) : x)) : c))
            : v;
        case 'budgetImpact':
          return isRecord(v) ? this.budgetImpact(v, [k]) : v;
        default:
          return v;
      }
    });
  }
}

/** Whether an expression reads `name` as a value (an expression the lexer cannot read names nothing). */
function reads(source: string, name: string): boolean {
  try {
    return valueNameTokens(source).some((t) => t.name === name);
  } catch {
    return false;
  }
}

/** Every place the document uses parameter `id` (its own definition excluded), in document order. */
export function parameterUses(doc: ModelDocumentJson, id: string): ParameterUse[] {
  const uses = new Map<string, ParameterUse>();
  // A place named twice (an override of the parameter that also reads it) is one use.
  const add = (where: Where, path: Path) => {
    const key = `${where.kind}:${JSON.stringify(where.at)}`;
    if (!uses.has(key)) uses.set(key, { ...where, path: pathText(path) });
  };
  new Walker({
    expression(source, where, path) {
      if (reads(source, id)) add(where, path);
      return source;
    },
    id(name, where, path) {
      if (name === id) add(where, path);
      return name;
    },
  }).document(doc);
  return [...uses.values()];
}

/** The document with every use of parameter `from` naming `to` instead (the definition's own id is the caller's). */
export function renameParameterUses<D extends ModelDocumentJson>(doc: D, from: string, to: string): D {
  return new Walker({
    expression: (source) => {
      try {
        return renameValueName(source, from, to);
      } catch {
        return source;
      }
    },
    id: (name) => (name === from ? to : name),
  }).document(doc) as D;
}

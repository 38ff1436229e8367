// Edits of a model's structure on the model document (the file's JSON as written): states, transitions, state
// values, cost categories, parameters, settings, strategies and their overrides, decision-tree nodes and
// partitioned-survival curves. Pure functions like document-edits.ts: each returns a new document and leaves the
// input untouched, keeps every other part of the document as it was, and throws a DocumentEditError with a clear
// sentence when the edit cannot be made (the model screen shows it). Whether the result is a valid model is
// validation's job (the screen shows its located problems at the cell), so a half-built model can be saved.
import { DocumentEditError } from './document-edits';
import { CURVE_PARAMETER_NAMES } from '../psm/survival';
import type { ModelDocumentJson } from './document-edits';
import { reservedNames } from './structure-checks';
import { DEFAULT_IDS } from '../budget/prepare-budget-impact';
import { renameParameterUses } from './parameter-uses';

export { parameterUses } from './parameter-uses';
export type { ParameterUse, ParameterUseKind } from './parameter-uses';

type JsonRecord = Record<string, unknown>;
type Expr = number | string;

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function record(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

function list(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? (value as JsonRecord[]) : [];
}

function checkIdentifier(id: string, what: string): void {
  if (!IDENTIFIER.test(id)) throw new DocumentEditError(`the ${what} id “${id}” must start with a letter and contain only letters, digits and _`);
}

/** A typed cell as a number when it is one ("0.25", "1e-3"), else the expression text; empty is null. */
export function parseExpressionInput(text: string): Expr | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) {
    const x = Number(t);
    if (Number.isFinite(x)) return x;
  }
  return t;
}

function structure(doc: ModelDocumentJson): JsonRecord {
  if (!isRecord(doc.model)) throw new DocumentEditError('the model has no structure (model)');
  return doc.model;
}

function withStructure<D extends ModelDocumentJson>(doc: D, change: (m: JsonRecord) => JsonRecord): D {
  return { ...doc, model: change({ ...structure(doc) }) } as D;
}

function markov(doc: ModelDocumentJson): JsonRecord {
  const m = structure(doc);
  if (m.type !== 'markov') throw new DocumentEditError('states and transitions are edited on Markov models');
  return m;
}

// ---------- states ----------

export function stateIds(doc: ModelDocumentJson): string[] {
  return list(markov(doc).states).map((s) => String(s.id));
}

export function addState<D extends ModelDocumentJson>(doc: D, id: string, label?: string): D {
  checkIdentifier(id, 'state');
  if (stateIds(doc).includes(id)) throw new DocumentEditError(`there is already a state “${id}”`);
  return withStructure(doc, (m) => ({ ...m, states: [...list(m.states), { id, ...(label ? { label } : {}) }] }));
}

/** Label, dead flag and tunnel length (maxStateTime; null removes it) of a state. */
export function setStateFields<D extends ModelDocumentJson>(doc: D, id: string, fields: { label?: string; dead?: boolean; maxStateTime?: number | null }): D {
  const states = list(markov(doc).states);
  const index = states.findIndex((s) => s.id === id);
  if (index < 0) throw new DocumentEditError(`the model has no state “${id}”`);
  const next: JsonRecord = { ...states[index]! };
  if (fields.label !== undefined) {
    if (fields.label.trim() === '') delete next.label;
    else next.label = fields.label;
  }
  if (fields.dead !== undefined) {
    if (fields.dead) next.dead = true;
    else delete next.dead;
  }
  if (fields.maxStateTime !== undefined) {
    if (fields.maxStateTime === null) delete next.maxStateTime;
    else if (!Number.isInteger(fields.maxStateTime) || fields.maxStateTime < 2) throw new DocumentEditError('a tunnel tracks at least 2 cycles in the state (a whole number)');
    else next.maxStateTime = fields.maxStateTime;
  }
  const copy = [...states];
  copy[index] = next;
  return withStructure(doc, (m) => ({ ...m, states: copy }));
}

const renameKey = (obj: unknown, from: string, to: string): JsonRecord | undefined => {
  if (!isRecord(obj)) return undefined;
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k === from ? to : k, v]));
};
const withoutKey = (obj: unknown, key: string): JsonRecord | undefined => {
  if (!isRecord(obj)) return undefined;
  const { [key]: _removed, ...rest } = obj;
  return rest;
};
const setIfDefined = (target: JsonRecord, key: string, value: unknown) => {
  if (value !== undefined) target[key] = value;
};

/** Renames a state everywhere it is referred to (initial shares, transitions, values, strategy overrides). */
export function renameState<D extends ModelDocumentJson>(doc: D, from: string, to: string): D {
  if (from === to) return doc;
  checkIdentifier(to, 'state');
  const ids = stateIds(doc);
  if (!ids.includes(from)) throw new DocumentEditError(`the model has no state “${from}”`);
  if (ids.includes(to)) throw new DocumentEditError(`there is already a state “${to}”`);
  const fix = (id: unknown) => (id === from ? to : id);
  const transitions = (ts: unknown) => (Array.isArray(ts) ? list(ts).map((t) => ({ ...t, from: fix(t.from), to: fix(t.to) })) : undefined);
  const next = withStructure(doc, (m) => {
    const out: JsonRecord = { ...m, states: list(m.states).map((s) => (s.id === from ? { ...s, id: to } : s)) };
    setIfDefined(out, 'initial', renameKey(m.initial, from, to));
    setIfDefined(out, 'transitions', transitions(m.transitions));
    setIfDefined(out, 'stateValues', renameKey(m.stateValues, from, to));
    setIfDefined(out, 'transitionValues', Array.isArray(m.transitionValues) ? list(m.transitionValues).map((t) => ({ ...t, ...(t.from !== undefined ? { from: fix(t.from) } : {}), to: fix(t.to) })) : undefined);
    return out;
  });
  return {
    ...next,
    strategies: list(next.strategies).map((s) => {
      const out: JsonRecord = { ...s };
      setIfDefined(out, 'transitions', transitions(s.transitions));
      setIfDefined(out, 'stateValues', renameKey(s.stateValues, from, to));
      setIfDefined(out, 'initial', renameKey(s.initial, from, to));
      return out;
    }),
  } as D;
}

export type StateReferenceKind = 'transition' | 'start-share' | 'state-values' | 'transition-value' | 'entry-value' | 'strategy-transitions' | 'strategy-values' | 'strategy-start-share';

/** One thing that refers to a state: what kind, and the names that say which (from, to, strategy; as in the file). */
export interface StateReference {
  kind: StateReferenceKind;
  at: Record<string, string>;
}

/** Where a state is referred to, so a removal can say (in the display language) what goes with it. */
export function stateReferences(doc: ModelDocumentJson, id: string): StateReference[] {
  const m = markov(doc);
  const out: StateReference[] = [];
  for (const t of list(m.transitions)) if (t.from === id || t.to === id) out.push({ kind: 'transition', at: { from: String(t.from), to: String(t.to) } });
  if (isRecord(m.initial) && Object.hasOwn(m.initial, id)) out.push({ kind: 'start-share', at: {} });
  if (isRecord(m.stateValues) && Object.hasOwn(m.stateValues, id)) out.push({ kind: 'state-values', at: {} });
  for (const t of list(m.transitionValues)) {
    if (t.from !== id && t.to !== id) continue;
    out.push(t.from === undefined ? { kind: 'entry-value', at: { to: String(t.to) } } : { kind: 'transition-value', at: { from: String(t.from), to: String(t.to) } });
  }
  for (const s of list(doc.strategies)) {
    const strategy = String(s.label ?? s.id);
    if (list(s.transitions).some((t) => t.from === id || t.to === id)) out.push({ kind: 'strategy-transitions', at: { strategy } });
    if (isRecord(s.stateValues) && Object.hasOwn(s.stateValues, id)) out.push({ kind: 'strategy-values', at: { strategy } });
    if (isRecord(s.initial) && Object.hasOwn(s.initial, id)) out.push({ kind: 'strategy-start-share', at: { strategy } });
  }
  return out;
}

/** Removes a state with everything that refers to it (stateReferences lists what). */
export function removeState<D extends ModelDocumentJson>(doc: D, id: string): D {
  if (!stateIds(doc).includes(id)) throw new DocumentEditError(`the model has no state “${id}”`);
  if (stateIds(doc).length === 1) throw new DocumentEditError('a Markov model needs at least one state');
  const keep = (t: JsonRecord) => t.from !== id && t.to !== id;
  const next = withStructure(doc, (m) => {
    const out: JsonRecord = { ...m, states: list(m.states).filter((s) => s.id !== id), transitions: list(m.transitions).filter(keep) };
    setIfDefined(out, 'initial', withoutKey(m.initial, id));
    setIfDefined(out, 'stateValues', withoutKey(m.stateValues, id));
    if (Array.isArray(m.transitionValues)) out.transitionValues = list(m.transitionValues).filter(keep);
    return out;
  });
  return {
    ...next,
    strategies: list(next.strategies).map((s) => {
      const out: JsonRecord = { ...s };
      if (Array.isArray(s.transitions)) out.transitions = list(s.transitions).filter(keep);
      setIfDefined(out, 'stateValues', withoutKey(s.stateValues, id));
      setIfDefined(out, 'initial', withoutKey(s.initial, id));
      return out;
    }),
  } as D;
}

/** Moves a state one place up (-1) or down (+1) in the list (the order of the matrix and the trace). */
export function moveState<D extends ModelDocumentJson>(doc: D, id: string, delta: -1 | 1): D {
  const states = list(markov(doc).states);
  const i = states.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= states.length) return doc;
  const copy = [...states];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return withStructure(doc, (m) => ({ ...m, states: copy }));
}

// ---------- transitions, start shares, state values ----------

/** Sets the probability of moving from → to (a number, an expression or "C"); null removes the transition. */
export function setTransition<D extends ModelDocumentJson>(doc: D, from: string, to: string, probability: Expr | null): D {
  const ids = stateIds(doc);
  for (const s of [from, to]) if (!ids.includes(s)) throw new DocumentEditError(`the model has no state “${s}”`);
  if (typeof probability === 'number' && !Number.isFinite(probability)) throw new DocumentEditError('a probability must be a finite number or an expression');
  return withStructure(doc, (m) => {
    const ts = list(m.transitions);
    const index = ts.findIndex((t) => t.from === from && t.to === to);
    if (probability === null) return index < 0 ? m : { ...m, transitions: ts.filter((_, i) => i !== index) };
    if (index >= 0) {
      const copy = [...ts];
      copy[index] = { ...ts[index]!, probability };
      return { ...m, transitions: copy };
    }
    // A new transition goes after the others of its row, or after the rows of earlier states (rows stay together).
    const order = new Map(ids.map((s, i) => [s, i]));
    const lastOfRow = ts.findLastIndex((t) => t.from === from);
    const at = lastOfRow >= 0 ? lastOfRow + 1 : ts.findLastIndex((t) => (order.get(String(t.from)) ?? -1) < order.get(from)!) + 1;
    return { ...m, transitions: [...ts.slice(0, at), { from, to, probability }, ...ts.slice(at)] };
  });
}

/** Sets a state's share of the cohort at the start; null removes it (0). */
export function setInitialShare<D extends ModelDocumentJson>(doc: D, state: string, share: Expr | null): D {
  if (!stateIds(doc).includes(state)) throw new DocumentEditError(`the model has no state “${state}”`);
  return withStructure(doc, (m) => {
    const initial = { ...record(m.initial) };
    if (share === null) delete initial[state];
    else initial[state] = share;
    return { ...m, initial };
  });
}

/** Sets a state's cost per cycle in a category, or its utility (category null); null removes the value. */
export function setStateValue<D extends ModelDocumentJson>(doc: D, state: string, category: string | null, value: Expr | null): D {
  const m = structure(doc);
  if (m.type !== 'markov' && m.type !== 'psm') throw new DocumentEditError('state values belong to Markov and partitioned survival models');
  if (m.type === 'markov' && !stateIds(doc).includes(state)) throw new DocumentEditError(`the model has no state “${state}”`);
  return withStructure(doc, (s) => {
    const values = { ...record(s.stateValues) };
    const entry: JsonRecord = { ...record(values[state]) };
    if (category === null) {
      if (value === null) delete entry.utility;
      else entry.utility = value;
    } else {
      const costs = { ...record(entry.costs) };
      if (value === null) delete costs[category];
      else costs[category] = value;
      if (Object.keys(costs).length === 0) delete entry.costs;
      else entry.costs = costs;
    }
    if (Object.keys(entry).length === 0) delete values[state];
    else values[state] = entry;
    return { ...s, stateValues: values };
  });
}

// ---------- cost categories ----------

export function addCostCategory<D extends ModelDocumentJson>(doc: D, id: string, label?: string): D {
  checkIdentifier(id, 'cost category');
  const categories = list(doc.costCategories);
  if (categories.some((c) => c.id === id)) throw new DocumentEditError(`there is already a cost category “${id}”`);
  return { ...doc, costCategories: [...categories, { id, ...(label ? { label } : {}) }] } as D;
}

export function removeCostCategory<D extends ModelDocumentJson>(doc: D, id: string): D {
  const categories = list(doc.costCategories);
  if (!categories.some((c) => c.id === id)) throw new DocumentEditError(`the model has no cost category “${id}”`);
  const m = structure(doc);
  const used = Object.entries(record(m.stateValues)).filter(([, v]) => Object.hasOwn(record(record(v).costs), id)).map(([k]) => k);
  if (used.length > 0) throw new DocumentEditError(`cost category “${id}” is used by ${used.join(', ')}; remove those costs first`);
  return { ...doc, costCategories: categories.filter((c) => c.id !== id) } as D;
}

// ---------- parameters ----------

/** Adds a parameter with a value (a number) or an expression. */
export function addParameter<D extends ModelDocumentJson>(doc: D, id: string, definition: Expr, fields: { kind?: string; label?: string } = {}): D {
  const problem = parameterIdProblem(doc, id);
  if (problem) throw new DocumentEditError(problem.message);
  const parameters = list(doc.parameters);
  if (typeof definition === 'number' && !Number.isFinite(definition)) throw new DocumentEditError(`the value of “${id}” must be a finite number`);
  const p: JsonRecord = { id, ...(fields.label ? { label: fields.label } : {}), ...(typeof definition === 'number' ? { value: definition } : { expression: definition }), ...(fields.kind ? { kind: fields.kind } : {}) };
  return { ...doc, parameters: [...parameters, p] } as D;
}

/** Replaces a parameter's definition: a number becomes its value, text its expression. */
export function setParameterDefinition<D extends ModelDocumentJson>(doc: D, id: string, definition: Expr): D {
  const parameters = list(doc.parameters);
  const index = parameters.findIndex((p) => p.id === id);
  if (index < 0) throw new DocumentEditError(`the model has no parameter “${id}”`);
  const { value: _v, expression: _e, ...rest } = parameters[index]!;
  const copy = [...parameters];
  copy[index] = typeof definition === 'number' ? { ...rest, value: definition } : { ...rest, expression: definition };
  // Keep the key order of the file: id, label, value/expression, then the rest.
  const { id: pid, label, ...others } = copy[index]!;
  copy[index] = { id: pid, ...(label !== undefined ? { label } : {}), ...others };
  return { ...doc, parameters: copy } as D;
}

export type ParameterIdProblemCode = 'invalid' | 'reserved' | 'taken' | 'table' | 'budget-value';

/** Why `id` cannot name a parameter of the document (null when it can): a code and value for screens, and a sentence. */
export function parameterIdProblem(doc: ModelDocumentJson, id: string): { code: ParameterIdProblemCode; id: string; message: string } | null {
  if (!IDENTIFIER.test(id)) return { code: 'invalid', id, message: `the parameter id “${id}” must start with a letter and contain only letters, digits and _` };
  if (reservedNames().has(id)) return { code: 'reserved', id, message: `“${id}” is a reserved name of the expression language (a model variable or function); choose another id` };
  if (list(doc.parameters).some((p) => p.id === id)) return { code: 'taken', id, message: `there is already a parameter “${id}”` };
  if (list(doc.tables).some((t) => t.id === id)) return { code: 'table', id, message: `there is already a table “${id}”` };
  if (budgetValueIds(doc).includes(id)) return { code: 'budget-value', id, message: `the budget impact analysis already has a value “${id}”` };
  return null;
}

/** Ids of the budget impact analysis's named values: they share the expression names with the parameters. */
function budgetValueIds(doc: ModelDocumentJson): string[] {
  const bia = record(doc.budgetImpact);
  const population = record(bia.population);
  const out: string[] = [];
  for (const [field, fallback] of Object.entries(DEFAULT_IDS)) {
    const value = population[field];
    if (isRecord(value)) out.push(typeof value.id === 'string' ? value.id : fallback);
  }
  for (const v of [...list(population.funnel), ...list(bia.parameters)]) if (typeof v.id === 'string') out.push(v.id);
  return out;
}

/**
 * Renames a parameter and every reference to it (parameterUses lists them): expressions are rewritten token by
 * token, so `p` leaves `p_x`, functions, tables and state ids alone. Refuses an id that is invalid, reserved or taken.
 */
export function renameParameter<D extends ModelDocumentJson>(doc: D, from: string, to: string): D {
  const parameters = list(doc.parameters);
  const index = parameters.findIndex((p) => p.id === from);
  if (index < 0) throw new DocumentEditError(`the model has no parameter “${from}”`);
  if (from === to) return doc;
  const problem = parameterIdProblem(doc, to);
  if (problem) throw new DocumentEditError(problem.message);
  const renamed = renameParameterUses(doc, from, to);
  return { ...renamed, parameters: list(renamed.parameters).map((p, i) => (i === index ? { ...p, id: to } : p)) } as D;
}

export function removeParameter<D extends ModelDocumentJson>(doc: D, id: string): D {
  const parameters = list(doc.parameters);
  if (!parameters.some((p) => p.id === id)) throw new DocumentEditError(`the model has no parameter “${id}”`);
  return { ...doc, parameters: parameters.filter((p) => p.id !== id) } as D;
}

// ---------- settings ----------

export type SettingKey = 'cycleLength' | 'cycles' | 'horizon' | 'startAge' | 'cohortSize' | 'discount.costs' | 'discount.effects' | 'discount.firstCycleDiscounted' | 'counting' | 'effect' | 'currency' | 'priceYear' | 'wtp';

/** Sets one setting; null removes it (the default applies). Values are checked by validation, shown at the field. */
export function setSetting<D extends ModelDocumentJson>(doc: D, key: SettingKey, value: number | string | boolean | number[] | null): D {
  const settings = { ...record(doc.settings) };
  if (key.startsWith('discount.')) {
    const field = key.slice('discount.'.length);
    const discount = { ...record(settings.discount) };
    if (value === null) delete discount[field];
    else discount[field] = value;
    settings.discount = discount;
  } else if (value === null) delete settings[key];
  else settings[key] = value;
  // cycles and horizon are alternatives: giving one removes the other.
  if (key === 'cycles' && value !== null) delete settings.horizon;
  if (key === 'horizon' && value !== null) delete settings.cycles;
  return { ...doc, settings } as D;
}

// ---------- strategies ----------

function strategyIndex(doc: ModelDocumentJson, id: string): number {
  const index = list(doc.strategies).findIndex((s) => s.id === id);
  if (index < 0) throw new DocumentEditError(`the model has no strategy “${id}”`);
  return index;
}

function withStrategy<D extends ModelDocumentJson>(doc: D, id: string, change: (s: JsonRecord) => JsonRecord): D {
  const index = strategyIndex(doc, id);
  const copy = [...list(doc.strategies)];
  copy[index] = change({ ...copy[index]! });
  return { ...doc, strategies: copy } as D;
}

export function addStrategy<D extends ModelDocumentJson>(doc: D, id: string, label?: string): D {
  checkIdentifier(id, 'strategy');
  const strategies = list(doc.strategies);
  if (strategies.some((s) => s.id === id)) throw new DocumentEditError(`there is already a strategy “${id}”`);
  if (structure(doc).type === 'tree') throw new DocumentEditError('the strategies of a decision tree are the branches of its root decision; add a branch there');
  return { ...doc, strategies: [...strategies, { id, ...(label ? { label } : {}) }] } as D;
}

export function removeStrategy<D extends ModelDocumentJson>(doc: D, id: string): D {
  strategyIndex(doc, id);
  if (list(doc.strategies).length === 1) throw new DocumentEditError('a model needs at least one strategy');
  return { ...doc, strategies: list(doc.strategies).filter((s) => s.id !== id) } as D;
}

export function setStrategyLabel<D extends ModelDocumentJson>(doc: D, id: string, label: string): D {
  return withStrategy(doc, id, (s) => {
    if (label.trim() === '') delete s.label;
    else s.label = label;
    return s;
  });
}

/** Sets (or with null removes) a strategy's override of a parameter. */
export function setStrategyOverride<D extends ModelDocumentJson>(doc: D, id: string, parameter: string, value: Expr | null): D {
  if (value !== null && !list(doc.parameters).some((p) => p.id === parameter)) throw new DocumentEditError(`the model has no parameter “${parameter}” to override`);
  return withStrategy(doc, id, (s) => {
    const parameters = { ...record(s.parameters) };
    if (value === null) delete parameters[parameter];
    else parameters[parameter] = value;
    if (Object.keys(parameters).length === 0) delete s.parameters;
    else s.parameters = parameters;
    return s;
  });
}

// ---------- decision trees ----------

/** A node's place in the tree: keys from the root, a branch index or a diagnostic outcome name. */
export type NodePath = readonly (number | string)[];

function childAt(node: JsonRecord, key: number | string): JsonRecord | undefined {
  if (typeof key === 'number') return list(node.branches)[key];
  return record(node.outcomes)[key] as JsonRecord | undefined;
}

function withNode(root: JsonRecord, path: NodePath, change: (node: JsonRecord) => JsonRecord): JsonRecord {
  if (path.length === 0) return change({ ...root });
  const [key, ...rest] = path;
  const child = childAt(root, key!);
  if (!child) throw new DocumentEditError(`the tree has no node at ${path.join('.')}`);
  const updated = withNode(child, rest, change);
  if (typeof key === 'number') {
    const branches = [...list(root.branches)];
    branches[key] = updated;
    return { ...root, branches };
  }
  return { ...root, outcomes: { ...record(root.outcomes), [key!]: updated } };
}

function withTree<D extends ModelDocumentJson>(doc: D, path: NodePath, change: (node: JsonRecord) => JsonRecord): D {
  const m = structure(doc);
  if (m.type !== 'tree') throw new DocumentEditError('nodes are edited on decision trees');
  const next = withStructure(doc, (s) => ({ ...s, root: withNode(record(s.root), path, change) }));
  // The root decision's branches are the strategies: keep the strategy list in step with them.
  const root = record(structure(next).root);
  if (root.kind !== 'decision') return next;
  const old = new Map(list(doc.strategies).map((s) => [s.id, s]));
  const strategies = list(root.branches).map((b, i) => {
    const id = typeof b.id === 'string' ? b.id : `strategy_${i + 1}`;
    return { ...(old.get(id) ?? { id }), id, ...(typeof b.label === 'string' ? { label: b.label } : {}) };
  });
  return strategies.length > 0 ? ({ ...next, strategies } as D) : next;
}

/** Fields of a tree node: label, probability, payoffs, time, sub-model (null removes a field). */
export function setNodeField<D extends ModelDocumentJson>(doc: D, path: NodePath, field: 'id' | 'label' | 'probability' | 'qalys' | 'time' | 'submodel' | 'prevalence', value: Expr | null): D {
  if (field === 'id' && value !== null) checkIdentifier(String(value), 'node');
  return withTree(doc, path, (node) => {
    if (value === null) delete node[field];
    else node[field] = value;
    return node;
  });
}

export function setNodeCost<D extends ModelDocumentJson>(doc: D, path: NodePath, category: string, value: Expr | null): D {
  return withTree(doc, path, (node) => {
    const costs = { ...record(node.costs) };
    if (value === null) delete costs[category];
    else costs[category] = value;
    if (Object.keys(costs).length === 0) delete node.costs;
    else node.costs = costs;
    return node;
  });
}

/** Adds a child branch (a terminal by default) to a chance or decision node. */
export function addBranch<D extends ModelDocumentJson>(doc: D, path: NodePath, child: JsonRecord = { kind: 'terminal' }): D {
  return withTree(doc, path, (node) => {
    if (node.kind !== 'chance' && node.kind !== 'decision') throw new DocumentEditError('branches are added to chance and decision nodes');
    return { ...node, branches: [...list(node.branches), child] };
  });
}

/** Changes a node's kind; a chance or decision node keeps its branches, a terminal loses them. */
export function setNodeKind<D extends ModelDocumentJson>(doc: D, path: NodePath, kind: 'chance' | 'decision' | 'terminal'): D {
  return withTree(doc, path, (node) => {
    const out: JsonRecord = { ...node, kind };
    if (kind === 'terminal') {
      delete out.branches;
      delete out.steps;
      delete out.outcomes;
      delete out.prevalence;
    } else {
      delete out.submodel;
      if (!Array.isArray(out.branches)) out.branches = [];
    }
    return out;
  });
}

/** Removes a branch (with its subtree). */
export function removeNode<D extends ModelDocumentJson>(doc: D, path: NodePath): D {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new DocumentEditError('only branches of chance and decision nodes can be removed (a diagnostic outcome is always there)');
  return withTree(doc, path.slice(0, -1), (parent) => ({ ...parent, branches: list(parent.branches).filter((_, i) => i !== index) }));
}

/** Moves a branch (with its subtree) one place up or down among its siblings. */
export function moveNode<D extends ModelDocumentJson>(doc: D, path: NodePath, delta: -1 | 1): D {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new DocumentEditError('diagnostic outcomes have a fixed order');
  return withTree(doc, path.slice(0, -1), (parent) => {
    const branches = [...list(parent.branches)];
    const j = index + delta;
    if (j < 0 || j >= branches.length) return parent;
    [branches[index], branches[j]] = [branches[j]!, branches[index]!];
    return { ...parent, branches };
  });
}

/** The eligible new parents of a branch: chance and decision nodes below the root, outside its own subtree. */
export function moveTargets(doc: ModelDocumentJson, path: NodePath): NodePath[] {
  const root = record(structure(doc).root);
  const out: NodePath[] = [];
  const inside = (p: NodePath) => p.length >= path.length && path.every((k, i) => p[i] === k);
  const walk = (node: JsonRecord, p: NodePath) => {
    if (p.length > 0 && (node.kind === 'chance' || node.kind === 'decision') && !inside(p) && !sameParent(p)) out.push(p);
    list(node.branches).forEach((b, i) => walk(b, [...p, i]));
    for (const [k, o] of Object.entries(record(node.outcomes))) if (isRecord(o)) walk(o, [...p, k]);
  };
  const sameParent = (p: NodePath) => p.length === path.length - 1 && p.every((k, i) => path[i] === k);
  walk(root, []);
  return out;
}

/**
 * Moves a branch with its subtree under another chance or decision node (appended as its last branch). A branch
 * moved under a decision node loses its probability; one moved under a chance node without one gets 0, so the
 * sum check then points at the new parent until the user sets it.
 */
export function moveNodeTo<D extends ModelDocumentJson>(doc: D, path: NodePath, parent: NodePath): D {
  const index = path[path.length - 1];
  if (typeof index !== 'number') throw new DocumentEditError('diagnostic outcomes stay with their construct');
  if (path.length < 2) throw new DocumentEditError('a strategy is moved among the strategies (↑ ↓), not under another node');
  if (parent.length === 0) throw new DocumentEditError('the root decision holds the strategies; add a strategy instead');
  if (parent.length >= path.length && path.every((k, i) => parent[i] === k)) throw new DocumentEditError('a branch cannot be moved into its own subtree');
  const root = record(structure(doc).root);
  let node: JsonRecord | undefined = root;
  for (const k of path) node = node ? childAt(node, k) : undefined;
  if (!node) throw new DocumentEditError(`the tree has no node at ${path.join('.')}`);
  const moved: JsonRecord = { ...node };
  // Insert first (appending leaves every existing path valid), then remove the original.
  const inserted = withTree(doc, parent, (target) => {
    if (target.kind === 'decision') delete moved.probability;
    else if (target.kind === 'chance') {
      if (moved.probability === undefined) moved.probability = 0;
    } else throw new DocumentEditError('branches go under chance and decision nodes');
    return { ...target, branches: [...list(target.branches), moved] };
  });
  return removeNode(inserted, path);
}

// ---------- diagnostic tests and test sequences ----------

function tests(doc: ModelDocumentJson): JsonRecord[] {
  const m = structure(doc);
  if (m.type !== 'tree') throw new DocumentEditError('tests belong to decision trees');
  return list(m.tests);
}

/** Where a test is used: the diagnostic constructs (by path) whose steps or overrides name it. */
export function testReferences(doc: ModelDocumentJson, id: string): string[] {
  const out: string[] = [];
  const walk = (node: JsonRecord, where: string) => {
    if (node.kind === 'diagnostic') {
      const steps = list(node.steps);
      steps.forEach((step, i) => {
        const names = Array.isArray(step.tests) ? (step.tests as unknown[]) : [];
        if (names.includes(id) || id in record(step.overrides)) out.push(`${where}.steps[${i}]`);
      });
      if (id in record(node.overrides)) out.push(`${where}.overrides`);
    }
    list(node.branches).forEach((b, i) => walk(b, `${where}.branches[${i}]`));
    for (const [k, o] of Object.entries(record(node.outcomes))) if (isRecord(o)) walk(o, `${where}.outcomes.${k}`);
  };
  walk(record(structure(doc).root), 'model.root');
  return out;
}

export function addTest<D extends ModelDocumentJson>(doc: D, id: string, label?: string): D {
  checkIdentifier(id, 'test');
  const current = tests(doc);
  if (current.some((t) => t.id === id)) throw new DocumentEditError(`there is already a test “${id}”`);
  const test: JsonRecord = { id, ...(label ? { label } : {}), sensitivity: 1, specificity: 1 };
  return withStructure(doc, (m) => ({ ...m, tests: [...current, test] }));
}

export type TestField = 'label' | 'sensitivity' | 'specificity' | 'noResult' | 'turnaround' | 'qalys' | 'ruleOut';

/** Sets (or with null removes) a field of a test; sensitivity and specificity are required, so they cannot be removed. */
export function setTestField<D extends ModelDocumentJson>(doc: D, id: string, field: TestField, value: Expr | boolean | null): D {
  const current = tests(doc);
  const index = current.findIndex((t) => t.id === id);
  if (index < 0) throw new DocumentEditError(`there is no test “${id}”`);
  if (value === null && (field === 'sensitivity' || field === 'specificity')) throw new DocumentEditError(`a test needs its ${field}`);
  const test = { ...current[index]! };
  if (value === null || (field === 'ruleOut' && value === true)) delete test[field];
  else test[field] = value;
  return withStructure(doc, (m) => ({ ...m, tests: current.map((t, i) => (i === index ? test : t)) }));
}

export function setTestCost<D extends ModelDocumentJson>(doc: D, id: string, category: string, value: Expr | null): D {
  const current = tests(doc);
  const index = current.findIndex((t) => t.id === id);
  if (index < 0) throw new DocumentEditError(`there is no test “${id}”`);
  const test = { ...current[index]! };
  const costs = { ...record(test.costs) };
  if (value === null) delete costs[category];
  else costs[category] = value;
  if (Object.keys(costs).length === 0) delete test.costs;
  else test.costs = costs;
  return withStructure(doc, (m) => ({ ...m, tests: current.map((t, i) => (i === index ? test : t)) }));
}

/** Removes a test no construct uses; otherwise says where it is used. */
export function removeTest<D extends ModelDocumentJson>(doc: D, id: string): D {
  const current = tests(doc);
  if (!current.some((t) => t.id === id)) throw new DocumentEditError(`there is no test “${id}”`);
  const used = testReferences(doc, id);
  if (used.length > 0) throw new DocumentEditError(`test “${id}” is used at ${used.join(', ')}; take it out of those steps first`);
  return withStructure(doc, (m) => ({ ...m, tests: current.filter((t) => t.id !== id) }));
}

export type TestResultStatus = 'positive' | 'negative' | 'no-result';

export interface DiagnosticStepFields {
  tests?: string[];
  /** null: the default (first step always, later steps on no result). */
  when?: TestResultStatus[] | null;
  /** null: everyone eligible (1). */
  uptake?: Expr | null;
  label?: string | null;
}

function withSteps<D extends ModelDocumentJson>(doc: D, path: NodePath, change: (steps: JsonRecord[]) => JsonRecord[]): D {
  return withTree(doc, path, (node) => {
    if (node.kind !== 'diagnostic') throw new DocumentEditError('test steps belong to diagnostic constructs');
    const steps = change(list(node.steps).map((s) => ({ ...s })));
    if (steps.length === 0) throw new DocumentEditError('a diagnostic construct needs at least one step');
    return { ...node, steps };
  });
}

/** Changes a step of a diagnostic construct's test sequence (which tests, when it runs, its uptake). */
export function setDiagnosticStep<D extends ModelDocumentJson>(doc: D, path: NodePath, index: number, fields: DiagnosticStepFields): D {
  const known = new Set(tests(doc).map((t) => String(t.id)));
  return withSteps(doc, path, (steps) => {
    const step = steps[index];
    if (!step) throw new DocumentEditError(`there is no step ${index + 1}`);
    if (fields.tests !== undefined) {
      if (fields.tests.length === 0) throw new DocumentEditError(`step ${index + 1} needs at least one test`);
      const unknown = fields.tests.filter((t) => !known.has(t));
      if (unknown.length > 0) throw new DocumentEditError(`there is no test ${unknown.map((t) => `“${t}”`).join(', ')}`);
      step.tests = [...fields.tests];
    }
    if (fields.when !== undefined) {
      if (fields.when === null) delete step.when;
      else if (fields.when.length === 0) throw new DocumentEditError(`step ${index + 1} must run on at least one result (or use the default)`);
      else step.when = (['positive', 'negative', 'no-result'] as const).filter((w) => fields.when!.includes(w));
    }
    if (fields.uptake !== undefined) {
      if (fields.uptake === null) delete step.uptake;
      else step.uptake = fields.uptake;
    }
    if (fields.label !== undefined) {
      if (fields.label === null || fields.label.trim() === '') delete step.label;
      else step.label = fields.label;
    }
    return steps;
  });
}

/** Appends a step (by default: the first test, on no result — the usual re-test). */
export function addDiagnosticStep<D extends ModelDocumentJson>(doc: D, path: NodePath, step?: { tests: string[]; when?: TestResultStatus[] }): D {
  const first = tests(doc)[0];
  if (!step && !first) throw new DocumentEditError('define a test first');
  const added: JsonRecord = step ? { ...step } : { tests: [String(first!.id)], when: ['no-result'] };
  return withSteps(doc, path, (steps) => [...steps, added]);
}

export function removeDiagnosticStep<D extends ModelDocumentJson>(doc: D, path: NodePath, index: number): D {
  return withSteps(doc, path, (steps) => {
    if (!steps[index]) throw new DocumentEditError(`there is no step ${index + 1}`);
    return steps.filter((_, i) => i !== index);
  });
}

export function moveDiagnosticStep<D extends ModelDocumentJson>(doc: D, path: NodePath, index: number, delta: -1 | 1): D {
  return withSteps(doc, path, (steps) => {
    const j = index + delta;
    if (!steps[index] || j < 0 || j >= steps.length) return steps;
    [steps[index], steps[j]] = [steps[j]!, steps[index]!];
    return steps;
  });
}

// ---------- partitioned survival ----------

/** Sets (or with null removes) a survival curve of a partitioned survival model. */
export function setCurve<D extends ModelDocumentJson>(doc: D, id: string, spec: JsonRecord | null): D {
  checkIdentifier(id, 'curve');
  const m = structure(doc);
  if (m.type !== 'psm') throw new DocumentEditError('curves belong to partitioned survival models');
  if (spec === null && (m.pfs === id || m.os === id)) throw new DocumentEditError(`curve “${id}” is the model's ${m.pfs === id ? 'PFS' : 'OS'} curve; choose another first`);
  return withStructure(doc, (s) => {
    const curves = { ...record(s.curves) };
    if (spec === null) delete curves[id];
    else curves[id] = spec;
    return { ...s, curves };
  });
}

/** Which curves give PFS and OS: the model's own (strategy undefined) or one strategy's (null removes its own choice). */
export function setPsmArm<D extends ModelDocumentJson>(doc: D, strategy: string | undefined, arm: { pfs: string; os: string } | null): D {
  const m = structure(doc);
  if (m.type !== 'psm') throw new DocumentEditError('PFS and OS curves belong to partitioned survival models');
  return withStructure(doc, (s) => {
    if (strategy === undefined) {
      if (!arm) throw new DocumentEditError('the model needs its PFS and OS curves');
      return { ...s, pfs: arm.pfs, os: arm.os };
    }
    const arms = { ...record(s.strategyCurves) };
    if (arm === null) delete arms[strategy];
    else arms[strategy] = { pfs: arm.pfs, os: arm.os };
    const out: JsonRecord = { ...s, strategyCurves: arms };
    if (Object.keys(arms).length === 0) delete out.strategyCurves;
    return out;
  });
}

/** The fields each curve distribution takes (besides label, source and timeUnit): the parametric curves' own, and a hazard ratio's. */
export const CURVE_FIELDS: Record<string, readonly string[]> = { ...CURVE_PARAMETER_NAMES, 'hazard-ratio': ['curve', 'hr'] };

/**
 * Reads a survival table typed or pasted as lines of "time survival" (tab, comma, semicolon or spaces between;
 * a header line is skipped). Refuses with the line: times must increase from ≥ 0, survival lie in [0, 1] and not rise.
 */
export function parseSurvivalTable(text: string): { times: number[]; survival: number[] } {
  const times: number[] = [];
  const survival: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const cells = line.split(/[\t,;]|\s+/).map((c) => c.trim()).filter((c) => c !== '');
    const numbers = cells.map(Number);
    if (times.length === 0 && numbers.some((x) => !Number.isFinite(x))) return; // a header
    const where = `line ${i + 1}`;
    if (cells.length !== 2 || numbers.some((x) => !Number.isFinite(x))) throw new DocumentEditError(`${where}: expected a time and a survival, got “${line}”`);
    const [t, s] = numbers as [number, number];
    if (t < 0) throw new DocumentEditError(`${where}: time ${t} is negative`);
    if (times.length > 0 && t <= times[times.length - 1]!) throw new DocumentEditError(`${where}: times must increase (${t} after ${times[times.length - 1]})`);
    if (s < 0 || s > 1) throw new DocumentEditError(`${where}: survival ${s} is not between 0 and 1`);
    if (survival.length > 0 && s > survival[survival.length - 1]!) throw new DocumentEditError(`${where}: survival rises from ${survival[survival.length - 1]} to ${s}`);
    times.push(t);
    survival.push(s);
  });
  if (times.length === 0) throw new DocumentEditError('the table has no rows of a time and a survival');
  return { times, survival };
}

/** A survival table as the editor shows it: one "time<TAB>survival" line per row. */
export function survivalTableText(times: readonly unknown[], survival: readonly unknown[]): string {
  return times.map((t, i) => `${String(t)}\t${String(survival[i] ?? '')}`).join('\n');
}

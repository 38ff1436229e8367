// Changes between two model documents in words, for the edit history and the comparison of versions:
// "Plasma test sensitivity 0.69 → 0.8", "Discount rate for costs 3% → 3.5%", never internal ids or JSON paths
// (the path is kept beside the words for exports and tests). The history stores the English line; screens word a
// change in the display language from its path and values (historySummary), so stored history needs no rewrite.
import { diffJson } from '../engine/json/json-diff';
import type { FieldChange, JsonValue } from '../engine/json/json-diff';
import type { Distribution } from '../engine/model/schema';
import { describeDistribution } from './model-description';
import { formatsFor, humanise } from './format';
import { modelChange as modelChangeMessages } from './i18n/areas/model-change';
import type { NumberFormats } from './format';
import { translator } from './i18n/translate';
import type { MessageKey, Translate } from './i18n/translate';

export type ModelChangeGroup = 'parameter' | 'setting' | 'strategy' | 'scenario' | 'structure' | 'budget-impact' | 'description' | 'other';

export interface ModelChange extends FieldChange {
  group: ModelChangeGroup;
  /** What changed, in words: "Plasma test sensitivity", "Plasma test sensitivity: PSA distribution". */
  subject: string;
  /** The old and the new value in words ("—" when absent). */
  beforeText: string;
  afterText: string;
  /** One line: "Plasma test sensitivity 0.69 → 0.8". */
  summary: string;
}

type JsonRecord = { [key: string]: JsonValue };

const english = translator('en');
const typedNumbers = formatsFor('en');

const settingFields = new Set(['cycleLength', 'cycles', 'horizon', 'startAge', 'cohortSize', 'discount.costs', 'discount.effects', 'discount.firstCycleDiscounted', 'discount.costsSchedule', 'discount.effectsSchedule', 'counting', 'countingWeights', 'transitionValues', 'effect', 'currency', 'priceYear', 'wtp']);
const metadataFields = new Set(['title', 'description', 'authors', 'references', 'notes']);
/** Fields of the structure (states, transitions, values) worded from the catalogue; others read as in the file. */
const structureFields = new Set(['probability', 'utility', 'qalys', 'value', 'discountRate', 'label', 'description', 'dead', 'maxStateTime']);
const parameterFields = new Set(['expression', 'label', 'unit', 'kind', 'timeUnit', 'description', 'source', 'uncertainty.distribution', 'uncertainty.low', 'uncertainty.high', 'uncertainty.source', 'uncertainty']);

function isRecord(v: unknown): v is JsonRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function itemById(list: JsonValue | undefined, id: string): JsonRecord | null {
  if (!Array.isArray(list)) return null;
  for (const item of list) if (isRecord(item) && item.id === id) return item;
  return null;
}

function labelOf(item: JsonRecord | null, id: string): string {
  return item && typeof item.label === 'string' && item.label.trim() !== '' ? item.label : humanise(id);
}

/**
 * A value in words: distributions as "Beta(α = 10, β = 20)", objects summarised, expressions as typed. Numbers are
 * written as analysts type them ("5294", the stored history lines) or, given a reader's formats, grouped in them
 * ("5,294"; fr "5 294"), distributions' numbers too; words in `t`'s language (English by default).
 */
export function describeValue(value: JsonValue, field = '', fmt?: NumberFormats, t: Translate = english): string {
  if (value === null) return '—';
  const number = (v: number) => (fmt ? fmt.grouped(v) : typedNumbers.parameter(v));
  if (typeof value === 'number') return field.startsWith('discount.') ? (fmt ?? typedNumbers).percent(value, 2).replace(/[.,]?0+(?=\s?%$)/u, '') : number(value);
  if (typeof value === 'boolean') return t(field === 'discount.firstCycleDiscounted' ? (value ? 'modelChange.discounted' : 'modelChange.notDiscounted') : value ? 'modelChange.yes' : 'modelChange.no');
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? value.map((v) => number(v as number)).join((fmt ?? typedNumbers).listSeparator) : t(value.length === 1 ? 'modelChange.itemsOne' : 'modelChange.itemsMany', { n: value.length });
  if (typeof value.type === 'string' && field.endsWith('distribution')) return describeDistribution(value as unknown as Distribution, fmt ?? typedNumbers, t, fmt ? 'grouped' : 'typed');
  if (typeof value.id === 'string') return labelOf(value, value.id);
  return t('modelChange.changedValue');
}

/** Splits `parameters[#p_x].uncertainty.low` into the collection, the id and the rest. */
function keyedPath(path: string): { collection: string; id: string; rest: string } | null {
  const m = /^([A-Za-z]+)\[#([^\]]+)\](?:\.(.*))?$/.exec(path);
  return m ? { collection: m[1]!, id: m[2]!, rest: m[3] ?? '' } : null;
}

/** The field of a change that decides how its values read (`uncertainty.low`, `discount.costs`). */
function fieldOf(path: string): string {
  const keyed = keyedPath(path);
  if (keyed) return keyed.rest.replace(/^settings\./, '');
  if (path.startsWith('settings.')) return path.slice('settings.'.length);
  return path;
}

/** A change's subject: its group, its words (a key and values, the name as in the model) and the field it changes. */
interface Subject {
  group: ModelChangeGroup;
  key: MessageKey | null;
  /** Values of the words: as in the model, a message key, or words composed in the reader's language. */
  params: Record<string, string | { key: MessageKey } | ((t: Translate) => string)>;
  field: string;
}

/** An item's label (or id in words), from the list at `collection` ("parameters", "model.states"). */
type NameOf = (collection: string, id: string) => string;

function keyedSubject(group: ModelChangeGroup, key: string, name: string, rest: string, nameOf: NameOf): Subject {
  // A scenario's settings read as the model's (`settings.discount.costs` as a percentage).
  const field = rest.replace(/^settings\./, '');
  return rest ? { group, key: `modelChange.${key}Field` as MessageKey, params: { name, field: structurePath(rest, nameOf) }, field } : { group, key: `modelChange.${key}` as MessageKey, params: { name }, field: rest };
}

/** `transitions[#H→S].probability` → ["transitions", "#H→S", "probability"]. */
function pathParts(path: string): string[] {
  return path
    .replace(/\[#([^\]]+)\]/g, '.#$1')
    .replace(/\[order\]/g, '.order')
    .split('.')
    .filter((part) => part !== '');
}

/**
 * A path inside the structure (or a strategy's overrides) in the reader's words: states and cost categories by their
 * labels, a transition by its states ("Transition Healthy → Sick › probability"). Names are looked up now (in path
 * order, which historySummary relies on); the words when the language is known. Unknown parts read as in the file.
 */
function structurePath(path: string, nameOf: NameOf): (t: Translate) => string {
  const parts = pathParts(path);
  const words: ((t: Translate) => string)[] = [];
  const state = (id: string) => nameOf('model.states', id);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    const keyed = next?.startsWith('#') ? next.slice(1) : undefined;
    if ((part === 'transitions' || part === 'transitionValues') && keyed !== undefined && keyed.includes('→')) {
      const [from, to] = keyed.split('→') as [string, string];
      const fromName = from === '*' ? null : state(from);
      const toName = state(to);
      const key = part === 'transitions' ? 'modelChange.path.transition' : 'modelChange.path.transitionValue';
      words.push((t) => t(key, { from: fromName ?? t('modelChange.path.anyState'), to: toName }));
      i++;
    } else if ((part === 'states' && keyed !== undefined) || ((part === 'stateValues' || part === 'initial') && next !== undefined && i === 0)) {
      const name = state(keyed ?? next!);
      const key = part === 'states' ? 'modelChange.path.state' : part === 'stateValues' ? 'modelChange.path.stateValue' : 'modelChange.path.initial';
      words.push((t) => t(key, { name }));
      i++;
    } else if (part === 'costs' && next !== undefined) {
      const name = nameOf('costCategories', next);
      words.push((t) => t('modelChange.path.cost', { name }));
      i++;
    } else if (i === 0 && (part === 'parameters' || part === 'uncertainty') && next !== undefined) {
      // A strategy's or scenario's value or uncertainty of a parameter.
      const name = nameOf('parameters', next);
      words.push(part === 'parameters' ? (t) => t('modelChange.parameter', { name }) : (t) => t('modelChange.parameterField', { name, field: t('modelChange.field.uncertainty') }));
      i++;
    } else if (i === 0 && part === 'settings' && settingFields.has(parts.slice(1).join('.'))) {
      const key = `modelChange.setting.${parts.slice(1).join('.')}` as MessageKey;
      words.push((t) => t(key));
      break;
    } else if (i === 0 && ['transitions', 'transitionValues', 'states', 'stateValues', 'initial', 'costs'].includes(part)) {
      const key = ({ transitions: 'modelChange.path.transitions', transitionValues: 'modelChange.path.transitionValues', states: 'modelChange.path.states', stateValues: 'modelChange.path.stateValues', initial: 'modelChange.path.initials', costs: 'modelChange.path.costs' } as const)[part as 'costs'];
      words.push((t) => t(key));
    } else if (structureFields.has(part)) {
      words.push((t) => t(`modelChange.path.field.${part}` as MessageKey));
    } else {
      const shown = i === 0 ? humanise(part) : part.replace(/^#/, '');
      words.push(() => shown);
    }
  }
  return (t) => words.map((w) => w(t)).join(' › ');
}

/** The subject of a change at `path`; `name` is the changed item's label (or id), when the path names an item. */
function subjectAt(path: string, name: NameOf): Subject {
  const keyed = keyedPath(path);
  if (keyed) {
    switch (keyed.collection) {
      case 'parameters': {
        const label = name(keyed.collection, keyed.id);
        if (keyed.rest === '') return { group: 'parameter', key: 'modelChange.parameter', params: { name: label }, field: '' };
        if (keyed.rest === 'value') return { group: 'parameter', key: null, params: { name: label }, field: keyed.rest };
        return parameterFields.has(keyed.rest)
          ? { group: 'parameter', key: 'modelChange.parameterField', params: { name: label, field: { key: `modelChange.field.${keyed.rest}` as MessageKey } }, field: keyed.rest }
          : { group: 'parameter', key: 'modelChange.parameterField', params: { name: label, field: humanise(keyed.rest.replace(/\./g, ' › ')) }, field: keyed.rest };
      }
      case 'strategies':
        return keyedSubject('strategy', 'strategy', name(keyed.collection, keyed.id), keyed.rest, name);
      case 'scenarios':
        return keyedSubject('scenario', 'scenario', name(keyed.collection, keyed.id), keyed.rest, name);
      case 'costCategories':
        return keyedSubject('structure', 'costCategory', name(keyed.collection, keyed.id), keyed.rest, name);
      case 'tables':
        return keyedSubject('parameter', 'table', keyed.id, keyed.rest, name);
      default: {
        const collection = describePath(keyed.collection);
        const label = name(keyed.collection, keyed.id);
        const rest = describePath(keyed.rest);
        return { group: 'other', key: null, params: { name: (t) => `${collection(t)} ${label}${keyed.rest ? `: ${rest(t)}` : ''}` }, field: keyed.rest };
      }
    }
  }
  if (path.startsWith('settings.')) {
    const field = path.slice('settings.'.length);
    return settingFields.has(field) ? { group: 'setting', key: `modelChange.setting.${field}` as MessageKey, params: {}, field } : { group: 'setting', key: null, params: { name: humanise(field.replace(/\./g, ' › ')) }, field };
  }
  if (path.startsWith('metadata.')) {
    const field = path.slice('metadata.'.length);
    return { group: 'description', key: null, params: { name: metadataFields.has(field) ? { key: `modelChange.metadata.${field}` as MessageKey } : humanise(field) }, field: path };
  }
  if (path.startsWith('model.')) return { group: 'structure', key: 'modelChange.structure', params: { field: structurePath(path.slice('model.'.length), name) }, field: path };
  if (path.startsWith('budgetImpact')) {
    const part = path.slice('budgetImpact'.length).replace(/^\./, '');
    return { group: 'budget-impact', key: 'modelChange.budgetImpact', params: { field: part ? describePath(part) : { key: 'modelChange.budgetImpactSection' } }, field: path };
  }
  return { group: 'other', key: null, params: { name: describePath(path) }, field: path };
}

/** The subject in words (a parameter's value is its name alone). */
function subjectWords(subject: Subject, t: Translate): string {
  const params = Object.fromEntries(Object.entries(subject.params).map(([k, v]) => [k, typeof v === 'string' ? v : typeof v === 'function' ? v(t) : t(v.key)]));
  if (subject.key === null) return params.name!;
  return t(subject.key, params);
}

function subjectOf(path: string, before: JsonRecord, after: JsonRecord): Subject {
  const list = (doc: JsonRecord, collection: string) => collection.split('.').reduce<JsonValue | undefined>((node, key) => (isRecord(node) ? node[key] : undefined), doc);
  return subjectAt(path, (collection, id) => labelOf(itemById(list(after, collection) ?? null, id) ?? itemById(list(before, collection) ?? null, id), id));
}

/**
 * A path outside the structure (budget impact, other collections) in the reader's words: `population.annualGrowth`
 * → fr "Population › croissance annuelle"; ids and words the catalogue lacks read as in the file, the first part
 * capitalised ("Population › annualGrowth" in English, as stored lines have it).
 */
function describePath(path: string): (t: Translate) => string {
  const parts = pathParts(path);
  return (t) =>
    parts
      .map((part, i) => {
        if (part.startsWith('#')) return part.slice(1);
        const key = `modelChange.pathWord.${part}`;
        const word = Object.hasOwn(modelChangeMessages.en, key) ? t(key as MessageKey) : part;
        return i === 0 ? humanise(word) : word;
      })
      .join(' › ');
}

type ChangeKind = 'added' | 'removed' | 'reordered' | 'changed';

function kindOf(change: FieldChange): ChangeKind {
  // A whole item (`parameters[#p]`, `model.transitions[#H→S]`) came or went.
  const item = /\[#[^\]]+\]$/.test(change.path);
  if (change.before === null && change.after !== null && item) return 'added';
  if (change.after === null && change.before !== null && item) return 'removed';
  return change.path.endsWith('[order]') ? 'reordered' : 'changed';
}

function worded(change: FieldChange, subject: Subject, fmt: NumberFormats | undefined, t: Translate): Pick<ModelChange, 'subject' | 'beforeText' | 'afterText' | 'summary'> {
  const subjectText = subjectWords(subject, t);
  const kind = kindOf(change);
  if (kind === 'reordered') return { subject: subjectText, beforeText: t('modelChange.previousOrder'), afterText: t('modelChange.newOrder'), summary: t('modelChange.reordered', { subject: subjectText }) };
  const beforeText = describeValue(change.before, subject.field, fmt, t);
  const afterText = describeValue(change.after, subject.field, fmt, t);
  const summary = kind === 'changed' ? t('modelChange.changed', { subject: subjectText, before: beforeText, after: afterText }) : t(`modelChange.${kind}`, { subject: subjectText });
  return { subject: subjectText, beforeText, afterText, summary };
}

/** One change in words (numbers as typed, or grouped in a reader's formats; words in `t`'s language, English by default). */
export function describeModelChange(change: FieldChange, before: unknown, after: unknown, fmt?: NumberFormats, t: Translate = english): ModelChange {
  const subject = subjectOf(change.path, isRecord(before) ? before : {}, isRecord(after) ? after : {});
  return { ...change, group: subject.group, ...worded(change, subject, fmt, t) };
}

/** The value at a diff path (`parameters[#p].uncertainty.distribution`), or null. */
function valueAt(doc: JsonRecord, path: string): JsonValue {
  let node: JsonValue = doc;
  for (const part of path.split(/\.(?![^[]*\])/)) {
    const m = /^([^[]+)(?:\[#([^\]]+)\])?$/.exec(part);
    if (!m || !isRecord(node) || !Object.hasOwn(node, m[1]!)) return null;
    node = node[m[1]!] ?? null;
    if (m[2] !== undefined) node = itemById(node, m[2]);
    if (node === null) return null;
  }
  return node;
}

/** A distribution is one value to a reader: changes inside it are reported as one change of the whole. */
function wholeDistributions(changes: FieldChange[], before: JsonRecord, after: JsonRecord): FieldChange[] {
  const out: FieldChange[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const m = /^(.*\.uncertainty\.distribution)\./.exec(change.path);
    if (!m) {
      out.push(change);
      continue;
    }
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ path: m[1]!, before: valueAt(before, m[1]!), after: valueAt(after, m[1]!) });
  }
  return out;
}

/** A transition's key: its states ("H→S"; "*→D" for a value on moves from any state), or null when it has none. */
function transitionKey(item: JsonValue): string | null {
  if (!isRecord(item) || typeof item.to !== 'string' || Object.hasOwn(item, 'id')) return null;
  if (item.from !== undefined && typeof item.from !== 'string') return null;
  return `${item.from ?? '*'}→${item.to}`;
}

/**
 * Transitions carry no id, so the generic diff reports a changed list whole ("3 items → 3 items"). Matched by their
 * states instead, an edited probability is one change of one transition (`model.transitions[#H→S].probability`), and
 * an added one is one addition. A list whose transitions do not have one key each stays one change.
 */
function keyedTransitions(changes: FieldChange[]): FieldChange[] {
  return changes.flatMap((change) => {
    if (!/(?:^|\.)(?:transitions|transitionValues)$/.test(change.path) || !Array.isArray(change.before) || !Array.isArray(change.after)) return [change];
    const keyed = (list: JsonValue[]) => list.map((item) => {
      const key = transitionKey(item);
      return key === null ? null : { ...(item as JsonRecord), id: key };
    });
    const before = keyed(change.before);
    const after = keyed(change.after);
    if (before.includes(null) || after.includes(null)) return [change];
    const inner = diffJson({ list: before as JsonValue[] }, { list: after as JsonValue[] });
    if (inner.some((c) => c.path === 'list')) return [change];
    const withoutKey = (v: JsonValue): JsonValue => {
      if (!isRecord(v) || !Object.hasOwn(v, 'id')) return v;
      const { id: _key, ...item } = v;
      return item;
    };
    return inner.map((c) => ({ path: `${change.path}${c.path.slice('list'.length)}`, before: withoutKey(c.before), after: withoutKey(c.after) }));
  });
}

/**
 * Every change from one model document to another, in words (metadata changes included, `$schema` ignored);
 * numbers as typed, or grouped in a reader's formats; words in `t`'s language (English by default).
 */
export function diffModelDocuments(before: unknown, after: unknown, fmt?: NumberFormats, t: Translate = english): ModelChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return wholeDistributions(keyedTransitions(diffJson(b, a, new Set(['$schema']))), b, a).map((change) => describeModelChange(change, b, a, fmt, t));
}

/**
 * A stored history line in a reader's language and formats ("Cost 5294 → 5823.4" → fr "Cost 5 294 → 5 823,4";
 * "Parameter Test cost added" → fr "Paramètre Test cost : ajout"), worded again from its path and values. The stored
 * line is English as written then; the names in it (an item's, a transition's states) are read from it, and a line the English words of today do not
 * give back (written by an older version) is shown as stored, its numbers in the reader's formats when they read so.
 */
export function historySummary(entry: { path: string; before: unknown; after: unknown; summary: string }, fmt: NumberFormats, t: Translate = english): string {
  const change: FieldChange = { path: entry.path, before: (entry.before ?? null) as JsonValue, after: (entry.after ?? null) as JsonValue };
  // The English line of today with a marker for each name, read back against the stored line.
  let count = 0;
  const template = worded(change, subjectAt(entry.path, () => `\ue000${count++}\ue001`), undefined, english).summary;
  let names: string[] | null = null;
  if (count === 0) names = template === entry.summary ? [] : null;
  else {
    const order = [...template.matchAll(/\ue000(\d+)\ue001/gu)].map((m) => Number(m[1]));
    const pattern = template.split(/\ue000\d+\ue001/u).map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+?)');
    const match = new RegExp(`^${pattern}$`, 'su').exec(entry.summary);
    if (match && order.length === count) {
      names = [];
      order.forEach((k, i) => (names![k] = match[i + 1]!));
    }
  }
  if (names !== null) {
    let k = 0;
    const read = names;
    return worded(change, subjectAt(entry.path, () => read[k++] ?? ''), fmt, t).summary;
  }
  const field = fieldOf(entry.path);
  const typed = ` ${describeValue(change.before, field)} → ${describeValue(change.after, field)}`;
  if (!entry.summary.endsWith(typed)) return entry.summary;
  return `${entry.summary.slice(0, -typed.length)} ${describeValue(change.before, field, fmt)} → ${describeValue(change.after, field, fmt)}`;
}

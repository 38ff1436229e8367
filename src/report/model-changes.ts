// Changes between two model documents in words, for the edit history and the comparison of versions:
// "Plasma test sensitivity 0.69 → 0.8", "Discount rate for costs 3% → 3.5%", never internal ids or JSON paths
// (the path is kept beside the words for exports and tests). The history stores the English line; screens word a
// change in the display language from its path and values (historySummary), so stored history needs no rewrite.
import { diffJson } from '../engine/json/json-diff';
import type { FieldChange, JsonValue } from '../engine/json/json-diff';
import type { Distribution } from '../engine/model/schema';
import { describeDistribution } from './model-description';
import { formatsFor, humanise } from './format';
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

const settingFields = new Set(['cycleLength', 'cycles', 'horizon', 'startAge', 'cohortSize', 'discount.costs', 'discount.effects', 'discount.firstCycleDiscounted', 'counting', 'effect', 'currency', 'priceYear', 'wtp']);
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
  if (keyed) return keyed.rest;
  if (path.startsWith('settings.')) return path.slice('settings.'.length);
  return path;
}

/** A change's subject: its group, its words (a key and values, the name as in the model) and the field it changes. */
interface Subject {
  group: ModelChangeGroup;
  key: MessageKey | null;
  /** Values of the words: as in the model, or a message key worded in the reader's language. */
  params: Record<string, string | { key: MessageKey }>;
  field: string;
}

function keyedSubject(group: ModelChangeGroup, key: string, name: string, rest: string): Subject {
  return rest ? { group, key: `modelChange.${key}Field` as MessageKey, params: { name, field: describePath(rest) }, field: rest } : { group, key: `modelChange.${key}` as MessageKey, params: { name }, field: rest };
}

/** The subject of a change at `path`; `name` is the changed item's label (or id), when the path names an item. */
function subjectAt(path: string, name: (collection: string, id: string) => string): Subject {
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
        return keyedSubject('strategy', 'strategy', name(keyed.collection, keyed.id), keyed.rest);
      case 'scenarios':
        return keyedSubject('scenario', 'scenario', name(keyed.collection, keyed.id), keyed.rest);
      case 'costCategories':
        return keyedSubject('structure', 'costCategory', name(keyed.collection, keyed.id), keyed.rest);
      case 'tables':
        return keyedSubject('parameter', 'table', keyed.id, keyed.rest);
      default:
        return { group: 'other', key: null, params: { name: `${humanise(keyed.collection)} ${name(keyed.collection, keyed.id)}${keyed.rest ? `: ${describePath(keyed.rest)}` : ''}` }, field: keyed.rest };
    }
  }
  if (path.startsWith('settings.')) {
    const field = path.slice('settings.'.length);
    return settingFields.has(field) ? { group: 'setting', key: `modelChange.setting.${field}` as MessageKey, params: {}, field } : { group: 'setting', key: null, params: { name: humanise(field.replace(/\./g, ' › ')) }, field };
  }
  if (path.startsWith('metadata.')) return { group: 'description', key: null, params: { name: humanise(path.slice('metadata.'.length)) }, field: path };
  if (path.startsWith('model.')) return { group: 'structure', key: 'modelChange.structure', params: { field: describePath(path.slice('model.'.length)) }, field: path };
  if (path.startsWith('budgetImpact')) {
    const part = describePath(path.slice('budgetImpact'.length).replace(/^\./, ''));
    return { group: 'budget-impact', key: 'modelChange.budgetImpact', params: { field: part || { key: 'modelChange.budgetImpactSection' } }, field: path };
  }
  return { group: 'other', key: null, params: { name: describePath(path) }, field: path };
}

/** The subject in words (a parameter's value is its name alone). */
function subjectWords(subject: Subject, t: Translate): string {
  const params = Object.fromEntries(Object.entries(subject.params).map(([k, v]) => [k, typeof v === 'string' ? v : t(v.key)]));
  if (subject.key === null) return params.name!;
  return t(subject.key, params);
}

function subjectOf(path: string, before: JsonRecord, after: JsonRecord): Subject {
  return subjectAt(path, (collection, id) => labelOf(itemById(after[collection], id) ?? itemById(before[collection], id), id));
}

/** `stateValues.H.costs.drug` → "State values › H › costs › drug". */
function describePath(path: string): string {
  const words = path
    .replace(/\[#([^\]]+)\]/g, '.$1')
    .replace(/\[order\]/g, '.order')
    .split('.')
    .filter((part) => part !== '');
  if (words.length === 0) return '';
  return [humanise(words[0]!), ...words.slice(1)].join(' › ');
}

type ChangeKind = 'added' | 'removed' | 'reordered' | 'changed';

function kindOf(change: FieldChange, field: string): ChangeKind {
  if (change.before === null && change.after !== null && field === '' && keyedPath(change.path)) return 'added';
  if (change.after === null && change.before !== null && field === '' && keyedPath(change.path)) return 'removed';
  return change.path.endsWith('[order]') ? 'reordered' : 'changed';
}

function worded(change: FieldChange, subject: Subject, fmt: NumberFormats | undefined, t: Translate): Pick<ModelChange, 'subject' | 'beforeText' | 'afterText' | 'summary'> {
  const subjectText = subjectWords(subject, t);
  const kind = kindOf(change, subject.field);
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

/**
 * Every change from one model document to another, in words (metadata changes included, `$schema` ignored);
 * numbers as typed, or grouped in a reader's formats; words in `t`'s language (English by default).
 */
export function diffModelDocuments(before: unknown, after: unknown, fmt?: NumberFormats, t: Translate = english): ModelChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return wholeDistributions(diffJson(b, a, new Set(['$schema'])), b, a).map((change) => describeModelChange(change, b, a, fmt, t));
}

/**
 * A stored history line in a reader's language and formats ("Cost 5294 → 5823.4" → fr "Cost 5 294 → 5 823,4";
 * "Parameter Test cost added" → fr "Paramètre Test cost : ajout"), worded again from its path and values. The stored
 * line is English as written then; an item's name is read from it, and a line the English words of today do not
 * give back (written by an older version) is shown as stored, its numbers in the reader's formats when they read so.
 */
export function historySummary(entry: { path: string; before: unknown; after: unknown; summary: string }, fmt: NumberFormats, t: Translate = english): string {
  const change: FieldChange = { path: entry.path, before: (entry.before ?? null) as JsonValue, after: (entry.after ?? null) as JsonValue };
  const marker = '\u0000';
  const template = worded(change, subjectAt(entry.path, () => marker), undefined, english).summary;
  const at = template.indexOf(marker);
  let name: string | null = null;
  if (at < 0) name = template === entry.summary ? '' : null;
  else {
    const head = template.slice(0, at);
    const tail = template.slice(at + marker.length);
    if (!tail.includes(marker) && entry.summary.length > head.length + tail.length && entry.summary.startsWith(head) && entry.summary.endsWith(tail)) name = entry.summary.slice(head.length, entry.summary.length - tail.length);
  }
  if (name !== null) return worded(change, subjectAt(entry.path, () => name), fmt, t).summary;
  const field = fieldOf(entry.path);
  const typed = ` ${describeValue(change.before, field)} → ${describeValue(change.after, field)}`;
  if (!entry.summary.endsWith(typed)) return entry.summary;
  return `${entry.summary.slice(0, -typed.length)} ${describeValue(change.before, field, fmt)} → ${describeValue(change.after, field, fmt)}`;
}

// Changes between two model documents in words, for the edit history and the comparison of versions:
// "Plasma test sensitivity 0.69 → 0.8", "Discount rate for costs 3% → 3.5%", never internal ids or JSON paths
// (the path is kept beside the words for exports and tests).
import { diffJson } from '../engine/json/json-diff';
import type { FieldChange, JsonValue } from '../engine/json/json-diff';
import type { Distribution } from '../engine/model/schema';
import { describeDistribution } from './model-description';
import { formatParameter, formatPercent, humanise } from './format';
import type { NumberFormats } from './format';

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

const settingLabels: Record<string, string> = {
  cycleLength: 'Cycle length (years)',
  cycles: 'Number of cycles',
  horizon: 'Time horizon (years)',
  startAge: 'Start age',
  cohortSize: 'Cohort size',
  'discount.costs': 'Discount rate for costs',
  'discount.effects': 'Discount rate for effects',
  'discount.firstCycleDiscounted': 'Discounting of the first cycle',
  counting: 'Counting method',
  effect: 'Effect measure',
  currency: 'Currency',
  priceYear: 'Price year',
  wtp: 'Willingness-to-pay thresholds',
};

const parameterFieldLabels: Record<string, string> = {
  value: '',
  expression: 'expression',
  label: 'label',
  unit: 'unit',
  kind: 'kind',
  timeUnit: 'time unit',
  description: 'description',
  source: 'source',
  'uncertainty.distribution': 'PSA distribution',
  'uncertainty.low': 'one-way low value',
  'uncertainty.high': 'one-way high value',
  'uncertainty.source': 'source of the uncertainty',
  uncertainty: 'uncertainty',
};

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

/** Between the numbers of a list: a comma where it is not the decimal sign. */
function listSeparator(fmt: NumberFormats | undefined): string {
  return !fmt || fmt.locale === 'en' ? ', ' : fmt.locale === 'fr-BE' ? ' ; ' : '; ';
}

/**
 * A value in words: distributions as "Beta(α = 10, β = 20)", objects summarised, expressions as typed. Numbers are
 * written as analysts type them ("5294", the stored history lines) or, given a reader's formats, grouped in them
 * ("5,294"; fr "5 294").
 */
export function describeValue(value: JsonValue, field = '', fmt?: NumberFormats): string {
  if (value === null) return '—';
  const number = (v: number) => (fmt ? fmt.grouped(v) : formatParameter(v));
  if (typeof value === 'number') return field.startsWith('discount.') ? (fmt ? fmt.percent(value, 2) : formatPercent(value, 2)).replace(/[.,]?0+(?=\s?%$)/u, '') : number(value);
  if (typeof value === 'boolean') return field === 'discount.firstCycleDiscounted' ? (value ? 'discounted' : 'not discounted') : value ? 'yes' : 'no';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? value.map((v) => number(v as number)).join(listSeparator(fmt)) : `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value.type === 'string' && field.endsWith('distribution')) return describeDistribution(value as unknown as Distribution, fmt);
  if (typeof value.id === 'string') return labelOf(value, value.id);
  return 'changed';
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

function subjectOf(path: string, before: JsonRecord, after: JsonRecord): { group: ModelChangeGroup; subject: string; field: string } {
  const keyed = keyedPath(path);
  if (keyed) {
    const item = itemById(after[keyed.collection], keyed.id) ?? itemById(before[keyed.collection], keyed.id);
    const name = labelOf(item, keyed.id);
    switch (keyed.collection) {
      case 'parameters': {
        if (keyed.rest === '') return { group: 'parameter', subject: `Parameter ${name}`, field: '' };
        const field = parameterFieldLabels[keyed.rest] ?? humanise(keyed.rest.replace(/\./g, ' › '));
        return { group: 'parameter', subject: field ? `${name}: ${field}` : name, field: keyed.rest };
      }
      case 'strategies':
        return { group: 'strategy', subject: keyed.rest ? `Strategy ${name}: ${describePath(keyed.rest)}` : `Strategy ${name}`, field: keyed.rest };
      case 'scenarios':
        return { group: 'scenario', subject: keyed.rest ? `Scenario ${name}: ${describePath(keyed.rest)}` : `Scenario ${name}`, field: keyed.rest };
      case 'costCategories':
        return { group: 'structure', subject: keyed.rest ? `Cost category ${name}: ${describePath(keyed.rest)}` : `Cost category ${name}`, field: keyed.rest };
      case 'tables':
        return { group: 'parameter', subject: keyed.rest ? `Table ${keyed.id}: ${describePath(keyed.rest)}` : `Table ${keyed.id}`, field: keyed.rest };
      default:
        return { group: 'other', subject: `${humanise(keyed.collection)} ${name}${keyed.rest ? `: ${describePath(keyed.rest)}` : ''}`, field: keyed.rest };
    }
  }
  if (path.startsWith('settings.')) {
    const field = path.slice('settings.'.length);
    return { group: 'setting', subject: settingLabels[field] ?? humanise(field.replace(/\./g, ' › ')), field };
  }
  if (path.startsWith('metadata.')) return { group: 'description', subject: humanise(path.slice('metadata.'.length)), field: path };
  if (path.startsWith('model.')) return { group: 'structure', subject: `Structure: ${describePath(path.slice('model.'.length))}`, field: path };
  if (path.startsWith('budgetImpact')) return { group: 'budget-impact', subject: `Budget impact: ${describePath(path.slice('budgetImpact'.length).replace(/^\./, '')) || 'section'}`, field: path };
  return { group: 'other', subject: describePath(path), field: path };
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

/** One change in words (numbers as typed, or grouped in a reader's formats). */
export function describeModelChange(change: FieldChange, before: unknown, after: unknown, fmt?: NumberFormats): ModelChange {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const { group, subject, field } = subjectOf(change.path, b, a);
  let beforeText = describeValue(change.before, field, fmt);
  let afterText = describeValue(change.after, field, fmt);
  let summary: string;
  if (change.before === null && change.after !== null && field === '' && keyedPath(change.path)) summary = `${subject} added`;
  else if (change.after === null && change.before !== null && field === '' && keyedPath(change.path)) summary = `${subject} removed`;
  else if (change.path.endsWith('[order]')) {
    beforeText = 'previous order';
    afterText = 'new order';
    summary = `${subject} reordered`;
  } else summary = `${subject} ${beforeText} → ${afterText}`;
  return { ...change, group, subject, beforeText, afterText, summary };
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
 * numbers as typed, or grouped in a reader's formats.
 */
export function diffModelDocuments(before: unknown, after: unknown, fmt?: NumberFormats): ModelChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return wholeDistributions(diffJson(b, a, new Set(['$schema'])), b, a).map((change) => describeModelChange(change, b, a, fmt));
}

/**
 * A stored history line ("Cost 5294 → 5823.4", its numbers as typed) with its values in a reader's formats
 * ("Cost 5,294 → 5,823.4"; fr "Cost 5 294 → 5 823,4"); a line of another shape as stored.
 */
export function historySummary(entry: { path: string; before: unknown; after: unknown; summary: string }, fmt: NumberFormats): string {
  const field = fieldOf(entry.path);
  const before = entry.before as JsonValue;
  const after = entry.after as JsonValue;
  const typed = ` ${describeValue(before ?? null, field)} → ${describeValue(after ?? null, field)}`;
  if (!entry.summary.endsWith(typed)) return entry.summary;
  return `${entry.summary.slice(0, -typed.length)} ${describeValue(before ?? null, field, fmt)} → ${describeValue(after ?? null, field, fmt)}`;
}

// Edits of a model document (the model file's JSON as the user wrote it, before defaults are filled in): one pure
// function per kind of edit, used by the app, the command line and the report builder alike. Each returns a new
// document and leaves the input untouched; the rest of the document keeps its exact shape, so an exported file
// differs from the original only where it was edited.
import type { DistributionSpec } from '../uncertainty/distribution-spec';

export type ModelDocumentJson = Record<string, unknown>;

export class DocumentEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentEditError';
  }
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parameterList(doc: ModelDocumentJson): JsonRecord[] {
  const list = doc.parameters;
  if (!Array.isArray(list)) throw new DocumentEditError('the model has no parameters list');
  return list as JsonRecord[];
}

/** A copy of the document with parameter `id` replaced by `change(parameter)`. */
function withParameter<D extends ModelDocumentJson>(doc: D, id: string, change: (p: JsonRecord) => JsonRecord): D {
  const list = parameterList(doc);
  const index = list.findIndex((p) => isRecord(p) && p.id === id);
  if (index < 0) throw new DocumentEditError(`the model has no parameter “${id}”`);
  const next = [...list];
  next[index] = change({ ...list[index]! });
  return { ...doc, parameters: next } as D;
}

/** Sets the base value of a parameter given as a number (an expression parameter keeps its formula). */
export function setParameterValue<D extends ModelDocumentJson>(doc: D, id: string, value: number): D {
  if (!Number.isFinite(value)) throw new DocumentEditError(`the value of “${id}” must be a finite number`);
  return withParameter(doc, id, (p) => {
    if (typeof p.expression === 'string') throw new DocumentEditError(`“${id}” is computed by an expression; edit the expression instead`);
    return { ...p, value };
  });
}

export interface UncertaintyChange {
  /** A new distribution, null to remove it, undefined to keep it. */
  distribution?: DistributionSpec | null;
  /** One-way range ends: a number, null to remove, undefined to keep. */
  low?: number | null;
  high?: number | null;
}

/** Changes a parameter's PSA distribution and one-way range; the uncertainty's source text is kept. */
export function setParameterUncertainty<D extends ModelDocumentJson>(doc: D, id: string, change: UncertaintyChange): D {
  for (const end of ['low', 'high'] as const) {
    const v = change[end];
    if (v !== undefined && v !== null && !Number.isFinite(v)) throw new DocumentEditError(`the one-way ${end} value of “${id}” must be a finite number`);
  }
  if ((change.low === null) !== (change.high === null) && change.low !== undefined && change.high !== undefined) {
    throw new DocumentEditError(`give both ends of the one-way range of “${id}”, or neither`);
  }
  return withParameter(doc, id, (p) => {
    const u: JsonRecord = isRecord(p.uncertainty) ? { ...p.uncertainty } : {};
    const apply = (key: 'distribution' | 'low' | 'high') => {
      const v = change[key];
      if (v === undefined) return;
      if (v === null) delete u[key];
      else u[key] = key === 'distribution' ? { ...(v as DistributionSpec) } : v;
    };
    apply('distribution');
    apply('low');
    apply('high');
    // Keep the file's key order: distribution, low, high, source.
    const ordered: JsonRecord = {};
    for (const key of ['distribution', 'low', 'high', 'source']) if (u[key] !== undefined) ordered[key] = u[key];
    for (const key of Object.keys(u)) if (!(key in ordered)) ordered[key] = u[key];
    const next = { ...p };
    if (Object.keys(ordered).length === 0) delete next.uncertainty;
    else next.uncertainty = ordered;
    return next;
  });
}

/** The document's title (metadata.title), or '' when it has none. */
export function documentTitle(doc: ModelDocumentJson): string {
  return isRecord(doc.metadata) && typeof doc.metadata.title === 'string' ? doc.metadata.title : '';
}

/** Sets metadata.title (the name a model has in lists and reports). */
export function setDocumentTitle<D extends ModelDocumentJson>(doc: D, title: string): D {
  return { ...doc, metadata: { ...(isRecord(doc.metadata) ? doc.metadata : {}), title } } as D;
}

/** A named scenario as the model file writes it (see the model format's `scenarios`). */
export type ScenarioJson = JsonRecord & { id: string; label?: string };

function scenarioList(doc: ModelDocumentJson): ScenarioJson[] {
  const list = doc.scenarios;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new DocumentEditError('the model’s “scenarios” is not a list');
  return list as ScenarioJson[];
}

function scenarioIndex(list: readonly ScenarioJson[], id: string): number {
  const index = list.findIndex((s) => isRecord(s) && s.id === id);
  if (index < 0) throw new DocumentEditError(`the model has no scenario “${id}”`);
  return index;
}

/** An identifier from a label ("Plasma test €1,500" → "plasma_test_1_500"), made unique among `taken`. */
export function uniqueScenarioId(label: string, taken: readonly string[]): string {
  const stem = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'scenario';
  const base = /^[a-z]/.test(stem) ? stem : `s_${stem}`;
  let id = base;
  for (let k = 2; taken.includes(id); k++) id = `${base}_${k}`;
  return id;
}

/**
 * Adds a scenario, or replaces the one with id `replaceId` in place (its position kept). The id must be unique
 * among the other scenarios.
 */
export function putScenario<D extends ModelDocumentJson>(doc: D, scenario: ScenarioJson, replaceId?: string): D {
  const list = scenarioList(doc);
  const others = replaceId === undefined ? list : list.filter((s) => s.id !== replaceId);
  if (others.some((s) => s.id === scenario.id)) throw new DocumentEditError(`a scenario with the id “${scenario.id}” already exists`);
  const next = [...list];
  if (replaceId === undefined) next.push(scenario);
  else next[scenarioIndex(list, replaceId)] = scenario;
  return { ...doc, scenarios: next } as D;
}

/** Removes the scenario with this id (and the empty list with the last one). */
export function removeScenario<D extends ModelDocumentJson>(doc: D, id: string): D {
  const list = scenarioList(doc);
  const index = scenarioIndex(list, id);
  const next = list.filter((_, i) => i !== index);
  const copy: ModelDocumentJson = { ...doc, scenarios: next };
  if (next.length === 0) delete copy.scenarios;
  return copy as D;
}

/**
 * Adds a copy of the scenario right after it, with a new id and `copySuffix` after its label (the app passes it in
 * the display language; the label is stored as first shown).
 */
export function duplicateScenario<D extends ModelDocumentJson>(doc: D, id: string, copySuffix = '(copy)'): D {
  const list = scenarioList(doc);
  const index = scenarioIndex(list, id);
  const original = list[index]!;
  const label = `${original.label ?? original.id} ${copySuffix}`;
  const copy: ScenarioJson = { ...(JSON.parse(JSON.stringify(original)) as ScenarioJson), id: uniqueScenarioId(label, list.map((s) => s.id)), label };
  const next = [...list.slice(0, index + 1), copy, ...list.slice(index + 1)];
  return { ...doc, scenarios: next } as D;
}

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

// Field-level differences between two JSON documents (dossiers, model documents), for edit histories and
// version comparisons. Lists whose items carry a unique string `id` (PICOs, evidence, parameters, strategies, …)
// are compared by id, so deleting one item records one removal instead of a shift of every item after it.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FieldChange {
  /** e.g. `title`, `technology.name`, `domains.EFF.elements[#D1007].answer`, `evidence[#ev-3]` */
  path: string;
  /** null when the item was added */
  before: JsonValue;
  /** null when the item was removed */
  after: JsonValue;
}

/**
 * Field-level changes from `before` to `after` (two JSON objects), skipping the top-level keys in `ignore`.
 * Paths read like `domains.EFF.elements[#D1007].answer` or `parameters[#p_death].value`.
 */
export function diffJson(before: Record<string, unknown>, after: Record<string, unknown>, ignore: ReadonlySet<string> = new Set()): FieldChange[] {
  const changes: FieldChange[] = [];
  const a = before as Record<string, JsonValue>;
  const b = after as Record<string, JsonValue>;
  for (const key of unionKeys(a, b)) {
    if (ignore.has(key)) continue;
    diffValues(own(a, key), own(b, key), key, changes);
  }
  return changes;
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!Object.hasOwn(a, k)) keys.push(k);
  return keys;
}

/** The object's own value at `key` (never an inherited one such as `toString`), or null. */
function own(o: { [key: string]: JsonValue }, key: string): JsonValue {
  return Object.hasOwn(o, key) ? (o[key] ?? null) : null;
}

function isPlainObject(v: JsonValue): v is { [key: string]: JsonValue } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function itemId(v: JsonValue): string | null {
  return isPlainObject(v) && typeof v.id === 'string' ? v.id : null;
}

/** Lists diffed by id need every item to have a unique string id on both sides. */
function hasUniqueIds(list: JsonValue[]): boolean {
  const ids = new Set<string>();
  for (const item of list) {
    const id = itemId(item);
    if (id === null || ids.has(id)) return false;
    ids.add(id);
  }
  return true;
}

function diffValues(a: JsonValue, b: JsonValue, path: string, out: FieldChange[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of unionKeys(a, b)) diffValues(own(a, key), own(b, key), `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length + b.length > 0 && hasUniqueIds(a) && hasUniqueIds(b)) {
    diffKeyedLists(a, b, path, out);
    return;
  }
  if (!jsonEqual(a, b)) out.push({ path, before: a, after: b });
}

function diffKeyedLists(a: JsonValue[], b: JsonValue[], path: string, out: FieldChange[]): void {
  const beforeById = new Map(a.map((item) => [itemId(item)!, item]));
  const afterIds = new Set(b.map((item) => itemId(item)!));
  for (const item of a) {
    const id = itemId(item)!;
    if (!afterIds.has(id)) out.push({ path: `${path}[#${id}]`, before: item, after: null });
  }
  for (const item of b) {
    const id = itemId(item)!;
    const old = beforeById.get(id);
    if (old === undefined) out.push({ path: `${path}[#${id}]`, before: null, after: item });
    else diffValues(old, item, `${path}[#${id}]`, out);
  }
  const keptBefore = a.map((x) => itemId(x)!).filter((id) => afterIds.has(id));
  const keptAfter = b.map((x) => itemId(x)!).filter((id) => beforeById.has(id));
  if (!jsonEqual(keptBefore, keptAfter)) out.push({ path: `${path}[order]`, before: keptBefore, after: keptAfter });
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i] ?? null));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && jsonEqual(own(a, k), own(b, k)));
  }
  return false;
}

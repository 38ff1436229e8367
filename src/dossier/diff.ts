// Field-level differences between two versions of a dossier, for the edit history (see engine/json/json-diff).
import { diffJson } from '../engine/json/json-diff';
import type { FieldChange } from '../engine/json/json-diff';
import type { Dossier } from './schema';

export { jsonEqual } from '../engine/json/json-diff';
export type { FieldChange, JsonValue } from '../engine/json/json-diff';

/** Fields that change on every save and would only add noise to the history. */
const IGNORED_TOP_LEVEL = new Set(['updatedAt']);

export function diffDossiers(before: Dossier, after: Dossier): FieldChange[] {
  return diffJson(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, IGNORED_TOP_LEVEL);
}

/** A readable label for a history path, e.g. `domains.EFF.elements[#D1007].answer` → `EFF › D1007 › answer`. */
export function describeChangePath(path: string): string {
  return path
    .replace(/^domains\.([A-Z]{3})\.elements/, '$1')
    .replace(/\[#([^\]]+)\]/g, ' › $1')
    .replace(/\[order\]/g, ' › order')
    .replace(/\./g, ' › ');
}

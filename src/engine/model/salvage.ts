// When the schema check fails, the file is still checked as far as it can be (issue 14: every problem at once):
// fields the schema refuses are taken out of a copy — unknown fields, and fields of objects whose value is wrong —
// and the copy goes through the later checks (names, syntax, dependency cycles and, when no value that the model
// computes with was taken out, the per-cycle checks). A copy is not made when a list element, a required field or
// the model type would have to go: then only the schema problems are reported.
import type { z } from 'zod';
import { htaModelSchema } from './schema';
import type { IssuePath } from '../errors';

export interface SalvagedModel {
  json: unknown;
  /** Paths taken out; later problems at, inside or around them are not reported (the schema problem is). */
  removed: IssuePath[];
  /** Whether something the base case computes with was taken out (then per-cycle checks would mislead). */
  valuesRemoved: boolean;
}

const MAX_ROUNDS = 4;
/** Fields that never change the numbers of a base-case run. */
const DESCRIPTIVE = new Set(['label', 'description', 'source', 'unit', 'kind', 'timeUnit', 'currency', 'priceYear', 'uncertainty', 'distribution', 'perspective', 'wtp']);

type Container = Record<string, unknown>;

function containerAt(root: unknown, path: readonly PropertyKey[]): Container | null {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return null;
    node = (node as Container)[key as string];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Container) : null;
}

function isDescriptive(path: IssuePath): boolean {
  return path[0] === 'metadata' || path.some((k) => typeof k === 'string' && DESCRIPTIVE.has(k));
}

export function salvageForChecks(json: unknown): SalvagedModel | null {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const copy = JSON.parse(JSON.stringify(json)) as unknown;
  const removed: IssuePath[] = [];
  let valuesRemoved = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = htaModelSchema.safeParse(copy);
    if (parsed.success) return { json: copy, removed, valuesRemoved };
    for (const issue of parsed.error.issues as z.core.$ZodIssue[]) {
      const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as IssuePath;
      if (issue.code === 'unrecognized_keys') {
        const target = containerAt(copy, path);
        if (!target) return null;
        for (const key of issue.keys) delete target[key];
        removed.push(...issue.keys.map((key) => [...path, key]));
        continue;
      }
      const last = path[path.length - 1];
      const parent = containerAt(copy, path.slice(0, -1));
      if (typeof last !== 'string' || last === 'type' || !parent || !Object.hasOwn(parent, last)) return null;
      if (removed.some((r) => JSON.stringify(r) === JSON.stringify(path))) return null; // a required field
      delete parent[last];
      removed.push(path);
      if (!isDescriptive(path)) valuesRemoved = true;
    }
  }
  return null;
}

/** Whether a later problem is at, inside or around a removed path (so it is a consequence of the removal). */
export function nearRemoved(path: IssuePath, removed: readonly IssuePath[]): boolean {
  return removed.some((r) => {
    const n = Math.min(r.length, path.length);
    for (let k = 0; k < n; k++) if (r[k] !== path[k]) return false;
    return true;
  });
}

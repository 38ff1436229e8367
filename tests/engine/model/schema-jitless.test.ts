// checkModelSchema parses a process's first model without zod's compiled fast path (jitless) and later ones with
// it (src/engine/model/schema-check.ts): both must refuse the same things with the same issues, in the same order.
// Every bundled example is broken in many places (a wrong type, an unknown field, a missing field) and parsed both
// ways.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htaModelSchema } from '../../../src/engine/model/schema';
import { checkModelSchema } from '../../../src/engine/model/schema-check';
import { describeZodIssue } from '../../../src/shared/zod-issue-text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const examplesDir = resolve(__dirname, '..', '..', '..', 'resources', 'examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(resolve(examplesDir, f), 'utf8')) as Json] as const)
  .filter(([, json]) => (json as { format?: string }).format === 'hta-workbench-model');

/** Paths of every value in the document (objects and arrays included), in document order. */
function paths(node: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(node)) return [...here, ...node.flatMap((v, i) => paths(v, [...at, i]))];
  if (node !== null && typeof node === 'object') return [...here, ...Object.entries(node).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** A copy of `doc` with `edit` applied to the container of the last key of `path`. */
function edited(doc: Json, path: (string | number)[], edit: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(doc);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  edit(parent, path[path.length - 1]!);
  return copy;
}

/**
 * Broken copies, spread over the whole document (about 60 of each kind): a value made a value of another type, an
 * object field removed, an object given an unknown field.
 */
function brokenCopies(doc: Json): Json[] {
  const all = paths(doc);
  const step = Math.max(1, Math.floor(all.length / 60));
  const out: Json[] = [];
  all.forEach((path, i) => {
    if (i % step !== 0) return;
    const node = path.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, doc);
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) out.push(path.length === 0 ? { ...node, colour: 'red' } : edited(doc, path, (parent, key) => ((parent[key] as Record<string, Json>).colour = 'red')));
    if (path.length === 0) return;
    out.push(edited(doc, path, (parent, key) => (parent[key] = typeof parent[key] === 'string' ? 42 : typeof parent[key] === 'number' ? 'forty-two' : Array.isArray(parent[key]) ? {} : [])));
    if (typeof path[path.length - 1] === 'string') out.push(edited(doc, path, (parent, key) => delete parent[key]));
  });
  return out;
}

const issuesOf = (json: Json, jitless: boolean) => {
  const parsed = htaModelSchema.safeParse(structuredClone(json), { error: describeZodIssue, reportInput: true, jitless });
  return parsed.success ? { data: parsed.data } : { issues: parsed.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
};

describe('model schema: parsing with and without zod fast path', () => {
  it('has bundled examples to break', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples)('%s: the same issues for every broken copy, and the same parsed model when valid', (_name, doc) => {
    expect(issuesOf(doc, true)).toEqual(issuesOf(doc, false));
    const copies = brokenCopies(doc);
    expect(copies.length).toBeGreaterThan(20);
    let refused = 0;
    for (const copy of copies) {
      const jitless = issuesOf(copy, true);
      expect(jitless).toEqual(issuesOf(copy, false));
      if (jitless.issues) refused++;
    }
    // The edits must mostly break the model, or this compares little but successes.
    expect(refused).toBeGreaterThan(copies.length / 2);
  });

  it('checkModelSchema gives the same issues on its first (jitless) and later parses', () => {
    const [, doc] = examples[0]!;
    const copy = brokenCopies(doc).find((c) => !htaModelSchema.safeParse(c).success)!;
    const first = checkModelSchema(copy);
    expect(first.issues.length).toBeGreaterThan(0);
    expect(checkModelSchema(copy)).toEqual(first);
  });
});

// The schema check of a model file, in one place for validateModel and parseModel: nesting depth first (an
// iterative walk, so a 10,000-deep file cannot overflow the stack in zod's recursive parse), then the zod schema
// with plain-language messages, each located by its path in the file.
import { htaModelSchema } from './schema';
import type { HtaModel } from './schema';
import type { IssuePath, ModelIssue } from '../errors';
import { MAX_MODEL_JSON_DEPTH } from './limits';
import { describeZodIssue, flattenZodIssues } from '../../shared/zod-issue-text';

/** Path of the first array or object nested deeper than `limit` levels, or null. */
export function pathDeeperThan(root: unknown, limit: number): IssuePath | null {
  const stack: { value: unknown; path: IssuePath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= limit) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return null;
}

export function checkModelSchema(json: unknown): { model?: HtaModel; issues: ModelIssue[] } {
  const deep = pathDeeperThan(json, MAX_MODEL_JSON_DEPTH);
  if (deep) return { issues: [{ code: 'too-deep', severity: 'error', path: deep, message: `nested more than ${MAX_MODEL_JSON_DEPTH} levels deep; a model file never is` }] };
  const parsed = htaModelSchema.safeParse(json, { error: describeZodIssue, reportInput: true });
  if (parsed.success) return { model: parsed.data, issues: [] };
  const issues = flattenZodIssues(parsed.error.issues).map(
    (p): ModelIssue => ({ code: 'schema', severity: 'error', path: p.path.map((k) => (typeof k === 'symbol' ? String(k) : k)), message: p.message }),
  );
  return { issues };
}

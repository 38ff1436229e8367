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

/**
 * zod compiles a fast path (new Function) for each object schema at its first parse: for the one parse most
 * processes make (a CLI command, a worker) compiling costs more than it saves (liquid-biopsy example, cold: 45 ms
 * against 18 ms without it). So the first parse of a process goes without it; later ones compile and use it. The
 * issues are the same either way (tests/engine/model/schema-jitless.test.ts).
 */
let parsesSoFar = 0;

export function checkModelSchema(json: unknown): { model?: HtaModel; issues: ModelIssue[] } {
  const deep = pathDeeperThan(json, MAX_MODEL_JSON_DEPTH);
  if (deep) {
    const message = `nested more than ${MAX_MODEL_JSON_DEPTH} levels deep; a model file never is`;
    return { issues: [{ code: 'too-deep', severity: 'error', path: deep, message, detail: { code: 'model-too-deep', values: { maximum: MAX_MODEL_JSON_DEPTH } } }] };
  }
  const parsed = htaModelSchema.safeParse(json, { error: describeZodIssue, reportInput: true, jitless: parsesSoFar++ === 0 });
  if (parsed.success) return { model: parsed.data, issues: [] };
  const issues = flattenZodIssues(parsed.error.issues).map((p): ModelIssue => {
    const path = p.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    const hint = portingHint(json, path, p.message);
    const detail = hint && p.detail ? { code: 'with-hint', parts: { problem: p.detail, hint: { code: hint.code } } } : p.detail;
    return { code: 'schema', severity: 'error', path, message: hint ? hint.message : p.message, ...(detail ? { detail } : {}) };
  });
  return { issues };
}

function valueAt(root: unknown, path: IssuePath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Whether the path is a parameter's value: parameters[i].value/expression, or an override in a strategy or scenario. */
function isParameterValuePath(path: IssuePath): boolean {
  if (path[0] === 'parameters') return path.length === 3 && (path[2] === 'value' || path[2] === 'expression');
  return (path[0] === 'strategies' || path[0] === 'scenarios') && path.length === 4 && path[2] === 'parameters';
}

/** Messages for what modellers porting R or spreadsheet models write first (issue 14): where it goes instead. */
function portingHint(json: unknown, path: IssuePath, message: string): { message: string; code: string } | undefined {
  if (isParameterValuePath(path) && Array.isArray(valueAt(json, path))) {
    return { code: 'hint-lookup-table', message: `${message}: a parameter holds one number or expression; put values that vary by age, cycle or group in a lookup table ("tables", see docs/model-format.md#lookup-tables) and read them with e.g. mortality(age) or by_cycle(cycle)` };
  }
  if (path[0] === 'strategies' && path.length === 2 && /"transitionValues"/.test(message)) {
    return { code: 'hint-transition-values', message: `${message}: transition values are model-level (model.transitionValues, shared by every strategy); to make one differ by strategy, write it with a parameter and override that parameter in the strategy's "parameters"` };
  }
  return undefined;
}

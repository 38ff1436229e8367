// Plain words for zod's generic issues ("must be at least 1" instead of "Too small: expected number to be >=1"),
// shared by model files (src/engine/model/validate.ts) and dossier files (src/dossier/parse-file.ts). Pure: no
// DOM, no Node. Messages written in a schema (refine, regex) take precedence over these.
import type { z } from 'zod';

/** A located problem from a zod issue: the path into the value and a message in plain words. */
export interface ZodProblem {
  path: PropertyKey[];
  message: string;
}

export function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return input.length > 40 ? 'a text' : `the text ${JSON.stringify(input)}`;
  if (typeof input === 'number') return Number.isFinite(input) ? `the number ${input}` : 'a non-finite number';
  if (typeof input === 'object') return 'an object';
  return `a ${typeof input}`;
}

const typeNames: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
  record: 'an object',
};

function typeName(expected: string): string {
  return Object.hasOwn(typeNames, expected) ? typeNames[expected]! : expected;
}

function formatLimit(x: number | bigint): string {
  return typeof x === 'number' && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x);
}

/** A union whose every branch failed only on the type of the value itself (e.g. number | text given true). */
function unionTypeMismatch(issue: { errors: readonly (readonly z.core.$ZodIssueBase[])[] }): string[] | null {
  const expected: string[] = [];
  for (const branch of issue.errors) {
    if (branch.length !== 1 || branch[0]!.code !== 'invalid_type' || branch[0]!.path.length !== 0) return null;
    expected.push(typeName((branch[0] as z.core.$ZodIssueInvalidType).expected));
  }
  return expected.length > 0 ? [...new Set(expected)] : null;
}

function ownField(input: unknown, key: PropertyKey): unknown {
  return input !== null && typeof input === 'object' && Object.hasOwn(input, key) ? (input as Record<PropertyKey, unknown>)[key] : undefined;
}

/** Error map for safeParse(..., { error: describeZodIssue, reportInput: true }); undefined keeps zod's message. */
export function describeZodIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeName(issue.expected);
      return issue.input === undefined ? `required field is missing (expected ${expected})` : `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `text is too long (at most ${formatLimit(issue.maximum)} characters)`;
      if (issue.origin === 'array') return `too many items (at most ${formatLimit(issue.maximum)})`;
      return issue.inclusive === false ? `must be less than ${formatLimit(issue.maximum)}` : `must be at most ${formatLimit(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return `text is too short (at least ${formatLimit(issue.minimum)} character${issue.minimum === 1 ? '' : 's'})`;
      if (issue.origin === 'array') return `too few items (at least ${formatLimit(issue.minimum)})`;
      return issue.inclusive === false ? `must be greater than ${formatLimit(issue.minimum)}` : `must be at least ${formatLimit(issue.minimum)}`;
    case 'invalid_format':
      return `expected ${issue.format} format`;
    case 'invalid_union': {
      const raw = issue as unknown as { discriminator?: string; options?: unknown[]; errors: readonly (readonly z.core.$ZodIssueBase[])[] };
      if (raw.discriminator !== undefined && raw.options) {
        return `expected ${raw.options.map((o) => JSON.stringify(o)).join(' or ')}, got ${describeValue(ownField(issue.input, raw.discriminator))}`;
      }
      const types = unionTypeMismatch(raw);
      return types ? `expected ${types.join(' or ')}, got ${describeValue(issue.input)}` : undefined;
    }
    case 'invalid_key': {
      const inner = (issue as unknown as { issues?: readonly { message: string }[] }).issues?.[0]?.message;
      return `invalid name${inner ? `: ${inner}` : ''}`;
    }
    default:
      return undefined;
  }
}

/**
 * Every issue as a located problem. A union that failed for another reason than the value's type reports the
 * problems of its closest branch (the one that matched the type, else the one with fewest problems).
 */
export function flattenZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ZodProblem[] {
  const out: ZodProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !unionTypeMismatch(issue)) {
      const typed = issue.errors.filter((e) => !e.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      const candidates = typed.length > 0 ? typed : issue.errors;
      const branch = candidates.reduce((best, e) => (e.length < best.length ? e : best));
      out.push(...flattenZodIssues(branch, path));
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

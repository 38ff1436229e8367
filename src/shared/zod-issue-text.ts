// Plain words for zod's generic issues ("must be at least 1" instead of "Too small: expected number to be >=1"),
// shared by model files (src/engine/model/validate.ts) and dossier files (src/dossier/parse-file.ts). Pure: no
// DOM, no Node. Messages written in a schema (refine, regex) take precedence over these.
import type { z } from 'zod';
import type { ProblemDetail } from './problem-detail';

/** A located problem from a zod issue: the path into the value, a message in plain words and, when the message is
 * one of ours rather than a schema's own, its detail for wording it in another language. */
export interface ZodProblem {
  path: PropertyKey[];
  message: string;
  detail?: ProblemDetail;
}

/** What a value is, as a problem piece ("the number 5", "a list"). */
export function valueDetail(input: unknown): ProblemDetail {
  if (input === null) return { code: 'value-null' };
  if (Array.isArray(input)) return { code: 'value-list' };
  if (typeof input === 'string') return input.length > 40 ? { code: 'value-long-text' } : { code: 'value-text', values: { text: JSON.stringify(input) } };
  if (typeof input === 'number') return Number.isFinite(input) ? { code: 'value-number', values: { value: input } } : { code: 'value-non-finite' };
  if (typeof input === 'object') return { code: 'value-object' };
  return { code: 'value-type', values: { type: typeof input } };
}

export function describeValue(input: unknown): string {
  return englishText(valueDetail(input));
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

function typeDetail(expected: string): ProblemDetail {
  return { code: 'type', values: { type: expected } };
}

function literalDetail(value: unknown): ProblemDetail {
  return { code: 'literal', values: { text: JSON.stringify(value) } };
}

function formatLimit(x: number | bigint): string {
  return typeof x === 'number' && Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x);
}

function limit(x: number | bigint): number {
  return Number(x);
}

/** A union whose every branch failed only on the type of the value itself (e.g. number | text given true). */
function unionTypeMismatch(issue: { errors: readonly (readonly z.core.$ZodIssueBase[])[] }): string[] | null {
  const expected: string[] = [];
  for (const branch of issue.errors) {
    if (branch.length !== 1 || branch[0]!.code !== 'invalid_type' || branch[0]!.path.length !== 0) return null;
    expected.push((branch[0] as z.core.$ZodIssueInvalidType).expected);
  }
  // Two zod types with one plain name (object, record) are one expectation.
  const seen = new Map<string, string>();
  for (const type of expected) if (![...seen.values()].includes(englishType(type))) seen.set(type, englishType(type));
  return expected.length > 0 ? [...seen.keys()] : null;
}

function ownField(input: unknown, key: PropertyKey): unknown {
  return input !== null && typeof input === 'object' && Object.hasOwn(input, key) ? (input as Record<PropertyKey, unknown>)[key] : undefined;
}

type IssueLike = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** The problem a zod issue describes, as data (undefined: zod's own message stays). */
export function zodIssueDetail(issue: IssueLike): ProblemDetail | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? { code: 'missing', parts: { expected: typeDetail(issue.expected) } } : { code: 'expected-got', parts: { expected: [typeDetail(issue.expected)], got: valueDetail(issue.input) } };
    case 'unrecognized_keys':
      return { code: issue.keys.length > 1 ? 'unknown-fields' : 'unknown-field', values: { keys: issue.keys.map((k) => JSON.stringify(k)).join(', ') } };
    case 'invalid_value':
      return { code: 'expected-got', parts: { expected: issue.values.map(literalDetail), got: valueDetail(issue.input) } };
    case 'too_big': {
      const code = issue.origin === 'string' ? 'text-too-long' : issue.origin === 'array' ? 'too-many-items' : issue.inclusive === false ? 'less-than' : 'at-most';
      return { code, values: { maximum: limit(issue.maximum) } };
    }
    case 'too_small': {
      const code = issue.origin === 'string' ? (issue.minimum === 1 ? 'text-too-short-one' : 'text-too-short') : issue.origin === 'array' ? 'too-few-items' : issue.inclusive === false ? 'greater-than' : 'at-least';
      return { code, values: { minimum: limit(issue.minimum) } };
    }
    case 'invalid_format':
      return { code: 'format', values: { format: issue.format } };
    case 'invalid_union': {
      const raw = issue as unknown as { discriminator?: string; options?: unknown[]; errors: readonly (readonly z.core.$ZodIssueBase[])[] };
      if (raw.discriminator !== undefined && raw.options) {
        return { code: 'expected-got', parts: { expected: raw.options.map(literalDetail), got: valueDetail(ownField(issue.input, raw.discriminator)) } };
      }
      const types = unionTypeMismatch(raw);
      return types ? { code: 'expected-got', parts: { expected: types.map(typeDetail), got: valueDetail(issue.input) } } : undefined;
    }
    case 'invalid_key': {
      const inner = (issue as unknown as { issues?: readonly IssueLike[] }).issues?.[0];
      const message = inner?.message;
      if (!inner || !message) return { code: 'invalid-name' };
      const innerDetail = zodIssueDetail(inner);
      // The schema's own message has no detail: kept as a text piece (screens then show the English whole).
      return { code: 'invalid-name-because', parts: { reason: innerDetail && englishText(innerDetail) === message ? innerDetail : { code: 'text', values: { text: message } } } };
    }
    default:
      return undefined;
  }
}

function englishType(type: string): string {
  return Object.hasOwn(typeNames, type) ? typeNames[type]! : type;
}

function englishPieces(piece: ProblemDetail | readonly ProblemDetail[] | undefined): string {
  if (piece === undefined) return '';
  return Array.isArray(piece) ? (piece as readonly ProblemDetail[]).map(englishText).join(' or ') : englishText(piece as ProblemDetail);
}

/** A detail made here in English words (the CLI's and the English screens' text). */
export function englishText(detail: ProblemDetail): string {
  const v = detail.values ?? {};
  const p = detail.parts ?? {};
  switch (detail.code) {
    case 'value-null': return 'null';
    case 'value-list': return 'a list';
    case 'value-long-text': return 'a text';
    case 'value-text': return `the text ${v.text}`;
    case 'value-number': return `the number ${v.value}`;
    case 'value-non-finite': return 'a non-finite number';
    case 'value-object': return 'an object';
    case 'value-type': return `a ${v.type}`;
    case 'type': return englishType(String(v.type));
    case 'literal': case 'text': return String(v.text);
    case 'missing': return `required field is missing (expected ${englishPieces(p.expected)})`;
    case 'expected-got': return `expected ${englishPieces(p.expected)}, got ${englishPieces(p.got)}`;
    case 'unknown-field': return `unknown field ${v.keys}`;
    case 'unknown-fields': return `unknown fields ${v.keys}`;
    case 'text-too-long': return `text is too long (at most ${formatLimit(Number(v.maximum))} characters)`;
    case 'too-many-items': return `too many items (at most ${formatLimit(Number(v.maximum))})`;
    case 'less-than': return `must be less than ${formatLimit(Number(v.maximum))}`;
    case 'at-most': return `must be at most ${formatLimit(Number(v.maximum))}`;
    case 'text-too-short-one': return `text is too short (at least ${formatLimit(Number(v.minimum))} character)`;
    case 'text-too-short': return `text is too short (at least ${formatLimit(Number(v.minimum))} characters)`;
    case 'too-few-items': return `too few items (at least ${formatLimit(Number(v.minimum))})`;
    case 'greater-than': return `must be greater than ${formatLimit(Number(v.minimum))}`;
    case 'at-least': return `must be at least ${formatLimit(Number(v.minimum))}`;
    case 'format': return `expected ${v.format} format`;
    case 'invalid-name': return 'invalid name';
    case 'invalid-name-because': return `invalid name: ${englishPieces(p.reason)}`;
    default: return detail.code;
  }
}

/** Error map for safeParse(..., { error: describeZodIssue, reportInput: true }); undefined keeps zod's message. */
export function describeZodIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const detail = zodIssueDetail(issue);
  return detail && englishText(detail);
}

/** Messages schemas write themselves ({ error: schemaError(...) }), by their English text. */
const schemaErrors = new Map<string, ProblemDetail>();

/** A schema's own message with its detail, for `{ error: schemaError(message, detail) }` (the message stays as written). */
export function schemaError(message: string, detail: ProblemDetail): string {
  schemaErrors.set(message, detail);
  return message;
}

/** An issue a refinement adds; its params may carry the detail. */
export type CustomIssue = {
  code: 'custom';
  path: (string | number)[];
  message: string;
  params?: { detail?: ProblemDetail };
};

/** A refinement's issue with its detail (kept in the issue's params), for ctx.addIssue. */
export function customIssue(path: (string | number)[], message: string, detail: ProblemDetail): CustomIssue {
  return { code: 'custom', path, message, params: { detail } };
}

/** The detail of a final issue: ours when the message is ours, else the one the schema gave with its message. */
function issueDetail(issue: z.core.$ZodIssue): ProblemDetail | undefined {
  const detail = zodIssueDetail(issue);
  if (detail && englishText(detail) === issue.message) return detail;
  if (issue.code === 'custom') {
    const given = (issue.params as { detail?: ProblemDetail } | undefined)?.detail;
    if (given) return given;
  }
  return schemaErrors.get(issue.message);
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
      const detail = issueDetail(issue);
      out.push(detail ? { path, message: issue.message, detail } : { path, message: issue.message });
    }
  }
  return out;
}

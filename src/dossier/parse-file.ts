// Reading dossier and backup files: the whole file is checked before anything is written, and every
// problem is reported with its path (e.g. `dossier.evidence[3].sensitivity.lower: expected a number
// between 0 and 1`). Order of checks: size → JSON syntax → hostile keys and nesting → envelope (format,
// version) → migration → schema.
import type { z } from 'zod';
import {
  BACKUP_FILE_FORMAT,
  BACKUP_FILE_VERSION,
  DOSSIER_FILE_FORMAT,
  DOSSIER_FILE_VERSION,
  backupFileSchema,
  dossierFileSchema,
} from './file-format';
import type { BackupFile, DossierFile } from './file-format';
import { MAX_BACKUP_FILE_BYTES, MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_REPORTED_PROBLEMS } from './limits';
import { backupFileMigrations, dossierFileMigrations, migrateFile } from './migrations';
import type { JsonObject, MigrationChain } from './migrations';
import { upgradeElementWording } from './element-wording';
import { dossierSchema } from './schema';
import type { Dossier } from './schema';

/** One problem in a file; `path` is empty for problems with the file as a whole. */
export interface FileProblem {
  path: string;
  message: string;
}

export type DossierFileResult =
  | { ok: true; dossier: Dossier; file: DossierFile; migratedFrom: number | null }
  | { ok: false; problems: FileProblem[] };

export type BackupFileResult = { ok: true; backup: BackupFile; migratedFrom: number | null } | { ok: false; problems: FileProblem[] };

export interface ParseOptions {
  /** Replaces the shipped migration chain (tests use synthetic chains). */
  migrations?: MigrationChain;
}

/** Keys that could pollute prototypes when a parsed object is later merged or spread. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function formatProblem(problem: FileProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Validates a dossier (not a file) with the same plain-language messages as file import. */
export function validateDossier(value: unknown): { ok: true; dossier: Dossier } | { ok: false; problems: FileProblem[] } {
  const parsed = dossierSchema.safeParse(value, { error: describeIssue, reportInput: true });
  return parsed.success ? { ok: true, dossier: parsed.data } : { ok: false, problems: problemsFromIssues(parsed.error.issues) };
}

export function parseDossierFile(text: string, options: ParseOptions = {}): DossierFileResult {
  const read = readEnvelope(text, DOSSIER_FILE_FORMAT, DOSSIER_FILE_VERSION, options.migrations ?? dossierFileMigrations, MAX_FILE_BYTES);
  if (!read.ok) return read;
  const parsed = dossierFileSchema.safeParse(read.file, { error: describeIssue, reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  // Element wording corrected against the Core Model cards (a data fix-up; see element-wording.ts).
  const file = { ...parsed.data, dossier: upgradeElementWording(parsed.data.dossier).dossier };
  return { ok: true, dossier: file.dossier, file, migratedFrom: read.migratedFrom };
}

export function parseBackupFile(text: string, options: ParseOptions = {}): BackupFileResult {
  const read = readEnvelope(text, BACKUP_FILE_FORMAT, BACKUP_FILE_VERSION, options.migrations ?? backupFileMigrations, MAX_BACKUP_FILE_BYTES);
  if (!read.ok) return read;
  const parsed = backupFileSchema.safeParse(read.file, { error: describeIssue, reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  const backup = {
    ...parsed.data,
    dossiers: parsed.data.dossiers.map((d) => upgradeElementWording(d).dossier),
    snapshots: parsed.data.snapshots.map((s) => ({ ...s, dossier: upgradeElementWording(s.dossier).dossier })),
  };
  return { ok: true, backup, migratedFrom: read.migratedFrom };
}

type EnvelopeResult = { ok: true; file: JsonObject; migratedFrom: number | null } | { ok: false; problems: FileProblem[] };

function fail(message: string, path = ''): { ok: false; problems: FileProblem[] } {
  return { ok: false, problems: [{ path, message }] };
}

function readEnvelope(text: string, format: string, current: number, chain: MigrationChain, maxBytes: number): EnvelopeResult {
  if (typeof text !== 'string') return fail('the file could not be read as text');
  // A UTF-16 string has at most 3 UTF-8 bytes per code unit and at least 1; check the cheap bound first.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return fail(`the file is larger than ${maxBytes / (1024 * 1024)} MB, the most HTA Workbench reads`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('the file is empty');
  const json = parseJsonWithLocation(body);
  if (!json.ok) return fail(json.message);
  const hostile = findHostileStructure(json.value);
  if (hostile.length > 0) return { ok: false, problems: hostile };
  const root = json.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return fail(`not an HTA Workbench file: expected a JSON object with "format": "${format}"`);
  const obj = root as JsonObject;
  if (obj.format !== format) return fail(describeWrongFormat(obj.format, format), 'format');
  const migrated = migrateFile(obj, chain, current);
  if (!migrated.ok) return fail(migrated.message, 'version');
  return { ok: true, file: migrated.file, migratedFrom: migrated.migratedFrom };
}

function describeWrongFormat(found: unknown, expected: string): string {
  if (found === BACKUP_FILE_FORMAT) return 'this is a workspace backup, not a dossier file: use "Restore backup" to open it';
  if (found === DOSSIER_FILE_FORMAT) return 'this is a single dossier file, not a workspace backup: use "Import dossier" to open it';
  if (found === undefined) return `not an HTA Workbench file: the "format" field is missing (expected "${expected}")`;
  return `not an HTA Workbench file of this kind: format is ${JSON.stringify(found).slice(0, 80)}, expected "${expected}"`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // surrogate pair: 4 bytes for both code units
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse with a located message: line and column, and a plain word when the file was cut short. */
export function parseJsonWithLocation(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const position = errorPosition(raw, text);
    const truncated = /end of (JSON )?input|Unterminated string/i.test(raw) || (position !== null && position >= text.trimEnd().length);
    if (truncated) return { ok: false, message: 'the file ends unexpectedly: it is truncated or incomplete (invalid JSON)' };
    if (position === null) return { ok: false, message: `invalid JSON: ${raw}` };
    const { line, column } = lineAndColumn(text, position);
    const found = text.charAt(position);
    const near = found.trim() === '' ? '' : ` near ${JSON.stringify(found)}`;
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}${near}` };
  }
}

/** V8 says "at position N" (Node 20) and may add "(line L column C)" (newer Chromium). */
function errorPosition(message: string, text: string): number | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return offsetOf(text, Number(lc[1]), Number(lc[2]));
  const pos = /position (\d+)/.exec(message);
  return pos ? Number(pos[1]) : null;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Walks the raw parse (iteratively, so deep nesting cannot overflow the stack) and reports every
 * prototype-pollution key and any nesting deeper than MAX_JSON_DEPTH, each with its path.
 */
export function findHostileStructure(root: unknown): FileProblem[] {
  const problems: FileProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  let tooDeepReported = false;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) {
      if (!tooDeepReported) problems.push({ path, message: `nested more than ${MAX_JSON_DEPTH} levels deep; a dossier file never is` });
      tooDeepReported = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      const childPath = joinPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: childPath, message: `forbidden key "${key}" (files may not contain __proto__, constructor or prototype keys)` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  return problems;
}

function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const plain = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
  return parent ? (plain === key ? `${parent}.${key}` : `${parent}[${plain}]`) : plain;
}

export function pathToString(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => joinPath(acc, typeof seg === 'symbol' ? String(seg) : seg), '');
}

function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): FileProblem[] {
  const all = flattenIssues(issues);
  const shown = all.slice(0, MAX_REPORTED_PROBLEMS);
  if (all.length > shown.length) shown.push({ path: '', message: `…and ${all.length - shown.length} more problems` });
  return shown;
}

/** Unions report the problems of their branches; list those rather than a vague "invalid input". */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FileProblem[] {
  const out: FileProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = issue.errors.reduce((best, e) => (e.length < best.length ? e : best));
      out.push(...flattenIssues(branch, path));
    } else {
      out.push({ path: pathToString(path), message: issue.message });
    }
  }
  return out;
}

function describeValue(input: unknown): string {
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
};

/** Plain-language messages for zod's generic issues; schema-specific messages take precedence. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `required field is missing (expected ${expected})` : `expected ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return issue.origin === 'string' ? `text is too long (at most ${issue.maximum} characters)` : issue.origin === 'array' ? `too many items (at most ${issue.maximum})` : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? `text is too short (at least ${issue.minimum} characters)` : issue.origin === 'array' ? `too few items (at least ${issue.minimum})` : `must be at least ${issue.minimum}`;
    case 'invalid_format':
      return `expected ${issue.format} format`;
    default:
      return undefined;
  }
}

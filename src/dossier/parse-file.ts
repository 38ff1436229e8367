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
import { describeZodIssue, flattenZodIssues } from '../shared/zod-issue-text';
import { readJsonText } from './json-text';
import type { ProblemDetail } from '../shared/problem-detail';
import { MODEL_FORMAT } from '../engine/model/schema';

/** One problem in a file; `path` is empty for problems with the file as a whole. */
export interface FileProblem {
  path: string;
  /** In English (the CLI's words). */
  message: string;
  /** The message as data, for screens that word it in the display language (src/report/file-problems.ts). */
  detail?: ProblemDetail;
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
  const parsed = dossierSchema.safeParse(value, { error: describeZodIssue, reportInput: true });
  return parsed.success ? { ok: true, dossier: parsed.data } : { ok: false, problems: problemsFromIssues(parsed.error.issues) };
}

export function parseDossierFile(text: string, options: ParseOptions = {}): DossierFileResult {
  const read = readEnvelope(text, DOSSIER_FILE_FORMAT, DOSSIER_FILE_VERSION, options.migrations ?? dossierFileMigrations, MAX_FILE_BYTES);
  if (!read.ok) return read;
  const parsed = dossierFileSchema.safeParse(read.file, { error: describeZodIssue, reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  // Element wording corrected against the Core Model cards (a data fix-up; see element-wording.ts).
  const file = { ...parsed.data, dossier: upgradeElementWording(parsed.data.dossier).dossier };
  return { ok: true, dossier: file.dossier, file, migratedFrom: read.migratedFrom };
}

export function parseBackupFile(text: string, options: ParseOptions = {}): BackupFileResult {
  const read = readEnvelope(text, BACKUP_FILE_FORMAT, BACKUP_FILE_VERSION, options.migrations ?? backupFileMigrations, MAX_BACKUP_FILE_BYTES);
  if (!read.ok) return read;
  const parsed = backupFileSchema.safeParse(read.file, { error: describeZodIssue, reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  const backup = {
    ...parsed.data,
    dossiers: parsed.data.dossiers.map((d) => upgradeElementWording(d).dossier),
    snapshots: parsed.data.snapshots.map((s) => ({ ...s, dossier: upgradeElementWording(s.dossier).dossier })),
  };
  return { ok: true, backup, migratedFrom: read.migratedFrom };
}

type EnvelopeResult = { ok: true; file: JsonObject; migratedFrom: number | null } | { ok: false; problems: FileProblem[] };

function fail(message: string, detail: ProblemDetail, path = ''): { ok: false; problems: FileProblem[] } {
  return { ok: false, problems: [{ path, message, detail }] };
}

function readEnvelope(text: string, format: string, current: number, chain: MigrationChain, maxBytes: number): EnvelopeResult {
  if (typeof text !== 'string') return fail('the file could not be read as text', { code: 'not-text' });
  // A UTF-16 string has at most 3 UTF-8 bytes per code unit and at least 1; check the cheap bound first.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    const megabytes = maxBytes / (1024 * 1024);
    return fail(`the file is larger than ${megabytes} MB, the most HTA Workbench reads`, { code: 'file-too-large', values: { megabytes } });
  }
  const json = readJsonText(text);
  if (!json.ok) return { ok: false, problems: json.problems.map((p) => ({ path: pathToString(p.path), message: p.message, detail: p.detail })) };
  const hostile = findHostileStructure(json.value);
  if (hostile.length > 0) return { ok: false, problems: hostile };
  const root = json.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return fail(`not an HTA Workbench file: expected a JSON object with "format": "${format}"`, { code: 'not-an-object', values: { format: JSON.stringify(format) } });
  }
  const obj = root as JsonObject;
  if (obj.format !== format) return fail(describeWrongFormat(obj.format, format), wrongFormatDetail(obj.format, format), 'format');
  const migrated = migrateFile(obj, chain, current);
  if (!migrated.ok) return fail(migrated.message, migrated.detail, 'version');
  return { ok: true, file: migrated.file, migratedFrom: migrated.migratedFrom };
}

function describeWrongFormat(found: unknown, expected: string): string {
  if (found === BACKUP_FILE_FORMAT) return 'this is a workspace backup, not a dossier file: use "Restore backup" to open it';
  if (found === DOSSIER_FILE_FORMAT) return 'this is a single dossier file, not a workspace backup: use "Import dossier" to open it';
  if (found === MODEL_FORMAT) return 'this is a model file: open it on the Models screen with "Open model file…"';
  if (found === undefined) return `not an HTA Workbench file: the "format" field is missing (expected "${expected}")`;
  return `not an HTA Workbench file of this kind: format is ${JSON.stringify(found).slice(0, 80)}, expected "${expected}"`;
}

function wrongFormatDetail(found: unknown, expected: string): ProblemDetail {
  if (found === BACKUP_FILE_FORMAT) return { code: 'is-a-backup' };
  if (found === DOSSIER_FILE_FORMAT) return { code: 'is-a-dossier-file' };
  if (found === MODEL_FORMAT) return { code: 'is-a-model-file' };
  if (found === undefined) return { code: 'format-missing', values: { format: JSON.stringify(expected) } };
  return { code: 'wrong-format', values: { found: JSON.stringify(found).slice(0, 80), format: JSON.stringify(expected) } };
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
      if (!tooDeepReported) problems.push({ path, message: `nested more than ${MAX_JSON_DEPTH} levels deep; a dossier file never is`, detail: { code: 'dossier-too-deep', values: { maximum: MAX_JSON_DEPTH } } });
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
        problems.push({ path: childPath, message: `forbidden key "${key}" (files may not contain __proto__, constructor or prototype keys)`, detail: { code: 'forbidden-key', values: { key: JSON.stringify(key) } } });
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
  const all = flattenZodIssues(issues).map((p): FileProblem => ({ path: pathToString(p.path), message: p.message, ...(p.detail ? { detail: p.detail } : {}) }));
  const shown = all.slice(0, MAX_REPORTED_PROBLEMS);
  const more = all.length - shown.length;
  if (more > 0) shown.push({ path: '', message: `…and ${more} more problems`, detail: { code: 'more-problems', values: { count: more } } });
  return shown;
}

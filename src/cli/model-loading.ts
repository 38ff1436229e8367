// Reading and checking a model file for any command: prints located problems and returns null when invalid.
import { validateModel } from '../engine/model/validate';
import type { ValidationReport } from '../engine/model/validate';
import { formatIssue } from '../engine/errors';
import type { ModelIssue } from '../engine/errors';
import type { HtaModel } from '../engine/model/schema';
import { readFileSync } from 'node:fs';
import { readJsonText } from '../dossier/json-text';
import type { JsonTextProblem } from '../dossier/json-text';
import { MAX_MODEL_JSON_DEPTH } from '../engine/model/limits';
import { UsageError } from './io';
import type { CliIo } from './io';

/** Thrown when the file is read but is not clean JSON (syntax, duplicate keys, nesting): an invalid model (exit 1). */
export class InvalidJsonError extends Error {
  constructor(readonly problems: JsonTextProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InvalidJsonError';
  }
}

/** The file's JSON value, read as the app reads files (byte order mark skipped, duplicate keys refused). */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const read = readJsonText(text, { maxDepth: MAX_MODEL_JSON_DEPTH });
  if (!read.ok) throw new InvalidJsonError(read.problems);
  return read.value;
}

export function validateFile(path: string): ValidationReport {
  try {
    return validateModel(readJsonFile(path));
  } catch (e) {
    if (e instanceof InvalidJsonError) {
      const issues = e.problems.map((p): ModelIssue => ({ code: 'json', severity: 'error', path: p.path, message: p.path.length === 0 ? `not valid JSON: ${p.message}` : p.message }));
      return { valid: false, issues };
    }
    throw e;
  }
}

/** The parsed model, or null after printing every problem (prefixed with the file name) to stderr. */
export function loadValidModel(path: string, io: CliIo): HtaModel | null {
  const report = validateFile(path);
  if (report.valid && report.model) {
    for (const w of report.issues) io.err(`${path}: ${formatIssue(w)}`);
    return report.model;
  }
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  io.err(`${path}: invalid model (${errors} error${errors === 1 ? '' : 's'})`);
  for (const i of report.issues) io.err(`  ${formatIssue(i)}`);
  return null;
}

// Reading and checking a model file for any command: prints located problems and returns null when invalid.
import { validateModel } from '../engine/model/validate';
import type { ValidationReport } from '../engine/model/validate';
import { formatIssue } from '../engine/errors';
import type { ModelIssue } from '../engine/errors';
import type { HtaModel } from '../engine/model/schema';
import { readJsonFile, InvalidJsonError } from './io';
import type { CliIo } from './io';

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

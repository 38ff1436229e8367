// The bundled example dossier file (resources/examples/liquid-biopsy-nsclc.htad.json) as report input, prepared
// once per test file: its linked model with every analysis computed (a short PSA keeps tests quick).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDossierFile } from '../../src/dossier/parse-file';
import type { DossierFile } from '../../src/dossier/file-format';
import { prepareReportInput } from '../../src/report/report-input';
import type { ReportInput } from '../../src/report/report-input';

export const EXAMPLE_FILE = resolve(__dirname, '..', '..', 'resources', 'examples', 'liquid-biopsy-nsclc.htad.json');
export const NOW = '2026-12-06T10:00:00.000Z';
export const ITERATIONS = 300;

export function exampleFile(): DossierFile {
  const parsed = parseDossierFile(readFileSync(EXAMPLE_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.file;
}

let cached: ReportInput | null = null;

/** The example's report input (computed once, shared; treat as read-only). */
export function exampleInput(): ReportInput {
  cached ??= prepareReportInput(exampleFile(), { seed: 1, iterations: ITERATIONS, appVersion: '0.1.0', now: NOW });
  return cached;
}

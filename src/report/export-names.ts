// File names of exports say what is in them: model, analysis and date, e.g.
// "liquid-biopsy-advanced-nsclc-incremental-analysis-2026-05-01.xlsx".
import { titleSlug } from '../dossier/file-format';

/** "2026-05-01" (the local calendar date of `at`). */
export function exportDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function exportFileName(modelTitle: string, analysis: string, at: Date, extension: string): string {
  const model = titleSlug(modelTitle, 60) || 'model';
  const what = titleSlug(analysis, 50) || 'results';
  return `${model}-${what}-${exportDate(at)}.${extension}`;
}

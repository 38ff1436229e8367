// The dossier's test-accuracy data as the Test accuracy screen and the report use it: every 2×2 table of the evidence
// register, the subsets a meta-analysis can be restricted to (index test, alteration), one table per study for a
// meta-analysis, and the QUADAS-2 judgements of the chosen studies. Pure functions over the dossier.
import type { AccuracyStudy } from '../engine/accuracy/two-by-two';
import type { Dossier, Quadas, TwoByTwoTable } from './schema';

export interface AccuracyRow {
  evidenceId: string;
  /** Short label of the study for plots and tables, e.g. "Mack PC et al. 2020". */
  label: string;
  citation: string;
  n: number | null;
  table: TwoByTwoTable;
  unverified: boolean;
  secondarySource: boolean;
}

/** "Mack PC, Banks KC, et al. … 2020" → "Mack PC et al. 2020"; otherwise the first words, at most 40 characters. */
export function shortCitation(citation: string): string {
  const text = citation.trim();
  const year = /\b(19|20)\d{2}[a-z]?\b/.exec(text)?.[0];
  const etAl = /^(.{1,80}?)\s*,?\s*\bet al\b/.exec(text)?.[1];
  if (etAl) return `${etAl.split(',')[0]!.trim()} et al.${year ? ` ${year}` : ''}`;
  const firstAuthor = /^([^,.;(]{1,40})/.exec(text)?.[1]?.trim();
  if (firstAuthor && year && firstAuthor.length < text.length) return `${firstAuthor} ${year}`;
  return text.length > 40 ? `${text.slice(0, 39)}…` : text || 'Unnamed study';
}

export function accuracyRows(d: Dossier): AccuracyRow[] {
  return d.evidence.flatMap((e) =>
    (e.twoByTwo ?? []).map((table) => ({
      evidenceId: e.id,
      label: shortCitation(e.citation),
      citation: e.citation,
      n: e.n,
      table,
      unverified: e.unverified,
      secondarySource: e.secondarySource,
    })),
  );
}

export interface AccuracyFilter {
  /** null: every index test. */
  indexTest: string | null;
  alteration: string | null;
}

export function accuracySubsets(rows: readonly AccuracyRow[]): { indexTests: string[]; alterations: string[] } {
  const distinct = (values: string[]) => [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
  return { indexTests: distinct(rows.map((r) => r.table.indexTest)), alterations: distinct(rows.map((r) => r.table.alteration)) };
}

export function selectRows(rows: readonly AccuracyRow[], filter: AccuracyFilter): AccuracyRow[] {
  return rows.filter((r) => (filter.indexTest === null || r.table.indexTest === filter.indexTest) && (filter.alteration === null || r.table.alteration === filter.alteration));
}

/**
 * The studies of a meta-analysis: one per evidence item (a study contributes one table, or it would be counted
 * twice), so the first table of each item in the selection; the others are reported back.
 */
export function studiesOf(rows: readonly AccuracyRow[]): { studies: AccuracyStudy[]; skipped: AccuracyRow[] } {
  const seen = new Set<string>();
  const studies: AccuracyStudy[] = [];
  const skipped: AccuracyRow[] = [];
  for (const r of rows) {
    if (seen.has(r.evidenceId)) {
      skipped.push(r);
      continue;
    }
    seen.add(r.evidenceId);
    const { tp, fn, tn, fp } = r.table;
    studies.push({ study: r.label, tp, fn, tn, fp });
  }
  return { studies, skipped };
}

/** Studies with a QUADAS-2 judgement among the selected rows, once each. */
export function quadasOf(d: Dossier, rows: readonly AccuracyRow[]): { label: string; quadas: Quadas }[] {
  const ids = [...new Set(rows.map((r) => r.evidenceId))];
  return ids.flatMap((id) => {
    const e = d.evidence.find((x) => x.id === id);
    return e?.quadas ? [{ label: shortCitation(e.citation), quadas: e.quadas }] : [];
  });
}

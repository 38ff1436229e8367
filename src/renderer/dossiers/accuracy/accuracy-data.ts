// The dossier's test-accuracy data as the Test accuracy screen uses it: every 2×2 table of the evidence register,
// the subsets a meta-analysis can be restricted to (index test, alteration), and the import of a CSV of 2×2 rows
// into evidence items. Pure functions over the dossier, tested without a browser.
import type { AccuracyStudy } from '../../../engine/accuracy/two-by-two';
import { formatCsvProblem, parseStudiesCsv } from '../../../engine/accuracy/studies-csv';
import { quadasDomains, quadasRatings } from '../../../dossier/schema';
import type { Dossier, Evidence, Quadas, QuadasRating, TwoByTwoTable } from '../../../dossier/schema';

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

// ---- CSV import ----

const key = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

const QUADAS_COLUMNS: { column: string; part: 'riskOfBias' | 'applicability'; domain: string }[] = [
  ...quadasDomains.map((d) => ({ column: `rob_${key(d.label).replace('_and_', '_')}`, part: 'riskOfBias' as const, domain: d.key })),
  ...quadasDomains.filter((d) => d.key !== 'flowAndTiming').map((d) => ({ column: `applicability_${key(d.label)}`, part: 'applicability' as const, domain: d.key })),
];
/** Header names the import understands besides study, tp, fn, tn, fp. */
export const IMPORT_COLUMNS = ['n', 'index_test', 'reference_standard', 'setting', 'alteration', 'derived', 'design', ...QUADAS_COLUMNS.map((c) => c.column)];

function rating(value: string): QuadasRating | null {
  const v = value.trim().toLowerCase();
  if ((quadasRatings as readonly string[]).includes(v)) return v as QuadasRating;
  return v === '+' ? 'low' : v === '-' || v === '−' ? 'high' : v === '?' ? 'unclear' : null;
}

export type TwoByTwoImport =
  | { ok: true; dossier: Dossier; tables: number; newItems: number; updatedItems: number }
  | { ok: false; problems: string[] };

function blankEvidence(id: string, citation: string): Evidence {
  return {
    id, citation, design: 'Diagnostic accuracy study', population: '', n: null, indexTest: '', referenceTest: '',
    sensitivity: null, specificity: null, notes: '', unverified: false, secondarySource: false,
  };
}

/**
 * Adds a CSV of 2×2 rows to the register (see IMPORT_COLUMNS): a row whose study matches an evidence item's
 * citation (ignoring case) is added to it; other studies become new items (rows with the same study name share one).
 * All or nothing: any problem and the dossier is left as it was.
 */
export function importTwoByTwoCsv(d: Dossier, text: string, newId: (prefix: string) => string): TwoByTwoImport {
  const parsed = parseStudiesCsv(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(formatCsvProblem) };
  const problems: string[] = [];
  const evidence = d.evidence.map((e) => ({ ...e }));
  const byCitation = new Map(evidence.map((e) => [e.citation.trim().toLowerCase(), e]));
  const created = new Set<string>();
  const updated = new Set<string>();
  parsed.studies.forEach((s, i) => {
    const row = i + 2;
    const attrs = Object.fromEntries(Object.entries(s.attributes ?? {}).map(([k, v]) => [key(k), v]));
    const unknown = Object.keys(attrs).filter((k) => !IMPORT_COLUMNS.includes(k));
    if (i === 0 && unknown.length > 0) problems.push(`row 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: study, tp, fn, tn, fp, ${IMPORT_COLUMNS.join(', ')})`);
    let item = byCitation.get(s.study.trim().toLowerCase());
    if (!item) {
      item = blankEvidence(newId('ev'), s.study);
      evidence.push(item);
      byCitation.set(s.study.trim().toLowerCase(), item);
      created.add(item.id);
    } else if (!created.has(item.id)) {
      updated.add(item.id);
    }
    const total = s.tp + s.fn + s.tn + s.fp;
    if (attrs.n !== undefined) {
      if (!/^\d+$/.test(attrs.n)) problems.push(`row ${row}, column n: "${attrs.n}" is not a whole number >= 0`);
      else item.n = Number(attrs.n);
    } else if (created.has(item.id)) {
      item.n = Math.max(item.n ?? 0, total);
    }
    if (item.n !== null && total > item.n) problems.push(`row ${row}: TP + FN + TN + FP = ${total} is more than the study's n = ${item.n}`);
    const table: TwoByTwoTable = {
      id: newId('t'),
      indexTest: attrs.index_test ?? '',
      referenceStandard: attrs.reference_standard ?? '',
      setting: attrs.setting ?? '',
      alteration: attrs.alteration ?? '',
      tp: s.tp,
      fn: s.fn,
      tn: s.tn,
      fp: s.fp,
      derived: /^(1|yes|true|y)$/i.test(attrs.derived ?? ''),
    };
    item.twoByTwo = [...(item.twoByTwo ?? []), table];
    if (created.has(item.id)) {
      item.indexTest ||= table.indexTest;
      item.referenceTest ||= table.referenceStandard;
      if (attrs.design) item.design = attrs.design;
    }
    const given = QUADAS_COLUMNS.filter((c) => attrs[c.column] !== undefined);
    if (given.length > 0) {
      const quadas: Quadas = item.quadas ?? {
        riskOfBias: { patientSelection: 'unclear', indexTest: 'unclear', referenceStandard: 'unclear', flowAndTiming: 'unclear' },
        applicability: { patientSelection: 'unclear', indexTest: 'unclear', referenceStandard: 'unclear' },
        notes: '',
      };
      const next = { ...quadas, riskOfBias: { ...quadas.riskOfBias }, applicability: { ...quadas.applicability } };
      for (const c of given) {
        const r = rating(attrs[c.column]!);
        if (r === null) problems.push(`row ${row}, column ${c.column}: "${attrs[c.column]}" is not low, high or unclear`);
        else (next[c.part] as Record<string, QuadasRating>)[c.domain] = r;
      }
      item.quadas = next;
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dossier: { ...d, evidence }, tables: parsed.studies.length, newItems: created.size, updatedItems: updated.size };
}

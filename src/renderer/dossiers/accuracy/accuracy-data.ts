// Import of a CSV of 2×2 rows into evidence items of the dossier (the Test accuracy screen's "Import 2×2 CSV…").
// Pure, tested without a browser; the rows, subsets and studies of a meta-analysis live in dossier/accuracy-rows.
import { formatCsvProblem, parseStudiesCsv } from '../../../engine/accuracy/studies-csv';
import { quadasDomains, quadasRatings } from '../../../dossier/schema';
import type { Dossier, Evidence, Quadas, QuadasRating, TwoByTwoTable } from '../../../dossier/schema';

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

// A large library for the scale benchmark and the library-at-scale end-to-end test: `count` dossiers with
// varied titles, technologies, indications and answers, deterministic (the i-th dossier is always the same), so
// each search has a known number of matches. `heavy` starts every dossier from the bundled example (about 29 kB
// each, with real answers and 21 evidence rows); otherwise from the diagnostic template (about 6 kB).
import { appInfo } from '../src/dossier/app-info';
import { exampleDossier } from '../src/dossier/examples/liquid-biopsy-nsclc';
import { BACKUP_FILE_FORMAT } from '../src/dossier/file-format';
import { newDossier } from '../src/dossier/new-dossier';
import type { Dossier } from '../src/dossier/schema';

const tests = ['ctDNA NGS panel', 'Tissue NGS panel', 'PD-L1 IHC', 'EGFR PCR', 'ALK FISH', 'KRAS G12C assay', 'BRCA germline test', 'HER2 IHC', 'MSI PCR', 'NTRK RNA panel', 'ROS1 FISH', 'BRAF V600E assay', 'MET exon 14 assay'];
const indications = ['advanced NSCLC', 'metastatic colorectal cancer', 'ovarian cancer', 'breast cancer', 'melanoma', 'cholangiocarcinoma', 'thyroid cancer', 'gastric cancer', 'prostate cancer', 'pancreatic cancer', 'endometrial cancer'];
const settings = ['first line', 'second line', 'adjuvant', 'maintenance', 'relapse', 'screening', 'monitoring'];

/** Dossier number i (0-based) of the generated library. */
export function libraryDossier(i: number, heavy: boolean): Dossier {
  const now = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const id = `bench-${String(i).padStart(5, '0')}`;
  const test = tests[i % tests.length]!;
  const indication = indications[i % indications.length]!;
  const setting = settings[i % settings.length]!;
  const title = `${test} for ${setting} ${indication} (${i + 1})`;
  const base: Dossier = heavy ? { ...exampleDossier(), id, createdAt: now, updatedAt: now, title } : newDossier({ id, now, title, template: 'diagnostic', technologyType: 'ngs-panel' });
  const d = structuredClone(base);
  d.indication = `${indication}, ${setting}`;
  d.technology = { ...d.technology, name: test, manufacturer: `Maker ${i % 29}` };
  // One rare word per dossier (dossier i alone says "marker-<i>"), in an answer, so a search reaches the answers.
  const element = d.domains.CUR.elements[0];
  if (element) element.answer = `${element.answer} Cohort reviewed under protocol marker-${i}.`.trim();
  return d;
}

export function libraryDossiers(count: number, heavy: boolean): Dossier[] {
  return Array.from({ length: count }, (_, i) => libraryDossier(i, heavy));
}

/**
 * The library as `.htabackup.json` text, to restore through the app. Written as a version-1 backup, which every later
 * version reads (it migrates), so the same file measures a build before and after a format change.
 */
export function libraryBackupText(count: number, heavy: boolean): string {
  const file = { format: BACKUP_FILE_FORMAT, version: 1, createdAt: '2026-02-01T00:00:00.000Z', app: appInfo, dossiers: libraryDossiers(count, heavy), snapshots: [], history: [] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Searches with a known number of matches among the first `count` dossiers. */
export function librarySearches(count: number): { query: string; matches: number }[] {
  const every = (n: number, r: number) => Array.from({ length: count }, (_, i) => i).filter((i) => i % n === r).length;
  return [
    { query: 'protocol', matches: count }, // every dossier: the broadest search
    { query: 'melanoma', matches: every(indications.length, 4) },
    { query: 'pd-l1 adjuvant', matches: Array.from({ length: count }, (_, i) => i).filter((i) => i % tests.length === 2 && i % settings.length === 2).length },
    { query: `marker-${Math.floor(count / 2)}`, matches: 1 },
    { query: 'nothing-matches-this', matches: 0 },
  ];
}

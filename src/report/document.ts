// The neutral report document: what a report says, independent of the format it is written in. Builders turn a
// dossier with its models and runs into one of these; the HTML, DOCX and XLSX writers only lay it out. Text is
// plain (writers escape it); numbers arrive formatted for the report's locale.
import type { ReportLocale } from './format';
import { en } from './i18n/messages-en';
import { translator } from './i18n/translate';
import type { Translate } from './i18n/translate';

export const reportSectionIds = ['front', 'summary', 'scope', 'domains', 'evidence', 'methods', 'results', 'uncertainty', 'budget', 'countries', 'limitations', 'cheers'] as const;
export type ReportSectionId = (typeof reportSectionIds)[number];

/** Section titles in English (the catalogue's; reports in another language use translator(locale)). */
export const reportSectionTitles = Object.fromEntries(reportSectionIds.map((id) => [id, en[`report.section.${id}`]])) as Record<ReportSectionId, string>;

/** Optional parts of a section, in the report unless left out (the preview's nested choices, `--omit`). */
export const reportPartIds = ['accuracy'] as const;
export type ReportPartId = (typeof reportPartIds)[number];
export const reportParts: Record<ReportPartId, { section: ReportSectionId; title: string }> = {
  accuracy: { section: 'evidence', title: 'Test accuracy synthesis: 2×2 data, QUADAS-2, meta-analysis' },
};

/** full: every section; jca: the joint clinical assessment profile (relative effects and certainty only). */
export const reportProfiles = ['full', 'jca'] as const;
export type ReportProfile = (typeof reportProfiles)[number];
export const reportProfileLabels: Record<ReportProfile, string> = {
  full: 'Full assessment report',
  jca: 'Joint clinical assessment (no economic results or value judgements)',
};

/** Sections each profile can hold. */
export const profileSections: Record<ReportProfile, readonly ReportSectionId[]> = {
  full: reportSectionIds,
  jca: ['front', 'summary', 'scope', 'domains', 'evidence', 'limitations'],
};

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** lead: the summary's generated text; note: smaller print (sources, caveats). */
  role?: 'lead' | 'note';
}

export interface Notice {
  kind: 'notice';
  tone: 'warning' | 'info';
  text: string;
}

export interface BulletList {
  kind: 'list';
  items: string[];
}

export type CellAlign = 'left' | 'right';

export interface TableRow {
  cells: string[];
  /** warning: a row that flags a problem (e.g. a PICO comparator without a strategy); strong: totals. */
  tone?: 'warning' | 'strong';
}

export interface Table {
  kind: 'table';
  /** Stable id (anchor, figure data), unique in the document. */
  id: string;
  /** "Table 3" once numbered. */
  label: string;
  caption: string;
  header: string[];
  rows: TableRow[];
  align: CellAlign[];
  /** Relative column widths (sum arbitrary); writers may ignore them. */
  widths?: number[];
  notes?: string[];
}

export interface Chart {
  /** A complete <svg> element (no external resource, no script, no style attribute). */
  svg: string;
  width: number;
  height: number;
  /** A sentence describing what the chart shows (alt text). */
  alt: string;
}

export interface Figure {
  kind: 'figure';
  id: string;
  /** "Figure 2" once numbered. */
  label: string;
  caption: string;
  chart: Chart;
  /** The numbers behind the chart (shown beside it in DOCX, below it in HTML). */
  data: Table;
}

export type Block = Paragraph | Notice | BulletList | Table | Figure;

export interface Section {
  /** Anchor id, unique in the document ("sec-results", "sec-results-incremental"). */
  id: string;
  /** "7", "7.2". */
  number: string;
  title: string;
  /** 1 for sections, 2 for subsections, 3 below. */
  level: 1 | 2 | 3;
  blocks: Block[];
  children: Section[];
}

export interface DocumentInfoRow {
  label: string;
  value: string;
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  profile: ReportProfile;
  locale: ReportLocale;
  /** Printed at the top of every page after the first. */
  runningHeader: string;
  /** e.g. "Confidential — draft for review"; empty when none. */
  confidentiality: string;
  /** Title-page facts: technology, status, version, assessors, date. */
  info: DocumentInfoRow[];
  generatedAt: string;
  sections: Section[];
}

/** Every section and subsection, depth first (for tables of contents and tests). */
export function flattenSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flattenSections(s.children)]);
}

/** Every block of the document in reading order. */
export function allBlocks(doc: ReportDocument): Block[] {
  return flattenSections(doc.sections).flatMap((s) => s.blocks);
}

/**
 * Numbers tables and figures in reading order ("Table 1", "Figure 1", in the report's language through `t`); a
 * figure's data table shares its number.
 */
export function numberTablesAndFigures(sections: readonly Section[], t: Translate = translator('en')): void {
  let tables = 0;
  let figures = 0;
  for (const section of flattenSections(sections)) {
    for (const block of section.blocks) {
      if (block.kind === 'table') block.label = t('report.label.table', { n: ++tables });
      if (block.kind === 'figure') {
        block.label = t('report.label.figure', { n: ++figures });
        block.data.label = t('report.label.figureData', { n: figures });
      }
    }
  }
}

/** A paragraph right before a table or a chart introduces it: PDF and Word keep the two on one page. */
export function introduces(next: Block | undefined): boolean {
  return next?.kind === 'table' || next?.kind === 'figure';
}

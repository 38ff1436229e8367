// What every section builder shares: the input, the locale's formats, the profile, and small constructors for
// sections, tables and figures so builders read as content, not plumbing.
import type { Translate } from '../i18n/translate';
import { translator } from '../i18n/translate';
import type { CountryRequest, HeadroomRequest } from '../../engine/countries/country-comparison';
import type { ExchangeRateTable } from '../../engine/countries/exchange-rates';
import type { Block, CellAlign, Chart, Figure, ReportPartId, ReportProfile, ReportSectionId, Section, Table, TableRow } from '../document';
import type { NumberFormats } from '../format';
import type { ReportInput, ReportModel } from '../report-input';

export interface BuildContext {
  input: ReportInput;
  fmt: NumberFormats;
  profile: ReportProfile;
  /** Sections in the report (a builder may mention another section only when it is there). */
  included: ReadonlySet<ReportSectionId>;
  /** Optional parts of sections that are in the report. */
  parts: ReadonlySet<ReportPartId>;
  /** Numbers of the included sections, e.g. results → "7". */
  sectionNumbers: ReadonlyMap<ReportSectionId, string>;
  /** Catalogued texts in the report's language. */
  t: Translate;
  /** The countries to compare (the country comparison section appears only with them). */
  countries: ReportCountryOptions | null;
}

export interface ReportCountryOptions {
  requests: CountryRequest[];
  rates: ExchangeRateTable;
  headroom?: HeadroomRequest;
}

/** A section whose number is filled in by numberSections(). */
export interface DraftSection {
  id: string;
  title: string;
  blocks: Block[];
  children: DraftSection[];
}

export function draft(id: string, title: string, blocks: Block[] = [], children: DraftSection[] = []): DraftSection {
  return { id, title, blocks, children };
}

/** Numbers a section's subsections below `prefix` ("7" → "7.1", "7.2"). */
export function numberSections(prefix: string, level: 1 | 2 | 3, drafts: readonly DraftSection[]): Section[] {
  return drafts.map((d, i) => {
    const number = level === 1 ? prefix : `${prefix}.${i + 1}`;
    const childLevel = Math.min(3, level + 1) as 1 | 2 | 3;
    return { id: d.id, number, title: d.title, level, blocks: d.blocks, children: d.children.length > 0 ? numberSections(number, childLevel, d.children) : [] };
  });
}

export function paragraph(text: string, role?: 'lead' | 'note'): Block {
  return role ? { kind: 'paragraph', text, role } : { kind: 'paragraph', text };
}

export function notice(text: string, tone: 'warning' | 'info' = 'info'): Block {
  return { kind: 'notice', tone, text };
}

export function list(items: string[]): Block {
  return { kind: 'list', items };
}

export interface TableSpec {
  id: string;
  caption: string;
  header: string[];
  rows: (string[] | TableRow)[];
  /** Default: first column left, the rest right when `numeric` is set, else left. */
  align?: CellAlign[];
  /** Columns after the first hold numbers (right-aligned). */
  numeric?: boolean;
  widths?: number[];
  notes?: string[];
}

export function table(spec: TableSpec): Table {
  const align = spec.align ?? spec.header.map((_, i) => (i > 0 && spec.numeric ? 'right' : 'left'));
  return {
    kind: 'table',
    id: spec.id,
    label: '',
    caption: spec.caption,
    header: spec.header,
    rows: spec.rows.map((r) => (Array.isArray(r) ? { cells: r } : r)),
    align,
    ...(spec.widths ? { widths: spec.widths } : {}),
    ...(spec.notes && spec.notes.length > 0 ? { notes: spec.notes } : {}),
  };
}

export function figure(id: string, caption: string, chart: Chart, data: Table): Figure {
  return { kind: 'figure', id, label: '', caption, chart, data };
}

/** A text that may be empty, as the report prints it. */
export function orNotReported(text: string | undefined, notReported = 'Not reported.'): string {
  return text !== undefined && text.trim() !== '' ? text.trim() : notReported;
}

/** Anchor-safe id part from a model id. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/**
 * Per-model parts of a section: one model → its parts are the subsections; several → one subsection per model
 * holding its parts.
 */
export function perModel(ctx: BuildContext, sectionKey: string, build: (model: ReportModel, idPrefix: string) => DraftSection[]): DraftSection[] {
  const models = ctx.input.models;
  if (models.length === 1) return build(models[0]!, `sec-${sectionKey}`);
  return models.map((m) => {
    const prefix = `sec-${sectionKey}-${idPart(m.id)}`;
    return draft(prefix, m.title, [], build(m, prefix));
  });
}

export function strategyLabel(model: ReportModel, id: string): string {
  return model.model.strategies.find((s) => s.id === id)?.label ?? id;
}

export function currencyOf(model: ReportModel): string | undefined {
  return model.model.settings.currency;
}

/** "QALY" / "life-year" for the model's effect measure, in the report's language (English without `t`). */
export function effectWord(model: ReportModel, t: Translate = translator('en')): { unit: string; plural: string; label: string } {
  const qalys = model.model.settings.effect === 'qalys';
  return qalys
    ? { unit: t('reportText.qaly'), plural: t('reportText.qalys'), label: t('reportText.qalysLabel') }
    : { unit: t('reportText.lifeYear'), plural: t('reportText.lifeYears'), label: t('reportText.lifeYearsLabel') };
}

/** "€30,000 per QALY" */
export function wtpText(ctx: BuildContext, model: ReportModel, wtp: number): string {
  return ctx.t('reportText.perUnit', { amount: ctx.fmt.money(wtp, currencyOf(model)), unit: effectWord(model, ctx.t).unit });
}

/** "a, b and c" in the report's language. */
export function joinWords(t: Translate, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('reportText.listAnd', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** Whether a source text labels the value as an assumption ("Assumption: …"). */
export function isAssumption(source: string | null | undefined): boolean {
  return typeof source === 'string' && /\bassum(ption|ed)\b/i.test(source);
}

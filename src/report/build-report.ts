// ReportInput → one neutral ReportDocument: title page facts, then the chosen sections in a fixed order, numbered
// (1, 1.1, …), with tables and figures numbered in reading order. The profile decides which sections can appear
// (the JCA profile has no economic section); the locale decides how numbers and dates read.
import type { ReportDocument, ReportPartId, ReportProfile, ReportSectionId, Section } from './document';
import { numberTablesAndFigures, profileSections, reportPartIds, reportSectionIds } from './document';
import { formatsFor } from './format';
import type { ReportLocale } from './format';
import type { ReportInput } from './report-input';
import { cheersChecklist } from './cheers';
import type { BuildContext, DraftSection, ReportCountryOptions } from './build/context';
import { numberSections, table } from './build/context';
import { frontMatterSection } from './build/front-matter';
import { generatedSummary, summaryBlocks } from './build/summary';
import { scopeSection } from './build/scope';
import { domainsSection } from './build/domains';
import { evidenceSection } from './build/evidence';
import { methodsSection } from './build/methods';
import { resultsSection } from './build/results';
import { uncertaintySection } from './build/uncertainty';
import { budgetSection } from './build/budget';
import { limitationsSection } from './build/limitations';
import { countriesSection } from './build/countries';
import { translator } from './i18n/translate';

export interface ReportOptions {
  profile: ReportProfile;
  locale: ReportLocale;
  /** Sections to include (default: all the profile allows); order is always the report's own. */
  sections?: readonly ReportSectionId[];
  /** Optional parts of sections to leave out (default: none). */
  omitParts?: readonly ReportPartId[];
  /** Summary text replacing the generated one (default: the dossier's edited summary, if any). */
  summary?: string;
  /** Countries to compare the first model across; the country comparison section appears only with them. */
  countries?: ReportCountryOptions;
}

/** The sections a report with these options holds, in report order. */
export function includedSections(options: Pick<ReportOptions, 'profile' | 'sections' | 'countries'>): ReportSectionId[] {
  const allowed = new Set(profileSections[options.profile]);
  const chosen = options.sections ? new Set(options.sections) : allowed;
  return reportSectionIds.filter((id) => allowed.has(id) && chosen.has(id) && (id !== 'countries' || (options.countries?.requests.length ?? 0) > 0));
}

const builders: Record<Exclude<ReportSectionId, 'summary' | 'cheers'>, (ctx: BuildContext) => DraftSection[]> = {
  front: frontMatterSection,
  scope: scopeSection,
  domains: domainsSection,
  evidence: evidenceSection,
  methods: methodsSection,
  results: resultsSection,
  uncertainty: uncertaintySection,
  budget: budgetSection,
  countries: countriesSection,
  limitations: limitationsSection,
};

function contextFor(input: ReportInput, options: ReportOptions): { ctx: BuildContext; ids: ReportSectionId[]; sectionNumbers: Map<ReportSectionId, string> } {
  const ids = includedSections(options);
  const sectionNumbers = new Map(ids.map((id, i) => [id, String(i + 1)]));
  const parts = new Set(reportPartIds.filter((p) => !(options.omitParts ?? []).includes(p)));
  return { ctx: { input, fmt: formatsFor(options.locale), profile: options.profile, included: new Set(ids), parts, sectionNumbers, t: translator(options.locale), countries: options.countries ?? null }, ids, sectionNumbers };
}

/** The summary the report generates (paragraphs separated by blank lines), to start an edited one from. */
export function generatedSummaryText(input: ReportInput, options: ReportOptions): string {
  return generatedSummary(contextFor(input, options).ctx).join('\n\n');
}

export function buildReport(input: ReportInput, options: ReportOptions): ReportDocument {
  const { ctx, ids, sectionNumbers } = contextFor(input, options);
  const { fmt, t } = ctx;
  const d = input.dossier;
  const sections: Section[] = ids
    .filter((id) => id !== 'cheers')
    .map((id): Section => {
      const number = sectionNumbers.get(id)!;
      if (id === 'summary') {
        return { id: 'sec-summary', number, title: ctx.t('report.section.summary'), level: 1, blocks: summaryBlocks(ctx, options.summary ?? d.reporting?.summary), children: [] };
      }
      const children = builders[id](ctx);
      return { id: `sec-${id}`, number, title: ctx.t(`report.section.${id}`), level: 1, blocks: [], children: numberSections(number, 2, children) };
    });
  if (sectionNumbers.has('cheers')) {
    const rows = cheersChecklist(sections, d.reporting, ctx.t);
    sections.push({
      id: 'sec-cheers',
      number: sectionNumbers.get('cheers')!,
      title: ctx.t('report.section.cheers'),
      level: 1,
      blocks: [
        table({
          id: 'tab-cheers',
          caption: ctx.t('cheers.caption'),
          header: [ctx.t('cheers.number'), ctx.t('cheers.topic'), ctx.t('cheers.item'), ctx.t('cheers.reportedIn')],
          rows: rows.map((r) => ({ cells: [String(r.number), r.topic, r.item, r.reportedIn], ...(r.status === 'not-reported' ? { tone: 'warning' as const } : {}) })),
          align: ['right', 'left', 'left', 'left'],
          widths: [0.6, 1.8, 4, 3.4],
        }),
      ],
      children: [],
    });
  }
  numberTablesAndFigures(sections, ctx.t);
  const assessors = d.assessors.map((a) => [a.name, a.role, a.organisation].filter(Boolean).join(', ')).join('; ');
  const confidentiality = d.reporting?.confidentiality?.trim() ?? '';
  return {
    title: d.title,
    subtitle: ctx.t(`report.subtitle.${options.profile}`),
    profile: options.profile,
    locale: options.locale,
    runningHeader: d.title,
    confidentiality,
    info: [
      { label: t('report.info.technology'), value: d.technology.name },
      { label: t('report.info.indication'), value: d.indication || t('report.methods.notStated') },
      { label: t('report.info.status'), value: t(`report.status.${d.status}`) },
      { label: t('report.info.version'), value: t('report.info.versionValue', { date: fmt.dateTime(d.updatedAt) }) },
      { label: t('report.info.assessors'), value: assessors || t('report.methods.notStated') },
      { label: t('report.info.date'), value: fmt.date(input.generatedAt) },
      { label: t('report.info.profile'), value: t(`report.profile.${options.profile}`) },
      ...(confidentiality ? [{ label: t('report.info.confidentiality'), value: confidentiality }] : []),
    ],
    generatedAt: input.generatedAt,
    sections,
  };
}

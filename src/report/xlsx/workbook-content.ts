// What the spreadsheet export holds, independent of the library that writes it: one sheet each for the report's
// provenance, the model inputs, the results, the PSA draws, the budget impact and the CHEERS checklist (the JCA
// profile: PICO questions, evidence and clinical domains instead). Numbers stay numbers at full precision with a
// display format; every text cell goes through safeCell, so nothing a user typed can run as a formula.
import { coreModelDomains } from '../../dossier/core-model';
import { elementStatusLabels } from '../../dossier/schema';
import { runKindLabels } from '../../dossier/workspace-models';
import { incrementalNetBenefit } from '../../engine/economics/incremental';
import type { ReportDocument } from '../document';
import { describeDistribution } from '../model-description';
import type { ReportInput, ReportModel } from '../report-input';
import { safeCell } from '../spreadsheet-cells';
import type { CellValue } from '../spreadsheet-cells';
import { cheersChecklist } from '../cheers';
import { parameterFlag } from '../build/methods';
import { en } from '../i18n/messages-en';
import { translator } from '../i18n/translate';
import type { MessageKey, Translate } from '../i18n/translate';
import { formatsFor, humanise } from '../format';
import { accuracySynthesis } from '../accuracy-synthesis';
import { studySensitivity, studySpecificity } from '../../engine/accuracy/two-by-two';

/** Excel number formats used by the export. */
export const NUMBER_FORMATS = {
  money: '#,##0',
  money2: '#,##0.00',
  effect: '0.0000',
  share: '0.0%',
  count: '#,##0',
  general: 'General',
} as const;
export type NumberFormatName = keyof typeof NUMBER_FORMATS;

export interface SheetColumn {
  header: string;
  /** Character width of the column. */
  width: number;
  format?: NumberFormatName;
}

export interface SheetBlock {
  /** A title row above the block (optional). */
  title?: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

export interface SheetSpec {
  /** At most 31 characters, no []:*?/\ (Excel's rules). */
  name: string;
  blocks: SheetBlock[];
}

/** Excel's limit on rows per sheet, less the header. */
export const MAX_SHEET_ROWS = 1_048_575;

const cells = (values: unknown[]): CellValue[] => values.map(safeCell);

function sheetName(base: string, used: Set<string>): string {
  const clean = base.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = clean;
  for (let i = 2; used.has(name); i++) name = `${clean.slice(0, 27)} (${i})`;
  used.add(name);
  return name;
}

function aboutSheet(input: ReportInput, doc: ReportDocument): SheetBlock[] {
  const info: SheetBlock = {
    columns: [
      { header: 'Item', width: 28 },
      { header: 'Value', width: 90 },
    ],
    rows: [
      cells(['Title', doc.title]),
      cells(['Report', doc.subtitle]),
      ...doc.info.map((r) => cells([r.label, r.value])),
      cells(['Generated at', input.generatedAt]),
      cells(['App version', input.appVersion]),
      cells(['Engine version', input.engineVersion]),
    ],
  };
  const models: SheetBlock = {
    title: 'Models (SHA-256 of the canonical JSON of each model document)',
    columns: [
      { header: 'Model id', width: 28 },
      { header: 'Title', width: 60 },
      { header: 'SHA-256', width: 70 },
    ],
    rows: input.models.map((m) => cells([m.id, m.title, m.hash])),
  };
  const runs: SheetBlock = {
    title: 'Analyses used',
    columns: [
      { header: 'Model id', width: 28 },
      { header: 'Analysis', width: 30 },
      { header: 'Source', width: 30 },
      { header: 'Started at', width: 26 },
      { header: 'Seed', width: 10, format: 'general' },
      { header: 'Iterations', width: 12, format: 'count' },
      { header: 'App version', width: 12 },
      { header: 'Engine version', width: 14 },
    ],
    rows: input.models.flatMap((m) => m.runs.map((r) => cells([m.id, runKindLabels[r.kind], r.source === 'stored' ? `Stored run: ${r.label}` : 'Computed for this report', r.startedAt, r.seed, r.completedIterations ?? r.iterations, r.appVersion, r.engineVersion]))),
  };
  return input.models.length > 0 && doc.profile !== 'jca' ? [info, models, runs] : [info];
}

function inputsSheet(input: ReportInput, doc: ReportDocument): SheetBlock[] {
  // A distribution is text: in the report's language and number format, as the report's parameter table writes it
  // (Excel shows the number cells beside it with the reader's decimal mark).
  const fmt = formatsFor(doc.locale);
  const t = translator(doc.locale);
  return [
    {
      columns: [
        { header: 'Model id', width: 24 },
        { header: 'Parameter id', width: 22 },
        { header: 'Label', width: 40 },
        { header: 'Value', width: 14, format: 'general' },
        { header: 'Expression', width: 30 },
        { header: 'Unit', width: 18 },
        { header: 'Kind', width: 14 },
        { header: 'Distribution', width: 34 },
        { header: 'Low', width: 12, format: 'general' },
        { header: 'High', width: 12, format: 'general' },
        { header: 'Source', width: 80 },
        { header: 'Range source', width: 40 },
        { header: 'Flag', width: 16 },
      ],
      rows: input.models.flatMap((m) =>
        m.model.parameters.map((p) =>
          cells([m.id, p.id, p.label ?? '', p.value ?? m.analyses['base-case']?.parameterValues[p.id] ?? null, p.expression ?? '', p.unit ?? '', p.kind ?? '', describeDistribution(p.uncertainty?.distribution, fmt, t), p.uncertainty?.low ?? null, p.uncertainty?.high ?? null, p.source ?? '', p.uncertainty?.source ?? '', parameterFlag(p) === '—' ? '' : parameterFlag(p)]),
        ),
      ),
    },
  ];
}

function resultsSheet(input: ReportInput): SheetBlock[] {
  return input.models.flatMap((m): SheetBlock[] => {
    const base = m.analyses['base-case'];
    if (!base) return [];
    const wtps = m.model.settings.wtp;
    const nb = wtps.length > 0 ? incrementalNetBenefit(base.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.cost, effect: s.effect })), wtps) : [];
    const categories = base.categoryIds.map((c) => m.model.costCategories.find((x) => x.id === c)?.label ?? humanise(c));
    const cur = m.model.settings.currency ?? '';
    return [
      {
        title: `${m.title} (${m.id}): per person, ${cur} ${m.model.settings.priceYear ?? ''}`.trim(),
        columns: [
          { header: 'Strategy id', width: 18 },
          { header: 'Strategy', width: 44 },
          { header: 'Cost', width: 14, format: 'money' },
          { header: 'QALYs', width: 10, format: 'effect' },
          { header: 'Life-years', width: 11, format: 'effect' },
          { header: 'Cost (undiscounted)', width: 16, format: 'money' },
          { header: 'QALYs (undiscounted)', width: 14, format: 'effect' },
          { header: 'Life-years (undiscounted)', width: 14, format: 'effect' },
          ...categories.map((c) => ({ header: `Cost: ${c}`, width: 16, format: 'money' as const })),
          { header: 'Status', width: 20 },
          { header: 'Incremental cost', width: 16, format: 'money' },
          { header: 'Incremental effect', width: 16, format: 'effect' },
          { header: 'ICER', width: 14, format: 'money' },
          ...nb.flatMap((w) => [
            { header: `NMB at ${w.wtp}`, width: 16, format: 'money' as const },
            { header: `Incremental NMB at ${w.wtp}`, width: 20, format: 'money' as const },
          ]),
        ],
        rows: base.strategies.map((s) => {
          const inc = base.incremental.find((r) => r.id === s.id)!;
          return cells([
            s.id,
            s.label,
            s.cost,
            s.qalys,
            s.lifeYears,
            s.costUndiscounted,
            s.qalysUndiscounted,
            s.lifeYearsUndiscounted,
            ...s.costByCategory,
            inc.status,
            inc.incCost,
            inc.incEffect,
            inc.icer,
            ...nb.flatMap((w) => {
              const e = w.strategies.find((x) => x.id === s.id)!;
              return [e.nmb, e.incNmb];
            }),
          ]);
        }),
      },
    ];
  });
}

function psaSheets(input: ReportInput, used: Set<string>): SheetSpec[] {
  return input.models.flatMap((m: ReportModel): SheetSpec[] => {
    const psa = m.analyses.psa;
    if (!psa) return [];
    const s = psa.strategyIds.length;
    const names = psa.parameterDraws.names;
    const k = names.length;
    const draws = Math.min(psa.draws, MAX_SHEET_ROWS);
    const rows: CellValue[][] = new Array(draws);
    for (let i = 0; i < draws; i++) {
      const row: CellValue[] = [i + 1];
      for (let j = 0; j < s; j++) row.push(psa.costs[i * s + j]!, psa.effects[i * s + j]!);
      for (let p = 0; p < k; p++) row.push(psa.parameterDraws.values[i * k + p]!);
      rows[i] = row;
    }
    return [
      {
        name: sheetName(input.models.length > 1 ? `PSA draws ${m.id}` : 'PSA draws', used),
        blocks: [
          {
            title: `${m.title}: ${psa.draws} draws, seed ${psa.seed}${draws < psa.draws ? ` (first ${draws} shown: Excel's row limit)` : ''}`,
            columns: [
              { header: 'Draw', width: 8, format: 'count' },
              ...psa.strategyIds.flatMap((id) => [
                { header: `Cost: ${id}`, width: 14, format: 'money' as const },
                { header: `Effect: ${id}`, width: 12, format: 'effect' as const },
              ]),
              ...names.map((n) => ({ header: n, width: Math.max(10, Math.min(24, n.length + 2)), format: 'general' as const })),
            ],
            rows,
          },
        ],
      },
    ];
  });
}

function budgetSheets(input: ReportInput, used: Set<string>): SheetSpec[] {
  return input.models.flatMap((m): SheetSpec[] => {
    const r = m.analyses['budget-impact'];
    if (!r) return [];
    const categories = r.categories;
    return [
      {
        name: sheetName(input.models.length > 1 ? `Budget impact ${m.id}` : 'Budget impact', used),
        blocks: [
          {
            title: `${r.label ?? 'Budget impact'}${r.country ? `, ${r.country}` : ''} (${r.currency ?? ''}${r.priceYear ? ` ${r.priceYear}` : ''})`,
            columns: [
              { header: 'Year', width: 8, format: 'general' },
              { header: 'Calendar year', width: 12, format: 'general' },
              { header: 'Patients entering', width: 14, format: 'count' },
              { header: 'Prevalent patients', width: 14, format: 'count' },
              { header: 'Current world', width: 16, format: 'money' },
              { header: 'New world', width: 16, format: 'money' },
              { header: 'Budget impact', width: 16, format: 'money' },
              { header: 'Cumulative impact', width: 16, format: 'money' },
              { header: 'Impact per patient', width: 16, format: 'money2' },
              { header: 'Impact per 100,000 inhabitants', width: 18, format: 'money' },
            ],
            rows: r.years.map((y) => cells([y.year, y.calendarYear, y.patients.entering, y.patients.prevalent, y.current, y.new, y.impact, y.cumulativeImpact, y.perPatient?.impact ?? null, y.per100k?.impact ?? null])),
          },
          {
            title: `By cost category, ${r.horizonYears} years`,
            columns: [
              { header: 'Category', width: 24 },
              { header: 'Current world', width: 16, format: 'money' },
              { header: 'New world', width: 16, format: 'money' },
              { header: 'Budget impact', width: 16, format: 'money' },
            ],
            rows: categories.map((c) => {
              const t = r.cumulative.byCategory[c]!;
              return cells([c, t.current, t.new, t.impact]);
            }),
          },
          {
            title: 'Market shares',
            columns: [
              { header: 'World', width: 10 },
              { header: 'Strategy', width: 24 },
              ...r.shares.current.map((y) => ({ header: `Year ${y.year}`, width: 10, format: 'share' as const })),
            ],
            rows: (['current', 'new'] as const).flatMap((world) => r.strategies.map((s) => cells([world, s.id, ...r.shares[world].map((y) => y.shares[s.id] ?? 0)]))),
          },
          ...(r.scenarios.length > 0
            ? [
                {
                  title: 'Scenarios (cumulative)',
                  columns: [
                    { header: 'Scenario', width: 30 },
                    { header: 'Current world', width: 16, format: 'money' as const },
                    { header: 'New world', width: 16, format: 'money' as const },
                    { header: 'Budget impact', width: 16, format: 'money' as const },
                    { header: 'Difference from base', width: 18, format: 'money' as const },
                  ],
                  rows: r.scenarios.map((s) => cells([s.label, s.cumulative.current, s.cumulative.new, s.cumulative.impact, s.differenceFromBase])),
                },
              ]
            : []),
        ],
      },
    ];
  });
}

function cheersSheet(input: ReportInput, doc: ReportDocument): SheetBlock[] {
  return [
    {
      columns: [
        { header: 'No.', width: 6, format: 'general' },
        { header: 'Topic', width: 26 },
        { header: 'Item', width: 60 },
        { header: 'Reported in', width: 60 },
      ],
      rows: cheersChecklist(doc.sections, input.dossier.reporting, translator(doc.locale)).map((r) => cells([r.number, r.topic, r.item, r.reportedIn])),
    },
  ];
}

function clinicalSheets(input: ReportInput, used: Set<string>): SheetSpec[] {
  const d = input.dossier;
  const est = (e: { estimate: number; lower: number | null; upper: number | null } | null) => [e?.estimate ?? null, e?.lower ?? null, e?.upper ?? null];
  return [
    {
      name: sheetName('PICO', used),
      blocks: [
        {
          columns: [
            { header: 'PICO id', width: 12 },
            { header: 'Label', width: 30 },
            { header: 'Element', width: 14 },
            { header: 'Text', width: 100 },
          ],
          rows: d.picos.flatMap((p) => [
            cells([p.id, p.label, 'Population', p.population]),
            cells([p.id, p.label, 'Intervention', p.intervention]),
            ...p.comparators.map((c) => cells([p.id, p.label, 'Comparator', c])),
            ...p.outcomes.map((o) => cells([p.id, p.label, 'Outcome', o])),
          ]),
        },
      ],
    },
    {
      name: sheetName('Evidence', used),
      blocks: [
        {
          columns: [
            { header: 'Ref.', width: 6 },
            { header: 'Id', width: 20 },
            { header: 'Citation', width: 60 },
            { header: 'Design', width: 40 },
            { header: 'n', width: 8, format: 'count' },
            { header: 'Index test', width: 24 },
            { header: 'Reference test', width: 24 },
            { header: 'Sensitivity', width: 11, format: 'general' },
            { header: 'Sensitivity lower 95%', width: 11, format: 'general' },
            { header: 'Sensitivity upper 95%', width: 11, format: 'general' },
            { header: 'Specificity', width: 11, format: 'general' },
            { header: 'Specificity lower 95%', width: 11, format: 'general' },
            { header: 'Specificity upper 95%', width: 11, format: 'general' },
            { header: 'Unverified', width: 10 },
            { header: 'Secondary source', width: 10 },
          ],
          rows: d.evidence.map((e, i) => cells([`E${i + 1}`, e.id, e.citation, e.design, e.n, e.indexTest, e.referenceTest, ...est(e.sensitivity), ...est(e.specificity), e.unverified ? 'yes' : 'no', e.secondarySource ? 'yes' : 'no'])),
        },
      ],
    },
    {
      name: sheetName('Domains', used),
      blocks: [
        {
          columns: [
            { header: 'Domain', width: 8 },
            { header: 'Element', width: 10 },
            { header: 'Issue', width: 50 },
            { header: 'Answer', width: 100 },
            { header: 'Status', width: 12 },
            { header: 'Evidence', width: 20 },
          ],
          rows: coreModelDomains
            .filter((dom) => dom.clinical)
            .flatMap((dom) => d.domains[dom.code].elements.map((e) => cells([dom.code, e.id, e.issue, e.answer, elementStatusLabels[e.status], e.evidenceIds.join(', ')]))),
        },
      ],
    },
  ];
}

/** The 2×2 tables with their derived accuracy, and the pooled estimates, at full precision (when the report has them). */
function accuracySheets(input: ReportInput, doc: ReportDocument, used: Set<string>): SheetSpec[] {
  const inReport = doc.sections.some((s) => s.id === 'sec-evidence' && s.children.some((c) => c.blocks.some((b) => b.kind === 'table' && b.id === 'tab-two-by-two')));
  if (!inReport) return [];
  const { rows, pools } = accuracySynthesis(input.dossier);
  const evidence = input.dossier.evidence;
  const share = (header: string): SheetColumn => ({ header, width: 12, format: 'general' });
  const count = (header: string): SheetColumn => ({ header, width: 8, format: 'count' });
  const fitted = pools.flatMap((p) => (p.result ? [{ pool: p, r: p.result }] : []));
  return [
    {
      name: sheetName('Test accuracy', used),
      blocks: [
        {
          title: '2×2 data (sensitivity and specificity with exact Clopper–Pearson 95% CIs)',
          columns: [
            { header: 'Ref.', width: 6 },
            { header: 'Evidence id', width: 18 },
            { header: 'Study', width: 28 },
            { header: 'Index test', width: 24 },
            { header: 'Reference standard', width: 24 },
            { header: 'Setting', width: 18 },
            { header: 'Alteration', width: 14 },
            count('TP'), count('FN'), count('TN'), count('FP'), count('n'),
            share('Sensitivity'), share('Sensitivity lower 95%'), share('Sensitivity upper 95%'),
            share('Specificity'), share('Specificity lower 95%'), share('Specificity upper 95%'),
            { header: 'Derived', width: 9 },
          ],
          rows: rows.map((r) => {
            const t = r.table;
            const se = studySensitivity(t);
            const sp = studySpecificity(t);
            return cells([`E${evidence.findIndex((e) => e.id === r.evidenceId) + 1}`, r.evidenceId, r.label, t.indexTest, t.referenceStandard, t.setting, t.alteration, t.tp, t.fn, t.tn, t.fp, t.tp + t.fn + t.tn + t.fp, se.estimate, se.lower, se.upper, sp.estimate, sp.lower, sp.upper, t.derived ? 'yes' : 'no']);
          }),
        },
        {
          title: 'Pooled estimates',
          columns: [
            { header: 'Pool', width: 18 },
            count('Studies'),
            { header: 'Method', width: 40 },
            { header: 'Model', width: 11 },
            share('Sensitivity'), share('Sensitivity lower 95%'), share('Sensitivity upper 95%'),
            share('Specificity'), share('Specificity lower 95%'), share('Specificity upper 95%'),
            share('Logit sensitivity'), share('Logit specificity'),
            share('Var logit sensitivity'), share('Var logit specificity'), share('Cov logits'),
            share('Tau2 sensitivity'), share('Tau2 specificity'), share('Rho'),
          ],
          rows: fitted.map(({ pool, r }) =>
            cells([
              pool.label, r.studies.length, r.methodLabel, r.model,
              r.sensitivity.estimate, r.sensitivity.lower, r.sensitivity.upper,
              r.specificity.estimate, r.specificity.lower, r.specificity.upper,
              r.logit.sensitivity, r.logit.specificity,
              r.logit.covariance[0][0], r.logit.covariance[1][1], r.logit.covariance[0][1],
              r.tau2.sensitivity, r.tau2.specificity, r.rho,
            ]),
          ),
        },
      ],
    },
  ];
}

const headerPatterns: [RegExp, MessageKey][] = [
  [/^Cost: (.+)$/, 'xlsx.pattern.cost'],
  [/^Effect: (.+)$/, 'xlsx.pattern.effect'],
  [/^NMB at (.+)$/, 'xlsx.pattern.nmbAt'],
  [/^Incremental NMB at (.+)$/, 'xlsx.pattern.incNmbAt'],
  [/^Year (.+)$/, 'xlsx.pattern.year'],
  [/^PSA draws (.+)$/, 'xlsx.pattern.psaDraws'],
  [/^Budget impact (.+)$/, 'xlsx.pattern.budgetImpact'],
];

/**
 * A fixed sheet name, block title or column header in the report's language: the catalogue keys these texts by
 * their English (xlsx area), and headers around a name or number by pattern; any other text (a model's title, a
 * parameter id) is data and stays as it is.
 */
function workbookWords(t: Translate): (text: string) => string {
  return (text) => {
    const key = `xlsx.${text}`;
    if (Object.hasOwn(en, key)) return t(key as MessageKey);
    for (const [pattern, patternKey] of headerPatterns) {
      const match = pattern.exec(text);
      if (match) return t(patternKey, { name: match[1]! });
    }
    return text;
  };
}

/** The sheets in the report's language (names, titles, headers; sheet names cut to Excel's 31 characters). */
function translatedSheets(sheets: SheetSpec[], t: Translate): SheetSpec[] {
  const words = workbookWords(t);
  const used = new Set<string>();
  return sheets.map((sheet) => ({
    ...sheet,
    name: sheetName(words(sheet.name), used),
    blocks: sheet.blocks.map((b) => ({ ...b, ...(b.title !== undefined ? { title: words(b.title) } : {}), columns: b.columns.map((c) => ({ ...c, header: words(c.header) })) })),
  }));
}

/** The sheets of the export for a report built from `input` (the document gives the profile, language and CHEERS numbers). */
export function workbookContent(input: ReportInput, doc: ReportDocument): SheetSpec[] {
  const sheets = englishWorkbookContent(input, doc);
  return doc.locale === 'en' ? sheets : translatedSheets(sheets, translator(doc.locale));
}

function englishWorkbookContent(input: ReportInput, doc: ReportDocument): SheetSpec[] {
  const used = new Set<string>();
  const about: SheetSpec = { name: sheetName('About', used), blocks: aboutSheet(input, doc) };
  if (doc.profile === 'jca') return [about, ...clinicalSheets(input, used), ...accuracySheets(input, doc, used)];
  return [
    about,
    { name: sheetName('Inputs', used), blocks: inputsSheet(input, doc) },
    { name: sheetName('Results', used), blocks: resultsSheet(input) },
    ...psaSheets(input, used),
    ...budgetSheets(input, used),
    ...accuracySheets(input, doc, used),
    { name: sheetName('CHEERS 2022', used), blocks: cheersSheet(input, doc) },
  ];
}

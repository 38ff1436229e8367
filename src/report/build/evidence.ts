// Section "Evidence register": the studies and sources (citation, design, population, n, flags) and their test
// accuracy (index and reference test, sensitivity and specificity with 95% confidence intervals). Flags say when
// figures are unverified or come from a secondary source. References E1, E2, … are the ones domain tables cite.
// Where an item has 2×2 data, its accuracy is computed from the counts (one row per table) rather than typed in; with
// the test-accuracy synthesis in the report, those rows are the 2×2 table and the QUADAS-2 and meta-analysis
// subsections follow (build/accuracy.ts).
import type { AccuracyEstimate } from '../../dossier/schema';
import { studySensitivity, studySpecificity } from '../../engine/accuracy/two-by-two';
import { accuracySynthesis } from '../accuracy-synthesis';
import { estimateWithInterval } from '../charts/accuracy-charts';
import { accuracySynthesisSections, tableDescription, twoByTwoTableBlock } from './accuracy';
import type { Translate } from '../i18n/translate';
import type { BuildContext, DraftSection } from './context';
import { draft, paragraph, table } from './context';

function estimate(ctx: BuildContext, e: AccuracyEstimate | null): string {
  if (e === null) return '—';
  if (e.lower === null || e.upper === null) return ctx.t('reportEvidence.ciNotReported', { estimate: ctx.fmt.number(e.estimate, 2) });
  return `${ctx.fmt.number(e.estimate, 2)} (${ctx.fmt.number(e.lower, 2)}–${ctx.fmt.number(e.upper, 2)})`;
}

/** "Unverified; Secondary source" (English without `t`). */
export function evidenceFlags(e: { unverified: boolean; secondarySource: boolean }, t?: Translate): string {
  const unverified = t ? t('reportText.unverified') : 'Unverified';
  const secondary = t ? t('reportText.secondarySource') : 'Secondary source';
  return [e.unverified ? unverified : '', e.secondarySource ? secondary : ''].filter(Boolean).join('; ') || '—';
}

export function evidenceSection(ctx: BuildContext): DraftSection[] {
  const { t } = ctx;
  const evidence = ctx.input.dossier.evidence;
  if (evidence.length === 0) return [draft('sec-evidence-studies', t('reportEvidence.studies'), [paragraph(t('reportEvidence.empty'))])];
  const synthesis = accuracySynthesis(ctx.input.dossier);
  const withSynthesis = ctx.parts.has('accuracy') && synthesis.rows.length > 0;
  const reported = evidence
    .map((e, i) => ({ e, ref: `E${i + 1}` }))
    .filter(({ e }) => (e.sensitivity !== null || e.specificity !== null) && (e.twoByTwo ?? []).length === 0);
  const header = [t('report.limits.ref'), t('reportEvidence.indexTest'), t('reportEvidence.referenceTest'), 'n', t('reportEvidence.sensitivityCi'), t('reportEvidence.specificityCi'), t('report.limits.flags')];
  const align = ['left', 'left', 'left', 'right', 'right', 'right', 'left'] as const;
  const widths = [0.6, 2.2, 2.2, 0.7, 1.7, 1.7, 1.2];
  const reportedRows = reported.map(({ e, ref }) => [ref, e.indexTest || '—', e.referenceTest || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), estimate(ctx, e.sensitivity), estimate(ctx, e.specificity), evidenceFlags(e, t)]);
  const countedRows = synthesis.rows.map((r) => {
    const tt = r.table;
    const ref = `E${evidence.findIndex((e) => e.id === r.evidenceId) + 1}`;
    const flags = [tt.derived ? t('reportText.derived') : '', r.unverified ? t('reportText.unverified') : '', r.secondarySource ? t('reportText.secondarySource') : ''].filter(Boolean).join('; ') || '—';
    return [ref, [tt.indexTest, tt.alteration].filter(Boolean).join(' — ') || tableDescription(r, t), tt.referenceStandard || '—', ctx.fmt.number(tt.tp + tt.fn + tt.tn + tt.fp, 0), estimateWithInterval(ctx.fmt, studySensitivity(tt)), estimateWithInterval(ctx.fmt, studySpecificity(tt)), flags];
  });
  const accuracyBlocks = withSynthesis
    ? [
        twoByTwoTableBlock(ctx, synthesis.rows),
        ...(reportedRows.length > 0
          ? [table({ id: 'tab-accuracy', caption: t('reportEvidence.reportedCaption'), header, rows: reportedRows, align: [...align], widths })]
          : []),
      ]
    : reportedRows.length + countedRows.length > 0
      ? [
          table({
            id: 'tab-accuracy',
            caption: t('reportEvidence.accuracyCaption'),
            header,
            rows: [...countedRows, ...reportedRows],
            align: [...align],
            widths,
            ...(countedRows.length > 0 ? { notes: [t('reportEvidence.countedNote', { note: t('reportAccuracy.intervalNote') })] } : {}),
          }),
        ]
      : [paragraph(t('reportEvidence.noAccuracy'))];
  const sections = [
    draft('sec-evidence-studies', t('reportEvidence.studies'), [
      table({
        id: 'tab-evidence',
        caption: t('reportEvidence.register'),
        header: [t('report.limits.ref'), t('report.methods.source'), t('reportEvidence.design'), t('report.scope.population'), 'n', t('report.limits.flags')],
        rows: evidence.map((e, i) => [`E${i + 1}`, e.citation.trim() || '—', e.design || '—', e.population || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), evidenceFlags(e, t)]),
        align: ['left', 'left', 'left', 'left', 'right', 'left'],
        widths: [0.9, 3.6, 2.4, 2.2, 0.7, 1.2],
      }),
    ]),
    draft('sec-evidence-accuracy', t('reportEvidence.accuracy'), accuracyBlocks),
    ...(withSynthesis ? accuracySynthesisSections(ctx, synthesis) : []),
  ];
  // Notes can hold costs and judgements; the joint clinical assessment profile leaves them out.
  const notes = evidence.map((e, i) => ({ ref: `E${i + 1}`, notes: e.notes.trim() })).filter((n) => n.notes !== '');
  if (ctx.profile !== 'jca' && notes.length > 0) {
    sections.push(draft('sec-evidence-notes', t('reportEvidence.notes'), [table({ id: 'tab-evidence-notes', caption: t('reportEvidence.notes'), header: [t('report.limits.ref'), t('reportEvidence.notesHeader')], rows: notes.map((n) => [n.ref, n.notes]), widths: [0.6, 9] })]));
  }
  return sections;
}

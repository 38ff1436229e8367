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
import { accuracySynthesisSections, STUDY_INTERVAL_NOTE, tableDescription, twoByTwoTableBlock } from './accuracy';
import type { BuildContext, DraftSection } from './context';
import { draft, paragraph, table } from './context';

function estimate(ctx: BuildContext, e: AccuracyEstimate | null): string {
  if (e === null) return '—';
  const ci = e.lower !== null && e.upper !== null ? ` (${ctx.fmt.number(e.lower, 2)}–${ctx.fmt.number(e.upper, 2)})` : ' (CI not reported)';
  return `${ctx.fmt.number(e.estimate, 2)}${ci}`;
}

export function evidenceFlags(e: { unverified: boolean; secondarySource: boolean }): string {
  return [e.unverified ? 'Unverified' : '', e.secondarySource ? 'Secondary source' : ''].filter(Boolean).join('; ') || '—';
}

export function evidenceSection(ctx: BuildContext): DraftSection[] {
  const evidence = ctx.input.dossier.evidence;
  if (evidence.length === 0) return [draft('sec-evidence-studies', 'Studies and sources', [paragraph('The evidence register is empty.')])];
  const synthesis = accuracySynthesis(ctx.input.dossier);
  const withSynthesis = ctx.parts.has('accuracy') && synthesis.rows.length > 0;
  const reported = evidence
    .map((e, i) => ({ e, ref: `E${i + 1}` }))
    .filter(({ e }) => (e.sensitivity !== null || e.specificity !== null) && (e.twoByTwo ?? []).length === 0);
  const header = ['Ref.', 'Index test', 'Reference test', 'n', 'Sensitivity (95% CI)', 'Specificity (95% CI)', 'Flags'];
  const align = ['left', 'left', 'left', 'right', 'right', 'right', 'left'] as const;
  const widths = [0.6, 2.2, 2.2, 0.7, 1.7, 1.7, 1.2];
  const reportedRows = reported.map(({ e, ref }) => [ref, e.indexTest || '—', e.referenceTest || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), estimate(ctx, e.sensitivity), estimate(ctx, e.specificity), evidenceFlags(e)]);
  const countedRows = synthesis.rows.map((r) => {
    const t = r.table;
    const ref = `E${evidence.findIndex((e) => e.id === r.evidenceId) + 1}`;
    const flags = [t.derived ? 'Derived' : '', r.unverified ? 'Unverified' : '', r.secondarySource ? 'Secondary source' : ''].filter(Boolean).join('; ') || '—';
    return [ref, [t.indexTest, t.alteration].filter(Boolean).join(' — ') || tableDescription(r), t.referenceStandard || '—', ctx.fmt.number(t.tp + t.fn + t.tn + t.fp, 0), estimateWithInterval(ctx.fmt, studySensitivity(t)), estimateWithInterval(ctx.fmt, studySpecificity(t)), flags];
  });
  const accuracyBlocks = withSynthesis
    ? [
        twoByTwoTableBlock(ctx, synthesis.rows),
        ...(reportedRows.length > 0
          ? [table({ id: 'tab-accuracy', caption: 'Test accuracy as reported by items without 2×2 data (95% confidence intervals)', header, rows: reportedRows, align: [...align], widths })]
          : []),
      ]
    : reportedRows.length + countedRows.length > 0
      ? [
          table({
            id: 'tab-accuracy',
            caption: 'Test accuracy: sensitivity and specificity with 95% confidence intervals',
            header,
            rows: [...countedRows, ...reportedRows],
            align: [...align],
            widths,
            ...(countedRows.length > 0 ? { notes: [`Items with 2×2 data: one row per table, n = TP + FN + TN + FP. ${STUDY_INTERVAL_NOTE}`] } : {}),
          }),
        ]
      : [paragraph('No item of the register reports test accuracy.')];
  const sections = [
    draft('sec-evidence-studies', 'Studies and sources', [
      table({
        id: 'tab-evidence',
        caption: 'Evidence register',
        header: ['Ref.', 'Source', 'Design', 'Population', 'n', 'Flags'],
        rows: evidence.map((e, i) => [`E${i + 1}`, e.citation, e.design || '—', e.population || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), evidenceFlags(e)]),
        align: ['left', 'left', 'left', 'left', 'right', 'left'],
        widths: [0.9, 3.6, 2.4, 2.2, 0.7, 1.2],
      }),
    ]),
    draft('sec-evidence-accuracy', 'Test accuracy', accuracyBlocks),
    ...(withSynthesis ? accuracySynthesisSections(ctx, synthesis) : []),
  ];
  // Notes can hold costs and judgements; the joint clinical assessment profile leaves them out.
  const notes = evidence.map((e, i) => ({ ref: `E${i + 1}`, notes: e.notes.trim() })).filter((n) => n.notes !== '');
  if (ctx.profile !== 'jca' && notes.length > 0) {
    sections.push(draft('sec-evidence-notes', 'Notes on the evidence', [table({ id: 'tab-evidence-notes', caption: 'Notes on the evidence', header: ['Ref.', 'Notes'], rows: notes.map((n) => [n.ref, n.notes]), widths: [0.6, 9] })]));
  }
  return sections;
}

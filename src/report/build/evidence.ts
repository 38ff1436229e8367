// Section "Evidence register": the studies and sources (citation, design, population, n, flags) and their test
// accuracy (index and reference test, sensitivity and specificity with 95% confidence intervals). Flags say when
// figures are unverified or come from a secondary source. References E1, E2, … are the ones domain tables cite.
import type { AccuracyEstimate } from '../../dossier/schema';
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
  const accuracy = evidence.map((e, i) => ({ e, ref: `E${i + 1}` })).filter(({ e }) => e.sensitivity !== null || e.specificity !== null);
  const sections = [
    draft('sec-evidence-studies', 'Studies and sources', [
      table({
        id: 'tab-evidence',
        caption: 'Evidence register',
        header: ['Ref.', 'Source', 'Design', 'Population', 'n', 'Flags'],
        rows: evidence.map((e, i) => [`E${i + 1}`, e.citation, e.design || '—', e.population || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), evidenceFlags(e)]),
        align: ['left', 'left', 'left', 'left', 'right', 'left'],
        widths: [0.6, 3.6, 2.4, 2.2, 0.7, 1.2],
      }),
    ]),
    draft('sec-evidence-accuracy', 'Test accuracy', [
      accuracy.length > 0
        ? table({
            id: 'tab-accuracy',
            caption: 'Test accuracy: sensitivity and specificity with 95% confidence intervals',
            header: ['Ref.', 'Index test', 'Reference test', 'n', 'Sensitivity (95% CI)', 'Specificity (95% CI)', 'Flags'],
            rows: accuracy.map(({ e, ref }) => [ref, e.indexTest || '—', e.referenceTest || '—', e.n === null ? '—' : ctx.fmt.number(e.n, 0), estimate(ctx, e.sensitivity), estimate(ctx, e.specificity), evidenceFlags(e)]),
            align: ['left', 'left', 'left', 'right', 'right', 'right', 'left'],
            widths: [0.6, 2.2, 2.2, 0.7, 1.7, 1.7, 1.2],
          })
        : paragraph('No item of the register reports test accuracy.'),
    ]),
  ];
  // Notes can hold costs and judgements; the joint clinical assessment profile leaves them out.
  const notes = evidence.map((e, i) => ({ ref: `E${i + 1}`, notes: e.notes.trim() })).filter((n) => n.notes !== '');
  if (ctx.profile !== 'jca' && notes.length > 0) {
    sections.push(draft('sec-evidence-notes', 'Notes on the evidence', [table({ id: 'tab-evidence-notes', caption: 'Notes on the evidence', header: ['Ref.', 'Notes'], rows: notes.map((n) => [n.ref, n.notes]), widths: [0.6, 9] })]));
  }
  return sections;
}

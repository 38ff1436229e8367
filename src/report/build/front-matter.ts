// Section "About this report": provenance (app and engine versions, each model's SHA-256, the analyses used and
// where they came from) and the funding and conflicts-of-interest statements (CHEERS 27–28).
import type { BuildContext, DraftSection } from './context';
import { draft, notice, orNotReported, paragraph, table } from './context';

export function frontMatterSection(ctx: BuildContext): DraftSection[] {
  const { input, fmt, t } = ctx;
  const reporting = input.dossier.reporting ?? {};
  const modelRows = input.models.map((m) => [m.title, m.link ? m.link.name : '—', m.hash]);
  const runRows = input.models.flatMap((m) =>
    m.runs.map((r) => [
      input.models.length > 1 ? `${m.title}: ${t(`run.kind.${r.kind}`)}` : t(`run.kind.${r.kind}`),
      r.source === 'stored' ? t('report.front.stored', { label: r.label }) : t('report.front.computed'),
      fmt.dateTime(r.startedAt),
      r.seed === null ? '—' : String(r.seed),
      r.iterations === null ? '—' : r.completedIterations !== null && r.completedIterations !== r.iterations ? t('report.front.partIterations', { done: fmt.number(r.completedIterations, 0), total: fmt.number(r.iterations, 0) }) : fmt.number(r.iterations, 0),
      `${r.appVersion} / ${r.engineVersion}`,
    ]),
  );
  const provenance = [
    paragraph(t('report.front.generated', { app: input.appVersion, engine: input.engineVersion, date: fmt.dateTime(input.generatedAt), title: input.dossier.title, changed: fmt.dateTime(input.dossier.updatedAt) })),
    ...(ctx.profile === 'jca'
      ? [paragraph(t('report.front.jca'))]
      : modelRows.length > 0
      ? [
          table({ id: 'tab-provenance-models', caption: t('report.front.modelsCaption'), header: [t('report.front.model'), t('report.front.link'), 'SHA-256'], rows: modelRows, widths: [3, 2, 5] }),
          table({ id: 'tab-provenance-runs', caption: t('report.front.runsCaption'), header: [t('report.front.analysis'), t('report.front.source'), t('report.front.date'), t('reportPage.seed'), t('report.front.iterations'), t('report.front.versions')], rows: runRows, widths: [3, 3, 3, 1, 1.5, 1.5] }),
        ]
      : [paragraph(t('report.front.noModels'))]),
    ...input.unresolvedLinks.map((u) => notice(t('report.front.unresolved', { name: u.link.name, ref: u.link.ref, reason: u.reason }), 'warning')),
  ];
  return [
    draft('sec-front-provenance', t('report.front.provenance'), provenance),
    draft('sec-front-declarations', t('report.front.declarations'), [
      table({
        id: 'tab-declarations',
        caption: t('report.front.declarations'),
        header: [t('report.front.item'), t('report.front.statement')],
        rows: [
          [t('report.front.funding'), orNotReported(reporting.funding, t('report.notReported'))],
          [t('report.front.conflicts'), orNotReported(reporting.conflictsOfInterest, t('report.notReported'))],
        ],
        widths: [1, 3],
      }),
    ]),
  ];
}

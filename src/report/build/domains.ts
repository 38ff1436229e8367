// Section "HTA Core Model domains": per domain, the elements answered (id, issue, answer, status, linked
// evidence), clinical domains (CUR, TEC, SAF, EFF) first as in the Core Model. The JCA profile keeps the clinical
// domains only (HTAR Art 2(e)).
import { coreModelDomains } from '../../dossier/core-model';
import type { BuildContext, DraftSection } from './context';
import { draft, paragraph, table } from './context';

/** "E3" for the third item of the evidence register (the report's evidence references). */
export function evidenceRef(ctx: BuildContext, evidenceId: string): string {
  const i = ctx.input.dossier.evidence.findIndex((e) => e.id === evidenceId);
  return i < 0 ? evidenceId : `E${i + 1}`;
}

export function domainsSection(ctx: BuildContext): DraftSection[] {
  const { t } = ctx;
  const domains = coreModelDomains.filter((d) => ctx.profile !== 'jca' || d.clinical);
  return domains.map((domain) => {
    const elements = ctx.input.dossier.domains[domain.code].elements;
    const answered = elements.filter((e) => e.answer.trim() !== '' || e.status === 'not-relevant');
    const open = elements.filter((e) => !answered.includes(e));
    const blocks = [];
    if (answered.length > 0) {
      blocks.push(
        table({
          id: `tab-domain-${domain.code.toLowerCase()}`,
          caption: t('reportEvidence.domainCaption', { domain: t(`coreModel.domain.${domain.code}`), code: domain.code }),
          header: [t('reportEvidence.element'), t('reportEvidence.issue'), t('reportEvidence.answer'), t('reportEvidence.status'), t('reportEvidence.evidence')],
          rows: answered.map((e) => [e.id, e.issue, e.answer.trim() || '—', t(`reportEvidence.elementStatus.${e.status}`), e.evidenceIds.map((id) => evidenceRef(ctx, id)).join(', ') || '—']),
          widths: [0.9, 2.6, 5, 1.1, 1],
        }),
      );
    } else {
      blocks.push(paragraph(t('reportEvidence.noElementAnswered')));
    }
    if (open.length > 0) blocks.push(paragraph(t('reportEvidence.notAnswered', { elements: open.map((e) => `${e.id} (${e.issue})`).join('; ') }), 'note'));
    return draft(`sec-domain-${domain.code.toLowerCase()}`, t('reportEvidence.domainTitle', { domain: t(`coreModel.domain.${domain.code}`), code: domain.code }), blocks);
  });
}

import { coreModelDomains } from '../../../dossier/core-model';
import type { MessageKey, Translate } from '../../../report/i18n/translate';
import { titleProblem } from '../title-check';
import { useLanguage } from '../../i18n/language';
import { domainName } from './core-model-text';
import { dossierCompletion } from '../../../dossier/new-dossier';
import { statusTransitions } from '../../../dossier/schema';
import type { DossierStatus } from '../../../dossier/schema';
import { Card, TextField } from '../../ui/fields';
import { StatusBadge } from '../status-badge';
import type { SectionProps } from './section-props';
import { When } from '../../ui/when';

const transitionLabels: Record<DossierStatus, Partial<Record<DossierStatus, MessageKey>>> = {
  draft: { 'under-review': 'dossier.overview.toReview' },
  'under-review': { final: 'dossier.overview.toFinal', draft: 'dossier.overview.toDraft' },
  final: { draft: 'dossier.overview.reopen' },
};

/** What is wrong with the title field, in words; undefined when the title can be stored. */
function titleErrorText(title: string, savedTitle: string, t: Translate): string | undefined {
  const problem = titleProblem(title);
  if (!problem) return undefined;
  if (problem.code === 'too-long') return t('dossier.overview.titleTooLong', { count: problem.count, max: problem.max, title: savedTitle });
  return t('dossier.overview.titleRequiredKept', { title: savedTitle });
}

export function OverviewSection({ dossier, edit, onStatus, savedTitle }: SectionProps & { onStatus: (to: DossierStatus) => void; savedTitle: string }) {
  const { t } = useLanguage();
  const completion = dossierCompletion(dossier);
  const titleError = titleErrorText(dossier.title, savedTitle, t);
  return (
    <div className="section-stack">
      <Card title={t('dossier.overview.title')}>
        <div className="form-grid">
          <TextField
            className="span-2"
            label={t('dossier.overview.titleField')}
            value={dossier.title}
            error={titleError}
            testId="field-title"
            onChange={(title) => edit((d) => ({ ...d, title }))}
          />
          <TextField
            className="span-2"
            label={t('dossier.overview.indication')}
            hint={t('dossier.overview.indicationHint')}
            value={dossier.indication}
            testId="field-indication"
            onChange={(indication) => edit((d) => ({ ...d, indication }))}
          />
        </div>
      </Card>
      <Card title={t('dossier.overview.status')}>
        <div className="form-grid">
          <div>
            <p>
              {t('dossier.overview.currentStatus')} <StatusBadge status={dossier.status} />
            </p>
            <p className="subtle">{t('dossier.overview.workflow')}</p>
            {dossier.status === 'final' && <p data-testid="final-note">{t('dossier.overview.finalNote')}</p>}
            <div className="btn-group" data-testid="status-actions">
              {dossier.status !== 'final' && statusTransitions[dossier.status].map((to) => (
                <button key={to} type="button" className={to === 'draft' ? 'btn' : 'btn btn-primary'} data-testid={`status-to-${to}`} onClick={() => onStatus(to)}>
                  {t(transitionLabels[dossier.status][to] ?? `report.status.${to}`)}
                </button>
              ))}
            </div>
          </div>
          <dl className="kv">
            <dt>{t('dossier.overview.elements')}</dt>
            <dd data-testid="completion">{t('dossier.overview.completion', { done: completion.done, total: completion.total })}</dd>
            <dt>{t('dossier.overview.evidence')}</dt>
            <dd>{dossier.evidence.length}</dd>
            <dt>{t('dossier.overview.created')}</dt>
            <dd><When iso={dossier.createdAt} /></dd>
            <dt>{t('dossier.overview.changed')}</dt>
            <dd><When iso={dossier.updatedAt} /></dd>
            <dt>{t('dossier.overview.archived')}</dt>
            <dd>{dossier.archived ? t('dossier.overview.yes') : t('dossier.overview.no')}</dd>
          </dl>
        </div>
      </Card>
      <Card title={t('dossier.overview.domains')}>
        <table className="table">
          <thead>
            <tr>
              <th>{t('dossier.overview.domain')}</th>
              <th>{t('dossier.overview.name')}</th>
              <th className="num">{t('dossier.overview.elementCount')}</th>
              <th className="num">{t('dossier.overview.done')}</th>
              <th className="num">{t('dossier.overview.answered')}</th>
            </tr>
          </thead>
          <tbody>
            {coreModelDomains.map((domain) => {
              const elements = dossier.domains[domain.code].elements;
              const done = elements.filter((el) => el.status === 'complete' || el.status === 'not-relevant').length;
              const answered = elements.filter((el) => el.answer.trim() !== '').length;
              return (
                <tr key={domain.code}>
                  <td className="mono">{domain.code}</td>
                  <td>{domainName(t, domain.code)}</td>
                  <td className="num">{elements.length}</td>
                  <td className="num">{done}</td>
                  <td className="num">{answered}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}

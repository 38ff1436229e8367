import { Card, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { newLocalId, removeAssessor, upsertAssessor } from '../dossier-edits';
import type { SectionProps } from './section-props';
import { useLanguage } from '../../i18n/language';

export function AssessorsSection({ dossier, edit }: SectionProps) {
  const { t } = useLanguage();
  return (
    <Card
      title={t('dossier.assessors.title')}
      actions={
        <button
          type="button"
          className="btn btn-sm"
          data-testid="add-assessor"
          onClick={() => edit((d) => upsertAssessor(d, { id: newLocalId('as'), name: '', role: '', organisation: '' }))}
        >
          <PlusIcon /> {t('dossier.assessors.add')}
        </button>
      }
    >
      {dossier.assessors.length === 0 ? (
        <p className="empty">{t('dossier.assessors.none')}</p>
      ) : (
        <div className="section-stack">
          {dossier.assessors.map((a, index) => (
            <div key={a.id} className="form-grid-3 assessor-row" data-testid="assessor-row">
              <TextField label={t('dossier.assessors.name', { n: index + 1 })} value={a.name} onChange={(name) => edit((d) => upsertAssessor(d, { ...a, name }))} />
              <TextField label={t('dossier.assessors.role')} value={a.role} onChange={(role) => edit((d) => upsertAssessor(d, { ...a, role }))} />
              <div className="assessor-last">
                <TextField label={t('dossier.assessors.organisation')} value={a.organisation} onChange={(organisation) => edit((d) => upsertAssessor(d, { ...a, organisation }))} />
                <button type="button" className="btn btn-ghost" aria-label={t('dossier.assessors.remove', { name: a.name || index + 1 })} onClick={() => edit((d) => removeAssessor(d, a.id))}>
                  {t('dossier.remove')}
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

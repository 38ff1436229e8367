import { Card, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { newLocalId, removeAssessor, upsertAssessor } from '../dossier-edits';
import type { SectionProps } from './section-props';

export function AssessorsSection({ dossier, edit }: SectionProps) {
  return (
    <Card
      title="Assessors"
      actions={
        <button
          type="button"
          className="btn btn-sm"
          data-testid="add-assessor"
          onClick={() => edit((d) => upsertAssessor(d, { id: newLocalId('as'), name: '', role: '', organisation: '' }))}
        >
          <PlusIcon /> Add assessor
        </button>
      }
    >
      {dossier.assessors.length === 0 ? (
        <p className="empty">No assessors recorded.</p>
      ) : (
        <div className="section-stack">
          {dossier.assessors.map((a, index) => (
            <div key={a.id} className="form-grid-3 assessor-row" data-testid="assessor-row">
              <TextField label={`Name (assessor ${index + 1})`} value={a.name} onChange={(name) => edit((d) => upsertAssessor(d, { ...a, name }))} />
              <TextField label="Role" value={a.role} onChange={(role) => edit((d) => upsertAssessor(d, { ...a, role }))} />
              <div className="assessor-last">
                <TextField label="Organisation" value={a.organisation} onChange={(organisation) => edit((d) => upsertAssessor(d, { ...a, organisation }))} />
                <button type="button" className="btn btn-ghost" aria-label={`Remove assessor ${a.name || index + 1}`} onClick={() => edit((d) => removeAssessor(d, a.id))}>
                  Remove
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

import { coreModelDomains } from '../../../dossier/core-model';
import { dossierCompletion } from '../../../dossier/new-dossier';
import { dossierStatusLabels, statusTransitions } from '../../../dossier/schema';
import type { DossierStatus } from '../../../dossier/schema';
import { Card, TextField } from '../../ui/fields';
import { StatusBadge } from '../status-badge';
import type { SectionProps } from './section-props';

const transitionLabels: Record<DossierStatus, Partial<Record<DossierStatus, string>>> = {
  draft: { 'under-review': 'Submit for review' },
  'under-review': { final: 'Approve as final', draft: 'Return to draft' },
  final: { draft: 'Reopen as draft' },
};

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function OverviewSection({ dossier, edit, onStatus }: SectionProps & { onStatus: (to: DossierStatus) => void }) {
  const completion = dossierCompletion(dossier);
  const titleError = dossier.title.trim() === '' ? 'A dossier needs a title.' : undefined;
  return (
    <div className="section-stack">
      <Card title="Overview">
        <div className="form-grid">
          <TextField
            className="span-2"
            label="Title"
            value={dossier.title}
            error={titleError}
            testId="field-title"
            onChange={(title) => edit((d) => ({ ...d, title }))}
          />
          <TextField
            className="span-2"
            label="Indication"
            hint="Free text the library filters on, e.g. advanced non-squamous NSCLC"
            value={dossier.indication}
            testId="field-indication"
            onChange={(indication) => edit((d) => ({ ...d, indication }))}
          />
        </div>
      </Card>
      <Card title="Status">
        <div className="form-grid">
          <div>
            <p>
              Current status: <StatusBadge status={dossier.status} />
            </p>
            <p className="subtle">Workflow: draft → under review → final. A final dossier can only be reopened as a draft.</p>
            {dossier.status === 'final' && <p data-testid="final-note">It is read-only: “Reopen as draft…” at the top of the page asks for a reason.</p>}
            <div className="btn-group" data-testid="status-actions">
              {dossier.status !== 'final' && statusTransitions[dossier.status].map((to) => (
                <button key={to} type="button" className={to === 'draft' ? 'btn' : 'btn btn-primary'} data-testid={`status-to-${to}`} onClick={() => onStatus(to)}>
                  {transitionLabels[dossier.status][to] ?? dossierStatusLabels[to]}
                </button>
              ))}
            </div>
          </div>
          <dl className="kv">
            <dt>Assessment elements</dt>
            <dd data-testid="completion">{completion.done} of {completion.total} complete or not relevant</dd>
            <dt>Evidence items</dt>
            <dd>{dossier.evidence.length}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(dossier.createdAt)}</dd>
            <dt>Last changed</dt>
            <dd>{formatDateTime(dossier.updatedAt)}</dd>
            <dt>Archived</dt>
            <dd>{dossier.archived ? 'Yes' : 'No'}</dd>
          </dl>
        </div>
      </Card>
      <Card title="Domains at a glance">
        <table className="table">
          <thead>
            <tr>
              <th>Domain</th>
              <th>Name</th>
              <th className="num">Elements</th>
              <th className="num">Done</th>
              <th className="num">Answered</th>
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
                  <td>{domain.name}</td>
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

import { useState } from 'react';
import { approvalWarnings, currentApproval } from '../../dossier/governance';
import type { Dossier } from '../../dossier/schema';
import { formatDateTime } from '../../report/format';
import { Dialog } from '../ui/dialog';
import { TextArea, TextField } from '../ui/fields';

// Governance of a dossier's status: approving it as final (confirmation, the approver's name, warnings about
// unfinished elements and unverified evidence) and reopening a final dossier (a reason is required).

export function ApproveDialog({ dossier, onApprove, onClose }: { dossier: Dossier; onApprove: (by: string) => Promise<void>; onClose: () => void }) {
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState(false);
  const warnings = approvalWarnings(dossier);
  const count = warnings.incompleteElements.length + warnings.unverifiedEvidence.length;
  const approve = async () => {
    setBusy(true);
    try {
      await onApprove(by.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      wide
      title="Approve as final?"
      onClose={onClose}
      testId="approve-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => void approve()} disabled={busy || by.trim() === ''} data-testid="approve-ok">
            Approve as final
          </button>
        </>
      }
    >
      <p>A final dossier is read-only: to change it again, someone must reopen it as a draft and give a reason. The approval is recorded with your name and the time.</p>
      {count > 0 ? (
        <div className="notice notice-warning" data-testid="approve-warnings">
          <div>
            <strong>{count} point{count === 1 ? '' : 's'} to check before approving:</strong>
            {warnings.incompleteElements.length > 0 && (
              <p className="warning-group">
                {warnings.incompleteElements.length} assessment element{warnings.incompleteElements.length === 1 ? ' is' : 's are'} not complete:{' '}
                {warnings.incompleteElements.slice(0, 12).map((e) => `${e.id} (${e.domain}) ${e.topic}`).join('; ')}
                {warnings.incompleteElements.length > 12 ? `; and ${warnings.incompleteElements.length - 12} more` : ''}.
              </p>
            )}
            {warnings.unverifiedEvidence.length > 0 && (
              <p className="warning-group">
                {warnings.unverifiedEvidence.length} evidence item{warnings.unverifiedEvidence.length === 1 ? ' was' : 's were'} not verified in the primary source:{' '}
                {warnings.unverifiedEvidence.slice(0, 8).map((e) => e.citation.split('.')[0]).join('; ')}
                {warnings.unverifiedEvidence.length > 8 ? `; and ${warnings.unverifiedEvidence.length - 8} more` : ''}.
              </p>
            )}
          </div>
        </div>
      ) : (
        <p className="subtle">Every assessment element is complete or not relevant, and every evidence item is verified.</p>
      )}
      <TextField label="Approved by" hint="Your name, as it should appear in the history and in reports" value={by} onChange={setBy} testId="approve-by" />
    </Dialog>
  );
}

export function ReopenDialog({ onReopen, onClose }: { onReopen: (by: string, reason: string) => Promise<void>; onClose: () => void }) {
  const [by, setBy] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reopen = async () => {
    setBusy(true);
    try {
      await onReopen(by.trim(), reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title="Reopen as draft"
      onClose={onClose}
      testId="reopen-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => void reopen()} disabled={busy || reason.trim() === ''} data-testid="reopen-ok">
            Reopen as draft
          </button>
        </>
      }
    >
      <p>The dossier becomes an editable draft again and must pass review once more. The reason is kept in its history.</p>
      <div className="section-stack">
        <TextArea label="Reason for reopening" value={reason} onChange={setReason} rows={3} testId="reopen-reason" />
        <TextField label="Your name (optional)" value={by} onChange={setBy} testId="reopen-by" />
      </div>
    </Dialog>
  );
}

/** Shown above a final dossier: who approved it and when, and the one way to change it. */
export function FinalBanner({ dossier, onReopen, canReopen }: { dossier: Dossier; onReopen: () => void; canReopen: boolean }) {
  const approval = currentApproval(dossier);
  return (
    <div className="notice notice-info final-banner" role="status" data-testid="final-banner">
      <div className="final-banner-text">
        <strong>Final{approval ? ` — approved by ${approval.by} on ${formatDateTime(approval.at)}` : ''}.</strong> This dossier is read-only. To change it, reopen it as a draft and give a reason.
      </div>
      {canReopen && <button type="button" className="btn btn-sm" onClick={onReopen} data-testid="reopen-dossier">Reopen as draft…</button>}
    </div>
  );
}

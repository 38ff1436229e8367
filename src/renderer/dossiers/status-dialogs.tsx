import { useState } from 'react';
import { approvalWarnings, currentApproval } from '../../dossier/governance';
import type { Dossier } from '../../dossier/schema';
import { Dialog } from '../ui/dialog';
import { TextArea, TextField } from '../ui/fields';
import { useLanguage } from '../i18n/language';
import { countText } from './count-text';
import { elementTopic } from './editor/core-model-text';
import type { Translate } from '../../report/i18n/translate';

/** The first `max` items joined, then "and N more". */
function shortList(t: Translate, items: string[], max: number): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? t('dossier.approve.more', { list: shown, n: items.length - max }) : shown;
}

// Governance of a dossier's status: approving it as final (confirmation, the approver's name, warnings about
// unfinished elements and unverified evidence) and reopening a final dossier (a reason is required).

export function ApproveDialog({ dossier, onApprove, onClose }: { dossier: Dossier; onApprove: (by: string) => Promise<void>; onClose: () => void }) {
  const { t, fmt } = useLanguage();
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
      title={t('dossier.approve.title')}
      onClose={onClose}
      testId="approve-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void approve()} disabled={busy || by.trim() === ''} data-testid="approve-ok">
            {t('dossier.approve.ok')}
          </button>
        </>
      }
    >
      <p>{t('dossier.approve.intro')}</p>
      {count > 0 ? (
        <div className="notice notice-warning" data-testid="approve-warnings">
          <div>
            <strong>{countText(t, fmt, 'dossier.approve.points', count)}</strong>
            {warnings.incompleteElements.length > 0 && (
              <p className="warning-group">
                {countText(t, fmt, 'dossier.approve.incomplete', warnings.incompleteElements.length).replace(
                  '{list}',
                  shortList(t, warnings.incompleteElements.map((e) => `${e.id} (${e.domain}) ${elementTopic(t, e.topic)}`), 12),
                )}
              </p>
            )}
            {warnings.unverifiedEvidence.length > 0 && (
              <p className="warning-group">
                {countText(t, fmt, 'dossier.approve.unverified', warnings.unverifiedEvidence.length).replace(
                  '{list}',
                  shortList(t, warnings.unverifiedEvidence.map((e) => e.citation.split('.')[0] ?? e.citation), 8),
                )}
              </p>
            )}
          </div>
        </div>
      ) : (
        <p className="subtle">{t('dossier.approve.allDone')}</p>
      )}
      <TextField label={t('dossier.approve.by')} hint={t('dossier.approve.byHint')} value={by} onChange={setBy} testId="approve-by" />
    </Dialog>
  );
}

export function ReopenDialog({ onReopen, onClose }: { onReopen: (by: string, reason: string) => Promise<void>; onClose: () => void }) {
  const { t } = useLanguage();
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
      title={t('dossier.reopen.title')}
      onClose={onClose}
      testId="reopen-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void reopen()} disabled={busy || reason.trim() === ''} data-testid="reopen-ok">
            {t('dossier.reopen.title')}
          </button>
        </>
      }
    >
      <p>{t('dossier.reopen.intro')}</p>
      <div className="section-stack">
        <TextArea label={t('dossier.reopen.reason')} value={reason} onChange={setReason} rows={3} testId="reopen-reason" />
        <TextField label={t('dossier.reopen.by')} value={by} onChange={setBy} testId="reopen-by" />
      </div>
    </Dialog>
  );
}

/** Shown above a final dossier: who approved it and when, and the one way to change it. */
export function FinalBanner({ dossier, onReopen, canReopen }: { dossier: Dossier; onReopen: () => void; canReopen: boolean }) {
  const { t, fmt } = useLanguage();
  const approval = currentApproval(dossier);
  return (
    <div className="notice notice-info final-banner" role="status" data-testid="final-banner">
      <div className="final-banner-text">
        <strong>{approval ? t('dossier.final.approved', { by: approval.by, date: fmt.when(approval.at) }) : t('dossier.final.plain')}</strong> {t('dossier.final.readOnly')}
      </div>
      {canReopen && <button type="button" className="btn btn-sm" onClick={onReopen} data-testid="reopen-dossier">{t('dossier.reopen.button')}</button>}
    </div>
  );
}

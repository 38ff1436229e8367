import { shownSafetyBackupReason } from '../../report/automatic-names';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { SafetyBackupInfo } from '../db/workspace';
import { ConfirmDialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import type { FileActions } from './use-file-actions';
import { useWorkspace } from './workspace-context';
import type { NumberFormats } from '../../report/format';
import { useLanguage } from '../i18n/language';
import { countText } from './count-text';
import { errorText } from '../db/errors';
import { When } from '../ui/when';

// Safety backups: the whole workspace as it was before each restore replaced it. They stay until the user
// discards one (with a confirmation), and can be restored or downloaded like any backup file.

function formatSize(chars: number, fmt: NumberFormats): string {
  return chars < 1024 * 1024 ? `${fmt.number(Math.max(1, Math.round(chars / 1024)), 0)} KB` : `${fmt.number(chars / (1024 * 1024), 1)} MB`;
}

export function SafetyBackupsCard({ files, readOnly }: { files: FileActions; readOnly: boolean }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t, fmt } = useLanguage();
  const backups = useLiveQuery(() => workspace.listSafetyBackups(), [workspace]);
  const [restoring, setRestoring] = useState<SafetyBackupInfo | null>(null);
  const [discarding, setDiscarding] = useState<SafetyBackupInfo | null>(null);
  if (!backups || backups.length === 0) return null;

  const discard = async (backup: SafetyBackupInfo) => {
    setDiscarding(null);
    try {
      await workspace.discardSafetyBackup(backup.id);
      toasts.show({ message: t('library.safety.discarded') });
    } catch (error) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: t('library.safety.discardFailed'), message: errorText(error, t) }) });
    }
  };

  return (
    <section className="card section-gap" aria-labelledby="safety-backups-title" data-testid="safety-backups">
      <div className="card-header">
        <h2 id="safety-backups-title">{t('library.safety.title')}</h2>
        <span className="subtle">{countText(t, fmt, 'library.safety.count', backups.length)}</span>
      </div>
      <p className="card-intro subtle">{t('library.safety.intro')}</p>
      <div className="table-wrap">
        <table className="table table-fixed" data-testid="safety-backups-table">
          <colgroup>
            <col className="w-date-time" />
            <col />
            <col className="w-backup-size" />
            <col className="w-backup-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('library.safety.made')}</th>
              <th scope="col">{t('library.safety.reason')}</th>
              <th scope="col" className="num">{t('library.safety.size')}</th>
              <th scope="col" className="actions"><span className="visually-hidden">{t('library.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => {
              const made = fmt.when(b.createdAt);
              return (
                <tr key={b.id} data-testid="safety-backup-row">
                  <td className="nowrap"><When iso={b.createdAt} /></td>
                  <td>
                    <div className="clamp">{shownSafetyBackupReason(b.reason, t, fmt.when)}</div>
                    <div className="subtle">
                      {t('library.safety.contents', { dossiers: countText(t, fmt, 'library.n.dossier', b.counts.dossiers), snapshots: countText(t, fmt, 'library.n.snapshot', b.counts.snapshots), history: countText(t, fmt, 'library.n.history', b.counts.history) })}
                    </div>
                  </td>
                  <td className="num nowrap">{formatSize(b.size, fmt)}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm" disabled={readOnly} onClick={() => setRestoring(b)} aria-label={t('library.safety.restoreNamed', { made })} data-testid="safety-backup-restore">{t('library.safety.restore')}</button>
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => void files.downloadSafetyBackup(b)} aria-label={t('library.safety.downloadNamed', { made })} data-testid="safety-backup-download">{t('library.safety.download')}</button>
                    <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={readOnly} onClick={() => setDiscarding(b)} aria-label={t('library.safety.discardNamed', { made })} data-testid="safety-backup-discard">{t('library.safety.discard')}</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={restoring !== null}
        title={t('library.safety.restoreTitle')}
        message={
          <>
            <p>{t('library.safety.restoreMessage', { dossiers: restoring ? countText(t, fmt, 'library.n.dossier', restoring.counts.dossiers) : '' })}</p>
            <p className="subtle">{t('library.safety.restoreKept')}</p>
          </>
        }
        confirmLabel={t('library.safety.restoreConfirm')}
        testId="safety-restore-dialog"
        tone="danger"
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const target = restoring;
          setRestoring(null);
          if (target) void files.restoreSafetyBackup(target);
        }}
      />
      <ConfirmDialog
        open={discarding !== null}
        title={t('library.safety.discardTitle')}
        message={
          <>
            <p>{t('library.safety.discardMessage', { made: discarding ? fmt.when(discarding.createdAt) : '' })}</p>
            <p className="subtle">{t('library.safety.discardHint')}</p>
          </>
        }
        confirmLabel={t('library.safety.discardConfirm')}
        testId="safety-discard-dialog"
        tone="danger"
        onCancel={() => setDiscarding(null)}
        onConfirm={() => discarding && void discard(discarding)}
      />
    </section>
  );
}

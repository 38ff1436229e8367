import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { SafetyBackupInfo } from '../db/workspace';
import { ConfirmDialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import type { FileActions } from './use-file-actions';
import { useWorkspace } from './workspace-context';

// Safety backups: the whole workspace as it was before each restore replaced it. They stay until the user
// discards one (with a confirmation), and can be restored or downloaded like any backup file.

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function formatSize(chars: number): string {
  return chars < 1024 * 1024 ? `${Math.max(1, Math.round(chars / 1024))} KB` : `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

export function SafetyBackupsCard({ files, readOnly }: { files: FileActions; readOnly: boolean }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const backups = useLiveQuery(() => workspace.listSafetyBackups(), [workspace]);
  const [restoring, setRestoring] = useState<SafetyBackupInfo | null>(null);
  const [discarding, setDiscarding] = useState<SafetyBackupInfo | null>(null);
  if (!backups || backups.length === 0) return null;

  const discard = async (backup: SafetyBackupInfo) => {
    setDiscarding(null);
    try {
      await workspace.discardSafetyBackup(backup.id);
      toasts.show({ message: 'The safety backup was discarded.' });
    } catch (error) {
      toasts.show({ tone: 'error', message: `Discarding failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="card section-gap" aria-labelledby="safety-backups-title" data-testid="safety-backups">
      <div className="card-header">
        <h2 id="safety-backups-title">Safety backups</h2>
        <span className="subtle">{plural(backups.length, 'backup', 'backups')}</span>
      </div>
      <p className="card-intro subtle">
        The workspace as it was before a restore replaced it. Kept on this computer until you discard it.
      </p>
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
              <th scope="col">Made</th>
              <th scope="col">Reason and contents</th>
              <th scope="col" className="num">Size</th>
              <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => {
              const made = new Date(b.createdAt).toLocaleString();
              return (
                <tr key={b.id} data-testid="safety-backup-row">
                  <td className="nowrap">{made}</td>
                  <td>
                    <div className="clamp">{b.reason}</div>
                    <div className="subtle">
                      {plural(b.counts.dossiers, 'dossier', 'dossiers')}, {plural(b.counts.snapshots, 'snapshot', 'snapshots')}, {plural(b.counts.history, 'history entry', 'history entries')}
                    </div>
                  </td>
                  <td className="num nowrap">{formatSize(b.size)}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm" disabled={readOnly} onClick={() => setRestoring(b)} aria-label={`Restore the safety backup made ${made}`} data-testid="safety-backup-restore">Restore…</button>
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => void files.downloadSafetyBackup(b)} aria-label={`Download the safety backup made ${made}`} data-testid="safety-backup-download">Download</button>
                    <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={readOnly} onClick={() => setDiscarding(b)} aria-label={`Discard the safety backup made ${made}`} data-testid="safety-backup-discard">Discard…</button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={restoring !== null}
        title="Restore this safety backup?"
        message={
          <>
            <p>Every dossier in this workspace will be replaced by the {restoring ? plural(restoring.counts.dossiers, 'dossier', 'dossiers') : ''} of this safety backup.</p>
            <p className="subtle">The workspace as it is now is kept as a new safety backup first.</p>
          </>
        }
        confirmLabel="Restore"
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
        title="Discard this safety backup?"
        message={
          <>
            <p>The safety backup made {discarding ? new Date(discarding.createdAt).toLocaleString() : ''} will be deleted from this computer. This cannot be undone.</p>
            <p className="subtle">Download it first if you may want it later.</p>
          </>
        }
        confirmLabel="Discard backup"
        testId="safety-discard-dialog"
        tone="danger"
        onCancel={() => setDiscarding(null)}
        onConfirm={() => discarding && void discard(discarding)}
      />
    </section>
  );
}

import { useState } from 'react';
import type { ReactNode } from 'react';
import type { DossierSummary } from '../../dossier/library-query';
import type { FileProblem } from '../../dossier/parse-file';
import type { Dossier } from '../../dossier/schema';
import type { FileText, RestoredBackup, SafetyBackupInfo } from '../db/workspace';
import { parseBackupInWorker } from '../workers/file-jobs';
import type { FileType } from '../platform/platform';
import { usePlatform } from '../platform/platform-context';
import { ConfirmDialog, Dialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import { backupFileTypes, dossierFileTypes, jsonMimeType, maxBackupBytes, maxImportBytes } from './file-types';
import { ProblemsDialog } from './problems-dialog';
import { useWorkspace } from './workspace-context';

// Export, import, backup and restore: the workspace makes and checks the file text, the platform moves it.

type Pending =
  | { kind: 'none' }
  | { kind: 'problems'; title: string; intro: string; problems: FileProblem[] }
  | { kind: 'conflict'; text: string; existing: DossierSummary; incoming: DossierSummary }
  | { kind: 'confirm-restore' }
  | { kind: 'restoring' }
  | { kind: 'restored'; counts: { dossiers: number; snapshots: number; history: number; models: number; runs: number }; previous: FileText; safetyBackup: SafetyBackupInfo };

export interface FileActions {
  exportDossier: (id: string) => Promise<void>;
  importDossier: () => Promise<void>;
  backupWorkspace: () => Promise<void>;
  restoreWorkspace: () => void;
  /** Replaces the workspace by a safety backup (after the caller's confirmation); makes a safety backup first. */
  restoreSafetyBackup: (backup: SafetyBackupInfo) => Promise<void>;
  downloadSafetyBackup: (backup: SafetyBackupInfo) => Promise<void>;
  /** The dialogs these actions open; render once. */
  dialogs: ReactNode;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useFileActions(onImported?: (dossier: Dossier) => void): FileActions {
  const workspace = useWorkspace();
  const platform = usePlatform();
  const toasts = useToasts();
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const close = () => setPending({ kind: 'none' });

  const saveText = async (file: FileText, fileTypes: FileType[]) => {
    const outcome = await platform.saveFile({ suggestedName: file.fileName, content: file.text, mimeType: jsonMimeType, fileTypes });
    if (outcome.saved) toasts.show({ message: outcome.via === 'file' ? `Saved ${outcome.location}.` : `Downloaded ${outcome.location}.` });
  };

  const readFile = async (fileTypes: typeof dossierFileTypes, maxBytes: number): Promise<string | null> => {
    const opened = await platform.openFile({ fileTypes, maxBytes });
    if (opened.opened) return opened.content;
    if (opened.reason !== 'canceled') {
      setPending({ kind: 'problems', title: 'The file could not be read', intro: 'HTA Workbench could not read the file you chose.', problems: [{ path: '', message: opened.message ?? opened.reason }] });
    }
    return null;
  };

  const finishImport = async (text: string, onConflict?: 'copy' | 'replace') => {
    const result = await workspace.importDossier(text, onConflict ? { onConflict } : {});
    if (result.kind === 'invalid') {
      setPending({ kind: 'problems', title: 'This file cannot be imported', intro: 'The file is not a valid HTA Workbench dossier.', problems: result.problems });
    } else if (result.kind === 'conflict') {
      setPending({ kind: 'conflict', text, existing: result.existing, incoming: result.incoming });
    } else {
      close();
      const how = result.mode === 'replace' ? 'replaced the existing dossier' : result.mode === 'copy' ? 'imported as a copy' : 'imported';
      toasts.show({ message: `“${result.dossier.title}” ${how}.` });
      onImported?.(result.dossier);
    }
  };

  const guard = (action: () => Promise<void>, failure: string) => async () => {
    try {
      await action();
    } catch (error) {
      toasts.show({ tone: 'error', message: `${failure}: ${errorMessage(error)}` });
    }
  };

  /** Parses the backup in a worker (large files must not freeze the screen), then replaces the workspace. */
  const restoreText = async (text: string, sourceName: string, intro: string) => {
    setPending({ kind: 'restoring' });
    try {
      const parsed = await parseBackupInWorker(text);
      if (!parsed.ok) {
        setPending({ kind: 'problems', title: 'This backup cannot be restored', intro, problems: parsed.problems });
        return;
      }
      const result: RestoredBackup = await workspace.restoreParsedBackup(parsed.backup, { sourceName });
      setPending({ kind: 'restored', counts: result.counts, previous: result.previous, safetyBackup: result.safetyBackup });
    } catch (error) {
      close();
      throw error;
    }
  };

  const restore = guard(async () => {
    close();
    const opened = await platform.openFile({ fileTypes: backupFileTypes, maxBytes: maxBackupBytes });
    if (!opened.opened) {
      if (opened.reason !== 'canceled') {
        setPending({ kind: 'problems', title: 'The file could not be read', intro: 'HTA Workbench could not read the file you chose.', problems: [{ path: '', message: opened.message ?? opened.reason }] });
      }
      return;
    }
    await restoreText(opened.content, opened.name, 'The file is not a valid HTA Workbench backup.');
  }, 'Restore failed');

  const dialogs = (
    <>
      <ProblemsDialog
        title={pending.kind === 'problems' ? pending.title : ''}
        intro={pending.kind === 'problems' ? pending.intro : ''}
        problems={pending.kind === 'problems' ? pending.problems : null}
        onClose={close}
      />
      <Dialog
        open={pending.kind === 'conflict'}
        title="This dossier is already in your library"
        onClose={close}
        testId="conflict-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={close}>Cancel</button>
            <button type="button" className="btn" data-testid="conflict-replace" onClick={guard(async () => { if (pending.kind === 'conflict') await finishImport(pending.text, 'replace'); }, 'Import failed')}>
              Replace existing
            </button>
            <button type="button" className="btn btn-primary" data-testid="conflict-copy" onClick={guard(async () => { if (pending.kind === 'conflict') await finishImport(pending.text, 'copy'); }, 'Import failed')} autoFocus>
              Import as a copy
            </button>
          </>
        }
      >
        {pending.kind === 'conflict' && (
          <>
            <p>The file holds a dossier with the same identity as one in your library.</p>
            <dl className="kv">
              <dt>In your library</dt>
              <dd>{pending.existing.title} <span className="subtle">(changed {new Date(pending.existing.updatedAt).toLocaleString()})</span></dd>
              <dt>In the file</dt>
              <dd>{pending.incoming.title} <span className="subtle">(changed {new Date(pending.incoming.updatedAt).toLocaleString()})</span></dd>
            </dl>
            <p className="subtle">Replacing keeps the current version as an automatic snapshot of the dossier.</p>
          </>
        )}
      </Dialog>
      <ConfirmDialog
        open={pending.kind === 'confirm-restore'}
        title="Restore the whole workspace from a backup?"
        message={
          <>
            <p>Every dossier in this workspace will be replaced by the contents of the backup file you choose next.</p>
            <p className="subtle">A backup of the current workspace is made first and offered for download.</p>
          </>
        }
        confirmLabel="Choose backup file…"
        testId="restore-confirm-dialog"
        tone="danger"
        onCancel={close}
        onConfirm={() => void restore()}
      />
      <Dialog open={pending.kind === 'restoring'} title="Restoring the workspace" onClose={() => undefined} testId="restoring-dialog" footer={null}>
        <p role="status">Checking the backup file and restoring it. This can take a while for a large workspace.</p>
      </Dialog>
      <Dialog
        open={pending.kind === 'restored'}
        title="Workspace restored"
        onClose={close}
        testId="restored-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={close}>Close</button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="download-previous"
              onClick={guard(async () => { if (pending.kind === 'restored') await saveText(pending.previous, backupFileTypes); }, 'Saving the previous workspace failed')}
            >
              Save backup of the previous workspace
            </button>
          </>
        }
      >
        {pending.kind === 'restored' && (
          <>
            <p data-testid="restored-counts">
              Restored {pending.counts.dossiers} dossier{pending.counts.dossiers === 1 ? '' : 's'}, {pending.counts.snapshots} snapshot
              {pending.counts.snapshots === 1 ? '' : 's'} and {pending.counts.history} history entr{pending.counts.history === 1 ? 'y' : 'ies'}
              {pending.counts.models > 0 && `, with ${pending.counts.models} model${pending.counts.models === 1 ? '' : 's'} and ${pending.counts.runs} stored run${pending.counts.runs === 1 ? '' : 's'}`}.
            </p>
            <p>
              The workspace as it was before is kept as a safety backup: it is listed in the library under <strong>Safety backups</strong> until you
              discard it, and you can restore it from there. You can also save it as a file (<span className="mono">{pending.previous.fileName}</span>).
            </p>
          </>
        )}
      </Dialog>
    </>
  );

  return {
    exportDossier: (id) => guard(async () => saveText(await workspace.exportDossier(id), dossierFileTypes), 'Export failed')(),
    importDossier: guard(async () => {
      const text = await readFile(dossierFileTypes, maxImportBytes);
      if (text !== null) await finishImport(text);
    }, 'Import failed'),
    backupWorkspace: guard(async () => saveText(await workspace.backup(), backupFileTypes), 'Backup failed'),
    restoreWorkspace: () => setPending({ kind: 'confirm-restore' }),
    restoreSafetyBackup: (backup) =>
      guard(async () => {
        const file = await workspace.safetyBackupFile(backup.id);
        await restoreText(file.text, `the safety backup of ${new Date(backup.createdAt).toLocaleString()}`, 'This safety backup is damaged and cannot be restored.');
      }, 'Restore failed')(),
    downloadSafetyBackup: (backup) => guard(async () => saveText(await workspace.safetyBackupFile(backup.id), backupFileTypes), 'Download failed')(),
    dialogs,
  };
}

import { useState } from 'react';
import type { ReactNode } from 'react';
import type { DossierSummary } from '../../dossier/library-query';
import type { FileProblem } from '../../dossier/parse-file';
import type { Dossier } from '../../dossier/schema';
import { errorText } from '../db/errors';
import type { FileText, RestoredBackup, SafetyBackupInfo } from '../db/workspace';
import { parseBackupInWorker } from '../workers/file-jobs';
import type { FileType } from '../platform/platform';
import { usePlatform } from '../platform/platform-context';
import { ConfirmDialog, Dialog } from '../ui/dialog';
import { useToasts } from '../ui/toasts';
import { backupFileTypes, dossierFileTypes, jsonMimeType, maxBackupBytes, maxImportBytes } from './file-types';
import { ProblemsDialog } from './problems-dialog';
import { useWorkspace } from './workspace-context';
import { useLanguage } from '../i18n/language';
import { countText } from './count-text';

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

export function useFileActions(onImported?: (dossier: Dossier) => void): FileActions {
  const workspace = useWorkspace();
  const platform = usePlatform();
  const toasts = useToasts();
  const { t, fmt } = useLanguage();
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const close = () => setPending({ kind: 'none' });

  const saveText = async (file: FileText, fileTypes: FileType[]) => {
    const outcome = await platform.saveFile({ suggestedName: file.fileName, content: file.text, mimeType: jsonMimeType, fileTypes });
    if (outcome.saved) toasts.show({ message: t(outcome.via === 'file' ? 'library.file.saved' : 'library.file.downloaded', { location: outcome.location }) });
  };

  const readFile = async (fileTypes: typeof dossierFileTypes, maxBytes: number): Promise<string | null> => {
    const opened = await platform.openFile({ fileTypes, maxBytes });
    if (opened.opened) return opened.content;
    if (opened.reason !== 'canceled') {
      setPending({ kind: 'problems', title: t('library.file.unreadableTitle'), intro: t('library.file.unreadableIntro'), problems: [{ path: '', message: opened.message ?? opened.reason, detail: opened.detail }] });
    }
    return null;
  };

  const finishImport = async (text: string, onConflict?: 'copy' | 'replace') => {
    const result = await workspace.importDossier(text, { ...(onConflict ? { onConflict } : {}), importedCopySuffix: t('common.importedCopySuffix') });
    if (result.kind === 'invalid') {
      setPending({ kind: 'problems', title: t('library.file.invalidTitle'), intro: t('library.file.invalidIntro'), problems: result.problems });
    } else if (result.kind === 'conflict') {
      setPending({ kind: 'conflict', text, existing: result.existing, incoming: result.incoming });
    } else {
      close();
      const done = result.mode === 'replace' ? 'library.file.replaced' : result.mode === 'copy' ? 'library.file.importedCopy' : 'library.file.imported';
      toasts.show({ message: t(done, { title: result.dossier.title }) });
      onImported?.(result.dossier);
    }
  };

  const guard = (action: () => Promise<void>, failure: string) => async () => {
    try {
      await action();
    } catch (error) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: failure, message: errorText(error, t) }) });
    }
  };

  /** Parses the backup in a worker (large files must not freeze the screen), then replaces the workspace. */
  const restoreText = async (text: string, sourceName: string, intro: string) => {
    setPending({ kind: 'restoring' });
    try {
      const parsed = await parseBackupInWorker(text);
      if (!parsed.ok) {
        setPending({ kind: 'problems', title: t('library.file.badBackupTitle'), intro, problems: parsed.problems });
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
        setPending({ kind: 'problems', title: t('library.file.unreadableTitle'), intro: t('library.file.unreadableIntro'), problems: [{ path: '', message: opened.message ?? opened.reason, detail: opened.detail }] });
      }
      return;
    }
    await restoreText(opened.content, opened.name, t('library.file.badBackupIntro'));
  }, t('library.file.restoreFailed'));

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
        title={t('library.conflict.title')}
        onClose={close}
        testId="conflict-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={close}>{t('common.cancel')}</button>
            <button type="button" className="btn" data-testid="conflict-replace" onClick={guard(async () => { if (pending.kind === 'conflict') await finishImport(pending.text, 'replace'); }, t('library.file.importFailed'))}>
              {t('library.conflict.replace')}
            </button>
            <button type="button" className="btn btn-primary" data-testid="conflict-copy" onClick={guard(async () => { if (pending.kind === 'conflict') await finishImport(pending.text, 'copy'); }, t('library.file.importFailed'))} autoFocus>
              {t('library.conflict.copy')}
            </button>
          </>
        }
      >
        {pending.kind === 'conflict' && (
          <>
            <p>{t('library.conflict.intro')}</p>
            <dl className="kv">
              <dt>{t('library.conflict.inLibrary')}</dt>
              <dd>{pending.existing.title} <span className="subtle">{t('library.conflict.changed', { date: fmt.when(pending.existing.updatedAt) })}</span></dd>
              <dt>{t('library.conflict.inFile')}</dt>
              <dd>{pending.incoming.title} <span className="subtle">{t('library.conflict.changed', { date: fmt.when(pending.incoming.updatedAt) })}</span></dd>
            </dl>
            <p className="subtle">{t('library.conflict.snapshot')}</p>
          </>
        )}
      </Dialog>
      <ConfirmDialog
        open={pending.kind === 'confirm-restore'}
        title={t('library.restore.title')}
        message={
          <>
            <p>{t('library.restore.message')}</p>
            <p className="subtle">{t('library.restore.hint')}</p>
          </>
        }
        confirmLabel={t('library.restore.choose')}
        testId="restore-confirm-dialog"
        tone="danger"
        onCancel={close}
        onConfirm={() => void restore()}
      />
      <Dialog open={pending.kind === 'restoring'} title={t('library.restore.restoring')} onClose={() => undefined} testId="restoring-dialog" footer={null}>
        <p role="status">{t('library.restore.checking')}</p>
      </Dialog>
      <Dialog
        open={pending.kind === 'restored'}
        title={t('library.restore.done')}
        onClose={close}
        testId="restored-dialog"
        footer={
          <>
            <button type="button" className="btn" onClick={close}>{t('shell.close')}</button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="download-previous"
              onClick={guard(async () => { if (pending.kind === 'restored') await saveText(pending.previous, backupFileTypes); }, t('library.file.savePreviousFailed'))}
            >
              {t('library.restore.savePrevious')}
            </button>
          </>
        }
      >
        {pending.kind === 'restored' && (
          <>
            <p data-testid="restored-counts">
              {t(pending.counts.models > 0 ? 'library.restore.countsModels' : 'library.restore.counts', {
                dossiers: countText(t, fmt, 'library.n.dossier', pending.counts.dossiers),
                snapshots: countText(t, fmt, 'library.n.snapshot', pending.counts.snapshots),
                history: countText(t, fmt, 'library.n.history', pending.counts.history),
                models: countText(t, fmt, 'library.n.model', pending.counts.models),
                runs: countText(t, fmt, 'library.n.run', pending.counts.runs),
              })}
            </p>
            <p>{t('library.restore.kept', { file: pending.previous.fileName })}</p>
          </>
        )}
      </Dialog>
    </>
  );

  return {
    exportDossier: (id) => guard(async () => saveText(await workspace.exportDossier(id), dossierFileTypes), t('library.file.exportFailed'))(),
    importDossier: guard(async () => {
      const text = await readFile(dossierFileTypes, maxImportBytes);
      if (text !== null) await finishImport(text);
    }, t('library.file.importFailed')),
    backupWorkspace: guard(async () => saveText(await workspace.backup(), backupFileTypes), t('library.file.backupFailed')),
    restoreWorkspace: () => setPending({ kind: 'confirm-restore' }),
    restoreSafetyBackup: (backup) =>
      guard(async () => {
        const file = await workspace.safetyBackupFile(backup.id);
        // The source name is stored in the new safety backup's reason (data, in the workspace's English).
        await restoreText(file.text, `the safety backup of ${backup.createdAt}`, t('library.safety.damaged'));
      }, t('library.file.restoreFailed'))(),
    downloadSafetyBackup: (backup) => guard(async () => saveText(await workspace.safetyBackupFile(backup.id), backupFileTypes), t('library.file.downloadFailed'))(),
    dialogs,
  };
}

import { shownVersionName } from '../../report/automatic-names';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { diffDossiers } from '../../dossier/diff';
import type { DomainCode, Dossier, DossierStatus } from '../../dossier/schema';
import { errorText, WorkspaceError } from '../db/errors';
import { useMenuCommand } from '../app/menu-commands';
import { routeHash } from '../app/routes';
import { AppFrame } from '../layout/app-frame';
import { useToasts } from '../ui/toasts';
import { AccuracySection } from './editor/accuracy-section';
import { AssessorsSection } from './editor/assessors-section';
import { DomainSection } from './editor/domain-section';
import { EvidenceSection } from './editor/evidence-section';
import { HistorySection } from './editor/history-section';
import { ModelLinksSection } from './editor/model-links-section';
import { OverviewSection } from './editor/overview-section';
import { PicoSection } from './editor/pico-section';
import { ReportingSection } from './editor/reporting-section';
import { SectionNav } from './editor/section-nav';
import { sectionById } from './editor/sections';
import { SnapshotsSection } from './editor/snapshots-section';
import { TechnologySection } from './editor/technology-section';
import { browserDraftStorage, dropPendingDraft, keepPendingDraft, readPendingDraft } from './pending-drafts';
import { SaveStateIndicator, SaveStateNote } from './save-state-indicator';
import { StaleWriteDialog } from './stale-write-dialog';
import { StatusBadge } from './status-badge';
import { ApproveDialog, FinalBanner, ReopenDialog } from './status-dialogs';
import { useAutosave } from './use-autosave';
import { savableDraft, titleProblem } from './title-check';
import type { FileActions } from './use-file-actions';
import { useReadOnlyReason, useWorkspace } from './workspace-context';
import { useLanguage } from '../i18n/language';

/** What the editor starts from: the stored dossier, and the unsaved draft of the last visit if one was kept. */
interface Loaded {
  kind: 'loaded';
  stored: Dossier;
  /** The draft to show (the stored dossier unless an unsaved draft was restored). */
  draft: Dossier;
  /** updatedAt of the stored version the draft was edited from. */
  baseUpdatedAt: string;
  restoredDraft: boolean;
}

type Load = { kind: 'loading' } | { kind: 'missing' } | Loaded;

/** The stored dossier, with the unsaved draft a reload or close interrupted (if it holds changes). */
function startingPoint(stored: Dossier): Loaded {
  const storage = browserDraftStorage();
  const pending = readPendingDraft(storage, stored.id);
  if (pending && diffDossiers(stored, pending.dossier).length > 0) {
    return { kind: 'loaded', stored, draft: pending.dossier, baseUpdatedAt: pending.baseUpdatedAt, restoredDraft: true };
  }
  // Saved after all (the save finished as the page went) or nothing changed: nothing to restore.
  if (pending) dropPendingDraft(storage, stored.id);
  return { kind: 'loaded', stored, draft: stored, baseUpdatedAt: stored.updatedAt, restoredDraft: false };
}

export interface DossierEditorPageProps {
  dossierId: string;
  section: string;
  onSection: (section: string) => void;
  files: FileActions;
}

/** Loads the dossier, then hands it to the editor (which keeps the draft from then on). */
export function DossierEditorPage(props: DossierEditorPageProps) {
  const workspace = useWorkspace();
  const { t } = useLanguage();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void workspace.get(props.dossierId).then((dossier) => {
      if (!cancelled) setLoad(dossier ? startingPoint(dossier) : { kind: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [workspace, props.dossierId]);
  if (load.kind !== 'loaded') {
    return (
      <AppFrame activeNav="library" title={<Crumbs title={load.kind === 'missing' ? t('common.notFound') : t('common.loading')} />}>
        <div className="page">
          {load.kind === 'missing' ? (
            <div className="notice notice-warning" data-testid="dossier-missing">
              {t('dossier.missing')} <a href="#/library">{t('dossier.backToLibrary')}</a>
            </div>
          ) : (
            <p className="empty">{t('common.loading')}</p>
          )}
        </div>
      </AppFrame>
    );
  }
  return <DossierEditor key={props.dossierId} {...props} start={load} />;
}

function Crumbs({ title }: { title: string }) {
  const { t } = useLanguage();
  return (
    <>
      <a className="crumb" href="#/library">{t('nav.library')}</a>
      <span className="crumb-sep" aria-hidden="true">›</span>
      <h1 className="current" data-testid="header-dossier-title" data-user-content>{title}</h1>
    </>
  );
}

function DossierEditor({ dossierId, section, onSection, files, start }: DossierEditorPageProps & { start: Loaded }) {
  const workspace = useWorkspace();
  const readOnlyReason = useReadOnlyReason(workspace);
  const toasts = useToasts();
  const { t } = useLanguage();
  const [draft, setDraft] = useState<Dossier>(start.draft);
  const [updatedAt, setUpdatedAt] = useState(start.stored.updatedAt);
  // The stored version the draft builds on: every save expects it, so a save never overwrites another tab's.
  const [base, setBaseState] = useState(start.baseUpdatedAt);
  const baseRef = useRef(start.baseUpdatedAt);
  const setBase = useCallback((value: string) => {
    baseRef.current = value;
    setBaseState(value);
  }, []);
  const [restoredDraft, setRestoredDraft] = useState(start.restoredDraft);
  const [conflict, setConflict] = useState<{ theirs: Dossier } | null>(null);
  // The title the workspace holds: saves use it while the field's title cannot be stored (see title-check.ts).
  const [savedTitle, setSavedTitleState] = useState(start.stored.title);
  const savedTitleRef = useRef(start.stored.title);
  const setSavedTitle = useCallback((title: string) => {
    savedTitleRef.current = title;
    setSavedTitleState(title);
  }, []);
  const save = useCallback(
    async (value: Dossier) => {
      try {
        const result = await workspace.update(dossierId, savableDraft(value, savedTitleRef.current), { expectedUpdatedAt: baseRef.current });
        setBase(result.dossier.updatedAt);
        setUpdatedAt(result.dossier.updatedAt);
        setSavedTitle(result.dossier.title);
      } catch (error) {
        if (error instanceof WorkspaceError && error.code === 'stale') {
          const theirs = await workspace.get(dossierId);
          if (theirs) setConflict({ theirs });
        }
        throw error;
      }
    },
    [workspace, dossierId, setBase, setSavedTitle],
  );
  const autosave = useAutosave<Dossier>(draft, save, 500, start.stored);
  const edit = useCallback((change: (d: Dossier) => Dossier) => setDraft((d) => change(d)), []);
  const history = useLiveQuery(() => workspace.history(dossierId, { limit: 500 }), [workspace, dossierId]);
  const snapshots = useLiveQuery(() => workspace.listSnapshots(dossierId), [workspace, dossierId]);
  // The stored version's stamp, following writes from other tabs and windows (null: deleted there).
  const storedUpdatedAt = useLiveQuery(async () => (await workspace.get(dossierId))?.updatedAt ?? null, [workspace, dossierId]);

  /** Replaces the draft by a version saved by the workspace itself (not written again). */
  const adopt = (dossier: Dossier) => {
    autosave.markSaved(dossier);
    setDraft(dossier);
    setUpdatedAt(dossier.updatedAt);
    setBase(dossier.updatedAt);
    setSavedTitle(dossier.title);
  };

  /** Takes the stored version, dropping the edits on screen (the user chose Reload). */
  const reloadStored = async () => {
    const stored = await workspace.get(dossierId);
    setConflict(null);
    if (stored) adopt(stored);
  };

  /** Saves the draft over the version saved elsewhere (the user chose Keep mine). */
  const keepMine = (theirs: Dossier) => {
    setBase(theirs.updatedAt);
    setConflict(null);
    void autosave.flush().then((ok) => ok && toasts.show({ message: t('dossier.keptMine') }));
  };

  // Keep the unsaved draft in this tab's session storage until the workspace has it (a reload restores it).
  // A title that cannot be stored counts as unsaved: the tab keeps it, and a reload brings it back.
  const badTitle = titleProblem(draft.title);
  const unsaved = autosave.state.kind !== 'saved' || badTitle !== null;
  const latestDraft = useRef({ draft, base });
  useEffect(() => {
    latestDraft.current = { draft, base };
    const storage = browserDraftStorage();
    if (unsaved) keepPendingDraft(storage, { dossier: draft, baseUpdatedAt: base, keptAt: new Date().toISOString() });
    else dropPendingDraft(storage, dossierId);
  }, [draft, base, unsaved, dossierId]);

  // Leaving the page (reload, close, another app in front): keep the draft and start saving it now.
  const { flush } = autosave;
  useEffect(() => {
    const keepAndFlush = () => {
      if (!unsaved) return;
      keepPendingDraft(browserDraftStorage(), { dossier: latestDraft.current.draft, baseUpdatedAt: latestDraft.current.base, keptAt: new Date().toISOString() });
      void flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') keepAndFlush();
    };
    window.addEventListener('pagehide', keepAndFlush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', keepAndFlush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [unsaved, flush]);

  // Another tab or window saved (or deleted) this dossier while it is open here.
  const changedElsewhere = typeof storedUpdatedAt === 'string' && storedUpdatedAt !== base && autosave.state.kind !== 'saving' && conflict === null;
  const deletedElsewhere = storedUpdatedAt === null && readOnlyReason === null;

  /** Saves pending edits first; refuses (keeping the draft) when they cannot be saved. */
  const saveFirst = async () => {
    if (!(await autosave.flush())) throw new Error(t('dossier.unsavedChanges'));
    if (titleProblem(latestDraft.current.draft.title)) throw new Error(t('dossier.titleFirst'));
  };

  const run = async (action: () => Promise<void>, failure: string) => {
    try {
      await action();
    } catch (error) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: failure, message: errorText(error, t) }) });
    }
  };

  const [statusDialog, setStatusDialog] = useState<'approve' | 'reopen' | null>(null);
  const moveStatus = (to: DossierStatus, details: { by?: string; reason?: string } = {}) =>
    run(async () => {
      await saveFirst();
      adopt(await workspace.changeStatus(dossierId, to, details));
      setStatusDialog(null);
    }, t('dossier.statusFailed'));
  /** Approving and reopening ask first (name, reason); other steps happen at once. */
  const changeStatus = (to: DossierStatus) => {
    if (to === 'final') setStatusDialog('approve');
    else if (draft.status === 'final') setStatusDialog('reopen');
    else void moveStatus(to);
  };

  const exportDossier = () =>
    run(async () => {
      await saveFirst();
      await files.exportDossier(dossierId);
    }, t('dossier.exportFailed'));

  // Printing a dossier means its report: the form itself is not a document to hand out.
  const openReport = () =>
    run(async () => {
      await saveFirst();
      window.location.hash = routeHash({ page: 'report', dossierId });
    }, t('dossier.reportFailed'));

  useMenuCommand((command) => {
    if (command === 'export-dossier') void exportDossier();
    else if (command === 'print-to-pdf') void openReport();
    else return false;
    return true;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave]);

  // Closing or reloading with unsaved edits: start saving and ask the browser (or Electron's shell) to confirm.
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void autosave.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved, autosave]);

  const current = sectionById(section);
  // The header's "Go to the title": focus the field once the overview shows (the section changes through the route).
  const focusTitlePending = useRef(false);
  const focusTitle = () => document.querySelector<HTMLInputElement>('[data-testid="field-title"]')?.focus();
  const goToTitle = () => {
    if (current.id === 'overview') return focusTitle();
    focusTitlePending.current = true;
    onSection('overview');
  };
  useEffect(() => {
    if (current.id !== 'overview' || !focusTitlePending.current) return;
    focusTitlePending.current = false;
    focusTitle();
  }, [current.id]);
  const sectionProps = { dossier: draft, edit };
  return (
    <AppFrame
      activeNav="library"
      title={<Crumbs title={(badTitle ? savedTitle : draft.title) || t('dossier.untitled')} />}
      headerNote={<SaveStateNote state={autosave.state} onRetry={autosave.retry} titleProblem={badTitle !== null} onGoToTitle={goToTitle} />}
      headerExtra={
        <>
          <StatusBadge status={draft.status} />
          {draft.archived && <span className="badge badge-archived">{t('dossier.archived')}</span>}
          <SaveStateIndicator state={autosave.state} titleProblem={badTitle !== null} />
          <button type="button" className="btn" onClick={() => void openReport()} data-testid="open-report">{t('dossier.report')}</button>
          <button type="button" className="btn" onClick={() => void exportDossier()} data-testid="editor-export">{t('dossier.export')}</button>
        </>
      }
    >
      {restoredDraft && (
        <div className="notice notice-info banner" role="status" data-testid="draft-restored-notice">
          <span className="grow">{autosave.state.kind === 'saved' ? t('dossier.restoredDraftSaved') : t('dossier.restoredDraftSaving')}</span>
          <button type="button" className="btn btn-sm" onClick={() => setRestoredDraft(false)}>{t('shell.dismiss')}</button>
        </div>
      )}
      {changedElsewhere && (
        <div className="notice notice-warning banner" role="status" data-testid="changed-elsewhere-notice">
          <span className="grow">{t('dossier.changedElsewhere')}</span>
          {unsaved ? (
            <button type="button" className="btn btn-sm" onClick={() => void workspace.get(dossierId).then((theirs) => theirs && setConflict({ theirs }))}>{t('dossier.compareChoose')}</button>
          ) : (
            <button type="button" className="btn btn-sm" onClick={() => void reloadStored()} data-testid="changed-elsewhere-reload">{t('dossier.reload')}</button>
          )}
        </div>
      )}
      {deletedElsewhere && (
        <div className="notice notice-error banner" role="alert" data-testid="deleted-elsewhere-notice">
          {t('dossier.deletedElsewhere')}
        </div>
      )}
      <StaleWriteDialog
        open={conflict !== null}
        theirs={conflict?.theirs ?? null}
        mine={draft}
        onReload={() => void reloadStored()}
        onKeepMine={() => conflict && keepMine(conflict.theirs)}
        onClose={() => setConflict(null)}
      />
      {draft.status === 'final' && <FinalBanner dossier={draft} canReopen={workspace.readOnlyReason === null} onReopen={() => setStatusDialog('reopen')} />}
      {statusDialog === 'approve' && <ApproveDialog dossier={draft} onClose={() => setStatusDialog(null)} onApprove={(by) => moveStatus('final', { by })} />}
      {statusDialog === 'reopen' && <ReopenDialog onClose={() => setStatusDialog(null)} onReopen={(by, reason) => moveStatus('draft', { by, reason })} />}
      <div className="editor" data-testid="dossier-editor">
        <SectionNav dossier={draft} active={current.id} onSelect={onSection} />
        {/* The tab panel is a div (a fieldset may not take role="tabpanel"); the fieldset inside disables every field at once. */}
        <div id="section-panel" role="tabpanel" aria-labelledby={`tab-${current.id}`} className="section-panel" data-testid={`panel-${current.id}`}>
          <fieldset className="panel-fieldset" disabled={readOnlyReason !== null || draft.status === 'final'}>
            {current.id === 'overview' && <OverviewSection {...sectionProps} dossier={{ ...draft, updatedAt }} savedTitle={savedTitle} onStatus={changeStatus} />}
            {current.id === 'technology' && <TechnologySection {...sectionProps} />}
            {current.id === 'pico' && <PicoSection {...sectionProps} />}
            {current.domain && <DomainSection {...sectionProps} code={current.domain as DomainCode} />}
            {current.id === 'evidence' && <EvidenceSection {...sectionProps} />}
            {current.id === 'accuracy' && <AccuracySection {...sectionProps} />}
            {current.id === 'assessors' && <AssessorsSection {...sectionProps} />}
            {current.id === 'models' && <ModelLinksSection {...sectionProps} />}
            {current.id === 'reporting' && <ReportingSection {...sectionProps} />}
            {current.id === 'history' && <HistorySection entries={history} />}
            {current.id === 'snapshots' && (
              <SnapshotsSection
                snapshots={snapshots}
                onCreate={(name) =>
                  run(async () => {
                    await saveFirst();
                    const created = await workspace.createSnapshot(dossierId, name);
                    toasts.show({ message: t('dossier.snapshotCreated', { name: shownVersionName(created, t) }) });
                  }, t('dossier.snapshotFailed'))
                }
                onRestore={(snapshot) =>
                  run(async () => {
                    await saveFirst();
                    const { dossier, safetySnapshot } = await workspace.restoreSnapshot(snapshot.id);
                    adopt(dossier);
                    toasts.show({
                      message: t('dossier.snapshotRestored', { name: shownVersionName(snapshot, t), safety: shownVersionName(safetySnapshot, t) }),
                      actionLabel: t('dossier.undo'),
                      onAction: () => run(async () => adopt((await workspace.restoreSnapshot(safetySnapshot.id)).dossier), t('dossier.undoFailed')),
                    });
                  }, t('dossier.restoreFailed'))
                }
              />
            )}
          </fieldset>
        </div>
      </div>
    </AppFrame>
  );
}

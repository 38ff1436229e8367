import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { DomainCode, Dossier, DossierStatus } from '../../dossier/schema';
import { useMenuCommand } from '../app/menu-commands';
import { routeHash } from '../app/routes';
import { AppFrame } from '../layout/app-frame';
import { useToasts } from '../ui/toasts';
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
import { SaveStateIndicator } from './save-state-indicator';
import { StatusBadge } from './status-badge';
import { useAutosave } from './use-autosave';
import type { FileActions } from './use-file-actions';
import { useWorkspace } from './workspace-context';

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'loaded'; dossier: Dossier };

export interface DossierEditorPageProps {
  dossierId: string;
  section: string;
  onSection: (section: string) => void;
  files: FileActions;
}

/** Loads the dossier, then hands it to the editor (which keeps the draft from then on). */
export function DossierEditorPage(props: DossierEditorPageProps) {
  const workspace = useWorkspace();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void workspace.get(props.dossierId).then((dossier) => {
      if (!cancelled) setLoad(dossier ? { kind: 'loaded', dossier } : { kind: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [workspace, props.dossierId]);
  if (load.kind !== 'loaded') {
    return (
      <AppFrame activeNav="library" title={<Crumbs title={load.kind === 'missing' ? 'Not found' : 'Loading…'} />}>
        <div className="page">
          {load.kind === 'missing' ? (
            <div className="notice notice-warning" data-testid="dossier-missing">
              This dossier is not in the library (it may have been deleted). <a href="#/library">Back to the library</a>
            </div>
          ) : (
            <p className="empty">Loading…</p>
          )}
        </div>
      </AppFrame>
    );
  }
  return <DossierEditor key={props.dossierId} {...props} initial={load.dossier} />;
}

function Crumbs({ title }: { title: string }) {
  return (
    <>
      <a className="crumb" href="#/library">Dossier library</a>
      <span className="crumb-sep" aria-hidden="true">›</span>
      <span className="current" data-testid="header-dossier-title">{title}</span>
    </>
  );
}

function DossierEditor({ dossierId, section, onSection, files, initial }: DossierEditorPageProps & { initial: Dossier }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const [draft, setDraft] = useState<Dossier>(initial);
  const [updatedAt, setUpdatedAt] = useState(initial.updatedAt);
  const save = useCallback(
    async (value: Dossier) => {
      const result = await workspace.update(dossierId, value);
      setUpdatedAt(result.dossier.updatedAt);
    },
    [workspace, dossierId],
  );
  const autosave = useAutosave<Dossier>(draft, save);
  const edit = useCallback((change: (d: Dossier) => Dossier) => setDraft((d) => change(d)), []);
  const history = useLiveQuery(() => workspace.history(dossierId, { limit: 500 }), [workspace, dossierId]);
  const snapshots = useLiveQuery(() => workspace.listSnapshots(dossierId), [workspace, dossierId]);

  /** Replaces the draft by a version saved by the workspace itself (not written again). */
  const adopt = (dossier: Dossier) => {
    autosave.markSaved(dossier);
    setDraft(dossier);
    setUpdatedAt(dossier.updatedAt);
  };

  /** Saves pending edits first; refuses (keeping the draft) when they cannot be saved. */
  const saveFirst = async () => {
    if (!(await autosave.flush())) throw new Error('the open changes could not be saved; correct them first');
  };

  const run = async (action: () => Promise<void>, failure: string) => {
    try {
      await action();
    } catch (error) {
      toasts.show({ tone: 'error', message: `${failure}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const changeStatus = (to: DossierStatus) =>
    run(async () => {
      await saveFirst();
      adopt(await workspace.changeStatus(dossierId, to));
    }, 'Status change failed');

  const exportDossier = () =>
    run(async () => {
      await saveFirst();
      await files.exportDossier(dossierId);
    }, 'Export failed');

  // Printing a dossier means its report: the form itself is not a document to hand out.
  const openReport = () =>
    run(async () => {
      await saveFirst();
      window.location.hash = routeHash({ page: 'report', dossierId });
    }, 'The report could not be opened');

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
  const unsaved = autosave.state.kind !== 'saved';
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
  const sectionProps = { dossier: draft, edit };
  return (
    <AppFrame
      activeNav="library"
      title={<Crumbs title={draft.title || 'Untitled dossier'} />}
      headerExtra={
        <>
          <StatusBadge status={draft.status} />
          {draft.archived && <span className="badge badge-archived">Archived</span>}
          <SaveStateIndicator state={autosave.state} onRetry={autosave.retry} />
          <button type="button" className="btn" onClick={() => void openReport()} data-testid="open-report">Report…</button>
          <button type="button" className="btn" onClick={() => void exportDossier()} data-testid="editor-export">Export…</button>
        </>
      }
    >
      <div className="editor" data-testid="dossier-editor">
        <SectionNav dossier={draft} active={current.id} onSelect={onSection} />
        <fieldset
          id="section-panel"
          className="panel-fieldset"
          role="tabpanel"
          aria-labelledby={`tab-${current.id}`}
          data-testid={`panel-${current.id}`}
          disabled={workspace.readOnlyReason !== null}
        >
          {current.id === 'overview' && <OverviewSection {...sectionProps} dossier={{ ...draft, updatedAt }} onStatus={(to) => void changeStatus(to)} />}
          {current.id === 'technology' && <TechnologySection {...sectionProps} />}
          {current.id === 'pico' && <PicoSection {...sectionProps} />}
          {current.domain && <DomainSection {...sectionProps} code={current.domain as DomainCode} />}
          {current.id === 'evidence' && <EvidenceSection {...sectionProps} />}
          {current.id === 'assessors' && <AssessorsSection {...sectionProps} />}
          {current.id === 'models' && <ModelLinksSection dossier={draft} />}
          {current.id === 'reporting' && <ReportingSection {...sectionProps} />}
          {current.id === 'history' && <HistorySection entries={history} />}
          {current.id === 'snapshots' && (
            <SnapshotsSection
              snapshots={snapshots}
              onCreate={(name) =>
                run(async () => {
                  await saveFirst();
                  await workspace.createSnapshot(dossierId, name);
                  toasts.show({ message: `Snapshot “${name}” created.` });
                }, 'Snapshot failed')
              }
              onRestore={(snapshot) =>
                run(async () => {
                  await saveFirst();
                  const { dossier, safetySnapshot } = await workspace.restoreSnapshot(snapshot.id);
                  adopt(dossier);
                  toasts.show({
                    message: `Restored “${snapshot.name}”. The previous version is kept as “${safetySnapshot.name}”.`,
                    actionLabel: 'Undo',
                    onAction: () => run(async () => adopt((await workspace.restoreSnapshot(safetySnapshot.id)).dossier), 'Undo failed'),
                  });
                }, 'Restore failed')
              }
            />
          )}
        </fieldset>
      </div>
    </AppFrame>
  );
}

import { liveQuery } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { appInfo } from '../../dossier/app-info';
import { titleSlug } from '../../dossier/file-format';
import type { RunKind, StoredModel } from '../../dossier/workspace-models';
import { modelDocumentHash } from '../../engine/json/canonical-json';
import { DocumentEditError, documentTitle, setParameterUncertainty, setParameterValue } from '../../engine/model/document-edits';
import { renameParameter, setParameterDefinition } from '../../engine/model/structure-edits';
import type { UncertaintyChange } from '../../engine/model/document-edits';
import { ENGINE_VERSION } from '../../engine/version';
import { routeHash } from '../app/routes';
import type { Route } from '../app/routes';
import type { LinkedDossier } from '../db/model-store';
import { SaveStateIndicator, SaveStateNote } from '../dossiers/save-state-indicator';
import { StatusBadge } from '../dossiers/status-badge';
import { useWorkspace } from '../dossiers/workspace-context';
import { ExportProvider, mimeTypes } from '../exports/export-context';
import { browserDraftStorage, dropPendingModelDraft, readPendingModelDraft } from '../dossiers/pending-drafts';
import { AppFrame } from '../layout/app-frame';
import { usePlatform } from '../platform/platform-context';
import type { RunContext } from '../results/run-status';
import { ConfirmDialog, Dialog } from '../ui/dialog';
import { TextArea, TextField } from '../ui/fields';
import { useToasts } from '../ui/toasts';
import { useLanguage } from '../i18n/language';
import { shownVersionName } from '../../report/automatic-names';
import type { MessageKey } from '../../report/i18n/translate';
import { modelTypeLabel, summariseDocument } from './model-catalog';
import { linkModel, unlinkModel } from './model-links';
import { ModelView } from './model-view';
import { useModelDocument } from './use-model-document';
import { useModelEvaluation } from './use-model-evaluation';
import { VersionsPanel } from './versions-panel';
import { templateTitle } from './new-model-dialog';
import { StructureEditor } from './structure-editor';
import { keepsTextUndo } from './structure-fields';
import { diagramValues } from '../../diagram/model-diagram';
import { errorText } from '../db/errors';

// One workspace model: its document edited in place (autosaved, undo/redo), versions, stored runs, links to
// dossiers and exports. Loads the stored model once; from then on the page keeps the document being edited.

type Load = { kind: 'loading' } | { kind: 'missing' } | { kind: 'loaded'; model: StoredModel };

const originWords: Record<StoredModel['origin']['kind'], MessageKey> = {
  example: 'model.origin.example',
  file: 'model.origin.file',
  template: 'model.origin.template',
  copy: 'model.origin.copy',
};

function Crumbs({ title }: { title: string }) {
  const { t } = useLanguage();
  return (
    <>
      <a className="crumb" href={routeHash({ page: 'models' })}>{t('nav.models')}</a>
      <span className="crumb-sep" aria-hidden="true">/</span>
      <span className="current">{title}</span>
    </>
  );
}

export function ModelPage({ modelId, tab, navigate }: { modelId: string; tab: string; navigate: (route: Route) => void }) {
  const workspace = useWorkspace();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const { t } = useLanguage();
  useEffect(() => {
    let live = true;
    void workspace.models.get(modelId).then((model) => live && setLoad(model ? { kind: 'loaded', model } : { kind: 'missing' }));
    return () => {
      live = false;
    };
  }, [workspace, modelId]);
  if (load.kind !== 'loaded') {
    return (
      <AppFrame activeNav="models" title={<Crumbs title={load.kind === 'missing' ? t('common.notFound') : t('common.loading')} />}>
        <div className="page">
          {load.kind === 'missing' ? (
            <div className="section-stack">
              <div className="notice notice-warning" role="alert" data-testid="model-missing">
                {t('model.missing')} <a href={routeHash({ page: 'models' })}>{t('models.goTo')}</a>
              </div>
              <UnsavedDraftOfMissing modelId={modelId} tab={tab} navigate={navigate} onKept={(model) => setLoad({ kind: 'loaded', model })} />
            </div>
          ) : (
            <p className="empty">{t('common.loading')}</p>
          )}
        </div>
      </AppFrame>
    );
  }
  return <ModelWorkbench key={load.model.id} initial={load.model} tab={tab} navigate={navigate} />;
}

/**
 * A model deleted (in another window) while this tab held unsaved edits of it, then reloaded: the edits kept in the
 * tab's session storage are offered back as a workspace model, or discarded, never dropped unasked.
 */
function UnsavedDraftOfMissing({ modelId, tab, navigate, onKept }: { modelId: string; tab: string; navigate: (route: Route) => void; onKept: (model: StoredModel) => void }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t } = useLanguage();
  const [draft, setDraft] = useState(() => readPendingModelDraft(browserDraftStorage(), modelId));
  if (!draft || workspace.readOnlyReason !== null) return null;
  const keep = async () => {
    try {
      const title = documentTitle(draft.document).trim();
      // Under its own id when it is free (the dossiers' links to it work again), as the open page's Keep it does.
      const kept = await workspace.models.create({ document: draft.document, origin: { kind: 'copy', ...(title ? { ref: title } : {}) }, preferredId: modelId });
      dropPendingModelDraft(browserDraftStorage(), modelId);
      toasts.show({ message: t('model.keptDeleted', { title: kept.title }) });
      if (kept.id === modelId) onKept(kept);
      else navigate({ page: 'model', modelId: kept.id, tab });
    } catch (e) {
      toasts.show({ tone: 'error', message: t('model.keepDeletedFailed', { error: errorText(e, t) }) });
    }
  };
  const discard = () => {
    dropPendingModelDraft(browserDraftStorage(), modelId);
    setDraft(null);
  };
  return (
    <div className="notice notice-info" role="status" data-testid="missing-model-draft">
      <span className="grow">{t('model.missingDraft')}</span>
      <button type="button" className="btn btn-sm" onClick={() => void keep()} data-testid="missing-model-keep">{t('model.keepDeleted')}</button>
      <button type="button" className="btn btn-sm" onClick={discard} data-testid="missing-model-discard">{t('model.discardDraft')}</button>
    </div>
  );
}

function ModelWorkbench({ initial, tab, navigate }: { initial: StoredModel; tab: string; navigate: (route: Route) => void }) {
  const workspace = useWorkspace();
  const store = workspace.models;
  const platform = usePlatform();
  const toasts = useToasts();
  const { t } = useLanguage();
  const session = useModelDocument(store, initial);
  const { document, edit, undo, redo, autosave } = session;
  const evaluation = useModelEvaluation(document);
  const hash = useMemo(() => modelDocumentHash(document), [document]);
  const summary = useMemo(() => summariseDocument(document), [document]);
  const readOnly = workspace.readOnlyReason !== null;
  const [selected, setSelected] = useState<RunContext['selected']>(null);
  const [dialog, setDialog] = useState<'version' | 'link' | 'delete' | null>(null);
  const [restoredDraft, setRestoredDraft] = useState(session.restoredDraft);
  const linked = useLiveQuery(() => store.linkedDossiers(initial.id), [store, initial.id]);

  // Another window or tab saved this model. Without edits here, this page takes that version; with edits here
  // (pending, or refused as stale), the user chooses which to keep, and the other side is kept as a version.
  const [stored, setStored] = useState<StoredModel | undefined>(undefined);
  const [reloadedFromElsewhere, setReloadedFromElsewhere] = useState(false);
  // Deleted in another window (not by this page's own Delete, which leaves the page): the page keeps what it shows
  // and offers to keep it as a workspace model again; nothing writes it back unasked.
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const deletingHere = useRef(false);
  // Keep it under way: the model coming back is this page's own write, no change from elsewhere.
  const [keeping, setKeeping] = useState(false);
  const saveKind = autosave.state.kind;
  const { adopt, rebase } = session;
  const seen = useRef({ updatedAt: session.updatedAt, saveKind, adopt, readOnly, keeping });
  useEffect(() => {
    seen.current = { updatedAt: session.updatedAt, saveKind, adopt, readOnly, keeping };
  });
  useEffect(() => {
    const subscription = liveQuery(() => store.get(initial.id)).subscribe({
      next: (model) => {
        setStored(model);
        setDeletedElsewhere(!model && !deletingHere.current);
        const now = seen.current;
        if (model && model.updatedAt !== now.updatedAt && now.saveKind === 'saved' && !now.readOnly && !now.keeping) {
          now.adopt(model);
          setReloadedFromElsewhere(true);
        }
      },
    });
    return () => subscription.unsubscribe();
  }, [store, initial.id]);
  const changedElsewhere = stored !== undefined && stored.updatedAt !== session.updatedAt && saveKind !== 'saving' && !readOnly && !keeping;
  // Kept under its own id when no model took it meanwhile (nothing else refers to a deleted model's id but the
  // dossiers' links, which then work again): the page goes on as it is, undo history included.
  const { markSaved } = autosave;
  const keepDeleted = async () => {
    setKeeping(true);
    seen.current = { ...seen.current, keeping: true };
    try {
      const kept = await store.create({ document, origin: initial.origin, title: session.title, preferredId: initial.id });
      toasts.show({ message: t('model.keptDeleted', { title: kept.title }) });
      if (kept.id === initial.id) {
        rebase(kept.updatedAt);
        markSaved(document);
        setDeletedElsewhere(false);
        setReloadedFromElsewhere(false);
      } else {
        dropPendingModelDraft(browserDraftStorage(), initial.id);
        navigate({ page: 'model', modelId: kept.id, tab });
      }
    } catch (e) {
      toasts.show({ tone: 'error', message: t('model.keepDeletedFailed', { error: errorText(e, t) }) });
    } finally {
      setKeeping(false);
    }
  };
  const closeDeleted = () => {
    dropPendingModelDraft(browserDraftStorage(), initial.id);
    navigate({ page: 'models' });
  };
  // A conflict stays shown while an edit made during it tries to save (that write is refused as stale): the banner
  // neither flickers away nor is announced again per edit.
  const [conflictWith, setConflictWith] = useState<string | null>(null);
  const conflict =
    (changedElsewhere && saveKind !== 'saved') ||
    (saveKind === 'saving' && stored !== undefined && conflictWith === stored.updatedAt && stored.updatedAt !== session.updatedAt && !readOnly);
  if (conflict && stored && conflictWith !== stored.updatedAt) setConflictWith(stored.updatedAt);
  // In a conflict the banner says why nothing is saved; the header only points at it.
  const saveExplained = conflict ? { explainedBy: 'model-conflict-message', errorLabel: t('model.notSavedConflict') } : {};
  const resolveConflict = async (keep: 'mine' | 'theirs') => {
    if (!stored) return;
    try {
      if (keep === 'mine') {
        await store.setAsideVersion(initial.id, stored.document);
        rebase(stored.updatedAt);
        if (await autosave.flush()) toasts.show({ message: t('model.keptMine') });
      } else {
        await store.setAsideVersion(initial.id, document);
        adopt(stored);
        toasts.show({ message: t('model.usedTheirs') });
      }
      setReloadedFromElsewhere(false);
    } catch (e) {
      toasts.show({ tone: 'error', message: t('model.conflictFailed', { error: errorText(e, t) }) });
    }
  };
  const onTab = useCallback((next: string) => navigate({ page: 'model', modelId: initial.id, tab: next }), [navigate, initial.id]);

  const runs: RunContext = useMemo(
    () => ({ store, modelId: initial.id, hash, model: evaluation.updating ? null : (evaluation.check?.model ?? null), selected }),
    [store, initial.id, hash, evaluation.updating, evaluation.check, selected],
  );

  const apply = useCallback(
    (change: (doc: StoredModel['document']) => StoredModel['document'], mergeKey?: string) => {
      try {
        edit(change, mergeKey);
      } catch (error) {
        if (!(error instanceof DocumentEditError)) throw error;
        toasts.show({ tone: 'error', message: t('model.changeFailed', { error: error.message }) });
      }
    },
    [edit, toasts, t],
  );
  const onSetValue = useCallback((id: string, value: number) => apply((d) => setParameterValue(d, id, value), `value:${id}`), [apply]);
  // Structure edits work on the document as plain JSON records; the stored document type is the same JSON.
  const applyStructure = useCallback((change: (doc: Record<string, unknown>) => Record<string, unknown>, mergeKey?: string) => apply((d) => change(d) as StoredModel['document'], mergeKey), [apply]);
  const checkedModel = evaluation.check?.model ?? null;
  const structureValues = useMemo(() => (checkedModel ? diagramValues(checkedModel) : null), [checkedModel]);
  const onSetUncertainty = useCallback((id: string, change: UncertaintyChange) => apply((d) => setParameterUncertainty(d, id, change)), [apply]);
  const onSetDefinition = useCallback((id: string, definition: string | number) => apply((d) => setParameterDefinition(d, id, definition), `definition:${id}`), [apply]);
  const onRenameParameter = useCallback((from: string, to: string) => apply((d) => renameParameter(d, from, to)), [apply]);

  // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo model edits anywhere on the page but in dialogs and in text
  // fields whose typing is not (yet) a model edit: there they undo the typing, not an earlier edit elsewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as Element | null;
      const key = event.key.toLowerCase();
      if (target?.closest?.('dialog')) return;
      if (key !== 's' && keepsTextUndo(target)) return;
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      } else if (key === 's') {
        event.preventDefault();
        void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, autosave]);

  // Closing or reloading with unsaved edits: start saving and ask the browser (or Electron's shell) to confirm.
  const unsaved = autosave.state.kind !== 'saved';
  useEffect(() => {
    if (!unsaved || deletedElsewhere) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void autosave.flush();
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved, deletedElsewhere, autosave]);

  const exportModel = async () => {
    const outcome = await platform.saveFile({
      suggestedName: `${titleSlug(session.title) || 'model'}.json`,
      content: `${JSON.stringify(document, null, 2)}\n`,
      mimeType: mimeTypes.json,
      fileTypes: [{ name: 'HTA Workbench model', extensions: ['json'] }],
    });
    if (outcome.saved) toasts.show({ message: outcome.via === 'download' ? t('model.downloaded', { location: outcome.location }) : t('model.saved', { location: outcome.location }) });
  };

  // A copy of the model as it is now (pending edits saved first), opened at once.
  const duplicate = async () => {
    try {
      if (!(await autosave.flush())) throw new Error(t('model.unsavedChanges'));
      const copy = await store.duplicate(initial.id, t('common.copySuffix'));
      toasts.show({ message: t('models.opened', { title: copy.title }) });
      navigate({ page: 'model', modelId: copy.id, tab: 'model' });
    } catch (e) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: t('library.duplicateFailed'), message: errorText(e, t) }) });
    }
  };

  const provenance = useMemo(
    () => [t('provenance.model', { title: session.title }), t('provenance.hash', { hash }), t('provenance.app', { app: appInfo.name, version: appInfo.version, engine: ENGINE_VERSION })],
    [session.title, hash, t],
  );

  return (
    <AppFrame
      activeNav="models"
      title={<Crumbs title={session.title} />}
      headerNote={!readOnly && !deletedElsewhere && <SaveStateNote state={autosave.state} onRetry={autosave.retry} {...saveExplained} />}
      headerExtra={
        <>
          {!readOnly && !deletedElsewhere && <SaveStateIndicator state={autosave.state} {...saveExplained} />}
          <button type="button" className="btn" onClick={undo} disabled={!session.canUndo || readOnly} title={t('model.undoTitle')} data-testid="model-undo">{t('model.undo')}</button>
          <button type="button" className="btn" onClick={redo} disabled={!session.canRedo || readOnly} title={t('model.redoTitle')} data-testid="model-redo">{t('model.redo')}</button>
        </>
      }
    >
      {restoredDraft && (
        <div className="notice notice-info banner" role="status" data-testid="model-draft-restored">
          <span className="grow">{autosave.state.kind === 'saved' ? t('model.restoredDraftSaved') : t('model.restoredDraftSaving')}</span>
          <button type="button" className="btn btn-sm" onClick={() => setRestoredDraft(false)}>{t('shell.dismiss')}</button>
        </div>
      )}
      {deletedElsewhere && !readOnly && (
        <div className="notice notice-warning banner model-conflict-banner" role="alert" data-testid="model-deleted-elsewhere">
          <span className="grow">{t('model.deletedElsewhere')}</span>
          <button type="button" className="btn btn-sm" onClick={() => void keepDeleted()} data-testid="model-keep-deleted">{t('model.keepDeleted')}</button>
          <button type="button" className="btn btn-sm" onClick={closeDeleted} data-testid="model-close-deleted">{t('model.closeDeleted')}</button>
        </div>
      )}
      {conflict && (
        <div className="notice notice-warning banner model-conflict-banner" role="alert" data-testid="model-changed-elsewhere">
          <span className="grow" id="model-conflict-message">{t('model.changedElsewhere')}</span>
          <button type="button" className="btn btn-sm" onClick={() => void resolveConflict('mine')} data-testid="model-keep-mine">{t('model.keepMine')}</button>
          <button type="button" className="btn btn-sm" onClick={() => void resolveConflict('theirs')} data-testid="model-use-theirs">{t('model.useTheirs')}</button>
        </div>
      )}
      {reloadedFromElsewhere && !conflict && (
        <div className="notice notice-info banner" role="status" data-testid="model-reloaded-elsewhere">
          <span className="grow">{t('model.reloadedFromElsewhere')}</span>
          <button type="button" className="btn btn-sm" onClick={() => setReloadedFromElsewhere(false)}>{t('shell.dismiss')}</button>
        </div>
      )}
      <ExportProvider modelTitle={session.title} provenance={provenance}>
        <div className="page model-page" data-testid="model-page" data-model-id={initial.id}>
          <div className="page-header">
            <div className="page-title">
              <h1 data-testid="model-title">{session.title}</h1>
              <p>
                {t(summary.strategies === 1 ? 'model.subtitleOne' : 'model.subtitle', { type: modelTypeLabel(summary, t), n: summary.strategies, origin: t(originWords[initial.origin.kind]) })}
                {initial.origin.ref ? ` (${initial.origin.kind === 'template' ? templateTitle(initial.origin.ref, t) : initial.origin.ref})` : ''}
                {linked && linked.length > 0 ? ` · ${linked.length === 1 ? t('model.linkedOne') : t('model.linkedMany', { n: linked.length })}` : ''}
              </p>
            </div>
            <div className="btn-group">
              {!readOnly && !deletedElsewhere && <button type="button" className="btn" onClick={() => setDialog('version')} data-testid="save-version">{t('model.saveVersion')}</button>}
              {!readOnly && !deletedElsewhere && <button type="button" className="btn" onClick={() => void duplicate()} aria-label={t('library.duplicateNamed', { title: session.title })} data-testid="duplicate-model">{t('library.duplicate')}</button>}
              <button type="button" className="btn" onClick={() => void exportModel()} data-testid="export-model">{t('model.export')}</button>
              {!readOnly && !deletedElsewhere && <button type="button" className="btn btn-ghost danger-text" onClick={() => setDialog('delete')} data-testid="delete-model">{t('model.delete')}</button>}
            </div>
          </div>
          <ModelView
            document={document}
            evaluation={evaluation}
            tab={tab}
            onTab={onTab}
            readOnly={readOnly}
            onSetValue={onSetValue}
            onSetUncertainty={onSetUncertainty}
            onSetDefinition={onSetDefinition}
            onRenameParameter={onRenameParameter}
            onEditDocument={apply}
            runs={runs}
            hasBudgetImpact={summary.hasBudgetImpact}
            structureEditor={<StructureEditor document={document} issues={evaluation.check?.issues ?? []} values={structureValues} readOnly={readOnly} apply={applyStructure} onRenameParameter={onRenameParameter} />}
            modelCards={<LinkedDossiersCard linked={linked} readOnly={readOnly} onLink={() => setDialog('link')} onUnlink={(l) => void unlinkModel(workspace, l.id, l.linkId).catch((e: unknown) => toasts.show({ tone: 'error', message: t('model.unlinkFailed', { error: errorText(e, t) }) }))} />}
            versions={
              <VersionsPanel
                store={store}
                modelId={initial.id}
                document={document}
                hash={hash}
                readOnly={readOnly}
                onRestored={session.adopt}
                onSaveVersion={() => setDialog('version')}
                onShowRun={(kind: RunKind, id: string) => {
                  setSelected({ kind, id });
                  onTab(kind === 'scenarios' ? 'scenarios' : 'uncertainty');
                }}
              />
            }
          />
        </div>
      </ExportProvider>
      {dialog === 'version' && (
        <SaveVersionDialog
          onClose={() => setDialog(null)}
          onSave={async (name, note) => {
            if (!(await autosave.flush())) throw new Error(t('model.unsavedChanges'));
            const saved = await store.saveVersion(initial.id, name, note);
            toasts.show({ message: t('model.versionSaved', { name: shownVersionName(saved, t) }) });
          }}
        />
      )}
      {dialog === 'link' && (
        <LinkDossierDialog
          linkedIds={new Set((linked ?? []).map((l) => l.id))}
          onClose={() => setDialog(null)}
          onLink={async (dossierId) => {
            const d = await linkModel(workspace, dossierId, { id: initial.id, title: session.title, origin: initial.origin });
            toasts.show({ message: t('model.linkedTo', { title: d.title }) });
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('model.deleteTitle')}
        message={
          <p>
            {linked && linked.length > 0
              ? t('model.deleteMessageLinked', { title: session.title, dossiers: linked.map((l) => `“${l.title}”`).join(', ') })
              : t('model.deleteMessage', { title: session.title })}
          </p>
        }
        confirmLabel={t('model.deleteConfirm')}
        tone="danger"
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          deletingHere.current = true;
          void store
            .remove(initial.id)
            .then(() => {
              toasts.show({ message: t('model.deleted', { title: session.title }) });
              navigate({ page: 'models' });
            })
            .catch((e: unknown) => {
              deletingHere.current = false;
              toasts.show({ tone: 'error', message: t('model.deleteFailed', { error: errorText(e, t) }) });
            });
        }}
      />
    </AppFrame>
  );
}

function LinkedDossiersCard({ linked, readOnly, onLink, onUnlink }: { linked: LinkedDossier[] | undefined; readOnly: boolean; onLink: () => void; onUnlink: (l: LinkedDossier) => void }) {
  const { t } = useLanguage();
  return (
    <section className="card" aria-labelledby="linked-title" data-testid="linked-dossiers">
      <div className="card-header">
        <h2 id="linked-title">{t('model.linkedTitle')}</h2>
        <span className="subtle">{t('model.linkedHint')}</span>
        {!readOnly && <button type="button" className="btn btn-sm" onClick={onLink} data-testid="link-dossier">{t('model.link')}</button>}
      </div>
      <div className="card-body flush">
        {linked === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : linked.length === 0 ? (
          <p className="empty compact-empty">{t('model.notLinked')}</p>
        ) : (
          <ul className="link-list">
            {linked.map((l) => (
              <li key={`${l.id}-${l.linkId}`} data-testid="linked-dossier">
                <a href={routeHash({ page: 'dossier', dossierId: l.id, section: 'models' })}>{l.title}</a> <StatusBadge status={l.status} />
                {!readOnly && l.status !== 'final' && (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => onUnlink(l)} aria-label={t('model.unlinkLabel', { title: l.title })}>{t('model.unlink')}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function SaveVersionDialog({ onClose, onSave }: { onClose: () => void; onSave: (name: string, note: string) => Promise<void> }) {
  const { t } = useLanguage();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await onSave(name.trim(), note.trim());
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title={t('model.versionTitle')}
      onClose={onClose}
      testId="save-version-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || name.trim() === ''} data-testid="save-version-ok">{t('model.versionSave')}</button>
        </>
      }
    >
      <p className="subtle">{t('model.versionIntro')}</p>
      <div className="section-stack">
        <TextField label={t('model.versionName')} hint={t('model.versionNameHint')} value={name} onChange={setName} testId="version-name" />
        <TextArea label={t('model.versionNote')} value={note} onChange={setNote} rows={3} testId="version-note" />
        {error && <p className="field-error" role="alert">{error}</p>}
      </div>
    </Dialog>
  );
}

function LinkDossierDialog({ linkedIds, onClose, onLink }: { linkedIds: ReadonlySet<string>; onClose: () => void; onLink: (dossierId: string) => Promise<void> }) {
  const workspace = useWorkspace();
  const { t } = useLanguage();
  const dossiers = useLiveQuery(() => workspace.list({ archived: 'include', sort: 'title' }), [workspace]);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (dossiers ?? []).filter((d) => !linkedIds.has(d.id));
  const chosen = choice || open.find((d) => d.status !== 'final')?.id || '';
  const link = async () => {
    try {
      await onLink(chosen);
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  return (
    <Dialog
      open
      title={t('model.linkTitle')}
      onClose={onClose}
      testId="link-dossier-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void link()} disabled={!chosen} data-testid="link-dossier-ok">{t('model.linkOk')}</button>
        </>
      }
    >
      {dossiers === undefined ? (
        <p className="empty">{t('common.loading')}</p>
      ) : open.length === 0 ? (
        <p className="empty">{t('model.allLinked')}</p>
      ) : (
        <div className="field">
          <label className="field-label" htmlFor="link-dossier-select">{t('model.dossier')}</label>
          <select id="link-dossier-select" className="select" value={chosen} onChange={(e) => setChoice(e.target.value)} data-testid="link-dossier-select">
            {open.map((d) => (
              <option key={d.id} value={d.id} disabled={d.status === 'final'}>
                {d.status === 'final' ? t('model.finalDossier', { title: d.title }) : d.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </Dialog>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredModel } from '../../dossier/workspace-models';
import type { ModelStore } from '../db/model-store';
import { browserDraftStorage, dropPendingModelDraft, keepPendingModelDraft, readPendingModelDraft } from '../dossiers/pending-drafts';
import type { DraftStorage } from '../dossiers/pending-drafts';
import { useAutosave } from '../dossiers/use-autosave';
import type { Autosave } from '../dossiers/use-autosave';

// The open workspace model's document: edits apply at once in memory, are saved ~500 ms later (autosave, the same
// visible states as the dossier editor), and can be undone and redone. Quick edits of the same field (typing
// "0.85") make one undo step. Until the store has an edit it is also kept in the tab's session storage (as the
// dossier editor does), so a reload, crash or close inside the autosave pause restores it on the next open.
// A write refused as stale (the model changed in another window) shows as an error.

export type ModelDocument = StoredModel['document'];

export interface ModelDocumentSession {
  document: ModelDocument;
  /** updatedAt of the stored model this session last saved or loaded. */
  updatedAt: string;
  title: string;
  /** Applies an edit; edits with the same `mergeKey` within a moment make one undo step. */
  edit: (change: (doc: ModelDocument) => ModelDocument, mergeKey?: string) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  /** Saves the next write over the stored version of `updatedAt` (the user chose to keep these edits in a conflict). */
  rebase: (updatedAt: string) => void;
  /** Takes a document the store saved itself (a restored version) without writing it again; clears redo. */
  adopt: (model: StoredModel) => void;
  autosave: Autosave<ModelDocument>;
  /** The session started from an unsaved draft a reload, crash or close had interrupted. */
  restoredDraft: boolean;
}

/** Edits of one field closer together than this are one undo step. */
export const UNDO_MERGE_MS = 1500;

interface History {
  past: ModelDocument[];
  present: ModelDocument;
  future: ModelDocument[];
  lastKey: string | null;
  lastAt: number;
}

interface StartingPoint {
  document: ModelDocument;
  /** updatedAt of the stored model the document was edited from. */
  baseUpdatedAt: string;
  restoredDraft: boolean;
}

/** The stored model, or the unsaved draft of it this tab kept when it holds changes. */
export function modelStartingPoint(storage: DraftStorage | null, stored: StoredModel): StartingPoint {
  const pending = readPendingModelDraft(storage, stored.id);
  if (pending && JSON.stringify(pending.document) !== JSON.stringify(stored.document)) {
    return { document: pending.document, baseUpdatedAt: pending.baseUpdatedAt, restoredDraft: true };
  }
  // Saved after all (the save finished as the page went) or nothing changed: nothing to restore.
  if (pending) dropPendingModelDraft(storage, stored.id);
  return { document: stored.document, baseUpdatedAt: stored.updatedAt, restoredDraft: false };
}

export function useModelDocument(store: ModelStore, initial: StoredModel): ModelDocumentSession {
  const [start] = useState(() => modelStartingPoint(browserDraftStorage(), initial));
  const [history, setHistoryState] = useState<History>({ past: [], present: start.document, future: [], lastKey: null, lastAt: 0 });
  // The latest history, read and written synchronously: an edit runs here, in the caller's call, so an edit the
  // document refuses (a state id with a space) throws to the caller, which says why, instead of throwing inside a
  // React state update, where nothing catches it and the whole page goes blank.
  const historyRef = useRef(history);
  const updatedAtRef = useRef(start.baseUpdatedAt);
  const setHistory = useCallback(
    (next: History) => {
      historyRef.current = next;
      setHistoryState(next);
      // Kept at once, in the edit's own event: a reload right after the keystroke cannot outrun it.
      keepPendingModelDraft(browserDraftStorage(), { modelId: initial.id, document: next.present, baseUpdatedAt: updatedAtRef.current, keptAt: new Date().toISOString() });
    },
    [initial.id],
  );
  const [updatedAt, setUpdatedAt] = useState(start.baseUpdatedAt);
  const [title, setTitle] = useState(initial.title);
  const save = useCallback(
    async (doc: ModelDocument) => {
      const result = await store.updateDocument(initial.id, doc, { expectedUpdatedAt: updatedAtRef.current });
      updatedAtRef.current = result.model.updatedAt;
      setUpdatedAt(result.model.updatedAt);
      setTitle(result.model.title);
    },
    [store, initial.id],
  );
  const autosave = useAutosave<ModelDocument>(history.present, save, 500, initial.document);
  const { markSaved, flush } = autosave;

  // Until the store has the document, the tab's session storage keeps it (written by each edit, above); once saved,
  // it is dropped.
  const unsaved = autosave.state.kind !== 'saved';
  const modelId = initial.id;
  useEffect(() => {
    // Again after a save that left later edits pending: the draft's base is then the newly stored version (each
    // edit itself is kept by setHistory, so this does not run per keystroke).
    if (unsaved) keepPendingModelDraft(browserDraftStorage(), { modelId, document: historyRef.current.present, baseUpdatedAt: updatedAt, keptAt: new Date().toISOString() });
  }, [unsaved, modelId, updatedAt]);
  useEffect(() => {
    // Only on becoming saved: an edit's first render still shows "saved" (the autosave turns pending just after).
    if (!unsaved) dropPendingModelDraft(browserDraftStorage(), modelId);
  }, [unsaved, modelId]);

  // Leaving the page (reload, close, another app in front): start saving what is pending now (a no-op otherwise).
  useEffect(() => {
    const flushPending = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushPending();
    };
    window.addEventListener('pagehide', flushPending);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushPending);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  const edit = useCallback(
    (change: (doc: ModelDocument) => ModelDocument, mergeKey?: string) => {
      const h = historyRef.current;
      const next = change(h.present);
      if (next === h.present) return;
      const now = Date.now();
      const merge = mergeKey !== undefined && mergeKey === h.lastKey && now - h.lastAt < UNDO_MERGE_MS;
      setHistory({ past: merge ? h.past : [...h.past, h.present], present: next, future: [], lastKey: mergeKey ?? null, lastAt: now });
    },
    [setHistory],
  );
  const undo = useCallback(() => {
    const h = historyRef.current;
    if (h.past.length > 0) setHistory({ past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future], lastKey: null, lastAt: 0 });
  }, [setHistory]);
  const redo = useCallback(() => {
    const h = historyRef.current;
    if (h.future.length > 0) setHistory({ past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1), lastKey: null, lastAt: 0 });
  }, [setHistory]);
  const rebase = useCallback((next: string) => {
    updatedAtRef.current = next;
    setUpdatedAt(next);
  }, []);
  const adopt = useCallback(
    (model: StoredModel) => {
      markSaved(model.document);
      updatedAtRef.current = model.updatedAt;
      setUpdatedAt(model.updatedAt);
      setTitle(model.title);
      const h = historyRef.current;
      setHistory({ past: [...h.past, h.present], present: model.document, future: [], lastKey: null, lastAt: 0 });
    },
    [markSaved, setHistory],
  );

  return {
    document: history.present,
    updatedAt,
    title,
    edit,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    rebase,
    adopt,
    autosave,
    restoredDraft: start.restoredDraft,
  };
}

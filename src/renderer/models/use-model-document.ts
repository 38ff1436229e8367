import { useCallback, useRef, useState } from 'react';
import type { StoredModel } from '../../dossier/workspace-models';
import type { ModelStore } from '../db/model-store';
import { useAutosave } from '../dossiers/use-autosave';
import type { Autosave } from '../dossiers/use-autosave';

// The open workspace model's document: edits apply at once in memory, are saved ~500 ms later (autosave, the same
// visible states as the dossier editor), and can be undone and redone. Quick edits of the same field (typing
// "0.85") make one undo step. A write refused as stale (the model changed in another window) shows as an error.

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
  /** Takes a document the store saved itself (a restored version) without writing it again; clears redo. */
  adopt: (model: StoredModel) => void;
  autosave: Autosave<ModelDocument>;
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

export function useModelDocument(store: ModelStore, initial: StoredModel): ModelDocumentSession {
  const [history, setHistoryState] = useState<History>({ past: [], present: initial.document, future: [], lastKey: null, lastAt: 0 });
  // The latest history, read and written synchronously: an edit runs here, in the caller's call, so an edit the
  // document refuses (a state id with a space) throws to the caller, which says why, instead of throwing inside a
  // React state update, where nothing catches it and the whole page goes blank.
  const historyRef = useRef(history);
  const setHistory = useCallback((next: History) => {
    historyRef.current = next;
    setHistoryState(next);
  }, []);
  const [updatedAt, setUpdatedAt] = useState(initial.updatedAt);
  const [title, setTitle] = useState(initial.title);
  const updatedAtRef = useRef(initial.updatedAt);
  const save = useCallback(
    async (doc: ModelDocument) => {
      const result = await store.updateDocument(initial.id, doc, { expectedUpdatedAt: updatedAtRef.current });
      updatedAtRef.current = result.model.updatedAt;
      setUpdatedAt(result.model.updatedAt);
      setTitle(result.model.title);
    },
    [store, initial.id],
  );
  const autosave = useAutosave<ModelDocument>(history.present, save);
  const { markSaved } = autosave;

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
    adopt,
    autosave,
  };
}

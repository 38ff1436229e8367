// An editor's unsaved draft (a dossier's or a workspace model's), kept in sessionStorage until the workspace has
// it: a reload or close inside the autosave window (or while a save fails) cannot lose the last edit.
// sessionStorage is per tab, so a draft never shows up in another tab editing the same record; writes are
// synchronous, so it is there before the page goes.
import type { Dossier } from '../../dossier/schema';
import type { StoredModel } from '../../dossier/workspace-models';

export interface PendingDraft {
  dossier: Dossier;
  /** updatedAt of the stored version the draft was edited from (the save's expectedUpdatedAt). */
  baseUpdatedAt: string;
  /** When the draft was kept. */
  keptAt: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function pendingDraftKey(dossierId: string): string {
  return `hta-workbench:unsaved-draft:${dossierId}`;
}

/** sessionStorage, or null where the browser refuses it. */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function keepEntry(storage: DraftStorage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the autosave remains the only copy, as before.
  }
}

function dropEntry(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** The kept entry under `key` when it has the draft envelope (baseUpdatedAt, keptAt), else null. */
function readEntry(storage: DraftStorage | null, key: string): Record<string, unknown> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) && typeof value.baseUpdatedAt === 'string' && typeof value.keptAt === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function keepPendingDraft(storage: DraftStorage | null, draft: PendingDraft): void {
  keepEntry(storage, pendingDraftKey(draft.dossier.id), draft);
}

export function dropPendingDraft(storage: DraftStorage | null, dossierId: string): void {
  dropEntry(storage, pendingDraftKey(dossierId));
}

/** The kept draft of this dossier, or null (none, unreadable, or not a dossier draft of this id). */
export function readPendingDraft(storage: DraftStorage | null, dossierId: string): PendingDraft | null {
  const value = readEntry(storage, pendingDraftKey(dossierId));
  const d = value?.dossier;
  // Written by this editor in this tab; check the shape the editor relies on, the workspace validates the rest on save.
  if (!isRecord(d) || d.id !== dossierId || !Array.isArray(d.picos) || !isRecord(d.domains) || !isRecord(d.technology) || !Array.isArray(d.evidence)) return null;
  return value as unknown as PendingDraft;
}

/** A workspace model's unsaved document, kept the same way. */
export interface PendingModelDraft {
  modelId: string;
  document: StoredModel['document'];
  /** updatedAt of the stored model the draft was edited from (the save's expectedUpdatedAt). */
  baseUpdatedAt: string;
  keptAt: string;
}

export function pendingModelDraftKey(modelId: string): string {
  return `hta-workbench:unsaved-model-draft:${modelId}`;
}

export function keepPendingModelDraft(storage: DraftStorage | null, draft: PendingModelDraft): void {
  keepEntry(storage, pendingModelDraftKey(draft.modelId), draft);
}

export function dropPendingModelDraft(storage: DraftStorage | null, modelId: string): void {
  dropEntry(storage, pendingModelDraftKey(modelId));
}

/** The kept draft of this model, or null. The model store validates the document when it is saved. */
export function readPendingModelDraft(storage: DraftStorage | null, modelId: string): PendingModelDraft | null {
  const value = readEntry(storage, pendingModelDraftKey(modelId));
  if (!value || value.modelId !== modelId || !isRecord(value.document)) return null;
  return value as unknown as PendingModelDraft;
}

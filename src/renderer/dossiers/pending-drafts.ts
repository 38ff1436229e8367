// The editor's unsaved draft, kept in sessionStorage until the workspace has it: a reload or close inside the
// autosave window (or while a save fails) cannot lose the last edit. sessionStorage is per tab, so a draft never
// shows up in another tab editing the same dossier; writes are synchronous, so it is there before the page goes.
import type { Dossier } from '../../dossier/schema';

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

export function keepPendingDraft(storage: DraftStorage | null, draft: PendingDraft): void {
  try {
    storage?.setItem(pendingDraftKey(draft.dossier.id), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the autosave remains the only copy, as before.
  }
}

export function dropPendingDraft(storage: DraftStorage | null, dossierId: string): void {
  try {
    storage?.removeItem(pendingDraftKey(dossierId));
  } catch {
    // nothing to do
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** The kept draft of this dossier, or null (none, unreadable, or not a dossier draft of this id). */
export function readPendingDraft(storage: DraftStorage | null, dossierId: string): PendingDraft | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(pendingDraftKey(dossierId)) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || !isRecord(value.dossier) || typeof value.baseUpdatedAt !== 'string' || typeof value.keptAt !== 'string') return null;
    const d = value.dossier;
    // Written by this editor in this tab; check the shape the editor relies on, the workspace validates the rest on save.
    if (d.id !== dossierId || !Array.isArray(d.picos) || !isRecord(d.domains) || !isRecord(d.technology) || !Array.isArray(d.evidence)) return null;
    return value as unknown as PendingDraft;
  } catch {
    return null;
  }
}

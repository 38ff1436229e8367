// The editor's unsaved draft in session storage: kept, read back only for the same dossier and in the shape the
// editor needs, dropped once saved; a broken or foreign entry is ignored, never trusted.
import { describe, expect, it } from 'vitest';
import { newDossier } from '../../src/dossier/new-dossier';
import { dropPendingDraft, dropPendingModelDraft, keepPendingDraft, keepPendingModelDraft, pendingDraftKey, pendingModelDraftKey, readPendingDraft, readPendingModelDraft } from '../../src/renderer/dossiers/pending-drafts';
import { modelStartingPoint } from '../../src/renderer/models/use-model-document';
import type { StoredModel } from '../../src/dossier/workspace-models';
import type { DraftStorage } from '../../src/renderer/dossiers/pending-drafts';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

const T = '2026-11-28T10:00:00.000Z';

describe('pending drafts', () => {
  it('round-trips a draft of the same dossier and forgets it when dropped', () => {
    const storage = memoryStorage();
    const dossier = { ...newDossier({ id: 'd-1', now: T, title: 'Draft' }), indication: 'typed, not saved' };
    keepPendingDraft(storage, { dossier, baseUpdatedAt: T, keptAt: T });
    expect(readPendingDraft(storage, 'd-1')).toEqual({ dossier, baseUpdatedAt: T, keptAt: T });
    expect(readPendingDraft(storage, 'd-2')).toBeNull();
    dropPendingDraft(storage, 'd-1');
    expect(readPendingDraft(storage, 'd-1')).toBeNull();
  });

  it('ignores entries that are not a draft of this dossier', () => {
    const storage = memoryStorage();
    const other = newDossier({ id: 'd-2', now: T, title: 'Other' });
    for (const raw of ['{not json', 'null', '[]', JSON.stringify({ dossier: other, baseUpdatedAt: T, keptAt: T }), JSON.stringify({ dossier: { id: 'd-1' }, baseUpdatedAt: T, keptAt: T }), JSON.stringify({ dossier: { ...other, id: 'd-1' }, keptAt: T })]) {
      storage.map.set(pendingDraftKey('d-1'), raw);
      expect(readPendingDraft(storage, 'd-1'), raw.slice(0, 40)).toBeNull();
    }
  });

  it('survives a storage that refuses writes (full or disabled)', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const dossier = newDossier({ id: 'd-1', now: T, title: 'Draft' });
    expect(() => keepPendingDraft(refusing, { dossier, baseUpdatedAt: T, keptAt: T })).not.toThrow();
    expect(readPendingDraft(refusing, 'd-1')).toBeNull();
    expect(() => dropPendingDraft(refusing, 'd-1')).not.toThrow();
  });

  it('keeps a workspace model draft apart from dossier drafts, and restores it only when it holds changes', () => {
    const storage = memoryStorage();
    const storedDocument = { format: 'hta-workbench-model', version: 1, parameters: [{ id: 'p', value: 0.5 }] } as unknown as StoredModel['document'];
    const edited = { ...storedDocument, parameters: [{ id: 'p', value: 0.61 }] } as unknown as StoredModel['document'];
    const stored = { id: 'm-1', title: 'Model', updatedAt: T, document: storedDocument } as unknown as StoredModel;
    keepPendingModelDraft(storage, { modelId: 'm-1', document: edited, baseUpdatedAt: T, keptAt: T });
    expect(readPendingDraft(storage, 'm-1')).toBeNull();
    expect(readPendingModelDraft(storage, 'm-2')).toBeNull();
    expect(modelStartingPoint(storage, stored)).toEqual({ document: edited, baseUpdatedAt: T, restoredDraft: true });
    // The save landed as the page went: the draft equals the stored document, so nothing is restored and it is dropped.
    const later = '2026-11-28T10:00:01.000Z';
    expect(modelStartingPoint(storage, { ...stored, document: edited, updatedAt: later })).toEqual({ document: edited, baseUpdatedAt: later, restoredDraft: false });
    expect(storage.map.has(pendingModelDraftKey('m-1'))).toBe(false);
    for (const raw of ['{not json', JSON.stringify({ modelId: 'm-2', document: edited, baseUpdatedAt: T, keptAt: T }), JSON.stringify({ modelId: 'm-1', document: [], baseUpdatedAt: T, keptAt: T }), JSON.stringify({ modelId: 'm-1', document: edited, keptAt: T })]) {
      storage.map.set(pendingModelDraftKey('m-1'), raw);
      expect(readPendingModelDraft(storage, 'm-1'), raw.slice(0, 40)).toBeNull();
      expect(modelStartingPoint(storage, stored).restoredDraft).toBe(false);
    }
    keepPendingModelDraft(storage, { modelId: 'm-1', document: edited, baseUpdatedAt: T, keptAt: T });
    dropPendingModelDraft(storage, 'm-1');
    expect(readPendingModelDraft(storage, 'm-1')).toBeNull();
  });
});

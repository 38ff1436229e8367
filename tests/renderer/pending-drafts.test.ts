// The editor's unsaved draft in session storage: kept, read back only for the same dossier and in the shape the
// editor needs, dropped once saved; a broken or foreign entry is ignored, never trusted.
import { describe, expect, it } from 'vitest';
import { newDossier } from '../../src/dossier/new-dossier';
import { dropPendingDraft, keepPendingDraft, pendingDraftKey, readPendingDraft } from '../../src/renderer/dossiers/pending-drafts';
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
});

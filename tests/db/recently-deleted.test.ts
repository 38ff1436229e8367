// "Recently deleted": a deleted dossier stays restorable until the user deletes it permanently or empties the
// list, or until the retention period has passed (then the next start-up removes it). No schema change: the
// soft-delete fields (deleted, deletedAt) exist since schema version 1.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newDossier } from '../../src/dossier/new-dossier';
import { createWorkbenchDexie } from '../../src/renderer/db/database';
import { WorkspaceError } from '../../src/renderer/db/errors';
import type { DossierRecord } from '../../src/renderer/db/records';
import { DELETED_RETENTION_DAYS, DELETED_RETENTION_MS, startUpWorkspace } from '../../src/renderer/db/start-up';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName, freshWorkspace, manualClock } from './helpers';

async function rejection(p: Promise<unknown>): Promise<WorkspaceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkspaceError) return err;
    throw err;
  }
  throw new Error('expected a WorkspaceError');
}

const DAY_MS = 24 * 60 * 60 * 1000;

describe('recently deleted dossiers', () => {
  it('lists deleted dossiers newest first, restores one with its history and snapshots, and removes another for good', async () => {
    const { ws, clock } = await freshWorkspace();
    const a = await ws.create({ title: 'Alpha' });
    const b = await ws.create({ title: 'Beta' });
    await ws.update(a.id, (d) => ({ ...d, indication: 'NSCLC' }));
    await ws.createSnapshot(a.id, 'before delete');
    await ws.delete(a.id);
    clock.advance(60_000);
    await ws.delete(b.id);
    expect(await ws.listDeleted()).toEqual([
      { id: b.id, title: 'Beta', indication: '', deletedAt: '2026-11-28T10:01:00.000Z' },
      { id: a.id, title: 'Alpha', indication: 'NSCLC', deletedAt: '2026-11-28T10:00:00.000Z' },
    ]);

    const restored = await ws.restoreDeleted(a.id);
    expect(restored.title).toBe('Alpha');
    expect((await ws.list()).map((s) => s.id)).toEqual([a.id]);
    expect((await ws.listSnapshots(a.id)).map((s) => s.name)).toEqual(['before delete']);
    expect((await ws.history(a.id)).some((h) => h.path === 'indication' && h.after === 'NSCLC')).toBe(true);
    expect((await ws.listDeleted()).map((d) => d.id)).toEqual([b.id]);

    await ws.deletePermanently(b.id);
    expect(await ws.listDeleted()).toEqual([]);
    expect((await rejection(ws.restoreDeleted(b.id))).code).toBe('not-found');
    ws.close();
  });

  it('refuses to remove a live dossier permanently or to restore one that is not deleted', async () => {
    const { ws } = await freshWorkspace();
    const a = await ws.create({ title: 'Live' });
    expect((await rejection(ws.deletePermanently(a.id))).code).toBe('not-found');
    expect((await rejection(ws.restoreDeleted(a.id))).code).toBe('not-found');
    expect((await ws.list()).map((s) => s.id)).toEqual([a.id]);
    ws.close();
  });

  it('emptying removes every deleted dossier with its history and snapshots, and leaves live ones', async () => {
    const { ws } = await freshWorkspace();
    const keep = await ws.create({ title: 'Keep' });
    const gone = await ws.create({ title: 'Gone' });
    await ws.createSnapshot(gone.id, 'v1');
    await ws.delete(gone.id);
    expect(await ws.purgeDeleted()).toBe(1);
    expect(await ws.listDeleted()).toEqual([]);
    expect(await ws.listSnapshots(gone.id)).toEqual([]);
    expect(await ws.history(gone.id)).toEqual([]);
    expect((await ws.list()).map((s) => s.id)).toEqual([keep.id]);
    ws.close();
  });

  it('a start-up keeps deletes younger than the retention period and removes older ones', async () => {
    expect(DELETED_RETENTION_MS).toBe(DELETED_RETENTION_DAYS * DAY_MS);
    const name = freshDbName();
    const clock = manualClock();
    let n = 0;
    const ws = await openWorkspace({ name, now: clock.now, newId: () => `id-${(n += 1)}` });
    const old = await ws.create({ title: 'Deleted long ago' });
    const recent = await ws.create({ title: 'Deleted yesterday' });
    await ws.delete(old.id);
    clock.advance((DELETED_RETENTION_DAYS - 1) * DAY_MS);
    await ws.delete(recent.id);
    // One day short of the retention period: both are still there after a start-up.
    await startUpWorkspace(ws, null);
    expect((await ws.listDeleted()).map((d) => d.title)).toEqual(['Deleted yesterday', 'Deleted long ago']);
    clock.advance(DAY_MS);
    await startUpWorkspace(ws, null);
    expect((await ws.listDeleted()).map((d) => d.title)).toEqual(['Deleted yesterday']);
    ws.close();
  });

  it('a backup leaves deleted dossiers out (as before "Recently deleted" existed)', async () => {
    const { ws } = await freshWorkspace();
    await ws.create({ title: 'Live' });
    const gone = await ws.create({ title: 'Deleted' });
    await ws.delete(gone.id);
    const backup = JSON.parse((await ws.backup()).text) as { dossiers: { title: string }[] };
    expect(backup.dossiers.map((d) => d.title)).toEqual(['Live']);
    ws.close();
  });

  it('an older database (schema version 1) opens with its deleted dossier listed and restorable, nothing lost', async () => {
    const name = freshDbName();
    const v1 = createWorkbenchDexie(name, 1);
    await v1.open();
    const T = '2026-11-01T09:00:00.000Z';
    const live = newDossier({ id: 'd-1', now: T, title: 'Live' });
    const deleted = { ...newDossier({ id: 'd-2', now: T, title: 'Deleted in version 1' }), indication: 'Breast cancer' };
    const records: DossierRecord[] = [
      { id: live.id, dossier: live, updatedAt: T, deleted: 0, deletedAt: null },
      { id: deleted.id, dossier: deleted, updatedAt: T, deleted: 1, deletedAt: T },
    ];
    await v1.table('dossiers').bulkAdd(records);
    await v1.table('history').add({ dossierId: 'd-2', at: T, path: 'indication', before: '', after: 'Breast cancer', source: 'edit' });
    await v1.table('meta').bulkAdd([
      { key: 'dataFormat', value: 1 },
      { key: 'exampleSeeded', value: true },
    ]);
    v1.close();

    const ws = await openWorkspace({ name });
    expect(await ws.listDeleted()).toEqual([{ id: 'd-2', title: 'Deleted in version 1', indication: 'Breast cancer', deletedAt: T }]);
    expect(await ws.restoreDeleted('d-2')).toEqual(deleted);
    expect((await ws.list()).map((s) => s.title).sort()).toEqual(['Deleted in version 1', 'Live']);
    expect((await ws.history('d-2')).map((h) => h.after)).toEqual(['Breast cancer']);
    ws.close();
  });
});

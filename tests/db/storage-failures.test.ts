// A full disk, a connection the browser closed, and a database deleted while open: plain messages, Retry that
// recovers, and no silent fresh start.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_DOSSIER_ID } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { openWorkbenchDatabase } from '../../src/renderer/db/database';
import { DATABASE_DELETED_MESSAGE, DISK_FULL_MESSAGE, WORKSPACE_LOST_NOTICE } from '../../src/renderer/db/errors';
import { startUpWorkspace } from '../../src/renderer/db/start-up';
import type { MarkerStorage } from '../../src/renderer/db/start-up';
import { Workspace, openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName, manualClock } from './helpers';

afterEach(() => vi.restoreAllMocks());

function quotaError(): DOMException {
  return new DOMException('Quota exceeded (raw text that must not reach the user)', 'QuotaExceededError');
}

async function openWithHandle(name = freshDbName()) {
  const opened = await openWorkbenchDatabase(name);
  const clock = manualClock();
  return { ws: new Workspace(opened.tables, null, { now: clock.now }), db: opened.tables.db, clock, name };
}

function memoryStorage(): MarkerStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('a full disk', () => {
  it('is reported in plain words, and the same save succeeds once space is freed', async () => {
    const { ws, clock } = await openWithHandle();
    const d = await ws.create({ title: 'Draft' });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });
    clock.advance(1000);
    await expect(ws.update(d.id, { ...d, indication: 'typed while the disk was full' })).rejects.toMatchObject({ code: 'disk-full', message: DISK_FULL_MESSAGE });
    put.mockRestore();
    await ws.update(d.id, { ...d, indication: 'typed while the disk was full' });
    expect((await ws.get(d.id))?.indication).toBe('typed while the disk was full');
    ws.close();
  });

  it('Retry reopens a connection the browser closed, even after an automatic reopen failed', async () => {
    const { ws, db, clock } = await openWithHandle();
    const d = await ws.create({ title: 'Draft' });
    // The browser closes the connection after a disk failure; Dexie's automatic reopen then fails (disk still
    // full) and Dexie never tries again by itself.
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw quotaError();
    });
    const idb = db.backendDB() as IDBDatabase & { onclose: (() => void) | null };
    idb.onclose?.();
    clock.advance(1000);
    const edit = { ...d, indication: 'still on screen' };
    await expect(ws.update(d.id, edit)).rejects.toMatchObject({ code: 'disk-full', message: DISK_FULL_MESSAGE });
    await expect(ws.update(d.id, edit)).rejects.toMatchObject({ code: 'disk-full' });
    // Space freed: Retry.
    open.mockRestore();
    await ws.update(d.id, edit);
    expect((await ws.get(d.id))?.indication).toBe('still on screen');
    ws.close();
  });

  it('never shows raw storage text for other failures', async () => {
    const { ws } = await openWithHandle();
    const d = await ws.create({ title: 'Draft' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    });
    const error = await ws.update(d.id, { ...d, indication: 'x' }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ code: 'storage-failed' });
    expect(error?.message).not.toMatch(/backing store|Dexie|UnknownError/);
    ws.close();
  });
});

describe('a database deleted while open', () => {
  it('is reported as deleted, not as an upgrade in another window, and is not silently recreated', async () => {
    const { ws, name } = await openWithHandle();
    const d = await ws.create({ title: 'Draft' });
    let notified = 0;
    ws.subscribe(() => (notified += 1));
    await Dexie.delete(name);
    expect(notified).toBe(1);
    expect(ws.deleted).toBe(true);
    expect(ws.readOnlyReason).toBe(DATABASE_DELETED_MESSAGE);
    expect(ws.readOnlyReason).not.toMatch(/another window/);
    await expect(ws.update(d.id, { ...d, indication: 'x' })).rejects.toMatchObject({ code: 'deleted', message: DATABASE_DELETED_MESSAGE });
    // Views stay up (empty) instead of throwing, and nothing recreated the database behind the user's back.
    expect(await ws.list()).toEqual([]);
    expect(await ws.get(d.id)).toBeUndefined();
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('is not replaced by a fresh workspace with the example on the next start: the user is told', async () => {
    const name = freshDbName();
    const marker = memoryStorage();
    const first = await openWorkspace({ name });
    expect(await startUpWorkspace(first, marker)).toEqual({ notice: null });
    expect((await first.list()).map((s) => s.id)).toEqual([EXAMPLE_DOSSIER_ID]);
    first.close();
    await Dexie.delete(name);

    const next = await openWorkspace({ name });
    expect(await startUpWorkspace(next, marker)).toEqual({ notice: WORKSPACE_LOST_NOTICE });
    expect(await next.list()).toEqual([]);
    next.close();
    // Not on a later start either.
    const later = await openWorkspace({ name });
    expect(await startUpWorkspace(later, marker)).toEqual({ notice: null });
    expect(await later.list()).toEqual([]);
    later.close();
  });

  it('a genuine first run (no marker) still gets the example', async () => {
    const ws = await openWorkspace({ name: freshDbName() });
    expect(await startUpWorkspace(ws, memoryStorage())).toEqual({ notice: null });
    expect((await ws.list()).map((s) => s.id)).toEqual([EXAMPLE_DOSSIER_ID]);
    ws.close();
  });
});

// A workspace written by a newer app version is opened read-only, with a clear message, and left untouched.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newDossier } from '../../src/dossier/new-dossier';
import { createWorkbenchDexie } from '../../src/renderer/db/database';
import { LATEST_SCHEMA_VERSION } from '../../src/renderer/db/schema-versions';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName } from './helpers';

const T = '2026-11-01T09:00:00.000Z';
const newerMessage = (n: number) =>
  `This workspace was written by a newer HTA Workbench (data format ${n}); this version reads up to ${LATEST_SCHEMA_VERSION}. It is open read-only and nothing will be changed. Update HTA Workbench to edit it.`;

/** A database as a future version might leave it: a new table, no summaries table. */
const FUTURE = LATEST_SCHEMA_VERSION + 1;
async function createFutureDatabase(name: string): Promise<void> {
  const db = new Dexie(name);
  db.version(FUTURE).stores({ dossiers: 'id, updatedAt, status, deleted', history: '++seq, dossierId', snapshots: 'id, dossierId', meta: 'key', comments: 'id' });
  await db.open();
  const d = newDossier({ id: 'd-1', now: T, title: 'From the future' });
  await db.table('dossiers').add({ id: d.id, dossier: d, updatedAt: T, deleted: 0, deletedAt: null });
  await db.table('meta').add({ key: 'dataFormat', value: FUTURE });
  db.close();
}

async function nativeState(name: string): Promise<{ verno: number; tables: string[] }> {
  const db = new Dexie(name);
  await db.open();
  const state = { verno: db.verno, tables: db.tables.map((t) => t.name).sort() };
  db.close();
  return state;
}

describe('a workspace from a newer version', () => {
  it('is what Dexie alone would silently alter (why the app probes first)', async () => {
    const name = freshDbName();
    await createFutureDatabase(name);
    const plain = createWorkbenchDexie(name);
    await plain.open();
    plain.close();
    const after = await nativeState(name);
    expect(after.tables).toContain('summaries'); // Dexie added our table to the newer database
  });

  it('opens read-only with a clear message and leaves the database untouched', async () => {
    const name = freshDbName();
    await createFutureDatabase(name);
    const before = await nativeState(name);
    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBe(newerMessage(FUTURE));
    // Reads still work, so the user can see their dossiers.
    expect((await ws.list()).map((s) => s.title)).toEqual(['From the future']);
    expect((await ws.get('d-1'))?.title).toBe('From the future');
    // Every write is refused with the same message.
    await expect(ws.create({ title: 'x' })).rejects.toMatchObject({ code: 'read-only', message: newerMessage(FUTURE) });
    await expect(ws.update('d-1', (d) => ({ ...d, title: 'y' }))).rejects.toMatchObject({ code: 'read-only' });
    await expect(ws.delete('d-1')).rejects.toMatchObject({ code: 'read-only' });
    await expect(ws.importDossier('{}')).rejects.toMatchObject({ code: 'read-only' });
    await expect(ws.restoreBackup('{}')).rejects.toMatchObject({ code: 'read-only' });
    expect(await ws.seedExampleOnFirstRun()).toBe(false);
    ws.close();
    expect(await nativeState(name)).toEqual(before);
  });

  it('is refused when only the stored data format is newer (same IndexedDB version)', async () => {
    const name = freshDbName();
    const db = createWorkbenchDexie(name);
    await db.open();
    await db.table('meta').put({ key: 'dataFormat', value: LATEST_SCHEMA_VERSION + 1 });
    db.close();
    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBe(newerMessage(LATEST_SCHEMA_VERSION + 1));
    await expect(ws.create()).rejects.toMatchObject({ code: 'read-only' });
    ws.close();
    const check = new Dexie(name);
    await check.open();
    expect(await check.table('meta').get('dataFormat')).toEqual({ key: 'dataFormat', value: LATEST_SCHEMA_VERSION + 1 });
    check.close();
  });

  it('stops writing when another window upgrades the database', async () => {
    const name = freshDbName();
    const ws = await openWorkspace({ name });
    const d = await ws.create({ title: 'T' });
    const newer = new Dexie(name);
    newer.version(LATEST_SCHEMA_VERSION + 1).stores({ dossiers: 'id, updatedAt, status, deleted', summaries: 'id, updatedAt, status', history: '++seq, dossierId', snapshots: 'id, dossierId, [dossierId+createdAt]', meta: 'key' });
    await newer.open();
    expect(ws.readOnlyReason).toMatch(/upgraded this workspace/);
    await expect(ws.update(d.id, (x) => ({ ...x, title: 'U' }))).rejects.toMatchObject({ code: 'read-only' });
    newer.close();
  });
});

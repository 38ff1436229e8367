// Every schema version ships an upgrade; each test here builds a database of the previous version with
// data in it (using the shipped declarations up to that version), opens it with the app, and checks
// nothing is lost.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { newDossier } from '../../src/dossier/new-dossier';
import { createWorkbenchDexie } from '../../src/renderer/db/database';
import type { DossierRecord, HistoryRecord, SafetyBackupFileRecord, SafetyBackupRecord, SnapshotRecord } from '../../src/renderer/db/records';
import { LATEST_SCHEMA_VERSION, schemaVersions, summaryRecordFor } from '../../src/renderer/db/schema-versions';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName } from './helpers';

const T = '2026-11-01T09:00:00.000Z';

async function tableDump(name: string): Promise<Record<string, unknown[]>> {
  const db = new Dexie(name);
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  db.close();
  return out;
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3, … without gaps, and every version after the first has an upgrade', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    for (const v of schemaVersions.slice(1)) expect(typeof v.upgrade, `version ${v.version}`).toBe('function');
  });
});

describe('upgrade from version 1 to 2', () => {
  it('keeps every dossier, deleted dossier, history entry, snapshot and meta row, and builds the summaries', async () => {
    const name = freshDbName();
    const v1 = createWorkbenchDexie(name, 1);
    await v1.open();
    expect(v1.verno).toBe(1);
    const live = { ...exampleDossier(), createdAt: T, updatedAt: T };
    const other = newDossier({ id: 'd-2', now: T, title: 'Second' });
    const deleted = newDossier({ id: 'd-3', now: T, title: 'Deleted' });
    const records: DossierRecord[] = [
      { id: live.id, dossier: live, updatedAt: T, deleted: 0, deletedAt: null },
      { id: other.id, dossier: other, updatedAt: T, deleted: 0, deletedAt: null },
      { id: deleted.id, dossier: deleted, updatedAt: T, deleted: 1, deletedAt: T },
    ];
    const history: HistoryRecord[] = [
      { dossierId: 'd-2', at: T, path: 'title', before: 'First', after: 'Second', source: 'edit' },
      { dossierId: 'd-3', at: T, path: 'indication', before: '', after: 'x', source: 'edit' },
    ];
    const snapshots: SnapshotRecord[] = [{ id: 's-1', dossierId: 'd-2', name: 'v1', createdAt: T, automatic: false, dossier: other }];
    await v1.table('dossiers').bulkAdd(records);
    await v1.table('history').bulkAdd(history);
    await v1.table('snapshots').bulkAdd(snapshots);
    await v1.table('meta').bulkAdd([
      { key: 'dataFormat', value: 1 },
      { key: 'exampleSeeded', value: true },
    ]);
    const before = await tableDump(name);
    expect(before.dossiers).toHaveLength(3);
    v1.close();

    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBeNull();
    const after = await tableDump(name);
    // Nothing lost: the v1 tables hold exactly what they held.
    expect(after.dossiers).toEqual(before.dossiers);
    expect(after.history).toEqual(before.history);
    expect(after.snapshots).toEqual(before.snapshots);
    expect(after.meta).toEqual(
      expect.arrayContaining([
        { key: 'dataFormat', value: LATEST_SCHEMA_VERSION },
        { key: 'exampleSeeded', value: true },
      ]),
    );
    // New in v2: summaries of the live dossiers only, so the library lists them.
    expect((after.summaries as { id: string }[]).map((s) => s.id).sort()).toEqual([live.id, 'd-2'].sort());
    expect((await ws.list()).map((s) => s.title).sort()).toEqual(['Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC', 'Second']);
    expect(await ws.get(live.id)).toEqual(live);
    expect((await ws.history('d-2')).map((h) => h.after)).toEqual(['Second']);
    expect((await ws.listSnapshots('d-2')).map((s) => s.name)).toEqual(['v1']);
    // The deleted dossier can still be purged, and the example is not seeded again.
    expect(await ws.purgeDeleted()).toBe(1);
    expect(await ws.seedExampleOnFirstRun()).toBe(false);
    ws.close();
  });
});

for (const from of [2, 3]) {
describe(`upgrade from version ${from} to 4 (models)`, () => {
  it('keeps every dossier, deleted dossier, summary, history entry, snapshot, safety backup and meta row, and adds empty model tables that work', async () => {
    const name = freshDbName();
    const v2 = createWorkbenchDexie(name, from);
    await v2.open();
    expect(v2.verno).toBe(from);
    const live = { ...exampleDossier(), createdAt: T, updatedAt: T };
    const other = newDossier({ id: 'd-2', now: T, title: 'Second' });
    const deleted = newDossier({ id: 'd-3', now: T, title: 'Deleted' });
    const records: DossierRecord[] = [
      { id: live.id, dossier: live, updatedAt: T, deleted: 0, deletedAt: null },
      { id: other.id, dossier: other, updatedAt: T, deleted: 0, deletedAt: null },
      { id: deleted.id, dossier: deleted, updatedAt: T, deleted: 1, deletedAt: T },
    ];
    await v2.table('dossiers').bulkAdd(records);
    await v2.table('summaries').bulkAdd(records.filter((r) => r.deleted === 0).map(summaryRecordFor));
    await v2.table('history').bulkAdd([
      { dossierId: 'd-2', at: T, path: 'title', before: 'First', after: 'Second', source: 'edit' },
      { dossierId: 'd-3', at: T, path: 'indication', before: '', after: 'x', source: 'edit' },
      { dossierId: live.id, at: T, path: 'status', before: 'draft', after: 'under-review', source: 'status' },
    ] satisfies HistoryRecord[]);
    await v2.table('snapshots').bulkAdd([
      { id: 's-1', dossierId: 'd-2', name: 'v1', createdAt: T, automatic: false, dossier: other },
      { id: 's-2', dossierId: live.id, name: 'auto', createdAt: T, automatic: true, dossier: live },
    ] satisfies SnapshotRecord[]);
    await v2.table('meta').bulkAdd([
      { key: 'dataFormat', value: from },
      { key: 'writtenByAppVersion', value: '0.1.0' },
      { key: 'exampleSeeded', value: true },
    ]);
    if (from === 3) {
      await v2.table('safetyBackups').add({ id: 'sb-1', createdAt: T, reason: 'Before restoring x.htabackup.json', fileName: 'x.htabackup.json', counts: { dossiers: 1, snapshots: 0, history: 0 }, size: 2 } satisfies SafetyBackupRecord);
      await v2.table('safetyBackupFiles').add({ id: 'sb-1', text: '{}' } satisfies SafetyBackupFileRecord);
    }
    const before = await tableDump(name);
    expect(before.dossiers).toHaveLength(3);
    expect(before.history).toHaveLength(3);
    v2.close();

    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBeNull();
    const after = await tableDump(name);
    // Every row of every older table, unchanged (meta gains the new format only).
    for (const table of ['dossiers', 'summaries', 'history', 'snapshots']) expect(after[table], table).toEqual(before[table]);
    expect(after.meta).toEqual(
      expect.arrayContaining([
        { key: 'dataFormat', value: LATEST_SCHEMA_VERSION },
        { key: 'exampleSeeded', value: true },
      ]),
    );
    expect(after.meta).toHaveLength(3);
    expect(after.safetyBackups).toEqual(before.safetyBackups ?? []);
    expect(after.safetyBackupFiles).toEqual(before.safetyBackupFiles ?? []);
    for (const table of ['models', 'modelVersions', 'modelHistory', 'runs', 'runResults']) expect(after[table], table).toEqual([]);
    // The workspace reads what was there, and the new tables take models.
    expect((await ws.list()).map((s) => s.id).sort()).toEqual([live.id, 'd-2'].sort());
    expect(await ws.get(live.id)).toEqual(live);
    expect((await ws.history(live.id)).map((h) => h.after)).toEqual(['under-review']);
    expect((await ws.listSnapshots(live.id)).map((s) => s.name)).toEqual(['auto']);
    expect((await ws.listSafetyBackups()).map((s) => s.id)).toEqual(from === 3 ? ['sb-1'] : []);
    const model = await ws.models.create({ document: { format: 'hta-workbench-model', version: 1, metadata: { title: 'New' } }, origin: { kind: 'file', ref: 'new.json' } });
    expect((await ws.models.list()).map((m) => m.id)).toEqual([model.id]);
    expect(await ws.purgeDeleted()).toBe(1);
    expect(await ws.seedExampleOnFirstRun()).toBe(false);
    ws.close();
  });
});
}

describe('upgrade from version 4 to 5 (imported PSA results)', () => {
  it('keeps every row of every table (dossiers, history, snapshots, safety backups, models, versions, runs and their draws) and adds empty import tables that work', async () => {
    const name = freshDbName();
    const v4 = createWorkbenchDexie(name, 4);
    await v4.open();
    expect(v4.verno).toBe(4);
    const live = { ...exampleDossier(), createdAt: T, updatedAt: T };
    const deleted = newDossier({ id: 'd-3', now: T, title: 'Deleted' });
    const records: DossierRecord[] = [
      { id: live.id, dossier: live, updatedAt: T, deleted: 0, deletedAt: null },
      { id: deleted.id, dossier: deleted, updatedAt: T, deleted: 1, deletedAt: T },
    ];
    await v4.table('dossiers').bulkAdd(records);
    await v4.table('summaries').add(summaryRecordFor(records[0]!));
    await v4.table('history').add({ dossierId: live.id, at: T, path: 'status', before: 'draft', after: 'under-review', source: 'status' } satisfies HistoryRecord);
    await v4.table('snapshots').add({ id: 's-1', dossierId: live.id, name: 'v1', createdAt: T, automatic: false, dossier: live } satisfies SnapshotRecord);
    await v4.table('safetyBackups').add({ id: 'sb-1', createdAt: T, reason: 'Before restoring x', fileName: 'x.htabackup.json', counts: { dossiers: 1, snapshots: 0, history: 0 }, size: 2 } satisfies SafetyBackupRecord);
    await v4.table('safetyBackupFiles').add({ id: 'sb-1', text: '{}' } satisfies SafetyBackupFileRecord);
    const document = { format: 'hta-workbench-model', version: 1, metadata: { title: 'M' } };
    await v4.table('models').add({ id: 'm-1', title: 'M', createdAt: T, updatedAt: T, origin: { kind: 'file', ref: 'm.json' }, document });
    await v4.table('modelVersions').add({ id: 'mv-1', modelId: 'm-1', name: 'v1', note: '', createdAt: T, hash: 'a'.repeat(64), automatic: false, document });
    await v4.table('modelHistory').add({ modelId: 'm-1', at: T, path: 'metadata.title', before: 'L', after: 'M', summary: 'Title L → M', source: 'edit' });
    await v4.table('runs').add({ id: 'r-1', modelId: 'm-1', kind: 'psa', label: 'PSA', modelHash: 'a'.repeat(64), appVersion: '0.1.0', engineVersion: '1', startedAt: T, durationMs: 5, status: 'complete', inputs: {}, resultBytes: 16 });
    await v4.table('runResults').add({ id: 'r-1', results: { costs: Float64Array.from([1.5, Math.PI]) } });
    await v4.table('meta').bulkAdd([
      { key: 'dataFormat', value: 4 },
      { key: 'writtenByAppVersion', value: '0.1.0' },
      { key: 'exampleSeeded', value: true },
    ]);
    const before = await tableDump(name);
    v4.close();

    const ws = await openWorkspace({ name });
    expect(ws.readOnlyReason).toBeNull();
    const after = await tableDump(name);
    const kept = Object.keys(before).filter((t) => t !== 'meta');
    expect(kept).toHaveLength(11);
    for (const table of kept) expect(after[table], table).toEqual(before[table]);
    expect(after.meta).toEqual(expect.arrayContaining([{ key: 'dataFormat', value: 5 }, { key: 'exampleSeeded', value: true }]));
    expect(after.psaImports).toEqual([]);
    expect(after.psaImportDraws).toEqual([]);
    const stored = await ws.psaImports.add({
      dossierId: live.id, fileName: 'draws.csv', fileSha256: 'b'.repeat(64), sheet: null, layout: 'wide-named', strategyIds: ['A', 'B'], draws: 1,
      costs: Float64Array.from([1, 2]), effects: Float64Array.from([0.1, 0.2]), parameterNames: [], parameterValues: new Float64Array(0), ignoredColumns: [],
      settings: { maxWtp: 50000, evppiWtp: null, currency: '', strategyNames: '' },
    });
    expect((await ws.psaImports.list(live.id)).map((i) => i.id)).toEqual([stored.id]);
    ws.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName, freshWorkspace } from './helpers';

describe('export and import of one dossier', () => {
  it('exports a file that imports identically into a fresh workspace', async () => {
    const { ws } = await freshWorkspace();
    await ws.seedExampleOnFirstRun();
    const original = (await ws.get('example-liquid-biopsy-nsclc'))!;
    const file = await ws.exportDossier(original.id);
    expect(file.fileName).toBe('plasma-ctdna-ngs-liquid-biopsy-for-first-line-genotyping-of-advanced-non-squamous-nsclc.htad.json');
    const parsed = parseDossierFile(file.text);
    expect(parsed.ok && parsed.file.app.name).toBe('HTA Workbench');

    const other = await openWorkspace({ name: freshDbName() });
    const r = await other.importDossier(file.text);
    expect(r).toEqual({ kind: 'imported', dossier: original, mode: 'new', migratedFrom: null });
    expect(await other.get(original.id)).toEqual(original);
    ws.close();
    other.close();
  });

  it('never overwrites silently: a clash returns a conflict and writes nothing', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Mine' });
    const file = await ws.exportDossier(d.id);
    clock.advance(1000);
    const mine = (await ws.update(d.id, (x) => ({ ...x, title: 'Mine, edited' }))).dossier;
    const r = await ws.importDossier(file.text);
    expect(r.kind).toBe('conflict');
    if (r.kind === 'conflict') {
      expect(r.existing.title).toBe('Mine, edited');
      expect(r.incoming.title).toBe('Mine');
    }
    expect(await ws.get(d.id)).toEqual(mine);
    expect((await ws.list()).length).toBe(1);
    ws.close();
  });

  it('imports a clash as a copy under a new id', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Mine' });
    const file = await ws.exportDossier(d.id);
    clock.advance(1000);
    const r = await ws.importDossier(file.text, { onConflict: 'copy' });
    expect(r.kind === 'imported' && r.mode).toBe('copy');
    expect((await ws.list({ sort: 'title' })).map((s) => s.title)).toEqual(['Mine', 'Mine (imported copy)']);
    expect(await ws.get(d.id)).toEqual(d);
    ws.close();
  });

  it("titles an imported copy with the suffix it is given (the display language's)", async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Le mien' });
    const file = await ws.exportDossier(d.id);
    clock.advance(1000);
    const r = await ws.importDossier(file.text, { onConflict: 'copy', importedCopySuffix: '(copie importée)' });
    expect(r.kind === 'imported' && r.dossier.title).toBe('Le mien (copie importée)');
    ws.close();
  });

  it('replaces on request, after snapshotting the dossier it replaces, and records history', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Original' });
    const file = await ws.exportDossier(d.id);
    clock.advance(1000);
    const edited = (await ws.update(d.id, (x) => ({ ...x, title: 'Edited here' }))).dossier;
    clock.advance(1000);
    const r = await ws.importDossier(file.text, { onConflict: 'replace' });
    expect(r.kind === 'imported' && r.mode).toBe('replace');
    expect((await ws.get(d.id))?.title).toBe('Original');
    const snaps = await ws.listSnapshots(d.id);
    expect(snaps.map((s) => [s.name, s.automatic])).toEqual([['Before replacing by an imported file', true]]);
    expect((await ws.getSnapshot(snaps[0]!.id))?.dossier).toEqual(edited);
    expect((await ws.history(d.id))[0]).toMatchObject({ path: 'title', before: 'Edited here', after: 'Original', source: 'import-replace' });
    ws.close();
  });

  it('lists the problems of an invalid file and writes nothing', async () => {
    const { ws } = await freshWorkspace();
    const text = JSON.stringify({ format: 'hta-workbench-dossier', version: 1, exportedAt: 'yesterday', app: { name: 'x', version: '1' }, dossier: { ...exampleDossier(), status: 'done' } });
    const r = await ws.importDossier(text);
    // Each problem also carries its detail, for screens in other languages (tests/report/file-problems.test.ts).
    expect(r).toMatchObject({
      kind: 'invalid',
      problems: [
        { path: 'exportedAt', message: 'expected an ISO 8601 date-time such as 2026-11-28T12:00:00Z', detail: { code: 'timestamp' } },
        { path: 'dossier.status', message: 'expected "draft" or "under-review" or "final", got the text "done"', detail: { code: 'expected-got' } },
      ],
    });
    expect(await ws.list({ archived: 'include' })).toEqual([]);
    ws.close();
  });

  it('lets an import take the place of a deleted dossier with the same id, keeping the deleted version as a snapshot', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Gone' });
    const file = await ws.exportDossier(d.id);
    await ws.update(d.id, (x) => ({ ...x, indication: 'edited after the export' }));
    await ws.createSnapshot(d.id, 'old');
    const receipt = await ws.delete(d.id);
    const r = await ws.importDossier(file.text);
    expect(r.kind === 'imported' && r.mode).toBe('new');
    expect((await ws.get(d.id))?.indication).toBe('');
    expect(await ws.listDeleted()).toEqual([]);
    // Nothing of the deleted dossier is lost: its last version, its snapshots and its history are there.
    const snapshots = await ws.listSnapshots(d.id);
    expect(snapshots.map((x) => x.name)).toEqual(['Before replacing by an imported file', 'old']);
    expect((await ws.getSnapshot(snapshots[0]!.id))?.dossier.indication).toBe('edited after the export');
    expect((await ws.history(d.id)).some((h) => h.path === 'indication' && h.after === 'edited after the export')).toBe(true);
    await expect(ws.undoDelete(receipt.undoToken)).rejects.toMatchObject({ code: 'not-found' });
    ws.close();
  });
});

describe('workspace backup and restore', () => {
  it('round-trips dossiers, snapshots and history, and hands back the replaced workspace', async () => {
    const { ws, clock } = await freshWorkspace();
    await ws.seedExampleOnFirstRun();
    const a = await ws.create({ title: 'A' });
    clock.advance(1000);
    await ws.update(a.id, (x) => ({ ...x, indication: 'NSCLC' }));
    await ws.createSnapshot(a.id, 'snap');
    const gone = await ws.create({ title: 'Deleted one' });
    await ws.delete(gone.id);
    const backup = await ws.backup();
    expect(backup.fileName).toBe('hta-workbench-backup-2026-11-28T10-00-01.htabackup.json');
    const parsed = parseBackupFile(backup.text);
    expect(parsed.ok && parsed.backup.dossiers.map((d) => d.title).sort()).toEqual(['A', 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC']);

    const other = await openWorkspace({ name: freshDbName() });
    const before = await other.create({ title: 'Will be replaced' });
    const r = await other.restoreBackup(backup.text);
    expect(r.kind).toBe('restored');
    if (r.kind !== 'restored') return;
    expect(r.counts).toEqual({ dossiers: 2, snapshots: 1, history: 1, models: 0, runs: 0 });
    // The replaced workspace comes back as a valid backup containing what was there.
    const prev = parseBackupFile(r.previous.text);
    expect(prev.ok && prev.backup.dossiers).toEqual([before]);
    // Everything came across.
    for (const s of await ws.list()) expect(await other.get(s.id)).toEqual(await ws.get(s.id));
    expect(await other.get(before.id)).toBeUndefined();
    expect((await other.history(a.id)).map(({ seq: _s, ...e }) => e)).toEqual((await ws.history(a.id)).map(({ seq: _s, ...e }) => e));
    expect(await other.listSnapshots(a.id)).toEqual(await ws.listSnapshots(a.id));
    // A restored workspace never gets the example seeded into it again.
    expect(await other.seedExampleOnFirstRun()).toBe(false);
    ws.close();
    other.close();
  });

  it('refuses an invalid backup and leaves the workspace as it was', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Keep me' });
    const backup = JSON.parse((await ws.backup()).text) as { snapshots: unknown[] };
    backup.snapshots.push({ id: 's', dossierId: 'nobody', name: 'x', createdAt: '2026-11-28T10:00:00.000Z', automatic: false, dossier: d });
    const r = await ws.restoreBackup(JSON.stringify(backup));
    expect(r).toMatchObject({ kind: 'invalid', problems: [{ path: 'snapshots[0].dossierId', message: 'snapshot of dossier "nobody", which is not in the backup' }] });
    expect(r.kind === 'invalid' && r.problems).toHaveLength(1);
    expect((await ws.list()).map((s) => s.title)).toEqual(['Keep me']);
    ws.close();
  });

  it('refuses a dossier file given as a backup', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'x' });
    const r = await ws.restoreBackup((await ws.exportDossier(d.id)).text);
    expect(r.kind === 'invalid' && r.problems[0]!.message).toBe('this is a single dossier file, not a workspace backup: use "Import dossier" to open it');
    ws.close();
  });
});

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { shownVersionName } from '../../src/report/automatic-names';
import type { TypedName } from '../../src/report/automatic-names';
import { translator } from '../../src/report/i18n/translate';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshDbName, freshWorkspace } from './helpers';

describe('snapshots', () => {
  it('creates named snapshots, lists them newest first, and restores one', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Version A' });
    const s1 = await ws.createSnapshot(d.id, '  Before review  ');
    expect(s1).toEqual({ id: expect.any(String), dossierId: d.id, name: 'Before review', createdAt: '2026-11-28T10:00:00.000Z', automatic: false, typedName: true });
    clock.advance(1000);
    const b = (await ws.update(d.id, (x) => ({ ...x, title: 'Version B', indication: 'NSCLC' }))).dossier;
    clock.advance(1000);
    await ws.createSnapshot(d.id, 'After edit');
    expect((await ws.listSnapshots(d.id)).map((s) => s.name)).toEqual(['After edit', 'Before review']);
    expect((await ws.getSnapshot(s1.id))?.dossier).toEqual(d);

    clock.advance(1000);
    const { dossier, safetySnapshot } = await ws.restoreSnapshot(s1.id);
    expect(dossier).toEqual({ ...d, updatedAt: '2026-11-28T10:00:03.000Z' });
    expect(await ws.get(d.id)).toEqual(dossier);
    // The state it replaced was saved first.
    expect(safetySnapshot).toMatchObject({ name: 'Before restoring “Before review”', automatic: true });
    expect((await ws.getSnapshot(safetySnapshot.id))?.dossier).toEqual(b);
    // History records the restore as changes.
    const h = await ws.history(d.id);
    expect(h.filter((e) => e.source === 'snapshot-restore').map((e) => [e.path, e.before, e.after])).toEqual([
      ['title', 'Version B', 'Version A'],
      ['indication', 'NSCLC', ''],
    ].reverse());
    ws.close();
  });

  it('reports a missing snapshot and deletes snapshots', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'T' });
    const s = await ws.createSnapshot(d.id, 'x');
    await ws.deleteSnapshot(s.id);
    expect(await ws.listSnapshots(d.id)).toEqual([]);
    await expect(ws.restoreSnapshot(s.id)).rejects.toMatchObject({ code: 'not-found' });
    ws.close();
  });

  it('a snapshot named "Snapshot" by the user reads as typed; one saved without a name is the translated default, also after a backup and its restore', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Names' });
    const typed = await ws.createSnapshot(d.id, 'Snapshot');
    clock.advance(1000);
    const unnamed = await ws.createSnapshot(d.id, '  ');
    expect([typed.name, typed.typedName, unnamed.name, unnamed.typedName]).toEqual(['Snapshot', true, 'Snapshot', false]);
    const fr = translator('fr-BE');
    const shown = (list: { name: string; automatic: boolean; typedName?: TypedName | undefined }[]) => list.map((s) => shownVersionName(s, fr));
    expect(shown(await ws.listSnapshots(d.id))).toEqual(['Instantané', 'Snapshot']);
    const other = await openWorkspace({ name: freshDbName() });
    expect((await other.restoreBackup((await ws.backup()).text)).kind).toBe('restored');
    expect(shown(await other.listSnapshots(d.id))).toEqual(['Instantané', 'Snapshot']);
    ws.close();
    other.close();
  });

  it('a snapshot the user named "Before restoring “…”" reads as typed inside the one kept when it is restored, also after a backup and its restore', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Names' });
    const typed = await ws.createSnapshot(d.id, 'Before restoring “Scoping”');
    clock.advance(1000);
    const kept = (await ws.restoreSnapshot(typed.id)).safetySnapshot;
    const nl = translator('nl-BE');
    expect(shownVersionName(kept, nl)).toBe('Vóór het terugzetten van ‘Before restoring “Scoping”’');
    const other = await openWorkspace({ name: freshDbName() });
    expect((await other.restoreBackup((await ws.backup()).text)).kind).toBe('restored');
    expect((await other.listSnapshots(d.id)).map((s) => shownVersionName(s, nl))).toEqual(['Vóór het terugzetten van ‘Before restoring “Scoping”’', 'Before restoring “Scoping”']);
    ws.close();
    other.close();
  });

  it('restoring a snapshot typed "Snapshot" keeps the name inside the kept snapshot as typed', async () => {
    const { ws, clock } = await freshWorkspace();
    const d = await ws.create({ title: 'Names' });
    const typed = await ws.createSnapshot(d.id, 'Snapshot');
    clock.advance(1000);
    const unnamed = await ws.createSnapshot(d.id, '');
    clock.advance(1000);
    const keptTyped = (await ws.restoreSnapshot(typed.id)).safetySnapshot;
    clock.advance(1000);
    const keptUnnamed = (await ws.restoreSnapshot(unnamed.id)).safetySnapshot;
    const fr = translator('fr-BE');
    expect([keptTyped.typedName, keptUnnamed.typedName]).toEqual([1, false]);
    expect([shownVersionName(keptTyped, fr), shownVersionName(keptUnnamed, fr)]).toEqual(['Avant la restauration de « Snapshot »', 'Avant la restauration de « Instantané »']);
    ws.close();
  });
});

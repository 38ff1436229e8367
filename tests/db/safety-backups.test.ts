// Restoring a backup keeps the workspace it replaces as a safety backup in the database (not only in memory),
// listed until the user discards it, and restorable like any backup.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseBackupFile } from '../../src/dossier/parse-file';
import { openWorkspace } from '../../src/renderer/db/workspace';
import { freshWorkspace } from './helpers';

describe('safety backups', () => {
  it('are written before a restore clears anything, survive closing, restore, and go only when discarded', async () => {
    const { ws, clock, name } = await freshWorkspace();
    const kept = await ws.create({ title: 'Kept in the backup' });
    const backup = await ws.backup();
    clock.advance(1000);
    const later = await ws.create({ title: 'Made after the backup' });
    await ws.createSnapshot(later.id, 'Draft 1');
    await ws.update(later.id, (d) => ({ ...d, indication: 'Stage IV NSCLC' }));

    const restored = await ws.restoreBackup(backup.text, { sourceName: 'team.htabackup.json' });
    expect(restored.kind).toBe('restored');
    if (restored.kind !== 'restored') return;
    expect((await ws.list()).map((s) => s.title)).toEqual(['Kept in the backup']);
    expect(restored.safetyBackup).toMatchObject({ reason: 'Before restoring team.htabackup.json', counts: { dossiers: 2, snapshots: 1, history: 1 } });

    // Closing the dialog (or the app) keeps it: it is in the database.
    ws.close();
    const again = await openWorkspace({ name, now: clock.now });
    const listed = await again.listSafetyBackups();
    expect(listed).toEqual([restored.safetyBackup]);
    const file = await again.safetyBackupFile(listed[0]!.id);
    expect(file.text).toBe(restored.previous.text);
    const parsed = parseBackupFile(file.text);
    expect(parsed.ok && parsed.backup.dossiers.map((d) => d.title).sort()).toEqual(['Kept in the backup', 'Made after the backup']);

    // Restoring the safety backup brings the replaced workspace back and keeps a safety backup of this one too.
    clock.advance(1000);
    const back = await again.restoreBackup(file.text, { sourceName: 'a safety backup' });
    expect(back.kind).toBe('restored');
    expect((await again.list()).map((s) => s.title).sort()).toEqual(['Kept in the backup', 'Made after the backup']);
    expect((await again.get(later.id))?.indication).toBe('Stage IV NSCLC');
    expect((await again.listSnapshots(later.id)).map((s) => s.name)).toEqual(['Draft 1']);
    expect((await again.history(later.id)).map((h) => h.path)).toEqual(['indication']);
    expect((await again.listSafetyBackups()).map((b) => b.reason)).toEqual(['Before restoring a safety backup', 'Before restoring team.htabackup.json']);
    expect(await again.get(kept.id)).toBeDefined();

    // Discard is explicit and final.
    await again.discardSafetyBackup(listed[0]!.id);
    expect((await again.listSafetyBackups()).map((b) => b.reason)).toEqual(['Before restoring a safety backup']);
    await expect(again.safetyBackupFile(listed[0]!.id)).rejects.toMatchObject({ code: 'not-found' });
    // A workspace backup never nests the safety backups.
    expect(JSON.parse((await again.backup()).text)).not.toHaveProperty('safetyBackups');
    again.close();
  });

  it('an invalid backup changes nothing and makes no safety backup', async () => {
    const { ws } = await freshWorkspace();
    await ws.create({ title: 'Only one' });
    const r = await ws.restoreBackup('{"format":"hta-workbench-backup"');
    expect(r.kind).toBe('invalid');
    expect(await ws.listSafetyBackups()).toEqual([]);
    expect((await ws.list()).map((s) => s.title)).toEqual(['Only one']);
    ws.close();
  });
});

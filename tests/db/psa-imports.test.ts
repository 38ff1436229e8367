// PSA results of other models stored with a dossier: stored, listed without their draws, reopened bit for bit, and
// carried by dossier export/import (new and copy), backups and restores; a bad block is refused with its path and
// nothing is written.
import { describe, expect, it } from 'vitest';
import type { NewPsaImport } from '../../src/renderer/db/psa-import-store';
import { WorkspaceError } from '../../src/renderer/db/errors';
import { vaccineImport } from '../dossier/fixtures';
import { freshWorkspace } from './helpers';

async function rejection(p: Promise<unknown>): Promise<WorkspaceError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkspaceError) return err;
    throw err;
  }
  throw new Error('expected a WorkspaceError');
}

function newImport(dossierId: string): NewPsaImport {
  const { id: _id, importedAt: _at, ...rest } = vaccineImport(dossierId);
  return { ...rest, parameterNames: ['p'], parameterValues: Float64Array.from({ length: 1000 }, (_, i) => i / 1000) };
}

const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

describe('imported PSA results in the workspace', () => {
  it('stores them with a dossier, lists them without draws and gives back the same draws', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    const input = newImport(d.id);
    const info = await ws.psaImports.add(input);
    expect(info).not.toHaveProperty('costs');
    expect(info).toMatchObject({ dossierId: d.id, fileName: 'bcea_vaccine_ce.xlsx', strategyIds: ['SQ', 'Vac'], draws: 1000, layout: 'wide-named', importedAt: '2026-11-28T10:00:00.000Z' });
    expect(await ws.psaImports.list(d.id)).toEqual([info]);
    const back = await ws.psaImports.get(info.id);
    expect(bits(back!.costs)).toEqual(bits(input.costs));
    expect(bits(back!.parameterValues)).toEqual(bits(input.parameterValues));
    await ws.psaImports.remove(info.id);
    expect(await ws.psaImports.list(d.id)).toEqual([]);
    ws.close();
  });

  it('refuses a bad block with the path of each problem and writes nothing', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    const bad = { ...newImport(d.id), costs: new Float64Array(3), fileSha256: 'not a hash' };
    const err = await rejection(ws.psaImports.add(bad));
    expect(err.code).toBe('invalid');
    expect(err.problems).toEqual([
      { path: 'psaImport.fileSha256', message: 'expected a SHA-256 hash (64 lower-case hex digits)' },
      { path: 'psaImport.costs', message: 'holds 3 numbers; 1000 draws × 2 strategies needs 2000' },
    ]);
    const wrongLength = await rejection(ws.psaImports.add({ ...newImport(d.id), costs: new Float64Array(3) }));
    expect(wrongLength.problems).toEqual([{ path: 'psaImport.costs', message: 'holds 3 numbers; 1000 draws × 2 strategies needs 2000' }]);
    expect((await rejection(ws.psaImports.add(newImport('no-such-dossier')))).code).toBe('not-found');
    expect(await ws.psaImports.list(d.id)).toEqual([]);
    ws.close();
  });

  it('travel with the dossier file: imported whole into another workspace, under new ids with a copy', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    const info = await ws.psaImports.add(newImport(d.id));
    const file = await ws.exportDossier(d.id);
    expect(JSON.parse(file.text).version).toBe(3);
    expect(JSON.parse(file.text).psaImports).toHaveLength(1);

    const { ws: other } = await freshWorkspace();
    const r = await other.importDossier(file.text);
    expect(r.kind).toBe('imported');
    const there = await other.psaImports.list(d.id);
    expect(there.map((i) => i.id)).toEqual([info.id]);
    expect(bits((await other.psaImports.get(info.id))!.effects)).toEqual(bits((await ws.psaImports.get(info.id))!.effects));

    const copy = await ws.importDossier(file.text, { onConflict: 'copy' });
    if (copy.kind !== 'imported') throw new Error(copy.kind);
    const copied = await ws.psaImports.list(copy.dossier.id);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe(info.id);
    expect((await ws.psaImports.list(d.id)).map((i) => i.id)).toEqual([info.id]);
    ws.close();
    other.close();
  });

  it('are copied with a duplicated dossier, under new ids, and stay with the original', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    const info = await ws.psaImports.add(newImport(d.id));
    const copy = await ws.duplicate(d.id);
    const copied = await ws.psaImports.list(copy.id);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe(info.id);
    expect(copied[0]!.dossierId).toBe(copy.id);
    expect(bits((await ws.psaImports.get(copied[0]!.id))!.costs)).toEqual(bits((await ws.psaImports.get(info.id))!.costs));
    await ws.psaImports.remove(copied[0]!.id);
    expect((await ws.psaImports.list(d.id)).map((i) => i.id)).toEqual([info.id]);
    ws.close();
  });

  it('refuses a dossier file with a bad imported block and writes nothing', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    await ws.psaImports.add(newImport(d.id));
    const file = JSON.parse((await ws.exportDossier(d.id)).text);
    file.psaImports[0].draws = 999;
    const { ws: other } = await freshWorkspace();
    const r = await other.importDossier(JSON.stringify(file));
    expect(r).toEqual({
      kind: 'invalid',
      problems: [
        { path: 'psaImports[0].costs', message: 'holds 2000 numbers; 999 draws × 2 strategies needs 1998' },
        { path: 'psaImports[0].effects', message: 'holds 2000 numbers; 999 draws × 2 strategies needs 1998' },
        { path: 'psaImports[0].parameterValues', message: 'holds 1000 numbers; 999 draws × 1 parameters needs 999' },
      ],
    });
    expect(await other.list()).toEqual([]);
    expect(await other.psaImports.list(d.id)).toEqual([]);
    ws.close();
    other.close();
  });

  it('are in backups and restores, and go when their dossier is purged', async () => {
    const { ws } = await freshWorkspace();
    const d = await ws.create({ title: 'Vaccine' });
    const info = await ws.psaImports.add(newImport(d.id));
    const backup = await ws.backup();
    expect(JSON.parse(backup.text).psaImports.map((i: { id: string }) => i.id)).toEqual([info.id]);
    const { ws: other } = await freshWorkspace();
    const restored = await other.restoreBackup(backup.text);
    expect(restored.kind).toBe('restored');
    expect((await other.psaImports.list(d.id)).map((i) => i.id)).toEqual([info.id]);
    expect(bits((await other.psaImports.get(info.id))!.costs)).toEqual(bits((await ws.psaImports.get(info.id))!.costs));
    await ws.delete(d.id);
    expect(await ws.purgeDeleted()).toBe(1);
    expect(await ws.psaImports.get(info.id)).toBeUndefined();
    ws.close();
    other.close();
  });
});

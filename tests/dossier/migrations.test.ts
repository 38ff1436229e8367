import { describe, expect, it } from 'vitest';
import { dossierFileMigrations, migrateBackupFile, migrateDossierFile, migrateFile, oldestReadableVersion } from '../../src/dossier/migrations';

const step = (from: number, mark: string) => (f: Record<string, unknown>) => ({ ...f, version: from + 1, trail: [...((f.trail as string[]) ?? []), mark] });

describe('migration pipeline', () => {
  it('ships two steps: 1 → 2 adds an empty model list, 2 → 3 an empty list of imported PSA results', () => {
    expect(Object.keys(dossierFileMigrations)).toEqual(['1', '2']);
    expect(migrateDossierFile({ version: 1 })).toEqual({ ok: true, file: { version: 3, models: [], psaImports: [] }, migratedFrom: 1 });
    expect(migrateDossierFile({ version: 2, models: [] })).toEqual({ ok: true, file: { version: 3, models: [], psaImports: [] }, migratedFrom: 2 });
    expect(migrateDossierFile({ version: 3, models: [], psaImports: [] })).toEqual({ ok: true, file: { version: 3, models: [], psaImports: [] }, migratedFrom: null });
    expect(migrateBackupFile({ version: 1, dossiers: [] })).toEqual({
      ok: true,
      file: { version: 3, dossiers: [], models: [], modelVersions: [], modelHistory: [], runs: [], psaImports: [] },
      migratedFrom: 1,
    });
    expect(migrateBackupFile({ version: 2, dossiers: [], runs: [] })).toEqual({ ok: true, file: { version: 3, dossiers: [], runs: [], psaImports: [] }, migratedFrom: 2 });
  });

  it('runs every step from the file version to the current one, in order', () => {
    const chain = { 0: step(0, 'a'), 1: step(1, 'b'), 2: step(2, 'c') };
    expect(migrateFile({ version: 0 }, chain, 3)).toEqual({ ok: true, file: { version: 3, trail: ['a', 'b', 'c'] }, migratedFrom: 0 });
    expect(migrateFile({ version: 2 }, chain, 3)).toEqual({ ok: true, file: { version: 3, trail: ['c'] }, migratedFrom: 2 });
    expect(oldestReadableVersion(chain, 3)).toBe(0);
  });

  it('does not change the input object', () => {
    const input = { version: 0, trail: ['x'] };
    migrateFile(input, { 0: step(0, 'a') }, 1);
    expect(input).toEqual({ version: 0, trail: ['x'] });
  });

  it('reports a broken chain, a failing step and a step that forgets the version', () => {
    expect(migrateFile({ version: 0 }, { 1: step(1, 'b') }, 2)).toEqual({ ok: false, message: 'format version 0 is too old for this version of HTA Workbench (it reads versions 1 to 2)', detail: { code: 'version-too-old', values: { found: 0, oldest: 1, current: 2 } } });
    const throwing = { 0: () => { throw new Error('field x missing'); } };
    expect(migrateFile({ version: 0 }, throwing, 1)).toEqual({ ok: false, message: 'could not upgrade from format version 0: field x missing', detail: { code: 'version-upgrade-failed', values: { version: 0, error: 'field x missing' } } });
    expect(migrateFile({ version: 0 }, { 0: (f) => f }, 1)).toEqual({ ok: false, message: 'the upgrade from format version 0 did not produce version 1', detail: { code: 'version-upgrade-wrong', values: { version: 0, next: 1 } } });
  });

  it('refuses newer versions', () => {
    expect(migrateFile({ version: 5 }, {}, 1)).toEqual({
      ok: false,
      message: 'written by a newer HTA Workbench (format version 5); this version reads up to 1. Update HTA Workbench to open it.',
      detail: { code: 'version-newer', values: { found: 5, current: 1 } },
    });
  });
});

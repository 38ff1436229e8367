// Imported PSA results in dossier files (format version 3): a file of the previous version opens unchanged with no
// imported results; a stored block round-trips exactly; a bad block is refused with its path.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInfo } from '../../src/dossier/app-info';
import { DOSSIER_FILE_VERSION, buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { formatProblem, parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';
import { psaImportFromFile, psaImportToFile } from '../../src/dossier/psa-imports';
import { T0, vaccineImport, validDossier } from './fixtures';

const fixtures = resolve(__dirname, '../fixtures');
function problems(text: string): string[] {
  const r = parseDossierFile(text);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('dossier file format 3: imported PSA results', () => {
  it('opens a version 2 file (the example as the previous version wrote it) unchanged, with no imported results', () => {
    const v2 = readFileSync(resolve(fixtures, 'liquid-biopsy-nsclc-v2.htad.json'), 'utf8');
    expect(JSON.parse(v2).version).toBe(2);
    const r = parseDossierFile(v2);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.migratedFrom).toBe(2);
    expect(r.file.version).toBe(DOSSIER_FILE_VERSION);
    expect(r.file.psaImports).toEqual([]);
    const raw = JSON.parse(v2);
    expect(r.file.models).toEqual(raw.models);
    expect(r.dossier).toEqual(raw.dossier);
  });

  it('carries the BCEA vaccine draws exactly (bit for bit) and says how large they are', () => {
    const d = validDossier();
    const block = vaccineImport(d.id);
    const text = serializeFile(buildDossierFile(d, appInfo, T0, [], [psaImportToFile(block)]));
    const r = parseDossierFile(text);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const back = psaImportFromFile(r.file.psaImports[0]!);
    expect(back).toEqual(block);
    expect(Buffer.from(back.costs.buffer).equals(Buffer.from(block.costs.buffer))).toBe(true);
    // 1,000 draws × 2 strategies × (cost, effect) = 4,000 doubles = 32,000 bytes; base64 makes 42,668 characters of file.
    const size = JSON.stringify(r.file.psaImports[0]).length;
    expect(size).toBeGreaterThan(42_668);
    expect(size).toBeLessThan(44_000);
  });

  it('refuses a bad stored block with the path of each problem, and reads nothing', () => {
    const d = validDossier();
    const good = psaImportToFile(vaccineImport(d.id));
    const short = { ...good, costs: { $float64: Buffer.from(new Float64Array([1, 2, 3]).buffer).toString('base64') } };
    const notBase64 = { ...good, id: 'psa-2', effects: { $float64: '***' } };
    const nonFinite = { ...good, id: 'psa-3', costs: { $float64: Buffer.from(new Float64Array(2000).fill(Number.NaN).buffer).toString('base64') } };
    const otherDossier = { ...good, id: 'psa-4', dossierId: 'someone-else' };
    const badLayout = { ...good, id: 'psa-5', layout: 'diagonal', draws: 0 };
    const file = { ...JSON.parse(serializeFile(buildDossierFile(d, appInfo, T0))), psaImports: [short, notBase64, nonFinite, otherDossier, badLayout] };
    expect(problems(JSON.stringify(file))).toEqual([
      'psaImports[0].costs: holds 3 numbers; 1000 draws × 2 strategies needs 2000',
      'psaImports[1].effects.$float64: not valid base64 data',
      'psaImports[2].costs: value 1 is not a finite number',
      'psaImports[4].layout: expected "wide-named" or "wide-numbered" or "long", got the text "diagonal"',
      'psaImports[4].draws: must be greater than 0',
    ]);
    // Cross-block rules run once every block is well formed (as for the dossier's own cross-field rules).
    const owned = { ...file, psaImports: [good, otherDossier] };
    expect(problems(JSON.stringify(owned))).toEqual(['psaImports[1].dossierId: belongs to dossier "someone-else", which is not the dossier of this file']);
  });

  it('refuses a duplicate id, and an import of a dossier a backup does not hold', () => {
    const d = validDossier();
    const good = psaImportToFile(vaccineImport(d.id));
    const file = { ...JSON.parse(serializeFile(buildDossierFile(d, appInfo, T0))), psaImports: [good, good] };
    expect(problems(JSON.stringify(file))).toEqual(['psaImports[1].id: duplicate imported PSA id "psa-1"']);
    const backup = { format: 'hta-workbench-backup', version: 3, createdAt: T0, app: appInfo, dossiers: [d], snapshots: [], history: [], models: [], modelVersions: [], modelHistory: [], runs: [], psaImports: [{ ...good, dossierId: 'gone' }] };
    const r = parseBackupFile(JSON.stringify(backup));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['psaImports[0].dossierId: belongs to dossier "gone", which is not in the backup']);
    const v2Backup = { ...backup, version: 2, psaImports: undefined };
    const migrated = parseBackupFile(JSON.stringify(v2Backup));
    expect(migrated.ok && migrated.migratedFrom).toBe(2);
    expect(migrated.ok && migrated.backup.psaImports).toEqual([]);
  });
});

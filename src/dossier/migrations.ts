// File-format migrations: a chain of steps, each turning version N into version N+1. A file of any older
// version with an unbroken chain up to the current version is upgraded step by step before validation.
// Version 2 added workspace models (with their versions, edit history and stored runs) to both formats; a
// version 1 file simply has none. Version 3 added imported PSA results (psaImports); a version 2 file has none. The pipeline is also tested with synthetic chains (tests/dossier/migrations.test.ts).
import { BACKUP_FILE_VERSION, DOSSIER_FILE_VERSION } from './file-format';
import type { ProblemDetail } from '../shared/problem-detail';

export type JsonObject = Record<string, unknown>;
/** One step: receives a file at version `from` and returns it at version `from + 1`. */
export type FileMigration = (file: JsonObject) => JsonObject;
/** Keyed by the version a step upgrades from. */
export type MigrationChain = Readonly<Record<number, FileMigration>>;

export const dossierFileMigrations: MigrationChain = {
  1: (file) => ({ ...file, version: 2, models: [] }),
  2: (file) => ({ ...file, version: 3, psaImports: [] }),
};
export const backupFileMigrations: MigrationChain = {
  1: (file) => ({ ...file, version: 2, models: [], modelVersions: [], modelHistory: [], runs: [] }),
  2: (file) => ({ ...file, version: 3, psaImports: [] }),
};

export type MigrationResult = { ok: true; file: JsonObject; migratedFrom: number | null } | { ok: false; message: string; detail: ProblemDetail };

/** The oldest version the chain can bring up to `current` (current itself when the chain is empty). */
export function oldestReadableVersion(chain: MigrationChain, current: number): number {
  let v = current;
  while (chain[v - 1]) v -= 1;
  return v;
}

export function describeNewerVersion(found: number, current: number): string {
  return `written by a newer HTA Workbench (format version ${found}); this version reads up to ${current}. Update HTA Workbench to open it.`;
}

/**
 * Runs the chain from the file's version to `current`. Does not validate the result against the schema
 * (the caller does, so every remaining problem is listed with its path).
 */
export function migrateFile(file: JsonObject, chain: MigrationChain, current: number): MigrationResult {
  const from = file.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, message: 'the format version must be a whole number', detail: { code: 'version-not-whole' } };
  }
  if (from > current) return { ok: false, message: describeNewerVersion(from, current), detail: { code: 'version-newer', values: { found: from, current } } };
  const oldest = oldestReadableVersion(chain, current);
  if (from < oldest) {
    return { ok: false, message: `format version ${from} is too old for this version of HTA Workbench (it reads versions ${oldest} to ${current})`, detail: { code: 'version-too-old', values: { found: from, oldest, current } } };
  }
  let out: JsonObject = file;
  for (let v = from; v < current; v += 1) {
    const step = chain[v];
    if (!step) return { ok: false, message: `no upgrade from format version ${v}`, detail: { code: 'version-no-upgrade', values: { version: v } } };
    try {
      out = step(structuredCloneJson(out));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return { ok: false, message: `could not upgrade from format version ${v}: ${error}`, detail: { code: 'version-upgrade-failed', values: { version: v, error } } };
    }
    if (out.version !== v + 1) return { ok: false, message: `the upgrade from format version ${v} did not produce version ${v + 1}`, detail: { code: 'version-upgrade-wrong', values: { version: v, next: v + 1 } } };
  }
  return { ok: true, file: out, migratedFrom: from === current ? null : from };
}

export function migrateDossierFile(file: JsonObject, chain: MigrationChain = dossierFileMigrations): MigrationResult {
  return migrateFile(file, chain, DOSSIER_FILE_VERSION);
}

export function migrateBackupFile(file: JsonObject, chain: MigrationChain = backupFileMigrations): MigrationResult {
  return migrateFile(file, chain, BACKUP_FILE_VERSION);
}

/** Steps get their own copy, so a failing step cannot leave a half-migrated input behind. */
function structuredCloneJson(value: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

// Opening the IndexedDB workspace safely. Dexie 4 opens a database of a HIGHER version than declared and
// even "repairs" schema differences by bumping the native version (measured: tests/db/newer-version.test.ts),
// which would alter a newer app's database. So an existing database is first probed without any declared
// schema (a dynamic open changes nothing); if it is newer than this app, it stays open read-only.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { appInfo } from '../../dossier/app-info';
import { WorkspaceError, newerWorkspaceMessage } from './errors';
import type { MessageKey } from '../../report/i18n/translate';
import { META_DATA_FORMAT, META_WRITTEN_BY } from './records';
import type { DossierRecord, HistoryRecord, MetaRecord, ModelHistoryRecord, ModelRecord, ModelVersionRecord, PsaImportDrawsRecord, PsaImportRecord, RunRecord, RunResultRecord, SafetyBackupFileRecord, SafetyBackupRecord, SnapshotRecord, SummaryRecord } from './records';
import { LATEST_SCHEMA_VERSION, declareSchema } from './schema-versions';

export const DEFAULT_DATABASE_NAME = 'hta-workbench';

/** The tables, typed. Works for both the declared and the dynamically opened (read-only) database. */
export interface WorkbenchTables {
  db: Dexie;
  dossiers: Table<DossierRecord, string>;
  summaries: Table<SummaryRecord, string>;
  history: Table<HistoryRecord, number>;
  snapshots: Table<SnapshotRecord, string>;
  meta: Table<MetaRecord, string>;
  safetyBackups: Table<SafetyBackupRecord, string>;
  safetyBackupFiles: Table<SafetyBackupFileRecord, string>;
  models: Table<ModelRecord, string>;
  modelVersions: Table<ModelVersionRecord, string>;
  modelHistory: Table<ModelHistoryRecord, number>;
  runs: Table<RunRecord, string>;
  runResults: Table<RunResultRecord, string>;
  psaImports: Table<PsaImportRecord, string>;
  psaImportDraws: Table<PsaImportDrawsRecord, string>;
}

export interface OpenedDatabase {
  tables: WorkbenchTables;
  /** Why nothing may be written, or null when the workspace is writable. */
  readOnlyReason: string | null;
  /** True when no database of this name existed: this open created it. */
  created: boolean;
}

/** A Dexie instance with the app's schema and strict durability (data is on disk before a save resolves). */
export function createWorkbenchDexie(name: string, upTo: number = LATEST_SCHEMA_VERSION): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' });
  declareSchema(db, upTo);
  return db;
}

/** Typed table handles, looked up on use: on a dynamically opened newer database a missing table throws only when read. */
export function tablesOf(db: Dexie): WorkbenchTables {
  return {
    db,
    get dossiers() {
      return db.table<DossierRecord, string>('dossiers');
    },
    get summaries() {
      return db.table<SummaryRecord, string>('summaries');
    },
    get history() {
      return db.table<HistoryRecord, number>('history');
    },
    get snapshots() {
      return db.table<SnapshotRecord, string>('snapshots');
    },
    get meta() {
      return db.table<MetaRecord, string>('meta');
    },
    get safetyBackups() {
      return db.table<SafetyBackupRecord, string>('safetyBackups');
    },
    get safetyBackupFiles() {
      return db.table<SafetyBackupFileRecord, string>('safetyBackupFiles');
    },
    get models() {
      return db.table<ModelRecord, string>('models');
    },
    get modelVersions() {
      return db.table<ModelVersionRecord, string>('modelVersions');
    },
    get modelHistory() {
      return db.table<ModelHistoryRecord, number>('modelHistory');
    },
    get runs() {
      return db.table<RunRecord, string>('runs');
    },
    get runResults() {
      return db.table<RunResultRecord, string>('runResults');
    },
    get psaImports() {
      return db.table<PsaImportRecord, string>('psaImports');
    },
    get psaImportDraws() {
      return db.table<PsaImportDrawsRecord, string>('psaImportDraws');
    },
  };
}

function describeOpenError(err: unknown): string | { key: MessageKey } {
  const e = err as { name?: string; message?: string; inner?: { name?: string; message?: string } };
  const name = e.inner?.name ?? e.name ?? 'Error';
  if (name === 'QuotaExceededError') return { key: 'shell.error.openNoSpace' };
  if (name === 'InvalidStateError' || name === 'MissingAPIError') return { key: 'shell.error.openNoStorage' };
  return `${name}: ${e.inner?.message ?? e.message ?? String(err)}`;
}

function openFailed(err: unknown): WorkspaceError {
  return new WorkspaceError('open-failed', { key: 'shell.error.openFailed', params: { reason: describeOpenError(err) } });
}

async function installedFormat(probe: Dexie): Promise<number> {
  let format = probe.verno;
  if (probe.tables.some((t) => t.name === 'meta')) {
    const row = await probe.table<MetaRecord, string>('meta').get(META_DATA_FORMAT);
    if (typeof row?.value === 'number') format = Math.max(format, row.value);
  }
  return format;
}

/** Opens (creating or upgrading as needed) the workspace database `name`. */
export async function openWorkbenchDatabase(name: string = DEFAULT_DATABASE_NAME): Promise<OpenedDatabase> {
  let exists: boolean;
  try {
    exists = await Dexie.exists(name);
  } catch (err) {
    throw openFailed(err);
  }
  if (exists) {
    const probe = new Dexie(name);
    try {
      await probe.open();
    } catch (err) {
      throw openFailed(err);
    }
    const found = await installedFormat(probe);
    if (found > LATEST_SCHEMA_VERSION) {
      return { tables: tablesOf(probe), readOnlyReason: newerWorkspaceMessage(found, LATEST_SCHEMA_VERSION), created: false };
    }
    probe.close();
  }
  const db = createWorkbenchDexie(name);
  try {
    await db.open();
  } catch (err) {
    const e = err as { name?: string };
    if (e.name === 'VersionError') {
      // The installed database is newer than this app: fall back to a read-only dynamic open.
      const probe = new Dexie(name);
      await probe.open();
      return { tables: tablesOf(probe), readOnlyReason: newerWorkspaceMessage(probe.verno, LATEST_SCHEMA_VERSION), created: false };
    }
    throw openFailed(err);
  }
  const tables = tablesOf(db);
  try {
    await db.transaction('rw', tables.meta, async () => {
      await tables.meta.put({ key: META_DATA_FORMAT, value: LATEST_SCHEMA_VERSION });
      await tables.meta.put({ key: META_WRITTEN_BY, value: appInfo.version });
    });
  } catch (err) {
    db.close();
    throw openFailed(err);
  }
  return { tables, readOnlyReason: null, created: !exists };
}

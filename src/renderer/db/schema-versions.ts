// The IndexedDB schema, one entry per version. Rules: never edit a shipped entry; add a new version with
// its `upgrade` function and a test in tests/db/upgrade.test.ts that opens a database of the previous
// version with data in it and checks nothing is lost.
import type { Dexie, Transaction } from 'dexie';
import { dossierSearchText, summarizeDossier } from '../../dossier/library-query';
import { META_DATA_FORMAT } from './records';
import type { DossierRecord, SummaryRecord } from './records';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs; only the tables that change in this version. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  /** Why this version exists. */
  note: string;
}

export function summaryRecordFor(record: DossierRecord): SummaryRecord {
  return {
    id: record.id,
    updatedAt: record.dossier.updatedAt,
    status: record.dossier.status,
    summary: summarizeDossier(record.dossier),
    searchText: dossierSearchText(record.dossier),
  };
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    note: 'dossiers (whole, soft-deletable), per-dossier history, named snapshots, meta',
    stores: {
      dossiers: 'id, updatedAt, status, deleted',
      history: '++seq, dossierId',
      snapshots: 'id, dossierId',
      meta: 'key',
    },
  },
  {
    version: 2,
    note: 'summaries table so the library list and search never load whole dossiers; snapshots listed per dossier in time order',
    stores: {
      summaries: 'id, updatedAt, status',
      snapshots: 'id, dossierId, [dossierId+createdAt]',
    },
    upgrade: async (tx) => {
      const live = await tx.table<DossierRecord, string>('dossiers').where('deleted').equals(0).toArray();
      await tx.table<SummaryRecord, string>('summaries').bulkPut(live.map(summaryRecordFor));
      await tx.table('meta').put({ key: META_DATA_FORMAT, value: 2 });
    },
  },
  {
    version: 3,
    note: 'safety backups: the whole workspace as it was before a restore replaced it, kept until the user discards it (listing rows apart from the file text)',
    stores: {
      safetyBackups: 'id, createdAt',
      safetyBackupFiles: 'id',
    },
    // New tables only; nothing to convert.
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: META_DATA_FORMAT, value: 3 });
    },
  },
  {
    version: 4,
    note: 'workspace models: current document, named versions, edit history, stored runs (run metadata apart from the results, so lists never load PSA draws)',
    stores: {
      models: 'id, updatedAt',
      modelVersions: 'id, modelId, [modelId+createdAt]',
      modelHistory: '++seq, modelId',
      runs: 'id, modelId, [modelId+startedAt], [modelId+kind]',
      runResults: 'id',
    },
    // New tables only; nothing to convert.
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: META_DATA_FORMAT, value: 4 });
    },
  },
  {
    version: 5,
    note: 'PSA results of other models imported into a dossier: the listing row (source file, its SHA-256, layout, strategies, settings) apart from the per-draw arrays',
    stores: {
      psaImports: 'id, dossierId',
      psaImportDraws: 'id',
    },
    // New tables only; nothing to convert.
    upgrade: async (tx) => {
      await tx.table('meta').put({ key: META_DATA_FORMAT, value: 5 });
    },
  },
];

export const LATEST_SCHEMA_VERSION = schemaVersions[schemaVersions.length - 1]!.version;

/** Declares versions 1..upTo on a Dexie instance (tests declare fewer to build an old database). */
export function declareSchema(db: Dexie, upTo: number = LATEST_SCHEMA_VERSION): void {
  for (const v of schemaVersions) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

// Shapes of the rows stored in IndexedDB. The dossier itself is stored whole (validated by the zod schema
// on every write); the other fields are denormalised for indexes and the library list.
import type { DossierSummary } from '../../dossier/library-query';
import type { Dossier, HistoryEntry, Snapshot } from '../../dossier/schema';
import type { ModelHistoryEntry, ModelVersion, StoredModel, StoredRun } from '../../dossier/workspace-models';
import type { PsaImportInfo } from '../../dossier/psa-imports';

export interface DossierRecord {
  id: string;
  dossier: Dossier;
  updatedAt: string;
  /** 0 or 1 (IndexedDB cannot index booleans). 1 = deleted, kept until purged so the delete can be undone. */
  deleted: 0 | 1;
  deletedAt: string | null;
}

/** Since schema version 2: one row per live (not deleted) dossier, so the library list never loads whole dossiers. */
export interface SummaryRecord {
  id: string;
  updatedAt: string;
  status: string;
  summary: DossierSummary;
  /** Folded text the search box matches against (see dossierSearchText). */
  searchText: string;
}

export interface HistoryRecord extends HistoryEntry {
  /** Auto-incremented; orders entries. */
  seq?: number;
}

export type SnapshotRecord = Snapshot;

/** Since schema version 3: the workspace as it was before a restore replaced it, kept until the user discards it.
 *  The listing row; the backup file text is in SafetyBackupFileRecord so listing never loads it. */
export interface SafetyBackupRecord {
  id: string;
  createdAt: string;
  /** In words, e.g. "Before restoring hta-workbench-backup-2026-11-28T12-30-00.htabackup.json". */
  reason: string;
  /** Suggested name when downloaded. */
  fileName: string;
  counts: { dossiers: number; snapshots: number; history: number };
  /** Length of the file text in UTF-16 code units (a close lower bound of its size on disk). */
  size: number;
}

/** Since schema version 3: the `.htabackup.json` text of a safety backup, same id as its SafetyBackupRecord. */
export interface SafetyBackupFileRecord {
  id: string;
  text: string;
}

/** Since schema version 4: a workspace model with its current document. */
export type ModelRecord = StoredModel;

export type ModelVersionRecord = ModelVersion;

export interface ModelHistoryRecord extends ModelHistoryEntry {
  /** Auto-incremented; orders entries. */
  seq?: number;
}

/** A run without its results (lists and out-of-date checks never load PSA draws). */
export interface RunRecord extends Omit<StoredRun, 'results'> {
  /** Size of the stored results (typed arrays counted by their bytes). */
  resultBytes: number;
}

/** A run's results as the engine produced them (typed arrays kept as typed arrays). */
export interface RunResultRecord {
  id: string;
  results: unknown;
}

/** Since schema version 5: an imported PSA result's listing row (no arrays). */
export type PsaImportRecord = PsaImportInfo;

/** Since schema version 5: its per-draw arrays, same id. */
export interface PsaImportDrawsRecord {
  id: string;
  costs: Float64Array;
  effects: Float64Array;
  parameterValues: Float64Array;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Keys of the meta table. */
export const META_DATA_FORMAT = 'dataFormat';
export const META_WRITTEN_BY = 'writtenByAppVersion';
export const META_EXAMPLE_SEEDED = 'exampleSeeded';

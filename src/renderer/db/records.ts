// Shapes of the rows stored in IndexedDB. The dossier itself is stored whole (validated by the zod schema
// on every write); the other fields are denormalised for indexes and the library list.
import type { DossierSummary } from '../../dossier/library-query';
import type { Dossier, HistoryEntry, Snapshot } from '../../dossier/schema';
import type { ModelHistoryEntry, ModelVersion, StoredModel, StoredRun } from '../../dossier/workspace-models';

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

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Keys of the meta table. */
export const META_DATA_FORMAT = 'dataFormat';
export const META_WRITTEN_BY = 'writtenByAppVersion';
export const META_EXAMPLE_SEEDED = 'exampleSeeded';

// Shapes of the rows stored in IndexedDB. The dossier itself is stored whole (validated by the zod schema
// on every write); the other fields are denormalised for indexes and the library list.
import type { DossierSummary } from '../../dossier/library-query';
import type { Dossier, HistoryEntry, Snapshot } from '../../dossier/schema';

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

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Keys of the meta table. */
export const META_DATA_FORMAT = 'dataFormat';
export const META_WRITTEN_BY = 'writtenByAppVersion';
export const META_EXAMPLE_SEEDED = 'exampleSeeded';

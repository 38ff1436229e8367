// The dossier library's repository: every read and write of dossiers, history, snapshots, files and
// backups goes through a Workspace. Writes run in one IndexedDB transaction each (strict durability), validate
// the dossier against the zod schema first, and record field-level history.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { appInfo } from '../../dossier/app-info';
import { diffDossiers, jsonEqual } from '../../dossier/diff';
import type { FieldChange, JsonValue } from '../../dossier/diff';
import { upgradeElementWording } from '../../dossier/element-wording';
import { exampleDossier } from '../../dossier/examples/liquid-biopsy-nsclc';
import { buildBackupFile, buildDossierFile, fileNameForBackup, fileNameForDossier, serializeFile } from '../../dossier/file-format';
import type { BackupFile } from '../../dossier/file-format';
import { distinctIndications, queryLibrary, summarizeDossier } from '../../dossier/library-query';
import type { DossierSummary, ListQuery, SearchableSummary } from '../../dossier/library-query';
import { newDossier, suffixedTitle } from '../../dossier/new-dossier';
import type { DossierTemplate } from '../../dossier/new-dossier';
import { formatProblem, parseBackupFile, parseDossierFile, validateDossier } from '../../dossier/parse-file';
import type { FileProblem } from '../../dossier/parse-file';
import { canChangeStatus } from '../../dossier/schema';
import type { Dossier, DossierStatus, HistoryEntry, HistorySource, Snapshot, TechnologyType } from '../../dossier/schema';
import { DEFAULT_DATABASE_NAME, openWorkbenchDatabase } from './database';
import type { WorkbenchTables } from './database';
import { DATABASE_DELETED_MESSAGE, DATABASE_UPGRADED_MESSAGE, WorkspaceError, isDatabaseClosedError, storageFailure } from './errors';
import { newId } from './ids';
import { ModelStore } from './model-store';
import { PsaImportStore } from './psa-import-store';
import { META_EXAMPLE_SEEDED } from './records';
import type { DossierRecord, HistoryRecord, SafetyBackupRecord } from './records';
import { summaryRecordFor } from './schema-versions';
import { BEFORE_IMPORT_SNAPSHOT_NAME, beforeRestoringName, DEFAULT_SNAPSHOT_NAME, restoreTypedName } from '../../report/automatic-names';
import type { TypedName } from '../../report/automatic-names';

/** Consecutive edits of the same field within this window merge into one history entry (autosave while typing). */
export const HISTORY_MERGE_WINDOW_MS = 2 * 60 * 1000;

export interface WorkspaceOptions {
  /** IndexedDB database name; tests use a fresh one each. */
  name?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Id generator, for tests. */
  newId?: () => string;
}

export interface CreateDossierOptions {
  title?: string;
  /** 'diagnostic' (default): the Core Model elements for a diagnostic test; 'blank': none; 'example': a copy of the bundled example. */
  template?: DossierTemplate | 'example';
  technologyType?: TechnologyType;
}

export interface UpdateOptions {
  /** Refuse the write (code 'stale') if the stored dossier's updatedAt differs: it changed elsewhere. */
  expectedUpdatedAt?: string;
}

export interface UpdateResult {
  dossier: Dossier;
  /** The history entries this save recorded (empty when nothing changed). */
  changes: FieldChange[];
}

export interface DeleteReceipt {
  /** Pass to undoDelete to bring the dossier back (until purgeDeleted removes it). */
  undoToken: string;
  title: string;
}

/** A deleted dossier waiting in "Recently deleted" (restorable until purged). */
export interface DeletedDossierInfo {
  id: string;
  title: string;
  indication: string;
  deletedAt: string;
}

export interface StoredHistoryEntry extends HistoryEntry {
  seq: number;
}

export type SnapshotInfo = Omit<Snapshot, 'dossier'>;

export interface FileText {
  fileName: string;
  text: string;
}

export type ImportResult =
  | { kind: 'imported'; dossier: Dossier; mode: 'new' | 'copy' | 'replace'; migratedFrom: number | null }
  | { kind: 'invalid'; problems: FileProblem[] }
  /** The id exists: ask the user, then call again with onConflict 'copy' or 'replace'. Nothing was written. */
  | { kind: 'conflict'; existing: DossierSummary; incoming: DossierSummary };

export type SafetyBackupInfo = SafetyBackupRecord;

export type RestoredBackup = {
  kind: 'restored';
  counts: { dossiers: number; snapshots: number; history: number; models: number; runs: number };
  /** Backup of the workspace as it was before the restore: offer it for download. */
  previous: FileText;
  /** The same backup, stored in the workspace before anything was cleared; listed until the user discards it. */
  safetyBackup: SafetyBackupInfo;
};

export type RestoreBackupResult = RestoredBackup | { kind: 'invalid'; problems: FileProblem[] };

export interface RestoreOptions {
  /** What is being restored, for the safety backup's reason (e.g. the file name). */
  sourceName?: string;
}

/** Why nothing may be written: a newer workspace (read-only), or the connection had to close. */
interface Unavailable {
  code: 'read-only' | 'deleted';
  message: string;
}

/** The dossier as it will be stored, or a WorkspaceError listing every problem. */
function validated(dossier: Dossier): Dossier {
  const checked = validateDossier(dossier);
  if (!checked.ok) {
    throw new WorkspaceError('invalid', { key: 'shell.error.dossierInvalid', params: { problems: checked.problems.map(formatProblem).join('; ') } }, checked.problems);
  }
  return checked.dossier;
}

function liveRecord(dossier: Dossier): DossierRecord {
  return { id: dossier.id, dossier, updatedAt: dossier.updatedAt, deleted: 0, deletedAt: null };
}

function encodeUndoToken(id: string, deletedAt: string): string {
  return JSON.stringify({ id, deletedAt });
}

function decodeUndoToken(token: string): { id: string; deletedAt: string } | null {
  try {
    const v = JSON.parse(token) as { id?: unknown; deletedAt?: unknown };
    return typeof v.id === 'string' && typeof v.deletedAt === 'string' ? { id: v.id, deletedAt: v.deletedAt } : null;
  } catch {
    return null;
  }
}

export class Workspace {
  /** The workspace's models, their versions, edit history and stored runs. */
  readonly models: ModelStore;
  /** PSA results of other models stored with dossiers. */
  readonly psaImports: PsaImportStore;
  readonly #t: WorkbenchTables;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #createdNow: boolean;
  #unavailable: Unavailable | null;
  /** True once this workspace closed its connection on purpose (close(), deletion, upgrade elsewhere): never reopen. */
  #closed = false;
  readonly #listeners = new Set<() => void>();

  constructor(tables: WorkbenchTables, readOnlyReason: string | null, options: WorkspaceOptions & { createdNow?: boolean } = {}) {
    this.#t = tables;
    this.#unavailable = readOnlyReason ? { code: 'read-only', message: readOnlyReason } : null;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? newId;
    this.#createdNow = options.createdNow ?? false;
    // Models share this workspace's guard: plain-language storage errors, reopen on Retry, the read-only state.
    this.models = new ModelStore(tables, {
      now: this.#now,
      newId: this.#newId,
      readOnlyReason: () => this.readOnlyReason,
      mergeWindowMs: HISTORY_MERGE_WINDOW_MS,
      transaction: (mode, scope, body) => this.#tx(mode, scope, body),
    });
    this.psaImports = new PsaImportStore(tables, {
      now: this.#now,
      newId: this.#newId,
      assertWritable: () => this.#assertWritable(),
      transaction: (mode, scope, body) => this.#tx(mode, scope, body),
    });
    // Another window upgrading the database, or anyone deleting it, closes this connection: say which.
    tables.db.on('versionchange', (event: IDBVersionChangeEvent) => {
      const deleted = event.newVersion === null || event.newVersion === 0;
      this.#unavailable = deleted ? { code: 'deleted', message: DATABASE_DELETED_MESSAGE } : { code: 'read-only', message: DATABASE_UPGRADED_MESSAGE };
      this.#closed = true;
      tables.db.close();
      for (const listener of this.#listeners) listener();
    });
  }

  /** Why nothing may be written (newer workspace, database deleted or upgraded elsewhere), or null. Show it in a banner. */
  get readOnlyReason(): string | null {
    return this.#unavailable?.message ?? null;
  }

  /** True when the database was deleted while open: nothing on screen can be saved any more. */
  get deleted(): boolean {
    return this.#unavailable?.code === 'deleted';
  }

  /** The IndexedDB database name. */
  get name(): string {
    return this.#t.db.name;
  }

  /** True when opening created the database (there was none of this name). */
  get createdNow(): boolean {
    return this.#createdNow;
  }

  /** Calls `listener` when readOnlyReason changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#closed = true;
    this.#t.db.close();
  }

  // ---------- reads (usable inside dexie-react-hooks' useLiveQuery) ----------

  async list(query: ListQuery = {}): Promise<DossierSummary[]> {
    return queryLibrary(await this.searchableSummaries(), query);
  }

  /**
   * Every live dossier's summary with its folded search text, for filtering in memory: the library reads these
   * once per change of the workspace and runs each search over them (queryLibrary) without touching the database.
   */
  async searchableSummaries(): Promise<SearchableSummary[]> {
    return this.#read(async () => {
      if (this.#unavailable) return this.#summariesFromDossiers();
      return (await this.#t.summaries.toArray()).map(({ summary, searchText }) => ({ summary, searchText }));
    }, []);
  }

  /** Distinct indications of live dossiers, for the filter's suggestions. */
  async indications(): Promise<string[]> {
    return distinctIndications(await this.list({ archived: 'include' }));
  }

  async get(id: string): Promise<Dossier | undefined> {
    return this.#read(async () => {
      const rec = await this.#t.dossiers.get(id);
      // Wording corrected on read; a save then stores it (no history entry: it is not an edit).
      return rec && rec.deleted === 0 ? upgradeElementWording(rec.dossier).dossier : undefined;
    }, undefined);
  }

  /** Newest first. */
  async history(dossierId: string, options: { limit?: number } = {}): Promise<StoredHistoryEntry[]> {
    return this.#read(async () => {
      let q = this.#t.history.where('dossierId').equals(dossierId).reverse();
      if (options.limit !== undefined) q = q.limit(options.limit);
      return (await q.toArray()) as StoredHistoryEntry[];
    }, []);
  }

  /** Newest first, without the stored dossier bodies. */
  async listSnapshots(dossierId: string): Promise<SnapshotInfo[]> {
    return this.#read(async () => {
      const all = this.#unavailable
        ? (await this.#t.snapshots.where('dossierId').equals(dossierId).toArray()).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
        : await this.#t.snapshots.where('[dossierId+createdAt]').between([dossierId, Dexie.minKey], [dossierId, Dexie.maxKey]).reverse().toArray();
      return all.map(({ dossier: _body, ...info }) => info);
    }, []);
  }

  async getSnapshot(snapshotId: string): Promise<Snapshot | undefined> {
    return this.#read(() => this.#t.snapshots.get(snapshotId), undefined);
  }

  /** Safety backups (made before each restore replaced the workspace), newest first, without their file text. */
  async listSafetyBackups(): Promise<SafetyBackupInfo[]> {
    return this.#read(async () => {
      // A newer workspace opened read-only may lack the table: nothing to list then.
      if (this.#unavailable && !this.#t.db.tables.some((t) => t.name === 'safetyBackups')) return [];
      return this.#t.safetyBackups.orderBy('createdAt').reverse().toArray();
    }, []);
  }

  /** The `.htabackup.json` text of a safety backup, to download or restore. */
  async safetyBackupFile(id: string): Promise<FileText> {
    return this.#guard(async () => {
      const t = this.#t;
      return this.#tx('r', [t.safetyBackups, t.safetyBackupFiles], async () => {
        const [info, file] = await Promise.all([t.safetyBackups.get(id), t.safetyBackupFiles.get(id)]);
        if (!info || !file) throw new WorkspaceError('not-found', { key: 'shell.error.safetyBackupGone' });
        return { fileName: info.fileName, text: file.text };
      });
    });
  }

  /** Deletes a safety backup for good (the UI asks for confirmation first). */
  async discardSafetyBackup(id: string): Promise<void> {
    this.#assertWritable();
    await this.#guard(async () => {
      const t = this.#t;
      await this.#tx('rw', [t.safetyBackups, t.safetyBackupFiles], async () => {
        await t.safetyBackups.delete(id);
        await t.safetyBackupFiles.delete(id);
      });
    });
  }

  // ---------- library operations ----------

  async create(options: CreateDossierOptions = {}): Promise<Dossier> {
    this.#assertWritable();
    const now = this.#stamp();
    const id = this.#newId();
    const dossier =
      options.template === 'example'
        ? { ...exampleDossier(), id, createdAt: now, updatedAt: now, ...(options.title ? { title: options.title } : {}) }
        : newDossier({ id, now, title: options.title, template: options.template, technologyType: options.technologyType });
    await this.#writeNew(validated(dossier));
    return dossier;
  }

  /** A copy titled `title`, else "… (copy)" (`copySuffix` in the display language). */
  async duplicate(id: string, options: { title?: string; copySuffix?: string } = {}): Promise<Dossier> {
    this.#assertWritable();
    const source = await this.#requireLive(id);
    const now = this.#stamp();
    const copy: Dossier = {
      ...structuredClone(source),
      id: this.#newId(),
      title: options.title ?? suffixedTitle(source.title, ` ${options.copySuffix ?? '(copy)'}`),
      status: 'draft',
      archived: false,
      createdAt: now,
      updatedAt: now,
      // A copy starts its own governance: the original's approvals do not apply to it.
      ...(source.statusLog ? { statusLog: [] } : {}),
    };
    const t = this.#t;
    await this.#tx('rw', [t.dossiers, t.summaries, t.psaImports, t.psaImportDraws], async () => {
      await this.#writeNew(validated(copy));
      // The copy carries the original's stored PSA results as its own (new ids), as an imported copy does.
      const blocks = await this.psaImports.fileBlocks(new Set([source.id]));
      await this.psaImports.putFileBlocks(blocks.map((b) => ({ ...b, id: this.#newId() })), copy.id);
    });
    return copy;
  }

  async setArchived(id: string, archived: boolean): Promise<Dossier> {
    return (await this.update(id, (d) => ({ ...d, archived }))).dossier;
  }

  /**
   * Moves through the status workflow (draft → under-review → final); refuses other transitions. Approving as
   * final needs the approver's name (`by`); reopening a final dossier needs a `reason`. Each change is logged in
   * the dossier's statusLog with who, when and why.
   */
  async changeStatus(id: string, to: DossierStatus, details: { by?: string; reason?: string } = {}): Promise<Dossier> {
    const by = details.by?.trim() ?? '';
    const reason = details.reason?.trim() ?? '';
    const at = this.#stamp();
    const eventId = this.#newId();
    return (
      await this.#save(
        id,
        (d) => {
          // A step the workflow forbids is refused by #save, with its own message.
          if (canChangeStatus(d.status, to) && to === 'final' && by === '') throw new WorkspaceError('invalid', { key: 'shell.error.finalNeedsApprover' });
          if (canChangeStatus(d.status, to) && d.status === 'final' && reason === '') throw new WorkspaceError('invalid', { key: 'shell.error.reopenNeedsReason' });
          return { ...d, status: to, statusLog: [...(d.statusLog ?? []), { id: eventId, at, from: d.status, to, by, reason }] };
        },
        {},
        'status',
      )
    ).dossier;
  }

  /** Soft delete: the dossier disappears from the library but can be brought back with the token. */
  async delete(id: string): Promise<DeleteReceipt> {
    this.#assertWritable();
    const t = this.#t;
    const deletedAt = this.#stamp();
    return this.#tx('rw', [t.dossiers, t.summaries], async () => {
      const rec = await t.dossiers.get(id);
      if (!rec || rec.deleted === 1) throw new WorkspaceError('not-found', { key: 'shell.error.noDossier', params: { id } });
      await t.dossiers.put({ ...rec, deleted: 1, deletedAt });
      await t.summaries.delete(id);
      return { undoToken: encodeUndoToken(id, deletedAt), title: rec.dossier.title };
    });
  }

  /** Deleted dossiers not yet purged, most recently deleted first (the library's "Recently deleted"). */
  async listDeleted(): Promise<DeletedDossierInfo[]> {
    return this.#read(async () => {
      // A newer workspace opened read-only may lack the index or hold record shapes this version does not know.
      const records = this.#unavailable
        ? (await this.#t.dossiers.toArray().catch(() => [] as DossierRecord[])).filter((r) => r.deleted === 1 && typeof r.dossier?.title === 'string')
        : await this.#t.dossiers.where('deleted').equals(1).toArray();
      return records
        .map((r) => ({ id: r.id, title: r.dossier.title, indication: r.dossier.indication, deletedAt: r.deletedAt ?? '' }))
        .sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
    }, []);
  }

  /** Brings a deleted dossier back into the library (from "Recently deleted"). */
  async restoreDeleted(id: string): Promise<Dossier> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.summaries], async () => {
      const rec = await t.dossiers.get(id);
      if (!rec || rec.deleted !== 1) throw new WorkspaceError('not-found', { key: 'shell.error.deletedGone' });
      const live = liveRecord(rec.dossier);
      await t.dossiers.put(live);
      await t.summaries.put(summaryRecordFor(live));
      return rec.dossier;
    });
  }

  /** Removes one deleted dossier for good, with its history, snapshots and imported PSA results (the UI confirms first). */
  async deletePermanently(id: string): Promise<void> {
    this.#assertWritable();
    const t = this.#t;
    await this.#tx('rw', [t.dossiers, t.history, t.snapshots, t.psaImports, t.psaImportDraws], async () => {
      const rec = await t.dossiers.get(id);
      // Only a dossier already in "Recently deleted": a live one must go through delete() first.
      if (!rec || rec.deleted !== 1) throw new WorkspaceError('not-found', { key: 'shell.error.noDeletedDossier', params: { id } });
      await this.#removeForGood(id);
    });
  }

  async #removeForGood(id: string): Promise<void> {
    const t = this.#t;
    await this.psaImports.removeForDossier(id);
    await t.history.where('dossierId').equals(id).delete();
    await t.snapshots.where('dossierId').equals(id).delete();
    await t.dossiers.delete(id);
  }

  async undoDelete(undoToken: string): Promise<Dossier> {
    this.#assertWritable();
    const token = decodeUndoToken(undoToken);
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.summaries], async () => {
      const rec = token ? await t.dossiers.get(token.id) : undefined;
      if (!token || !rec || rec.deleted !== 1 || rec.deletedAt !== token.deletedAt) {
        throw new WorkspaceError('not-found', { key: 'shell.error.deletedGone' });
      }
      const live = liveRecord(rec.dossier);
      await t.dossiers.put(live);
      await t.summaries.put(summaryRecordFor(live));
      return rec.dossier;
    });
  }

  /** Removes deleted dossiers (with their history and snapshots) deleted at least `olderThanMs` ago. Returns how many. */
  async purgeDeleted(options: { olderThanMs?: number } = {}): Promise<number> {
    this.#assertWritable();
    const cutoff = new Date(this.#now().getTime() - (options.olderThanMs ?? 0)).toISOString();
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.history, t.snapshots, t.psaImports, t.psaImportDraws], async () => {
      const doomed = await t.dossiers.where('deleted').equals(1).filter((r) => (r.deletedAt ?? '') <= cutoff).toArray();
      for (const r of doomed) await this.#removeForGood(r.id);
      return doomed.length;
    });
  }

  /**
   * Saves a new version of a dossier and records what changed. `change` is the whole new dossier or a
   * function of the current one. id and createdAt cannot change; updatedAt is set here.
   */
  async update(id: string, change: Dossier | ((current: Dossier) => Dossier), options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.#save(id, change, options, 'edit');
  }

  // ---------- snapshots ----------

  async createSnapshot(dossierId: string, name: string): Promise<SnapshotInfo> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.snapshots], async () => {
      const current = await this.#requireLive(dossierId);
      return this.#putSnapshot(current, name.trim() || DEFAULT_SNAPSHOT_NAME, false, name.trim() !== '');
    });
  }

  /** Restores a snapshot: first snapshots the current state automatically, then records the changes in history. */
  async restoreSnapshot(snapshotId: string): Promise<{ dossier: Dossier; safetySnapshot: SnapshotInfo }> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.summaries, t.history, t.snapshots], async () => {
      const snap = await t.snapshots.get(snapshotId);
      if (!snap) throw new WorkspaceError('not-found', { key: 'shell.error.noSnapshot', params: { id: snapshotId } });
      const current = await this.#requireLive(snap.dossierId);
      assertNotFinal(current);
      const safetySnapshot = await this.#putSnapshot(current, beforeRestoringName(snap), true, restoreTypedName(snap));
      const restored = validated({ ...structuredClone(upgradeElementWording(snap.dossier).dossier), id: current.id, createdAt: current.createdAt, updatedAt: this.#stamp() });
      await this.#writeVersion(current, restored, 'snapshot-restore');
      return { dossier: restored, safetySnapshot };
    });
  }

  async deleteSnapshot(snapshotId: string): Promise<void> {
    this.#assertWritable();
    await this.#guard(() => this.#t.snapshots.delete(snapshotId));
  }

  // ---------- files ----------

  /** The dossier as `.htad.json` file text (with the workspace models it links to) and a suggested file name. */
  async exportDossier(id: string): Promise<FileText> {
    const dossier = await this.#requireLive(id);
    const models = await this.models.bundles(dossier.modelLinks.flatMap((l) => (l.modelId ? [l.modelId] : [])));
    const t = this.#t;
    const psaImports = await this.#tx('r', [t.psaImports, t.psaImportDraws], () => this.psaImports.fileBlocks(new Set([dossier.id])));
    return { fileName: fileNameForDossier(dossier), text: serializeFile(buildDossierFile(dossier, appInfo, this.#stamp(), models, psaImports)) };
  }

  /**
   * Imports a `.htad.json` file. Validates everything first; writes nothing if there is any problem or if a
   * dossier with the same id exists and `onConflict` was not given ('conflict' result: ask the user).
   * 'copy' imports under a new id, titled with `importedCopySuffix` (the display language's; a model of the file
   * that clashes with a different workspace model too); 'replace' snapshots the existing dossier, then overwrites it
   * (history kept).
   */
  async importDossier(text: string, options: { onConflict?: 'copy' | 'replace'; importedCopySuffix?: string } = {}): Promise<ImportResult> {
    const importedCopySuffix = options.importedCopySuffix ?? '(imported copy)';
    this.#assertWritable();
    const parsed = parseDossierFile(text);
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
    // Models come in with the dossier (never overwriting a different model of the same id; see importBundles).
    let modelIds = new Map<string, string>();
    const t = this.#t;
    const tables = [t.dossiers, t.summaries, t.history, t.snapshots, t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults, t.psaImports, t.psaImportDraws];
    return this.#tx('rw', tables, async (): Promise<ImportResult> => {
      const rec = await t.dossiers.get(parsed.dossier.id);
      if (!rec || rec.deleted === 1 || options.onConflict) modelIds = await this.models.importBundles(parsed.file.models, importedCopySuffix);
      const incoming = relinked(parsed.dossier, modelIds);
      if (rec && rec.deleted === 1) {
        // A dossier with this id is in "Recently deleted": the import takes its place without losing it. The deleted
        // version becomes an automatic snapshot of the imported dossier, and its history and snapshots stay.
        await this.#putSnapshot(rec.dossier, BEFORE_IMPORT_SNAPSHOT_NAME, true);
        const replacement = validated(incoming);
        await this.#writeVersion(rec.dossier, replacement, 'import-replace');
        await this.psaImports.putFileBlocks(parsed.file.psaImports, replacement.id);
        return { kind: 'imported', dossier: replacement, mode: 'new', migratedFrom: parsed.migratedFrom };
      }
      if (!rec) {
        await this.#putLive(incoming);
        await this.psaImports.putFileBlocks(parsed.file.psaImports, incoming.id);
        return { kind: 'imported', dossier: incoming, mode: 'new', migratedFrom: parsed.migratedFrom };
      }
      if (!options.onConflict) return { kind: 'conflict', existing: summarizeDossier(rec.dossier), incoming: summarizeDossier(incoming) };
      const now = this.#stamp();
      if (options.onConflict === 'copy') {
        const copy = validated({ ...incoming, id: this.#newId(), title: suffixedTitle(incoming.title, ` ${importedCopySuffix}`), createdAt: now, updatedAt: now });
        await this.#putLive(copy);
        // The copy's imported results are its own: new ids under the new dossier.
        await this.psaImports.putFileBlocks(parsed.file.psaImports.map((b) => ({ ...b, id: this.#newId() })), copy.id);
        return { kind: 'imported', dossier: copy, mode: 'copy', migratedFrom: parsed.migratedFrom };
      }
      await this.#putSnapshot(rec.dossier, BEFORE_IMPORT_SNAPSHOT_NAME, true);
      const replacement = validated({ ...incoming, updatedAt: now });
      await this.#writeVersion(rec.dossier, replacement, 'import-replace');
      // Replacing keeps imports the file does not have (like snapshots, they are the workspace's record) and updates those it has.
      await this.psaImports.putFileBlocks(parsed.file.psaImports, replacement.id);
      return { kind: 'imported', dossier: replacement, mode: 'replace', migratedFrom: parsed.migratedFrom };
    });
  }

  /** Every live dossier with its snapshots and history, as one backup file. */
  async backup(): Promise<FileText> {
    const t = this.#t;
    const { fileName, text } = await this.#tx('r', [t.dossiers, t.history, t.snapshots, t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults, t.psaImports, t.psaImportDraws], async () => this.#backupText());
    return { fileName, text };
  }

  /**
   * Replaces the whole workspace by a backup file. Validates it first (nothing changes if it is invalid);
   * the workspace as it was is stored as a safety backup first and also returned as `previous`.
   */
  async restoreBackup(text: string, options: RestoreOptions = {}): Promise<RestoreBackupResult> {
    this.#assertWritable();
    const parsed = parseBackupFile(text);
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
    return this.restoreParsedBackup(parsed.backup, options);
  }

  /**
   * Replaces the whole workspace by a backup that parseBackupFile accepted (the UI parses large files in a
   * worker and hands the result here). The workspace as it was is written as a safety backup before anything is
   * cleared, in the same transaction: the restore and its safety backup are stored together or not at all.
   */
  async restoreParsedBackup(b: BackupFile, options: RestoreOptions = {}): Promise<RestoredBackup> {
    this.#assertWritable();
    const t = this.#t;
    const modelTables = [t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults, t.psaImports, t.psaImportDraws];
    const tables = [t.dossiers, t.summaries, t.history, t.snapshots, t.meta, t.safetyBackups, t.safetyBackupFiles, ...modelTables];
    return this.#tx('rw', tables, async (): Promise<RestoredBackup> => {
      const previous = await this.#backupText();
      const reason = options.sourceName ? `Before restoring ${options.sourceName}` : 'Before restoring a backup';
      const safetyBackup = await this.#putSafetyBackup(previous, reason);
      await this.models.replaceAll(b);
      await this.psaImports.replaceAll(b.psaImports);
      await Promise.all([t.dossiers.clear(), t.summaries.clear(), t.history.clear(), t.snapshots.clear()]);
      const records = b.dossiers.map(liveRecord);
      await t.dossiers.bulkAdd(records);
      await t.summaries.bulkAdd(records.map(summaryRecordFor));
      await t.snapshots.bulkAdd(b.snapshots);
      await t.history.bulkAdd(b.history.map((h) => ({ ...h })));
      // A restored workspace is not a first run: never seed the example into it.
      await t.meta.put({ key: META_EXAMPLE_SEEDED, value: true });
      return {
        kind: 'restored',
        counts: { dossiers: b.dossiers.length, snapshots: b.snapshots.length, history: b.history.length, models: b.models.length, runs: b.runs.length },
        previous: { fileName: previous.fileName, text: previous.text },
        safetyBackup,
      };
    });
  }

  /** A workspace-wide setting kept in the meta table (e.g. the user's country profiles); undefined when never written. */
  async readSetting(key: string): Promise<unknown> {
    return this.#read(async () => (await this.#t.meta.get(`setting:${key}`))?.value, undefined);
  }

  async writeSetting(key: string, value: unknown): Promise<void> {
    this.#assertWritable();
    await this.#guard(() => this.#t.meta.put({ key: `setting:${key}`, value }));
  }

  /** Adds the bundled example on the very first run only; never again, even after the user deletes it. */
  async seedExampleOnFirstRun(): Promise<boolean> {
    if (this.#unavailable) return false;
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.summaries, t.meta], async () => {
      if ((await t.meta.get(META_EXAMPLE_SEEDED))?.value === true) return false;
      await t.meta.put({ key: META_EXAMPLE_SEEDED, value: true });
      if ((await t.dossiers.count()) > 0) return false;
      const now = this.#stamp();
      await this.#putLive(validated({ ...exampleDossier(), createdAt: now, updatedAt: now }));
      return true;
    });
  }

  /** Records that the example must never be added to this workspace (it replaces one that was lost). */
  async skipExampleSeed(): Promise<void> {
    if (this.#unavailable) return;
    await this.#guard(() => this.#t.meta.put({ key: META_EXAMPLE_SEEDED, value: true }));
  }

  // ---------- internals ----------

  #stamp(): string {
    return this.#now().toISOString();
  }

  #assertWritable(): void {
    if (this.#unavailable) throw new WorkspaceError(this.#unavailable.code, this.#unavailable.message);
  }

  /** A transaction run through #guard. */
  #tx<T>(mode: 'r' | 'rw', tables: Table[], scope: () => Promise<T>): Promise<T> {
    return this.#guard(() => this.#t.db.transaction(mode, tables, scope));
  }

  /**
   * Runs a database operation; failures become WorkspaceErrors in plain words. A closed connection (the browser
   * closes it after a disk failure; a failed automatic reopen leaves Dexie closed for good) is reopened and the
   * operation tried once more, so Retry works once space is freed. Inside a transaction it only runs the operation.
   */
  async #guard<T>(op: () => Promise<T>): Promise<T> {
    if (Dexie.currentTransaction) return op();
    if (this.#unavailable?.code === 'deleted') throw new WorkspaceError('deleted', this.#unavailable.message);
    try {
      return await op();
    } catch (err) {
      if (err instanceof WorkspaceError) throw err;
      if (!isDatabaseClosedError(err) || this.#closed) throw storageFailure(err);
      try {
        await this.#reopen();
        return await op();
      } catch (again) {
        throw storageFailure(again);
      }
    }
  }

  /** A read: like #guard, but once this workspace has closed its connection it returns `fallback` (views stay up). */
  async #read<T>(op: () => Promise<T>, fallback: T): Promise<T> {
    if (this.#closed && !Dexie.currentTransaction) return fallback;
    return this.#guard(op);
  }

  async #reopen(): Promise<void> {
    const db = this.#t.db;
    // Reopening a database that is gone would silently create an empty one: report the deletion instead.
    if (!(await Dexie.exists(db.name))) {
      this.#unavailable = { code: 'deleted', message: DATABASE_DELETED_MESSAGE };
      this.#closed = true;
      db.close();
      for (const listener of this.#listeners) listener();
      throw new WorkspaceError('deleted', DATABASE_DELETED_MESSAGE);
    }
    db.close({ disableAutoOpen: false });
    await db.open();
  }

  async #putSafetyBackup(file: FileText & { counts: SafetyBackupRecord['counts'] }, reason: string): Promise<SafetyBackupInfo> {
    const info: SafetyBackupRecord = { id: this.#newId(), createdAt: this.#stamp(), reason, fileName: file.fileName, counts: file.counts, size: file.text.length };
    await this.#t.safetyBackups.add(info);
    await this.#t.safetyBackupFiles.add({ id: info.id, text: file.text });
    return info;
  }

  async #requireLive(id: string): Promise<Dossier> {
    const d = await this.get(id);
    if (!d) throw new WorkspaceError('not-found', { key: 'shell.error.noDossier', params: { id } });
    return d;
  }

  async #putLive(dossier: Dossier): Promise<void> {
    const rec = liveRecord(dossier);
    await this.#t.dossiers.put(rec);
    await this.#t.summaries.put(summaryRecordFor(rec));
  }

  async #writeNew(dossier: Dossier): Promise<void> {
    const t = this.#t;
    await this.#tx('rw', [t.dossiers, t.summaries], async () => {
      if (await t.dossiers.get(dossier.id)) throw new WorkspaceError('invalid', { key: 'shell.error.dossierExists', params: { id: dossier.id } });
      await this.#putLive(dossier);
    });
  }

  async #putSnapshot(dossier: Dossier, name: string, automatic: boolean, typedName: TypedName = false): Promise<SnapshotInfo> {
    const info: SnapshotInfo = { id: this.#newId(), dossierId: dossier.id, name, createdAt: this.#stamp(), automatic, typedName };
    await this.#t.snapshots.add({ ...info, dossier: structuredClone(dossier) });
    return info;
  }

  async #save(id: string, change: Dossier | ((current: Dossier) => Dossier), options: UpdateOptions, source: HistorySource): Promise<UpdateResult> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.dossiers, t.summaries, t.history], async () => {
      const current = await this.#requireLive(id);
      if (options.expectedUpdatedAt !== undefined && options.expectedUpdatedAt !== current.updatedAt) {
        throw new WorkspaceError('stale', { key: 'shell.error.dossierStale' });
      }
      const proposed = typeof change === 'function' ? change(structuredClone(current)) : change;
      if (proposed.id !== id) throw new WorkspaceError('invalid', { key: 'shell.error.idCannotChange' });
      if (proposed.status !== current.status && !canChangeStatus(current.status, proposed.status)) {
        throw new WorkspaceError(
          'invalid-transition',
          { key: 'shell.error.statusTransition', params: { from: { key: `report.status.${current.status}` }, to: { key: `report.status.${proposed.status}` } } },
        );
      }
      const next = validated({ ...proposed, createdAt: current.createdAt, updatedAt: current.updatedAt });
      if (diffDossiers(current, next).length === 0) return { dossier: current, changes: [] };
      // A final dossier is read-only (archiving it is library housekeeping, not a change of its content).
      if (source === 'edit' && diffDossiers(current, { ...next, archived: current.archived }).length > 0) assertNotFinal(current);
      const stamped = { ...next, updatedAt: this.#stamp() };
      const changes = await this.#writeVersion(current, stamped, source);
      return { dossier: stamped, changes };
    });
  }

  /** Writes a changed dossier and its history entries; call inside a rw transaction on dossiers, summaries, history. */
  async #writeVersion(before: Dossier, after: Dossier, source: HistorySource): Promise<FieldChange[]> {
    const changes = diffDossiers(before, after);
    await this.#putLive(after);
    const at = after.updatedAt;
    if (source === 'edit' && changes.length === 1 && (await this.#mergeIntoLastEntry(after.id, changes[0]!, at))) return changes;
    await this.#t.history.bulkAdd(changes.map((c): HistoryRecord => ({ dossierId: after.id, at, path: c.path, before: c.before, after: c.after, source })));
    return changes;
  }

  /** Autosave while typing: fold a change into the previous entry if it edits the same field moments later. */
  async #mergeIntoLastEntry(dossierId: string, change: FieldChange, at: string): Promise<boolean> {
    const last = await this.#t.history.where('dossierId').equals(dossierId).last();
    if (!last || last.seq === undefined || last.source !== 'edit' || last.path !== change.path) return false;
    if (Date.parse(at) - Date.parse(last.at) > HISTORY_MERGE_WINDOW_MS) return false;
    if (jsonEqual(last.before as JsonValue, change.after)) await this.#t.history.delete(last.seq);
    else await this.#t.history.update(last.seq, { after: change.after, at });
    return true;
  }

  async #backupText(): Promise<FileText & { counts: SafetyBackupRecord['counts'] }> {
    const t = this.#t;
    const dossiers = (await t.dossiers.where('deleted').equals(0).toArray()).map((r) => r.dossier);
    const ids = new Set(dossiers.map((d) => d.id));
    const snapshots = (await t.snapshots.toArray()).filter((s) => ids.has(s.dossierId));
    const history = (await t.history.toArray()).filter((h) => ids.has(h.dossierId)).map(({ seq: _seq, ...entry }) => entry);
    const createdAt = this.#stamp();
    const psaImports = await this.psaImports.fileBlocks(ids);
    const file: BackupFile = buildBackupFile({ dossiers, snapshots, history, ...(await this.models.backupContent()), psaImports }, appInfo, createdAt);
    return { fileName: fileNameForBackup(createdAt), text: serializeFile(file), counts: { dossiers: dossiers.length, snapshots: snapshots.length, history: history.length } };
  }

  /** Read-only mode on a newer database: summarise what can be read, skip what cannot. */
  async #summariesFromDossiers(): Promise<{ summary: DossierSummary; searchText: string }[]> {
    const records = await this.#t.dossiers.toArray().catch(() => [] as DossierRecord[]);
    const out: { summary: DossierSummary; searchText: string }[] = [];
    for (const r of records) {
      if (r.deleted === 1) continue;
      try {
        const rec = summaryRecordFor(r);
        out.push({ summary: rec.summary, searchText: rec.searchText });
      } catch {
        // A record shape from a newer version: not listable by this version.
      }
    }
    return out;
  }
}

function assertNotFinal(dossier: Dossier): void {
  if (dossier.status === 'final') throw new WorkspaceError('final', { key: 'shell.error.final', params: { title: dossier.title } });
}

/** The dossier with its model links pointing at the ids the imported models have in this workspace. */
function relinked(dossier: Dossier, modelIds: ReadonlyMap<string, string>): Dossier {
  if (!dossier.modelLinks.some((l) => l.modelId && modelIds.get(l.modelId) !== l.modelId)) return dossier;
  return { ...dossier, modelLinks: dossier.modelLinks.map((l) => (l.modelId && modelIds.has(l.modelId) ? { ...l, modelId: modelIds.get(l.modelId)! } : l)) };
}

/** Opens the workspace database (creating or upgrading it) and returns the repository. */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const opened = await openWorkbenchDatabase(options.name ?? DEFAULT_DATABASE_NAME);
  return new Workspace(opened.tables, opened.readOnlyReason, { ...options, createdNow: opened.created });
}

// The workspace's models: every read and write of models, their named versions, edit history and stored runs goes
// through a ModelStore (beside Workspace, on the same database). Writes run in one IndexedDB transaction each with
// strict durability; a document write refuses a stale caller (expectedUpdatedAt) and records each changed field in
// words. Run results live apart from run metadata, so listing runs never loads PSA draws.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { appInfo } from '../../dossier/app-info';
import { decodeTypedArrays, encodeTypedArrays } from '../../dossier/typed-json';
import { storedModelSchema } from '../../dossier/workspace-models';
import type { ModelBundle, ModelHistoryEntry, ModelVersion, RunKind, StoredModel, StoredRun } from '../../dossier/workspace-models';
import type { FileProblem } from '../../dossier/parse-file';
import type { Dossier } from '../../dossier/schema';
import { resultsByteSize } from '../../engine/analysis/run-payloads';
import { jsonEqual } from '../../engine/json/json-diff';
import type { JsonValue } from '../../engine/json/json-diff';
import { modelDocumentHash } from '../../engine/json/canonical-json';
import { documentTitle, setDocumentTitle } from '../../engine/model/document-edits';
import { suffixedTitle } from '../../dossier/new-dossier';
import { ENGINE_VERSION } from '../../engine/version';
import { describeModelChange, diffModelDocuments } from '../../report/model-changes';
import type { ModelChange } from '../../report/model-changes';
import type { WorkbenchTables } from './database';
import { beforeRestoringName, CONFLICT_VERSION_NAME, DEFAULT_VERSION_NAME, restoreTypedName } from '../../report/automatic-names';
import type { TypedName } from '../../report/automatic-names';
import { WorkspaceError } from './errors';
import type { ModelHistoryRecord, RunRecord } from './records';

export interface ModelStoreOptions {
  now: () => Date;
  newId: () => string;
  /** Why nothing may be written (a newer workspace), or null. */
  readOnlyReason: () => string | null;
  /** Consecutive edits of the same field within this window merge into one history entry. */
  mergeWindowMs: number;
  /**
   * Runs a transaction. The Workspace passes its own guard (plain-language storage errors, reopening the database on
   * Retry); the default is a plain Dexie transaction.
   */
  transaction?: <T>(mode: 'r' | 'rw', tables: Table[], scope: () => Promise<T>) => Promise<T>;
}

export interface NewModel {
  document: StoredModel['document'];
  origin: StoredModel['origin'];
  /** Default: the document's metadata.title. */
  title?: string;
  /** The title when neither `title` nor the document gives one (the app passes it in the display language). */
  untitled?: string;
  /**
   * The id to take if no model has it (a model deleted in another window, kept again by a window that still shows
   * it: the dossiers' links to it work again); a new id otherwise.
   */
  preferredId?: string;
}

export interface DocumentUpdateOptions {
  /** Refuse the write (code 'stale') if the stored model's updatedAt differs: it changed elsewhere. */
  expectedUpdatedAt?: string;
  source?: ModelHistoryEntry['source'];
}

export interface DocumentUpdate {
  model: StoredModel;
  changes: ModelChange[];
}

export type ModelVersionInfo = Omit<ModelVersion, 'document'>;

export interface StoredModelHistoryEntry extends ModelHistoryEntry {
  seq: number;
}

/** A run to store: what produced it and its results; ids and versions are filled in. */
export interface NewRun {
  modelId: string;
  kind: RunKind;
  label: string;
  modelHash: string;
  startedAt: string;
  durationMs: number;
  status: StoredRun['status'];
  seed?: number;
  iterations?: number;
  completedIterations?: number;
  inputs: StoredRun['inputs'];
  results: unknown;
}

export interface AddRunOptions {
  /** Delete the model's older runs of this kind (analyses re-run automatically keep only their latest). */
  replaceSameKind?: boolean;
}

/** What a backup carries of the models (results encoded for JSON). */
export interface ModelBackupContent {
  models: StoredModel[];
  modelVersions: ModelVersion[];
  modelHistory: ModelHistoryEntry[];
  runs: StoredRun[];
}

export interface LinkedDossier {
  id: string;
  title: string;
  status: Dossier['status'];
  linkId: string;
}

function problemsOf(issues: readonly { path: PropertyKey[]; message: string }[]): FileProblem[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export class ModelStore {
  readonly #t: WorkbenchTables;
  readonly #o: ModelStoreOptions;

  constructor(tables: WorkbenchTables, options: ModelStoreOptions) {
    this.#t = tables;
    this.#o = options;
  }

  // ---------- reads ----------

  /** Every model, most recently changed first. */
  async list(): Promise<StoredModel[]> {
    return this.#t.models.orderBy('updatedAt').reverse().toArray();
  }

  async get(id: string): Promise<StoredModel | undefined> {
    return this.#t.models.get(id);
  }

  /** Newest first. */
  async history(modelId: string, options: { limit?: number } = {}): Promise<StoredModelHistoryEntry[]> {
    let q = this.#t.modelHistory.where('modelId').equals(modelId).reverse();
    if (options.limit !== undefined) q = q.limit(options.limit);
    return (await q.toArray()) as StoredModelHistoryEntry[];
  }

  /** Newest first, without the documents. */
  async listVersions(modelId: string): Promise<ModelVersionInfo[]> {
    const all = await this.#t.modelVersions.where('[modelId+createdAt]').between([modelId, Dexie.minKey], [modelId, Dexie.maxKey]).reverse().toArray();
    return all.map(({ document: _body, ...info }) => info);
  }

  async getVersion(id: string): Promise<ModelVersion | undefined> {
    return this.#t.modelVersions.get(id);
  }

  /** Newest first, without the results. */
  async listRuns(modelId: string): Promise<RunRecord[]> {
    return this.#t.runs.where('[modelId+startedAt]').between([modelId, Dexie.minKey], [modelId, Dexie.maxKey]).reverse().toArray();
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    return this.#t.runs.get(id);
  }

  /** The newest run of a kind (optionally the newest one `accept` takes), or undefined. */
  async latestRun(modelId: string, kind: RunKind, accept: (run: RunRecord) => boolean = () => true): Promise<RunRecord | undefined> {
    const runs = await this.#t.runs.where('[modelId+kind]').equals([modelId, kind]).toArray();
    return runs.filter(accept).sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))[0];
  }

  /** A run's results as stored (typed arrays as typed arrays). */
  async getRunResults(id: string): Promise<unknown> {
    return (await this.#t.runResults.get(id))?.results;
  }

  /** Live dossiers whose model links point at this model. */
  async linkedDossiers(modelId: string): Promise<LinkedDossier[]> {
    const records = await this.#t.dossiers.where('deleted').equals(0).toArray();
    return records.flatMap((r) =>
      r.dossier.modelLinks.filter((l) => l.modelId === modelId).map((l) => ({ id: r.id, title: r.dossier.title, status: r.dossier.status, linkId: l.id })),
    );
  }

  // ---------- writes ----------

  async create(input: NewModel): Promise<StoredModel> {
    this.#assertWritable();
    const now = this.#stamp();
    const withId = (id: string) =>
      this.#validated({
        id,
        title: (input.title ?? documentTitle(input.document)).trim() || input.untitled || 'Untitled model',
        createdAt: now,
        updatedAt: now,
        origin: input.origin,
        document: structuredClone(input.document),
      });
    if (input.preferredId !== undefined) {
      // add() never overwrites: a model that took the id meanwhile (kept again by another window) stays, and this
      // one gets a new id.
      const model = withId(input.preferredId);
      const added = await this.#t.models.add(model).then(
        () => true,
        (error: unknown) => {
          if ((error as { name?: string } | null)?.name === 'ConstraintError') return false;
          throw error;
        },
      );
      if (added) return model;
    }
    const model = withId(this.#o.newId());
    await this.#t.models.add(model);
    return model;
  }

  /**
   * A copy of a workspace model under a new id, titled "… (copy)" (`copySuffix` in the display language) in the list
   * and in its document (the title an edit keeps); versions, edit history and stored runs stay with the original.
   * Not linked to any dossier.
   */
  async duplicate(id: string, copySuffix = '(copy)'): Promise<StoredModel> {
    const source = await this.#require(id);
    const title = suffixedTitle(source.title, ` ${copySuffix}`);
    return this.create({ document: setDocumentTitle(source.document, title), origin: { kind: 'copy', ref: source.title }, title });
  }

  /** Saves a new document and records every changed field in words; nothing happens when nothing changed. */
  async updateDocument(id: string, document: StoredModel['document'], options: DocumentUpdateOptions = {}): Promise<DocumentUpdate> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.models, t.modelHistory], async () => {
      const current = await this.#require(id);
      if (options.expectedUpdatedAt !== undefined && options.expectedUpdatedAt !== current.updatedAt) {
        throw new WorkspaceError('stale', { key: 'shell.error.modelStale' });
      }
      return this.#writeDocument(current, document, options.source ?? 'edit');
    });
  }

  async remove(id: string): Promise<void> {
    this.#assertWritable();
    const t = this.#t;
    await this.#tx('rw', [t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults], async () => {
      await this.#require(id);
      const runIds = await t.runs.where('modelId').equals(id).primaryKeys();
      await t.runResults.bulkDelete(runIds);
      await t.runs.bulkDelete(runIds);
      await t.modelVersions.where('modelId').equals(id).delete();
      await t.modelHistory.where('modelId').equals(id).delete();
      await t.models.delete(id);
    });
  }

  async saveVersion(modelId: string, name: string, note = ''): Promise<ModelVersionInfo> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.models, t.modelVersions], async () => this.#putVersion(await this.#require(modelId), name.trim() || DEFAULT_VERSION_NAME, note, false, name.trim() !== ''));
  }

  /**
   * Keeps a document as an automatic version without changing the model: the side set aside when two windows
   * changed the model at once (named CONFLICT_VERSION_NAME).
   */
  async setAsideVersion(modelId: string, document: StoredModel['document']): Promise<ModelVersionInfo> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.models, t.modelVersions], async () => this.#putVersion({ ...(await this.#require(modelId)), document }, CONFLICT_VERSION_NAME, '', true));
  }

  /** Restores a version: first saves the current document as an automatic version, then records the changes. */
  async restoreVersion(versionId: string): Promise<{ model: StoredModel; safetyVersion: ModelVersionInfo; changes: ModelChange[] }> {
    this.#assertWritable();
    const t = this.#t;
    return this.#tx('rw', [t.models, t.modelVersions, t.modelHistory], async () => {
      const version = await t.modelVersions.get(versionId);
      if (!version) throw new WorkspaceError('not-found', { key: 'shell.error.noModelVersion', params: { id: versionId } });
      const current = await this.#require(version.modelId);
      const safetyVersion = await this.#putVersion(current, beforeRestoringName(version), '', true, restoreTypedName(version));
      const { model, changes } = await this.#writeDocument(current, version.document, 'version-restore');
      return { model, safetyVersion, changes };
    });
  }

  async deleteVersion(versionId: string): Promise<void> {
    this.#assertWritable();
    await this.#t.modelVersions.delete(versionId);
  }

  /** Stores a run with the app and engine versions; results keep their typed arrays. */
  async addRun(run: NewRun, options: AddRunOptions = {}): Promise<RunRecord> {
    this.#assertWritable();
    const t = this.#t;
    const { results, ...meta } = run;
    const record: RunRecord = { ...meta, id: this.#o.newId(), appVersion: appInfo.version, engineVersion: ENGINE_VERSION, resultBytes: resultsByteSize(results) };
    return this.#tx('rw', [t.models, t.runs, t.runResults], async () => {
      await this.#require(run.modelId);
      if (options.replaceSameKind) {
        const older = await t.runs.where('[modelId+kind]').equals([run.modelId, run.kind]).primaryKeys();
        await t.runResults.bulkDelete(older);
        await t.runs.bulkDelete(older);
      }
      await t.runs.add(record);
      await t.runResults.add({ id: record.id, results });
      return record;
    });
  }

  async deleteRun(id: string): Promise<void> {
    this.#assertWritable();
    const t = this.#t;
    await this.#tx('rw', [t.runs, t.runResults], async () => {
      await t.runs.delete(id);
      await t.runResults.delete(id);
    });
  }

  // ---------- files ----------

  /** The models (with versions, history and runs) as a dossier file carries them; unknown ids are skipped. */
  async bundles(modelIds: readonly string[]): Promise<ModelBundle[]> {
    const t = this.#t;
    return this.#tx('r', [t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults], async () => {
      const out: ModelBundle[] = [];
      for (const id of [...new Set(modelIds)]) {
        const model = await t.models.get(id);
        if (!model) continue;
        const versions = await t.modelVersions.where('modelId').equals(id).sortBy('createdAt');
        const history = (await t.modelHistory.where('modelId').equals(id).toArray()).map(({ seq: _seq, ...entry }) => entry);
        const runs = await this.#encodedRuns(await t.runs.where('modelId').equals(id).sortBy('startedAt'));
        out.push({ model, versions, history, runs });
      }
      return out;
    });
  }

  /** Every model with its versions, history and runs, for a workspace backup. */
  async backupContent(): Promise<ModelBackupContent> {
    const t = this.#t;
    return this.#tx('r', [t.models, t.modelVersions, t.modelHistory, t.runs, t.runResults], async () => ({
      models: await t.models.toArray(),
      modelVersions: await t.modelVersions.toArray(),
      modelHistory: (await t.modelHistory.toArray()).map(({ seq: _seq, ...entry }) => entry),
      runs: await this.#encodedRuns(await t.runs.toArray()),
    }));
  }

  /** Replaces every model by a backup's (call inside a rw transaction on the model tables). */
  async replaceAll(content: ModelBackupContent): Promise<void> {
    const t = this.#t;
    await Promise.all([t.models.clear(), t.modelVersions.clear(), t.modelHistory.clear(), t.runs.clear(), t.runResults.clear()]);
    await t.models.bulkAdd(content.models);
    await t.modelVersions.bulkAdd(content.modelVersions);
    await t.modelHistory.bulkAdd(content.modelHistory.map((h) => ({ ...h })));
    await this.#putDecodedRuns(content.runs);
  }

  /**
   * Adds the models of a dossier file (call inside a rw transaction on the model tables). A model whose id is new
   * comes in whole; one already here with the same document keeps what is here and gains the file's versions and
   * runs it lacks; one here with another document is never overwritten: the file's model comes in as a copy under a
   * new id, its title followed by `importedCopySuffix` (the display language's). Returns the id each file model has in
   * the workspace.
   */
  async importBundles(bundles: readonly ModelBundle[], importedCopySuffix = '(imported copy)'): Promise<Map<string, string>> {
    const t = this.#t;
    const ids = new Map<string, string>();
    for (const bundle of bundles) {
      const existing = await t.models.get(bundle.model.id);
      if (!existing) {
        await t.models.add(bundle.model);
        await t.modelVersions.bulkPut(bundle.versions);
        await t.modelHistory.bulkAdd(bundle.history.map((h) => ({ ...h })));
        await this.#putDecodedRuns(bundle.runs);
        ids.set(bundle.model.id, bundle.model.id);
      } else if (modelDocumentHash(existing.document) === modelDocumentHash(bundle.model.document)) {
        const haveVersions = new Set(await t.modelVersions.where('modelId').equals(existing.id).primaryKeys());
        await t.modelVersions.bulkAdd(bundle.versions.filter((v) => !haveVersions.has(v.id)));
        const haveRuns = new Set(await t.runs.where('modelId').equals(existing.id).primaryKeys());
        await this.#putDecodedRuns(bundle.runs.filter((r) => !haveRuns.has(r.id)));
        ids.set(bundle.model.id, existing.id);
      } else {
        const id = this.#o.newId();
        await t.models.add({ ...bundle.model, id, title: `${bundle.model.title} ${importedCopySuffix}` });
        await t.modelVersions.bulkAdd(bundle.versions.map((v) => ({ ...v, id: this.#o.newId(), modelId: id })));
        await t.modelHistory.bulkAdd(bundle.history.map((h) => ({ ...h, modelId: id })));
        await this.#putDecodedRuns(bundle.runs.map((r) => ({ ...r, id: this.#o.newId(), modelId: id })));
        ids.set(bundle.model.id, id);
      }
    }
    return ids;
  }

  // ---------- internals ----------

  #stamp(): string {
    return this.#o.now().toISOString();
  }

  #tx<T>(mode: 'r' | 'rw', tables: Table[], scope: () => Promise<T>): Promise<T> {
    return this.#o.transaction ? this.#o.transaction(mode, tables, scope) : this.#t.db.transaction(mode, tables, scope);
  }

  #assertWritable(): void {
    const reason = this.#o.readOnlyReason();
    if (reason) throw new WorkspaceError('read-only', reason);
  }

  #validated(model: StoredModel): StoredModel {
    const parsed = storedModelSchema.safeParse(model);
    if (!parsed.success) {
      const problems = problemsOf(parsed.error.issues);
      throw new WorkspaceError('invalid', { key: 'shell.error.modelInvalid', params: { problems: problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ') } }, problems);
    }
    return parsed.data;
  }

  async #require(id: string): Promise<StoredModel> {
    const model = await this.#t.models.get(id);
    if (!model) throw new WorkspaceError('not-found', { key: 'shell.error.noModel', params: { id } });
    return model;
  }

  async #putVersion(model: StoredModel, name: string, note: string, automatic: boolean, typedName: TypedName = false): Promise<ModelVersionInfo> {
    const version: ModelVersion = {
      id: this.#o.newId(),
      modelId: model.id,
      name,
      note,
      createdAt: this.#stamp(),
      hash: modelDocumentHash(model.document),
      automatic,
      typedName,
      document: structuredClone(model.document),
    };
    await this.#t.modelVersions.add(version);
    const { document: _body, ...info } = version;
    return info;
  }

  /** Writes a new document and its history entries; call inside a rw transaction on models and modelHistory. */
  async #writeDocument(current: StoredModel, document: StoredModel['document'], source: ModelHistoryEntry['source']): Promise<DocumentUpdate> {
    const changes = diffModelDocuments(current.document, document);
    if (changes.length === 0) return { model: current, changes };
    const at = this.#stamp();
    const next = this.#validated({ ...current, title: documentTitle(document).trim() || current.title, document: structuredClone(document), updatedAt: at });
    await this.#t.models.put(next);
    if (source === 'edit' && changes.length === 1 && (await this.#mergeIntoLastEntry(current, next, changes[0]!, at))) return { model: next, changes };
    await this.#t.modelHistory.bulkAdd(
      changes.map((c): ModelHistoryRecord => ({ modelId: current.id, at, path: c.path, before: c.before, after: c.after, summary: c.summary, source })),
    );
    return { model: next, changes };
  }

  /** Autosave while typing: fold a change into the previous entry if it edits the same field moments later. */
  async #mergeIntoLastEntry(before: StoredModel, after: StoredModel, change: ModelChange, at: string): Promise<boolean> {
    const last = await this.#t.modelHistory.where('modelId').equals(before.id).last();
    if (!last || last.seq === undefined || last.source !== 'edit' || last.path !== change.path) return false;
    if (Date.parse(at) - Date.parse(last.at) > this.#o.mergeWindowMs) return false;
    if (jsonEqual(last.before as JsonValue, change.after)) {
      await this.#t.modelHistory.delete(last.seq);
      return true;
    }
    // The entry now reads from the first edit's old value to the last edit's new value.
    const merged = describeModelChange({ path: change.path, before: last.before as JsonValue, after: change.after }, before.document, after.document);
    await this.#t.modelHistory.update(last.seq, { after: change.after, at, summary: merged.summary });
    return true;
  }

  async #encodedRuns(records: readonly RunRecord[]): Promise<StoredRun[]> {
    const results = await this.#t.runResults.bulkGet(records.map((r) => r.id));
    return records.map(({ resultBytes: _size, ...meta }, i) => ({ ...meta, results: encodeTypedArrays(results[i]?.results ?? null) as StoredRun['results'] }));
  }

  async #putDecodedRuns(runs: readonly StoredRun[]): Promise<void> {
    for (const { results, ...meta } of runs) {
      const decoded = decodeTypedArrays(results, `runs.${meta.id}.results`);
      await this.#t.runs.add({ ...meta, resultBytes: resultsByteSize(decoded) });
      await this.#t.runResults.add({ id: meta.id, results: decoded });
    }
  }
}

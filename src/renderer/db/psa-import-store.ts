// PSA results of other models stored with a dossier ("Analyse PSA results…" → Store in a dossier). Listing rows apart
// from the per-draw arrays, so a dossier's list never loads draws. Every write validates the whole block
// (dossier/psa-imports.ts) and runs in one transaction through the Workspace's guard.
import type { Table } from 'dexie';
import { psaImportFromFile, psaImportSchema, psaImportToFile } from '../../dossier/psa-imports';
import type { PsaImportFileBlock, PsaImportInfo, StoredPsaImport } from '../../dossier/psa-imports';
import { formatProblem, pathToString } from '../../dossier/parse-file';
import { describeZodIssue, flattenZodIssues } from '../../shared/zod-issue-text';
import type { WorkbenchTables } from './database';
import { WorkspaceError } from './errors';

export interface PsaImportStoreOptions {
  now: () => Date;
  newId: () => string;
  /** Throws when nothing may be written (newer workspace, deleted database). */
  assertWritable: () => void;
  transaction: <T>(mode: 'r' | 'rw', tables: Table[], scope: () => Promise<T>) => Promise<T>;
}

/** What the screen stores: everything but the id and date, which the store fills in. */
export type NewPsaImport = Omit<StoredPsaImport, 'id' | 'importedAt'>;

function split(item: StoredPsaImport): { info: PsaImportInfo; arrays: { id: string; costs: Float64Array; effects: Float64Array; parameterValues: Float64Array } } {
  const { costs, effects, parameterValues, ...info } = item;
  return { info, arrays: { id: item.id, costs, effects, parameterValues } };
}

/** The block as stored, or a WorkspaceError 'invalid' listing every problem with its path. */
function validatedImport(item: StoredPsaImport): StoredPsaImport {
  const parsed = psaImportSchema.safeParse(item, { error: describeZodIssue, reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = flattenZodIssues(parsed.error.issues).map((p) => ({ path: pathToString(['psaImport', ...p.path]), message: p.message }));
  throw new WorkspaceError('invalid', { key: 'shell.error.psaInvalid', params: { problems: problems.map(formatProblem).join('; ') } }, problems);
}

export class PsaImportStore {
  readonly #t: WorkbenchTables;
  readonly #o: PsaImportStoreOptions;

  constructor(tables: WorkbenchTables, options: PsaImportStoreOptions) {
    this.#t = tables;
    this.#o = options;
  }

  /** Stores imported PSA results with a live dossier. */
  async add(input: NewPsaImport): Promise<PsaImportInfo> {
    this.#o.assertWritable();
    const t = this.#t;
    const item = validatedImport({ ...input, id: this.#o.newId(), importedAt: this.#o.now().toISOString() });
    return this.#o.transaction('rw', [t.dossiers, t.psaImports, t.psaImportDraws], async () => {
      const owner = await t.dossiers.get(item.dossierId);
      if (!owner || owner.deleted === 1) throw new WorkspaceError('not-found', { key: 'shell.error.dossierGone' });
      const { info, arrays } = split(item);
      await t.psaImports.add(info);
      await t.psaImportDraws.add(arrays);
      return info;
    });
  }

  /** A dossier's imported PSA results, newest first, without their draws. */
  async list(dossierId: string): Promise<PsaImportInfo[]> {
    const rows = await this.#o.transaction('r', [this.#t.psaImports], () => this.#t.psaImports.where('dossierId').equals(dossierId).toArray());
    return rows.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
  }

  /** One import with its draws, or undefined. */
  async get(id: string): Promise<StoredPsaImport | undefined> {
    const t = this.#t;
    return this.#o.transaction('r', [t.psaImports, t.psaImportDraws], async () => {
      const [info, arrays] = await Promise.all([t.psaImports.get(id), t.psaImportDraws.get(id)]);
      return info && arrays ? { ...info, costs: arrays.costs, effects: arrays.effects, parameterValues: arrays.parameterValues } : undefined;
    });
  }

  async remove(id: string): Promise<void> {
    this.#o.assertWritable();
    const t = this.#t;
    await this.#o.transaction('rw', [t.psaImports, t.psaImportDraws], async () => {
      await t.psaImports.delete(id);
      await t.psaImportDraws.delete(id);
    });
  }

  // ---------- files (inside the Workspace's transactions) ----------

  /** The file blocks of these dossiers' imports (dossier export, backup). */
  async fileBlocks(dossierIds: ReadonlySet<string>): Promise<PsaImportFileBlock[]> {
    const t = this.#t;
    const infos = (await t.psaImports.toArray()).filter((i) => dossierIds.has(i.dossierId)).sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0));
    const arrays = await t.psaImportDraws.bulkGet(infos.map((i) => i.id));
    return infos.flatMap((info, k) => {
      const a = arrays[k];
      return a ? [psaImportToFile({ ...info, costs: a.costs, effects: a.effects, parameterValues: a.parameterValues })] : [];
    });
  }

  /**
   * Puts a file's blocks (already validated by the file schema) under `dossierId`; a block whose id is taken by
   * another dossier's import comes in under a new id. Existing imports of the dossier with the same id are replaced.
   */
  async putFileBlocks(blocks: readonly PsaImportFileBlock[], dossierId: string): Promise<void> {
    const t = this.#t;
    for (const block of blocks) {
      const existing = await t.psaImports.get(block.id);
      const id = existing && existing.dossierId !== dossierId ? this.#o.newId() : block.id;
      const { info, arrays } = split({ ...psaImportFromFile(block), id, dossierId });
      await t.psaImports.put(info);
      await t.psaImportDraws.put(arrays);
    }
  }

  /** Replaces every import by a backup's (restore). */
  async replaceAll(blocks: readonly PsaImportFileBlock[]): Promise<void> {
    const t = this.#t;
    await Promise.all([t.psaImports.clear(), t.psaImportDraws.clear()]);
    for (const block of blocks) {
      const { info, arrays } = split(psaImportFromFile(block));
      await t.psaImports.add(info);
      await t.psaImportDraws.add(arrays);
    }
  }

  /** Deletes the imports of dossiers that are purged. */
  async removeForDossier(dossierId: string): Promise<void> {
    const t = this.#t;
    const ids = await t.psaImports.where('dossierId').equals(dossierId).primaryKeys();
    await t.psaImports.bulkDelete(ids);
    await t.psaImportDraws.bulkDelete(ids);
  }
}

// The two file formats: one dossier (`.htad.json`) and a whole-workspace backup. Both are versioned JSON
// envelopes; readers migrate older versions (see migrations.ts) and refuse newer ones.
import { z } from 'zod';
import { customIssue } from '../shared/zod-issue-text';
import type { CustomIssue } from '../shared/zod-issue-text';
import type { AppInfo } from './app-info';
import { MAX_BACKUP_DOSSIERS, MAX_BACKUP_HISTORY, MAX_BACKUP_SNAPSHOTS, MAX_MODEL_HISTORY, MAX_MODEL_VERSIONS, MAX_MODELS, MAX_RUNS, MAX_SHORT_TEXT } from './limits';
import { dossierSchema, historyEntrySchema, snapshotSchema, timestampSchema, tooMany } from './schema';
import type { Dossier, HistoryEntry, Snapshot } from './schema';
import { modelBundleSchema, modelHistoryEntrySchema, modelVersionSchema, storedModelSchema, storedRunSchema } from './workspace-models';
import type { ModelBundle, ModelHistoryEntry, ModelVersion, StoredModel, StoredRun } from './workspace-models';
import { MAX_PSA_IMPORTS, checkPsaImportOwners, psaImportFileSchema } from './psa-imports';
import type { PsaImportFileBlock } from './psa-imports';

export const DOSSIER_FILE_FORMAT = 'hta-workbench-dossier';
export const BACKUP_FILE_FORMAT = 'hta-workbench-backup';
/** Current versions written by this app; readers accept these and older ones with a migration path. */
/** Version 2: files carry workspace models with their versions, history and runs. Version 3: imported PSA results. */
export const DOSSIER_FILE_VERSION = 3;
export const BACKUP_FILE_VERSION = 3;
export const DOSSIER_FILE_EXTENSION = '.htad.json';
export const BACKUP_FILE_EXTENSION = '.htabackup.json';

export const appInfoSchema = z.strictObject({
  name: z.string().max(MAX_SHORT_TEXT),
  version: z.string().max(MAX_SHORT_TEXT),
});

type IssueSink = { addIssue: (issue: CustomIssue) => void };

/** Models in a file: unique ids, and the versions, history and runs of each belong to it. */
function checkModelBundles(bundles: readonly ModelBundle[], ctx: IssueSink): void {
  const modelIds = new Set<string>();
  bundles.forEach((b, i) => {
    if (modelIds.has(b.model.id)) ctx.addIssue(customIssue(['models', i, 'model', 'id'], `duplicate model id "${b.model.id}"`, { code: 'duplicate-model-id', values: { id: b.model.id } }));
    modelIds.add(b.model.id);
    const own = (list: 'versions' | 'history' | 'runs') =>
      b[list].forEach((item, j) => {
        if (item.modelId !== b.model.id) ctx.addIssue(customIssue(['models', i, list, j, 'modelId'], `belongs to model "${item.modelId}", not to "${b.model.id}"`, { code: 'belongs-to-other-model', values: { model: item.modelId, expected: b.model.id } }));
      });
    own('versions');
    own('history');
    own('runs');
    uniqueIds(b.versions, ['models', i, 'versions'], 'version', ctx);
    uniqueIds(b.runs, ['models', i, 'runs'], 'run', ctx);
  });
}

function uniqueIds(items: readonly { id: string }[], at: (string | number)[], what: string, ctx: IssueSink): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue(customIssue([...at, i, 'id'], `duplicate ${what} id "${item.id}"`, { code: `duplicate-${what.replace(/ /g, '-')}-id`, values: { id: item.id } }));
    seen.add(item.id);
  });
}

const psaImportsSchema = z.array(psaImportFileSchema).max(MAX_PSA_IMPORTS, { error: tooMany('imported PSA results', MAX_PSA_IMPORTS) });

export const dossierFileSchema = z
  .strictObject({
    format: z.literal(DOSSIER_FILE_FORMAT),
    version: z.literal(DOSSIER_FILE_VERSION),
    exportedAt: timestampSchema,
    app: appInfoSchema,
    dossier: dossierSchema,
    /** The workspace models the dossier links to, with their versions, history and stored runs. */
    models: z.array(modelBundleSchema).max(MAX_MODELS, { error: tooMany('models', MAX_MODELS) }),
    /** PSA results of other models imported into the dossier (since version 3). */
    psaImports: psaImportsSchema,
  })
  .superRefine((file, ctx) => {
    checkModelBundles(file.models, ctx);
    checkPsaImportOwners(file.psaImports, new Set([file.dossier.id]), ctx, 'the dossier of this file');
  })
  .meta({ title: 'HTA Workbench dossier file (.htad.json)', description: 'One exported HTA dossier with the models it links to.' });
export type DossierFile = z.infer<typeof dossierFileSchema>;

/** A backup must be self-consistent: unique ids, and snapshots/history/versions/runs only of what it contains. */
function checkBackupReferences(b: BackupContent, ctx: IssueSink): void {
  const dossierIds = new Set<string>();
  b.dossiers.forEach((d, i) => {
    if (dossierIds.has(d.id)) ctx.addIssue(customIssue(['dossiers', i, 'id'], `duplicate dossier id "${d.id}"`, { code: 'duplicate-dossier-id', values: { id: d.id } }));
    dossierIds.add(d.id);
  });
  const snapshotIds = new Set<string>();
  b.snapshots.forEach((s, i) => {
    if (snapshotIds.has(s.id)) ctx.addIssue(customIssue(['snapshots', i, 'id'], `duplicate snapshot id "${s.id}"`, { code: 'duplicate-snapshot-id', values: { id: s.id } }));
    snapshotIds.add(s.id);
    if (!dossierIds.has(s.dossierId)) ctx.addIssue(customIssue(['snapshots', i, 'dossierId'], `snapshot of dossier "${s.dossierId}", which is not in the backup`, { code: 'snapshot-of-missing-dossier', values: { id: s.dossierId } }));
  });
  b.history.forEach((h, i) => {
    if (!dossierIds.has(h.dossierId)) ctx.addIssue(customIssue(['history', i, 'dossierId'], `history of dossier "${h.dossierId}", which is not in the backup`, { code: 'history-of-missing-dossier', values: { id: h.dossierId } }));
  });
  uniqueIds(b.models, ['models'], 'model', ctx);
  uniqueIds(b.modelVersions, ['modelVersions'], 'model version', ctx);
  uniqueIds(b.runs, ['runs'], 'run', ctx);
  const modelIds = new Set(b.models.map((m) => m.id));
  const belongs = (list: 'modelVersions' | 'modelHistory' | 'runs') =>
    b[list].forEach((item, i) => {
      if (!modelIds.has(item.modelId)) ctx.addIssue(customIssue([list, i, 'modelId'], `belongs to model "${item.modelId}", which is not in the backup`, { code: 'belongs-to-missing-model', values: { model: item.modelId } }));
    });
  belongs('modelVersions');
  belongs('modelHistory');
  belongs('runs');
  checkPsaImportOwners(b.psaImports, dossierIds, ctx, 'in the backup');
}

/** What a backup holds: the whole workspace. */
export interface BackupContent {
  dossiers: Dossier[];
  snapshots: Snapshot[];
  history: HistoryEntry[];
  models: StoredModel[];
  modelVersions: ModelVersion[];
  modelHistory: ModelHistoryEntry[];
  runs: StoredRun[];
  /** Imported PSA results of the dossiers (file form: arrays as base64 blocks). */
  psaImports: PsaImportFileBlock[];
}

export const backupFileSchema = z
  .strictObject({
    format: z.literal(BACKUP_FILE_FORMAT),
    version: z.literal(BACKUP_FILE_VERSION),
    createdAt: timestampSchema,
    app: appInfoSchema,
    dossiers: z.array(dossierSchema).max(MAX_BACKUP_DOSSIERS, { error: tooMany('dossiers', MAX_BACKUP_DOSSIERS) }),
    snapshots: z.array(snapshotSchema).max(MAX_BACKUP_SNAPSHOTS, { error: tooMany('snapshots', MAX_BACKUP_SNAPSHOTS) }),
    history: z.array(historyEntrySchema).max(MAX_BACKUP_HISTORY, { error: tooMany('history entries', MAX_BACKUP_HISTORY) }),
    models: z.array(storedModelSchema).max(MAX_MODELS, { error: tooMany('models', MAX_MODELS) }),
    modelVersions: z.array(modelVersionSchema).max(MAX_MODEL_VERSIONS, { error: tooMany('model versions', MAX_MODEL_VERSIONS) }),
    modelHistory: z.array(modelHistoryEntrySchema).max(MAX_MODEL_HISTORY, { error: tooMany('model history entries', MAX_MODEL_HISTORY) }),
    runs: z.array(storedRunSchema).max(MAX_RUNS, { error: tooMany('runs', MAX_RUNS) }),
    psaImports: psaImportsSchema,
  })
  .superRefine(checkBackupReferences)
  .meta({ title: 'HTA Workbench workspace backup', description: 'Every dossier and model of a workspace with snapshots, versions, edit histories and stored runs.' });
export type BackupFile = z.infer<typeof backupFileSchema>;

export function buildDossierFile(dossier: Dossier, app: AppInfo, exportedAt: string, models: ModelBundle[] = [], psaImports: PsaImportFileBlock[] = []): DossierFile {
  return { format: DOSSIER_FILE_FORMAT, version: DOSSIER_FILE_VERSION, exportedAt, app, dossier, models, psaImports };
}

export function buildBackupFile(content: BackupContent, app: AppInfo, createdAt: string): BackupFile {
  return { format: BACKUP_FILE_FORMAT, version: BACKUP_FILE_VERSION, createdAt, app, ...content };
}

/** File text as written to disk: pretty-printed (diffable, readable) with a final newline. */
export function serializeFile(file: DossierFile | BackupFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const MAX_SLUG = 100;

/** A file-name-safe form of a title: ASCII letters, digits and dashes, cut at a word boundary to at most `max` characters. */
export function titleSlug(title: string, max = MAX_SLUG): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = lastDash > max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max);
  }
  return slug;
}

/** A safe file name from a title: ASCII letters, digits and dashes, cut at a word boundary to at most 100 characters. */
export function fileNameForDossier(dossier: Pick<Dossier, 'title'>): string {
  return `${titleSlug(dossier.title) || 'dossier'}${DOSSIER_FILE_EXTENSION}`;
}

/** e.g. hta-workbench-backup-2026-11-28T12-30-00.htabackup.json */
export function fileNameForBackup(createdAt: string): string {
  const stamp = createdAt.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-').replace(/Z$/, '');
  return `hta-workbench-backup-${stamp}${BACKUP_FILE_EXTENSION}`;
}

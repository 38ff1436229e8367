// The two file formats: one dossier (`.htad.json`) and a whole-workspace backup. Both are versioned JSON
// envelopes; readers migrate older versions (see migrations.ts) and refuse newer ones.
import { z } from 'zod';
import type { AppInfo } from './app-info';
import { MAX_BACKUP_DOSSIERS, MAX_BACKUP_HISTORY, MAX_BACKUP_SNAPSHOTS, MAX_SHORT_TEXT } from './limits';
import { dossierSchema, historyEntrySchema, snapshotSchema, timestampSchema } from './schema';
import type { Dossier, HistoryEntry, Snapshot } from './schema';

export const DOSSIER_FILE_FORMAT = 'hta-workbench-dossier';
export const BACKUP_FILE_FORMAT = 'hta-workbench-backup';
/** Current versions written by this app; readers accept these and older ones with a migration path. */
export const DOSSIER_FILE_VERSION = 1;
export const BACKUP_FILE_VERSION = 1;
export const DOSSIER_FILE_EXTENSION = '.htad.json';
export const BACKUP_FILE_EXTENSION = '.htabackup.json';

export const appInfoSchema = z.strictObject({
  name: z.string().max(MAX_SHORT_TEXT),
  version: z.string().max(MAX_SHORT_TEXT),
});

export const dossierFileSchema = z
  .strictObject({
    format: z.literal(DOSSIER_FILE_FORMAT),
    version: z.literal(DOSSIER_FILE_VERSION),
    exportedAt: timestampSchema,
    app: appInfoSchema,
    dossier: dossierSchema,
  })
  .meta({ title: 'HTA Workbench dossier file (.htad.json)', description: 'One exported HTA dossier.' });
export type DossierFile = z.infer<typeof dossierFileSchema>;

type IssueSink = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void };

/** A backup must be self-consistent: unique ids, and snapshots/history only of dossiers it contains. */
function checkBackupReferences(b: { dossiers: Dossier[]; snapshots: Snapshot[]; history: HistoryEntry[] }, ctx: IssueSink): void {
  const dossierIds = new Set<string>();
  b.dossiers.forEach((d, i) => {
    if (dossierIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dossiers', i, 'id'], message: `duplicate dossier id "${d.id}"` });
    dossierIds.add(d.id);
  });
  const snapshotIds = new Set<string>();
  b.snapshots.forEach((s, i) => {
    if (snapshotIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['snapshots', i, 'id'], message: `duplicate snapshot id "${s.id}"` });
    snapshotIds.add(s.id);
    if (!dossierIds.has(s.dossierId)) ctx.addIssue({ code: 'custom', path: ['snapshots', i, 'dossierId'], message: `snapshot of dossier "${s.dossierId}", which is not in the backup` });
  });
  b.history.forEach((h, i) => {
    if (!dossierIds.has(h.dossierId)) ctx.addIssue({ code: 'custom', path: ['history', i, 'dossierId'], message: `history of dossier "${h.dossierId}", which is not in the backup` });
  });
}

export const backupFileSchema = z
  .strictObject({
    format: z.literal(BACKUP_FILE_FORMAT),
    version: z.literal(BACKUP_FILE_VERSION),
    createdAt: timestampSchema,
    app: appInfoSchema,
    dossiers: z.array(dossierSchema).max(MAX_BACKUP_DOSSIERS, { error: `too many dossiers (at most ${MAX_BACKUP_DOSSIERS})` }),
    snapshots: z.array(snapshotSchema).max(MAX_BACKUP_SNAPSHOTS, { error: `too many snapshots (at most ${MAX_BACKUP_SNAPSHOTS})` }),
    history: z.array(historyEntrySchema).max(MAX_BACKUP_HISTORY, { error: `too many history entries (at most ${MAX_BACKUP_HISTORY})` }),
  })
  .superRefine(checkBackupReferences)
  .meta({ title: 'HTA Workbench workspace backup', description: 'Every dossier of a workspace with its snapshots and edit history.' });
export type BackupFile = z.infer<typeof backupFileSchema>;

export function buildDossierFile(dossier: Dossier, app: AppInfo, exportedAt: string): DossierFile {
  return { format: DOSSIER_FILE_FORMAT, version: DOSSIER_FILE_VERSION, exportedAt, app, dossier };
}

export function buildBackupFile(content: { dossiers: Dossier[]; snapshots: Snapshot[]; history: HistoryEntry[] }, app: AppInfo, createdAt: string): BackupFile {
  return { format: BACKUP_FILE_FORMAT, version: BACKUP_FILE_VERSION, createdAt, app, ...content };
}

/** File text as written to disk: pretty-printed (diffable, readable) with a final newline. */
export function serializeFile(file: DossierFile | BackupFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const MAX_SLUG = 100;

/** A safe file name from a title: ASCII letters, digits and dashes, cut at a word boundary to at most 100 characters. */
export function fileNameForDossier(dossier: Pick<Dossier, 'title'>): string {
  let slug = dossier.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    const cut = slug.slice(0, MAX_SLUG + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : slug.slice(0, MAX_SLUG);
  }
  return `${slug || 'dossier'}${DOSSIER_FILE_EXTENSION}`;
}

/** e.g. hta-workbench-backup-2026-11-28T12-30-00.htabackup.json */
export function fileNameForBackup(createdAt: string): string {
  const stamp = createdAt.replace(/\.\d+Z$/, 'Z').replace(/[:]/g, '-').replace(/Z$/, '');
  return `hta-workbench-backup-${stamp}${BACKUP_FILE_EXTENSION}`;
}

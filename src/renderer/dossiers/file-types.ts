import { MAX_BACKUP_FILE_BYTES, MAX_FILE_BYTES } from '../../dossier/limits';
import type { FileType } from '../platform/platform';

export const dossierFileTypes: FileType[] = [{ name: 'HTA dossier', extensions: ['htad.json', 'json'] }];
export const backupFileTypes: FileType[] = [{ name: 'HTA Workbench backup', extensions: ['htabackup.json', 'json'] }];
export const jsonMimeType = 'application/json';
export const maxImportBytes = MAX_FILE_BYTES;
// Backups hold every dossier and snapshot, so they may be larger than one dossier file.
export const maxBackupBytes = MAX_BACKUP_FILE_BYTES;

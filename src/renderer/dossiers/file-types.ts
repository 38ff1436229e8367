import { MAX_FILE_BYTES } from '../../dossier/limits';
import type { FileType } from '../platform/platform';

export const dossierFileTypes: FileType[] = [{ name: 'HTA dossier', extensions: ['htad.json', 'json'] }];
export const backupFileTypes: FileType[] = [{ name: 'HTA Workbench backup', extensions: ['htabackup.json', 'json'] }];
export const jsonMimeType = 'application/json';
export const maxImportBytes = MAX_FILE_BYTES;

import { fileNameForDossier } from '../../dossier/file-format';
import { DOSSIER_FILE_EXTENSION } from '../../dossier/file-format';

/** A safe file name without extension for a dossier title (same slug as the export file). */
export function fileNameStem(title: string): string {
  return fileNameForDossier({ title }).slice(0, -DOSSIER_FILE_EXTENSION.length);
}

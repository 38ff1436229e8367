// Names the workbench gives automatically are stored as English text in the workspace and in dossier and backup
// files (a version or snapshot "Before restoring “As published”", a safety backup's reason). Stored data and file
// formats stay as they are; screens show such a name in the display language when it has the automatic form. A name
// the user typed is shown as typed (only names flagged automatic are read; a quoted name inside is read in turn).
import type { Translate } from './i18n/translate';

const beforeRestoringQuoted = /^Before restoring “(.*)”$/su;
const beforeRestoringSafetyBackup = /^Before restoring the safety backup of (.+)$/su;
const beforeRestoringFile = /^Before restoring (.+)$/su;

/** The stored name of a model version set aside when two windows changed the model at once (the store writes it). */
export const CONFLICT_VERSION_NAME = 'Set aside when two windows changed the model';

function wordedName(name: string, t: Translate): string {
  if (name === CONFLICT_VERSION_NAME) return t('automaticName.setAsideInConflict');
  const quoted = beforeRestoringQuoted.exec(name);
  return quoted ? t('automaticName.beforeRestoring', { name: wordedName(quoted[1]!, t) }) : name;
}

/** A model version's or dossier snapshot's name as shown: automatic names in the display language. */
export function shownVersionName(version: { name: string; automatic?: boolean }, t: Translate): string {
  return version.automatic ? wordedName(version.name, t) : version.name;
}

/** A safety backup's reason as shown (every reason is the workbench's own; a file name in it stays as it is). */
export function shownSafetyBackupReason(reason: string, t: Translate): string {
  if (reason === 'Before restoring a backup') return t('automaticName.beforeRestoringBackup');
  const safety = beforeRestoringSafetyBackup.exec(reason);
  if (safety) return t('automaticName.beforeRestoringSafetyBackup', { made: safety[1]! });
  const file = beforeRestoringFile.exec(reason);
  return file ? t('automaticName.beforeRestoringFile', { file: file[1]! }) : reason;
}

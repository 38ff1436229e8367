// Names the workbench gives automatically are stored as English text in the workspace and in dossier and backup
// files (a version or snapshot "Before restoring “As published”", a safety backup's reason). Stored data and file
// formats stay as they are; screens show such a name in the display language when it has the automatic form. A name
// the user typed is shown as typed (only names flagged automatic are read; a quoted name inside is read in turn).
import type { Translate } from './i18n/translate';

/** The stored name of the snapshot kept when an imported file replaces a dossier. */
export const BEFORE_IMPORT_SNAPSHOT_NAME = 'Before replacing by an imported file';
const beforeRestoringQuoted = /^Before restoring “(.*)”$/su;
const beforeRestoringSafetyBackup = /^Before restoring the safety backup of (.+)$/su;
const beforeRestoringFile = /^Before restoring (.+)$/su;

/** The stored name of a model version set aside when two windows changed the model at once (the store writes it). */
export const CONFLICT_VERSION_NAME = 'Set aside when two windows changed the model';

/** The stored name of the automatic version or snapshot kept before restoring `restored`. */
export function beforeRestoringName(restored: { name: string }): string {
  return `Before restoring “${restored.name}”`;
}

/** The stored names of a model version and of a dossier snapshot saved without a name (shown in the display language). */
export const DEFAULT_VERSION_NAME = 'Version';
export const DEFAULT_SNAPSHOT_NAME = 'Snapshot';

/**
 * How a stored name says whether the user typed it. On a name the user saved: true (typed) or false (the default
 * given to one saved without a name). On an automatic "Before restoring “…”" name: the number of “…” levels down to
 * the name the user typed (1: the restored one's own name), false when none was; true (written on 2026-12-07
 * before levels were counted) means the name quoted deepest. Absent in data from before 2026-12-07.
 */
export type TypedName = boolean | number;

const isDefaultName = (name: string) => name === DEFAULT_VERSION_NAME || name === DEFAULT_SNAPSHOT_NAME;

/**
 * typedName of the automatic version or snapshot kept before restoring `restored`: the level of the typed name
 * inside it, so a typed name that itself reads "Before restoring “…”" is shown as typed, however often restored.
 */
export function restoreTypedName(restored: { name: string; automatic?: boolean; typedName?: TypedName | undefined }): TypedName {
  const { typedName } = restored;
  if (restored.automatic) return typeof typedName === 'number' ? typedName + 1 : typedName === true;
  if (typedName !== undefined) return typedName === true ? 1 : false;
  // Older data does not say: a name exactly the default reads as the default, any other the user typed.
  return isDefaultName(restored.name) ? false : 1;
}

/** `typed`: where in a "Before restoring “…”" chain the typed name sits (TypedName); that name stays as typed. */
function wordedName(name: string, t: Translate, typed: TypedName = false): string {
  const quoted = beforeRestoringQuoted.exec(name);
  if (quoted) {
    const inner = quoted[1]!;
    const innerTyped = typed === 1 || (typed === true && !beforeRestoringQuoted.test(inner));
    const innerShown = innerTyped ? inner : wordedName(inner, t, typeof typed === 'number' ? typed - 1 : typed);
    return t('automaticName.beforeRestoring', { name: innerShown });
  }
  if (name === BEFORE_IMPORT_SNAPSHOT_NAME) return t('automaticName.beforeImport');
  if (name === DEFAULT_VERSION_NAME) return t('automaticName.defaultVersion');
  if (name === DEFAULT_SNAPSHOT_NAME) return t('automaticName.defaultSnapshot');
  if (name === CONFLICT_VERSION_NAME) return t('automaticName.setAsideInConflict');
  return name;
}

/**
 * A model version's or dossier snapshot's name as shown: automatic names and the default name of one saved without
 * a name in the display language; a typed name as typed, even "Version" or "Snapshot" or one that reads like an
 * automatic name. Data from before 2026-12-07 does not say whether a name was typed: there a name exactly "Version"
 * or "Snapshot" reads as the default (it cannot be told apart, and both mean the same).
 */
export function shownVersionName(version: { name: string; automatic?: boolean; typedName?: TypedName | undefined }, t: Translate): string {
  if (version.automatic) return wordedName(version.name, t, version.typedName ?? false);
  if (version.typedName === true) return version.name;
  return isDefaultName(version.name) ? wordedName(version.name, t) : version.name;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/u;
// Before 2026-12-07 the time was stored as the browser's default-locale text; en-US text (the only one with AM/PM
// here) reads without doubt. Day/month order in other locales' text is ambiguous, so such text is shown as stored.
const usLocaleDateTime = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d{2}):(\d{2})\s?(AM|PM)$/u;

/** The instant in a safety backup's reason: an ISO time (stored since 2026-12-07) or older en-US text; null otherwise. */
export function storedBackupInstant(text: string): Date | null {
  if (isoInstant.test(text)) return new Date(text);
  const us = usLocaleDateTime.exec(text);
  if (!us) return null;
  const [, month, day, year, hour, minute, second, half] = us;
  const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  const date = new Date(Number(year), Number(month) - 1, Number(day), h, Number(minute), Number(second));
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(day) ? null : date;
}

/**
 * A safety backup's reason as shown (every reason is the workbench's own; a file name in it stays as it is).
 * `dateTime` words the time of a restored safety backup in the display language (the screen's date format).
 */
export function shownSafetyBackupReason(reason: string, t: Translate, dateTime?: (date: Date) => string): string {
  if (reason === 'Before restoring a backup') return t('automaticName.beforeRestoringBackup');
  const safety = beforeRestoringSafetyBackup.exec(reason);
  if (safety) {
    const instant = dateTime ? storedBackupInstant(safety[1]!) : null;
    return t('automaticName.beforeRestoringSafetyBackup', { made: instant ? dateTime!(instant) : safety[1]! });
  }
  const file = beforeRestoringFile.exec(reason);
  return file ? t('automaticName.beforeRestoringFile', { file: file[1]! }) : reason;
}

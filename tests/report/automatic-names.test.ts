// Names the workbench gives automatically are stored in English; screens show them in the display language, and a
// name the user typed as typed.
import { describe, expect, it } from 'vitest';
import { BEFORE_IMPORT_SNAPSHOT_NAME, beforeRestoringName, CONFLICT_VERSION_NAME, DEFAULT_SNAPSHOT_NAME, DEFAULT_VERSION_NAME, restoreTypedName, shownSafetyBackupReason, shownVersionName, storedBackupInstant } from '../../src/report/automatic-names';
import { translator } from '../../src/report/i18n/translate';

const en = translator('en');
const fr = translator('fr-BE');
const nl = translator('nl-BE');

describe('automatic names in the display language', () => {
  it('a version or snapshot saved without a name, also inside the name of one kept before restoring it', () => {
    expect(shownVersionName({ name: DEFAULT_VERSION_NAME, automatic: false }, en)).toBe('Version');
    expect(shownVersionName({ name: DEFAULT_VERSION_NAME, automatic: false }, nl)).toBe('Versie');
    expect(shownVersionName({ name: DEFAULT_SNAPSHOT_NAME, automatic: false }, fr)).toBe('Instantané');
    expect(shownVersionName({ name: DEFAULT_SNAPSHOT_NAME }, nl)).toBe('Momentopname');
    expect(shownVersionName({ name: `Before restoring “${DEFAULT_SNAPSHOT_NAME}”`, automatic: true }, fr)).toBe('Avant la restauration de « Instantané »');
    expect(shownVersionName({ name: 'Version 2', automatic: false }, nl)).toBe('Version 2');
  });

  it('a name typed exactly "Version" or "Snapshot" stays as typed; the default one saved without a name is translated', () => {
    expect(shownVersionName({ name: 'Version', automatic: false, typedName: true }, fr)).toBe('Version');
    expect(shownVersionName({ name: 'Snapshot', automatic: false, typedName: true }, nl)).toBe('Snapshot');
    expect(shownVersionName({ name: DEFAULT_VERSION_NAME, automatic: false, typedName: false }, nl)).toBe('Versie');
    expect(shownVersionName({ name: DEFAULT_SNAPSHOT_NAME, automatic: false, typedName: false }, fr)).toBe('Instantané');
    // Older data does not say: today's reading (the default) is kept.
    expect(shownVersionName({ name: DEFAULT_SNAPSHOT_NAME, automatic: false }, fr)).toBe('Instantané');
  });

  it('a version or snapshot kept before a restore (as the model store and the workspace name it)', () => {
    const kept = { name: 'Before restoring “As published”', automatic: true };
    expect(shownVersionName(kept, en)).toBe(kept.name);
    expect(shownVersionName(kept, fr)).toBe('Avant la restauration de « As published »');
    expect(shownVersionName(kept, nl)).toBe('Vóór het terugzetten van ‘As published’');
  });

  it('a restore of a version that was itself kept automatically: both levels worded; the user\'s name inside as typed', () => {
    const twice = { name: 'Before restoring “Before restoring “Scoping””', automatic: true };
    expect(shownVersionName(twice, en)).toBe(twice.name);
    expect(shownVersionName(twice, fr)).toBe('Avant la restauration de « Avant la restauration de « Scoping » »');
  });

  it('a restore of a version typed "Version": the name inside stays as typed, at any depth; untyped it is the default', () => {
    expect(shownVersionName({ name: 'Before restoring “Version”', automatic: true, typedName: true }, nl)).toBe('Vóór het terugzetten van ‘Version’');
    expect(shownVersionName({ name: 'Before restoring “Version”', automatic: true, typedName: false }, nl)).toBe('Vóór het terugzetten van ‘Versie’');
    expect(shownVersionName({ name: 'Before restoring “Before restoring “Snapshot””', automatic: true, typedName: true }, fr)).toBe('Avant la restauration de « Avant la restauration de « Snapshot » »');
  });

  it('a typed name that reads like an automatic one ("Before restoring “x”") stays as typed inside the ones kept when it is restored, at any depth', () => {
    const typed = { name: 'Before restoring “Draft”', automatic: false, typedName: true };
    expect(shownVersionName(typed, fr)).toBe('Before restoring “Draft”');
    // The chain the stores write: each restore keeps one automatically, named after the one restored.
    const keptOnce = { name: beforeRestoringName(typed), automatic: true, typedName: restoreTypedName(typed) };
    const keptTwice = { name: beforeRestoringName(keptOnce), automatic: true, typedName: restoreTypedName(keptOnce) };
    expect([keptOnce.typedName, keptTwice.typedName]).toEqual([1, 2]);
    expect(shownVersionName(keptOnce, fr)).toBe('Avant la restauration de « Before restoring “Draft” »');
    expect(shownVersionName(keptTwice, nl)).toBe('Vóór het terugzetten van ‘Vóór het terugzetten van ‘Before restoring “Draft”’’');
    expect(shownVersionName(keptTwice, en)).toBe(keptTwice.name);
    // Saved without a name, and older data that does not say (a name other than the default was typed).
    const unnamed = { name: DEFAULT_VERSION_NAME, automatic: false, typedName: false };
    expect(shownVersionName({ name: beforeRestoringName(unnamed), automatic: true, typedName: restoreTypedName(unnamed) }, nl)).toBe('Vóór het terugzetten van ‘Versie’');
    const older = { name: 'Before restoring “Draft”', automatic: false };
    expect(shownVersionName({ name: beforeRestoringName(older), automatic: true, typedName: restoreTypedName(older) }, nl)).toBe('Vóór het terugzetten van ‘Before restoring “Draft”’');
    expect(restoreTypedName({ name: DEFAULT_SNAPSHOT_NAME, automatic: false })).toBe(false);
  });

  it('the snapshot kept when an imported file replaces a dossier (in Recently deleted or not)', () => {
    const kept = { name: BEFORE_IMPORT_SNAPSHOT_NAME, automatic: true };
    expect(shownVersionName(kept, en)).toBe('Before replacing by an imported file');
    expect(shownVersionName(kept, fr)).toBe('Avant le remplacement par un fichier importé');
    expect(shownVersionName(kept, nl)).toBe('Vóór het vervangen door een geïmporteerd bestand');
    expect(shownVersionName({ ...kept, automatic: false }, fr)).toBe(BEFORE_IMPORT_SNAPSHOT_NAME);
  });

  it('a model version set aside in an edit conflict between two windows', () => {
    const setAside = { name: CONFLICT_VERSION_NAME, automatic: true };
    expect(shownVersionName(setAside, en)).toBe('Set aside when two windows changed the model');
    expect(shownVersionName(setAside, fr)).toBe('Mis de côté quand deux fenêtres ont modifié le modèle');
    expect(shownVersionName(setAside, nl)).toBe('Opzijgezet toen twee vensters het model wijzigden');
    expect(shownVersionName({ ...setAside, automatic: false }, fr)).toBe(CONFLICT_VERSION_NAME);
  });

  it('a name the user typed stays as typed, even in the automatic form; other automatic names too', () => {
    expect(shownVersionName({ name: 'Before restoring “X”', automatic: false }, fr)).toBe('Before restoring “X”');
    expect(shownVersionName({ name: 'Before restoring “X”' }, nl)).toBe('Before restoring “X”');
    expect(shownVersionName({ name: 'As published', automatic: true }, fr)).toBe('As published');
  });

  it('a safety backup\'s reason: a file, a backup, a safety backup (its date as stored)', () => {
    expect(shownSafetyBackupReason('Before restoring team.htabackup.json', en)).toBe('Before restoring team.htabackup.json');
    expect(shownSafetyBackupReason('Before restoring team.htabackup.json', fr)).toBe('Avant la restauration de team.htabackup.json');
    expect(shownSafetyBackupReason('Before restoring a backup', nl)).toBe('Vóór het terugzetten van een back-up');
    expect(shownSafetyBackupReason('Before restoring a backup', en)).toBe('Before restoring a backup');
    expect(shownSafetyBackupReason('Before restoring the safety backup of 12/6/2026, 10:00:00 PM', fr)).toBe('Avant la restauration de la sauvegarde de sécurité du 12/6/2026, 10:00:00 PM');
    expect(shownSafetyBackupReason('Imported by hand', fr)).toBe('Imported by hand');
  });

  it('a restored safety backup time in the display language format (ISO since 2026-12-07, en-US text before)', () => {
    const words = (locale: string) => (date: Date) => date.toLocaleString(locale, { timeZone: 'UTC' });
    expect(storedBackupInstant('2026-12-06T22:00:00.000Z')?.toISOString()).toBe('2026-12-06T22:00:00.000Z');
    expect(shownSafetyBackupReason('Before restoring the safety backup of 2026-12-06T22:00:00.000Z', fr, words('fr-BE'))).toBe('Avant la restauration de la sauvegarde de sécurité du 06/12/2026 22:00:00');
    expect(shownSafetyBackupReason('Before restoring the safety backup of 2026-12-06T22:00:00.000Z', nl, words('nl-BE'))).toBe('Vóór het terugzetten van de veiligheidsback-up van 6/12/2026, 22:00:00');
    // Older en-US text (local time, with the narrow space newer ICU writes before PM) reads as the same instant.
    const local = new Date(2026, 11, 6, 22, 0, 0);
    expect(storedBackupInstant('12/6/2026, 10:00:00\u202fPM')?.getTime()).toBe(local.getTime());
    expect(storedBackupInstant('12/6/2026, 12:05:00 AM')?.getTime()).toBe(new Date(2026, 11, 6, 0, 5, 0).getTime());
    // Day/month order of other locales' text is ambiguous: shown as stored, never misread.
    expect(storedBackupInstant('06/12/2026 22:00:00')).toBeNull();
    expect(storedBackupInstant('2/30/2026, 1:00:00 PM')).toBeNull();
    expect(shownSafetyBackupReason('Before restoring the safety backup of 06/12/2026 22:00:00', fr, words('fr-BE'))).toBe('Avant la restauration de la sauvegarde de sécurité du 06/12/2026 22:00:00');
  });
});

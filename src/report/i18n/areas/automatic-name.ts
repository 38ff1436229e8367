// Names the workbench gives automatically (a model version or dossier snapshot kept before a restore, the reason of a
// safety backup), shown in the display language (src/report/automatic-names.ts). They are stored in English; the
// English texts here are those stored texts, so English shows them unchanged.
import { areaCatalogue } from '../area';

export const automaticName = areaCatalogue({
  en: {
    'automaticName.beforeRestoring': 'Before restoring “{name}”',
    'automaticName.beforeRestoringBackup': 'Before restoring a backup',
    'automaticName.beforeRestoringSafetyBackup': 'Before restoring the safety backup of {made}',
    'automaticName.beforeRestoringFile': 'Before restoring {file}',
    'automaticName.beforeImport': 'Before replacing by an imported file',
    'automaticName.setAsideInConflict': 'Set aside when two windows changed the model',
    'automaticName.defaultVersion': 'Version',
    'automaticName.defaultSnapshot': 'Snapshot',
  },
  fr: {
    'automaticName.beforeRestoring': 'Avant la restauration de « {name} »',
    'automaticName.beforeRestoringBackup': 'Avant la restauration d’une sauvegarde',
    'automaticName.beforeRestoringSafetyBackup': 'Avant la restauration de la sauvegarde de sécurité du {made}',
    'automaticName.beforeRestoringFile': 'Avant la restauration de {file}',
    'automaticName.beforeImport': 'Avant le remplacement par un fichier importé',
    'automaticName.setAsideInConflict': 'Mis de côté quand deux fenêtres ont modifié le modèle',
    'automaticName.defaultVersion': 'Version',
    'automaticName.defaultSnapshot': 'Instantané',
  },
  nl: {
    'automaticName.beforeRestoring': 'Vóór het terugzetten van ‘{name}’',
    'automaticName.beforeRestoringBackup': 'Vóór het terugzetten van een back-up',
    'automaticName.beforeRestoringSafetyBackup': 'Vóór het terugzetten van de veiligheidsback-up van {made}',
    'automaticName.beforeRestoringFile': 'Vóór het terugzetten van {file}',
    'automaticName.beforeImport': 'Vóór het vervangen door een geïmporteerd bestand',
    'automaticName.setAsideInConflict': 'Opzijgezet toen twee vensters het model wijzigden',
    'automaticName.defaultVersion': 'Versie',
    'automaticName.defaultSnapshot': 'Momentopname',
  },
});

// The bundled example as a dossier file (resources/examples/liquid-biopsy-nsclc.htad.json): the same dossier the
// app seeds, its model link pointing at the linked model carried inside the file. Written by `npm run examples`
// (scripts/generate-examples.ts); a test rebuilds it and compares, so the file cannot drift from its sources.
import type { AppInfo } from '../app-info';
import { buildDossierFile } from '../file-format';
import type { DossierFile } from '../file-format';
import type { ModelBundle, ModelDocument } from '../workspace-models';
import { exampleDossier } from './liquid-biopsy-nsclc';

/** Workspace id of the example's model inside the file. */
export const EXAMPLE_MODEL_ID = 'example-liquid-biopsy-nsclc-model';
/** The bundled model file the example links to. */
export const EXAMPLE_MODEL_FILE = 'liquid-biopsy-nsclc.json';
export const EXAMPLE_DOSSIER_FILE = 'liquid-biopsy-nsclc.htad.json';

/** The file, from the model document (the JSON of resources/examples/liquid-biopsy-nsclc.json). */
export function exampleDossierFile(modelDocument: ModelDocument, app: AppInfo): DossierFile {
  const dossier = exampleDossier();
  const at = dossier.updatedAt;
  dossier.modelLinks = dossier.modelLinks.map((link) => (link.ref.endsWith(EXAMPLE_MODEL_FILE) ? { ...link, modelId: EXAMPLE_MODEL_ID } : link));
  const title = typeof (modelDocument.metadata as { title?: unknown } | undefined)?.title === 'string' ? ((modelDocument.metadata as { title: string }).title) : EXAMPLE_MODEL_FILE;
  const bundle: ModelBundle = {
    model: { id: EXAMPLE_MODEL_ID, title, createdAt: at, updatedAt: at, origin: { kind: 'example', ref: EXAMPLE_MODEL_FILE }, document: modelDocument },
    versions: [],
    history: [],
    runs: [],
  };
  return buildDossierFile(dossier, app, at, [bundle]);
}

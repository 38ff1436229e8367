// The example files generated from sources (shared by `npm run examples` and the staleness test).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appInfo } from '../src/dossier/app-info';
import { EXAMPLE_DOSSIER_FILE, EXAMPLE_MODEL_FILE, exampleDossierFile } from '../src/dossier/examples/example-dossier-file';
import { serializeFile } from '../src/dossier/file-format';
import type { ModelDocument } from '../src/dossier/workspace-models';

export const examplesDir = resolve(__dirname, '..', 'resources', 'examples');

export interface GeneratedFile {
  fileName: string;
  content: string;
}

export function generatedExampleFiles(): GeneratedFile[] {
  const model = JSON.parse(readFileSync(resolve(examplesDir, EXAMPLE_MODEL_FILE), 'utf8')) as ModelDocument;
  return [{ fileName: EXAMPLE_DOSSIER_FILE, content: serializeFile(exampleDossierFile(model, appInfo)) }];
}

// Every JSON Schema the project ships: add one entry per file format (add an import and a line; keep it sorted).
import { z } from 'zod';
import { dossierFileSchema } from '../src/dossier/file-format';
import { buildModelJsonSchema } from '../src/engine/model/schema';
export interface SchemaFile {
  fileName: string;
  build: () => unknown;
}

export const schemaFiles: SchemaFile[] = [
  { fileName: 'hta-dossier.schema.json', build: () => z.toJSONSchema(dossierFileSchema, { io: 'input', target: 'draft-2020-12' }) },
  { fileName: 'hta-model.schema.json', build: buildModelJsonSchema },
];

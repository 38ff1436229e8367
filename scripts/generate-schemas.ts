// Writes the JSON Schemas shipped in resources/schema/ from the zod schemas (one source of truth).
// `npm run schema` rewrites them; tests/schema-files.test.ts fails when a committed file is stale.
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { schemaFiles } from './schema-registry';

const outDir = resolve(__dirname, '..', 'resources', 'schema');
mkdirSync(outDir, { recursive: true });
for (const entry of schemaFiles) {
  writeFileSync(resolve(outDir, entry.fileName), `${JSON.stringify(entry.build(), null, 2)}\n`);
  console.log(`wrote resources/schema/${entry.fileName}`);
}

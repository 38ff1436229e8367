// Writes the example files generated from sources: resources/examples/liquid-biopsy-nsclc.htad.json, the bundled
// example dossier with its linked model inside. `npm run examples` rewrites it; tests/dossier/example-file.test.ts
// fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { examplesDir, generatedExampleFiles } from './example-files';

for (const file of generatedExampleFiles()) {
  writeFileSync(resolve(examplesDir, file.fileName), file.content);
  console.log(`wrote resources/examples/${file.fileName}`);
}

// Writes resources/examples/liquid-biopsy-nsclc.json from its source (build-model.ts):
//   npx tsx scripts/liquid-biopsy-example/write-model.ts
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildLiquidBiopsyModel, LIQUID_BIOPSY_MODEL_FILE } from './build-model';

const file = resolve(__dirname, '..', '..', LIQUID_BIOPSY_MODEL_FILE);
writeFileSync(file, `${JSON.stringify(buildLiquidBiopsyModel(), null, 2)}\n`);
console.log(`wrote ${LIQUID_BIOPSY_MODEL_FILE}`);

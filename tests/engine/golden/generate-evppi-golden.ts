// Writes tests/fixtures/evppi-golden.json from the EVPPI code as it is now: run it once before a speed change of
// the regression EVPPI (`npx tsx tests/engine/golden/generate-evppi-golden.ts "<note>"`), never to make a failing
// test pass. tests/engine/uncertainty/evppi-bit-identity.test.ts compares against it.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evppiAcrossThresholds } from '../../../src/engine/uncertainty/evppi';
import { evppiGoldenCases } from './evppi-golden-cases';

const note = process.argv[2];
if (!note) throw new Error('give a note: which code (commit) made these values');
const cases = Object.fromEntries(
  evppiGoldenCases().map((c) => [c.name, evppiAcrossThresholds(c.results, c.parameters, c.groups, c.wtps, { seDraws: c.seDraws, seed: c.seed })]),
);
writeFileSync(resolve(__dirname, '..', '..', 'fixtures', 'evppi-golden.json'), `${JSON.stringify({ note, cases }, null, 1)}\n`);

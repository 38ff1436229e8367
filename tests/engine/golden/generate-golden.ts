// Writes tests/fixtures/perf-golden.json from the engine as it is now: run it once on the engine before a speed
// change (`npx tsx tests/engine/golden/generate-golden.ts "<note>"`), never to make a failing bit-identity test
// pass. tests/engine/perf-bit-identity.test.ts compares the engine against it.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GOLDEN_DRAWS, GOLDEN_SEED, goldenCase, goldenModels, goldenRecord } from './result-fingerprint';
import type { GoldenFixture } from './result-fingerprint';

const note = process.argv[2];
if (!note) throw new Error('give a note: which engine (commit) made these values');
const fixture: GoldenFixture = { note, draws: GOLDEN_DRAWS, seed: GOLDEN_SEED, models: {} };
for (const [name, json, draws] of goldenModels()) {
  const c = goldenCase(name, json, draws);
  const out = c.compiled.createResult();
  let hashes = '';
  const errors: Record<string, string> = {};
  for (let d = 0; d < draws; d++) {
    const r = goldenRecord(c.compiled, c.params(d), out);
    hashes += r.hash;
    if (r.error) errors[d] = r.error;
  }
  const base = c.compiled.evaluate(c.compiled.baseParameters());
  fixture.models[name] = { draws, kind: c.kind, drawsHash: c.drawsHash, hashes, errors, baseTotals: base.strategies.map((s) => ({ ...s.totals })) };
  console.log(`${name}: ${c.kind}, ${Object.keys(errors).length} failing draws`);
}
writeFileSync(resolve(__dirname, '..', '..', 'fixtures', 'perf-golden.json'), `${JSON.stringify(fixture, null, 1)}\n`);

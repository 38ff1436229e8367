// `npm run bench`: speed of the engine core (not a test; timings on a shared machine are noisy, so each figure
// is the median of several rounds after a warm-up).
import { runMarkovBench } from './markov-bench';
import type { BenchLine } from './markov-bench';
import { runUncertaintyBench } from './uncertainty';
import { runPsaBench } from './psa';
import { runLibrarySearchBench } from './library-search';
import { runSurvivalBench } from './survival-fit';
import { runSpeedRows } from './speed-rows';

function print(lines: BenchLine[]): void {
  for (const l of lines) {
    const v = l.value >= 100 ? Math.round(l.value).toLocaleString('en-US') : l.value.toPrecision(3);
    console.log(`${l.name}: ${v} ${l.unit}`);
  }
}

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
console.log('\n== Issue 16: where users wait (HTA_BENCH_BASELINE=<checkout of the engine before> adds a before column) ==');
runSpeedRows();
console.log('\n== Markov engine ==');
print(runMarkovBench());
console.log('\n== Uncertainty core ==');
print(runUncertaintyBench());
console.log('\n== Survival fits (median of 21 rounds) ==');
print(runSurvivalBench());
// Asynchronous (worker threads): last.
void runPsaBench()
  .then((lines) => {
    console.log('\n== Probabilistic analysis (sampling + evaluation per draw) ==');
    print(lines);
    return runLibrarySearchBench();
  })
  .then((lines) => {
    console.log('\n== Dossier library search, 2,000 dossiers (in the browser: npx playwright test --config bench/playwright.bench.config.ts) ==');
    print(lines);
  });

// Fit times of the survival tools (not a test): each family on the two reference data sets and on a simulated trial
// of 1,000 patients, and a Guyot reconstruction; medians of 21 rounds after a warm-up.
// bench/run.ts calls runSurvivalBench(); `npx tsx bench/survival-fit.ts` runs it alone.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIT_DISTRIBUTIONS } from '../src/engine/survival-fit/distributions';
import { fitDistribution } from '../src/engine/survival-fit/fit';
import { kaplanMeier, numbersAtRisk } from '../src/engine/survival-fit/kaplan-meier';
import { readSurvivalCsv } from '../src/engine/survival-fit/read-survival-csv';
import { reconstructIpd } from '../src/engine/survival-fit/reconstruct-ipd';
import { survivalData } from '../src/engine/survival-fit/survival-data';
import type { SurvivalData } from '../src/engine/survival-fit/survival-data';
import type { BenchLine } from './markov-bench';

function medianMs(rounds: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)]!;
}

function simulated(n: number): SurvivalData {
  let seed = 7;
  const u = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = 20 * (-Math.log(u())) ** (1 / 1.3);
    const c = Math.min(60 * u(), 36);
    time.push(Math.max(Math.min(t, c), 1e-3));
    event.push(t <= c ? 1 : 0);
  }
  return survivalData(time, event);
}

export function runSurvivalBench(): BenchLine[] {
  const fixtures = resolve(__dirname, '../tests/fixtures/survival');
  const sets: [string, SurvivalData][] = [
    ['ovarian (n 26)', readSurvivalCsv(readFileSync(resolve(fixtures, 'ovarian_ipd.csv'), 'utf8')).data],
    ['aml (n 23)', readSurvivalCsv(readFileSync(resolve(fixtures, 'aml_ipd.csv'), 'utf8')).data],
    ['simulated (n 1000)', simulated(1000)],
  ];
  const lines: BenchLine[] = [];
  for (const [name, data] of sets) {
    for (const dist of FIT_DISTRIBUTIONS) lines.push({ name: `fit ${dist}, ${name}`, value: medianMs(21, () => fitDistribution(dist, data)), unit: 'ms' });
  }
  const truth = kaplanMeier(sets[2]![1]);
  const curve = { time: truth.time, survival: truth.survival };
  const times = [0, 6, 12, 18, 24, 30];
  const table = { time: times, nRisk: numbersAtRisk(truth, times) };
  lines.push({ name: `Guyot reconstruction, 1000 patients (${curve.time.length} points)`, value: medianMs(21, () => reconstructIpd(curve, table)), unit: 'ms' });
  return lines;
}

if (require.main === module) {
  for (const l of runSurvivalBench()) console.log(`${l.name}: ${l.value.toPrecision(3)} ${l.unit}`);
}

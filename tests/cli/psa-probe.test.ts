// The probe that plans a PSA run (how many worker threads are worth starting) reads CPU time: with a scripted
// clock, it takes the fastest round (cold first rounds are many times slower than warm ones) and stops within
// its budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { coresWorthUsing } from '../../src/engine/psa/psa-run';
import { secondsPerDraw } from '../../src/cli/commands/psa-command';

const setup = createPsaSetup(parseModel(JSON.parse(readFileSync(resolve(__dirname, '../../resources/examples/hiv-chancellor-1997.json'), 'utf8'))), 1);

/** A CPU clock whose rounds (two readings each) last the given seconds; counts its readings. */
function scriptedClock(rounds: number[]): { clock: () => number; readings: () => number } {
  let now = 0;
  let reads = 0;
  return {
    clock: () => {
      const round = Math.floor(reads / 2);
      if (reads % 2 === 1) now += rounds[round] ?? 0.01;
      reads++;
      return now;
    },
    readings: () => reads,
  };
}

describe('PSA planning probe', () => {
  it('takes the fastest round of 32 draws: a cold start does not start a worker for a short run', () => {
    // Cold rounds of 200 µs a draw, then warm ones of 10 µs.
    const { clock } = scriptedClock([0.0064, 0.0064, 0.0032, 0.00032, 0.00032, 0.00032]);
    const perDraw = secondsPerDraw(setup, clock);
    expect(perDraw).toBeCloseTo(0.00032 / 32, 15);
    // 10,000 draws at 10 µs: 0.1 s, shorter than a worker's start-up: one thread.
    expect(coresWorthUsing(perDraw, 10000, 2)).toBe(1);
    // The first round alone would have asked for both.
    expect(coresWorthUsing(0.0064 / 32, 10000, 2)).toBe(2);
  });

  it('runs at least 3 rounds, more only while it has cost under 20 ms, and at most 16', () => {
    const slow = scriptedClock(Array(16).fill(0.01));
    secondsPerDraw(setup, slow.clock);
    expect(slow.readings()).toBe(2 * 3);
    const cheap = scriptedClock(Array(20).fill(0.0001));
    secondsPerDraw(setup, cheap.clock);
    expect(cheap.readings()).toBe(2 * 16);
  });
});

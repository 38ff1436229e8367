// Guyot reconstruction: a round trip from simulated patients through a digitised KM curve and a risk table back to
// patients, and the algorithm's checks of its input.
import { describe, expect, it } from 'vitest';
import { fitDistribution } from '../../../src/engine/survival-fit/fit';
import { kaplanMeier, kmSurvivalAt, numbersAtRisk } from '../../../src/engine/survival-fit/kaplan-meier';
import type { KaplanMeier } from '../../../src/engine/survival-fit/kaplan-meier';
import { ReconstructionError, reconstructIpd } from '../../../src/engine/survival-fit/reconstruct-ipd';
import { survivalData } from '../../../src/engine/survival-fit/survival-data';
import type { SurvivalData } from '../../../src/engine/survival-fit/survival-data';
import { mulberry32 } from '../../seeded-random';

/** Uniforms in [0, 1) from mulberry32, so the simulated trial is the same on every run. */
function uniforms(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}

/** n patients with Weibull(shape, scale) event times, uniform drop-out over (0, dropout) and follow-up ending at `end`. */
function simulateTrial(n: number, shape: number, scale: number, dropout: number, end: number, seed: number): SurvivalData {
  const u = uniforms(seed);
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = scale * (-Math.log(1 - u())) ** (1 / shape);
    const c = Math.min(dropout * u(), end);
    time.push(Math.max(Math.min(t, c), 1e-3));
    event.push(t <= c ? 1 : 0);
  }
  return survivalData(time, event);
}

/** What a digitiser returns: both corners of every drop, times to `dt` and survival to `ds`. */
function digitise(km: KaplanMeier, dt: number, ds: number): { time: number[]; survival: number[] } {
  const time: number[] = [];
  const survival: number[] = [];
  let previous = 1;
  km.time.forEach((t, i) => {
    if (km.nEvent[i] === 0) return;
    const rt = Math.round(t / dt) * dt;
    time.push(rt, rt);
    survival.push(Math.round(previous / ds) * ds, Math.round(km.survival[i]! / ds) * ds);
    previous = km.survival[i]!;
  });
  const last = km.time[km.time.length - 1]!;
  time.push(Math.round(last / dt) * dt);
  survival.push(Math.round(previous / ds) * ds);
  return { time, survival };
}

/** Largest |S1(t) - S2(t)| over every jump of either step function. */
function maxKmDistance(a: KaplanMeier, b: KaplanMeier, until: number): number {
  const times = [...new Set([...a.time, ...b.time, 0])].filter((t) => t <= until).sort((x, y) => x - y);
  return Math.max(...times.map((t) => Math.abs(kmSurvivalAt(a, t) - kmSurvivalAt(b, t))));
}

describe('Guyot reconstruction round trip', () => {
  // Digitised at 0.05 months and 0.001 survival; three simulated trials per design.
  const designs = [
    { name: 'Weibull shape 1.3, 300 patients, risk table every 6 months', n: 300, shape: 1.3, scale: 20, every: 6, withEvents: false },
    { name: 'the same with the total number of events', n: 300, shape: 1.3, scale: 20, every: 6, withEvents: true },
    { name: 'Weibull shape 0.8, 250 patients, every 3 months, total events', n: 250, shape: 0.8, scale: 30, every: 3, withEvents: true },
    { name: 'Weibull shape 1.5, 400 patients, every 3 months', n: 400, shape: 1.5, scale: 12, every: 3, withEvents: false },
  ];
  const cases = designs.flatMap((d) => [1, 2, 3].map((seed) => ({ ...d, seed, name: `${d.name} (seed ${seed})` })));
  for (const c of cases) {
    it(`${c.name}: KM within 0.02 everywhere, Weibull refit within 3 %`, () => {
      const truth = simulateTrial(c.n, c.shape, c.scale, 80, 36, c.seed);
      const trueKm = kaplanMeier(truth);
      const curve = digitise(trueKm, 0.05, 0.001);
      const riskTimes = Array.from({ length: Math.floor(36 / c.every) }, (_, i) => i * c.every);
      const riskTable = { time: riskTimes, nRisk: numbersAtRisk(trueKm, riskTimes) };
      const totalEvents = c.withEvents ? truth.event.reduce((a, b) => a + b, 0) : undefined;

      const rebuilt = reconstructIpd(curve, riskTable, totalEvents);
      expect(rebuilt.data.time.length).toBe(c.n);
      const rebuiltKm = kaplanMeier(rebuilt.data);
      expect(maxKmDistance(trueKm, rebuiltKm, 36)).toBeLessThan(0.02);
      // The check the tool reports: the rebuilt KM at the digitised points.
      expect(rebuilt.check.maxDifference).toBeLessThan(0.02);
      // Guyot matches the number at risk at the first digitised point after each risk time; censorings placed at
      // the midpoint of the gap around a risk time can count on the other side of it (3 patients at most here).
      rebuilt.check.atRisk.forEach((row) => expect(Math.abs(row.reconstructed - row.published)).toBeLessThanOrEqual(3));
      if (totalEvents !== undefined) expect(rebuilt.check.events).toBe(totalEvents);

      const trueFit = fitDistribution('weibull', truth);
      const rebuiltFit = fitDistribution('weibull', rebuilt.data);
      for (const name of ['shape', 'scale']) {
        expect(Math.abs(rebuiltFit.parameters[name]! / trueFit.parameters[name]! - 1), name).toBeLessThan(0.03);
      }
    });
  }
});

describe('reconstruction input checks', () => {
  const curve = { time: [0, 1, 2, 3, 4], survival: [1, 0.9, 0.8, 0.7, 0.6] };
  it('needs the number at risk at time 0', () => {
    expect(() => reconstructIpd(curve, { time: [1, 2], nRisk: [10, 8] })).toThrow(ReconstructionError);
    expect(() => reconstructIpd(curve, { time: [1, 2], nRisk: [10, 8] })).toThrow(/start at time 0/);
  });
  it('rejects a number at risk that grows', () => {
    expect(() => reconstructIpd(curve, { time: [0, 2], nRisk: [10, 12] })).toThrow(/more than 10 before/);
  });
  it('adds the flat value at a risk time with no digitised point up to the next one, and says so', () => {
    const sparse = { time: [0, 1, 4], survival: [1, 0.9, 0.6] };
    const r = reconstructIpd(sparse, { time: [0, 2, 3], nRisk: [10, 9, 8] });
    expect(r.notes.join(' ')).toMatch(/1 risk-table time\(s\) had no digitised point/);
    expect(r.check.points.map((p) => p.time)).toEqual([1, 2, 4]);
    expect(r.check.points[1]!.digitised).toBe(0.9);
  });
  it('reads percentages and lowers points that rise, and says so', () => {
    const r = reconstructIpd({ time: [0, 1, 2, 3], survival: [100, 90, 92, 70] }, { time: [0], nRisk: [20] });
    expect(r.notes.join(' ')).toMatch(/percentages/);
    expect(r.notes.join(' ')).toMatch(/1 digitised point\(s\) rose/);
    expect(r.data.time.length).toBe(20);
  });
  it('rejects a total of events above the number of patients', () => {
    expect(() => reconstructIpd(curve, { time: [0], nRisk: [10] }, 11)).toThrow(/from 0 to 10/);
  });
});

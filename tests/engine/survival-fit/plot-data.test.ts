// What the Survival screen plots: KM steps and band beside the fitted curves, hazards, log cumulative hazard,
// numbers at risk at round times.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitSurvivalData } from '../../../src/engine/survival-fit/fit-all';
import { niceStep, survivalPlotData } from '../../../src/engine/survival-fit/plot-data';
import { readSurvivalCsv } from '../../../src/engine/survival-fit/read-survival-csv';

const ovarian = readSurvivalCsv(readFileSync(resolve(__dirname, '../../fixtures/survival/ovarian_ipd.csv'), 'utf8')).data;
const analysis = fitSurvivalData(ovarian, ['exponential', 'weibull']);
const plot = survivalPlotData(ovarian, analysis.km, analysis.fits, 3000);

describe('survival plot data', () => {
  it('KM rows carry the value after each step, with its band, and stop at the last follow-up', () => {
    const at = (t: number) => plot.survival.find((r) => r.t === t)!;
    expect(at(59).km).toBeCloseTo(25 / 26, 14);
    expect(at(59).kmBand).toEqual([analysis.km.lower[0], analysis.km.upper[0]]);
    expect(at(0).km).toBe(1);
    expect(plot.survival.filter((r) => (r.t as number) > 1227).every((r) => r.km === null && r.kmBand === null)).toBe(true);
    const ts = plot.survival.map((r) => r.t as number);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(ts[ts.length - 1]).toBe(3000);
  });

  it('fitted curves start at 1 and follow the fitted S(t) to the horizon', () => {
    const rate = analysis.fits[0]!.parameters.rate!;
    expect(plot.survival[0]!.exponential).toBe(1);
    for (const r of plot.survival.filter((x) => (x.t as number) > 0)) expect(r.exponential).toBeCloseTo(Math.exp(-rate * (r.t as number)), 12);
  });

  it('hazards: the exponential is flat at its rate; the observed hazard is events / person-time per interval', () => {
    const rate = analysis.fits[0]!.parameters.rate!;
    expect(plot.hazard.every((r) => Math.abs((r.exponential as number) - rate) < 1e-12)).toBe(true);
    // 12 events -> 4 intervals of 1227 / 4; the first holds one event (59) with exposure 26 * 306.75 - (306.75 - 59) - (306.75 - 115) - ...
    const width = 1227 / 4;
    const first = ovarian.time.reduce((acc, t) => acc + Math.min(t, width), 0);
    const events = Array.from(ovarian.time).filter((t, i) => t <= width && ovarian.event[i]).length;
    expect(plot.hazard[0]!.empirical).toBeCloseTo(events / first, 12);
  });

  it('log cumulative hazard: KM points at event times, the Weibull a straight line in log time', () => {
    const points = plot.logCumulativeHazard.filter((r) => r.km !== null);
    expect(points).toHaveLength(12);
    const { shape, scale } = analysis.fits[1]!.parameters;
    for (const r of plot.logCumulativeHazard) expect(r.weibull).toBeCloseTo(shape! * ((r.logT as number) - Math.log(scale!)), 9);
  });

  it('numbers at risk at round times', () => {
    expect(niceStep(1227)).toBe(250);
    expect(niceStep(161)).toBe(50);
    expect(niceStep(36)).toBe(10);
    expect(niceStep(120)).toBe(20);
    expect(plot.atRisk).toEqual({ time: [0, 250, 500, 750, 1000], nRisk: [26, 23, 12, 9, 5] });
  });
});

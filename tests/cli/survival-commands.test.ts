// `hta fit` and `hta reconstruct`: the JSON contract of the issue, the reference fits through the command line,
// the written patient data, and exit 1 / 2 with located messages.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';

const { dir, write } = scratchFiles('survival');
const FIXTURES = resolve(__dirname, '../fixtures/survival');
const reference = JSON.parse(readFileSync(resolve(FIXTURES, 'survival_fits.json'), 'utf8')) as {
  datasets: { aml: { fits: { weibull: { params: Record<string, number>; aic: number; logLik: number }; lognormal: { aic: number } }; km: { time: number[] } } };
};

const hta = runHta;

describe('hta fit', () => {
  it('--json prints {"fits":[{distribution, parameters, logLik, aic, bic, covariance, median, rmst}], "km":{…}} matching R', async () => {
    const { code, out } = await hta('fit', resolve(FIXTURES, 'aml_ipd.csv'), '--dist', 'weibull,lnorm', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.fits.map((f: { distribution: string }) => f.distribution)).toEqual(['weibull', 'log-normal']);
    const w = json.fits[0];
    for (const key of ['distribution', 'parameters', 'logLik', 'aic', 'bic', 'covariance', 'median', 'rmst']) expect(w).toHaveProperty(key);
    const ref = reference.datasets.aml.fits.weibull;
    expect(w.parameters.shape).toBeCloseTo(ref.params.shape!, 6);
    expect(w.parameters.scale / ref.params.scale! - 1).toBeLessThan(1e-6);
    expect(w.aic).toBeCloseTo(ref.aic, 6);
    expect(w.covariance).toHaveLength(2);
    expect(w.median).toEqual({ estimate: expect.any(Number), lower: expect.any(Number), upper: expect.any(Number) });
    expect(w.rmst.horizon).toBe(161);
    // The log-normal has the lower AIC of the two.
    expect(json.fits[1].aicRank).toBe(1);
    expect(json.fits[1].aic).toBeCloseTo(reference.datasets.aml.fits.lognormal.aic, 6);
    expect(json.km.time).toEqual(reference.datasets.aml.km.time);
    expect(json.km).toHaveProperty('nRisk');
    expect(json.data).toMatchObject({ n: 23, events: 18 });
  });

  it('prints a table ranked by AIC with the Kaplan–Meier median', async () => {
    const { code, out } = await hta('fit', resolve(FIXTURES, 'ovarian_ipd.csv'));
    expect(code).toBe(0);
    expect(out).toMatch(/26 patients, 12 events, follow-up to 1227; Kaplan–Meier median 638/);
    for (const label of ['Exponential', 'Weibull', 'Gompertz', 'Log-logistic', 'Log-normal', 'Generalised gamma']) expect(out).toContain(label);
  });

  it('reads other column names, one arm and a horizon', async () => {
    const file = write('arms.csv', 'months;died;arm\n1;1;A\n2;0;B\n3;1;A\n5;1;A\n7;0;A\n4;1;B\n');
    const { code, out } = await hta('fit', file, '--time', 'months', '--event', 'died', '--arm', 'arm=A', '--dist', 'exp', '--horizon', '6', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.data).toMatchObject({ n: 4, events: 3 });
    expect(json.fits[0].parameters.rate).toBeCloseTo(3 / 16, 12);
    expect(json.fits[0].rmst.horizon).toBe(6);
  });

  it('exit 1 with the file, line and column of bad data; exit 2 for usage errors', async () => {
    const bad = await hta('fit', write('bad.csv', 'time,event\n1,1\n2,yes\n'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.csv: line 3, column "event": "yes" is not a number/);
    const none = await hta('fit', write('none.csv', 'time,event\n1,0\n2,0\n'));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no events/);
    expect((await hta('fit', resolve(FIXTURES, 'aml_ipd.csv'), '--dist', 'weibul')).code).toBe(2);
    expect((await hta('fit', join(dir, 'missing.csv'))).err).toMatch(/cannot read .*missing\.csv: ENOENT/);
    expect((await hta('fit', resolve(FIXTURES, 'aml_ipd.csv'), '--arm', 'A')).code).toBe(2);
  });
});

describe('hta reconstruct', () => {
  const curve = write('km.csv', '0,1\n1,0.9\n2,0.8\n3,0.7\n4,0.65\n5,0.6\n6,0.5\n');
  const atRisk = write('atrisk.csv', 'time,n_risk\n0,50\n3,32\n');

  it('writes time,event patient data whose KM follows the digitised curve, and reports the check', async () => {
    const out = join(dir, 'ipd.csv');
    const { code, out: text } = await hta('reconstruct', curve, '--at-risk', atRisk, '--events', '20', '--out', out, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(text);
    expect(report.n).toBe(50);
    expect(report.check.events).toBe(20);
    expect(report.check.maxDifference).toBeLessThan(0.02);
    expect(report.check.atRisk).toEqual([
      { time: 0, published: 50, reconstructed: 50 },
      { time: 3, published: 32, reconstructed: 32 },
    ]);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('time,event');
    expect(rows).toHaveLength(51);
    // The written file fits like any other.
    expect((await hta('fit', out, '--dist', 'weibull')).code).toBe(0);
  });

  it('exit 1 naming the input at fault; exit 2 without --at-risk or --out', async () => {
    const late = write('late.csv', 'time,n_risk\n1,50\n');
    const r = await hta('reconstruct', curve, '--at-risk', late, '--out', join(dir, 'x.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/km\.csv with .*late\.csv: the risk table must start at time 0/);
    const badCurve = await hta('reconstruct', write('badkm.csv', 'time,survival\n0,1\n1,abc\n'), '--at-risk', atRisk, '--out', join(dir, 'y.csv'));
    expect(badCurve.code).toBe(1);
    expect(badCurve.err).toMatch(/badkm\.csv: line 3, column "survival": "abc" is not a number/);
    expect((await hta('reconstruct', curve, '--out', join(dir, 'z.csv'))).code).toBe(2);
    expect((await hta('reconstruct', curve, '--at-risk', atRisk)).err).toMatch(/--out <ipd.csv> is required/);
    expect((await hta('reconstruct', curve, '--at-risk', atRisk, '--out', join(dir, 'w.csv'), '--events', '-1')).code).toBe(2);
  });
});

// Fit summaries checked by hand for the exponential (closed forms), error paths, and the CSV reader.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../../src/engine/survival-fit/csv-table';
import { SurvivalFitError, fitDistribution, medianOf, restrictedMean } from '../../../src/engine/survival-fit/fit';
import { readSurvivalCsv } from '../../../src/engine/survival-fit/read-survival-csv';
import { SurvivalDataError, survivalData } from '../../../src/engine/survival-fit/survival-data';

const ovarian = readSurvivalCsv(readFileSync(resolve(__dirname, '../../fixtures/survival/ovarian_ipd.csv'), 'utf8')).data;
const z = 1.959963984540054;

describe('exponential fit by hand', () => {
  const events = ovarian.event.reduce((a, b) => a + b, 0);
  const exposure = ovarian.time.reduce((a, b) => a + b, 0);
  const rate = events / exposure;
  const fit = fitDistribution('exponential', ovarian);

  it('rate = events / total time; var(log rate) = 1 / events', () => {
    expect(fit.parameters.rate).toBeCloseTo(rate, 15);
    expect(fit.covariance![0]![0]).toBeCloseTo(1 / events, 9);
    expect(fit.logLik).toBeCloseTo(events * Math.log(rate) - rate * exposure, 10);
  });

  it('median ln2 / rate with limits median exp(±z / sqrt(events))', () => {
    const median = Math.LN2 / rate;
    expect(fit.median!.estimate).toBeCloseTo(median, 9);
    expect(fit.median!.lower).toBeCloseTo(median * Math.exp(-z / Math.sqrt(events)), 6);
    expect(fit.median!.upper).toBeCloseTo(median * Math.exp(z / Math.sqrt(events)), 6);
  });

  it('restricted mean (1 - e^(-rate tau)) / rate, limits by the delta method on the log scale', () => {
    const tau = 1227;
    const rmst = -Math.expm1(-rate * tau) / rate;
    expect(fit.rmst.horizon).toBe(tau);
    expect(fit.rmst.estimate).toBeCloseTo(rmst, 9);
    // d log RMST / d log rate = rate tau e^(-rate tau) / (1 - e^(-rate tau)) - 1
    const slope = (rate * tau * Math.exp(-rate * tau)) / -Math.expm1(-rate * tau) - 1;
    const se = Math.abs(slope) / Math.sqrt(events);
    expect(fit.rmst.lower).toBeCloseTo(rmst * Math.exp(-z * se), 5);
    expect(fit.rmst.upper).toBeCloseTo(rmst * Math.exp(z * se), 5);
  });

  it('AIC and BIC from the log-likelihood, k and n', () => {
    expect(fit.aic).toBeCloseTo(-2 * fit.logLik + 2, 12);
    expect(fit.bic).toBeCloseTo(-2 * fit.logLik + Math.log(26), 12);
  });

  it('a restricted mean horizon and confidence level can be chosen', () => {
    const other = fitDistribution('exponential', ovarian, { rmstHorizon: 365, confidenceLevel: 0.9 });
    expect(other.rmst.horizon).toBe(365);
    expect(other.rmst.estimate).toBeCloseTo(-Math.expm1(-rate * 365) / rate, 9);
    expect(other.median!.upper / other.median!.estimate).toBeCloseTo(Math.exp(1.6448536269514722 / Math.sqrt(events)), 6);
  });
});

describe('medians and restricted means', () => {
  it('closed-form medians agree with the curves (S(median) = 0.5)', () => {
    expect(medianOf('weibull', [1.4, 10])).toBeCloseTo(10 * Math.LN2 ** (1 / 1.4), 12);
    expect(medianOf('gompertz', [0.1, 0.05])).toBeCloseTo(Math.log(1 + (0.1 * Math.LN2) / 0.05) / 0.1, 12);
    expect(medianOf('generalised-gamma', [2, 0.7, 1])).toBeCloseTo(Math.exp(2) * Math.LN2 ** 0.7, 9);
  });
  it('a Gompertz with a cure fraction above one half has no median', () => {
    // S(inf) = exp(rate / shape) = exp(-0.5) > 0.5
    expect(medianOf('gompertz', [-0.2, 0.1])).toBeNull();
  });
  it('the restricted mean of a Weibull with shape < 1 (infinite hazard at 0) is accurate', () => {
    // shape 0.5, scale 1: integral_0^4 exp(-sqrt t) dt = 2 (1 - 3 e^-2)
    expect(restrictedMean('weibull', [0.5, 1], 4)).toBeCloseTo(2 * (1 - 3 * Math.exp(-2)), 11);
  });
});

describe('bad input', () => {
  it('no events: a clear error', () => {
    expect(() => fitDistribution('weibull', survivalData([1, 2, 3], [0, 0, 0]))).toThrow(SurvivalFitError);
    expect(() => fitDistribution('weibull', survivalData([1, 2, 3], [0, 0, 0]))).toThrow(/no events/);
  });
  it('times must be positive, events 0 or 1, located by patient', () => {
    expect(() => survivalData([1, 0], [1, 1])).toThrow(/patient 2: time must be a number > 0/);
    expect(() => survivalData([1, 2], [1, 2])).toThrow(SurvivalDataError);
  });
  it('a generalised gamma without an interior maximum (8 patients) fails with a reason, quickly', () => {
    const fit = fitDistribution('generalised-gamma', survivalData([1, 2, 3, 5, 7, 4, 6, 9], [1, 0, 1, 1, 0, 1, 1, 1]));
    expect(fit.converged).toBe(false);
    expect(fit.message).toMatch(/^Generalised gamma fit did not converge: no optimum inside the parameter space: the estimates drift along a ridge .*; do not use it$/);
  });
  it('a single event still gives a converged exponential', () => {
    expect(fitDistribution('exponential', survivalData([1, 2, 3], [0, 1, 0])).converged).toBe(true);
  });
});

describe('CSV reading', () => {
  it('reads quoted headers, semicolons and blank lines', () => {
    const table = parseCsv('"time";"event"\r\n1,5;1\n\n2;"0"\n');
    expect(table.header).toEqual(['time', 'event']);
    expect(table.rows).toEqual([
      ['1,5', '1'],
      ['2', '0'],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });
  it('names the line and column of a bad cell, and lists the columns when one is missing', () => {
    expect(() => readSurvivalCsv('time,event\n1,1\n2,x\n')).toThrow('line 3, column "event": "x" is not a number');
    expect(() => readSurvivalCsv('time,event\n1,1\n-2,1\n')).toThrow('line 3, column "time": time must be a number > 0 (got -2)');
    expect(() => readSurvivalCsv('t,status\n1,1\n')).toThrow('no column "time" (columns: t, status)');
    expect(() => readSurvivalCsv('t,status\n1,1\n', { timeColumn: 't', eventColumn: 'status' }).data.time).not.toThrow();
    expect(() => parseCsv('a,b\n1\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow(/not closed/);
  });
  it('keeps the rows of one arm and lists the arms', () => {
    const text = 'time,event,arm\n1,1,A\n2,0,B\n3,1,A\n';
    const a = readSurvivalCsv(text, { arm: { column: 'arm', value: 'A' } });
    expect(Array.from(a.data.time)).toEqual([1, 3]);
    expect(a.arms).toEqual(['A', 'B']);
    expect(() => readSurvivalCsv(text, { arm: { column: 'arm', value: 'C' } })).toThrow('no rows with arm = "C" (values: A, B)');
  });
});

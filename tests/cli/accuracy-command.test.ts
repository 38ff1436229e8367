// `hta accuracy <studies.csv> [--method reml|glmm] --json`: the public JSON contract on Kearon 1998, exit statuses
// and located messages.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';

const { dir, write } = scratchFiles('accuracy');
const reference = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/dta_bivariate_kearon.json'), 'utf8')).all_studies;

const hta = runHta;

const kearonCsv = write(
  'kearon.csv',
  ['study,year,patients,tp,fn,tn,fp', ...reference.data.map((s: Record<string, string | number>) => `${s.study},${s.year},${s.patients},${s.tp},${s.fn},${s.tn},${s.fp}`)].join('\n'),
);

describe('hta accuracy', () => {
  it.each([
    ['reml', reference.reitsma_reml],
    ['glmm', reference.glmm],
  ])('--method %s --json prints the contract fields with the reference values', async (method, expected) => {
    const { code, out, err } = await hta('accuracy', kearonCsv, '--method', method, '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const a = JSON.parse(out).accuracy;
    for (const key of ['sensitivity', 'specificity', 'logit', 'tau2', 'rho', 'method', 'studies']) expect(a).toHaveProperty(key);
    expect(Object.keys(a.sensitivity)).toEqual(['estimate', 'lower', 'upper']);
    expect(Object.keys(a.logit)).toEqual(['sensitivity', 'specificity', 'covariance']);
    expect(a.method).toBe(method);
    expect(Math.abs(a.sensitivity.estimate - expected.sens)).toBeLessThan(1e-5);
    expect(Math.abs(a.specificity.estimate - expected.spec)).toBeLessThan(1e-5);
    expect(Math.abs(a.logit.sensitivity / expected.logit_sens - 1)).toBeLessThan(1e-4);
    expect(Math.abs(a.tau2.specificity / expected.tau2_spec - 1)).toBeLessThan(1e-4);
    expect(Math.abs(a.rho / expected.rho - 1)).toBeLessThan(1e-4);
    expect(a.studies).toHaveLength(30);
    expect(a.studies[1]).toMatchObject({ study: 'Vogel et al.', tp: 20, fn: 5, tn: 29, fp: 0, n: 54, continuityCorrected: true, attributes: { year: '1987', patients: 'symptomatic' } });
  });

  it('prints a readable table without --json', async () => {
    const { code, out } = await hta('accuracy', kearonCsv);
    expect(code).toBe(0);
    expect(out).toMatch(/Bivariate normal model on logits \(Reitsma\), REML; 30 studies\./);
    expect(out).toMatch(/Pooled sensitivity {2}75\.2 \(64\.8–83\.3\) %/);
    expect(out).toMatch(/Vogel et al\. \*/);
  });

  it('exit 1 with every problem located by row and column', async () => {
    const { code, err } = await hta('accuracy', write('bad.csv', 'study,tp,fn,tn,fp\nA,10,2,30,x\nB,3,1,-4,2\n'));
    expect(code).toBe(1);
    expect(err).toContain('bad.csv: invalid 2×2 data (2 problems)');
    expect(err).toContain('  row 2, column fp: "x" is not a whole number >= 0');
    expect(err).toContain('  row 3, column tn: "-4" is not a whole number >= 0');
  });

  it('exit 1 for a single study; warning on stderr and exit 0 for three (univariate fallback)', async () => {
    const one = await hta('accuracy', write('one.csv', 'study,tp,fn,tn,fp\nA,10,2,30,3\n'));
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/at least 2 studies \(got 1\)/);
    const three = await hta('accuracy', write('three.csv', 'study,tp,fn,tn,fp\nA,10,2,30,3\nB,20,9,40,2\nC,8,1,25,6\n'), '--json');
    expect(three.code).toBe(0);
    expect(three.err).toMatch(/warning: only 3 studies/);
    expect(JSON.parse(three.out).accuracy).toMatchObject({ model: 'univariate', rho: null });
  });

  it('exit 2 for a bad option or an unreadable file', async () => {
    const method = await hta('accuracy', kearonCsv, '--method', 'bayes');
    expect(method.code).toBe(2);
    expect(method.err).toMatch(/--method must be one of reml, glmm \(got "bayes"\)/);
    const missing = await hta('accuracy', join(dir, 'absent.csv'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*absent\.csv: ENOENT/);
  });
});

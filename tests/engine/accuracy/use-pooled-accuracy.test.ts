// "Use the pooled accuracy" on the liquid-biopsy example: the plasma test's parameters take the pooled values and a
// bivariate normal on logits, and a PSA draws (logit sens, logit spec) pairs with the pooled covariance.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../src/engine/compile-model';
import { metaAnalyseAccuracy } from '../../../src/engine/accuracy/meta-analysis';
import { accuracyTargetOfTest, PooledAccuracyError, usePooledAccuracy } from '../../../src/engine/accuracy/use-pooled-accuracy';
import type { AccuracyStudy } from '../../../src/engine/accuracy/two-by-two';
import { validateModel } from '../../../src/engine/model/validate';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { defaultEvppiGroups } from '../../../src/engine/psa/psa-analysis';
import { createDsaSetup } from '../../../src/engine/sensitivity/dsa-setup';
import { htaModelSchema } from '../../../src/engine/model/schema';
import { clone, loadExample } from '../model-fixtures';

const studies = (JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/dta_bivariate_kearon.json'), 'utf8')) as { all_studies: { data: AccuracyStudy[] } }).all_studies.data;
const analysis = metaAnalyseAccuracy(studies, { method: 'reml' });
const example = parseModel(loadExample('liquid-biopsy-nsclc.json'));
const logit = (p: number) => Math.log(p / (1 - p));

describe('use the pooled accuracy', () => {
  const target = accuracyTargetOfTest(example, 'plasma_ngs');
  const model = usePooledAccuracy(example, target, analysis, '2026-05-01');

  it('finds the parameters the test reads', () => {
    expect(target).toEqual({ sensitivity: 'sens_plasma', specificity: 'spec_plasma', name: 'Plasma ctDNA NGS accuracy' });
    expect(() => accuracyTargetOfTest(example, 'nope')).toThrow(/no test "nope" \(tests: plasma_ngs, tissue_ngs, rebiopsy_ngs\)/);
  });

  it('sets values, one-way ranges and the source, and replaces the beta distributions by one joint distribution', () => {
    const sens = model.parameters.find((p) => p.id === 'sens_plasma')!;
    expect(sens.value).toBe(analysis.sensitivity.estimate);
    expect(sens.uncertainty?.distribution).toBeUndefined();
    expect([sens.uncertainty?.low, sens.uncertainty?.high]).toEqual([analysis.sensitivity.lower, analysis.sensitivity.upper]);
    expect(sens.source).toMatch(/^Meta-analysis of 30 studies \(Elias et al\.; Vogel et al\.;.*\): Bivariate normal model on logits \(Reitsma\), REML, run 2026-05-01\. Pooled sensitivity 75\.2%/);
    expect(model.jointDistributions).toHaveLength(1);
    const joint = model.jointDistributions[0]!;
    expect(joint).toMatchObject({ type: 'multivariate-normal', parameters: ['sens_plasma', 'spec_plasma'], scale: ['logit', 'logit'], mean: [analysis.logit.sensitivity, analysis.logit.specificity] });
    expect(joint.covariance).toEqual(analysis.logit.covariance);
    // The example itself is untouched (a pure transform: it keeps its own pooled analysis), and the new model is a
    // valid file whose one joint distribution replaced the example's.
    expect(example.jointDistributions).toEqual(parseModel(loadExample('liquid-biopsy-nsclc.json')).jointDistributions);
    expect(example.jointDistributions[0]!.source).toMatch(/^Derived: Chen 2023/);
    expect(htaModelSchema.safeParse(JSON.parse(JSON.stringify(model))).success).toBe(true);
    const report = validateModel(JSON.parse(JSON.stringify(model)));
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('applied twice, keeps one joint distribution', () => {
    const twice = usePooledAccuracy(model, target, metaAnalyseAccuracy(studies, { method: 'glmm' }), '2026-05-02');
    expect(twice.jointDistributions).toHaveLength(1);
    expect(twice.jointDistributions[0]!.source).toMatch(/binomial GLMM.*2026-05-02/);
  });

  it('PSA draws of (logit sens, logit spec) reproduce the covariance of the pooled logits', () => {
    const draws = 50_000;
    const setup = createPsaSetup(model, 2024);
    const block = setup.sampler.fill(0, draws);
    const width = setup.sampler.parameterCount;
    const a = setup.sampler.columnOf('sens_plasma');
    const b = setup.sampler.columnOf('spec_plasma');
    let ma = 0, mb = 0;
    for (let i = 0; i < draws; i++) {
      ma += logit(block[i * width + a]!);
      mb += logit(block[i * width + b]!);
    }
    ma /= draws;
    mb /= draws;
    let saa = 0, sbb = 0, sab = 0;
    for (let i = 0; i < draws; i++) {
      const da = logit(block[i * width + a]!) - ma;
      const db = logit(block[i * width + b]!) - mb;
      saa += da * da;
      sbb += db * db;
      sab += da * db;
    }
    const [[c11, c12], [, c22]] = analysis.logit.covariance;
    // 4 standard errors of each sample moment at 50,000 draws (var(s_ii) = 2 s_ii^2 / (n-1),
    // var(s_12) = (s_11 s_22 + s_12^2) / (n-1)): 2.5% of a variance; a correlation of 0 would miss by 7 SE.
    const n1 = draws - 1;
    expect(Math.abs(ma - analysis.logit.sensitivity)).toBeLessThan(4 * Math.sqrt(c11 / draws));
    expect(Math.abs(mb - analysis.logit.specificity)).toBeLessThan(4 * Math.sqrt(c22 / draws));
    expect(Math.abs(saa / n1 - c11)).toBeLessThan(4 * Math.sqrt((2 * c11 * c11) / n1));
    expect(Math.abs(sbb / n1 - c22)).toBeLessThan(4 * Math.sqrt((2 * c22 * c22) / n1));
    expect(Math.abs(sab / n1 - c12)).toBeLessThan(4 * Math.sqrt((c11 * c22 + c12 * c12) / n1));
  });

  it('one-way ranges of joint members without a file range come from their marginals; EVPPI groups them jointly', () => {
    const noRange = clone(model);
    const sens = noRange.parameters.find((p) => p.id === 'sens_plasma')!;
    sens.uncertainty = { source: sens.uncertainty?.source };
    const varied = createDsaSetup(noRange).varied.find((v) => v.id === 'sens_plasma')!;
    expect(varied.rangeSource).toBe('distribution');
    expect(varied.low).toBeCloseTo(analysis.sensitivity.lower, 12);
    expect(varied.high).toBeCloseTo(analysis.sensitivity.upper, 12);
    const groups = defaultEvppiGroups([], [], model.jointDistributions);
    expect(groups).toEqual([['sens_plasma'], ['spec_plasma'], ['sens_plasma', 'spec_plasma']]);
  });

  it('validation locates joint-distribution conflicts and a base value off the centre', () => {
    const json = JSON.parse(JSON.stringify(model)) as { parameters: { id: string; value?: number; uncertainty?: object }[]; jointDistributions: { parameters: string[] }[] };
    json.parameters.find((p) => p.id === 'spec_plasma')!.uncertainty = { distribution: { type: 'beta', mean: 0.9, se: 0.02 } };
    json.parameters.find((p) => p.id === 'sens_plasma')!.value = 0.5;
    json.jointDistributions.push({ ...json.jointDistributions[0]!, parameters: ['sens_plasma', 'no_such'] });
    const messages = validateModel(json).issues.map((i) => `${i.severity} ${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('error jointDistributions.0.parameters.1: Plasma ctDNA NGS accuracy: parameter spec_plasma also has a distribution of its own (remove one)');
    expect(messages).toContain('error jointDistributions.1.parameters.1: Plasma ctDNA NGS accuracy: "no_such" is not a parameter of the model');
    expect(messages).toContain('error jointDistributions.1.parameters.0: Plasma ctDNA NGS accuracy: parameter sens_plasma is already drawn by Plasma ctDNA NGS accuracy');
    expect(messages.some((m) => /^warning parameters\.\d+\.value: parameter sens_plasma = 0.5, but Plasma ctDNA NGS accuracy is centred on 0.75208/.test(m))).toBe(true);
  });

  it('refuses targets it cannot write: an expression parameter, the same parameter twice, a correlated one', () => {
    expect(() => usePooledAccuracy(example, { ...target, specificity: 'sens_plasma' }, analysis, 'd')).toThrow(PooledAccuracyError);
    const correlated = { ...example, correlations: [{ name: 'acc', parameters: ['sens_plasma', 'spec_tissue'], matrix: [[1, 0.2], [0.2, 1]] }] };
    expect(() => usePooledAccuracy(correlated, target, analysis, 'd')).toThrow(/sens_plasma is in the correlation matrix acc/);
  });
});

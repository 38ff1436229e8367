import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelParameterChecks, parameterChecks } from '../../../src/engine/analysis/parameter-checks';
import { checkModel } from '../../../src/engine/analysis/model-check';
import { DocumentEditError, documentTitle, duplicateScenario, putScenario, removeScenario, setDocumentTitle, setParameterUncertainty, setParameterValue, uniqueScenarioId } from '../../../src/engine/model/document-edits';
import type { ModelDocumentJson } from '../../../src/engine/model/document-edits';
import { createDsaSetup } from '../../../src/engine/sensitivity/dsa-setup';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { parseModel } from '../../../src/engine/compile-model';

const read = (name: string): ModelDocumentJson => JSON.parse(readFileSync(`resources/examples/${name}.json`, 'utf8')) as ModelDocumentJson;
const lb = read('liquid-biopsy-nsclc');
type P = { id: string; value?: number; uncertainty?: Record<string, unknown> };
const param = (doc: ModelDocumentJson, id: string) => (doc.parameters as P[]).find((p) => p.id === id)!;

describe('model document edits', () => {
  it('set a base value without touching the input or any other field', () => {
    const before = JSON.stringify(lb);
    const edited = setParameterValue(lb, 'sens_plasma', 0.85);
    expect(JSON.stringify(lb)).toBe(before);
    expect(param(edited, 'sens_plasma').value).toBe(0.85);
    expect(param(edited, 'sens_plasma').uncertainty).toEqual(param(lb, 'sens_plasma').uncertainty);
    // Everything else is the same object.
    expect(edited.model).toBe(lb.model);
    expect((edited.parameters as P[]).filter((p) => p.id !== 'sens_plasma')).toEqual((lb.parameters as P[]).filter((p) => p.id !== 'sens_plasma'));
  });
  it('refuse unknown parameters, expression parameters and values that are not finite, with the reason', () => {
    expect(() => setParameterValue(lb, 'nope', 1)).toThrow(new DocumentEditError('the model has no parameter “nope”'));
    const hiv = read('hiv-chancellor-1997');
    const expr = (hiv.parameters as { id: string; expression?: string }[]).find((p) => p.expression)!;
    expect(() => setParameterValue(hiv, expr.id, 1)).toThrow(/computed by an expression/);
    expect(() => setParameterValue(lb, 'sens_plasma', Number.NaN)).toThrow(/finite number/);
  });
  it('change the distribution and range, keep the source text, drop an empty uncertainty', () => {
    const withDist = setParameterUncertainty(lb, 'p_egfr', { distribution: { type: 'beta', alpha: 13, beta: 87 } });
    expect(param(withDist, 'p_egfr').uncertainty).toEqual({ distribution: { type: 'beta', alpha: 13, beta: 87 }, low: 0.1, high: 0.16, source: param(lb, 'p_egfr').uncertainty!.source });
    expect(Object.keys(param(withDist, 'p_egfr').uncertainty!)).toEqual(['distribution', 'low', 'high', 'source']);
    const bare = setParameterUncertainty(lb, 'fail_plasma', { distribution: null, low: null, high: null });
    expect(param(bare, 'fail_plasma').uncertainty).toBeUndefined();
    expect(() => setParameterUncertainty(lb, 'sens_plasma', { low: null, high: 0.9 })).toThrow(/both ends/);
  });
  it('title lives in metadata', () => {
    expect(documentTitle(setDocumentTitle(lb, 'Mine'))).toBe('Mine');
    expect(documentTitle({})).toBe('');
  });
});

describe('parameter checks: the uncertainty must describe the base value', () => {
  it('the bundled example as shipped has none', () => {
    const model = parseModel(lb);
    expect([...modelParameterChecks(model).values()].flat()).toEqual([]);
  });
  it('sens_plasma edited to 0.85: the joint distribution it is sampled from and the one-way range are reported', () => {
    const model = parseModel(setParameterValue(lb, 'sens_plasma', 0.85));
    const checks = modelParameterChecks(model).get('sens_plasma')!;
    expect(checks.map((c) => c.kind)).toEqual(['joint-centre', 'outside-range']);
    // The joint normal's logit mean 0.8001 is logit(0.69): its median on the probability scale.
    expect(checks[0]!.message).toBe('The PSA samples it with spec_plasma from the joint distribution “Plasma ctDNA NGS accuracy, any driver (Chen 2023)”, centred on 0.69 (its median), not the base value 0.85.');
    expect(checks[0]!.fixes).toEqual([]);
    expect(checks[0]!.unavailable).toMatch(/jointDistributions/);
    expect(checks[1]!.message).toBe('The base value 0.85 is outside the one-way range 0.63 to 0.74, so the tornado tests one side only.');
    expect(checks[1]!.fixes).toEqual([{ kind: 'widen-range', label: 'Widen the range to 0.63 to 0.85', low: 0.63, high: 0.85 }]);
    // Checked alone (without its joint membership) the parameter has no distribution to compare.
    expect(parameterChecks(model.parameters.find((p) => p.id === 'sens_plasma')!).map((c) => c.kind)).toEqual(['outside-range']);
  });
  it('p_rebiopsy edited to 0.9: the PSA mean and the one-way range are reported, each with its fix', () => {
    const model = parseModel(setParameterValue(lb, 'p_rebiopsy', 0.9));
    const checks = modelParameterChecks(model).get('p_rebiopsy')!;
    expect(checks.map((c) => c.kind)).toEqual(['distribution-mean', 'outside-range']);
    expect(checks[0]!.message).toBe('The PSA samples around 0.5 (the distribution’s mean), not the base value 0.9.');
    // Same relative SE: 0.12755 / 0.5 × 0.9.
    expect(checks[0]!.fixes).toEqual([{ kind: 'recentre', label: 'Re-centre the distribution on 0.9 (same relative SE)', distribution: { type: 'beta', mean: 0.9, se: expect.closeTo(0.22959, 8) } }]);
    expect(checks[1]!.message).toBe('The base value 0.9 is outside the one-way range 0.3 to 0.8, so the tornado tests one side only.');
    expect(checks[1]!.fixes).toEqual([{ kind: 'widen-range', label: 'Widen the range to 0.3 to 0.9', low: 0.3, high: 0.9 }]);
  });
  it('after both fixes the PSA samples around the base value and the tornado range contains it', () => {
    let doc = setParameterValue(lb, 'p_rebiopsy', 0.9);
    const checks = modelParameterChecks(parseModel(doc)).get('p_rebiopsy')!;
    for (const c of checks) {
      for (const fix of c.fixes) {
        doc = fix.kind === 'recentre' ? setParameterUncertainty(doc, 'p_rebiopsy', { distribution: fix.distribution }) : setParameterUncertainty(doc, 'p_rebiopsy', { low: fix.low, high: fix.high });
      }
    }
    const model = parseModel(doc);
    expect(modelParameterChecks(model).get('p_rebiopsy')).toEqual([]);
    const varied = createDsaSetup(model).varied.find((v) => v.id === 'p_rebiopsy')!;
    expect([varied.base, varied.low, varied.high]).toEqual([0.9, 0.3, 0.9]);
    // The PSA's draws of p_rebiopsy centre on 0.9: mean of 2,000 draws within 3 SE of it.
    const setup = createPsaSetup(model, 1);
    const col = setup.sampler.names.indexOf('p_rebiopsy');
    const n = 2000;
    const draws = setup.sampler.fill(0, n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += draws[i * setup.sampler.parameterCount + col]!;
    expect(Math.abs(sum / n - 0.9)).toBeLessThan((3 * 0.22959) / Math.sqrt(n));
  });
  it('a base value the distribution cannot produce, and a fix that cannot be made, are both said', () => {
    const model = parseModel(setParameterValue(lb, 'sens_tissue', 1));
    const [check] = parameterChecks(model.parameters.find((p) => p.id === 'sens_tissue')!);
    expect(check!.kind).toBe('outside-support');
    expect(check!.message).toBe('The PSA distribution takes values 0 to 1 only, so it can never sample the base value 1.');
    expect(check!.fixes).toEqual([]);
    expect(check!.unavailable).toBe('It cannot be re-centred automatically: a beta distribution needs a mean below 1.');
  });
  it('the ranges the screen shows are the ones the tornado uses', () => {
    const check = checkModel(setParameterUncertainty(lb, 'c_plasma_ngs', { low: 500, high: 2500 }));
    expect(check.ranges.find((r) => r.id === 'c_plasma_ngs')).toEqual({ id: 'c_plasma_ngs', low: 500, high: 2500, source: 'file' });
  });
});

describe('parameter checks on every bundled example', () => {
  it('find nothing: the HIV relative risk is a log-normal centred on its median exp(μ) = 0.509, by convention', () => {
    for (const name of ['hiv-chancellor-1997', 'hiv-chancellor-heemod', 'total-hip-replacement', 'heemod-counting-methods', 'liquid-biopsy-nsclc-bia-belgium']) {
      expect([...modelParameterChecks(parseModel(read(name))).values()].flat(), name).toEqual([]);
    }
    const rr = parseModel(read('hiv-chancellor-1997')).parameters.find((p) => p.id === 'rr')!;
    expect(rr.uncertainty?.distribution).toMatchObject({ type: 'lognormal' });
    // Moved off the median it is reported, with the mean in the message.
    const moved = parameterChecks({ ...rr, value: 0.6 });
    expect(moved.map((c) => c.kind)).toContain('distribution-mean');
    expect(moved[0]!.message).toMatch(/^The PSA samples around 0\.5163\d* \(the distribution’s mean\), not the base value 0\.6\.$/);
  });
});

describe('scenario edits', () => {
  const doc = { format: 'hta-workbench-model', version: 1, parameters: [{ id: 'c', value: 1 }] } as Record<string, unknown>;

  it('adds, replaces in place, duplicates and removes scenarios, leaving the input untouched', () => {
    const one = putScenario(doc, { id: 'cheap', label: 'Cheap', parameters: { c: 0.5 } });
    expect(doc.scenarios).toBeUndefined();
    const two = putScenario(one, { id: 'dear', label: 'Dear', parameters: { c: 2 } });
    const edited = putScenario(two, { id: 'cheaper', label: 'Cheaper', parameters: { c: 0.25 } }, 'cheap');
    expect((edited.scenarios as { id: string }[]).map((s) => s.id)).toEqual(['cheaper', 'dear']);
    const copied = duplicateScenario(edited, 'cheaper');
    expect(copied.scenarios).toEqual([
      { id: 'cheaper', label: 'Cheaper', parameters: { c: 0.25 } },
      { id: 'cheaper_copy', label: 'Cheaper (copy)', parameters: { c: 0.25 } },
      { id: 'dear', label: 'Dear', parameters: { c: 2 } },
    ]);
    expect(removeScenario(removeScenario(removeScenario(copied, 'dear'), 'cheaper'), 'cheaper_copy').scenarios).toBeUndefined();
  });

  it('a duplicated scenario is labelled with the suffix the app passes in the display language (English by default)', () => {
    const one = putScenario(doc, { id: 'cheap', label: 'Bon marché' });
    const copied = duplicateScenario(one, 'cheap', '(copie)');
    expect((copied.scenarios as { id: string; label: string }[])[1]).toEqual({ id: 'bon_marche_copie', label: 'Bon marché (copie)' });
  });

  it('refuses a duplicate id and an unknown scenario, in words', () => {
    const one = putScenario(doc, { id: 'cheap' });
    expect(() => putScenario(one, { id: 'cheap' })).toThrow(/already exists/);
    expect(() => removeScenario(one, 'zz')).toThrow(/no scenario “zz”/);
  });

  it('makes identifiers from labels', () => {
    expect(uniqueScenarioId('Plasma test €1,500', [])).toBe('plasma_test_1_500');
    expect(uniqueScenarioId('2 years', [])).toBe('s_2_years');
    expect(uniqueScenarioId('€', [])).toBe('scenario');
    expect(uniqueScenarioId('Cheap', ['cheap', 'cheap_2'])).toBe('cheap_3');
  });
});

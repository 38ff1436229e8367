// The liquid-biopsy example (resources/examples/liquid-biopsy-nsclc.json, built by
// scripts/liquid-biopsy-example/build-model.ts): the file is its source's output, every input is sourced or
// labelled, the plasma accuracy is the pooled analysis of the dossier's 2×2 tables, the survival curves pass
// through their published landmarks, outcome counts and times equal the hand formulas of the four testing
// sequences, and the main figures are pinned with the reasoning that explains each one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLiquidBiopsyModel, pooledAlkAccuracy, STRATEGIES } from '../../scripts/liquid-biopsy-example/build-model';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import type { ModelResult } from '../../src/engine/compiled-model';
import { validateModel } from '../../src/engine/model/validate';
import type { HtaModelInput } from '../../src/engine/model/schema';
import { applyScenario } from '../../src/engine/sensitivity/scenarios';
import type { TreeStrategyResult } from '../../src/engine/tree/compile-tree';
import { EXAMPLE_MODEL_STRATEGIES, exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';

const ROOT = resolve(__dirname, '..', '..');
const FILE = join(ROOT, 'resources', 'examples', 'liquid-biopsy-nsclc.json');
type Parameter = NonNullable<HtaModelInput['parameters']>[number];
const json = JSON.parse(readFileSync(FILE, 'utf8')) as HtaModelInput & { parameters: Parameter[] };
const compiled = compileModel(parseModel(json));
const byId = (r: ModelResult, id: string): TreeStrategyResult => (r.strategies as TreeStrategyResult[]).find((s) => s.id === id)!;
const value = (id: string): number => json.parameters.find((p) => p.id === id)!.value!;
const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);
const IDS = STRATEGIES.map((s) => s.id);

/** Structural assumptions held at their value in the PSA (varied in the one-way analysis and named scenarios). */
const FIXED_IN_PSA = ['rr_plasma_miss_tissue_fail', 'delay_tissue_after_plasma', 'mu_waiting'];

describe('liquid-biopsy example: inputs', () => {
  it('is exactly what its source script writes', () => {
    expect(JSON.parse(JSON.stringify(buildLiquidBiopsyModel()))).toEqual(json);
  });

  it('validates without errors or warnings', () => {
    expect(validateModel(json).issues).toEqual([]);
  });

  it('every input has a value, unit, source and a one-way range around it; every other a PSA distribution', () => {
    const inputs = json.parameters.filter((p) => p.expression === undefined);
    expect(inputs.length).toBeGreaterThan(50);
    const joint = new Set(json.jointDistributions!.flatMap((j) => j.parameters));
    for (const p of inputs) {
      expect(p.value, p.id).toBeTypeOf('number');
      expect(p.unit, p.id).toBeTruthy();
      expect(p.source && p.source.length > 10, p.id).toBe(true);
      expect(p.uncertainty!.low! <= p.value! && p.value! <= p.uncertainty!.high!, p.id).toBe(true);
      if (!FIXED_IN_PSA.includes(p.id)) expect(p.uncertainty?.distribution !== undefined || joint.has(p.id), p.id).toBe(true);
    }
    // Derived values say how they are derived.
    for (const p of json.parameters.filter((q) => q.expression !== undefined)) expect(p.source, p.id).toMatch(/^(Derived|The pooled)/);
    // Figures without a published source are labelled.
    expect(json.parameters.filter((p) => p.source!.startsWith('Assumption: ')).length).toBeGreaterThan(10);
    expect(json.settings.discount).toMatchObject({ costs: 0.03, effects: 0.015 }); // KCE
  });

  it('uses every parameter it declares', () => {
    const text = JSON.stringify({ ...json, parameters: json.parameters.map((p) => p.expression ?? '') });
    for (const p of json.parameters) expect(new RegExp(`\\b${p.id}\\b`).test(text), p.id).toBe(true);
  });

  it('has the four strategies of the dossier’s PICO questions, one to one, and the dossier links it', () => {
    expect(json.strategies.map((s) => s.id)).toEqual([...EXAMPLE_MODEL_STRATEGIES]);
    const dossier = exampleDossier();
    expect(dossier.modelLinks.map((l) => l.ref)).toContain('resources/examples/liquid-biopsy-nsclc.json');
    const named = (text: string): string[] => [...text.matchAll(/\(model strategy: ([a-z_]+)\)/g)].map((m) => m[1]!);
    const interventions = dossier.picos.map((p) => named(p.intervention));
    for (const i of interventions) expect(i).toHaveLength(1);
    // Every PICO comparator is a model strategy, every model strategy appears, and each is the intervention of
    // at most one PICO question.
    for (const p of dossier.picos) for (const c of p.comparators) expect(named(c), c).toHaveLength(1);
    const all = new Set(dossier.picos.flatMap((p) => [...named(p.intervention), ...p.comparators.flatMap(named)]));
    expect([...all].sort()).toEqual([...EXAMPLE_MODEL_STRATEGIES].sort());
    expect(new Set(interventions.flat()).size).toBe(interventions.length);
    // PICO 1 is the budget impact's new world: the strategy whose share grows.
    const bia = (json as unknown as { budgetImpact: { newWorld: { shares: Record<string, unknown> } } }).budgetImpact;
    const growing = Object.entries(bia.newWorld.shares).filter(([, v]) => typeof v === 'object' && v !== null && (v as { shape?: string }).shape === 'linear').map(([k]) => k);
    expect(growing).toEqual(interventions[0]);
  });
});

describe('liquid-biopsy example: plasma accuracy from pooled analyses, by alteration', () => {
  it('takes the any-driver sensitivity and specificity from Chen 2023, drawn jointly on logits from its CIs', () => {
    expect(value('sens_plasma')).toBe(0.69);
    expect(value('spec_plasma')).toBe(0.99);
    const joint = json.jointDistributions!.find((j) => j.parameters.includes('sens_plasma'))!;
    expect(joint).toMatchObject({ type: 'multivariate-normal', parameters: ['sens_plasma', 'spec_plasma'], scale: ['logit', 'logit'] });
    const logit = (p: number): number => Math.log(p / (1 - p));
    expect(joint.mean).toEqual([logit(0.69), logit(0.99)]);
    // SD on the logit scale from the 95% CIs: (logit 0.74 − logit 0.63) / 3.92 = 0.1311; specificity from its lower
    // bound (the upper is rounded to 1.00): (logit 0.99 − logit 0.97) / 1.96 = 0.5709; correlation not reported: 0.
    expect(Math.sqrt(joint.covariance[0]![0]!)).toBeCloseTo(0.1311, 4);
    expect(Math.sqrt(joint.covariance[1]![1]!)).toBeCloseTo(0.5709, 4);
    expect(joint.covariance[0]![1]).toBe(0);
  });

  it('takes ALK sensitivity from the meta-analysis of the dossier’s ALK 2×2 tables, one per study', () => {
    const alk = pooledAlkAccuracy();
    expect(alk.studies.map((s) => [s.study, s.tp, s.fn, s.tn, s.fp])).toEqual([
      ['NILE (Leighl 2019)', 6, 2, 207, 0], // Table 3, after the reanalysis
      ['Cui 2017', 13, 11, 15, 0], // FP and TN derived from the reported specificity of 100%
    ]);
    // Two studies: REML falls back to univariate models; 58.4% (41.3–73.7%).
    expect(alk.model).toBe('univariate');
    expect(value('sens_plasma_alk')).toBe(alk.sensitivity.estimate);
    expect(alk.sensitivity.estimate).toBeCloseTo(0.584, 3);
    expect([alk.sensitivity.lower, alk.sensitivity.upper].map((x) => +x.toFixed(3))).toEqual([0.413, 0.737]);
  });

  it('weights gene-specific sensitivity by the alteration mix', () => {
    const p = compiled.baseParameters();
    const at = (id: string): number => p[compiled.parameterIndex.get(id)!]!;
    // Other group: ROS1 at 0.29 (Chen 2023), BRAF, RET, MET exon 14, NTRK at the any-driver value.
    const other = 0.015 + 0.015 + 0.03 + 0.025 + 0.002;
    expect(at('p_other')).toBeCloseTo(other, 12);
    expect(at('sens_plasma_other')).toBeCloseTo((0.015 * 0.29 + (other - 0.015) * 0.69) / other, 12);
    // Mix-weighted sensitivity over the first-line actionable alterations: 0.649 — below the any-driver 0.69,
    // because ALK and ROS1 fusions are found less often in plasma.
    const actionable = 0.13 + 0.045 + other;
    const weighted = (0.13 * at('sens_plasma_egfr') + 0.045 * at('sens_plasma_alk') + other * at('sens_plasma_other')) / actionable;
    expect(weighted).toBeCloseTo(0.649, 3);
  });
});

describe('liquid-biopsy example: survival curves through their published landmarks', () => {
  /** Overall survival of one sub-model run alone (the file's curves and parameters) at `months`. */
  const os = (sub: string): ((months: number) => number) => {
    const alone = compileModel(parseModel({ ...json, model: (json.model as unknown as { submodels: Record<string, unknown> }).submodels[sub], strategies: [{ id: 'x' }], scenarios: [], budgetImpact: undefined, jointDistributions: [] } as HtaModelInput));
    const r = alone.evaluate(alone.baseParameters()).strategies[0]!;
    return (months) => r.trace[months * 3]! + r.trace[months * 3 + 1]!; // PF + PD at trace row = month
  };

  it('KEYNOTE-189 (chemo-immunotherapy): 5-year OS 19.4% exactly; 12-month 70.3% against the published 69.2%', () => {
    const s = os('chemo_io');
    expect(s(60)).toBeCloseTo(0.194, 10);
    expect(s(12)).toBeCloseTo(0.703, 3);
    expect(Math.abs(s(12) - 0.692)).toBeLessThan(0.015);
  });

  it('FLAURA (EGFR): 24-month OS 74% exactly; 36-month 53.8% against the reported 54%', () => {
    const s = os('targeted_egfr');
    expect(s(24)).toBeCloseTo(0.74, 10);
    expect(Math.abs(s(36) - 0.54)).toBeLessThan(0.005);
  });

  it('ALEX (ALK): 5-year OS 62.5% exactly (the old exponential gave about 34%)', () => {
    expect(os('targeted_alk')(60)).toBeCloseTo(0.625, 10);
    expect(Math.exp((-Math.LN2 / 38.6) * 60)).toBeCloseTo(0.34, 2);
  });

  it('medians as published (log-logistic scale = median): the engine’s own medians', () => {
    const sub = byId(compiled.evaluate(compiled.baseParameters()), 'concurrent').tree.submodels;
    const median = (id: string, role: 'pfs' | 'os'): number => sub[id]!.psm!.curves.find((c) => c.role === role)!.median! * 12;
    expect(median('chemo_io', 'os')).toBeCloseTo(22.0, 6);
    expect(median('targeted_egfr', 'os')).toBeCloseTo(38.6, 6);
    expect(median('targeted_alk', 'os')).toBeCloseTo(81.1, 6);
    expect(median('missed_egfr', 'pfs')).toBeCloseTo(2.1, 6); // IMMUNOTARGET
    expect(byId(compiled.evaluate(compiled.baseParameters()), 'concurrent').tree.warnings).toEqual([]); // no PFS above OS
  });
});

describe('liquid-biopsy example: outcome counts and times against the hand formulas', () => {
  const r = compiled.evaluate(compiled.baseParameters());
  const groups = [
    { p: value('p_egfr'), sens: value('sens_plasma') },
    { p: value('p_alk'), sens: value('sens_plasma_alk') },
    { p: 0.087, sens: (0.015 * 0.29 + 0.072 * value('sens_plasma')) / 0.087 },
  ];
  const none = 1 - groups.reduce((s, g) => s + g.p, 0);
  const fp = value('fail_plasma');
  const ft = value('fail_tissue');
  const st = value('sens_tissue');
  const reb = value('p_rebiopsy');
  const rebFound = (1 - value('fail_rebiopsy')) * st;
  const b = (1 - ft) * st; // tissue positive | alteration
  const found = {
    tissue_only: (): number => b + ft * reb * rebFound,
    tissue_first_plasma_rescue: (a: number): number => b + ft * (a + (1 - a) * reb * rebFound),
    plasma_first: (a: number): number => a + (1 - a) * (b + ft * reb * rebFound),
  };

  it('patients correctly matched to targeted therapy, by strategy', () => {
    const sum = (f: (a: number) => number): number => groups.reduce((s, g) => s + g.p * f((1 - fp) * g.sens), 0);
    expect(byId(r, 'tissue_only').tree.counts.matched_targeted_therapy).toBeCloseTo(sum(found.tissue_only), 12);
    expect(byId(r, 'tissue_first_plasma_rescue').tree.counts.matched_targeted_therapy).toBeCloseTo(sum(found.tissue_first_plasma_rescue), 12);
    // Plasma-first and concurrent find the same patients: plasma positives, then tissue for the rest.
    expect(byId(r, 'plasma_first').tree.counts.matched_targeted_therapy).toBeCloseTo(sum(found.plasma_first), 12);
    expect(byId(r, 'concurrent').tree.counts.matched_targeted_therapy).toBeCloseTo(sum(found.plasma_first), 12);
    for (const id of IDS) {
      const c = byId(r, id).tree.counts;
      expect(c.truePositive! + c.missed!).toBeCloseTo(1 - none, 12);
      expect(c.matched_targeted_therapy).toBeCloseTo(c.targeted_egfr! + c.targeted_alk! + c.targeted_other!, 12);
    }
  });

  it('re-biopsies and the mean time to treatment, by strategy', () => {
    const plasmaPos = groups.reduce((s, g) => s + g.p * (1 - fp) * g.sens, 0) + none * (1 - fp) * (1 - value('spec_plasma'));
    const tp = value('tat_plasma');
    const tt = value('tat_tissue');
    const reTime = ft * reb * (value('delay_rebiopsy') + tt);
    expect(byId(r, 'tissue_only').tree.counts.test_rebiopsy_ngs).toBeCloseTo(ft * reb, 12);
    expect(byId(r, 'tissue_first_plasma_rescue').tree.counts.test_rebiopsy_ngs).toBeCloseTo(ft * (1 - plasmaPos) * reb, 12);
    expect(byId(r, 'plasma_first').tree.counts.test_rebiopsy_ngs).toBeCloseTo((1 - plasmaPos) * ft * reb, 12);
    expect(byId(r, 'tissue_first_plasma_rescue').tree.counts.test_plasma_ngs).toBeCloseTo(ft, 12);
    expect(byId(r, 'tissue_only').tree.meanTimeToTerminal).toBeCloseTo(tt + reTime, 9);
    // Rescue: the plasma result comes after the tissue failure; re-biopsy for those plasma does not settle.
    expect(byId(r, 'tissue_first_plasma_rescue').tree.meanTimeToTerminal).toBeCloseTo(tt + ft * tp + (1 - plasmaPos) * reTime, 9);
    // Plasma-first: positives treated at day 9; the tissue block is already in the laboratory, so the others have
    // their tissue result at day 15, as in tissue-only testing. Concurrent gives the same times.
    for (const id of ['plasma_first', 'concurrent']) expect(byId(r, id).tree.meanTimeToTerminal).toBeCloseTo(plasmaPos * tp + (1 - plasmaPos) * (tt + reTime), 9);
    // So: plasma-first 16.9 days < tissue-only 18.5 < tissue-first rescue 20.1 (LEMA: 9 < 19 < 20 days, medians).
    const ttt = IDS.map((id) => byId(r, id).tree.meanTimeToTerminal);
    expect(ttt.map((t) => +t.toFixed(1))).toEqual([18.5, 20.1, 16.9, 16.9]);
  });
});

describe('liquid-biopsy example: responds to its inputs in the expected direction', () => {
  const evaluateWith = (changes: Record<string, number>): ModelResult => {
    const params = compiled.baseParameters();
    for (const [id, v] of Object.entries(changes)) params[compiled.parameterIndex.get(id)!] = v;
    return compiled.evaluate(params);
  };
  const base = evaluateWith({});

  it('a slower plasma test never adds life: QALYs and life-years fall or stay, whatever the excess mortality', () => {
    for (const mu of [0, 0.5]) {
      const fast = evaluateWith({ mu_waiting: mu });
      const slow = evaluateWith({ mu_waiting: mu, tat_plasma: 14 });
      for (const id of IDS) {
        expect(byId(slow, id).totals.qalys).toBeLessThanOrEqual(byId(fast, id).totals.qalys + 1e-12);
        expect(byId(slow, id).totals.lifeYears).toBeLessThanOrEqual(byId(fast, id).totals.lifeYears + 1e-12);
      }
      // Tissue-only does not use plasma: unchanged.
      expect(byId(slow, 'tissue_only').totals.qalys).toBe(byId(fast, 'tissue_only').totals.qalys);
    }
    // Without excess mortality a delay keeps life-years exactly and costs QALYs only through the waiting utility.
    const slow = evaluateWith({ tat_plasma: 14 });
    expect(byId(slow, 'plasma_first').totals.lifeYears).toBeCloseTo(byId(base, 'plasma_first').totals.lifeYears, 12);
    expect(byId(slow, 'plasma_first').totals.qalys).toBeLessThan(byId(base, 'plasma_first').totals.qalys);
  });

  it('dependence between plasma misses and tissue failures lowers what plasma adds, most for the rescue strategy', () => {
    const dep = compileModel(parseModel(applyScenario(parseModel(json), 'dependent_misses')));
    const r = dep.evaluate(dep.baseParameters());
    const gain = (res: ModelResult, id: string): number => byId(res, id).tree.counts.truePositive! - byId(res, 'tissue_only').tree.counts.truePositive!;
    expect(gain(r, 'tissue_first_plasma_rescue')).toBeLessThan(gain(base, 'tissue_first_plasma_rescue'));
    expect(gain(r, 'plasma_first')).toBeLessThan(gain(base, 'plasma_first'));
    expect(byId(r, 'tissue_only').totals.cost).toBe(byId(base, 'tissue_only').totals.cost);
  });

  it('with no actionable alterations the strategies differ only by their tests and biopsies', () => {
    const none = evaluateWith({ p_egfr: 0, p_alk: 0, p_ros1: 0, p_braf: 0, p_ret: 0, p_met: 0, p_ntrk: 0 });
    for (const id of IDS) expect(byId(none, id).tree.counts.truePositive ?? 0).toBe(0);
    // Concurrent adds a plasma test for everyone and spares the re-biopsy's tissue NGS for plasma false positives,
    // who are not re-biopsied (one-offs on the path are counted at diagnosis, undiscounted).
    const t = byId(none, 'tissue_only').costByCategory[0]!;
    const c = byId(none, 'concurrent').costByCategory[0]!;
    const aFalse = (1 - value('fail_plasma')) * (1 - value('spec_plasma'));
    expect(c - t).toBeCloseTo(value('c_plasma_ngs') - value('c_tissue_ngs') * aFalse * value('fail_tissue') * value('p_rebiopsy'), 9);
  });
});

describe('liquid-biopsy example: pinned base case (reasoning next to each pin)', () => {
  const r = compiled.evaluate(compiled.baseParameters());

  it('keeps the per-person totals (EUR, QALYs, life-years; discounted) within 1e-6', () => {
    // About EUR 175,000–181,000 per person over 20 years, nearly all drugs: 74% of patients have no first-line
    // target and get chemo-immunotherapy (sub-model EUR 162,800, 2.22 QALYs, 3.26 life-years discounted: the
    // log-logistic through KEYNOTE-189's 5-year 19.4% keeps a tail the old exponential lacked); a matched EGFR
    // patient costs EUR 208,500 for 3.12 QALYs, an ALK patient EUR 379,300 for 5.95 QALYs (ALEX's 62.5% at 5
    // years), a missed one EUR 73,000–77,000 for 1.06 QALYs (IMMUNOTARGET). Strategies differ by who is found.
    const pins: Record<string, [number, number, number]> = {
      tissue_only: [175476.5807, 2.45877043, 3.49407823],
      tissue_first_plasma_rescue: [179232.6677, 2.51469089, 3.56427806],
      plasma_first: [180510.6919, 2.5270452, 3.57787264],
      concurrent: [180624.2587, 2.5270452, 3.57787264],
    };
    for (const [id, [cost, qalys, ly]] of Object.entries(pins)) {
      const s = byId(r, id);
      expect(rel(s.totals.cost, cost), id).toBeLessThan(1e-6);
      expect(rel(s.totals.qalys, qalys), id).toBeLessThan(1e-6);
      expect(rel(s.totals.lifeYears, ly), id).toBeLessThan(1e-6);
    }
    // Matched patients per 100: 21.5 (tissue-only), 23.9 (rescue), 24.5 (plasma-first, concurrent) of 26.2 with a
    // first-line target. Tissue-only misses 4.7: tissue failures not re-biopsied or failing again (24.4% × (1 − 0.5
    // × 0.9)), and tissue's assumed 5% false negatives.
    expect(IDS.map((id) => +(100 * byId(r, id).tree.counts.matched_targeted_therapy!).toFixed(1))).toEqual([21.5, 23.9, 24.5, 24.5]);
  });

  it('runs through `hta run --json`: frontier tissue-only → tissue-first rescue → plasma-first; concurrent dominated', () => {
    const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'run', FILE, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { incremental: { id: string; status: string; icer: number | null; incCost: number | null; incEffect: number | null }[] };
    expect(report.incremental.map((x) => [x.id, x.status])).toEqual([
      ['tissue_only', 'reference'],
      ['tissue_first_plasma_rescue', 'nondominated'],
      ['plasma_first', 'nondominated'],
      ['concurrent', 'dominated'],
    ]);
    // Rescue vs tissue-only: 2.3 more matched patients per 100 (+EUR 3,756, +0.0559 QALY): EUR 67,168 per QALY.
    // Finding a patient is worth what targeted therapy is worth over immunotherapy in driver-positive disease at
    // the assumed prices: EGFR +EUR 135,500 for +2.06 QALYs (EUR 65,700/QALY), ALK +EUR 304,000 for +4.89
    // (EUR 62,200/QALY); the plasma tests (EUR 1,000 for the 24.4% whose tissue fails) add the rest.
    expect(rel(report.incremental[1]!.icer!, 67168.3829)).toBeLessThan(1e-6);
    // Plasma-first vs rescue: 0.6 more matched per 100 and shorter waits, for a plasma test for everyone and fewer
    // tissue tests: +EUR 1,278, +0.0124 QALY, EUR 103,448 per QALY.
    expect(rel(report.incremental[2]!.icer!, 103447.6237)).toBeLessThan(1e-6);
    // Concurrent finds the same patients at the same times as plasma-first (the tissue result comes at day 15 in
    // both) and pays tissue NGS for plasma positives too: EUR 114 more for the same QALYs, equal up to
    // floating-point noise (computed along other paths; 4.4e-16 in an earlier version of this model). The tie rule
    // makes it dominated, never "nondominated with an ICER of 10^17".
    const qp = byId(r, 'plasma_first').totals.qalys;
    const qc = byId(r, 'concurrent').totals.qalys;
    expect(Math.abs(qc - qp)).toBeLessThan(1e-12);
    expect(byId(r, 'concurrent').totals.cost - byId(r, 'plasma_first').totals.cost).toBeCloseTo(113.57, 2);
  });

  it('is what the dossier reports (element E0005), to the euro', () => {
    const answer = exampleDossier().domains.ECO.elements.find((e) => e.id === 'E0005')!.answer;
    const euros = (x: number): string => `€${Math.round(x).toLocaleString('en-GB')}`;
    const icer = (a: string, b: string): number => (byId(r, a).totals.cost - byId(r, b).totals.cost) / (byId(r, a).totals.qalys - byId(r, b).totals.qalys);
    for (const id of IDS) expect(answer).toContain(euros(byId(r, id).totals.cost));
    expect(answer).toContain(`${euros(icer('tissue_first_plasma_rescue', 'tissue_only'))} per QALY`);
    expect(answer).toContain(`${euros(icer('plasma_first', 'tissue_first_plasma_rescue'))} per QALY`);
    expect(answer).toContain('| Singapore 2024');
  });
});

// The liquid-biopsy example (resources/examples/liquid-biopsy-nsclc.json): complete parameter metadata, runs
// through the `hta` command, outcome counts equal the hand formulas of the three testing sequences, and its
// main figures are pinned (see the reasoning next to each pin) so an accidental change shows up.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { validateModel } from '../../src/engine/model/validate';
import type { HtaModelInput } from '../../src/engine/model/schema';
import type { TreeStrategyResult } from '../../src/engine/tree/compile-tree';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';

const ROOT = resolve(__dirname, '..', '..');
const FILE = join(ROOT, 'resources', 'examples', 'liquid-biopsy-nsclc.json');
const json = JSON.parse(readFileSync(FILE, 'utf8')) as HtaModelInput & { parameters: NonNullable<HtaModelInput['parameters']> };
const compiled = compileModel(parseModel(json));
const byId = (r: { strategies: unknown[] }, id: string): TreeStrategyResult => (r.strategies as TreeStrategyResult[]).find((s) => s.id === id)!;
const value = (id: string): number => json.parameters.find((p) => p.id === id)!.value!;

describe('liquid-biopsy example: inputs', () => {
  it('validates without errors or warnings', () => {
    const report = validateModel(json);
    expect(report.issues).toEqual([]);
  });

  it('every parameter has a value, unit, source, PSA distribution and a one-way range around the value', () => {
    expect(json.parameters.length).toBeGreaterThan(30);
    for (const p of json.parameters) {
      expect(p.value, p.id).toBeTypeOf('number');
      expect(p.unit, p.id).toBeTruthy();
      expect(p.source && p.source.length > 10, p.id).toBe(true);
      expect(p.uncertainty?.distribution, p.id).toBeDefined();
      expect(p.uncertainty!.low! <= p.value! && p.value! <= p.uncertainty!.high!, p.id).toBe(true);
    }
    // Figures missing from the domain notes are labelled as assumptions.
    expect(json.parameters.filter((p) => p.source!.startsWith('Assumption: ')).length).toBeGreaterThan(10);
    expect(json.settings.currency).toBe('EUR');
    expect(json.settings.priceYear).toBeTypeOf('number');
    expect(json.settings.discount).toMatchObject({ costs: 0.03, effects: 0.015 }); // KCE
  });

  it('uses every parameter it declares', () => {
    const text = JSON.stringify({ ...json, parameters: [] });
    for (const p of json.parameters) expect(new RegExp(`\\b${p.id}\\b`).test(text), p.id).toBe(true);
  });

  it('takes the accuracy figures from the domain notes (Chen 2023, Patel 2021, PMC7362905, NILE)', () => {
    expect(value('sens_plasma')).toBe(0.69);
    expect(value('spec_plasma')).toBe(0.99);
    expect(value('fail_tissue')).toBeCloseTo(0.1 + 0.16 * 0.9, 12);
    expect(value('p_pneumothorax')).toBe(0.259);
    expect(value('p_drain')).toBe(0.069);
    expect(value('tat_plasma')).toBe(9);
    expect(value('tat_tissue')).toBe(15);
  });

  it('is linked from the bundled example dossier', () => {
    const dossier = exampleDossier();
    expect(dossier.modelLinks.map((l) => l.ref)).toContain('resources/examples/liquid-biopsy-nsclc.json');
  });
});

describe('liquid-biopsy example: outcome counts against the hand formulas (no waiting mortality)', () => {
  const params = compiled.baseParameters();
  params[compiled.parameterIndex.get('mu_waiting')!] = 0;
  const r = compiled.evaluate(params);
  const p = value('prev_actionable');
  const a = (1 - value('fail_plasma')) * value('sens_plasma'); // plasma positive | alteration
  const aFalse = (1 - value('fail_plasma')) * (1 - value('spec_plasma')); // plasma positive | none
  const ft = value('fail_tissue');
  const b = (1 - ft) * value('sens_tissue'); // tissue positive | alteration
  const rescue = ft * value('p_rebiopsy') * (1 - value('fail_rebiopsy')) * value('sens_tissue'); // found at re-biopsy
  const rebiopsyIfNotFound = ft * value('p_rebiopsy');

  it('patients correctly assigned to targeted therapy', () => {
    expect(byId(r, 'tissue_only').tree.counts.matched_targeted_therapy).toBeCloseTo(p * (b + rescue), 12);
    // Plasma-first and concurrent find the same patients: plasma positives, then tissue for the rest.
    const sequential = p * (a + (1 - a) * (b + rescue));
    expect(byId(r, 'plasma_first').tree.counts.matched_targeted_therapy).toBeCloseTo(sequential, 12);
    expect(byId(r, 'concurrent').tree.counts.matched_targeted_therapy).toBeCloseTo(sequential, 12);
    for (const id of ['tissue_only', 'plasma_first', 'concurrent']) {
      const c = byId(r, id).tree.counts;
      expect(c.truePositive! + c.missed!).toBeCloseTo(p, 12);
    }
  });

  it('patients re-biopsied and the time to treatment', () => {
    const notPlasmaPositive = p * (1 - a) + (1 - p) * (1 - aFalse);
    expect(byId(r, 'tissue_only').tree.counts.test_rebiopsy_ngs).toBeCloseTo(rebiopsyIfNotFound, 12);
    expect(byId(r, 'plasma_first').tree.counts.test_rebiopsy_ngs).toBeCloseTo(notPlasmaPositive * rebiopsyIfNotFound, 12);
    expect(byId(r, 'concurrent').tree.counts.test_rebiopsy_ngs).toBeCloseTo(notPlasmaPositive * rebiopsyIfNotFound, 12);
    const tp = value('tat_plasma');
    const tt = value('tat_tissue');
    const reTime = rebiopsyIfNotFound * (value('delay_rebiopsy') + tt);
    expect(byId(r, 'tissue_only').tree.meanTimeToTerminal).toBeCloseTo(tt + reTime, 9);
    expect(byId(r, 'plasma_first').tree.meanTimeToTerminal).toBeCloseTo(tp + notPlasmaPositive * (tt + reTime), 9);
    // Concurrent: plasma positives start after the plasma result, the others after the tissue result.
    expect(byId(r, 'concurrent').tree.meanTimeToTerminal).toBeCloseTo((1 - notPlasmaPositive) * tp + notPlasmaPositive * (tt + reTime), 9);
  });
});

describe('liquid-biopsy example: responds to its inputs in the expected direction', () => {
  const evaluateWith = (changes: Record<string, number>): ReturnType<typeof compiled.evaluate> => {
    const params = compiled.baseParameters();
    for (const [id, v] of Object.entries(changes)) params[compiled.parameterIndex.get(id)!] = v;
    return compiled.evaluate(params);
  };
  const base = evaluateWith({});

  it('a more sensitive plasma test finds more patients with plasma-first and changes nothing for tissue-only', () => {
    const better = evaluateWith({ sens_plasma: 0.8 });
    expect(byId(better, 'plasma_first').tree.counts.truePositive!).toBeGreaterThan(byId(base, 'plasma_first').tree.counts.truePositive!);
    expect(byId(better, 'tissue_only').totals.cost).toBe(byId(base, 'tissue_only').totals.cost);
  });

  it('more tissue failures make tissue-only miss more patients and re-biopsy more', () => {
    const worse = evaluateWith({ fail_tissue: 0.5, mu_waiting: 0 });
    expect(byId(worse, 'tissue_only').tree.counts.missed!).toBeGreaterThan(byId(base, 'tissue_only').tree.counts.missed!);
    expect(byId(worse, 'tissue_only').tree.counts.test_rebiopsy_ngs!).toBeCloseTo(0.5 * value('p_rebiopsy'), 12);
  });

  it('with no actionable alterations the three strategies differ only by testing (costs, delays)', () => {
    const none = evaluateWith({ prev_actionable: 0, mu_waiting: 0, u_waiting: 0.71 });
    // Everyone ends on chemo-immunotherapy except false positives; test costs differ by the plasma test.
    for (const id of ['tissue_only', 'plasma_first', 'concurrent']) expect(byId(none, id).tree.counts.truePositive ?? 0).toBe(0);
    // Test costs: concurrent adds a plasma test for everyone, and spares the re-biopsy's tissue NGS for plasma false
    // positives, who are not re-biopsied (one-offs on the path are counted at diagnosis, undiscounted).
    const t = byId(none, 'tissue_only').costByCategory[0]!;
    const c = byId(none, 'concurrent').costByCategory[0]!;
    const aFalse = (1 - value('fail_plasma')) * (1 - value('spec_plasma'));
    const spared = value('c_tissue_ngs') * aFalse * value('fail_tissue') * value('p_rebiopsy');
    expect(c - t).toBeCloseTo(value('c_plasma_ngs') - spared, 9);
  });
});

describe('liquid-biopsy example: pinned base case', () => {
  const r = compiled.evaluate(compiled.baseParameters());
  const rel = (x: number, y: number): number => Math.abs(x - y) / Math.abs(y);

  it('runs through `hta run --json` with the incremental table described in the notes', () => {
    const out = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'run', FILE, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as {
      strategies: { id: string; cost: number; effect: number; details: { outcomeCounts: Record<string, number>; timeToTreatment: { mean: number; unit: string }; warnings: string[] } }[];
      incremental: { id: string; status: string; icer: number | null }[];
    };
    // Frontier: tissue-only (cheapest) → plasma-first → concurrent; nothing dominated. Engine 1.2.0: survival is
    // measured from diagnosis, so waiting no longer adds life: the fastest strategy (concurrent, 16.8 days to
    // treatment vs 24.3 for plasma-first and 18.4 for tissue-only) now also has the most QALYs.
    expect(report.incremental.map((x) => [x.id, x.status])).toEqual([
      ['tissue_only', 'reference'],
      ['plasma_first', 'nondominated'],
      ['concurrent', 'nondominated'],
    ]);
    // Pinned (computed once, reasoned about in the report): plasma-first buys ≈ 2.9 more matched patients per 100
    // at ≈ 1.5 QALY and ≈ EUR 75,600 each (targeted path 3.28 QALY / EUR 214,700 vs chemo-immunotherapy 1.77 / EUR
    // 139,100), minus ≈ 6 more days of waiting: ≈ EUR 40,000 per QALY. Concurrent finds the same patients as
    // plasma-first, only 7.4 days sooner on average: a small QALY gain (fewer deaths while waiting) for the extra
    // tissue tests and the drugs of those who survive to treatment: ≈ EUR 270,000 per QALY.
    // Interim pins of the three-strategy example under engine 1.2.0 (re-derived when the example is rebuilt):
    // plasma-first +EUR 1,407 and +0.0235 QALY (EUR 59,918/QALY); concurrent +EUR 1,551 and +0.0193 (EUR 80,495).
    expect(rel(report.incremental[1]!.icer!, 59918.2548)).toBeLessThan(1e-5);
    expect(rel(report.incremental[2]!.icer!, 80495.3585)).toBeLessThan(1e-5);
    const concurrent = report.strategies.find((s) => s.id === 'concurrent')!;
    expect(concurrent.details.timeToTreatment.unit).toBe('day');
    expect(concurrent.details.warnings).toEqual([]);
  });

  it('keeps the per-person totals (EUR, QALYs, life-years; discounted) within 1e-6', () => {
    // ~EUR 150,000 per person over 20 years is mostly drugs (targeted therapy until progression, 2 years of
    // pembrolizumab); 2.9 life-years ≈ 0.22 × 4.6 + 0.74 × 2.6 years of mean OS (38.6 and 22.0 month medians).
    const pins: Record<string, [number, number, number]> = {
      tissue_only: [150261.5068, 1.98498488, 2.81217001],
      plasma_first: [151668.6112, 2.00846861, 2.83472053],
      concurrent: [153219.9476, 2.02774098, 2.86066143],
    };
    for (const [id, [cost, qalys, ly]] of Object.entries(pins)) {
      const s = byId(r, id);
      expect(rel(s.totals.cost, cost), id).toBeLessThan(1e-6);
      expect(rel(s.totals.qalys, qalys), id).toBeLessThan(1e-6);
      expect(rel(s.totals.lifeYears, ly), id).toBeLessThan(1e-6);
    }
  });

  it('has mean survival per arm close to the exponential means (median / ln 2), restricted to 20 years', () => {
    const sub = byId(r, 'tissue_only').tree.submodels;
    const os = (id: string): number => sub[id]!.psm!.curves.find((c) => c.role === 'os')!.restrictedMean;
    const restricted = (medianMonths: number): number => {
      const rate = Math.LN2 / (medianMonths / 12);
      return (1 - Math.exp(-rate * 20)) / rate;
    };
    expect(os('targeted')).toBeCloseTo(restricted(38.6), 6);
    expect(os('chemo_io')).toBeCloseTo(restricted(22.0), 6);
  });
});

// Diagnostic-test constructs against 2×2 tables and test sequences worked by hand. Tests are conditionally
// independent given the true condition; the hand formulas below are written from that assumption alone.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';

const OUTCOME_COSTS = { truePositive: 1000, falsePositive: 500, falseNegative: 2000, trueNegative: 0, noResult: 300 };

function outcomes(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(OUTCOME_COSTS).map(([k, c]) => [k, { kind: 'terminal', id: k, costs: { care: c } }]));
}

function model(steps: unknown[], extraTests: unknown[] = []): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'Diagnostic construct' },
    settings: { cycleLength: 1, effect: 'qalys' },
    costCategories: [{ id: 'test' }, { id: 'care' }],
    parameters: [
      { id: 'prev', value: 0.2, kind: 'probability' },
      { id: 'sens', value: 0.9, kind: 'probability' },
      { id: 'spec', value: 0.8, kind: 'probability' },
      { id: 'fail', value: 0.1, kind: 'probability' },
    ],
    model: {
      type: 'tree',
      tests: [{ id: 'T', sensitivity: 'sens', specificity: 'spec', noResult: 'fail', costs: { test: 100 }, turnaround: 7 }, ...extraTests] as never,
      root: { kind: 'decision', branches: [{ id: 'S', kind: 'diagnostic', prevalence: 'prev', steps, outcomes: outcomes() }] } as never,
    },
    strategies: [{ id: 'S' }],
  };
}

function run(json: HtaModelInput): TreeStrategyResult {
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters()).strategies[0] as TreeStrategyResult;
}

describe('one test: the 2×2 table', () => {
  it('matches the table worked by hand (prevalence 0.2, sens 0.9, spec 0.8, no result 0.1)', () => {
    const s = run(model([{ tests: ['T'] }]));
    // TP = 0.2·0.9·0.9, FN = 0.2·0.9·0.1, FP = 0.8·0.9·0.2, TN = 0.8·0.9·0.8, no result = 0.1.
    const c = s.tree.counts;
    expect(c.truePositive).toBeCloseTo(0.162, 12);
    expect(c.falseNegative).toBeCloseTo(0.018, 12);
    expect(c.falsePositive).toBeCloseTo(0.144, 12);
    expect(c.trueNegative).toBeCloseTo(0.576, 12);
    expect(c.noResult).toBeCloseTo(0.1, 12);
    expect(c.test_T).toBeCloseTo(1, 12);
    // Missed = truly positive not found: FN + positives without a result = 0.018 + 0.02.
    expect(c.missed).toBeCloseTo(0.038, 12);
    // Cost: 100 per test + 0.162·1000 + 0.144·500 + 0.018·2000 + 0.1·300 = 400.
    expect(s.totals.cost).toBeCloseTo(400, 10);
    expect(s.costByCategory[0]).toBeCloseTo(100, 12);
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(7, 12);
  });

  it('without a no-result rate reduces to sensitivity and specificity', () => {
    const json = model([{ tests: ['T'] }]);
    (json.model as { tests: { noResult?: unknown }[] }).tests[0]!.noResult = undefined;
    delete (json.model as { tests: { noResult?: unknown }[] }).tests[0]!.noResult;
    const c = run(json).tree.counts;
    expect(c.truePositive).toBeCloseTo(0.18, 12);
    expect(c.falseNegative).toBeCloseTo(0.02, 12);
    expect(c.falsePositive).toBeCloseTo(0.16, 12);
    expect(c.trueNegative).toBeCloseTo(0.64, 12);
    expect(c.noResult ?? 0).toBe(0);
  });
});

// Plasma (P): sens 0.7, spec 0.99, no result 0.05, turnaround 10 days, a negative does not rule out.
// Tissue (Tt): sens 0.95, spec 1, no result 0.2, 20 days. Re-biopsy + tissue (R): sens 0.95,
// spec 1, no result 0.1, 30 days, done for half of those eligible, pneumothorax 0.25 costing 1000.
const plasma = { id: 'P', sensitivity: 0.7, specificity: 0.99, noResult: 0.05, ruleOut: false, costs: { test: 700 }, turnaround: 10 };
const tissue = { id: 'Tt', sensitivity: 0.95, specificity: 1, noResult: 0.2, costs: { test: 300 }, turnaround: 20 };
const rebiopsy = { id: 'R', sensitivity: 0.95, specificity: 1, noResult: 0.1, costs: { test: 2500 }, turnaround: 30, adverseEvents: [{ id: 'ptx', probability: 0.25, costs: { care: 1000 } }] };
const prev = 0.2;

describe('test sequences with the re-test policy written once', () => {
  it('plasma first, tissue if plasma is negative or gives no result, re-biopsy for half of tissue failures', () => {
    const json = model([{ tests: ['P'] }, { tests: ['Tt'], when: ['no-result'] }, { tests: ['R'], when: ['no-result'], uptake: 0.5 }], [plasma, tissue, rebiopsy]);
    const s = run(json);
    // Condition present: plasma positive 0.95·0.7; otherwise (q = 1 − 0.665) tissue: positive 0.8·0.95,
    // negative 0.8·0.05, no result 0.2 → re-biopsy for half: positive 0.9·0.95, negative 0.9·0.05, none 0.1.
    const qP = 1 - 0.95 * 0.7;
    const tpPresent = 0.665 + qP * (0.8 * 0.95 + 0.2 * 0.5 * 0.9 * 0.95);
    const fnPresent = qP * (0.8 * 0.05 + 0.2 * 0.5 * 0.9 * 0.05);
    const nrPresent = qP * 0.2 * (0.5 + 0.5 * 0.1);
    expect(tpPresent + fnPresent + nrPresent).toBeCloseTo(1, 12);
    // Condition absent: plasma false positive 0.95·0.01; otherwise tissue negative 0.8 → TN, failure → re-biopsy.
    const qA = 1 - 0.95 * 0.01;
    const fpAbsent = 0.95 * 0.01;
    const tnAbsent = qA * (0.8 + 0.2 * 0.5 * 0.9);
    const nrAbsent = qA * 0.2 * (0.5 + 0.5 * 0.1);
    const c = s.tree.counts;
    expect(c.truePositive).toBeCloseTo(prev * tpPresent, 12);
    expect(c.falseNegative).toBeCloseTo(prev * fnPresent, 12);
    expect(c.falsePositive).toBeCloseTo((1 - prev) * fpAbsent, 12);
    expect(c.trueNegative).toBeCloseTo((1 - prev) * tnAbsent, 12);
    expect(c.noResult).toBeCloseTo(prev * nrPresent + (1 - prev) * nrAbsent, 12);
    expect(c.missed).toBeCloseTo(prev * (fnPresent + nrPresent), 12);
    const tissueShare = prev * qP + (1 - prev) * qA;
    expect(c.test_P).toBeCloseTo(1, 12);
    expect(c.test_Tt).toBeCloseTo(tissueShare, 12);
    expect(c.test_R).toBeCloseTo(tissueShare * 0.2 * 0.5, 12);
    expect(c.ae_ptx).toBeCloseTo(tissueShare * 0.2 * 0.5 * 0.25, 12);
    // Test costs: 700 + 300·tissue share + (2500 + 0.25·1000)·re-biopsies.
    const testCost = 700 + 300 * tissueShare + 2500 * c.test_R!;
    expect(s.costByCategory[0]).toBeCloseTo(testCost, 9);
    // Mean time to treatment: plasma positives 10 days, tissue results 30, re-biopsy 60, declined 30.
    const t = (present: boolean, pPos: number, q: number): number => pPos * 10 + q * (0.8 * 30 + 0.2 * (0.5 * 30 + 0.5 * 60));
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(prev * t(true, 0.665, qP) + (1 - prev) * t(false, 0.0095, qA), 9);
  });

  it('concurrent plasma + tissue: positive if either is positive, treatment starts on the first positive result', () => {
    const json = model([{ tests: ['P', 'Tt'] }, { tests: ['R'], when: ['no-result'], uptake: 0.5 }], [plasma, tissue, rebiopsy]);
    const s = run(json);
    // Present: P positive 0.665, T positive 0.76 → any positive 1 − 0.335·0.24; ruled out only by a tissue negative
    // (0.04) without a plasma positive; no result when tissue fails and plasma is not positive (0.335·0.2).
    const noPos = (1 - 0.665) * (1 - 0.76);
    const nrStep = 0.335 * 0.2;
    const tpPresent = 1 - noPos + nrStep * 0.5 * 0.9 * 0.95;
    const fnPresent = 0.335 * 0.04 + nrStep * 0.5 * 0.9 * 0.05;
    const nrPresent = nrStep * (0.5 + 0.5 * 0.1);
    expect(tpPresent + fnPresent + nrPresent).toBeCloseTo(1, 12);
    const c = s.tree.counts;
    expect(c.truePositive).toBeCloseTo(prev * tpPresent, 12);
    expect(c.falseNegative).toBeCloseTo(prev * fnPresent, 12);
    expect(c.test_P).toBeCloseTo(1, 12);
    expect(c.test_Tt).toBeCloseTo(1, 12);
    // Time when present: plasma positive → 10 days; tissue-only positive → 20; no positive → 20 (+30 re-biopsy).
    const timePresent = 0.665 * 10 + 0.335 * 0.76 * 20 + 0.335 * 0.04 * 20 + nrStep * (0.5 * 20 + 0.5 * 50);
    const qA = 1 - 0.0095;
    const timeAbsent = 0.0095 * 10 + qA * 0.8 * 20 + qA * 0.2 * (0.5 * 20 + 0.5 * 50);
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(prev * timePresent + (1 - prev) * timeAbsent, 9);
  });

  it('tissue first with plasma rescue when tissue gives no result', () => {
    const json = model([{ tests: ['Tt'] }, { tests: ['P'], when: ['no-result'] }], [plasma, tissue]);
    const c = run(json).tree.counts;
    // Present: tissue positive 0.76; tissue failure 0.2 → plasma positive 0.665.
    expect(c.truePositive).toBeCloseTo(prev * (0.76 + 0.2 * 0.665), 12);
    expect(c.test_P).toBeCloseTo(0.2, 12);
    // A plasma negative does not rule out: those patients stay without a result.
    expect(c.noResult).toBeCloseTo(0.2 * (1 - (prev * 0.665 + (1 - prev) * 0.0095)), 12);
  });

  it('reports unknown tests and a missing prevalence where they are written', () => {
    const json = model([{ tests: ['P', 'nope'] }], [plasma]);
    const diag = (json.model as unknown as { root: { branches: Record<string, unknown>[] } }).root.branches[0]!;
    delete diag.prevalence;
    const issues = validateModel(json).issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`);
    expect(issues).toContain('unknown-test ["model","root","branches",0,"steps",0,"tests",1]');
    expect(issues).toContain('missing-value ["model","root","branches",0]');
  });

  it('range-checks test accuracy in every run, located at the test', () => {
    const json = model([{ tests: ['T'] }]);
    json.strategies[0] = { id: 'S', parameters: { sens: 1.2 } };
    const issue = validateModel(json).issues.find((i) => i.code === 'not-a-probability')!;
    expect(issue.path).toEqual(['model', 'tests', 0, 'sensitivity']);
  });
});

describe('overrides: test values replaced in one construct or one step', () => {
  it('a construct-level override (gene-specific sensitivity) changes the 2×2 table; counters keep the test id', () => {
    const json = model([{ tests: ['T'] }]);
    const diag = (json.model as unknown as { root: { branches: Record<string, unknown>[] } }).root.branches[0]!;
    diag.overrides = { T: { sensitivity: 0.5, turnaround: 3 } };
    const s = run(json);
    // TP = 0.2 · 0.9 · 0.5, FN = 0.2 · 0.9 · 0.5; specificity and no-result rate are the test's own.
    expect(s.tree.counts.truePositive).toBeCloseTo(0.09, 12);
    expect(s.tree.counts.falseNegative).toBeCloseTo(0.09, 12);
    expect(s.tree.counts.falsePositive).toBeCloseTo(0.144, 12);
    expect(s.tree.counts.test_T).toBeCloseTo(1, 12);
    expect(s.tree.meanTimeToTerminal).toBeCloseTo(3, 12);
  });

  it('a step-level override gives a value conditional on the earlier result (plasma rescue after tissue failure)', () => {
    // Tissue first, plasma when tissue gives no result; among tissue failures plasma misses 1.5 times as often
    // (dependence): sensitivity 1 − 1.5 × (1 − 0.7) = 0.55 in the rescue step only.
    const json = model([{ tests: ['Tt'] }, { tests: ['P'], when: ['no-result'], overrides: { P: { sensitivity: '1 - 1.5 * (1 - 0.7)' } } }], [plasma, tissue]);
    const c = run(json).tree.counts;
    expect(c.truePositive).toBeCloseTo(prev * (0.76 + 0.2 * 0.95 * 0.55), 12);
    expect(c.test_P).toBeCloseTo(0.2, 12);
  });

  it('locates an override of an unknown test, and a bad override value where it is written', () => {
    const json = model([{ tests: ['T'], overrides: { nope: { sensitivity: 0.5 } } }]);
    const issues = validateModel(json).issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`);
    expect(issues).toContain('unknown-test ["model","root","branches",0,"steps",0,"overrides","nope"]');
    const bad = model([{ tests: ['T'], overrides: { T: { sensitivity: 1.5 } } }]);
    const issue = validateModel(bad).issues.find((i) => i.code === 'not-a-probability')!;
    expect(issue.path).toEqual(['model', 'root', 'branches', 0, 'steps', 0, 'overrides', 'T', 'sensitivity']);
  });
});

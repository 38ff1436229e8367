// Partitioned survival: closed forms of the survival distributions, equivalence with a Markov model whose
// curves are known exactly, PFS > OS capping (reported), background mortality, and located curve errors.
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { validateModel } from '../../../src/engine/model/validate';
import type { HtaModelInput } from '../../../src/engine/model/schema';
import type { PsmStrategyResult } from '../../../src/engine/psm/compile-psm';
import { parametricSurvival } from '../../../src/engine/psm/survival';
import { ModelEvaluationError } from '../../../src/engine/errors';

type Curves = Record<string, Record<string, unknown>>;

function psm(curves: Curves, settings: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): HtaModelInput {
  return {
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'PSM test' },
    settings: { cycleLength: 1, cycles: 10, counting: 'life-table', effect: 'qalys', ...settings },
    costCategories: [{ id: 'drug' }],
    parameters: [
      { id: 'lam', value: 0.5, kind: 'rate' },
      { id: 'shape', value: 1.5, kind: 'other' },
    ],
    model: { type: 'psm', curves, pfs: 'pfs', os: 'os', stateValues: { PF: { costs: { drug: 1000 }, utility: 0.8 }, PD: { costs: { drug: 500 }, utility: 0.5 } }, ...extra } as never,
    strategies: [{ id: 'S' }],
  };
}

function run(json: HtaModelInput): PsmStrategyResult {
  const compiled = compileModel(parseModel(json));
  return compiled.evaluate(compiled.baseParameters()).strategies[0] as PsmStrategyResult;
}

describe('survival distributions: closed forms', () => {
  it('medians: exponential ln2/λ, Weibull scale·ln2^(1/shape), log-logistic scale, log-normal e^meanlog, Gompertz', () => {
    expect(parametricSurvival('exponential', 0.3, 0, Math.LN2 / 0.3)).toBeCloseTo(0.5, 14);
    expect(parametricSurvival('weibull', 1.5, 2, 2 * Math.LN2 ** (1 / 1.5))).toBeCloseTo(0.5, 14);
    expect(parametricSurvival('log-logistic', 2.2, 3, 3)).toBeCloseTo(0.5, 14);
    expect(parametricSurvival('log-normal', 0.7, 0.9, Math.exp(0.7))).toBeCloseTo(0.5, 12);
    // Gompertz: S = exp(-b/a (e^{at} - 1)) = 0.5 at t = ln(1 + a ln2 / b) / a.
    expect(parametricSurvival('gompertz', 0.2, 0.1, Math.log(1 + (0.2 * Math.LN2) / 0.1) / 0.2)).toBeCloseTo(0.5, 14);
    expect(parametricSurvival('gompertz', 0, 0.1, 2)).toBeCloseTo(Math.exp(-0.2), 14);
    expect(parametricSurvival('weibull', 1, 4, 3)).toBeCloseTo(Math.exp(-3 / 4), 14); // shape 1 = exponential
  });

  it('mean of an exponential is 1/λ (restricted mean over a 60-year horizon, monthly cycles)', () => {
    const s = run(psm({ pfs: { dist: 'exponential', rate: 'lam * 2' }, os: { dist: 'exponential', rate: 'lam' } }, { cycleLength: 1 / 12, cycles: 720 }));
    const os = s.psm.curves.find((c) => c.role === 'os')!;
    // Simpson on half-cycle points: error about h^4/180·λ^4·(1/λ) ≈ 1.7e-8 for λ = 1, h = 1/24.
    expect(os.restrictedMean).toBeCloseTo(1 / 0.5, 7);
    expect(s.psm.curves[0]!.restrictedMean).toBeCloseTo(1 / 1.0, 7);
    expect(os.median).toBeCloseTo(Math.LN2 / 0.5, 9);
  });

  it('Weibull median in the results matches scale·ln2^(1/shape), with the scale in months', () => {
    const s = run(psm({ pfs: { dist: 'exponential', rate: 1 }, os: { dist: 'weibull', shape: 'shape', scale: 24, timeUnit: 'month' } }, { cycles: 20 }));
    expect(s.psm.curves[1]!.median).toBeCloseTo((24 * Math.LN2 ** (1 / 1.5)) / 12, 9);
    // Trace row t is S_os(t years) = exp(-(12t/24)^1.5).
    expect(s.trace[3 * 2]! + s.trace[3 * 2 + 1]!).toBeCloseTo(Math.exp(-(1 ** 1.5)), 14);
  });

  it('evaluates Gompertz, log-logistic and log-normal curves (with time units) at every trace row', () => {
    const s = run(
      psm(
        { pfs: { dist: 'gompertz', shape: 0.01, rate: 0.05, timeUnit: 'month' }, os: { dist: 'log-normal', meanlog: 'log(30)', sdlog: 0.8, timeUnit: 'month' } },
        { cycleLength: 0.25, cycles: 40 },
      ),
    );
    const t = run(psm({ pfs: { dist: 'exponential', rate: 5 }, os: { dist: 'log-logistic', shape: 2.5, scale: 'shape * 2' } }, { cycleLength: 0.5, cycles: 20 }));
    for (let k = 0; k <= 40; k++) {
      const m = 3 * k; // months
      const os = parametricSurvival('log-normal', Math.log(30), 0.8, m);
      expect(1 - s.trace[3 * k + 2]!).toBeCloseTo(os, 14);
      expect(s.trace[3 * k]!).toBeCloseTo(Math.min(os, Math.exp((-0.05 / 0.01) * Math.expm1(0.01 * m))), 14);
    }
    for (let k = 0; k <= 20; k++) expect(1 - t.trace[3 * k + 2]!).toBeCloseTo(1 / (1 + (k / 2 / 3) ** 2.5), 14);
  });

  it('a generalised gamma curve with Q = 1 is the Weibull (shape 1/sigma, scale e^mu); a negative sigma is located', () => {
    const a = run(psm({ pfs: { dist: 'exponential', rate: 2 }, os: { dist: 'generalised-gamma', mu: 'log(5)', sigma: 1 / 1.3, Q: 1 } }));
    const b = run(psm({ pfs: { dist: 'exponential', rate: 2 }, os: { dist: 'weibull', shape: 1.3, scale: 5 } }));
    a.trace.forEach((v, i) => expect(v).toBeCloseTo(b.trace[i]!, 12));
    const bad = validateModel(psm({ pfs: { dist: 'exponential', rate: 2 }, os: { dist: 'generalised-gamma', mu: 1, sigma: 'shape - 2', Q: 0.5 } }));
    const issue = bad.issues.find((i) => i.severity === 'error');
    expect(issue?.message).toMatch(/generalised-gamma sigma must be > 0/);
    expect(issue?.path).toEqual(['model', 'curves', 'os', 'sigma']);
  });

  it('a hazard ratio on a Weibull is a Weibull with scale·hr^(-1/shape)', () => {
    const a = run(psm({ ref: { dist: 'weibull', shape: 1.3, scale: 5 }, pfs: { dist: 'exponential', rate: 2 }, os: { dist: 'hazard-ratio', curve: 'ref', hr: 0.7 } }));
    const b = run(psm({ pfs: { dist: 'exponential', rate: 2 }, os: { dist: 'weibull', shape: 1.3, scale: 5 * 0.7 ** (-1 / 1.3) } }));
    for (let k = 0; k < a.trace.length; k++) expect(a.trace[k]).toBeCloseTo(b.trace[k]!, 13);
  });

  it('interpolates tables of survival by time (linear or step)', () => {
    const table = { dist: 'table', times: [0, 2, 4], survival: [1, 0.6, 0.2], timeUnit: 'year' };
    const lin = run(psm({ pfs: { dist: 'table', times: [0, 10], survival: [1, 1], interpolation: 'step' }, os: table }, { cycles: 6 }));
    // OS at t = 1, 3, 5: 0.8, 0.4, 0.2 (held after the last time). PFS (1) is capped at OS: reported.
    expect(lin.trace[3 * 1]).toBeCloseTo(0.8, 14);
    expect(lin.trace[3 * 3 + 2]).toBeCloseTo(0.6, 14);
    expect(lin.trace[3 * 5 + 2]).toBeCloseTo(0.8, 14);
    expect(lin.psm.pfsCappedRows).toEqual([1, 2, 3, 4, 5, 6]);
    const step = run(psm({ pfs: { dist: 'exponential', rate: 3 }, os: { ...table, interpolation: 'step' } }, { cycles: 6 }));
    expect(step.trace[3 * 3 + 2]).toBeCloseTo(0.4, 14);
  });
});

describe('partitioned survival equals a Markov model with the same curves', () => {
  // Markov: from PF, death with 1 − e^{−μ}, progression with e^{−μ} − e^{−(λ+μ)}; from PD, death 1 − e^{−μ}.
  // Then OS(t) = e^{−μt} and PFS(t) = e^{−(λ+μ)t} exactly, which the PSM takes as exponential curves.
  const lam = 0.35;
  const mu = 0.12;
  const values = { PF: { costs: { drug: 'c_pf' }, utility: 0.8 }, PD: { costs: { drug: 600 }, utility: 0.55 }, Dead: { utility: 0 } };
  const base = (counting: string): Record<string, unknown> => ({
    format: 'hta-workbench-model',
    version: 1,
    metadata: { title: 'equivalence' },
    settings: { cycleLength: 0.5, cycles: 40, counting, discount: { costs: 0.03, effects: 0.015 }, effect: 'qalys' },
    costCategories: [{ id: 'drug' }],
    parameters: [
      { id: 'lam', value: lam, kind: 'rate' },
      { id: 'mu', value: mu, kind: 'rate' },
      { id: 'c_pf', value: 2000, kind: 'cost' },
    ],
    strategies: [{ id: 'S' }],
  });
  const markov = (counting: string): HtaModelInput =>
    ({
      ...base(counting),
      model: {
        type: 'markov',
        states: [{ id: 'PF' }, { id: 'PD' }, { id: 'Dead', dead: true }],
        initial: { PF: 1 },
        transitions: [
          { from: 'PF', to: 'Dead', probability: '1 - exp(-mu * cycle_length)' },
          { from: 'PF', to: 'PD', probability: 'exp(-mu * cycle_length) - exp(-(lam + mu) * cycle_length)' },
          { from: 'PF', to: 'PF', probability: 'C' },
          { from: 'PD', to: 'Dead', probability: '1 - exp(-mu * cycle_length)' },
          { from: 'PD', to: 'PD', probability: 'C' },
        ],
        stateValues: values,
      },
    }) as unknown as HtaModelInput;
  const partitioned = (counting: string): HtaModelInput =>
    ({ ...base(counting), model: { type: 'psm', curves: { pfs: { dist: 'exponential', rate: 'lam + mu' }, os: { dist: 'exponential', rate: 'mu' } }, pfs: 'pfs', os: 'os', stateValues: values } }) as unknown as HtaModelInput;

  it.each(['life-table', 'end', 'beginning', 'half-cycle', 'trapezoidal', 'simpson-1/3'])('counting %s: same trace, costs, QALYs and life-years', (counting) => {
    const m = run(markov(counting));
    const p = run(partitioned(counting));
    for (let k = 0; k < m.trace.length; k++) expect(Math.abs(p.trace[k]! - m.trace[k]!)).toBeLessThan(1e-12);
    for (const key of ['cost', 'costUndiscounted', 'qalys', 'qalysUndiscounted', 'lifeYears', 'lifeYearsUndiscounted'] as const) {
      expect(Math.abs(p.totals[key] - m.totals[key]) / Math.abs(m.totals[key])).toBeLessThan(1e-11);
    }
    for (let k = 0; k < m.costPerCycle.length; k++) expect(p.costPerCycle[k]).toBeCloseTo(m.costPerCycle[k]!, 9);
  });
});

describe('state values by category and cycle', () => {
  // The partitioned-survival engine sums costs category by category and leaves out states without a cost in a
  // category; a Markov model with the same exact curves sums state by state: both must agree, for costs and
  // utilities that depend on the cycle, categories costed in one, two or three states, and one costed in none.
  const model = (type: 'psm' | 'markov', counting: string): HtaModelInput => {
    const stateValues = {
      PF: { costs: { drug: 'if(time < 3, c_pf, 100)', care: 50, visit: 20, admin: 5 }, utility: 0.8 },
      PD: { costs: { drug: 600, visit: 35, admin: 5 }, utility: '0.55 - 0.004 * cycle' },
      Dead: { costs: { admin: 1 }, utility: 0 },
    };
    const structure =
      type === 'psm'
        ? { type, curves: { pfs: { dist: 'exponential', rate: 'lam + mu' }, os: { dist: 'exponential', rate: 'mu' } }, pfs: 'pfs', os: 'os', stateValues }
        : {
            type,
            states: [{ id: 'PF' }, { id: 'PD' }, { id: 'Dead', dead: true }],
            initial: { PF: 1 },
            transitions: [
              { from: 'PF', to: 'Dead', probability: '1 - exp(-mu * cycle_length)' },
              { from: 'PF', to: 'PD', probability: 'exp(-mu * cycle_length) - exp(-(lam + mu) * cycle_length)' },
              { from: 'PF', to: 'PF', probability: 'C' },
              { from: 'PD', to: 'Dead', probability: '1 - exp(-mu * cycle_length)' },
              { from: 'PD', to: 'PD', probability: 'C' },
            ],
            stateValues,
          };
    return {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 'values by category' },
      settings: { cycleLength: 0.5, cycles: 30, counting: counting as never, discount: { costs: 0.03, effects: 0.015 }, effect: 'qalys' },
      costCategories: [{ id: 'drug' }, { id: 'care' }, { id: 'visit', discountRate: 0.05 }, { id: 'admin' }, { id: 'unused' }],
      parameters: [
        { id: 'lam', value: 0.35, kind: 'rate' },
        { id: 'mu', value: 0.12, kind: 'rate' },
        { id: 'c_pf', value: 2000, kind: 'cost' },
      ],
      model: structure as never,
      strategies: [{ id: 'S' }],
    };
  };

  it.each(['life-table', 'end', 'trapezoidal'])('counting %s: every category, per cycle and in total, as the Markov model gives', (counting) => {
    const m = run(model('markov', counting));
    const p = run(model('psm', counting));
    for (let k = 0; k < 5; k++) {
      for (const key of ['costByCategory', 'costByCategoryUndiscounted'] as const) {
        const scale = Math.max(1, Math.abs(m[key][k]!));
        expect(Math.abs(p[key][k]! - m[key][k]!) / scale).toBeLessThan(1e-11);
      }
    }
    expect(p.costByCategory[4]).toBe(0);
    expect(p.costByCategory[0]).toBeGreaterThan(p.costByCategory[1]!);
    for (let k = 0; k < m.costPerCycleDiscounted.length; k++) expect(p.costPerCycleDiscounted[k]).toBeCloseTo(m.costPerCycleDiscounted[k]!, 9);
    for (const key of ['qalys', 'qalysUndiscounted', 'lifeYears'] as const) expect(Math.abs(p.totals[key] - m.totals[key]) / m.totals[key]).toBeLessThan(1e-11);
    for (let k = 0; k < m.qalysPerCycle.length; k++) expect(p.qalysPerCycle[k]).toBeCloseTo(m.qalysPerCycle[k]!, 12);
  });

  it('a cycle-dependent value that stops being a number fails at its first cycle, located', () => {
    const json = model('psm', 'life-table');
    (json.model as unknown as { stateValues: { PF: { costs: Record<string, unknown> } } }).stateValues.PF.costs.drug = 'if(time < 3, c_pf, log(4 - time))';
    const compiled = compileModel(parseModel(json));
    let error: unknown;
    try {
      compiled.evaluate(compiled.baseParameters(), compiled.createResult({ totalsOnly: true }));
    } catch (e) {
      error = e;
    }
    // time = (c − 1) × 0.5 reaches 4 at cycle 9: log(0) = −Infinity.
    expect((error as ModelEvaluationError).details).toMatchObject({ code: 'not-a-number', cycle: 9, subject: 'cost drug in state PF', path: ['model', 'stateValues', 'PF', 'costs', 'drug'] });
  });
});

describe('PFS above OS and background mortality', () => {
  it('caps PFS at OS and reports the cycles affected', () => {
    const s = run(psm({ pfs: { dist: 'exponential', rate: 0.1 }, os: { dist: 'exponential', rate: 0.3 } }));
    expect(s.psm.pfsCappedRows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.psm.warnings).toHaveLength(1);
    expect(s.psm.warnings[0]).toMatch(/PFS \(pfs\) exceeded OS \(os\) at cycle\(s\) 1–10/);
    for (let t = 0; t <= 10; t++) {
      expect(s.trace[3 * t + 1]).toBeGreaterThanOrEqual(0); // no negative progressed occupancy
      expect(s.trace[3 * t]).toBeCloseTo(Math.exp(-0.3 * t), 14);
    }
    const ok = run(psm({ pfs: { dist: 'exponential', rate: 0.4 }, os: { dist: 'exponential', rate: 0.3 } }));
    expect(ok.psm.warnings).toEqual([]);
    expect(ok.psm.pfsCappedRows).toEqual([]);
  });

  it('a totals-only evaluation of crossing curves gives the full totals, and a full one after it still reports the crossing', () => {
    const compiled = compileModel(parseModel(psm({ pfs: { dist: 'exponential', rate: 0.1 }, os: { dist: 'exponential', rate: 0.3 } })));
    const params = compiled.baseParameters();
    const full = compiled.evaluate(params).strategies[0] as PsmStrategyResult;
    const totals = { ...full.totals };
    const costs = [...full.costByCategory];
    const totalsOnly = compiled.evaluate(params, compiled.createResult({ totalsOnly: true })).strategies[0]!;
    expect({ ...totalsOnly.totals }).toEqual(totals);
    expect([...totalsOnly.costByCategory]).toEqual(costs);
    const again = compiled.evaluate(params).strategies[0] as PsmStrategyResult;
    expect(again.psm.pfsCappedRows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(again.psm.warnings).toHaveLength(1);
    expect({ ...again.totals }).toEqual(totals);
  });

  it('validation warns about a base-case crossing where the curves are chosen (also inside a hybrid)', () => {
    const crossing = psm({ pfs: { dist: 'exponential', rate: 0.1 }, os: { dist: 'exponential', rate: 0.3 } });
    const report = validateModel(crossing);
    expect(report.valid).toBe(true);
    const w = report.issues.find((i) => i.code === 'pfs-above-os')!;
    expect(w.severity).toBe('warning');
    expect(w.path).toEqual(['model', 'pfs']);
    expect(w.message).toMatch(/cycle\(s\) 1–10/);
    const hybrid = {
      ...crossing,
      model: { type: 'tree', submodels: { arm: crossing.model }, root: { kind: 'decision', branches: [{ id: 'S', kind: 'terminal', submodel: 'arm' }] } },
    } as unknown as HtaModelInput;
    const inHybrid = validateModel(hybrid).issues.find((i) => i.code === 'pfs-above-os')!;
    expect(inHybrid.path).toEqual(['model', 'submodels', 'arm', 'pfs']);
    expect(validateModel(psm({ pfs: { dist: 'exponential', rate: 0.4 }, os: { dist: 'exponential', rate: 0.3 } })).issues).toEqual([]);
  });

  it('caps OS at background survival (hazard may depend on age)', () => {
    const s = run(psm({ pfs: { dist: 'exponential', rate: 1 }, os: { dist: 'exponential', rate: 0.04 } }, { startAge: 60 }, { backgroundMortality: 'if(age < 65, 0.02, 0.2)' }));
    // Cycle c runs at age 60 + (c − 1): rate 0.02 in cycles 1–5, 0.2 after. Rows 1–5: e^{-0.02t} > e^{-0.04t},
    // no cap; row t > 5: e^{-0.1 - 0.2(t-5)} < e^{-0.04t}, capped.
    for (let t = 0; t <= 10; t++) {
      const bg = t <= 5 ? Math.exp(-0.02 * t) : Math.exp(-0.1 - 0.2 * (t - 5));
      const os = Math.min(Math.exp(-0.04 * t), bg);
      expect(1 - s.trace[3 * t + 2]!).toBeCloseTo(os, 14);
    }
    expect(s.psm.osCappedRows).toEqual([6, 7, 8, 9, 10]);
  });
});

describe('located curve errors', () => {
  it('a draw that makes a Weibull shape negative is an error at the curve field, naming the parameters', () => {
    const json = psm({ pfs: { dist: 'exponential', rate: 1 }, os: { dist: 'weibull', shape: 'shape', scale: 3 } });
    json.strategies[0] = { id: 'S', parameters: { shape: -1 } };
    const issue = validateModel(json).issues.find((i) => i.severity === 'error')!;
    expect(issue.path).toEqual(['model', 'curves', 'os', 'shape']);
    expect(issue.message).toMatch(/weibull shape and scale must be > 0/);
  });

  it('a curve that stops being a number between trace rows fails at that half cycle, in totals-only results too', () => {
    // Gompertz with rate 0: -0/shape · expm1(210 t) is 0 · Infinity = NaN once 210 t > 709.78, i.e. from t = 3.5
    // years on the half-cycle grid (3.38 years), while the first whole cycle that fails is t = 4.
    const compiled = compileModel(parseModel(psm({ pfs: { dist: 'exponential', rate: 1 }, os: { dist: 'gompertz', shape: 210, rate: 0 } })));
    const failure = (totalsOnly: boolean): unknown => {
      try {
        compiled.evaluate(compiled.baseParameters(), compiled.createResult({ totalsOnly }));
      } catch (e) {
        return e instanceof ModelEvaluationError ? { message: e.message, ...e.details } : e;
      }
      return 'no error';
    };
    expect(failure(false)).toMatchObject({ code: 'not-a-number', cycle: 3.5, subject: 'survival at 3.5 years' });
    expect(failure(true)).toEqual(failure(false));
  });

  it('unknown curves, reference loops and bad tables are reported where they are written', () => {
    const json = psm({
      pfs: { dist: 'hazard-ratio', curve: 'nope', hr: 0.5 },
      os: { dist: 'hazard-ratio', curve: 'loop', hr: 1 },
      loop: { dist: 'hazard-ratio', curve: 'os', hr: 1 },
      tab: { dist: 'table', times: [0, 2, 1], survival: [1, 0.5, 0.4] },
    });
    const issues = validateModel(json).issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`);
    expect(issues).toContain('unknown-curve ["model","curves","pfs","curve"]');
    expect(issues).toContain('curve-cycle ["model","curves","os"]');
    expect(issues).toContain('bad-table ["model","curves","tab","times"]');
  });
});

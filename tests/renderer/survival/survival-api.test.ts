// The engine-worker functions of the Survival screen: answers, never throws, and located messages.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySurvivalFit, csvColumns, fitSurvival, reconstructSurvival, survivalFitFragment } from '../../../src/renderer/workers/survival-api';

const FIXTURES = resolve(__dirname, '../../fixtures/survival');
const aml = readFileSync(resolve(FIXTURES, 'aml_ipd.csv'), 'utf8');
const example = (name: string) => JSON.parse(readFileSync(resolve(__dirname, '../../../resources/examples', name), 'utf8')) as unknown;

describe('survival worker API', () => {
  it('lists columns and the values of columns with few of them (the arms)', () => {
    const r = csvColumns('time,event,arm\n1,1,A\n2,0,B\n');
    expect(r).toEqual({ ok: true, columns: ['time', 'event', 'arm'], levels: { time: ['1', '2'], event: ['1', '0'], arm: ['A', 'B'] } });
    expect(csvColumns('a,b\n1\n')).toMatchObject({ ok: false, message: 'line 2: 1 fields, but the header has 2 (a, b)' });
  });

  it('fits and shapes the plots; bad data come back as a message', () => {
    const r = fitSurvival({ csv: aml, timeColumn: 'time', eventColumn: 'event', distributions: ['weibull', 'log-normal'], plotHorizon: 300 });
    if (!r.ok) throw new Error(r.message);
    expect(r.analysis.fits.map((f) => f.aicRank)).toEqual([2, 1]);
    expect(r.plot.horizon).toBe(300);
    expect(fitSurvival({ csv: 'time,event\n1,2\n', timeColumn: 'time', eventColumn: 'event', distributions: ['weibull'] })).toEqual({
      ok: false,
      message: 'line 2, column "event": event must be 1 (event) or 0 (censored) (got 2)',
      detail: { code: 'survival-event-not-binary', values: { line: 2, column: 'event', value: 2 } },
    });
  });

  it('rebuilds patient data as CSV and names the part of the input at fault', () => {
    const ok = reconstructSurvival({ curveCsv: '0,1\n1,0.9\n2,0.8\n3,0.7\n', riskCsv: 'time,n_risk\n0,30\n' });
    if (!ok.ok) throw new Error(ok.message);
    expect(ok.csv.split('\n')[0]).toBe('time,event');
    expect(reconstructSurvival({ curveCsv: '0,1\n1,x\n', riskCsv: '0,30\n' })).toEqual({
      ok: false,
      message: 'digitised curve: line 2, column "survival": "x" is not a number',
      detail: { code: 'in-digitised-curve', parts: { problem: { code: 'cell-not-a-number', values: { line: 2, column: 'survival', cell: 'x' } } } },
    });
    expect(reconstructSurvival({ curveCsv: '0,1\n1,0.9\n', riskCsv: '2,30\n' })).toEqual({
      ok: false,
      message: 'reconstruction: the risk table must start at time 0 with the number of patients (it starts at 2)',
      detail: { code: 'in-reconstruction', parts: { problem: { code: 'reconstruct-risk-not-from-zero', values: { time: 2 } } } },
    });
    expect(reconstructSurvival({ curveCsv: '0,1\n1,0.9\n', riskCsv: 'time,n_risk\n0,3.5\n' })).toMatchObject({ ok: false, detail: { code: 'in-reconstruction' } });
    expect(reconstructSurvival({ curveCsv: '0,1\n1,0.9\n', riskCsv: 'time\n0\n' })).toMatchObject({ ok: false, detail: { code: 'in-risk-table', parts: { problem: { code: 'csv-no-column' } } } });
  });

  it('fits data rebuilt from a short curve with two event times (the generalised gamma\'s mean once never returned)', () => {
    const rebuilt = reconstructSurvival({ curveCsv: '0,100\n1,90\n2,95\n3,70\n4,60\n', riskCsv: '0,30\n2,20\n' });
    if (!rebuilt.ok) throw new Error(rebuilt.message);
    const r = fitSurvival({ csv: rebuilt.csv, timeColumn: 'time', eventColumn: 'event', distributions: ['weibull', 'generalised-gamma'] });
    if (!r.ok) throw new Error(r.message);
    expect(r.analysis.fits.map((f) => f.distribution)).toEqual(['weibull', 'generalised-gamma']);
    expect(r.analysis.summary.events).toBe(6);
  });

  it('writes a fit into a tree sub-model and validates the result; a bad target is refused with a reason', () => {
    const r = fitSurvival({ csv: aml, timeColumn: 'time', eventColumn: 'event', distributions: ['weibull'] });
    if (!r.ok) throw new Error(r.message);
    const fit = r.analysis.fits[0]!;
    const options = { curveId: 'os', timeUnit: 'week' as const, role: 'os' as const, submodel: 'chemo_io', provenance: { dataset: 'aml.csv', n: 23, events: 18, aicRank: 1, candidates: 1 } };
    const applied = applySurvivalFit(example('liquid-biopsy-nsclc.json'), fit, options);
    expect(applied).toMatchObject({ ok: true, changes: expect.arrayContaining([{ kind: 'curve', curve: 'os', replaced: true, distribution: 'weibull' }]) });
    expect(applySurvivalFit(example('liquid-biopsy-nsclc.json'), fit, { ...options, submodel: 'nope' })).toMatchObject({ ok: false, message: expect.stringMatching(/no sub-model "nope"/) });
    expect(survivalFitFragment(fit, { ...options, curveId: '1x' })).toMatchObject({ ok: false, message: expect.stringMatching(/curve id "1x"/) });
  });

  it('returns the warnings and problems of the model with the fit as issues (code and values), for the screen to word', () => {
    const r = fitSurvival({ csv: aml, timeColumn: 'time', eventColumn: 'event', distributions: ['weibull'] });
    if (!r.ok) throw new Error(r.message);
    const fit = r.analysis.fits[0]!;
    const options = { curveId: 'os', timeUnit: 'week' as const, role: 'os' as const, submodel: 'chemo_io', provenance: { dataset: 'aml.csv', n: 23, events: 18, aicRank: 1, candidates: 1 } };
    // The aml curve (weeks) falls below the example's PFS: a warning.
    const applied = applySurvivalFit(example('liquid-biopsy-nsclc.json'), fit, options);
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.warnings).toEqual([
      expect.objectContaining({ path: 'model.submodels.chemo_io.pfs', severity: 'warning', code: 'pfs-above-os', params: expect.objectContaining({ strategy: 'tissue_only', pfs: 'pfs', os: 'os' }) }),
    ]);
    // A model that does not validate with the fit: its errors, each with its code and values.
    const broken = example('liquid-biopsy-nsclc.json') as { parameters: { value?: unknown }[] };
    broken.parameters[0]!.value = 1.5;
    const refused = applySurvivalFit(broken, fit, options);
    if (refused.ok) throw new Error('the model with p_egfr = 1.5 validated');
    expect(refused.problems[0]).toMatchObject({ path: 'parameters[0].value', severity: 'error', code: 'not-a-probability', params: { parameter: 'p_egfr', value: 1.5 } });
    expect(refused.problems.every((p) => p.severity === 'error' && p.code !== undefined)).toBe(true);
  });
});

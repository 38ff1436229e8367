// Stored runs inside a dossier file: used when made from the same model document, ignored (with a note) when made
// from another version, refused with a located message when malformed.
import { describe, expect, it } from 'vitest';
import { encodeTypedArrays } from '../../src/dossier/typed-json';
import type { StoredRun } from '../../src/dossier/workspace-models';
import type { DossierFile } from '../../src/dossier/file-format';
import { baseCase } from '../../src/engine/analysis/base-case';
import type { AnalysisKind } from '../../src/engine/analysis/model-analyses';
import { modelDocumentHash } from '../../src/engine/json/canonical-json';
import { parseModel } from '../../src/engine/compile-model';
import { createPsaSetup } from '../../src/engine/psa/psa-setup';
import { runPsa } from '../../src/engine/psa/psa-run';
import { prepareReportInput, ReportInputError } from '../../src/report/report-input';
import { exampleFile, NOW } from './report-fixture';

const SKIP: AnalysisKind[] = ['one-way', 'threshold', 'two-way', 'scenarios', 'evppi', 'budget-impact'];
const settings = { seed: 1, iterations: 40, appVersion: '0.1.0', now: NOW, skip: SKIP };

function run(kind: StoredRun['kind'], results: unknown, overrides: Partial<StoredRun> = {}): StoredRun {
  return {
    id: `run-${kind}`,
    modelId: 'example-liquid-biopsy-nsclc-model',
    kind,
    label: `${kind} stored`,
    modelHash: '0'.repeat(64),
    appVersion: '0.0.9',
    engineVersion: '1.0.0',
    startedAt: '2026-12-01T09:00:00.000Z',
    durationMs: 5,
    status: 'complete',
    inputs: {},
    results: encodeTypedArrays(results) as StoredRun['results'],
    ...overrides,
  };
}

function withRuns(runs: StoredRun[]): DossierFile {
  const file = exampleFile();
  file.models[0]!.runs = runs;
  return file;
}

describe('stored runs in a report', () => {
  const file = exampleFile();
  const document = file.models[0]!.model.document;
  const hash = modelDocumentHash(document);
  const model = parseModel(document);

  it('uses a stored PSA made from this model version instead of running one', () => {
    const psa = runPsa(createPsaSetup(model, 7), { iterations: 25 });
    const input = prepareReportInput(withRuns([run('psa', psa, { modelHash: hash, seed: 7, iterations: 25 })]), settings);
    const m = input.models[0]!;
    expect(m.analyses.psa!.draws).toBe(25);
    expect(m.analyses.psa!.seed).toBe(7);
    expect(Array.from(m.analyses.psa!.costs)).toEqual(Array.from(psa.costs));
    const used = m.runs.find((r) => r.kind === 'psa')!;
    expect(used).toMatchObject({ source: 'stored', runId: 'run-psa', seed: 7, iterations: 25, appVersion: '0.0.9' });
    expect(m.runs.find((r) => r.kind === 'base-case')!.source).toBe('computed');
  });

  it('takes stored base-case numbers as they are (they are what the assessors saw)', () => {
    const base = baseCase(model);
    base.strategies[0]!.cost = 123456;
    const input = prepareReportInput(withRuns([run('base-case', base, { modelHash: hash })]), { ...settings, skip: [...SKIP, 'psa'] });
    expect(input.models[0]!.analyses['base-case']!.strategies[0]!.cost).toBe(123456);
    expect(Array.from(input.models[0]!.analyses['base-case']!.strategies[0]!.trace)).toEqual(Array.from(base.strategies[0]!.trace));
  });

  it('ignores runs made from another model version, and says so', () => {
    const psa = runPsa(createPsaSetup(model, 7), { iterations: 25 });
    const input = prepareReportInput(withRuns([run('psa', psa, { modelHash: 'f'.repeat(64) })]), settings);
    const m = input.models[0]!;
    expect(m.analyses.psa!.draws).toBe(40);
    expect(m.runs.find((r) => r.kind === 'psa')!.source).toBe('computed');
    expect(m.warnings.join(' ')).toContain('made from another version of the model');
  });

  it('uses the latest of several runs of one kind', () => {
    const early = runPsa(createPsaSetup(model, 3), { iterations: 10 });
    const late = runPsa(createPsaSetup(model, 4), { iterations: 12 });
    const input = prepareReportInput(
      withRuns([run('psa', late, { id: 'late', modelHash: hash, startedAt: '2026-12-02T00:00:00.000Z' }), run('psa', early, { id: 'early', modelHash: hash })]),
      settings,
    );
    expect(input.models[0]!.analyses.psa!.draws).toBe(12);
  });

  it('refuses a malformed stored run with its location in the file', () => {
    const psa = runPsa(createPsaSetup(model, 7), { iterations: 25 });
    const broken = { ...psa, costs: psa.costs.subarray(0, 10) };
    const attempt = () => prepareReportInput(withRuns([run('one-way', { rows: [] }, { modelHash: hash, id: 'ok' }), run('psa', broken, { modelHash: hash })]), settings);
    expect(attempt).toThrow(ReportInputError);
    expect(attempt).toThrow(`models[0].runs[1].results.costs: holds 10 numbers; 25 draws × ${model.strategies.length} strategies need ${25 * model.strategies.length}`);
  });

  it('refuses an invalid model document with located problems', () => {
    const bad = exampleFile();
    const doc = bad.models[0]!.model.document as { parameters: { value?: unknown }[] };
    doc.parameters[1]!.value = 'high';
    expect(() => prepareReportInput(bad, settings)).toThrow(/^models\[0\]\.model\.document\.parameters\[1\]\.value: /);
  });
});

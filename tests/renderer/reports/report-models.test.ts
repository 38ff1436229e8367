import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../../src/dossier/examples/liquid-biopsy-nsclc';
import { modelSourcesForDossier } from '../../../src/renderer/reports/report-models';
import { prepareReportModels } from '../../../src/renderer/workers/report-api';

describe('models of a dossier report in the app', () => {
  it('resolves the example link to the bundled model file, once, and reports links it cannot resolve', () => {
    const d = exampleDossier();
    d.modelLinks.push({ ...d.modelLinks[0]!, id: 'again' }, { id: 'gone', name: 'Lost model', ref: 'models/lost.json', description: '' });
    const { sources, unresolvedLinks } = modelSourcesForDossier(d, []);
    expect(sources.map((s) => s.id)).toEqual(['liquid-biopsy-nsclc']);
    expect(sources[0]!.link!.id).toBe('model-liquid-biopsy-nsclc');
    expect(sources[0]!.runs).toEqual([]);
    expect(unresolvedLinks.map((u) => u.link.id)).toEqual(['gone']);
    expect(unresolvedLinks[0]!.reason).toContain('open its file on the Models screen');
  });

  it('prepares each model in the worker API, and names a model that cannot be read instead of failing', () => {
    const { sources } = modelSourcesForDossier(exampleDossier(), []);
    const broken = { ...sources[0]!, id: 'broken', title: 'Broken model', document: { format: 'hta-workbench-model', version: 1 } };
    const settings = { seed: 1, iterations: 20, appVersion: '0.1.0', now: '2026-12-06T10:00:00.000Z', skip: ['one-way', 'threshold', 'two-way', 'evppi', 'budget-impact'] as const };
    const out = prepareReportModels([broken, sources[0]!], { ...settings, skip: [...settings.skip] });
    expect(out.models.map((m) => m.id)).toEqual(['liquid-biopsy-nsclc']);
    expect(out.models[0]!.analyses.psa!.draws).toBe(20);
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.every((p) => p.startsWith('Broken model: '))).toBe(true);
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../../src/dossier/examples/liquid-biopsy-nsclc';
import type { ModelBundle } from '../../../src/dossier/workspace-models';
import { modelSourcesForDossier } from '../../../src/renderer/reports/report-models';
import { prepareReportModels } from '../../../src/renderer/workers/report-api';

const T = '2026-12-06T10:00:00.000Z';
const noBundles = { bundles: async () => [] as ModelBundle[] };

describe('models of a dossier report in the app', () => {
  it('resolves a legacy example link to the bundled model file, once, and reports links it cannot resolve', async () => {
    const d = exampleDossier();
    d.modelLinks.push({ ...d.modelLinks[0]!, id: 'again' }, { id: 'gone', name: 'Lost model', ref: 'models/lost.json', description: '' });
    const { sources, unresolvedLinks } = await modelSourcesForDossier(d, noBundles);
    expect(sources.map((s) => s.id)).toEqual(['example:liquid-biopsy-nsclc']);
    expect(sources[0]!.link!.id).toBe('model-liquid-biopsy-nsclc');
    expect(sources[0]!.runs).toEqual([]);
    expect(unresolvedLinks.map((u) => u.link.id)).toEqual(['gone']);
    expect(unresolvedLinks[0]!.reason).toContain('open its file on the Models screen');
  });

  it('takes a linked workspace model with its stored runs, and says so when the model is gone', async () => {
    const document = JSON.parse(readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8')) as ModelBundle['model']['document'];
    const bundle: ModelBundle = { model: { id: 'm-1', title: 'HIV (workspace)', createdAt: T, updatedAt: T, origin: { kind: 'file', ref: 'hiv.json' }, document }, versions: [], history: [], runs: [] };
    const d = exampleDossier();
    d.modelLinks = [
      { id: 'l-1', name: 'HIV', ref: 'hiv.json', description: '', modelId: 'm-1' },
      { id: 'l-2', name: 'Deleted', ref: 'x.json', description: '', modelId: 'm-2' },
    ];
    const asked: string[][] = [];
    const { sources, unresolvedLinks } = await modelSourcesForDossier(d, { bundles: async (ids) => (asked.push([...ids]), [bundle]) });
    expect(asked).toEqual([['m-1', 'm-2']]);
    expect(sources.map((s) => [s.id, s.title, s.link?.id])).toEqual([['m-1', 'HIV (workspace)', 'l-1']]);
    expect(unresolvedLinks.map((u) => [u.link.id, u.reason])).toEqual([['l-2', 'the linked model is no longer in this workspace']]);
  });

  it('prepares each model in the worker API, and names a model that cannot be read instead of failing', async () => {
    const { sources } = await modelSourcesForDossier(exampleDossier(), noBundles);
    const broken = { ...sources[0]!, id: 'broken', title: 'Broken model', document: { format: 'hta-workbench-model', version: 1 } };
    const settings = { seed: 1, iterations: 20, appVersion: '0.1.0', now: T, skip: ['one-way', 'threshold', 'two-way', 'evppi', 'budget-impact'] as const };
    const out = prepareReportModels([broken, sources[0]!], { ...settings, skip: [...settings.skip] });
    expect(out.models.map((m) => m.id)).toEqual(['example:liquid-biopsy-nsclc']);
    expect(out.models[0]!.analyses.psa!.draws).toBe(20);
    expect(out.problems.length).toBeGreaterThan(0);
    expect(out.problems.every((p) => p.startsWith('Broken model: '))).toBe(true);
  }, 60_000);
});

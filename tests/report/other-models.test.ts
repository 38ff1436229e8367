// Reports of other models than the bundled example: two linked Markov models (HIV with a scenario and a PSA; hip
// replacement without a threshold and without distributions), a link to a model the file lacks. Every section still builds, numbers
// stay finite, missing analyses are explained, and the CHEERS references point at sections that exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DossierFile } from '../../src/dossier/file-format';
import { buildDossierFile } from '../../src/dossier/file-format';
import { appInfo } from '../../src/dossier/app-info';
import type { ModelBundle } from '../../src/dossier/workspace-models';
import { buildReport } from '../../src/report/build-report';
import { flattenSections } from '../../src/report/document';
import type { Table } from '../../src/report/document';
import { renderStandaloneHtml } from '../../src/report/html/render-html';
import { prepareReportInput } from '../../src/report/report-input';
import { T0, validDossier } from '../dossier/fixtures';

function bundle(id: string, file: string, change: (doc: Record<string, unknown>) => void = () => undefined): ModelBundle {
  const document = JSON.parse(readFileSync(`resources/examples/${file}`, 'utf8')) as Record<string, never>;
  change(document);
  return { model: { id, title: `Model ${id}`, createdAt: T0, updatedAt: T0, origin: { kind: 'file', ref: file }, document }, versions: [], history: [], runs: [] };
}

function twoModelFile(): DossierFile {
  const dossier = validDossier({
    modelLinks: [
      { id: 'l-hiv', name: 'HIV', ref: 'hiv-chancellor-1997.json', description: '', modelId: 'hiv' },
      { id: 'l-two', name: 'Hip replacement', ref: 'total-hip-replacement.json', description: '', modelId: 'two' },
      { id: 'l-gone', name: 'Lost', ref: 'lost.json', description: '', modelId: 'gone' },
    ],
  });
  const hiv = bundle('hiv', 'hiv-chancellor-1997.json', (doc) => {
    doc.scenarios = [{ id: 'no_discount', label: 'No discounting', settings: { discount: { costs: 0, effects: 0 } } }];
  });
  const thr = bundle('two', 'total-hip-replacement.json', (doc) => {
    (doc.settings as { wtp: number[] }).wtp = [];
  });
  return buildDossierFile(dossier, appInfo, T0, [hiv, thr]);
}

describe('a report of two Markov models', () => {
  const input = prepareReportInput(twoModelFile(), { seed: 3, iterations: 100, appVersion: '0.1.0', now: T0 });
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  const tables = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b): Table[] => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : [])));

  it('gives each model its own subsection in the model sections', () => {
    const results = doc.sections.find((s) => s.id === 'sec-results')!;
    expect(results.children.map((c) => c.title)).toEqual(['Model hiv', 'Model two']);
    expect(results.children[0]!.children.map((c) => c.number)).toEqual(['7.1.1', '7.1.2', '7.1.3', '7.1.4']);
    const ids = flattenSections(doc.sections).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports the scenario, and says why analyses are missing for the model without threshold or distributions', () => {
    const scenarios = tables.find((t) => t.id === 'tab-sec-uncertainty-hiv-scenarios')!;
    expect(scenarios.rows.map((r) => r.cells[0]).filter(Boolean)).toEqual(['Base case', 'No discounting']);
    const two = input.models.find((m) => m.id === 'two')!;
    expect(two.analyses.psa).toBeNull();
    expect(two.problems.map((p) => p.kind)).toContain('one-way');
    expect(renderStandaloneHtml(doc)).toContain('no willingness-to-pay threshold');
  });

  it('names the link whose model the file does not hold', () => {
    expect(input.unresolvedLinks.map((u) => u.link.id)).toEqual(['l-gone']);
    const provenance = doc.sections[0]!.children[0]!;
    expect(provenance.blocks.some((b) => b.kind === 'notice' && b.text.includes('“Lost”'))).toBe(true);
  });

  it('never prints NaN, Infinity or undefined', () => {
    const html = renderStandaloneHtml(doc);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    for (const t of tables) for (const r of t.rows) for (const c of r.cells) expect(c, `${t.id}`).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('draws the Markov structure and uses the life-year effect', () => {
    const structure = flattenSections(doc.sections).find((s) => s.id === 'sec-methods-hiv-structure')!;
    expect(structure.blocks.some((b) => b.kind === 'figure')).toBe(true);
    const incremental = tables.find((t) => t.id === 'tab-sec-results-hiv-incremental')!;
    expect(incremental.header).toContain('ICER (per life-year)');
    expect(incremental.rows.find((r) => r.cells[0] === incremental.rows[1]!.cells[0])!.cells[5]).toBe('£6,276');
  });

  it('lists the net benefit at five thresholds as rows (threshold, strategy), so the table keeps to the page', () => {
    const nb = tables.find((t) => t.id === 'tab-sec-results-hiv-net-benefit')!;
    expect(nb.header).toEqual(['Willingness to pay', 'Strategy', 'Net monetary benefit', 'Incremental net monetary benefit']);
    expect(nb.rows).toHaveLength(5 * 2);
    expect(nb.rows.map((r) => r.cells[0]).filter(Boolean)).toEqual(['£2,000', '£5,000', '£10,000', '£20,000', '£30,000'].map((w) => `${w} per life-year`));
    expect(nb.rows[0]!.cells[3]).toBe('£0');
  });

  it('writes life-years in lower case inside a heading and capitalised where it starts one (en, fr)', () => {
    const incremental = tables.find((t) => t.id === 'tab-sec-results-hiv-incremental')!;
    expect(incremental.header).toContain('Incremental life-years');
    const fr = buildReport(input, { profile: 'full', locale: 'fr-BE' });
    const frTables = flattenSections(fr.sections).flatMap((s) => s.blocks.flatMap((b): Table[] => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : [])));
    expect(frTables.find((t) => t.id === 'tab-sec-results-hiv-incremental')!.header).toContain('Années de vie (incrément)');
    const frMeans = frTables.find((t) => t.id.endsWith('hiv-psa-means'))!;
    expect(frMeans.header).toContain('Années de vie (moyenne)');
  });

  it('points every CHEERS item at a section that exists', () => {
    const cheers = tables.find((t) => t.id === 'tab-cheers')!;
    const names = new Set(flattenSections(doc.sections).map((s) => `${s.number} ${s.title}`));
    for (const r of cheers.rows) {
      if (['Not reported', 'Not applicable', 'Title page'].includes(r.cells[3]!)) continue;
      for (const ref of r.cells[3]!.split('; ')) expect(names.has(ref), ref).toBe(true);
    }
  });
});

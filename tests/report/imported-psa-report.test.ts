// PSA results of other models imported with a dossier appear in its report (Uncertainty): the BCEA vaccine draws,
// stored with a dossier and written to its file, give BCEA's published EVPI and the engine's means in the report's
// tables, in every language; a dossier without imports gets no such section.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDossierFile } from '../../src/dossier/file-format';
import { appInfo } from '../../src/dossier/app-info';
import { psaImportToFile } from '../../src/dossier/psa-imports';
import type { StoredPsaImport } from '../../src/dossier/psa-imports';
import { readPsaDraws } from '../../src/engine/psa/external-draws';
import { netBenefitSummary, psaMeans } from '../../src/engine/uncertainty/psa-summary';
import { buildReport } from '../../src/report/build-report';
import { flattenSections } from '../../src/report/document';
import type { Section, Table } from '../../src/report/document';
import { readDrawsTable } from '../../src/report/draws-file';
import { renderStandaloneHtml } from '../../src/report/html/render-html';
import { prepareReportInput } from '../../src/report/report-input';
import { T0, validDossier } from '../dossier/fixtures';

const referenceDir = resolve(__dirname, '../fixtures/reference');
const published = JSON.parse(readFileSync(resolve(referenceDir, 'bcea_vaccine.json'), 'utf8')).vaccine.expected_published;

async function vaccineImport(dossierId: string): Promise<StoredPsaImport> {
  const draws = readPsaDraws(await readDrawsTable('bcea_vaccine_ce.csv', readFileSync(resolve(referenceDir, 'data', 'bcea_vaccine_ce.csv'))));
  return {
    id: 'imp-vaccine',
    dossierId,
    fileName: 'bcea_vaccine_ce.csv',
    fileSha256: 'a'.repeat(64),
    sheet: null,
    layout: draws.layout,
    strategyIds: [...draws.strategyIds],
    draws: draws.draws,
    parameterNames: [],
    ignoredColumns: draws.ignoredColumns,
    settings: { maxWtp: 50000, evppiWtp: null, currency: '', strategyNames: '' },
    importedAt: T0,
    costs: draws.costs,
    effects: draws.effects,
    parameterValues: new Float64Array(0),
  };
}

const tablesOf = (section: Section): Table[] => flattenSections([section]).flatMap((s) => s.blocks.flatMap((b): Table[] => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : [])));

describe('imported PSA results in the report', () => {
  it('summarises the stored draws after a round trip through the dossier file: means, CE plane, CEAC, EVPI as BCEA publishes', async () => {
    const dossier = validDossier();
    const item = await vaccineImport(dossier.id);
    const input = prepareReportInput(buildDossierFile(dossier, appInfo, T0, [], [psaImportToFile(item)]), { seed: 1, iterations: 100, appVersion: '0.1.0', now: T0 });
    expect(input.importedPsa).toHaveLength(1);
    expect(Array.from(input.importedPsa![0]!.costs)).toEqual(Array.from(item.costs));
    const doc = buildReport(input, { profile: 'full', locale: 'en' });
    const section = flattenSections(doc.sections).find((s) => s.id === 'sec-uncertainty-imported')!;
    expect(section.title).toBe('PSA results of other models');
    expect(section.children.map((c) => c.title)).toEqual(['bcea_vaccine_ce.csv']);
    const source = section.children[0]!.blocks.find((b) => b.kind === 'paragraph');
    expect(source).toMatchObject({ text: expect.stringContaining('1,000 draws of 2 strategies, read as the wide-named layout') });
    const tables = tablesOf(section);
    // Means: the engine's means of the draws, in cents (the vaccine's costs are small amounts).
    const means = psaMeans(item);
    const meansTable = tables.find((t) => t.id.endsWith('-psa-means'))!;
    expect(meansTable.rows.map((r) => r.cells[0])).toEqual(['SQ', 'Vac']);
    expect(meansTable.rows[1]!.cells[1]).toBe(means[1]!.cost.mean.toFixed(2));
    // EVPI at 25,000 per unit of effect: BCEA's published value, to the cent.
    const evpiRow = tables.find((t) => t.id.endsWith('-evpi-data'))!.rows.find((r) => r.cells[0] === '25,000')!.cells;
    const evpi = netBenefitSummary(item, [25000]).byWtp[0]!.evpi;
    expect(evpiRow[1]).toBe(evpi.toFixed(2));
    expect(evpi).toBeCloseTo(published.EVPI, 4);
    // CEAC at 25,000 (every tenth point of the 101-point grid to 50,000 is tabled: 0, 5,000, … 50,000).
    const ceacRow = tables.find((t) => t.id.endsWith('-ceac-data'))!.rows.find((r) => r.cells[0] === '25,000')!.cells;
    expect(Number(ceacRow[2]!.replace('%', '')) / 100).toBeCloseTo(published.CEAC, 2);
    const ids = flattenSections(doc.sections).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(renderStandaloneHtml(doc)).toContain('PSA results of other models');
  });

  it('follows the report language, and is absent when the dossier has no imported results', async () => {
    const dossier = validDossier();
    const file = buildDossierFile(dossier, appInfo, T0, [], [psaImportToFile(await vaccineImport(dossier.id))]);
    const input = prepareReportInput(file, { seed: 1, iterations: 100, appVersion: '0.1.0', now: T0 });
    const fr = flattenSections(buildReport(input, { profile: 'full', locale: 'fr-BE' }).sections).find((s) => s.id === 'sec-uncertainty-imported')!;
    expect(fr.title).toBe('Résultats PSA d’autres modèles');
    expect(fr.children[0]!.blocks.find((b) => b.kind === 'paragraph')).toMatchObject({ text: expect.stringMatching(/1\s000 tirages de 2 stratégies/) });
    const none = prepareReportInput(buildDossierFile(dossier, appInfo, T0), { seed: 1, iterations: 100, appVersion: '0.1.0', now: T0 });
    expect(none.importedPsa).toBeUndefined();
    expect(flattenSections(buildReport(none, { profile: 'full', locale: 'en' }).sections).some((s) => s.id.startsWith('sec-uncertainty-imported'))).toBe(false);
  });
});

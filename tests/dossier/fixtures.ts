// Small builders for tests: a valid dossier and its file text.
import { appInfo } from '../../src/dossier/app-info';
import { coreModelDomains } from '../../src/dossier/core-model';
import { PREVIOUS_ELEMENT_WORDING } from '../../src/dossier/element-wording';
import { buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { newDossier } from '../../src/dossier/new-dossier';
import type { Dossier, Evidence } from '../../src/dossier/schema';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StoredPsaImport } from '../../src/dossier/psa-imports';
import { readPsaDraws } from '../../src/engine/psa/external-draws';
import { parseCsv } from '../../src/engine/survival-fit/csv-table';

export const T0 = '2026-11-28T12:00:00.000Z';

export function validDossier(overrides: Partial<Dossier> = {}): Dossier {
  return { ...newDossier({ id: 'd-1', now: T0, title: 'Test dossier' }), ...overrides };
}

export function evidence(id: string, overrides: Partial<Evidence> = {}): Evidence {
  return {
    id,
    citation: `Citation ${id}`,
    design: 'Cohort',
    population: '',
    n: 10,
    indexTest: '',
    referenceTest: '',
    sensitivity: null,
    specificity: null,
    notes: '',
    unverified: false,
    secondarySource: false,
    ...overrides,
  };
}

export function fileText(dossier: Dossier): string {
  return serializeFile(buildDossierFile(dossier, appInfo, T0));
}

/** The file as a plain object, for tests that break it on purpose. */
export function fileObject(dossier: Dossier = validDossier()): Record<string, unknown> & { dossier: Record<string, unknown> } {
  return JSON.parse(fileText(dossier)) as Record<string, unknown> & { dossier: Record<string, unknown> };
}

/** A dossier as this app wrote it before the card check: old topics and questions, with answers. */
export function oldWordingDossier(): Dossier {
  const d = validDossier();
  for (const domain of coreModelDomains) {
    d.domains[domain.code].elements = d.domains[domain.code].elements.map((el) => {
      const old = PREVIOUS_ELEMENT_WORDING[el.id];
      return { ...el, topic: old?.topic ?? el.topic, issue: old?.issue ?? el.issue, answer: `Answer of ${el.id}`, evidenceIds: [] };
    });
  }
  return d;
}

/** The BCEA vaccine draws (tests/fixtures/reference) as PSA results imported into dossier `dossierId`. */
export function vaccineImport(dossierId: string, id = 'psa-1'): StoredPsaImport {
  const vaccine = readPsaDraws(parseCsv(readFileSync(resolve(__dirname, '../fixtures/reference/data/bcea_vaccine_ce.csv'), 'utf8')));
  return {
    id,
    dossierId,
    fileName: 'bcea_vaccine_ce.xlsx',
    fileSha256: 'c'.repeat(64),
    sheet: null,
    layout: vaccine.layout,
    strategyIds: [...vaccine.strategyIds],
    draws: vaccine.draws,
    costs: vaccine.costs,
    effects: vaccine.effects,
    parameterNames: [],
    parameterValues: new Float64Array(0),
    ignoredColumns: vaccine.ignoredColumns,
    settings: { maxWtp: 50000, evppiWtp: null, currency: 'GBP', strategyNames: '' },
    importedAt: T0,
  };
}

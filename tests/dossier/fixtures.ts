// Small builders for tests: a valid dossier and its file text.
import { appInfo } from '../../src/dossier/app-info';
import { coreModelDomains } from '../../src/dossier/core-model';
import { PREVIOUS_ELEMENT_WORDING } from '../../src/dossier/element-wording';
import { buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { newDossier } from '../../src/dossier/new-dossier';
import type { Dossier, Evidence } from '../../src/dossier/schema';

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

import { coreModelDomains } from '../../../dossier/core-model';
import type { DomainCode, Dossier } from '../../../dossier/schema';
import type { MessageKey } from '../../../report/i18n/translate';

// The editor's sections in display order; the route's last segment is the section id. Labels are catalogue keys
// (a domain section's label is its domain's name).

export interface SectionDef {
  id: string;
  label: MessageKey;
  group: 'dossier.group.dossier' | 'dossier.group.domains' | 'dossier.group.register' | 'dossier.group.versions';
  /** The domain code for domain sections. */
  domain?: DomainCode;
  count?: (d: Dossier) => number;
}

export const editorSections: readonly SectionDef[] = [
  { id: 'overview', label: 'dossier.section.overview', group: 'dossier.group.dossier' },
  { id: 'technology', label: 'dossier.section.technology', group: 'dossier.group.dossier' },
  { id: 'pico', label: 'dossier.section.pico', group: 'dossier.group.dossier', count: (d) => d.picos.length },
  ...coreModelDomains.map<SectionDef>((domain) => ({
    id: domain.code.toLowerCase(),
    label: `coreModel.short.${domain.code}`,
    group: 'dossier.group.domains',
    domain: domain.code,
    count: (d) => d.domains[domain.code].elements.length,
  })),
  { id: 'evidence', label: 'dossier.section.evidence', group: 'dossier.group.register', count: (d) => d.evidence.length },
  { id: 'accuracy', label: 'dossier.section.accuracy', group: 'dossier.group.register', count: (d) => d.evidence.reduce((n, e) => n + (e.twoByTwo?.length ?? 0), 0) },
  { id: 'assessors', label: 'dossier.section.assessors', group: 'dossier.group.register', count: (d) => d.assessors.length },
  { id: 'models', label: 'dossier.section.models', group: 'dossier.group.register', count: (d) => d.modelLinks.length },
  { id: 'reporting', label: 'dossier.section.reporting', group: 'dossier.group.register' },
  { id: 'history', label: 'dossier.section.history', group: 'dossier.group.versions' },
  { id: 'snapshots', label: 'dossier.section.snapshots', group: 'dossier.group.versions' },
];

/** The section with that id, or the overview for unknown ids. */
export function sectionById(id: string): SectionDef {
  return editorSections.find((s) => s.id === id) ?? editorSections[0]!;
}

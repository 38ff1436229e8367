import { coreModelDomains } from '../../../dossier/core-model';
import type { DomainCode, Dossier } from '../../../dossier/schema';

// The editor's sections in display order; the route's last segment is the section id.

export interface SectionDef {
  id: string;
  label: string;
  group: 'Dossier' | 'HTA Core Model domains' | 'Register' | 'Versions';
  /** The domain code for domain sections. */
  domain?: DomainCode;
  count?: (d: Dossier) => number;
}

export const editorSections: readonly SectionDef[] = [
  { id: 'overview', label: 'Overview', group: 'Dossier' },
  { id: 'technology', label: 'Technology', group: 'Dossier' },
  { id: 'pico', label: 'PICO questions', group: 'Dossier', count: (d) => d.picos.length },
  ...coreModelDomains.map<SectionDef>((domain) => ({
    id: domain.code.toLowerCase(),
    label: domain.name,
    group: 'HTA Core Model domains',
    domain: domain.code,
    count: (d) => d.domains[domain.code].elements.length,
  })),
  { id: 'evidence', label: 'Evidence register', group: 'Register', count: (d) => d.evidence.length },
  { id: 'accuracy', label: 'Test accuracy', group: 'Register', count: (d) => d.evidence.reduce((n, e) => n + (e.twoByTwo?.length ?? 0), 0) },
  { id: 'assessors', label: 'Assessors', group: 'Register', count: (d) => d.assessors.length },
  { id: 'models', label: 'Model links', group: 'Register', count: (d) => d.modelLinks.length },
  { id: 'reporting', label: 'Reporting (CHEERS)', group: 'Register' },
  { id: 'history', label: 'History', group: 'Versions' },
  { id: 'snapshots', label: 'Snapshots', group: 'Versions' },
];

/** The section with that id, or the overview for unknown ids. */
export function sectionById(id: string): SectionDef {
  return editorSections.find((s) => s.id === id) ?? editorSections[0]!;
}

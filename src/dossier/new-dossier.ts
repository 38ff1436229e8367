// Builders for new dossiers. Pure: the caller supplies ids and the clock so this runs anywhere and tests
// are deterministic.
import { coreModelDomains, elementTemplatesFor } from './core-model';
import { MAX_SHORT_TEXT } from './limits';
import type { AssessmentElement, Domains, Dossier, TechnologyType } from './schema';

/** 'blank': no assessment elements; 'diagnostic': the default Core Model elements for a diagnostic test. */
export type DossierTemplate = 'blank' | 'diagnostic';
export const dossierTemplates: readonly DossierTemplate[] = ['blank', 'diagnostic'];

export interface NewDossierOptions {
  id: string;
  /** ISO timestamp used for createdAt and updatedAt. */
  now: string;
  title?: string;
  template?: DossierTemplate;
  technologyType?: TechnologyType;
}

export function defaultElementsFor(template: DossierTemplate): Domains {
  const entries = coreModelDomains.map((d) => {
    const elements: AssessmentElement[] =
      template === 'blank'
        ? []
        : elementTemplatesFor(d.code).map((t) => ({ id: t.id, topic: t.topic, issue: t.issue, answer: '', status: 'not-started', evidenceIds: [] }));
    return [d.code, { elements }] as const;
  });
  return Object.fromEntries(entries) as Domains;
}

export function newDossier(options: NewDossierOptions): Dossier {
  return {
    id: options.id,
    title: options.title?.trim() || 'Untitled dossier',
    createdAt: options.now,
    updatedAt: options.now,
    status: 'draft',
    archived: false,
    indication: '',
    technology: { name: '', type: options.technologyType ?? 'other', manufacturer: '', regulatoryStatus: '', intendedUse: '' },
    picos: [{ id: 'pico-1', label: 'PICO 1', population: '', intervention: '', comparators: [], outcomes: [] }],
    domains: defaultElementsFor(options.template ?? 'diagnostic'),
    evidence: [],
    assessors: [],
    modelLinks: [],
  };
}

/** Completion counts for progress display: elements marked complete or not relevant count as done. */
export function dossierCompletion(dossier: Dossier): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const d of coreModelDomains) {
    for (const el of dossier.domains[d.code].elements) {
      total += 1;
      if (el.status === 'complete' || el.status === 'not-relevant') done += 1;
    }
  }
  return { done, total };
}

/** An id for a new item in a list (evidence, PICO, assessor): prefix-N with N one above the highest in use. */
export function nextItemId(prefix: string, existing: readonly { id: string }[]): string {
  let max = 0;
  for (const { id } of existing) {
    const match = id.startsWith(`${prefix}-`) ? /^\d+$/.exec(id.slice(prefix.length + 1)) : null;
    if (match) max = Math.max(max, Number(match[0]));
  }
  return `${prefix}-${max + 1}`;
}

/**
 * A title with a suffix such as " (copy)", shortened (with an ellipsis, never inside a surrogate pair) so that the
 * whole stays within the title limit: copying a dossier whose title is already at the limit must not fail.
 */
export function suffixedTitle(title: string, suffix: string, max = MAX_SHORT_TEXT): string {
  if (title.length + suffix.length <= max) return `${title}${suffix}`;
  let cut = Math.max(0, max - suffix.length - 1);
  const last = title.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${title.slice(0, cut).trimEnd()}…${suffix}`;
}

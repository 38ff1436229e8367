// A data fix-up for stored and imported dossiers: the topics and questions of the Core Model elements were
// corrected against the element cards (DOMAIN-NOTES.md §1.4, 2026-12-06). Element ids did not change, so every
// answer stays attached to its element; only a topic or question still equal to the wording this app wrote
// before is replaced by the corrected one (text a user edited is kept). Applied on import (dossier and backup
// files, with their snapshots) and when a stored dossier or snapshot is read. No file-format version change:
// the shape of a dossier is the same.
import { coreModelDomains, elementTemplate } from './core-model';
import type { Dossier } from './schema';

/** Topic and question of each element as the diagnostic template wrote them before the card check. */
export const PREVIOUS_ELEMENT_WORDING: Readonly<Record<string, { topic?: string; issue?: string }>> = {
  B0006: { issue: 'What are the special features of this technology?' },
  C0007: { issue: 'Are the technology and comparator(s) associated with user-dependent harms?' },
  E0001: { issue: 'What types of resources are used when delivering the technology and its comparators (resource-use identification)?' },
  E0002: { issue: 'What amounts of resources are used when delivering the technology and its comparators?' },
  E0003: { topic: 'Resource utilization', issue: 'What are the unit costs of the resources used, including the costs of false positive and false negative results?' },
  E0004: { topic: 'Resource utilization', issue: 'What are the indirect costs (productivity) related to the technology and its comparators?' },
  E0005: { issue: 'What are the incremental effects of the technology relative to its comparators?' },
  E0011: { topic: 'Characterising uncertainty', issue: 'How is heterogeneity characterised (variation of costs and effects between subgroups)?' },
  F0018: { topic: 'Benefit-harm balance', issue: 'Are the accuracy measures decided and balanced in a transparent and acceptable way?' },
  G0100: { issue: 'What is the patient/participant flow, including waiting times?' },
  G0101: { topic: 'Health delivery process', issue: 'What processes ensure access to the technology for patients/participants?' },
  H0002: { issue: 'Who are the important others affected by the technology (e.g. relatives in genetic testing)?' },
  H0009: { issue: 'What are the consequences of the technology for patients’ decision-making?' },
  H0012: { issue: 'Are there factors that could prevent a group or person from gaining access to or participating in the use of the technology?' },
  I0011: { issue: 'Do laws/binding rules require appropriate processes or resources to guarantee equal access?' },
};

export interface WordingUpgrade {
  dossier: Dossier;
  /** Element ids whose topic or question was replaced (empty: the same object is returned). */
  changed: string[];
}

/** The dossier with the corrected wording; answers, status and evidence links untouched. */
export function upgradeElementWording(dossier: Dossier): WordingUpgrade {
  const changed: string[] = [];
  let domains: Dossier['domains'] | null = null;
  for (const domain of coreModelDomains) {
    const elements = dossier.domains[domain.code].elements;
    let next: typeof elements | null = null;
    elements.forEach((el, i) => {
      const old = PREVIOUS_ELEMENT_WORDING[el.id];
      const template = elementTemplate(el.id);
      if (!old || !template) return;
      const topic = old.topic !== undefined && el.topic === old.topic ? template.topic : el.topic;
      const issue = old.issue !== undefined && el.issue === old.issue ? template.issue : el.issue;
      if (topic === el.topic && issue === el.issue) return;
      next ??= [...elements];
      next[i] = { ...el, topic, issue };
      changed.push(el.id);
    });
    if (next) {
      domains ??= { ...dossier.domains };
      domains[domain.code] = { ...dossier.domains[domain.code], elements: next };
    }
  }
  return domains ? { dossier: { ...dossier, domains }, changed } : { dossier, changed };
}

import { canChangeStatus } from '../../dossier/schema';
import type {
  AssessmentElement, Assessor, DomainCode, Dossier, DossierStatus, Evidence, Pico,
} from '../../dossier/schema';

// Immutable edits of a dossier used by the editor. Each returns a new dossier and keeps cross references valid
// (e.g. removing evidence also unlinks it from every assessment element).

export function updateElement(d: Dossier, code: DomainCode, elementId: string, patch: Partial<AssessmentElement>): Dossier {
  const elements = d.domains[code].elements.map((el) => (el.id === elementId ? { ...el, ...patch } : el));
  return { ...d, domains: { ...d.domains, [code]: { elements } } };
}

export function addElement(d: Dossier, code: DomainCode, element: AssessmentElement): Dossier {
  return { ...d, domains: { ...d.domains, [code]: { elements: [...d.domains[code].elements, element] } } };
}

export function removeElement(d: Dossier, code: DomainCode, elementId: string): Dossier {
  const elements = d.domains[code].elements.filter((el) => el.id !== elementId);
  return { ...d, domains: { ...d.domains, [code]: { elements } } };
}

/**
 * Puts a removed element back at its old position (undo). Links to evidence removed in the meantime are
 * dropped so the dossier stays valid; nothing happens if an element with that id exists again.
 */
export function reinsertElement(d: Dossier, code: DomainCode, element: AssessmentElement, index: number): Dossier {
  if (allElementIds(d).has(element.id)) return d;
  const evidenceIds = new Set(d.evidence.map((e) => e.id));
  const restored = { ...element, evidenceIds: element.evidenceIds.filter((id) => evidenceIds.has(id)) };
  const elements = [...d.domains[code].elements];
  elements.splice(Math.max(0, Math.min(index, elements.length)), 0, restored);
  return { ...d, domains: { ...d.domains, [code]: { elements } } };
}

/** All element ids in the dossier (they are unique across domains). */
export function allElementIds(d: Dossier): Set<string> {
  return new Set(Object.values(d.domains).flatMap((domain) => domain.elements.map((el) => el.id)));
}

export function linkEvidence(d: Dossier, code: DomainCode, elementId: string, evidenceId: string): Dossier {
  const element = d.domains[code].elements.find((el) => el.id === elementId);
  if (!element || element.evidenceIds.includes(evidenceId)) return d;
  return updateElement(d, code, elementId, { evidenceIds: [...element.evidenceIds, evidenceId] });
}

export function unlinkEvidence(d: Dossier, code: DomainCode, elementId: string, evidenceId: string): Dossier {
  const element = d.domains[code].elements.find((el) => el.id === elementId);
  if (!element) return d;
  return updateElement(d, code, elementId, { evidenceIds: element.evidenceIds.filter((id) => id !== evidenceId) });
}

/** Adds the evidence item, or replaces the one with the same id. */
export function upsertEvidence(d: Dossier, item: Evidence): Dossier {
  const exists = d.evidence.some((e) => e.id === item.id);
  return { ...d, evidence: exists ? d.evidence.map((e) => (e.id === item.id ? item : e)) : [...d.evidence, item] };
}

/** Removes an evidence item and its links from every element. */
export function removeEvidence(d: Dossier, evidenceId: string): Dossier {
  const domains = Object.fromEntries(
    Object.entries(d.domains).map(([code, domain]) => [
      code,
      { elements: domain.elements.map((el) => (el.evidenceIds.includes(evidenceId) ? { ...el, evidenceIds: el.evidenceIds.filter((id) => id !== evidenceId) } : el)) },
    ]),
  ) as Dossier['domains'];
  return { ...d, domains, evidence: d.evidence.filter((e) => e.id !== evidenceId) };
}

/** A removed evidence item with its place in the register and the elements that cited it, for undo. */
export interface RemovedEvidence {
  item: Evidence;
  index: number;
  links: { code: DomainCode; elementId: string; position: number }[];
}

/** What removeEvidence would take away, or null when there is no such item. */
export function evidenceRemoval(d: Dossier, evidenceId: string): RemovedEvidence | null {
  const index = d.evidence.findIndex((e) => e.id === evidenceId);
  if (index < 0) return null;
  const links = (Object.entries(d.domains) as [DomainCode, Dossier['domains'][DomainCode]][]).flatMap(([code, domain]) =>
    domain.elements.flatMap((el) => {
      const position = el.evidenceIds.indexOf(evidenceId);
      return position < 0 ? [] : [{ code, elementId: el.id, position }];
    }),
  );
  return { item: d.evidence[index]!, index, links };
}

/**
 * Puts a removed evidence item back at its place with its links (undo), keeping every edit made since the removal;
 * links to elements removed in the meantime are dropped, and nothing happens if an item with that id exists again.
 */
export function reinsertEvidence(d: Dossier, removed: RemovedEvidence): Dossier {
  const { item, index, links } = removed;
  if (d.evidence.some((e) => e.id === item.id)) return d;
  const evidence = [...d.evidence];
  evidence.splice(Math.max(0, Math.min(index, evidence.length)), 0, item);
  let domains = d.domains;
  for (const link of links) {
    const elements = domains[link.code].elements.map((el) => {
      if (el.id !== link.elementId || el.evidenceIds.includes(item.id)) return el;
      const evidenceIds = [...el.evidenceIds];
      evidenceIds.splice(Math.max(0, Math.min(link.position, evidenceIds.length)), 0, item.id);
      return { ...el, evidenceIds };
    });
    domains = { ...domains, [link.code]: { elements } };
  }
  return { ...d, evidence, domains };
}

export function upsertAssessor(d: Dossier, assessor: Assessor): Dossier {
  const exists = d.assessors.some((a) => a.id === assessor.id);
  return { ...d, assessors: exists ? d.assessors.map((a) => (a.id === assessor.id ? assessor : a)) : [...d.assessors, assessor] };
}

export function removeAssessor(d: Dossier, assessorId: string): Dossier {
  return { ...d, assessors: d.assessors.filter((a) => a.id !== assessorId) };
}

export function updatePico(d: Dossier, picoId: string, patch: Partial<Pico>): Dossier {
  return { ...d, picos: d.picos.map((p) => (p.id === picoId ? { ...p, ...patch } : p)) };
}

export function addPico(d: Dossier, pico: Pico): Dossier {
  return { ...d, picos: [...d.picos, pico] };
}

/** Puts a removed PICO question back at its old position (undo), unless its id is in use again. */
export function reinsertPico(d: Dossier, pico: Pico, index: number): Dossier {
  if (d.picos.some((p) => p.id === pico.id)) return d;
  const picos = [...d.picos];
  picos.splice(Math.max(0, Math.min(index, picos.length)), 0, pico);
  return { ...d, picos };
}

/** Removes a PICO question unless it is the last one (a dossier needs at least one). */
export function removePico(d: Dossier, picoId: string): Dossier {
  return d.picos.length <= 1 ? d : { ...d, picos: d.picos.filter((p) => p.id !== picoId) };
}

/** The dossier in the new status, or the same dossier when the workflow does not allow that step. */
export function changeStatus(d: Dossier, to: DossierStatus): Dossier {
  return canChangeStatus(d.status, to) ? { ...d, status: to } : d;
}

/** Lines of a textarea as a list (kept exactly, so typing a new line does not lose it). */
export function linesToList(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** A list without blank entries (applied when the field loses focus). */
export function withoutBlankLines(list: readonly string[]): string[] {
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

/** "0.87 (0.80–0.92)" for an accuracy estimate; "—" when there is none. */
export function formatAccuracy(value: Evidence['sensitivity']): string {
  if (!value) return '—';
  const f = (x: number) => x.toFixed(2);
  if (value.lower === null || value.upper === null) return f(value.estimate);
  return `${f(value.estimate)} (${f(value.lower)}–${f(value.upper)})`;
}

/** A fresh local id with a readable prefix (UUIDs fit the id schema). */
export function newLocalId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

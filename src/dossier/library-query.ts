// The dossier library's list: summaries of dossiers, search, filters and sort. Pure, so the database only
// stores summaries and the rules are tested without IndexedDB.
import { coreModelDomains } from './core-model';
import { dossierCompletion } from './new-dossier';
import { dossierStatuses } from './schema';
import type { Dossier, DossierStatus, TechnologyType } from './schema';

export interface DossierSummary {
  id: string;
  title: string;
  status: DossierStatus;
  archived: boolean;
  technologyName: string;
  technologyType: TechnologyType;
  manufacturer: string;
  indication: string;
  createdAt: string;
  updatedAt: string;
  /** Assessment elements marked complete or not relevant, out of all elements. */
  completion: { done: number; total: number };
  evidenceCount: number;
}

export type ArchivedFilter = 'exclude' | 'include' | 'only';
export type SortKey = 'title' | 'updated' | 'status';
export type SortDirection = 'asc' | 'desc';

export interface ListQuery {
  /** Words matched (all of them, case- and accent-insensitive) against title, technology, indication, PICO
   *  questions, answers and evidence citations. */
  search?: string;
  status?: DossierStatus | readonly DossierStatus[];
  technologyType?: TechnologyType | readonly TechnologyType[];
  /** Case-insensitive substring of the indication. */
  indication?: string;
  /** Default 'exclude': archived dossiers are hidden. */
  archived?: ArchivedFilter;
  /** Default 'updated'. */
  sort?: SortKey;
  /** Default: 'desc' for updated, 'asc' for title and status (workflow order). */
  direction?: SortDirection;
}

export function summarizeDossier(d: Dossier): DossierSummary {
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    archived: d.archived,
    technologyName: d.technology.name,
    technologyType: d.technology.type,
    manufacturer: d.technology.manufacturer,
    indication: d.indication,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    completion: dossierCompletion(d),
    evidenceCount: d.evidence.length,
  };
}

/** Lower case without diacritics, so "Évaluation" matches "evaluation". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Everything the search box looks in, folded once when the dossier is saved. */
export function dossierSearchText(d: Dossier): string {
  const parts: string[] = [d.title, d.indication, d.technology.name, d.technology.manufacturer, d.technology.intendedUse, d.technology.regulatoryStatus];
  for (const p of d.picos) parts.push(p.label, p.population, p.intervention, ...p.comparators, ...p.outcomes);
  for (const domain of coreModelDomains) {
    for (const el of d.domains[domain.code].elements) parts.push(el.id, el.topic, el.answer);
  }
  for (const e of d.evidence) parts.push(e.citation, e.indexTest);
  for (const a of d.assessors) parts.push(a.name, a.organisation);
  return foldText(parts.filter((s) => s !== '').join('\n'));
}

export function searchTerms(search: string | undefined): string[] {
  return search ? foldText(search).split(/\s+/).filter((t) => t !== '') : [];
}

function asList<T>(v: T | readonly T[] | undefined): readonly T[] | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? (v as readonly T[]) : [v as T];
}

export interface SearchableSummary {
  summary: DossierSummary;
  searchText: string;
}

export function matchesQuery(item: SearchableSummary, query: ListQuery, terms: readonly string[] = searchTerms(query.search)): boolean {
  const s = item.summary;
  const archived = query.archived ?? 'exclude';
  if (archived === 'exclude' && s.archived) return false;
  if (archived === 'only' && !s.archived) return false;
  const statuses = asList(query.status);
  if (statuses && statuses.length > 0 && !statuses.includes(s.status)) return false;
  const types = asList(query.technologyType);
  if (types && types.length > 0 && !types.includes(s.technologyType)) return false;
  if (query.indication && !foldText(s.indication).includes(foldText(query.indication.trim()))) return false;
  return terms.every((t) => item.searchText.includes(t));
}

const statusRank = new Map<DossierStatus, number>(dossierStatuses.map((s, i) => [s, i]));
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareSummaries(a: DossierSummary, b: DossierSummary, key: SortKey): number {
  if (key === 'title') return collator.compare(a.title, b.title);
  if (key === 'status') return (statusRank.get(a.status) ?? 0) - (statusRank.get(b.status) ?? 0);
  return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
}

/** Filters and sorts; ties break by title, then id, so the order is stable. */
export function queryLibrary(items: readonly SearchableSummary[], query: ListQuery = {}): DossierSummary[] {
  const terms = searchTerms(query.search);
  const key = query.sort ?? 'updated';
  const sign = (query.direction ?? (key === 'updated' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  return items
    .filter((item) => matchesQuery(item, query, terms))
    .map((item) => item.summary)
    .sort((a, b) => sign * compareSummaries(a, b, key) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Distinct indications (as first written), for the filter's suggestions. */
export function distinctIndications(summaries: readonly DossierSummary[]): string[] {
  const byFolded = new Map<string, string>();
  for (const s of summaries) {
    const text = s.indication.trim();
    if (text !== '' && !byFolded.has(foldText(text))) byFolded.set(foldText(text), text);
  }
  return [...byFolded.values()].sort((a, b) => collator.compare(a, b));
}

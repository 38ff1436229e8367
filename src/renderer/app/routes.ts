// Hash routes (#/library, #/dossiers/<id>/<section>, #/models/<id>/<tab>, #/examples/<file>/<tab>, #/survival, #/countries): work
// the same on app://, http:// and file://. Workspace models and bundled examples (read-only templates) have separate
// routes, so an imported model can never hide an example of the same id.

export type Route =
  | { page: 'library' }
  | { page: 'dossier'; dossierId: string; section: string }
  | { page: 'report'; dossierId: string }
  | { page: 'models' }
  | { page: 'model'; modelId: string; tab: string }
  | { page: 'example'; exampleId: string; tab: string }
  | { page: 'survival' }
  | { page: 'countries' }
  /** importId: PSA results stored with a dossier, reopened. */
  | { page: 'psa-results'; importId?: string }
  | { page: 'not-found'; hash: string };

export const defaultDossierSection = 'overview';
export const defaultModelTab = 'model';

/** The route a location hash names. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'library')) return { page: 'library' };
  if (parts[0] === 'dossiers' && parts[1] && parts.length === 3 && parts[2] === 'report') return { page: 'report', dossierId: parts[1] };
  if (parts[0] === 'dossiers' && parts[1] && parts.length <= 3) {
    return { page: 'dossier', dossierId: parts[1], section: parts[2] ?? defaultDossierSection };
  }
  if (parts[0] === 'models' && parts.length === 1) return { page: 'models' };
  if (parts[0] === 'models' && parts[1] && parts.length <= 3) return { page: 'model', modelId: parts[1], tab: parts[2] ?? defaultModelTab };
  if (parts[0] === 'examples' && parts[1] && parts.length <= 3) return { page: 'example', exampleId: parts[1], tab: parts[2] ?? defaultModelTab };
  if (parts[0] === 'survival' && parts.length === 1) return { page: 'survival' };
  if (parts[0] === 'countries' && parts.length === 1) return { page: 'countries' };
  if (parts[0] === 'psa-results' && parts.length === 1) return { page: 'psa-results' };
  if (parts[0] === 'psa-results' && parts[1] && parts.length === 2) return { page: 'psa-results', importId: parts[1] };
  return { page: 'not-found', hash };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The hash of a route (the inverse of parseRoute). */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'library':
      return '#/library';
    case 'dossier':
      return `#/dossiers/${encodeURIComponent(route.dossierId)}/${encodeURIComponent(route.section)}`;
    case 'report':
      return `#/dossiers/${encodeURIComponent(route.dossierId)}/report`;
    case 'models':
      return '#/models';
    case 'model':
      return `#/models/${encodeURIComponent(route.modelId)}/${encodeURIComponent(route.tab)}`;
    case 'example':
      return `#/examples/${encodeURIComponent(route.exampleId)}/${encodeURIComponent(route.tab)}`;
    case 'survival':
      return '#/survival';
    case 'countries':
      return '#/countries';
    case 'psa-results':
      return route.importId ? `#/psa-results/${encodeURIComponent(route.importId)}` : '#/psa-results';
    case 'not-found':
      return route.hash;
  }
}

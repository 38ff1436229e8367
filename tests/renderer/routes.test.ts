import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../src/renderer/app/routes';
import type { Route } from '../../src/renderer/app/routes';
import { shortcutCommand } from '../../src/renderer/app/menu-commands';

describe('routes', () => {
  it('defaults to the library', () => {
    expect(parseRoute('')).toEqual({ page: 'library' });
    expect(parseRoute('#/')).toEqual({ page: 'library' });
    expect(parseRoute('#/library')).toEqual({ page: 'library' });
  });
  it('reads dossier routes with and without a section', () => {
    expect(parseRoute('#/dossiers/abc-1')).toEqual({ page: 'dossier', dossierId: 'abc-1', section: 'overview' });
    expect(parseRoute('#/dossiers/abc-1/eff')).toEqual({ page: 'dossier', dossierId: 'abc-1', section: 'eff' });
  });
  it('round-trips through routeHash, including ids that need escaping', () => {
    const routes: Route[] = [
      { page: 'library' },
      { page: 'dossier', dossierId: 'a b/c', section: 'history' },
      { page: 'model', modelId: 'm-1', tab: 'versions' },
      { page: 'example', exampleId: 'liquid-biopsy-nsclc', tab: 'results' },
      { page: 'survival' },
      { page: 'report', dossierId: 'a b/c' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it('keeps workspace models and bundled examples apart', () => {
    expect(parseRoute('#/models/abc')).toEqual({ page: 'model', modelId: 'abc', tab: 'model' });
    expect(parseRoute('#/examples/liquid-biopsy-nsclc/budget')).toEqual({ page: 'example', exampleId: 'liquid-biopsy-nsclc', tab: 'budget' });
  });
  it('reads the report route of a dossier', () => {
    expect(parseRoute('#/dossiers/abc-1/report')).toEqual({ page: 'report', dossierId: 'abc-1' });
    expect(routeHash({ page: 'report', dossierId: 'abc-1' })).toBe('#/dossiers/abc-1/report');
  });
  it('marks unknown paths as not found instead of guessing', () => {
    expect(parseRoute('#/nothing/here')).toEqual({ page: 'not-found', hash: '#/nothing/here' });
    expect(parseRoute('#/dossiers/x/y/z')).toMatchObject({ page: 'not-found' });
    expect(parseRoute('#/survival/x')).toMatchObject({ page: 'not-found' });
  });
  it('survives malformed escapes', () => {
    expect(parseRoute('#/dossiers/%E0%A4%A')).toEqual({ page: 'dossier', dossierId: '%E0%A4%A', section: 'overview' });
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
  });
  it('maps Ctrl+Alt letters to commands and ignores plain typing', () => {
    expect(shortcutCommand(key('n', { ctrlKey: true, altKey: true }))).toBe('new-dossier');
    expect(shortcutCommand(key('I', { metaKey: true, altKey: true }))).toBe('import-dossier');
    expect(shortcutCommand(key('n'))).toBeNull();
    expect(shortcutCommand(key('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutCommand(key('x', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

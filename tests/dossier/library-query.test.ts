import { describe, expect, it } from 'vitest';
import { distinctIndications, dossierSearchText, queryLibrary, summarizeDossier } from '../../src/dossier/library-query';
import type { Dossier } from '../../src/dossier/schema';
import { validDossier } from './fixtures';

function item(d: Dossier) {
  return { summary: summarizeDossier(d), searchText: dossierSearchText(d) };
}

function lib(): Dossier[] {
  const a = validDossier({ id: 'a', title: 'Plasma NGS in NSCLC', status: 'draft', indication: 'Advanced NSCLC', updatedAt: '2026-01-03T00:00:00.000Z' });
  a.technology = { ...a.technology, name: 'Guardant360', type: 'liquid-biopsy' };
  const b = validDossier({ id: 'b', title: 'alectinib', status: 'final', indication: 'ALK+ NSCLC', updatedAt: '2026-01-01T00:00:00.000Z' });
  b.technology = { ...b.technology, type: 'medicine' };
  b.domains.EFF.elements[0]!.answer = 'Sensitivity was 0.69 against tissue.';
  const c = validDossier({ id: 'c', title: 'Évaluation du panel', status: 'under-review', indication: 'Colorectal cancer', updatedAt: '2026-01-02T00:00:00.000Z', archived: true });
  c.technology = { ...c.technology, type: 'ngs-panel' };
  return [a, b, c];
}

const ids = (q: Parameters<typeof queryLibrary>[1]) => queryLibrary(lib().map(item), q).map((s) => s.id);

describe('library query', () => {
  it('hides archived dossiers unless asked and sorts by last update, newest first', () => {
    expect(ids({})).toEqual(['a', 'b']);
    expect(ids({ archived: 'include' })).toEqual(['a', 'c', 'b']);
    expect(ids({ archived: 'only' })).toEqual(['c']);
  });

  it('searches title, technology, indication and answer text, all words, ignoring case and accents', () => {
    expect(ids({ search: 'guardant' })).toEqual(['a']);
    expect(ids({ search: 'sensitivity tissue' })).toEqual(['b']);
    expect(ids({ search: 'sensitivity colorectal' })).toEqual([]);
    expect(ids({ search: 'evaluation', archived: 'include' })).toEqual(['c']);
    expect(ids({ search: 'nsclc' })).toEqual(['a', 'b']);
  });

  it('filters by status, technology type and indication', () => {
    expect(ids({ status: 'final' })).toEqual(['b']);
    expect(ids({ status: ['draft', 'under-review'], archived: 'include' })).toEqual(['a', 'c']);
    expect(ids({ technologyType: 'ngs-panel', archived: 'include' })).toEqual(['c']);
    expect(ids({ indication: 'alk' })).toEqual(['b']);
  });

  it('sorts by title (natural, case-insensitive) and by workflow status', () => {
    expect(ids({ sort: 'title', archived: 'include' })).toEqual(['b', 'c', 'a']);
    expect(ids({ sort: 'title', direction: 'desc', archived: 'include' })).toEqual(['a', 'c', 'b']);
    expect(ids({ sort: 'status', archived: 'include' })).toEqual(['a', 'c', 'b']);
  });

  it('lists distinct indications once each', () => {
    const summaries = lib().map(summarizeDossier);
    summaries.push({ ...summaries[0]!, id: 'z', indication: 'advanced nsclc' });
    expect(distinctIndications(summaries)).toEqual(['Advanced NSCLC', 'ALK+ NSCLC', 'Colorectal cancer']);
  });
});

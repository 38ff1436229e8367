import { describe, expect, it } from 'vitest';
import { describeChangePath, diffDossiers } from '../../src/dossier/diff';
import { evidence, validDossier } from './fixtures';

describe('diffDossiers', () => {
  it('finds nothing between equal dossiers and ignores updatedAt', () => {
    const a = validDossier();
    expect(diffDossiers(a, { ...structuredClone(a), updatedAt: '2030-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('records leaf changes with their paths, elements addressed by id', () => {
    const a = validDossier();
    const b = structuredClone(a);
    b.title = 'New title';
    b.technology.name = 'Guardant360';
    b.domains.EFF.elements.find((e) => e.id === 'D1007')!.answer = 'Varies by setting';
    expect(diffDossiers(a, b)).toEqual([
      { path: 'title', before: 'Test dossier', after: 'New title' },
      { path: 'technology.name', before: '', after: 'Guardant360' },
      { path: 'domains.EFF.elements[#D1007].answer', before: '', after: 'Varies by setting' },
    ]);
  });

  it('records one removal when a row in the middle of a list is deleted', () => {
    const a = validDossier({ evidence: [evidence('e1'), evidence('e2'), evidence('e3')] });
    const b = { ...a, evidence: [evidence('e1'), evidence('e3')] };
    expect(diffDossiers(a, b)).toEqual([{ path: 'evidence[#e2]', before: evidence('e2'), after: null }]);
  });

  it('records additions, nested changes and reordering', () => {
    const a = validDossier({ evidence: [evidence('e1'), evidence('e2')] });
    const b = validDossier({ evidence: [evidence('e2'), evidence('e1', { n: 20 }), evidence('e3')] });
    expect(diffDossiers(a, b)).toEqual([
      { path: 'evidence[#e1].n', before: 10, after: 20 },
      { path: 'evidence[#e3]', before: null, after: evidence('e3') },
      { path: 'evidence[order]', before: ['e1', 'e2'], after: ['e2', 'e1'] },
    ]);
  });

  it('treats lists of text as one value', () => {
    const a = validDossier();
    const b = structuredClone(a);
    b.picos[0]!.comparators = ['Tissue only'];
    expect(diffDossiers(a, b)).toEqual([{ path: 'picos[#pico-1].comparators', before: [], after: ['Tissue only'] }]);
  });

  it('labels paths for people', () => {
    expect(describeChangePath('domains.EFF.elements[#D1007].answer')).toBe('EFF › D1007 › answer');
    expect(describeChangePath('technology.name')).toBe('technology › name');
  });
});

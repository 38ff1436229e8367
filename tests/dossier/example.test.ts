import { describe, expect, it } from 'vitest';
import { coreModelDomains } from '../../src/dossier/core-model';
import { EXAMPLE_DOSSIER_TITLE, exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { validateDossier } from '../../src/dossier/parse-file';

describe('bundled example dossier', () => {
  const d = exampleDossier();
  const byId = (id: string) => d.evidence.find((e) => e.id === id)!;

  it('validates against the dossier schema', () => {
    const r = validateDossier(d);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('is the liquid-biopsy NSCLC dossier with technology and PICO filled in', () => {
    expect(d.title).toBe('Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC');
    expect(EXAMPLE_DOSSIER_TITLE).toBe(d.title);
    expect(d.technology.type).toBe('liquid-biopsy');
    expect(d.picos.length).toBeGreaterThanOrEqual(1);
    for (const p of d.picos) {
      expect(p.population).not.toBe('');
      expect(p.comparators.length).toBeGreaterThan(0);
      expect(p.outcomes.length).toBeGreaterThan(0);
    }
  });

  it('answers at least one element in each of the nine domains', () => {
    for (const dom of coreModelDomains) {
      const answered = d.domains[dom.code].elements.filter((e) => e.answer.length > 40);
      expect(answered.length, dom.code).toBeGreaterThan(0);
    }
  });

  it('carries the test-accuracy figures of the domain notes (§3.3 C)', () => {
    expect(byId('ev-chen-2023').sensitivity).toEqual({ estimate: 0.69, lower: 0.63, upper: 0.74 });
    expect(byId('ev-chen-2023').specificity).toEqual({ estimate: 0.99, lower: 0.97, upper: 1 });
    expect(byId('ev-chen-2023').citation).toContain('medRxiv 2023.10.27.23297657');
    expect(byId('ev-nile-2019').sensitivity).toEqual({ estimate: 0.8, lower: null, upper: null });
    expect(byId('ev-nile-2019').citation).toContain('Clin Cancer Res 2019;25(15):4691');
    expect(byId('ev-nile-2019').n).toBe(282);
    expect(byId('ev-ontario-2020').sensitivity?.estimate).toBe(0.68);
    expect(byId('ev-ontario-2020').specificity?.estimate).toBe(0.86);
    expect(byId('ev-ontario-2020').citation).toContain('PMID 32206157');
  });

  it('flags [K] figures as unverified and [S] sources as secondary, and nothing else', () => {
    expect(d.evidence.filter((e) => e.unverified).map((e) => e.id)).toEqual(['ev-htar-ivd-eligibility']);
    expect(d.evidence.filter((e) => e.secondarySource).map((e) => e.id).sort()).toEqual(['ev-accelerate-2023', 'ev-flaura-landmarks', 'ev-ivdr-class']);
  });

  it('links evidence that backs the answers, and every evidence row is used somewhere', () => {
    const linked = new Set(coreModelDomains.flatMap((dom) => d.domains[dom.code].elements.flatMap((e) => e.evidenceIds)));
    expect(d.evidence.filter((e) => !linked.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('returns a fresh copy each time', () => {
    const a = exampleDossier();
    a.evidence[0]!.notes = 'changed';
    expect(exampleDossier().evidence[0]!.notes).not.toBe('changed');
  });
});

import { describe, expect, it } from 'vitest';
import { coreModelDomains, diagnosticElementTemplates } from '../../src/dossier/core-model';
import { newDossier, nextItemId, dossierCompletion } from '../../src/dossier/new-dossier';
import { canChangeStatus, dossierStatuses, statusTransitions } from '../../src/dossier/schema';
import type { Dossier } from '../../src/dossier/schema';
import { formatProblem, validateDossier } from '../../src/dossier/parse-file';
import { T0, evidence, validDossier } from './fixtures';

function problems(d: unknown): string[] {
  const r = validateDossier(d);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('dossier schema', () => {
  it('accepts a new dossier from either template', () => {
    expect(problems(newDossier({ id: 'a', now: T0 }))).toEqual([]);
    expect(problems(newDossier({ id: 'b', now: T0, template: 'blank' }))).toEqual([]);
  });

  it('fills the diagnostic template with every default element in its domain', () => {
    const d = newDossier({ id: 'a', now: T0, template: 'diagnostic' });
    const all = coreModelDomains.flatMap((dom) => d.domains[dom.code].elements.map((e) => e.id));
    expect(all).toEqual(diagnosticElementTemplates.map((t) => t.id));
    expect(d.domains.EFF.elements.map((e) => e.id)).toContain('D1007');
    expect(dossierCompletion(d)).toEqual({ done: 0, total: diagnosticElementTemplates.length });
    const blank = newDossier({ id: 'b', now: T0, template: 'blank' });
    expect(dossierCompletion(blank)).toEqual({ done: 0, total: 0 });
  });

  it('counts complete and not-relevant elements as done', () => {
    const d = validDossier();
    d.domains.CUR.elements[0]!.status = 'complete';
    d.domains.CUR.elements[1]!.status = 'not-relevant';
    d.domains.CUR.elements[2]!.status = 'in-progress';
    expect(dossierCompletion(d).done).toBe(2);
  });

  it('refuses an element whose id letter belongs to another domain', () => {
    const d = validDossier();
    d.domains.CUR.elements[0]!.id = 'B0099';
    expect(problems(d)).toEqual(['domains.CUR.elements[0].id: element B0099 does not belong to CUR (its IDs start with A)']);
  });

  it('refuses duplicate ids and links to evidence that does not exist', () => {
    const d = validDossier({ evidence: [evidence('ev-1'), evidence('ev-1')] });
    d.domains.EFF.elements[0]!.evidenceIds = ['ev-1', 'ev-9'];
    expect(problems(d)).toEqual([
      'evidence[1].id: duplicate id "ev-1"',
      'domains.EFF.elements[0].evidenceIds[1]: links to evidence "ev-9", which is not in the evidence register',
    ]);
  });

  it('checks sensitivity and specificity as proportions with ordered 95% bounds', () => {
    const ok = validDossier({ evidence: [evidence('e', { sensitivity: { estimate: 0.69, lower: 0.63, upper: 0.74 }, specificity: { estimate: 0.99, lower: null, upper: null } })] });
    expect(problems(ok)).toEqual([]);
    const bad = validDossier({ evidence: [evidence('e', { sensitivity: { estimate: 0.69, lower: 0.7, upper: 1.2 } })] });
    expect(problems(bad)).toEqual([
      'evidence[0].sensitivity.upper: expected a number between 0 and 1',
      'evidence[0].sensitivity.lower: the lower 95% bound is above the estimate',
    ]);
  });

  it('refuses unknown fields, empty titles, no PICO, and overlong text', () => {
    const d = { ...validDossier(), extra: 1, title: '', picos: [] } as unknown as Dossier;
    expect(problems(d)).toEqual(['title: a dossier needs a title', 'picos: a dossier needs at least one PICO question', 'unknown field "extra"']);
    expect(problems(validDossier({ indication: 'x'.repeat(1001) }))).toEqual(['indication: text is too long (at most 1000 characters)']);
  });

  it('refuses a non-integer or negative n', () => {
    expect(problems(validDossier({ evidence: [evidence('e', { n: 2.5 })] }))).toEqual(['evidence[0].n: expected a whole number of participants']);
    expect(problems(validDossier({ evidence: [evidence('e', { n: -1 })] }))).toEqual(['evidence[0].n: expected a whole number of participants']);
  });
});

describe('status workflow', () => {
  it('allows exactly draft → under-review → final, sending back, and reopening', () => {
    const allowed = dossierStatuses.flatMap((from) => dossierStatuses.filter((to) => canChangeStatus(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['draft→under-review', 'final→draft', 'under-review→draft', 'under-review→final'].sort());
    expect(Object.keys(statusTransitions).sort()).toEqual([...dossierStatuses].sort());
  });
});

describe('nextItemId', () => {
  it('numbers one above the highest existing id with the prefix', () => {
    expect(nextItemId('ev', [])).toBe('ev-1');
    expect(nextItemId('ev', [{ id: 'ev-2' }, { id: 'ev-10' }, { id: 'ev-x' }, { id: 'pico-40' }])).toBe('ev-11');
  });
});

describe('file names', () => {
  it('makes safe names from titles, cut at a word boundary', async () => {
    const { fileNameForDossier, fileNameForBackup } = await import('../../src/dossier/file-format');
    expect(fileNameForDossier({ title: 'Évaluation: NGS / ctDNA (2026)' })).toBe('evaluation-ngs-ctdna-2026.htad.json');
    expect(fileNameForDossier({ title: '***' })).toBe('dossier.htad.json');
    const long = fileNameForDossier({ title: `${'word '.repeat(30)}end` });
    expect(long).toBe(`${'word-'.repeat(19)}word.htad.json`);
    expect(fileNameForBackup('2026-11-28T10:00:01.123Z')).toBe('hta-workbench-backup-2026-11-28T10-00-01.htabackup.json');
  });
});

describe('title', () => {
  it('must contain something other than spaces', () => {
    expect(problems(validDossier({ title: '   ' }))).toEqual(['title: a dossier needs a title']);
  });
});

import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../../src/dossier/examples/liquid-biopsy-nsclc';
import { MAX_SHORT_TEXT } from '../../../src/dossier/limits';
import { validateDossier } from '../../../src/dossier/parse-file';
import { savableDraft, titleProblem } from '../../../src/renderer/dossiers/title-check';

describe('titleProblem', () => {
  it('finds an empty or blank title and one above the stored limit, and nothing else', () => {
    expect(titleProblem('')).toEqual({ code: 'blank' });
    expect(titleProblem(' \t\n ')).toEqual({ code: 'blank' });
    expect(titleProblem('x'.repeat(MAX_SHORT_TEXT + 1))).toEqual({ code: 'too-long', count: MAX_SHORT_TEXT + 1, max: MAX_SHORT_TEXT });
    expect(titleProblem('x'.repeat(MAX_SHORT_TEXT))).toBeNull();
    expect(titleProblem(' NTRK ')).toBeNull();
  });

  it('agrees with the file format: what it accepts validates, what it refuses does not', () => {
    const base = exampleDossier();
    for (const title of ['', '   ', 'ok', 'x'.repeat(MAX_SHORT_TEXT), 'x'.repeat(MAX_SHORT_TEXT + 1)]) {
      expect(validateDossier({ ...base, title }).ok).toBe(titleProblem(title) === null);
    }
  });
});

describe('savableDraft', () => {
  it('keeps every other change and puts the saved title in place of one that cannot be stored', () => {
    const base = exampleDossier();
    const draft = { ...base, title: '', indication: 'changed' };
    const saved = savableDraft(draft, base.title);
    expect(saved).toEqual({ ...draft, title: base.title });
    expect(validateDossier(saved).ok).toBe(true);
    expect(draft.title).toBe('');
  });

  it('returns a storable draft unchanged', () => {
    const draft = { ...exampleDossier(), title: 'New title' };
    expect(savableDraft(draft, 'Old')).toBe(draft);
  });
});

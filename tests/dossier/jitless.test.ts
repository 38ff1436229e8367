// The renderer runs zod with `jitless: true` (its CSP forbids new Function); validation must behave the same.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { formatProblem, parseDossierFile } from '../../src/dossier/parse-file';
import { fileObject, fileText } from './fixtures';

describe('validation without JIT', () => {
  it('accepts a valid file and lists the same located problems', () => {
    z.config({ jitless: true });
    expect(parseDossierFile(fileText(exampleDossier())).ok).toBe(true);
    const f = fileObject();
    (f.dossier as Record<string, unknown>).status = 'x';
    const r = parseDossierFile(JSON.stringify(f));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['dossier.status: expected "draft" or "under-review" or "final", got the text "x"']);
  });
});

import { describe, expect, it } from 'vitest';
import { exampleDossier } from '../../src/dossier/examples/liquid-biopsy-nsclc';
import { MAX_JSON_DEPTH, MAX_REPORTED_PROBLEMS } from '../../src/dossier/limits';
import { formatProblem, parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';
import { lineAndColumn } from '../../src/dossier/json-text';
import type { FileProblem } from '../../src/dossier/parse-file';
import { evidence, fileObject, fileText, validDossier } from './fixtures';

function messages(text: string): string[] {
  const r = parseDossierFile(text);
  if (r.ok) return [];
  return r.problems.map(formatProblem);
}

describe('parseDossierFile: valid files', () => {
  it('reads back exactly what was exported (the example dossier)', () => {
    const d = exampleDossier();
    const r = parseDossierFile(fileText(d));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.dossier).toEqual(d);
      expect(r.migratedFrom).toBeNull();
    }
  });

  it('accepts a UTF-8 byte-order mark and compact JSON', () => {
    expect(parseDossierFile(`\uFEFF${JSON.stringify(fileObject())}`).ok).toBe(true);
  });
});

describe('parseDossierFile: malformed and truncated files', () => {
  it('names an empty file', () => {
    expect(messages('')).toEqual(['the file is empty']);
    expect(messages(' \n\t ')).toEqual(['the file is empty']);
  });

  it('locates a syntax error by line and column', () => {
    // line 3, column 3 is the second property without a comma before it
    const text = '{\n  "format": "hta-workbench-dossier"\n  "version": 1\n}';
    expect(messages(text)).toEqual(['invalid JSON at line 3, column 3 near "\\"": expected "," or "}"']);
  });

  it('says a cut-off file is truncated', () => {
    const full = fileText(exampleDossier());
    for (const cut of [0.25, 0.5, 0.99]) {
      expect(messages(full.slice(0, Math.floor(full.length * cut)))).toEqual(['the file ends unexpectedly: it is truncated or incomplete (invalid JSON)']);
    }
  });

  it('refuses JSON that is not a workbench file', () => {
    expect(messages('[1, 2]')).toEqual(['not an HTA Workbench file: expected a JSON object with "format": "hta-workbench-dossier"']);
    expect(messages('"text"')).toEqual(['not an HTA Workbench file: expected a JSON object with "format": "hta-workbench-dossier"']);
    expect(messages('{"a": 1}')).toEqual(['format: not an HTA Workbench file: the "format" field is missing (expected "hta-workbench-dossier")']);
    expect(messages('{"format": "other"}')).toEqual(['format: not an HTA Workbench file of this kind: format is "other", expected "hta-workbench-dossier"']);
  });

  it('points a backup file to the restore command and vice versa', () => {
    expect(messages('{"format": "hta-workbench-backup", "version": 1}')).toEqual(['format: this is a workspace backup, not a dossier file: use "Restore backup" to open it']);
    const r = parseBackupFile(fileText(validDossier()));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['format: this is a single dossier file, not a workspace backup: use "Import dossier" to open it']);
    const model = ['format: this is a model file: open it on the Models screen with "Open model file…"'];
    expect(messages('{"format": "hta-workbench-model", "version": 1}')).toEqual(model);
    const asBackup = parseBackupFile('{"format": "hta-workbench-model", "version": 1}');
    expect(asBackup.ok ? [] : asBackup.problems.map(formatProblem)).toEqual(model);
  });
});

describe('parseDossierFile: versions', () => {
  it('refuses a file from a newer version with the versions named', () => {
    const f = { ...fileObject(), version: 4 };
    expect(messages(JSON.stringify(f))).toEqual([
      'version: written by a newer HTA Workbench (format version 4); this version reads up to 3. Update HTA Workbench to open it.',
    ]);
  });

  it('refuses a version that is not a whole number', () => {
    for (const version of [1.5, '1', -1, null]) {
      expect(messages(JSON.stringify({ ...fileObject(), version }))).toEqual(['version: the format version must be a whole number']);
    }
  });

  it('refuses an older version it has no upgrade for', () => {
    expect(messages(JSON.stringify({ ...fileObject(), version: 0 }))).toEqual([
      'version: format version 0 is too old for this version of HTA Workbench (it reads versions 1 to 3)',
    ]);
  });

  it('reads a version 1 file (no models) as a current file with an empty model list', () => {
    const { models: _models, psaImports: _imports, ...v1 } = { ...fileObject(), version: 1 } as Record<string, unknown>;
    const r = parseDossierFile(JSON.stringify(v1));
    expect(r.ok && r.migratedFrom).toBe(1);
    if (r.ok) {
      expect(r.file.models).toEqual([]);
      expect(r.dossier).toEqual(validDossier());
    }
  });

  it('upgrades an older version through the migration chain before validating', () => {
    // Synthetic v0: the PICO was a single object named `pico`; v1 holds a list `picos`; v2 adds models.
    const { models: _models, psaImports: _imports, ...v1 } = { ...fileObject(), version: 1 } as Record<string, unknown> & { dossier: unknown };
    const { picos, ...rest } = v1.dossier as { picos: unknown[] };
    const v0 = { ...v1, version: 0, dossier: { ...rest, pico: picos[0] } };
    const chain = {
      0: (f: Record<string, unknown>) => {
        const { pico, ...d } = f.dossier as Record<string, unknown>;
        return { ...f, version: 1, dossier: { ...d, picos: [pico] } };
      },
      1: (f: Record<string, unknown>) => ({ ...f, version: 2, models: [] }),
      2: (f: Record<string, unknown>) => ({ ...f, version: 3, psaImports: [] }),
    };
    expect(parseDossierFile(JSON.stringify(v0)).ok).toBe(false);
    const r = parseDossierFile(JSON.stringify(v0), { migrations: chain });
    expect(r.ok && r.migratedFrom).toBe(0);
    if (r.ok) expect(r.dossier).toEqual(validDossier());
  });
});

describe('parseDossierFile: hostile files', () => {
  it('refuses prototype-pollution keys anywhere, with their paths, and pollutes nothing', () => {
    const text = fileText(validDossier()).replace('"technology": {', '"technology": { "__proto__": { "polluted": true },').replace('"picos": [', '"constructor": 1, "picos": [');
    const found = messages(text);
    expect(found).toEqual([
      'dossier.constructor: forbidden key "constructor" (files may not contain __proto__, constructor or prototype keys)',
      'dossier.technology.__proto__: forbidden key "__proto__" (files may not contain __proto__, constructor or prototype keys)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finds a "prototype" key inside a list', () => {
    const f = fileObject();
    const text = JSON.stringify(f).replace('"evidence":[]', '"evidence":[{"prototype":{}}]');
    expect(messages(text)).toEqual(['dossier.evidence[0].prototype: forbidden key "prototype" (files may not contain __proto__, constructor or prototype keys)']);
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    const depth = 100_000;
    const text = `{"format":"hta-workbench-dossier","version":1,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const found = messages(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^x(\\[0\\]){${MAX_JSON_DEPTH}}: nested more than ${MAX_JSON_DEPTH} levels deep`));
  });

  it('refuses files over 100 MB, counting UTF-8 bytes', () => {
    const big = `{"format":"hta-workbench-dossier","pad":"${'x'.repeat(101 * 1024 * 1024)}"}`;
    expect(messages(big)).toEqual(['the file is larger than 100 MB, the most HTA Workbench reads']);
    // 51 M two-byte characters: 51 M code units but 102 MB of UTF-8.
    const wide = `{"pad":"${'é'.repeat(51 * 1024 * 1024)}"}`;
    expect(messages(wide)).toEqual(['the file is larger than 100 MB, the most HTA Workbench reads']);
  });

  it('refuses absurd sizes inside the file', () => {
    const f = fileObject();
    (f.dossier as Record<string, unknown>).picos = Array.from({ length: 101 }, (_, i) => ({ id: `p${i}`, label: '', population: '', intervention: '', comparators: [], outcomes: [] }));
    (f.dossier as Record<string, unknown>).title = 'x'.repeat(5000);
    expect(messages(JSON.stringify(f))).toEqual(['dossier.title: text is too long (at most 1000 characters)', 'dossier.picos: too many PICO questions (at most 100)']);
  });
});

describe('parseDossierFile: lists every problem with its path', () => {
  it('reports wrong types, missing fields, bad values and unknown keys together', () => {
    const d = validDossier({ evidence: [evidence('e0'), evidence('e1'), evidence('e2'), evidence('e3')] });
    const f = fileObject(d);
    const dossier = f.dossier as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    dossier.evidence[3].sensitivity = { estimate: 0.5, lower: 1.5, upper: 0.9 };
    dossier.evidence[1].n = 'twelve';
    delete dossier.technology.name;
    dossier.status = 'approved';
    dossier.domains.SAF.elements[0].status = 'done';
    dossier.evidence[0].colour = 'red';
    expect(messages(JSON.stringify(f))).toEqual([
      'dossier.status: expected "draft" or "under-review" or "final", got the text "approved"',
      'dossier.technology.name: required field is missing (expected a text)',
      'dossier.domains.SAF.elements[0].status: expected "not-started" or "in-progress" or "complete" or "not-relevant", got the text "done"',
      'dossier.evidence[0]: unknown field "colour"',
      'dossier.evidence[1].n: expected a number, got the text "twelve"',
      'dossier.evidence[3].sensitivity.lower: expected a number between 0 and 1',
      'dossier.evidence[3].sensitivity.lower: the lower 95% bound is above the estimate',
    ]);
  });

  it('caps the list and says how many more there were', () => {
    const f = fileObject();
    (f.dossier as Record<string, unknown>).evidence = Array.from({ length: 250 }, (_, i) => ({ ...evidence(`e${i}`), n: 'x' }));
    const r = parseDossierFile(JSON.stringify(f));
    expect(r.ok).toBe(false);
    const problems = (r as { problems: FileProblem[] }).problems;
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[MAX_REPORTED_PROBLEMS]).toEqual({ path: '', message: '…and 50 more problems', detail: { code: 'more-problems', values: { count: 50 } } });
  });
});

describe('lineAndColumn', () => {
  it('counts from 1 and restarts columns after a newline', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parseBackupFile: size', () => {
  it('accepts backups above the dossier limit but refuses them above 200 MB', () => {
    const pad = 'x'.repeat(25 * 1024 * 1024);
    const r = parseBackupFile(`{"format":"hta-workbench-backup","version":1,"pad":"${pad}"}`);
    // Past the size check: the schema complains about the content instead.
    expect(r.ok ? [] : r.problems.map(formatProblem)).toContain('unknown field "pad"');
    const huge = parseBackupFile(' '.repeat(201 * 1024 * 1024));
    expect(huge.ok ? [] : huge.problems.map(formatProblem)).toEqual(['the file is larger than 200 MB, the most HTA Workbench reads']);
  });
});

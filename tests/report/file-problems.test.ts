// Problems with opened files in French and Dutch: every code the readers attach (src/shared/problem-detail.ts) is
// worded from the catalogue with the reader's number format; English keeps the readers' own messages (the CLI's).
import { describe, expect, it } from 'vitest';
import { parseBackupFile, parseDossierFile } from '../../src/dossier/parse-file';
import type { FileProblem } from '../../src/dossier/parse-file';
import { MAX_JSON_DEPTH } from '../../src/dossier/limits';
import { readJsonText } from '../../src/dossier/json-text';
import { checkModelSchema } from '../../src/engine/model/schema-check';
import { describeFileProblem } from '../../src/report/file-problems';
import { describeProblem } from '../../src/report/engine-problems';
import { formatsFor } from '../../src/report/format';
import type { ReportLocale } from '../../src/report/format';
import { translator } from '../../src/report/i18n/translate';
import { fileTooLarge } from '../../src/shared/problem-detail';
import { evidence, fileObject, fileText, validDossier } from '../dossier/fixtures';

const DOSSIER = 'hta-workbench-dossier';

function problemsOf(text: string): FileProblem[] {
  const r = parseDossierFile(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

function wordings(problem: FileProblem): Record<ReportLocale, string> {
  const say = (locale: ReportLocale) => describeFileProblem(problem, translator(locale), formatsFor(locale));
  return { en: say('en'), 'fr-BE': say('fr-BE'), 'nl-BE': say('nl-BE') };
}

function only(text: string): Record<ReportLocale, string> {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return wordings(problems[0]!);
}

function withDossier(change: (d: Record<string, unknown>) => void): string {
  const f = fileObject();
  change(f.dossier);
  return JSON.stringify(f);
}

describe('JSON text problems', () => {
  it('an empty or truncated file', () => {
    expect(only('')).toEqual({ en: 'the file is empty', 'fr-BE': 'le fichier est vide', 'nl-BE': 'het bestand is leeg' });
    expect(only('{"format": "x"')).toEqual({
      en: 'the file ends unexpectedly: it is truncated or incomplete (invalid JSON)',
      'fr-BE': 'le fichier se termine de manière inattendue : il est tronqué ou incomplet (JSON non valide)',
      'nl-BE': 'het bestand eindigt onverwacht: het is afgebroken of onvolledig (ongeldige JSON)',
    });
  });

  it('a syntax error, located, with what was expected', () => {
    expect(only('{\n  "format": "hta-workbench-dossier"\n  "version": 1\n}')).toEqual({
      en: 'invalid JSON at line 3, column 3 near "\\"": expected "," or "}"',
      'fr-BE': 'JSON non valide à la ligne 3, colonne 3, près de "\\"" : "," ou "}" attendu',
      'nl-BE': 'ongeldige JSON op regel 3, kolom 3 bij "\\"": "," of "}" verwacht',
    });
    expect(only('{"a": tru }')['nl-BE']).toBe('ongeldige JSON op regel 1, kolom 7 bij "t": waarde verwacht (een tekst tussen dubbele aanhalingstekens, een getal, true, false, null, een object of een lijst)');
    expect(only('{"a": 1} x')['fr-BE']).toBe('JSON non valide à la ligne 1, colonne 10, près de "x" : du texte suit la fin de la valeur JSON');
    expect(only('{"a": "x\ny"}')['fr-BE']).toBe('JSON non valide à la ligne 1, colonne 9 : un caractère de contrôle (comme un saut de ligne) doit être échappé dans un texte');
  });

  it('every syntax reason has its own French and Dutch words', () => {
    const broken = ['{"a": "\\q"}', '{"a": "\\u12"}', '{"a": 01x}', '{"a": -}', '{1: 2}', '{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": 1 "b"}', '{"a": @}', '{"a": "x\ny"}', '{} {}'];
    for (const text of broken) {
      const problem = readJsonText(text);
      expect(problem.ok, text).toBe(false);
      if (problem.ok) continue;
      const p = problem.problems[0]!;
      for (const locale of ['fr-BE', 'nl-BE'] as const) {
        const worded = describeFileProblem(p, translator(locale), formatsFor(locale));
        expect(worded, `${locale} ${text}`).not.toBe(p.message);
        expect(worded, `${locale} ${text}`).not.toMatch(/expected|invalid|malformed/);
      }
    }
  });

  it('a key given twice and nesting too deep', () => {
    const dup = only(`{"format": "${DOSSIER}", "version": 3, "dossier": {"title": "a", "title": "b"}}`);
    expect(dup['fr-BE']).toBe('la clé "title" figure deux fois dans le même objet (ligne 1, colonne 63 et ligne 1, colonne 77) ; n’en gardez qu’une');
    expect(dup['nl-BE']).toBe('de sleutel "title" staat twee keer in hetzelfde object (regel 1, kolom 63 en regel 1, kolom 77); behoud er één');
    const deep = readJsonText('[[[[1]]]]', { maxDepth: 3 });
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(describeFileProblem(deep.problems[0]!, translator('nl-BE'), formatsFor('nl-BE'))).toBe('meer dan 3 niveaus diep genest');
  });
});

describe('envelope problems: what kind of file, which version', () => {
  it('not an object, a backup, no format, another format', () => {
    expect(only('[]')['fr-BE']).toBe('ce n’est pas un fichier HTA Workbench : un objet JSON avec "format": "hta-workbench-dossier" était attendu');
    expect(only('{"format": "hta-workbench-backup"}')).toEqual({
      en: 'this is a workspace backup, not a dossier file: use "Restore backup" to open it',
      'fr-BE': 'il s’agit d’une sauvegarde de l’espace de travail, pas d’un fichier de dossier : ouvrez-la avec « Restaurer une sauvegarde »',
      'nl-BE': 'dit is een back-up van de werkruimte, geen dossierbestand: open het met ‘Back-up terugzetten’',
    });
    const backup = parseBackupFile(`{"format": "${DOSSIER}"}`);
    expect(backup.ok).toBe(false);
    if (!backup.ok) expect(wordings(backup.problems[0]!)['nl-BE']).toBe('dit is een dossierbestand, geen back-up van de werkruimte: open het met ‘Dossier importeren’');
    expect(only('{"format": "hta-workbench-model", "version": 1}')).toEqual({
      en: 'this is a model file: open it on the Models screen with "Open model file…"',
      'fr-BE': 'il s’agit d’un fichier de modèle : ouvrez-le dans l’écran Modèles avec « Ouvrir un fichier de modèle… »',
      'nl-BE': 'dit is een modelbestand: open het in het scherm Modellen met ‘Modelbestand openen…’',
    });
    expect(only('{}')['nl-BE']).toBe('geen HTA Workbench-bestand: het veld "format" ontbreekt ("hta-workbench-dossier" verwacht)');
    expect(only('{"format": "csv"}')['fr-BE']).toBe('ce n’est pas un fichier HTA Workbench de ce type : le format est "csv", "hta-workbench-dossier" attendu');
  });

  it('a newer, a broken or a too old version', () => {
    expect(only(`{"format": "${DOSSIER}", "version": 9}`)).toEqual({
      en: 'written by a newer HTA Workbench (format version 9); this version reads up to 3. Update HTA Workbench to open it.',
      'fr-BE': 'écrit par une version plus récente de HTA Workbench (version de format 9) ; cette version lit jusqu’à la version 3. Mettez HTA Workbench à jour pour l’ouvrir.',
      'nl-BE': 'geschreven door een nieuwere HTA Workbench (formaatversie 9); deze versie leest tot en met 3. Werk HTA Workbench bij om het te openen.',
    });
    expect(only(`{"format": "${DOSSIER}", "version": 1.5}`)['nl-BE']).toBe('de formaatversie moet een geheel getal zijn');
    expect(only(`{"format": "${DOSSIER}", "version": 0}`)['fr-BE']).toBe('la version de format 0 est trop ancienne pour cette version de HTA Workbench (elle lit les versions 1 à 3)');
  });

  it('forbidden keys and deep nesting', () => {
    const proto = only(`{"format": "${DOSSIER}", "version": 3, "dossier": {"__proto__": {}}}`);
    expect(proto['fr-BE']).toBe('clé interdite "__proto__" (un fichier ne peut pas contenir de clés __proto__, constructor ou prototype)');
    const deep = `{"format": "${DOSSIER}", "version": 3, "dossier": ${'['.repeat(MAX_JSON_DEPTH + 2)}${']'.repeat(MAX_JSON_DEPTH + 2)}}`;
    expect(only(deep)['nl-BE']).toBe(`meer dan ${MAX_JSON_DEPTH} niveaus diep genest, wat een dossierbestand nooit is`);
  });
});

describe('schema problems (zod issues) in plain words', () => {
  it('a missing field, a wrong type, an unknown field, a value not among the allowed', () => {
    const problems = problemsOf(withDossier((d) => {
      delete d.title;
      d.evidence = [{ ...(d.evidence as object[])[0], n: 'x' }];
      d.colour = 'red';
      d.status = 'done';
    }));
    const texts = problems.map((p) => `${p.path}: ${wordings(p)['fr-BE']} | ${wordings(p)['nl-BE']}`);
    expect(texts).toContain('dossier.title: champ obligatoire manquant (attendu : un texte) | verplicht veld ontbreekt (verwacht: een tekst)');
    expect(texts).toContain('dossier: champ inconnu "colour" | onbekend veld "colour"');
    expect(texts).toContain('dossier.status: attendu : "draft", "under-review" ou "final" ; trouvé : le texte "done" | verwacht: "draft", "under-review" of "final", gevonden: de tekst "done"');
  });

  it('numbers in limits and values follow the reader’s number format', () => {
    const tooBig: FileProblem = { path: 'x', message: 'must be at most 12500', detail: { code: 'at-most', values: { maximum: 12500 } } };
    expect(wordings(tooBig)).toEqual({ en: 'must be at most 12500', 'fr-BE': 'ne peut pas dépasser 12\u202f500', 'nl-BE': 'mag hoogstens 12.500 zijn' });
    const half: FileProblem = { path: 'x', message: 'expected a text, got the number 0.5', detail: { code: 'expected-got', parts: { expected: [{ code: 'type', values: { type: 'string' } }], got: { code: 'value-number', values: { value: 0.5 } } } } };
    expect(wordings(half)['fr-BE']).toBe('attendu : un texte ; trouvé : le nombre 0,5');
    expect(wordings(half)['nl-BE']).toBe('verwacht: een tekst, gevonden: het getal 0,5');
  });

  it('each generic zod code in French and Dutch', () => {
    const cases: [FileProblem['detail'], string, string][] = [
      [{ code: 'unknown-fields', values: { keys: '"a", "b"' } }, 'champs inconnus "a", "b"', 'onbekende velden "a", "b"'],
      [{ code: 'text-too-long', values: { maximum: 200 } }, 'texte trop long (200 caractères au maximum)', 'tekst is te lang (hoogstens 200 tekens)'],
      [{ code: 'too-many-items', values: { maximum: 50 } }, 'trop d’éléments (50 au maximum)', 'te veel elementen (hoogstens 50)'],
      [{ code: 'less-than', values: { maximum: 1 } }, 'doit être inférieur à 1', 'moet kleiner zijn dan 1'],
      [{ code: 'text-too-short-one', values: { minimum: 1 } }, 'texte trop court (au moins 1 caractère)', 'tekst is te kort (minstens 1 teken)'],
      [{ code: 'text-too-short', values: { minimum: 3 } }, 'texte trop court (au moins 3 caractères)', 'tekst is te kort (minstens 3 tekens)'],
      [{ code: 'too-few-items', values: { minimum: 1 } }, 'trop peu d’éléments (au moins 1)', 'te weinig elementen (minstens 1)'],
      [{ code: 'greater-than', values: { minimum: 0 } }, 'doit être supérieur à 0', 'moet groter zijn dan 0'],
      [{ code: 'at-least', values: { minimum: 0.25 } }, 'doit valoir au moins 0,25', 'moet minstens 0,25 zijn'],
      [{ code: 'format', values: { format: 'email' } }, 'format email attendu', 'email-formaat verwacht'],
      [{ code: 'invalid-name' }, 'nom non valide', 'ongeldige naam'],
      [{ code: 'invalid-name-because', parts: { reason: { code: 'text-too-long', values: { maximum: 40 } } } }, 'nom non valide : texte trop long (40 caractères au maximum)', 'ongeldige naam: tekst is te lang (hoogstens 40 tekens)'],
      [{ code: 'expected-got', parts: { expected: [{ code: 'type', values: { type: 'number' } }, { code: 'type', values: { type: 'string' } }], got: { code: 'value-type', values: { type: 'boolean' } } } }, 'attendu : un nombre ou un texte ; trouvé : un booléen', 'verwacht: een getal of een tekst, gevonden: een booleaanse waarde'],
      [{ code: 'expected-got', parts: { expected: [{ code: 'type', values: { type: 'int' } }], got: { code: 'value-list' } } }, 'attendu : un nombre entier ; trouvé : une liste', 'verwacht: een geheel getal, gevonden: een lijst'],
      [{ code: 'missing', parts: { expected: { code: 'type', values: { type: 'boolean' } } } }, 'champ obligatoire manquant (attendu : true ou false)', 'verplicht veld ontbreekt (verwacht: true of false)'],
      [{ code: 'file-too-large', values: { megabytes: 50 } }, 'le fichier dépasse 50 Mo, la taille maximale que HTA Workbench lit', 'het bestand is groter dan 50 MB, het maximum dat HTA Workbench leest'],
      [{ code: 'file-larger-than-limit', values: { file: 'big.json', size: 123456789, maximum: 104857600 } }, 'big.json fait 123\u202f456\u202f789 octets ; la limite est de 104\u202f857\u202f600 octets.', 'big.json is 123.456.789 bytes; de limiet is 104.857.600 bytes.'],
      [{ code: 'not-text' }, 'le fichier n’a pas pu être lu comme du texte', 'het bestand kon niet als tekst worden gelezen'],
      [{ code: 'version-no-upgrade', values: { version: 2 } }, 'aucune mise à niveau depuis la version de format 2', 'geen upgrade vanaf formaatversie 2'],
      [{ code: 'more-problems', values: { count: 50 } }, '…et 50 autres problèmes', '…en nog 50 problemen'],
    ];
    for (const [detail, fr, nl] of cases) {
      const p: FileProblem = { path: '', message: 'English', detail };
      expect(wordings(p), detail!.code).toEqual({ en: 'English', 'fr-BE': fr, 'nl-BE': nl });
    }
  });

  it('a chosen file above the size limit: the pickers\' English as before, with its detail', () => {
    const big = fileTooLarge('big.json', 123456789, 104857600);
    expect(big.message).toBe('big.json is 123456789 bytes; the limit is 104857600 bytes.');
    expect(wordings({ path: '', ...big })['nl-BE']).toBe('big.json is 123.456.789 bytes; de limiet is 104.857.600 bytes.');
  });

  it('a message the schema wrote itself, or a code the catalogue does not know, stays in English (whole)', () => {
    const written: FileProblem = { path: 'x', message: 'a message a schema wrote without a detail' };
    expect(wordings(written)['fr-BE']).toBe(written.message);
    const unknown: FileProblem = { path: '', message: 'something new', detail: { code: 'something-new' } };
    expect(wordings(unknown)['nl-BE']).toBe('something new');
    const unknownPiece: FileProblem = { path: '', message: 'expected a bigint, got a list', detail: { code: 'expected-got', parts: { expected: [{ code: 'type', values: { type: 'bigint' } }], got: { code: 'value-list' } } } };
    expect(wordings(unknownPiece)['fr-BE']).toBe('expected a bigint, got a list');
  });
});

describe('messages the dossier schema writes itself', () => {
  it('each carries its detail and is worded in French and Dutch', () => {
    const f = fileObject(validDossier({ evidence: [evidence('e1'), evidence('e1')] }));
    const ev = f.dossier.evidence as Record<string, unknown>[];
    ev[0]!.sensitivity = { estimate: 1.4, lower: null, upper: null };
    ev[1]!.n = 2.5;
    f.dossier.title = ' ';
    f.dossier.picos = [];
    const problems = problemsOf(JSON.stringify(f));
    const worded = problems.map((p) => [p.path, wordings(p)] as const);
    const at = (path: string) => worded.find(([where]) => where === path)?.[1];
    expect(at('dossier.title')).toEqual({ en: 'a dossier needs a title', 'fr-BE': 'un dossier doit avoir un titre', 'nl-BE': 'een dossier heeft een titel nodig' });
    expect(at('dossier.picos')?.['fr-BE']).toBe('un dossier doit avoir au moins une question PICO');
    expect(at('dossier.evidence[0].sensitivity.estimate')?.['nl-BE']).toBe('getal tussen 0 en 1 verwacht');
    expect(at('dossier.evidence[1].n')?.['fr-BE']).toBe('nombre entier de participants attendu');
    // Cross-field rules run once the fields themselves are right.
    const dup = problemsOf(fileText(validDossier({ evidence: [evidence('e1'), evidence('e1')] })));
    expect(dup.map(wordings)).toEqual([{ en: 'duplicate id "e1"', 'fr-BE': 'identifiant "e1" en double', 'nl-BE': 'dubbele id "e1"' }]);
    // Every problem of this file is worded: none keeps its English message.
    for (const [path, w] of worded) {
      expect(w['fr-BE'], path).not.toBe(w.en);
      expect(w['nl-BE'], path).not.toBe(w.en);
    }
  });

  it('limits of lists and texts, in the reader’s number format', () => {
    const f = fileObject();
    f.dossier.evidence = Array.from({ length: 5001 }, (_, i) => evidence(`e${i}`));
    f.dossier.title = 'x'.repeat(1001);
    const problems = problemsOf(JSON.stringify(f));
    const texts = problems.map((p) => `${p.path}: ${wordings(p)['fr-BE']} | ${wordings(p)['nl-BE']}`);
    expect(texts).toContain('dossier.evidence: trop d’éléments de preuve (5000 au maximum) | te veel bewijsstukken (hoogstens 5000)');
    expect(texts).toContain('dossier.title: texte trop long (1000 caractères au maximum) | tekst is te lang (hoogstens 1000 tekens)');
  });
});

describe('model files', () => {
  const model = (change: (m: Record<string, unknown>) => void): unknown => {
    const m: Record<string, unknown> = {
      format: 'hta-workbench-model',
      version: 1,
      metadata: { title: 't' },
      settings: { cycles: 2, effect: 'life-years', discount: { costs: 0.1, effects: 0.1 } },
      parameters: [{ id: 'p', value: 0.5 }],
      model: { type: 'markov', states: [{ id: 'A' }, { id: 'D', dead: true }], initial: { A: 1 }, transitions: [{ from: 'A', to: 'A', probability: 'C' }, { from: 'A', to: 'D', probability: 'p' }] },
      strategies: [{ id: 's' }],
    };
    change(m);
    return m;
  };
  const say = (issue: { message: string }, locale: ReportLocale) => describeProblem(issue, translator(locale), formatsFor(locale));

  it('the porting hints are worded with the problem they follow', () => {
    const { issues } = checkModelSchema(model((m) => {
      m.parameters = [{ id: 'p', value: [0.1, 0.2] }];
    }));
    expect(issues).toHaveLength(1);
    expect(say(issues[0]!, 'en')).toBe(issues[0]!.message);
    expect(say(issues[0]!, 'fr-BE')).toBe('attendu : un nombre ; trouvé : une liste — un paramètre contient un seul nombre ou une seule expression ; placez les valeurs qui varient selon l’âge, le cycle ou le groupe dans une table de correspondance ("tables", voir docs/model-format.md#lookup-tables) et lisez-les par ex. avec mortality(age) ou by_cycle(cycle)');
    const strategy = checkModelSchema(model((m) => {
      m.strategies = [{ id: 's', transitionValues: [] }];
    })).issues;
    expect(say(strategy[0]!, 'nl-BE')).toBe('onbekend veld "transitionValues" — overgangswaarden gelden voor het hele model (model.transitionValues, gedeeld door alle strategieën); om er één per strategie te laten verschillen, schrijf ze met een parameter en overschrijf die parameter in de "parameters" van de strategie');
  });

  it('a model nested too deep, a setting of the wrong type', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i += 1) deep = [deep];
    const tooDeep = checkModelSchema(model((m) => {
      m.extra = deep;
    })).issues;
    expect(say(tooDeep[0]!, 'fr-BE')).toMatch(/^imbrication de plus de \d+ niveaux, ce qui n’arrive jamais dans un fichier de modèle$/);
    const cycles = checkModelSchema(model((m) => {
      (m.settings as Record<string, unknown>).cycles = 'ten';
    })).issues;
    expect(cycles.map((i) => say(i, 'nl-BE'))).toContain('verwacht: een getal, gevonden: de tekst "ten"');
  });
});

// Message catalogues: every shipped language has every key of the English catalogue with the same placeholders,
// and no catalogued screen holds a hard-coded user-facing string (JSX text or a labelling attribute).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogues, placeholdersOf, translator } from '../../src/report/i18n/translate';
import type { Language } from '../../src/report/i18n/translate';

const root = resolve(__dirname, '../..');

describe('message catalogues', () => {
  const english = catalogues.en;
  const keys = Object.keys(english).sort();
  for (const language of Object.keys(catalogues) as Language[]) {
    it(`${language}: every key, no extra key, the same placeholders, no empty text`, () => {
      const catalogue = catalogues[language] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(keys);
      for (const key of keys) {
        expect(catalogue[key]!.trim(), `${language}.${key}`).not.toBe('');
        expect(placeholdersOf(catalogue[key]!), `${language}.${key}`).toEqual(placeholdersOf(english[key as keyof typeof english]));
      }
    });
  }

  it('translator fills placeholders, keeps unknown ones visible and picks the language of the locale', () => {
    expect(translator('nl-BE')('discount.step', { rate: '3,5%', from: 0, to: 35 })).toBe('3,5% jaren 0 tot 35');
    expect(translator('fr-BE')('common.years', {})).toBe('{n} ans');
    expect(translator('en')('nav.version', { version: '1.0' })).toBe('Version 1.0');
  });

  it('French and Dutch are translations, not copies of the English', () => {
    for (const language of ['fr', 'nl'] as const) {
      const same = keys.filter((k) => (catalogues[language] as Record<string, string>)[k] === english[k as keyof typeof english] && /[a-z]{4}/.test(english[k as keyof typeof english].replace(/\{\w+\}/g, '')));
      // Words that are the same in both languages (Version, Source, Date, Actions, Perspective, Model, Basis…).
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThanOrEqual(12);
    }
  });
});

/** Screens whose every user-facing text goes through the catalogue. */
const cataloguedScreens = [
  'src/renderer/countries/countries-screen.tsx',
  'src/renderer/layout/app-frame.tsx',
  'src/renderer/i18n/language.tsx',
  'src/renderer/reports/report-page.tsx',
  'src/report/build/countries.ts',
  'src/report/countries/country-text.ts',
  'src/report/build/front-matter.ts',
  'src/report/build/methods.ts',
  'src/report/build/scope.ts',
  'src/report/build/limitations.ts',
];
const labelAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
/** The product's name and file formats' names are the same in every language. */
const names = new Set(['HTA Workbench', 'HTML', 'Word', 'Excel']);

/** Hard-coded texts in a TSX/TS file: JSX text with letters, and string literals in labelling attributes. */
function hardCodedTexts(file: string): string[] {
  const text = readFileSync(resolve(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}{2,}/u.test(node.getText())) found.push(node.getText().trim());
    if (ts.isJsxAttribute(node) && labelAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) found.push(`${node.name.getText()}="${node.initializer.text}"`);
    // Report builders: text handed to the document (paragraphs, notices, captions, headers) must come from t().
    if (ts.isCallExpression(node) && ['paragraph', 'notice', 'draft'].includes(node.expression.getText())) {
      for (const arg of node.arguments) if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && /\s/.test(arg.text) && /\p{L}{2,}/u.test(arg.text)) found.push(arg.text);
    }
    if (ts.isPropertyAssignment(node) && ['caption', 'title', 'description', 'label', 'xLabel'].includes(node.name.getText()) && (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) && /\p{L}{2,}/u.test(node.initializer.text)) {
      found.push(`${node.name.getText()}: ${node.initializer.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A catalogue key (e.g. a navigation item's label) is looked up, not shown.
  return found.filter((f) => !names.has(f) && !Object.hasOwn(catalogues.en, f.replace(/^\w+: /, '')));
}

describe('catalogued screens have no hard-coded text', () => {
  it.each(cataloguedScreens)('%s', (file) => {
    expect(hardCodedTexts(file)).toEqual([]);
  });

  it('the check finds hard-coded text', () => {
    const probe = 'src/renderer/psa-results/psa-results-screen.tsx';
    expect(hardCodedTexts(probe).length).toBeGreaterThan(0);
  });
});

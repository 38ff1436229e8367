// Message catalogues: every shipped language has every key of the English catalogue with the same placeholders,
// and no catalogued screen holds a hard-coded user-facing string (JSX text or a labelling attribute).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogues, placeholdersOf, translator } from '../../src/report/i18n/translate';
import type { Language } from '../../src/report/i18n/translate';
import { areaCatalogues } from '../../src/report/i18n/areas';
import { rendererSourceFiles } from '../renderer-source-files';

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
    expect(translator('nl-BE')('discount.step', { rate: '3,5%', from: 0, to: 35 })).toBe('3,5% jaren 0–35');
    expect(translator('fr-BE')('common.years', {})).toBe('{n} ans');
    expect(translator('en')('nav.version', { version: '1.0' })).toBe('Version 1.0');
  });

  it('French and Dutch are translations, not copies of the English', () => {
    for (const language of ['fr', 'nl'] as const) {
      const same = keys.filter((k) => (catalogues[language] as Record<string, string>)[k] === english[k as keyof typeof english] && /[a-z]{4}/.test(english[k as keyof typeof english].replace(/\{\w+\}/g, '')));
      // Words that are the same in both languages (Version, Source, Date, Actions, Perspective, Model, Basis,
      // Introduction, Total, Patients…): a few in a hundred keys at most.
      expect(same.length, `${language}: ${same.join(', ')}`).toBeLessThanOrEqual(Math.max(12, Math.round(keys.length * 0.025)));
    }
  });
});

/** Report parts whose every user-facing text goes through the catalogue (the renderer is checked whole, below). */
const cataloguedReportParts = [
  'src/report/build/countries.ts',
  'src/report/countries/country-text.ts',
  'src/report/build/front-matter.ts',
  'src/report/build/methods.ts',
  'src/report/build/scope.ts',
  'src/report/build/limitations.ts',
  'src/report/build/summary.ts',
  'src/report/build/domains.ts',
  'src/report/build/evidence.ts',
  'src/report/build/accuracy.ts',
  'src/report/build/results.ts',
  'src/report/build/uncertainty.ts',
  'src/report/build/budget.ts',
  'src/report/build/context.ts',
  'src/report/cheers.ts',
  'src/report/model-description.ts',
  'src/report/charts/hta-charts.ts',
  'src/report/charts/accuracy-charts.ts',
  'src/diagram/model-diagram.ts',
];
/** Renderer files not yet through the catalogue (issue 19's remaining work): this list only shrinks. */
const notYetCatalogued = new Set<string>([
]);
const cataloguedScreens = [...rendererSourceFiles().filter((f) => !notYetCatalogued.has(f)), ...cataloguedReportParts];

const labelAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
/** The product's name and file formats' names are the same in every language. */
const names = new Set(['HTA Workbench', 'HTML', 'PDF', 'Word', 'Excel']);

/** Whether an expression's value is what a JSX expression container shows (through conditions and fallbacks only). */
function shownInJsx(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (ts.isJsxExpression(parent)) return !ts.isJsxAttribute(parent.parent) || labelAttributes.has(parent.parent.name.getText());
    const passesThrough =
      ts.isParenthesizedExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== child) ||
      (ts.isBinaryExpression(parent) && ['??', '||', '&&'].includes(parent.operatorToken.getText()) && (parent.right === child || parent.operatorToken.getText() !== '&&'));
    if (!passesThrough) return false;
    child = parent;
    parent = parent.parent;
  }
  return false;
}

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
    // A string shown from a JSX expression, directly or as a branch of a condition: {busy ? 'Saving…' : label}.
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && shownInJsx(node)) {
      const literal = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}') : node.text;
      if (/\p{L}{2,}/u.test(literal) && /\s|^\p{Lu}/u.test(literal)) found.push(literal);
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
    const probe = 'tests/report/fixtures/hard-coded-texts.tsx';
    expect(hardCodedTexts(probe).sort()).toEqual(['Delete the dossier', 'Save changes', 'aria-label="Close the dialog"', 'caption: Costs per strategy', 'Saving the model', 'Saving…', '{} selected'].sort());
  });

  it('files listed as not yet catalogued exist and still hold hard-coded text (a finished one leaves the list)', () => {
    const all = new Set(rendererSourceFiles());
    for (const file of notYetCatalogued) {
      expect(all.has(file), file).toBe(true);
      expect(hardCodedTexts(file).length, file).toBeGreaterThan(0);
    }
  });

  it('no two area catalogues define the same key', () => {
    const owner = new Map<string, string>();
    for (const [area, catalogue] of Object.entries(areaCatalogues)) {
      for (const key of Object.keys(catalogue.en)) {
        expect(owner.get(key), `${key} in ${area}`).toBeUndefined();
        owner.set(key, area);
      }
    }
  });
});

/**
 * English texts whose keys mean different things and so may have different translations: a different sense
 * (a verb and a noun, a rating and a bound), a count beside a list, or a label that French or Dutch must make
 * explicit where the English word is bare. Everything else with one English text is one concept: one word per
 * language (ICER is one abbreviation, a domain one name).
 */
const differentSenses = new Map<string, string>([
  ['Exponential', 'a survival family starting a label vs inside a sentence (lower-case in French and Dutch)'],
  ['Log-logistic', 'a survival family starting a label vs inside a sentence (lower-case in French and Dutch)'],
  ['Log-normal', 'a survival family starting a label vs inside a sentence (lower-case in French and Dutch)'],
  ['Generalised gamma', 'a survival family starting a label vs inside a sentence (lower-case in French and Dutch)'],
  ['rate', 'a parameter kind (glossed in Dutch) vs a fitted parameter’s name in its label'],
  ['Actions', 'a column of buttons vs a list of operations vs the rate table rows'],
  ['Archived', 'the state (archivé) vs the library section (archivage)'],
  ['Description', 'a model description vs a scenario’s vs the report’s detailed description'],
  ['Design', 'a study’s design vs the budget-impact design'],
  ['Dossier', 'the dossier group vs the title column vs the dossier to link vs the target dossier'],
  ['Edit', 'the verb (button) vs the noun (the source of a history entry)'],
  ['Element', 'a Core Model assessment element vs a model component'],
  ['High', 'a QUADAS-2 rating vs the upper bound of a range'],
  ['Low', 'a QUADAS-2 rating vs the lower bound of a range'],
  ['Id', 'a node id field (explained) vs a table column'],
  ['Item', 'a CHEERS item vs a front-matter row'],
  ['Kind', 'a tree node’s kind vs a spreadsheet column'],
  ['Label', 'a PICO label vs a node label field (explained)'],
  ['Model', 'a statistical model vs the decision model vs its name column'],
  ['No result', 'a test outcome count vs a tree branch'],
  ['PSA distribution', 'a column heading or field label vs the changed field inside a history line (lower case after a colon in French)'],
  ['Outcome', 'a test outcome vs the PICO outcome'],
  ['Parameters', 'the model’s parameter table vs a curve’s parameter values vs the report list'],
  ['Partial', 'grammatical gender (partiel, partielle)'],
  ['Patients', 'patients treated (budget view) vs the report column'],
  ['Population', 'a study’s population vs the PICO target population'],
  ['Results', 'test results (a group of tree outcomes) vs the model’s results'],
  ['Role', 'an assessor’s role vs a survival curve’s role'],
  ['Setting', 'a study’s setting (context) vs a model setting (parameter)'],
  ['Source', 'where a history entry came from vs a cited source'],
  ['Status', 'a dominance status vs a dossier’s, an element’s, a version’s status'],
  ['Studies', 'a count column vs the list of studies'],
  ['Tests', 'a group of tests vs the tests performed'],
  ['To', 'a transition’s destination vs the end of a range'],
  ['Topic', 'a CHEERS topic vs a Core Model topic'],
  ['Total', 'total costs vs grand total vs a plain total row'],
  ['Transitions', 'the transitions between states vs their number'],
  ['Type', 'a technology’s type vs a model’s type'],
  ['Version', 'a saved version vs the dossier version of a report'],
  ['Versions', 'the dossier’s versions vs the saved model versions'],
  ['year', 'after a count (1 an) vs a time unit (année)'],
]);

describe('one English text, one translation per language', () => {
  const english = catalogues.en as Record<string, string>;
  const keysByText = new Map<string, string[]>();
  for (const [key, text] of Object.entries(english)) keysByText.set(text, [...(keysByText.get(text) ?? []), key]);

  for (const language of ['fr', 'nl'] as const) {
    it(`${language}: keys with the same English text have the same translation unless listed as different senses`, () => {
      const catalogue = catalogues[language] as Record<string, string>;
      const conflicts: string[] = [];
      for (const [text, keys] of keysByText) {
        if (keys.length < 2 || differentSenses.has(text)) continue;
        const translations = new Set(keys.map((key) => catalogue[key]));
        if (translations.size > 1) conflicts.push(`"${text}": ${keys.map((key) => `${key} = "${catalogue[key]}"`).join(', ')}`);
      }
      expect(conflicts).toEqual([]);
    });
  }

  it('the list of different senses holds only English texts that are used by more than one key', () => {
    const stale = [...differentSenses.keys()].filter((text) => (keysByText.get(text)?.length ?? 0) < 2);
    expect(stale).toEqual([]);
  });
});

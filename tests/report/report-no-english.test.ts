// The whole report of the bundled liquid-biopsy dossier in Dutch and in French: no English sentence and no English
// catalogue text in any section, outside what the dossier and its model hold (names, citations, answers and
// parameter labels the user or the example typed stay as typed). The spreadsheet export's sheet names and header
// rows are in the report's language too.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { renderReportBody } from '../../src/report/html/render-html';
import { catalogues, languageOf } from '../../src/report/i18n/translate';
import { workbookContent } from '../../src/report/xlsx/workbook-content';
import { englishIn, englishLinesIn } from '../e2e/language-check';
import { exampleInput } from './report-fixture';
import { dataStrings, htmlReportText } from './report-text';

describe('the whole report in Dutch and French', () => {
  const input = exampleInput();
  const data = [...dataStrings(input.dossier), ...input.models.flatMap((m) => dataStrings([m.title, m.model]))];

  for (const locale of ['nl-BE', 'fr-BE'] as const) {
    it(`${locale}: no English sentence or catalogue text in any section`, () => {
      const doc = buildReport(input, { profile: 'full', locale });
      const text = htmlReportText(renderReportBody(doc));
      expect(englishLinesIn(text, data)).toEqual([]);
      // English catalogue texts left in what remains once the user's data is cut out.
      const longestFirst = [...new Set(data)].filter((d) => text.includes(d)).sort((a, b) => b.length - a.length);
      const product = text.split('\n').map((line) => longestFirst.reduce((rest, d) => (rest.includes(d) ? rest.split(d).join(' ¦ ') : rest), line));
      const catalogue = catalogues[languageOf(locale)];
      // A word the language shares with English (Perspective, Source, Element, Setting…) is not English there.
      const ownWord = (f: string) => Object.values(catalogue).some((v) => new RegExp(`(^|[^\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(v));
      const found = englishIn(product.join('\n'), catalogue).filter((f) => !ownWord(f));
      if (process.env.SHOW_ENGLISH) for (const f of found) console.log(f, '=>', product.filter((l) => l.includes(f)).slice(0, 2));
      expect(found).toEqual([]);
    });
  }

  it('nl-BE: the spreadsheet export names its sheets and columns in Dutch (within Excel\'s 31 characters)', () => {
    const doc = buildReport(input, { profile: 'full', locale: 'nl-BE' });
    const sheets = workbookContent(input, doc);
    expect(sheets.map((s) => s.name)).toEqual(['Over dit rapport', 'Invoer', 'Resultaten', 'PSA-trekkingen', 'Budgetimpact', 'Testaccuratesse', 'CHEERS 2022']);
    for (const s of sheets) expect(s.name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
    const headers = sheets.flatMap((s) => s.blocks.flatMap((b) => b.columns.map((c) => c.header)));
    expect(englishLinesIn(headers.join('\n'), data)).toEqual([]);
    expect(headers).toContain('Parameter-id');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { test, expect } from './fixtures';
import { nl } from '../../src/report/i18n/messages-nl';
import { englishIn, englishLinesIn } from './language-check';
import { dataStrings, docxReportText, htmlReportText } from '../report/report-text';

// Issue 19 acceptance, "export the report in Dutch": the whole exported HTML and Word report of the bundled
// liquid-biopsy dossier has no English sentence and no English catalogue text outside the user's data (the
// dossier's and its model's own names, citations, answers and labels stay as typed).
const examples = resolve(__dirname, '..', '..', 'resources', 'examples');
const data = [
  ...dataStrings(JSON.parse(readFileSync(resolve(examples, 'liquid-biopsy-nsclc.htad.json'), 'utf8'))),
  ...dataStrings(JSON.parse(readFileSync(resolve(examples, 'liquid-biopsy-nsclc.json'), 'utf8'))),
];
const longestFirst = [...new Set(data)].sort((a, b) => b.length - a.length);

/** English left in a report text: sentences, and catalogue texts once the user's data is cut out. */
function englishOf(text: string): string[] {
  const present = longestFirst.filter((d) => text.includes(d));
  const product = text.split('\n').map((line) => present.reduce((rest, d) => (rest.includes(d) ? rest.split(d).join(' ¦ ') : rest), line));
  // A word Dutch shares with English (Model, Status, Element, Setting…) is not English there.
  const ownWord = (f: string) => Object.values(nl).some((v) => new RegExp(`(^|[^\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(v));
  return [...englishLinesIn(text, data), ...englishIn(product.join('\n'), nl).filter((f) => !ownWord(f))];
}

test('the Dutch report exported as HTML and Word has no English outside the user data', async ({ page }) => {
  test.setTimeout(180000);
  await page.goto('/#/library');
  await page.getByTestId('display-language').selectOption('nl-BE');
  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-locale')).toHaveValue('nl-BE');
  await expect(page.getByTestId('report-preview')).toContainText(nl['report.section.cheers'], { timeout: 60000 });

  const htmlDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-html').click();
  const html = readFileSync((await (await htmlDownload).path())!, 'utf8');
  expect(html).toContain('<html lang="nl-BE">');
  expect(html).toContain(nl['reportSummary.generatedNote']);
  expect(englishOf(htmlReportText(html)), 'English in the exported HTML').toEqual([]);

  const docxDownload = page.waitForEvent('download');
  await page.getByTestId('report-export-docx').click();
  const zip = await JSZip.loadAsync(readFileSync((await (await docxDownload).path())!));
  const text = docxReportText(await zip.file('word/document.xml')!.async('string'));
  expect(text).toContain(nl['reportResults.incremental']);
  expect(englishOf(text), 'English in the exported Word document').toEqual([]);
  const footer = (await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')))).join('');
  expect(footer).toContain('Pagina ');
  expect(footer).not.toContain('Page ');
});

// The English report of the bundled liquid-biopsy dossier is what it was before the report's texts moved into the
// message catalogues: each section's document content, the HTML body and the spreadsheet content hash to the values
// recorded from the report built before that move (tests/report/fixtures/english-report-hashes.json). A change to
// the English report on purpose updates the fixture: UPDATE_ENGLISH_REPORT=1 npx vitest run <this file>.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { renderReportBody } from '../../src/report/html/render-html';
import { workbookContent } from '../../src/report/xlsx/workbook-content';
import { exampleInput } from './report-fixture';

const FIXTURE = resolve(__dirname, 'fixtures', 'english-report-hashes.json');

function hash(value: unknown, engineVersion: string): string {
  // The engine's version is printed in the report; a version bump is no change of wording.
  const text = (typeof value === 'string' ? value : JSON.stringify(value)).split(engineVersion).join('{engine}');
  return createHash('sha256').update(text).digest('hex');
}

describe('English report unchanged by the catalogues', () => {
  it('every section, the HTML and the workbook hash as recorded', () => {
    const input = exampleInput();
    const doc = buildReport(input, { profile: 'full', locale: 'en' });
    const actual: Record<string, string> = {
      'title page': hash({ title: doc.title, subtitle: doc.subtitle, info: doc.info }, input.engineVersion),
      ...Object.fromEntries(doc.sections.map((s) => [s.id, hash(s, input.engineVersion)])),
      'html body': hash(renderReportBody(doc), input.engineVersion),
      ...Object.fromEntries(workbookContent(input, doc).map((sheet) => [`sheet ${sheet.name}`, hash(sheet, input.engineVersion)])),
    };
    if (process.env.UPDATE_ENGLISH_REPORT === '1') writeFileSync(FIXTURE, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string>;
    expect(actual).toEqual(expected);
  });
});

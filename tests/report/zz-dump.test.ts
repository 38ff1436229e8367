import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { renderReportBody } from '../../src/report/html/render-html';
import { workbookContent } from '../../src/report/xlsx/workbook-content';
import { exampleInput } from './report-fixture';
import { englishLinesIn } from '../e2e/language-check';

it('dump', () => {
  const input = exampleInput();
  for (const locale of ['en', 'nl-BE', 'fr-BE'] as const) {
    const doc = buildReport(input, { profile: 'full', locale });
    const html = renderReportBody(doc);
    writeFileSync(join(tmpdir(), 'i18nrep', `${locale}.html`), html);
    writeFileSync(join(tmpdir(), 'i18nrep', `${locale}.json`), JSON.stringify(doc, null, 1));
    const wb = workbookContent(input, doc);
    writeFileSync(join(tmpdir(), 'i18nrep', `${locale}-xlsx.json`), JSON.stringify(wb.map((s) => ({ name: s.name, blocks: s.blocks.map((b) => ({ ...b, rows: (b as any).rows?.slice(0, 2) })) })), null, 1));
  }
});

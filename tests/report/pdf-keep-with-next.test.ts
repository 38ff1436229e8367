// A section's intro sentence is never left alone at a page foot: laid out by the local headless Chromium (as the
// app and `hta report --format pdf` print), every paragraph followed by a chart or a table starts on the page where
// that chart's or table's caption is. Read back per page with pdftotext (pages end with a form feed). Word: the same
// paragraphs keep with the next one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, printHtmlToPdf } from '../../src/cli/report/chromium-pdf';
import { buildReport } from '../../src/report/build-report';
import { flattenSections } from '../../src/report/document';
import type { ReportDocument } from '../../src/report/document';
import { renderStandaloneHtml } from '../../src/report/html/render-html';
import { exampleInput } from './report-fixture';

const chromium = findChromium();
const dir = mkdtempSync(join(tmpdir(), 'hta-keep-with-next-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const words = (s: string) => s.replace(/[\s\u00a0\u202f\u2011]+/gu, ' ').trim();

/** Intro paragraphs and what they introduce: the paragraph's last words and the caption's start. */
function introPairs(doc: ReportDocument): { intro: string; caption: string }[] {
  return flattenSections(doc.sections).flatMap((s) =>
    s.blocks.flatMap((b, i) => {
      const next = s.blocks[i + 1];
      if (b.kind !== 'paragraph' || (next?.kind !== 'table' && next?.kind !== 'figure')) return [];
      return [{ intro: words(b.text).split(' ').slice(-4).join(' '), caption: `${next.label}. ${words(next.caption).split(' ').slice(0, 2).join(' ')}` }];
    }),
  );
}

describe.skipIf(!chromium)('intros keep with their chart or table in the PDF', () => {
  for (const locale of ['en', 'fr-BE', 'nl-BE'] as const) {
    it(`${locale}: no intro sentence at a page foot without what it introduces`, async () => {
      const doc = buildReport(exampleInput(), { profile: 'full', locale });
      const out = join(dir, `${locale}.pdf`);
      await printHtmlToPdf(renderStandaloneHtml(doc), out, chromium!);
      const pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').map(words);
      const pageOf = (text: string) => pages.findIndex((p) => p.includes(text));
      const pairs = introPairs(doc);
      expect(pairs.length).toBeGreaterThanOrEqual(10);
      const apart = pairs
        .map((pair) => ({ ...pair, introPage: pageOf(pair.intro), captionPage: pageOf(pair.caption) }))
        .filter((p) => p.introPage >= 0 && p.captionPage >= 0 && p.introPage !== p.captionPage);
      expect(apart).toEqual([]);
      // Most pairs were found on the pages (a check that reads nothing proves nothing).
      expect(pairs.filter((p) => pageOf(p.intro) >= 0 && pageOf(p.caption) >= 0).length).toBeGreaterThan(pairs.length * 0.6);
    }, 240_000);
  }
});

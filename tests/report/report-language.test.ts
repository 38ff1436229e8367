// A report in Dutch or French: the title page, the table and figure labels, "About this report", the scope, the
// economic methods and the limitations come from the catalogue, and the HTML says its language. Checked against every English catalogue text of
// those parts, so a part that falls back to English fails.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { allBlocks, flattenSections } from '../../src/report/document';
import type { ReportDocument, Section } from '../../src/report/document';
import { renderReportBody } from '../../src/report/html/render-html';
import { catalogues } from '../../src/report/i18n/translate';
import type { Catalogue } from '../../src/report/i18n/translate';
import { exampleInput } from './report-fixture';

/** The plain text of sections: titles, paragraphs, notices, table captions, headers and row labels. */
function sectionText(sections: readonly Section[]): string {
  return flattenSections(sections)
    .flatMap((s) => [
      s.title,
      ...s.blocks.flatMap((b) => {
        if (b.kind === 'paragraph' || b.kind === 'notice') return [b.text];
        if (b.kind === 'table') return [b.label, b.caption, ...b.header, ...b.rows.map((r) => r.cells[0] ?? '')];
        if (b.kind === 'figure') return [b.label, b.caption];
        return [];
      }),
    ])
    .join('\n');
}

/** English texts of the catalogued report parts that are no text of the other language (French "Source" is). */
function englishOf(prefixes: string[], other: Catalogue): string[] {
  const en = catalogues.en as Record<string, string>;
  const own = new Set(Object.values(other));
  return Object.keys(en)
    .filter((k) => prefixes.some((p) => k.startsWith(p)) && !own.has(en[k]!) && !/\{\w+\}/.test(en[k]!))
    .map((k) => en[k]!);
}

describe('report language', () => {
  const input = exampleInput();

  for (const [locale, language] of [['nl-BE', 'nl'], ['fr-BE', 'fr']] as const) {
    it(`${locale}: title page, labels, "About this report", scope, methods and limitations read in ${language}`, () => {
      const doc: ReportDocument = buildReport(input, { profile: 'full', locale });
      const t = catalogues[language];
      expect(doc.subtitle).toBe(t['report.subtitle.full']);
      expect(doc.info.map((r) => r.label)).toContain(t['report.info.technology']);
      const tables = allBlocks(doc).filter((b) => b.kind === 'table');
      expect(tables[0]!.label).toBe(t['report.label.table'].replace('{n}', '1'));
      const parts = doc.sections.filter((s) => ['sec-front', 'sec-scope', 'sec-methods', 'sec-limitations'].includes(s.id));
      expect(parts).toHaveLength(4);
      const text = sectionText(parts);
      expect(text).toContain(t['report.front.provenance']);
      expect(text).toContain(t['report.methods.parameters']);
      expect(text).toContain(t['report.scope.picos']);
      expect(text).toContain(t['report.limits.warnings']);
      // Whole English texts (headers, titles, row labels) that must not remain.
      const english = englishOf(['report.front.', 'report.methods.', 'report.info.', 'report.section.', 'report.scope.', 'report.limits.'], t).filter((e) => text.split('\n').includes(e));
      expect(english).toEqual([]);
      const html = renderReportBody(doc);
      expect(html).toContain(`lang="${locale}"`);
      expect(html).toContain(t['report.contents']);
      expect(html).not.toContain('>Contents<');
    });
  }

  it('English stays English', () => {
    const doc = buildReport(input, { profile: 'full', locale: 'en' });
    expect(doc.subtitle).toBe('Health technology assessment report');
    expect(allBlocks(doc).find((b) => b.kind === 'table')!.label).toBe('Table 1');
    expect(renderReportBody(doc)).toContain('lang="en"');
  });
});

// The report's stylesheet, as text: inlined in the standalone HTML file and adopted by the app's preview. Every rule
// is scoped to .hta-report so the app's own styles and the report's cannot collide; the page rules (A4, running
// header, page numbers) are separate because @page cannot be scoped.
import { translator } from '../i18n/translate';
import type { ReportDocument } from '../document';

export const REPORT_CSS = `
.hta-report { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif; color: #1f2933; line-height: 1.45; font-size: 15px; max-width: 920px; margin: 0 auto; padding: 32px 40px 64px; background: #ffffff; }
.hta-report *, .hta-report *::before, .hta-report *::after { box-sizing: border-box; }
.hta-report h1, .hta-report h2, .hta-report h3, .hta-report h4 { line-height: 1.25; color: #102a43; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
.hta-report h1 { font-size: 1.9em; margin: 0.3em 0 0.6em; }
.hta-report h2 { font-size: 1.45em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid #1f5f8b; }
.hta-report h3 { font-size: 1.15em; margin: 1.5em 0 0.5em; }
.hta-report h4 { font-size: 1em; margin: 1.2em 0 0.4em; }
.hta-report .num { display: inline-block; min-width: 2.2em; color: #1f5f8b; }
.hta-report p { margin: 0.5em 0; orphans: 3; widows: 3; }
.hta-report p.lead { font-size: 1.02em; }
.hta-report p.note, .hta-report .table-note { font-size: 0.88em; color: #3e4c59; }
.hta-report p.note, .hta-report p.intro { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
.hta-report .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.85em; color: #1f5f8b; margin: 0; }
.hta-report .title-page { border-bottom: 1px solid #cbd2d9; padding-bottom: 1em; margin-bottom: 1.2em; }
.hta-report .doc-info { border-collapse: collapse; margin: 1em 0; width: 100%; }
.hta-report .doc-info th { text-align: left; font-weight: 600; padding: 0.25em 1em 0.25em 0; vertical-align: top; width: 11em; color: #3e4c59; }
.hta-report .doc-info td { padding: 0.25em 0; vertical-align: top; }
.hta-report .confidential { display: inline-block; border: 2px solid #9b1c1c; color: #9b1c1c; font-weight: 700; padding: 0.2em 0.6em; margin: 0.4em 0; }
.hta-report nav.toc h2 { border-bottom: none; margin-top: 0.8em; }
.hta-report nav.toc ol { list-style: none; padding-left: 0; margin: 0.2em 0; }
.hta-report nav.toc ol ol { padding-left: 2.2em; font-size: 0.94em; }
.hta-report nav.toc li { margin: 0.15em 0; break-inside: avoid; }
.hta-report nav.toc a { color: #1f2933; text-decoration: none; }
.hta-report nav.toc a:hover, .hta-report nav.toc a:focus { text-decoration: underline; }
.hta-report a:focus-visible { outline: 2px solid #1f5f8b; outline-offset: 2px; }
.hta-report ul { margin: 0.4em 0 0.6em 1.4em; padding: 0; }
.hta-report li { margin: 0.2em 0; }
.hta-report .notice { border-left: 4px solid #1f5f8b; background: #f0f4f8; padding: 0.5em 0.8em; margin: 0.7em 0; break-inside: avoid; }
.hta-report .notice.warning { border-left-color: #b44d12; background: #fff4e5; }
.hta-report .table-wrap { margin: 0.8em 0 1.1em; overflow-x: auto; }
.hta-report table.data { border-collapse: collapse; width: 100%; font-size: 0.86em; }
.hta-report table.data caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.35em; break-after: avoid; }
.hta-report table.data th, .hta-report table.data td { border: 1px solid #cbd2d9; padding: 0.3em 0.45em; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: auto; }
.hta-report table.data.fixed { table-layout: fixed; }
.hta-report table.data thead th { background: #e4ecf4; font-weight: 600; }
.hta-report table.data td.right, .hta-report table.data th.right { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
.hta-report table.data td.nowrap { white-space: nowrap; }
.hta-report table.data tr.warning td { background: #fff4e5; }
.hta-report table.data tr.strong td { font-weight: 600; background: #f5f7fa; }
.hta-report table.data thead { display: table-header-group; }
.hta-report table.data tr { break-inside: avoid; page-break-inside: avoid; }
.hta-report table.data thead, .hta-report table.data caption { break-after: avoid; page-break-after: avoid; }
.hta-report table.data tbody tr:first-child { break-before: avoid; page-break-before: avoid; }
.hta-report .label { font-weight: 700; }
.hta-report figure { margin: 1em 0 1.2em; }
.hta-report figure .chart { break-inside: avoid; page-break-inside: avoid; }
.hta-report figure svg { display: block; width: 100%; max-width: 680px; height: auto; margin: 0 auto; }
.hta-report figcaption { font-weight: 600; margin: 0.4em 0 0.2em; break-before: avoid; }
.hta-report .figure-data table.data { font-size: 0.8em; }
.hta-report .figure-data caption { font-weight: 400; font-style: italic; }
.hta-report footer.colophon { margin-top: 3em; font-size: 0.85em; color: #3e4c59; border-top: 1px solid #cbd2d9; padding-top: 0.6em; }
@media print {
  .hta-report { font-size: 9.5pt; max-width: none; padding: 0; margin: 0; }
  .hta-report > section { break-before: page; page-break-before: always; }
  .hta-report h2 { margin-top: 0; }
  .hta-report .table-wrap { overflow: visible; }
  .hta-report table.data { font-size: 8pt; }
  .hta-report .figure-data table.data { font-size: 7.5pt; }
  .hta-report figure svg { max-width: 160mm; }
  .hta-report a { color: inherit; text-decoration: none; }
  .hta-report .notice, .hta-report tr.warning td, .hta-report thead th, .hta-report tr.strong td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * A CSS string literal: quotes, backslashes and line breaks escaped, and < > & as CSS escapes, so text inside a
 * <style> element can never close it.
 */
function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A4 pages with the running header (title, confidentiality mark) and "Page n of N", none on the title page. */
export function reportPageCss(doc: Pick<ReportDocument, 'runningHeader' | 'confidentiality'> & { locale?: ReportDocument['locale'] }): string {
  const [before, between, after] = translator(doc.locale ?? 'en')('reportDocument.pageOf', { page: '\u0000', pages: '\u0000' }).split('\u0000') as [string, string, string];
  const pageOf = `${JSON.stringify(before)} counter(page) ${JSON.stringify(between)} counter(pages)${after ? ` ${JSON.stringify(after)}` : ''}`;
  const header = cssString(shorten(doc.runningHeader, 90));
  const mark = cssString(doc.confidentiality);
  return `
@page { size: A4; margin: 20mm 17mm 18mm 17mm;
  @top-left { content: ${header}; font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 7.5pt; color: #52606d; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${mark}; font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 7.5pt; font-weight: 700; color: #9b1c1c; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: ${pageOf}; font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 8pt; color: #52606d; }
}
@page :first { @top-left { content: none; } @top-right { content: ${mark}; } }
`;
}

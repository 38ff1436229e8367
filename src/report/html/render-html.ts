// ReportDocument → HTML. The body (an <article class="hta-report">) is what the app's preview shows; the standalone
// file wraps it with the inline stylesheet and a Content-Security-Policy that forbids every request, so the file
// opens offline, anywhere, and is also the source of the PDF (printed by Chromium or Electron).
import { introduces } from '../document';
import type { Block, Figure, ReportDocument, Section, Table } from '../document';
import { REPORT_CSS, reportPageCss } from './report-css';
import { translator } from '../i18n/translate';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A cell that is a number alone ("+€2,667,362", "−1 814", "95.0%"): no letter in it. */
function isBareNumber(text: string): boolean {
  return /\d/.test(text) && !/\p{L}/u.test(text);
}

function tableHtml(t: Table, extraClass = ''): string {
  // Relative widths as <col width> (a presentational hint, so no style attribute under a strict CSP).
  const total = t.widths?.reduce((a, b) => a + b, 0) ?? 0;
  const cols = t.widths && t.widths.length === t.header.length && total > 0 ? `<colgroup>${t.widths.map((w) => `<col width="${((100 * w) / total).toFixed(1)}%">`).join('')}</colgroup>` : '';
  const cls = (i: number) => (t.align[i] === 'right' ? ' class="right"' : '');
  // A number never breaks inside ("+" over "€2,667,362"): in a table that sizes its columns to their content, the
  // column widens instead (a fixed layout keeps its given widths).
  const cellCls = (i: number, text: string) => (t.align[i] === 'right' ? (!cols && isBareNumber(text) ? ' class="right nowrap"' : ' class="right"') : '');
  const head = `<thead><tr>${t.header.map((h, i) => `<th scope="col"${cls(i)}>${h === '' ? '<span class="visually-hidden">Row</span>' : escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${t.rows
    .map((r) => `<tr${r.tone ? ` class="${r.tone}"` : ''}>${r.cells.map((c, i) => `<td${cellCls(i, c)}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody>`;
  const notes = (t.notes ?? []).map((n) => `<p class="table-note">${escapeHtml(n)}</p>`).join('');
  return `<div class="table-wrap${extraClass}" id="${escapeHtml(t.id)}"><table class="data${cols ? ' fixed' : ''}"><caption><span class="label">${escapeHtml(t.label)}.</span> ${escapeHtml(t.caption)}</caption>${cols}${head}${body}</table>${notes}</div>`;
}

function figureHtml(f: Figure): string {
  return `<figure id="${escapeHtml(f.id)}"><div class="chart">${f.chart.svg}<figcaption><span class="label">${escapeHtml(f.label)}.</span> ${escapeHtml(f.caption)}</figcaption></div><div class="figure-data">${tableHtml(f.data)}</div></figure>`;
}

function blockHtml(b: Block, next: Block | undefined): string {
  switch (b.kind) {
    case 'paragraph': {
      const classes = [b.role, introduces(next) ? 'intro' : undefined].filter(Boolean).join(' ');
      return `<p${classes ? ` class="${classes}"` : ''}>${escapeHtml(b.text)}</p>`;
    }
    case 'notice':
      return `<div class="notice ${b.tone}" role="note">${escapeHtml(b.text)}</div>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(b);
    case 'figure':
      return figureHtml(b);
  }
}

function sectionHtml(s: Section): string {
  const h = `h${s.level + 1}`;
  const headingId = `${s.id}-h`;
  return `<section id="${escapeHtml(s.id)}" aria-labelledby="${escapeHtml(headingId)}"><${h} id="${escapeHtml(headingId)}"><span class="num">${escapeHtml(s.number)}</span> ${escapeHtml(s.title)}</${h}>${s.blocks.map((b, i) => blockHtml(b, s.blocks[i + 1])).join('')}${s.children.map(sectionHtml).join('')}</section>`;
}

function tocHtml(sections: readonly Section[], depth = 1): string {
  if (sections.length === 0) return '';
  return `<ol>${sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}"><span class="num">${escapeHtml(s.number)}</span> ${escapeHtml(s.title)}</a>${depth < 2 ? tocHtml(s.children, depth + 1) : ''}</li>`)
    .join('')}</ol>`;
}

/** The report as an <article> (no <html>/<head>): title page, table of contents, numbered sections. */
export function renderReportBody(doc: ReportDocument): string {
  const t = translator(doc.locale);
  const info = `<table class="doc-info"><caption class="visually-hidden">${escapeHtml(t('report.aboutDocument'))}</caption><tbody>${doc.info.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`).join('')}</tbody></table>`;
  const title = `<header class="title-page"><p class="kicker">${escapeHtml(doc.subtitle)}</p><h1>${escapeHtml(doc.title)}</h1>${doc.confidentiality ? `<p class="confidential">${escapeHtml(doc.confidentiality)}</p>` : ''}${info}</header>`;
  const toc = `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t('report.contents'))}</h2>${tocHtml(doc.sections)}</nav>`;
  const colophon = `<footer class="colophon">${escapeHtml(t('report.colophon', { date: doc.generatedAt.slice(0, 10) }))}</footer>`;
  return `<article class="hta-report" lang="${doc.locale}">${title}${toc}${doc.sections.map(sectionHtml).join('')}${colophon}</article>`;
}

/** Styles of the report body and its pages (A4, running header, page numbers). */
export function reportStylesheet(doc: ReportDocument): string {
  return `${REPORT_CSS}\n.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }\n${reportPageCss(doc)}`;
}

/**
 * One standalone HTML file: inline CSS and SVG, no script, no external resource; its Content-Security-Policy
 * blocks any request a viewer might otherwise make (fonts, images, prefetch).
 */
export function renderStandaloneHtml(doc: ReportDocument): string {
  return [
    '<!doctype html>',
    `<html lang="${doc.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="HTA Workbench">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${reportStylesheet(doc)}</style>`,
    '</head>',
    `<body>${renderReportBody(doc)}</body>`,
    '</html>',
    '',
  ].join('\n');
}

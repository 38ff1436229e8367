// @vitest-environment jsdom
// The standalone HTML report: one self-contained file (no script, no external resource, a CSP that blocks every
// request), a table of contents whose links all land, unique ids, headings in order and escaped user text.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { flattenSections } from '../../src/report/document';
import { renderStandaloneHtml } from '../../src/report/html/render-html';
import { reportPageCss } from '../../src/report/html/report-css';
import { exampleInput } from './report-fixture';

describe('standalone HTML report', () => {
  const input = exampleInput();
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  const html = renderStandaloneHtml(doc);
  const dom = new DOMParser().parseFromString(html, 'text/html');

  it('loads nothing from outside the file', () => {
    expect(dom.querySelectorAll('script')).toHaveLength(0);
    expect(dom.querySelectorAll('link, img, iframe, object, embed')).toHaveLength(0);
    for (const a of Array.from(dom.querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^#/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|@font-face/);
    const csp = dom.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });

  it('has a table of contents whose every link lands on a section', () => {
    const links = Array.from(dom.querySelectorAll('nav.toc a')).map((a) => a.getAttribute('href')!.slice(1));
    expect(links.length).toBeGreaterThan(40);
    for (const id of links) expect(dom.getElementById(id), id).not.toBeNull();
    const ids = Array.from(dom.querySelectorAll('[id]')).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders headings in report order, one h1 and numbered h2–h4', () => {
    expect(dom.querySelectorAll('h1')).toHaveLength(1);
    const headings = Array.from(dom.querySelectorAll('section > h2, section > h3, section > h4')).map((h) => h.textContent);
    expect(headings).toEqual(flattenSections(doc.sections).map((s) => `${s.number} ${s.title}`));
  });

  it('draws each figure as inline SVG with a title and description for screen readers', () => {
    const svgs = Array.from(dom.querySelectorAll<SVGSVGElement>('figure svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(10);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(dom.getElementById(titleId!)!.textContent!.length).toBeGreaterThan(3);
      expect(dom.getElementById(descId!)!.textContent!.length).toBeGreaterThan(20);
      expect(svg.outerHTML).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('never breaks a number inside its cell ("+" above "€2,667,362"), in English and in French', () => {
    for (const locale of ['en', 'fr-BE'] as const) {
      const page = new DOMParser().parseFromString(renderStandaloneHtml(buildReport(input, { profile: 'full', locale })), 'text/html');
      const cells = Array.from(page.querySelectorAll('[id$="-budget-tornado-data"] td.right'));
      const signed = cells.filter((c) => /^[+\u2212-]/.test(c.textContent!));
      expect(signed.length, locale).toBeGreaterThan(10);
      for (const c of signed) expect(c.classList.contains('nowrap'), `${locale}: ${c.textContent}`).toBe(true);
      // An input's end with its unit ("€3,000 per month") may still wrap.
      expect(cells.some((c) => /\p{L}/u.test(c.textContent!) && !c.classList.contains('nowrap')), locale).toBe(true);
    }
    expect(html).toContain('td.nowrap { white-space: nowrap; }');
  });

  it('escapes what users typed', () => {
    const hostile = { ...input, dossier: { ...input.dossier, title: '<script>alert(1)</script> & "quotes"' } };
    const out = renderStandaloneHtml(buildReport(hostile, { profile: 'jca', locale: 'en' }));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
  });

  it('prints A4 pages with the title in the running header and page numbers', () => {
    const css = reportPageCss({ runningHeader: 'A "quoted" title', confidentiality: 'Confidential' });
    expect(css).toContain('size: A4');
    expect(css).toContain('"A \\"quoted\\" title"');
    expect(css).toContain('counter(page) " of " counter(pages)');
  });
});

describe('page header text inside <style>', () => {
  it('cannot close the style element', () => {
    const css = reportPageCss({ runningHeader: '</style><script>alert(1)</script>', confidentiality: '' });
    expect(css).not.toMatch(/[<>]/);
    expect(css).toContain('"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "');
  });
});

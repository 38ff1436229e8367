// @vitest-environment jsdom
// The Word export read back (unzip + XML): heading styles in report order, every table with a repeating header
// row, figures as 300 dpi PNG with alt text, page numbers in the footer, and numbers equal to the engine's.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report';
import { flattenSections, introduces } from '../../src/report/document';
import { renderDocx } from '../../src/report/docx/render-docx';
import { formatsFor } from '../../src/report/format';
import { resvgRasteriser } from '../../src/cli/report/rasterise-svg';
import { runModel } from '../../src/cli/run-report';
import { exampleInput } from './report-fixture';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const parser = new DOMParser();
const xml = (text: string) => parser.parseFromString(text, 'application/xml');
const textOf = (node: Element) => Array.from(node.getElementsByTagNameNS(W, 't'), (t) => t.textContent ?? '').join('');

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(Array.from(bytes.subarray(1, 4), (b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('DOCX export of the bundled example', () => {
  const input = exampleInput();
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  let zip: JSZip;
  let body: Document;

  beforeAll(async () => {
    const rasterise = await resvgRasteriser();
    expect(rasterise, 'resvg loads on this platform').not.toBeNull();
    zip = await JSZip.loadAsync(await renderDocx(doc, { rasterise: rasterise! }));
    body = xml(await zip.file('word/document.xml')!.async('string'));
  }, 180_000);

  it('writes every section heading with a real heading style, in order', async () => {
    const headings = Array.from(body.getElementsByTagNameNS(W, 'p')).flatMap((p) => {
      const style = p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '';
      return /^Heading\d$/.test(style) ? [`${style}|${textOf(p)}`] : [];
    });
    expect(headings).toEqual(flattenSections(doc.sections).map((s) => `Heading${s.level}|${s.number}\t${s.title}`));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:styleId="Heading1"');
  });

  it('keeps every intro paragraph with the table or chart after it (keep with next, lines together), and no other paragraph', () => {
    const intros = new Set(flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b, i) => (b.kind === 'paragraph' && introduces(s.blocks[i + 1]) ? [b.text] : []))));
    const others = new Set(flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b, i) => (b.kind === 'paragraph' && !introduces(s.blocks[i + 1]) ? [b.text] : []))));
    expect(intros.size).toBeGreaterThanOrEqual(10);
    const kept = (p: Element) => p.getElementsByTagNameNS(W, 'keepNext').length > 0 && p.getElementsByTagNameNS(W, 'keepLines').length > 0;
    const paragraphs = Array.from(body.getElementsByTagNameNS(W, 'p'));
    expect([...intros].filter((text) => !paragraphs.some((p) => textOf(p) === text && kept(p)))).toEqual([]);
    expect(paragraphs.filter((p) => others.has(textOf(p)) && !intros.has(textOf(p)) && p.getElementsByTagNameNS(W, 'keepNext').length > 0).map(textOf)).toEqual([]);
  });

  it('has a table of contents field and every report table, each with a repeating header row', () => {
    const instructions = Array.from(body.getElementsByTagNameNS(W, 'instrText'), (i) => i.textContent ?? '');
    expect(instructions).toContain('TOC \\h \\o "1-2"');
    const reportTables = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : [])));
    const tables = Array.from(body.getElementsByTagNameNS(W, 'tbl'));
    expect(tables).toHaveLength(reportTables.length + 1); // + the title page's document facts
    const withHeader = tables.filter((t) => t.getElementsByTagNameNS(W, 'tblHeader').length > 0);
    expect(withHeader).toHaveLength(reportTables.length);
    const captions = Array.from(body.getElementsByTagNameNS(W, 'p')).map(textOf).filter((t) => /^Table \d+\. /.test(t));
    expect(captions.length).toBe(reportTables.filter((t) => t.label.startsWith('Table')).length);
  });

  it('prints the incremental analysis with the engine’s numbers', () => {
    const engine = runModel(input.models[0]!.model).report;
    const fmt = formatsFor('en');
    const rows = Array.from(body.getElementsByTagNameNS(W, 'tr')).map((tr) => Array.from(tr.getElementsByTagNameNS(W, 'tc')).map(textOf));
    for (const r of engine.incremental.filter((x) => x.icer !== null)) {
      const label = engine.strategies.find((s) => s.id === r.id)!.label;
      expect(rows.some((cells) => cells[0] === label && cells[5] === fmt.money(r.icer, 'EUR')), label).toBe(true);
    }
    for (const s of engine.strategies) {
      expect(rows.some((cells) => cells[0] === s.label && cells[1] === fmt.money(s.cost, 'EUR') && cells[2] === fmt.number(s.qalys, 4))).toBe(true);
    }
  });

  it('embeds every figure as a PNG at 300 dpi for 16 cm, with alt text', async () => {
    const figures = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : [])));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(figures.length);
    const heights: number[] = [];
    for (const name of media) {
      const size = pngSize(await zip.file(name)!.async('uint8array'));
      expect(size.width).toBe(1890);
      heights.push(size.height);
    }
    // Each PNG keeps its chart's aspect ratio (a forest plot of two studies is short and wide).
    const expected = figures.map((f) => (1890 * f.chart.height) / f.chart.width).sort((a, b) => a - b);
    heights.sort((a, b) => a - b).forEach((h, i) => expect(Math.abs(h - expected[i]!)).toBeLessThanOrEqual(1));
    const alts = Array.from(body.getElementsByTagName('wp:docPr')).map((d) => d.getAttribute('descr') ?? '');
    expect(alts).toHaveLength(figures.length);
    for (const alt of alts) expect(alt.length).toBeGreaterThan(20);
  });

  it('numbers pages in the footer and repeats the title in the header', async () => {
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/footer\d+\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(footers.some((f) => f.includes('PAGE') && f.includes('NUMPAGES'))).toBe(true);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/header\d+\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(headers.some((h) => h.includes('Plasma ctDNA NGS') && h.includes('Illustrative example'))).toBe(true);
  });

  it('keeps figures as data tables when no rasteriser is available', async () => {
    const small = buildReport(input, { profile: 'full', locale: 'en', sections: ['results'] });
    const z = await JSZip.loadAsync(await renderDocx(small, {}));
    expect(Object.keys(z.files).filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(await z.file('word/document.xml')!.async('string')).toContain('could not be drawn as an image here');
  });
});

// The evidence chapter's test-accuracy synthesis on the Kearon et al. (1998) studies: the 2×2 rows with the
// engine's derived sensitivity and specificity, the pooled estimates equal to the engine's REML fit (and to R's
// mada::reitsma values in the fixture), the QUADAS-2 summary, forest and SROC figures present in HTML, PDF and DOCX,
// the numbers at full precision in XLSX, the part left out on request, pools per alteration.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { metaAnalyseAccuracy } from '../../src/engine/accuracy/meta-analysis';
import { studySensitivity, studySpecificity } from '../../src/engine/accuracy/two-by-two';
import { buildReport } from '../../src/report/build-report';
import { allBlocks, flattenSections } from '../../src/report/document';
import type { Figure, ReportDocument, Table } from '../../src/report/document';
import { formatsFor } from '../../src/report/format';
import { renderStandaloneHtml } from '../../src/report/html/render-html';
import { renderDocx } from '../../src/report/docx/render-docx';
import { exportReport } from '../../src/report/export-report';
import { srocGeometry } from '../../src/report/charts/accuracy-chart-data';
import { SROC_BOX } from '../../src/report/charts/accuracy-charts';
import { resvgRasteriser } from '../../src/cli/report/rasterise-svg';
import { findChromium, printHtmlToPdf } from '../../src/cli/report/chromium-pdf';
import { kearonDossier, kearonInput, kearonStudies } from './accuracy-fixture';

const reference = (JSON.parse(readFileSync(resolve(__dirname, '..', 'fixtures', 'dta_bivariate_kearon.json'), 'utf8')) as { all_studies: { reitsma_reml: { sens: number; spec: number; logit_sens: number; logit_spec: number; tau2_sens: number; tau2_spec: number; rho: number } } }).all_studies.reitsma_reml;
const fmt = formatsFor('en');
const ci = (p: { estimate: number; lower: number; upper: number }, digits: number) => `${fmt.number(p.estimate, digits)} (${fmt.number(p.lower, digits)}–${fmt.number(p.upper, digits)})`;

function tables(doc: ReportDocument): Table[] {
  return allBlocks(doc).flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : []));
}
function tableById(doc: ReportDocument, id: string): Table {
  const t = tables(doc).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}; tables: ${tables(doc).map((x) => x.id).join(', ')}`);
  return t;
}
function figures(doc: ReportDocument): Figure[] {
  return allBlocks(doc).filter((b): b is Figure => b.kind === 'figure');
}

describe('test-accuracy synthesis in the report of the Kearon studies', () => {
  const input = kearonInput();
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  const engine = metaAnalyseAccuracy(kearonStudies, { method: 'reml' });

  it('adds QUADAS-2 and meta-analysis subsections to the evidence chapter, after the 2×2 table', () => {
    const evidence = doc.sections.find((s) => s.id === 'sec-evidence')!;
    expect(evidence.children.map((c) => `${c.number} ${c.title}`)).toEqual([
      `${evidence.number}.1 Studies and sources`,
      `${evidence.number}.2 Test accuracy`,
      `${evidence.number}.3 Risk of bias and applicability (QUADAS-2)`,
      `${evidence.number}.4 Meta-analysis of test accuracy`,
    ]);
  });

  it('lists every 2×2 table with its counts and the engine’s sensitivity and specificity (exact 95% CI)', () => {
    const t = tableById(doc, 'tab-two-by-two');
    expect(t.header.slice(3, 9)).toEqual(['TP', 'FN', 'TN', 'FP', 'Sensitivity (95% CI)', 'Specificity (95% CI)']);
    expect(t.rows).toHaveLength(30);
    kearonStudies.forEach((s, i) => {
      const cells = t.rows[i]!.cells;
      expect(cells.slice(0, 2)).toEqual([`E${i + 1}`, `${s.study} ${s.year}`]);
      expect(cells.slice(3, 7)).toEqual([s.tp, s.fn, s.tn, s.fp].map((v) => fmt.number(v, 0)));
      expect(cells[7]).toBe(ci(studySensitivity(s), 2));
      expect(cells[8]).toBe(ci(studySpecificity(s), 2));
    });
    // By hand: Elias et al. 325 / (325 + 8) = 0.976, 483 / (483 + 22) = 0.956; Vogel et al. 29 / 29 = 1 with upper bound 1.
    expect(t.rows[0]!.cells[7]).toMatch(/^0\.98 \(/);
    expect(t.rows[0]!.cells[8]).toMatch(/^0\.96 \(/);
    expect(t.rows[1]!.cells[8]).toMatch(/^1\.00 \(0\.\d\d–1\.00\)$/);
    // The register's own accuracy table does not repeat the counted studies.
    expect(tables(doc).some((x) => x.id === 'tab-accuracy')).toBe(false);
  });

  it('reports the pooled estimates of the engine’s REML fit, which match R’s (fixture)', () => {
    const t = tableById(doc, 'tab-sec-evidence-pooled-pooled');
    const row = (label: string) => t.rows.find((r) => r.cells[0]!.startsWith(label))!.cells;
    expect(row('Pooled estimate')).toEqual(['Pooled estimate (95% CI)', ci(engine.sensitivity, 3), ci(engine.specificity, 3), '—']);
    expect(row('Pooled logit').slice(1, 3)).toEqual([fmt.number(engine.logit.sensitivity, 4), fmt.number(engine.logit.specificity, 4)]);
    expect(row('Covariance matrix').slice(1)).toEqual([engine.logit.covariance[0][0], engine.logit.covariance[1][1], engine.logit.covariance[0][1]].map((v) => fmt.number(v, 5)));
    expect(row('Between-study').slice(1)).toEqual([fmt.number(engine.tau2.sensitivity, 4), fmt.number(engine.tau2.specificity, 4), fmt.number(engine.rho!, 3)]);
    // The numbers printed are R's to the digits shown.
    expect(row('Pooled estimate')[1]!.startsWith(fmt.number(reference.sens, 3))).toBe(true);
    expect(row('Pooled estimate')[2]!.startsWith(fmt.number(reference.spec, 3))).toBe(true);
    expect(row('Between-study').slice(1)).toEqual([fmt.number(reference.tau2_sens, 4), fmt.number(reference.tau2_spec, 4), fmt.number(reference.rho, 3)]);
    expect(t.caption).toContain('30 studies');
  });

  it('draws the QUADAS-2 bars and traffic lights, the paired forest plot and the SROC plot', () => {
    const ids = figures(doc).map((f) => f.id);
    expect(ids).toEqual(['fig-quadas-bars', 'fig-quadas-lights', 'fig-sec-evidence-pooled-forest', 'fig-sec-evidence-pooled-sroc']);
    const bars = tableById(doc, 'fig-quadas-bars-data');
    // Every domain's counts add up to the 30 judged studies.
    for (const r of bars.rows) expect(r.cells.slice(1).reduce((a, c) => a + Number(c), 0)).toBe(30);
    const lights = figures(doc)[1]!;
    expect(lights.chart.svg.match(/<circle /g)!.length).toBe(30 * 7 + 3);
    const forest = figures(doc)[2]!;
    // Two interval lines per study.
    expect(forest.chart.svg.match(/<line [^>]*stroke="#(0072B2|D55E00)"/g)!.length).toBe(60);
    expect(forest.data.rows[0]!.cells).toEqual(['Pooled (bivariate)', '30', ci(engine.sensitivity, 2), ci(engine.specificity, 2)]);
  });

  it('draws the SROC plot from the same geometry as the app’s chart: curve, regions, summary point, studies sized by n', () => {
    const sroc = figures(doc)[3]!;
    const g = srocGeometry(engine, SROC_BOX);
    for (const d of [g.curve, g.confidence, g.prediction]) expect(sroc.chart.svg).toContain(`d="${d}"`);
    const circles = [...sroc.chart.svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"\/>/g)];
    expect(circles).toHaveLength(30);
    // The largest study (Elias et al., n = 838) has the largest circle.
    const radii = circles.map((c) => Number(c[3]));
    expect(radii.indexOf(Math.max(...radii))).toBe(0);
    const summary = tableById(doc, 'fig-sec-evidence-pooled-sroc-data').rows[0]!.cells;
    expect(summary).toEqual(['Summary point', fmt.number(engine.sensitivity.estimate, 3), fmt.number(1 - engine.specificity.estimate, 3)]);
  });

  it('puts the figures into the standalone HTML and the Word file (300 dpi PNG with alt text)', async () => {
    const html = renderStandaloneHtml(doc);
    for (const f of figures(doc)) expect(html).toContain(`<figure id="${f.id}">`);
    expect(html.match(/<svg /g)!.length).toBe(4);
    const rasterise = await resvgRasteriser();
    expect(rasterise, 'resvg loads on this platform').not.toBeNull();
    const zip = await JSZip.loadAsync(await renderDocx(doc, { rasterise: rasterise! }));
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(4);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Paired forest plot of 30 studies');
    expect(xml).toContain('Elias et al. 1987');
  }, 120_000);

  describe('PDF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-accuracy-report-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('prints the 2×2 table, the QUADAS-2 summary, the forest plot and the SROC plot', async () => {
      const chromium = findChromium();
      expect(chromium, 'a local Chromium prints the PDF').not.toBeNull();
      const out = join(dir, 'kearon.pdf');
      await printHtmlToPdf(renderStandaloneHtml(doc), out, chromium!);
      const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
      for (const s of ['Test accuracy: 2×2 data per study', 'QUADAS-2 summary', 'Paired forest plot of sensitivity and specificity', 'Summary ROC plot', '1 − specificity (false-positive rate)', 'Pooled (bivariate)', ci(engine.sensitivity, 3)]) {
        expect(text).toContain(s);
      }
    }, 180_000);
  });

  it('writes the 2×2 data and pooled estimates to the spreadsheet at full precision', async () => {
    const bytes = await exportReport(input, doc, 'xlsx', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Test accuracy');
    expect(sheet).toBeDefined();
    const flat: unknown[][] = [];
    sheet!.eachRow((row) => flat.push((row.values as unknown[]).slice(1)));
    const header = flat.findIndex((r) => r[0] === 'Ref.');
    const first = flat[header + 1]!;
    expect(first.slice(7, 15)).toEqual([325, 8, 483, 22, 838, 325 / 333, studySensitivity(kearonStudies[0]!).lower, studySensitivity(kearonStudies[0]!).upper]);
    const pooledHeader = flat.findIndex((r) => r[0] === 'Pool');
    const pooled = flat[pooledHeader + 1]!;
    expect(pooled.slice(0, 2)).toEqual(['All studies', 30]);
    expect(pooled[4]).toBe(engine.sensitivity.estimate);
    expect(pooled[7]).toBe(engine.specificity.estimate);
    expect(pooled.slice(10, 18)).toEqual([engine.logit.sensitivity, engine.logit.specificity, engine.logit.covariance[0][0], engine.logit.covariance[1][1], engine.logit.covariance[0][1], engine.tau2.sensitivity, engine.tau2.specificity, engine.rho]);
  });
});

describe('test-accuracy synthesis: options and pools', () => {
  it('leaves the part out on request; the register then shows accuracy computed from the 2×2 data', () => {
    const doc = buildReport(kearonInput(), { profile: 'full', locale: 'en', omitParts: ['accuracy'] });
    const ids = flattenSections(doc.sections).map((s) => s.id);
    expect(ids).not.toContain('sec-evidence-quadas');
    expect(ids).not.toContain('sec-evidence-pooled');
    expect(figures(doc)).toEqual([]);
    const t = tableById(doc, 'tab-accuracy');
    expect(t.rows).toHaveLength(30);
    expect(t.rows[0]!.cells).toEqual(['E1', 'Venous ultrasonography', 'Venography', '838', ci(studySensitivity(kearonStudies[0]!), 2), ci(studySpecificity(kearonStudies[0]!), 2), '—']);
    expect(t.notes!.join(' ')).toContain('Clopper–Pearson');
  });

  it('keeps the synthesis in the joint clinical assessment profile, whose summary gives the pooled accuracy', () => {
    const doc = buildReport(kearonInput(), { profile: 'jca', locale: 'en' });
    expect(figures(doc).map((f) => f.id)).toContain('fig-sec-evidence-pooled-sroc');
    const engine = metaAnalyseAccuracy(kearonStudies, { method: 'reml' });
    const summary = doc.sections.find((s) => s.id === 'sec-summary')!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(summary).toContain(
      `Test accuracy from the meta-analysis of the 2×2 data: Pooled over 30 studies (bivariate random-effects model): sensitivity ${fmt.number(engine.sensitivity.estimate, 3)} (95% CI ${fmt.number(engine.sensitivity.lower, 3)}–${fmt.number(engine.sensitivity.upper, 3)}), specificity ${fmt.number(engine.specificity.estimate, 3)} (95% CI ${fmt.number(engine.specificity.lower, 3)}–${fmt.number(engine.specificity.upper, 3)}).`,
    );
    expect(summary.join(' ')).not.toContain('reports no test-accuracy estimates');
  });

  it('says so when no study has a QUADAS-2 judgement, and notes the unjudged ones', () => {
    const none = kearonDossier();
    const stripped = { ...none, evidence: none.evidence.map(({ quadas: _q, ...e }) => e) };
    const doc = buildReport(kearonInput(stripped), { profile: 'full', locale: 'en' });
    expect(figures(doc).map((f) => f.id)).toEqual(['fig-sec-evidence-pooled-forest', 'fig-sec-evidence-pooled-sroc']);
    const some = buildReport(kearonInput(kearonDossier({ quadasEvery: 3 })), { profile: 'full', locale: 'en' });
    const quadas = flattenSections(some.sections).find((s) => s.id === 'sec-evidence-quadas')!;
    expect(quadas.blocks[0]).toEqual({ kind: 'paragraph', role: 'note', text: '20 of the 30 studies with 2×2 data have no QUADAS-2 judgement and are not shown.' });
  });

  it('pools per alteration, one table per study, and names the alterations with one study', () => {
    const base = kearonDossier();
    const evidence = base.evidence.slice(0, 5).map((e, i) => ({
      ...e,
      twoByTwo: [
        { ...e.twoByTwo![0]!, alteration: 'ALK' },
        ...(i === 0 ? [{ ...e.twoByTwo![0]!, id: 'egfr', alteration: 'EGFR' }, { ...e.twoByTwo![0]!, id: 'alk-2', alteration: 'ALK' }] : []),
      ],
    }));
    const doc = buildReport(kearonInput({ ...base, evidence }), { profile: 'full', locale: 'en' });
    const pooled = flattenSections(doc.sections).find((s) => s.id === 'sec-evidence-pooled')!;
    expect(pooled.children.map((c) => c.title)).toEqual(['ALK']);
    expect(pooled.blocks[1]).toEqual({ kind: 'paragraph', text: `Not pooled (fewer than 2 studies): EGFR (1 study). Their 2×2 data are in section ${pooled.number.replace(/\.\d+$/, '')}.2.` });
    const alk = metaAnalyseAccuracy(kearonStudies.slice(0, 5), { method: 'reml' });
    const alkTable = tables(doc).find((t) => t.id.startsWith('tab-sec-evidence-pooled-1-alk'))!;
    expect(alkTable.rows[0]!.cells[1]).toBe(ci(alk.sensitivity, 3));
    expect(pooled.children[0]!.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('1 further table'))).toBe(true);
  });
});

// `npm run bench:report`: time to make the bundled example's report in each format (median of rounds, wall clock
// and this process's CPU time; Chromium's PDF printing is another process, so only its wall time counts).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDossierFile } from '../src/dossier/parse-file';
import { prepareReportInput } from '../src/report/report-input';
import type { ReportInput } from '../src/report/report-input';
import { buildReport } from '../src/report/build-report';
import type { ReportDocument } from '../src/report/document';
import { renderStandaloneHtml } from '../src/report/html/render-html';
import { exportReport } from '../src/report/export-report';
import { resvgRasteriser } from '../src/cli/report/rasterise-svg';
import { findChromium, printHtmlToPdf } from '../src/cli/report/chromium-pdf';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(name: string, work: () => Promise<unknown> | unknown): Promise<void> {
  const wall: number[] = [];
  const used: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const w0 = performance.now();
    const c0 = cpu();
    await work();
    used.push(cpu() - c0);
    wall.push(performance.now() - w0);
  }
  console.log(`${name.padEnd(44)} wall ${Math.round(median(wall)).toString().padStart(6)} ms   cpu ${Math.round(median(used)).toString().padStart(6)} ms`);
}

async function main(): Promise<void> {
  const file = parseDossierFile(readFileSync(resolve(__dirname, '..', 'resources', 'examples', 'liquid-biopsy-nsclc.htad.json'), 'utf8'));
  if (!file.ok) throw new Error('example file invalid');
  const settings = { seed: 1, iterations: 1000, appVersion: 'bench', now: new Date().toISOString() };
  console.log(`Node ${process.version}, ${ROUNDS} rounds, medians; bundled example (liquid-biopsy NSCLC), 1,000 PSA draws`);
  let input: ReportInput | null = null;
  let doc: ReportDocument | null = null;
  await measure('analyses (base case … PSA, EVPPI, budget)', () => {
    input = prepareReportInput(file.file, settings);
  });
  await measure('report document', () => {
    doc = buildReport(input!, { profile: 'full', locale: 'en' });
  });
  await measure('HTML (standalone file)', () => renderStandaloneHtml(doc!));
  const rasterise = await resvgRasteriser();
  await measure('DOCX with 300 dpi figures (resvg)', () => exportReport(input!, doc!, 'docx', { rasterise: rasterise ?? undefined }));
  await measure('DOCX without figures (data tables only)', () => exportReport(input!, doc!, 'docx'));
  await measure('XLSX (6 sheets, 1,000 PSA draws)', () => exportReport(input!, doc!, 'xlsx'));
  const chromium = findChromium();
  if (chromium) {
    const dir = mkdtempSync(join(tmpdir(), 'hta-bench-'));
    const html = renderStandaloneHtml(doc!);
    await measure('PDF (headless Chromium, wall only)', () => printHtmlToPdf(html, join(dir, 'report.pdf'), chromium));
    rmSync(dir, { recursive: true, force: true });
  } else {
    console.log('PDF: no Chromium found, skipped');
  }
}

void main();

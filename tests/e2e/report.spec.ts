import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// The report preview of the bundled example: sections, profile and summary editing, exports (HTML, Word, Excel,
// print), the printed layout, and axe-core on the screen and on the standalone HTML file (no network request).

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';
const axePath = createRequire(__filename).resolve('axe-core/axe.min.js');
const shots = 'test-results/screenshots';

async function openReport(page: Page) {
  await page.goto('/');
  await page.getByTestId('library-row').filter({ hasText: exampleTitle }).getByTestId('open-dossier').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-screen')).toBeVisible();
  // The analyses (a 1,000-draw PSA among them) run in the report worker.
  await expect(page.getByTestId('report-preview')).toBeVisible({ timeout: 120_000 });
}

async function seriousAxeViolations(page: Page, context?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (script-src 'self') stays as it is.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(async (selector) => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    const result = await axe.run(selector ?? document, {});
    // A run that checked nothing would pass vacuously.
    if (result.passes.length < 10) return [`axe-core checked only ${result.passes.length} rules`];
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, context);
}

test('the dossier’s Report opens a numbered preview with the chosen sections and profile', async ({ page }) => {
  test.setTimeout(180_000);
  await openReport(page);
  const preview = page.getByTestId('report-preview');
  await expect(preview.locator('h1')).toHaveText(exampleTitle);
  await expect(preview.locator('section > h2')).toHaveText([
    '1 About this report', '2 Summary', '3 Scope', '4 HTA Core Model domains', '5 Evidence register', '6 Economic evaluation methods',
    '7 Results', '8 Uncertainty', '9 Budget impact', '10 Limitations', '11 CHEERS 2022 checklist',
  ]);
  await expect(preview.locator('#tab-cheers tbody tr')).toHaveCount(28);
  await expect(preview.locator('#tab-sec-results-incremental')).toContainText('€103,448');
  await expect(page.getByTestId('report-analyses')).toContainText('Probabilistic analysis: computed now, 1,000 draws, seed 1');

  // Leaving a section out renumbers the rest.
  await page.getByTestId('report-section-budget').uncheck();
  await expect(preview.locator('section > h2')).toHaveCount(10);
  await expect(preview.locator('section > h2').nth(8)).toHaveText('9 Limitations');

  // The TOC scrolls the preview; the route stays the report's.
  await preview.locator('nav.toc a', { hasText: 'CHEERS 2022 checklist' }).click();
  await expect(page).toHaveURL(/#\/dossiers\/[^/]+\/report$/);
  await expect(preview.locator('#sec-cheers')).toBeInViewport();

  // JCA: relative effects only.
  await page.getByTestId('report-profile-jca').check();
  await expect(preview.locator('section > h2')).toHaveText(['1 About this report', '2 Summary', '3 Scope', '4 HTA Core Model domains', '5 Evidence register', '6 Limitations']);
  await expect(preview).not.toContainText('ICER');
  await expect(preview).not.toContainText('net monetary benefit');

  // Another locale changes numbers, not words.
  await page.getByTestId('report-profile-full').check();
  await page.getByTestId('report-locale').selectOption('nl-BE');
  await expect(preview.locator('#tab-sec-results-incremental')).toContainText('103.448');
});

test('the summary is generated, can be edited, and the edit is kept with the dossier', async ({ page }) => {
  test.setTimeout(180_000);
  await openReport(page);
  const summary = page.getByTestId('report-preview').locator('#sec-summary');
  await expect(summary).toContainText('In the base case of the model');
  await page.getByTestId('report-summary-start').click();
  await expect(page.getByTestId('report-summary')).toHaveValue(/In the base case of the model/);
  await page.getByTestId('report-summary').fill('Our own summary of the assessment.');
  await expect(summary.locator('p')).toHaveText(['Our own summary of the assessment.']);
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('report-summary')).toHaveValue('Our own summary of the assessment.', { timeout: 30_000 });
  await page.getByTestId('report-summary-reset').click();
  await expect(page.getByTestId('report-summary')).toHaveValue('');
});

test('exports HTML, Word and Excel files, and prints the report alone', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed += 1;
    };
  });
  await openReport(page);
  const download = async (testId: string) => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(testId).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };
  const html = await download('report-export-html');
  expect(html.name).toMatch(/^plasma-ctdna.*-report\.html$/);
  expect(html.bytes.toString('utf8')).toContain(`<title>${exampleTitle}</title>`);
  const docx = await download('report-export-docx');
  expect(docx.name).toMatch(/\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  // Figures drawn by the browser's canvas (PNG signature inside the zip).
  expect(docx.bytes.includes(Buffer.from('word/media/'))).toBe(true);
  const xlsx = await download('report-export-xlsx');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByTestId('report-export-pdf').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-nav')).toBeHidden();
  await expect(page.getByTestId('report-screen').locator('.report-options')).toBeHidden();
  // page.pdf() is Chromium's print-to-PDF, the path Electron's webContents.printToPDF uses.
  const file = join(tmpdir(), `hta-report-${Date.now()}.pdf`);
  await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
  expect(text).toContain('11 CHEERS 2022 checklist');
  expect(text).toContain('€103,448');
  expect(text).toMatch(/Page 3 of \d+/);
  expect(text).not.toContain('Local workspace');
  expect(text).not.toContain('Numbers and dates');
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
});

test('the report screen has no serious or critical axe-core violation', async ({ page }) => {
  test.setTimeout(180_000);
  await openReport(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('the standalone HTML report passes axe-core and makes no request', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openReport(page);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-html').click()]);
  const html = readFileSync(await file.path(), 'utf8');
  // A fresh context that records every request.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on('request', (r) => requests.push(r.url()));
  await viewer.setContent(html, { waitUntil: 'load' });
  expect(requests).toEqual([]);
  await expect(viewer.locator('figure svg').first()).toBeVisible();
  expect(await seriousAxeViolations(viewer)).toEqual([]);
  await context.close();
});

test('report screen at 1440×900 and 1024×640', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await openReport(page);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${shots}/report-1440.png` });
  await page.getByTestId('report-preview').locator('#sec-uncertainty').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/report-uncertainty-1440.png` });
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('report-preview-scroll').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/report-1024.png` });
  // The dossier fields reports need (CHEERS items without another home).
  await page.goto(page.url().replace(/\/report$/, '/reporting'));
  await expect(page.getByTestId('field-reporting-perspective')).toHaveValue(/health-care payer/);
  await page.screenshot({ path: `${shots}/reporting-section-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${shots}/reporting-section-1440.png` });
});

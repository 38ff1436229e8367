import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot, useExample } from './journeys';
import { compileModel, parseModel } from '../../src/engine/compile-model';
import { calculateIcers } from '../../src/engine/economics/incremental';
import { setParameterValue } from '../../src/engine/model/document-edits';
import { exportDate } from '../../src/report/export-names';

// Models in the workspace: a copy of the bundled liquid-biopsy example is edited, analysed, left and reopened; its
// runs are stored with provenance and reopen current; exports read back as the engine computes. Expected numbers
// come from the engine in Node on the same document, never from the page.

const file = 'resources/examples/liquid-biopsy-nsclc.json';
const example = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

function engineIncremental(document: unknown) {
  const compiled = compileModel(parseModel(document));
  const result = compiled.evaluate(compiled.baseParameters());
  return calculateIcers(result.strategies.map((s) => ({ id: s.id, label: s.label, cost: s.totals.cost, effect: s.totals.effect })));
}

const shot = (page: Page, name: string) => screenshot(page, `workspace-${name}`);

async function saved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
}

async function download(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; path: string }> {
  const pending = page.waitForEvent('download');
  await trigger();
  const d = await pending;
  const path = join(tmpdir(), `hta-e2e-${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(path);
  return { download: d, path };
}

test.describe.configure({ timeout: 240000 });

test('edit, PSA, leave and reload: the edit and the PSA are still there and current; a distribution change makes the PSA out of date and its re-run changes the CEAC', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const modelId = await useExample(page);

  // Edit a base value; undo and redo it from the keyboard.
  const input = page.getByTestId('param-input-p_rebiopsy');
  await input.fill('0.9');
  await expect(page.getByTestId('param-warning-p_rebiopsy')).toContainText('The PSA samples around 0.5');
  await expect(page.getByTestId('param-warning-p_rebiopsy')).toContainText('outside the one-way range 0.3 to 0.8');
  await page.keyboard.press('Control+z');
  await expect(input).toHaveValue('0.5');
  await expect(page.getByTestId('param-warning-p_rebiopsy')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(input).toHaveValue('0.9');
  // The one-click fixes: the distribution re-centred (same relative SE), the range widened.
  await page.getByTestId('param-fix-recentre-p_rebiopsy').click();
  await expect(page.getByTestId('distribution-p_rebiopsy')).toHaveText('Beta(mean 0.9, SE 0.22959)');
  await page.getByTestId('param-fix-widen-range-p_rebiopsy').click();
  await expect(page.getByTestId('param-warning-p_rebiopsy')).toHaveCount(0);
  await saved(page);
  await expect(page.getByTestId('range-high-p_rebiopsy')).toHaveText('0.9');
  // A parameter sampled in the joint accuracy distribution says so, and offers no re-centring it cannot make.
  await expect(page.getByTestId('distribution-sens_plasma')).toContainText('Joint normal, logit scale, with spec_plasma');
  await page.getByTestId('param-input-sens_plasma').fill('0.85');
  await expect(page.getByTestId('param-warning-sens_plasma')).toContainText('from the joint distribution “Plasma ctDNA NGS accuracy, any driver (Chen 2023)”, centred on 0.69 (its median), not the base value 0.85');
  await expect(page.getByTestId('param-fix-recentre-sens_plasma')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('param-input-sens_plasma')).toHaveValue('0.69');
  await saved(page);

  // A 1,000-draw PSA and a tornado, stored with the model.
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('run-dsa').click();
  await expect(page.getByTestId('chart-tornado')).toBeVisible({ timeout: 60000 });
  await page.getByTestId('psa-iterations').fill('1000');
  await page.getByTestId('psa-seed').fill('3');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180000 });
  await expect(page.getByTestId('psa-draws')).toHaveText('1,000 draws, seed 3');
  // Draws and seed are stated once on the card, in the run's status line.
  expect((await page.getByTestId('psa-section').innerText()).split('draws, seed').length - 1).toBe(1);
  await expect(page.getByTestId('psa-run-status').getByTestId('psa-draws')).toHaveCount(1);
  await expect(page.getByTestId('psa-run-status')).toHaveAttribute('data-current', 'true');
  const runId = await page.getByTestId('psa-results').getAttribute('data-run-id');

  // Leave for the dossier library, come back, then reload the app: everything is still there and current.
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('psa-results')).toHaveAttribute('data-run-id', runId!, { timeout: 30000 });
  await page.reload();
  await expect(page.getByTestId('psa-results')).toHaveAttribute('data-run-id', runId!, { timeout: 30000 });
  await expect(page.getByTestId('psa-run-status')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('psa-run-status-badge')).toHaveText('Current');
  await expect(page.getByTestId('dsa-run-status')).toHaveAttribute('data-current', 'true');
  await expect(page.getByTestId('psa-draws')).toHaveText('1,000 draws, seed 3');
  await expect(page.getByTestId('chart-ceac').locator('.recharts-line-curve')).toHaveCount((example.strategies as unknown[]).length + 1); // one per strategy and the frontier
  await page.getByTestId('model-tab-model').click();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.9');
  await expect(page.getByTestId('distribution-p_rebiopsy')).toHaveText('Beta(mean 0.9, SE 0.22959)');

  // Change a distribution: the stored PSA is out of date; Re-run gives another CEAC.
  const ceacBefore = await page.getByTestId('chart-ceac').locator('.chart-data-body').textContent();
  await page.getByTestId('edit-uncertainty-c_tki_month').click();
  const dialog = page.getByTestId('distribution-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('preview-mean')).toHaveText('5000');
  await dialog.getByTestId('dist-input-se').fill('2500');
  await expect(dialog.getByTestId('preview-mean')).toHaveText('5000');
  await dialog.getByTestId('distribution-apply').click();
  await expect(page.getByTestId('distribution-c_tki_month')).toHaveText('Gamma(mean 5,000, SE 2,500)');
  await saved(page);
  await page.getByTestId('model-tab-uncertainty').click();
  await expect(page.getByTestId('psa-run-status')).toHaveAttribute('data-current', 'false');
  await expect(page.getByTestId('psa-run-status')).toContainText('Out of date — the model changed since this run.');
  await expect(page.getByTestId('dsa-run-status')).toContainText('Out of date — the model changed since this run.');
  await shot(page, 'out-of-date');
  await page.getByTestId('psa-run-status-rerun').click();
  await expect(page.getByTestId('psa-run-status')).toHaveAttribute('data-current', 'true', { timeout: 180000 });
  await expect(page.getByTestId('psa-draws')).toHaveText('1,000 draws, seed 3');
  const ceacAfter = await page.getByTestId('chart-ceac').locator('.chart-data-body').textContent();
  expect(ceacAfter).not.toEqual(ceacBefore);
  expect(await page.getByTestId('psa-results').getAttribute('data-run-id')).not.toBe(runId);

  // The history tells the changes in words; both PSA runs are listed, the older one out of date.
  await page.getByTestId('model-tab-versions').click();
  const history = page.getByTestId('model-history');
  await expect(history).toContainText('Re-biopsy uptake 0.5 → 0.9');
  await expect(history).toContainText('Targeted therapy cost: PSA distribution Gamma(mean 5,000, SE 1,020.41) → Gamma(mean 5,000, SE 2,500)');
  const psaRuns = page.locator('[data-testid="run-row"][data-kind="psa"]');
  await expect(psaRuns).toHaveCount(2);
  await expect(psaRuns.nth(0)).toHaveAttribute('data-current', 'true');
  await expect(psaRuns.nth(1)).toHaveAttribute('data-current', 'false');
  expect(modelId).not.toBe('liquid-biopsy-nsclc');
});

test('exports: the incremental table as XLSX reads back as the engine computes; a chart as SVG, PNG and CSV; the model file runs in `hta run` with the same numbers', async ({ page }) => {
  await useExample(page);
  await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
  await saved(page);
  const document = setParameterValue(example, 'c_plasma_ngs', 1500);
  const expected = engineIncremental(document);
  const today = exportDate(new Date());
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('incremental-row')).toHaveCount(expected.length);

  // XLSX: read back with exceljs; numeric cells equal the engine's numbers.
  const xlsx = await download(page, async () => {
    await page.getByTestId('export-incremental').click();
    await page.getByTestId('export-incremental-xlsx').click();
  });
  expect(xlsx.download.suggestedFilename()).toBe(`liquid-biopsy-plasma-ctdna-ngs-for-first-line-genotyping-of-incremental-analysis-${today}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx.path).buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet('Incremental analysis')!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === 'Strategy') header = n;
  });
  expect(sheet.getRow(header).values).toEqual([undefined, 'Strategy', 'Status', 'Cost (EUR)', 'QALYs', 'Incremental cost (EUR)', 'Incremental QALYs', 'ICER per QALY (EUR)']);
  expected.forEach((r, i) => {
    const row = sheet.getRow(header + 1 + i);
    expect(row.getCell(1).value).toBe(r.label);
    expect(row.getCell(3).value).toBe(r.cost);
    expect(row.getCell(4).value).toBe(r.effect);
    expect(row.getCell(5).value).toBe(r.incCost ?? null);
    expect(row.getCell(7).value).toBe(r.icer ?? null);
  });
  expect(String(sheet.getCell(3, 1).value)).toMatch(/^Model SHA-256: [0-9a-f]{64}$/);

  // CSV of the same table.
  const csv = await download(page, async () => {
    await page.getByTestId('export-incremental').click();
    await page.getByTestId('export-incremental-csv').click();
  });
  const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\r\n');
  expect(lines).toHaveLength(expected.length + 1);
  expect(Number(lines[1]!.split(',')[2])).toBe(expected[0]!.cost);

  // The CE plane as SVG (title, legend, drawing inline) and PNG; its data as CSV.
  const svg = await download(page, async () => {
    await page.getByTestId('chart-ce-plane-export').click();
    await page.getByTestId('chart-ce-plane-svg').click();
  });
  expect(svg.download.suggestedFilename()).toBe(`liquid-biopsy-plasma-ctdna-ngs-for-first-line-genotyping-of-cost-effectiveness-plane-base-case-${today}.svg`);
  const svgText = readFileSync(svg.path, 'utf8');
  expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('Cost-effectiveness plane (base case)');
  expect(svgText).toContain('Tissue-only NGS');
  expect(svgText.match(/<circle|<path/g)?.length).toBeGreaterThan(3);
  expect(svgText).not.toContain('class=');
  const png = await download(page, async () => {
    await page.getByTestId('chart-ce-plane-export').click();
    await page.getByTestId('chart-ce-plane-png').click();
  });
  const pngBytes = readFileSync(png.path);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = pngBytes.readUInt32BE(16);
  const height = pngBytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(600);
  expect(height).toBeGreaterThan(400);
  const chartCsv = await download(page, async () => {
    await page.getByTestId('chart-ce-plane-export').click();
    await page.getByTestId('chart-ce-plane-csv').click();
  });
  expect(readFileSync(chartCsv.path, 'utf8').split('\r\n')[0]).toBe('Series,QALYs,Cost (EUR)');

  // "Export model file", then the command line on that file: exactly the numbers the app shows.
  const modelFile = await download(page, () => page.getByTestId('export-model').click());
  expect(JSON.parse(readFileSync(modelFile.path, 'utf8'))).toEqual(document);
  const cli = spawnSync(process.execPath, ['bin/hta.cjs', 'run', modelFile.path, '--json'], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  const report = JSON.parse(cli.stdout) as { strategies: { id: string; cost: number; qalys: number }[]; incremental: { id: string; icer: number | null }[] };
  for (const s of report.strategies) {
    const row = page.locator(`[data-testid="base-case-row"][data-strategy="${s.id}"]`);
    expect(Number(await row.getByTestId('cell-cost').getAttribute('data-value'))).toBe(s.cost);
    expect(Number(await row.getByTestId('cell-qalys').getAttribute('data-value'))).toBe(s.qalys);
  }
  for (const r of report.incremental.filter((x) => x.icer !== null)) {
    expect(Number(await page.locator(`[data-testid="incremental-row"][data-strategy="${r.id}"]`).getByTestId('cell-icer').getAttribute('data-value'))).toBe(r.icer);
  }
});

test('a cancelled PSA says how many draws were done and keeps them, labelled partial, on request', async ({ page }) => {
  await useExample(page);
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('psa-iterations').fill('20000');
  await page.getByTestId('run-psa').click();
  const progress = page.getByTestId('psa-progress');
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 60000 }).toBeGreaterThanOrEqual(800);
  await page.getByTestId('cancel-psa').click();
  const cancelled = page.getByTestId('psa-cancelled');
  await expect(cancelled).toContainText(/PSA cancelled after [\d,]+ of 20,000 draws\./);
  const kept = Number((await page.getByTestId('psa-keep-partial').textContent())!.replace(/\D/g, ''));
  expect(kept).toBeGreaterThanOrEqual(800);
  expect(kept).toBeLessThan(20000);
  await page.getByTestId('psa-keep-partial').click();
  await expect(page.getByTestId('psa-partial-note')).toContainText(`cancelled after ${kept.toLocaleString('en-GB')} of 20,000 draws`);
  await expect(page.getByTestId('psa-draws')).toHaveText(`${kept.toLocaleString('en-GB')} of 20,000 draws, seed 1`);
  await expect(page.getByTestId('psa-run-status')).toContainText('Partial');
  await page.reload();
  await expect(page.getByTestId('psa-partial-note')).toBeVisible({ timeout: 30000 });

  // Discarding keeps nothing: the partial run shown stays the only PSA run.
  await page.getByTestId('psa-iterations').fill('20000');
  await page.getByTestId('run-psa').click();
  await expect(progress).toBeVisible();
  await page.getByTestId('cancel-psa').click();
  await page.getByTestId('psa-discard-partial').click();
  await expect(page.getByTestId('psa-cancelled')).toHaveCount(0);
  await page.getByTestId('model-tab-versions').click();
  await expect(page.locator('[data-testid="run-row"][data-kind="psa"]')).toHaveCount(1);
});

test('versions: save, compare in words and results, restore; links to dossiers from both sides; screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const modelId = await useExample(page);
  await page.getByTestId('save-version').click();
  await page.getByTestId('version-name').fill('As published');
  await page.getByTestId('version-note').fill('The bundled example before any change.');
  await page.getByTestId('save-version-ok').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved the version “As published”.' })).toBeVisible();
  await page.getByTestId('param-input-sens_plasma').fill('0.85');
  await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
  await saved(page);
  await page.getByTestId('model-tab-versions').click();
  await expect(page.getByTestId('version-row')).toHaveCount(1);
  const changes = page.getByTestId('compare-change');
  await expect(changes).toHaveCount(2);
  await expect(page.getByTestId('compare-changes')).toContainText('Plasma NGS sensitivity');
  await expect(changes.filter({ hasText: 'Plasma NGS cost' })).toContainText('1,000');
  await expect(changes.filter({ hasText: 'Plasma NGS cost' })).toContainText('1,500');
  await expect(page.getByTestId('compare-results').locator('tbody tr')).toHaveCount((example.strategies as unknown[]).length);
  await page.getByTestId('compare-card').scrollIntoViewIfNeeded();
  await shot(page, 'versions-compare');
  await page.getByTestId('runs-card').scrollIntoViewIfNeeded();
  await shot(page, 'runs-history');

  // Link to the example dossier from the model screen; it shows in the dossier's models section.
  await page.getByTestId('model-tab-model').click();
  await page.getByTestId('link-dossier').click();
  await page.getByTestId('link-dossier-select').selectOption({ label: 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC' });
  await page.getByTestId('link-dossier-ok').click();
  await expect(page.getByTestId('linked-dossier')).toHaveCount(1);
  await page.getByTestId('linked-dossier').getByRole('link').click();
  await expect(page.getByTestId('model-links-table')).toBeVisible();
  await expect(page.getByTestId('model-link-row')).toHaveCount(2);
  await expect(page.getByTestId('model-link-row').nth(1)).toContainText('Workspace model');
  await shot(page, 'dossier-model-links');
  // Unlink from the dossier; link again from the dossier's own section.
  await page.getByTestId('model-link-row').nth(1).getByTestId('unlink-model').click();
  await expect(page.getByTestId('model-link-row')).toHaveCount(1);
  await page.getByTestId('link-model').click();
  await expect(page.getByTestId('model-link-row')).toHaveCount(2);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.goto(`/#/models/${modelId}/versions`);
  await expect(page.getByTestId('model-history-row').first()).toBeVisible();

  // Restore the saved version: the current model is kept as an automatic version first.
  await page.getByTestId('restore-version').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  const asPublished = await page.getByTestId('compare-a').locator('option', { hasText: /^As published/ }).getAttribute('value');
  await page.getByTestId('compare-a').selectOption(asPublished!);
  await expect(page.getByTestId('compare-same')).toBeVisible();
  await page.getByTestId('model-tab-model').click();
  await expect(page.getByTestId('param-input-sens_plasma')).toHaveValue('0.69');
  await expect(page.getByTestId('linked-dossier')).toHaveCount(1);

  // The same screens at the smallest window.
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('model-tab-versions').click();
  await shot(page, 'versions-1024');
  await page.getByTestId('model-tab-model').click();
  await page.getByTestId('param-input-sens_plasma').fill('0.85');
  await page.getByTestId('param-warning-sens_plasma').scrollIntoViewIfNeeded();
  await shot(page, 'parameters-warning-1024');
  await page.getByTestId('edit-uncertainty-sens_plasma').click();
  await shot(page, 'distribution-dialog-1024');
});

test('measured: reopening a stored 10,000-draw PSA and its size in the database', async ({ page }) => {
  test.setTimeout(600000);
  await useExample(page);
  await page.getByTestId('model-tab-uncertainty').click();
  const before = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await page.getByTestId('psa-iterations').fill('10000');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 540000 });
  const after = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const reopen: number[] = [];
  const sinceNavigation: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await expect(page.getByTestId('psa-results')).toHaveAttribute('data-reopen-ms', /\d/, { timeout: 30000 });
    reopen.push(Number(await page.getByTestId('psa-results').getAttribute('data-reopen-ms')));
    sinceNavigation.push(Number(await page.getByTestId('psa-results').getAttribute('data-since-navigation-ms')));
  }
  await page.getByTestId('model-tab-versions').click();
  const size = await page.locator('[data-testid="run-row"][data-kind="psa"] td').nth(4).textContent();
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[2]!);
  const figures = {
    draws: 10000,
    // From asking the database for the stored run to the second frame after its charts rendered.
    reopenToFirstChartMs: reopen.map((x) => Math.round(x)),
    reopenMedianMs: median(reopen),
    // The same moment counted from the start of the page load (app start, workspace open, model check included).
    sinceNavigationMedianMs: median(sinceNavigation),
    storedResultSize: size,
    storageEstimateDeltaBytes: after - before,
  };
  console.log(`PSA measurements: ${JSON.stringify(figures)}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/psa-reopen-measurements.json', `${JSON.stringify(figures, null, 2)}\n`);
  expect(size).toMatch(/MB$/);
});

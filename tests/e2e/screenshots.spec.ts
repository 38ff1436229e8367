import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Screenshots at 1440×900 for review (saved under test-results/screenshots/ and looked at by a person).
const dir = 'test-results/screenshots';

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
});

async function addDossier(page: Page, title: string, type: string, indication: string) {
  await page.getByTestId('new-dossier').click();
  await page.getByTestId('new-dossier-title').fill(title);
  await page.getByTestId('new-dossier-type').selectOption(type);
  await page.getByTestId('create-dossier').click();
  await page.getByTestId('field-indication').fill(indication);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByTestId('nav-library').click();
}

test('library and dossier editor at 1440×900', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await addDossier(page, 'Tissue NGS panel (50 genes) for stage IIIB–IV NSCLC', 'ngs-panel', 'Advanced NSCLC, treatment-naive');
  await addDossier(page, 'PD-L1 22C3 companion diagnostic for pembrolizumab', 'companion-diagnostic', 'Metastatic NSCLC, PD-L1 TPS ≥ 50%');
  await addDossier(page, 'Osimertinib adjuvant treatment after resection', 'medicine', 'Resected EGFR-mutant NSCLC stage IB–IIIA');
  await expect(page.getByTestId('library-row')).toHaveCount(4);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/library.png` });

  await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-overview.png` });

  await page.getByTestId('section-eff').click();
  await expect(page.getByTestId('panel-eff')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-domain-eff.png` });

  await page.getByTestId('section-evidence').click();
  await expect(page.getByTestId('evidence-table')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-evidence.png` });

  await page.getByTestId('evidence-row').first().getByRole('button', { name: /^Edit/ }).click();
  await expect(page.getByTestId('evidence-dialog')).toBeVisible();
  await page.screenshot({ path: `${dir}/editor-evidence-dialog.png` });
  await page.keyboard.press('Escape');

  await page.getByTestId('section-pico').click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-pico.png` });

  await page.getByTestId('section-overview').click();
  await page.getByTestId('field-title').fill(`${await page.getByTestId('field-title').inputValue()} (2026 update)`);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByTestId('status-to-under-review').click();
  await page.getByTestId('section-history').click();
  // The title, the status, and the status change in words (who and why).
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await expect(page.getByTestId('status-event')).toHaveText('Submitted for review');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${dir}/editor-history.png` });
});

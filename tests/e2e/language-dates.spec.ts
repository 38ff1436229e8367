import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './axe';
import { test, expect } from './fixtures';
import { backUpWorkspace, libraryRowAction } from './journeys';

// One date convention on screens, in French, for a reader in Brussels: medium date and time in local time (never
// "UTC"), the exact instant with its seconds in the title, within the 190 px date columns at the minimum window:
// safety backups, Recently deleted, the models list and a model's versions and edit history.
const shots = 'test-results/screenshots';
const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC';
const brussels = new Intl.DateTimeFormat('fr-BE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' });

test.use({ timezoneId: 'Europe/Brussels' });
test.beforeAll(() => mkdirSync(shots, { recursive: true }));

/** A date cell: Brussels time from its own ISO instant, seconds in the title, and not wider than its cell. */
async function expectLocalDate(cell: Locator) {
  // Read at once: the cells are given by position in live lists (a newer history row can land on top between two
  // reads, and the instant of one row would be compared with the text of another).
  const read = await cell.evaluate((el) => {
    const time = el.querySelector('time')!;
    return { iso: time.getAttribute('datetime'), shown: time.innerText, title: time.title, timeWidth: time.getBoundingClientRect().width, cellWidth: el.getBoundingClientRect().width };
  });
  expect(read.iso).toMatch(/Z$/);
  expect(read.shown.replace(/[\u00a0\u202f]/g, ' ')).toBe(brussels.format(new Date(read.iso!)).replace(/[\u00a0\u202f]/g, ' '));
  expect(read.title).toMatch(/\d{2}:\d{2}:\d{2}/);
  expect(read.timeWidth).toBeLessThanOrEqual(read.cellWidth);
}

async function chooseFrench(page: Page) {
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-BE');
}

/** Screenshots at both window sizes with `shown` scrolled into view and no notification over it. */
async function screenshots(page: Page, name: string, shown: Locator) {
  const close = page.locator('.toast-close');
  while ((await close.count()) > 0) await close.first().click();
  for (const [width, height] of [[1440, 900], [1024, 640]] as const) {
    await page.setViewportSize({ width, height });
    await shown.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${shots}/language-dates-${name}-${width}-fr-BE.png` });
  }
}

test('safety backups and Recently deleted: local time, medium style, exact time in the title (fr-BE)', async ({ page }) => {
  await chooseFrench(page);
  const backupText = (await backUpWorkspace(page)).text;
  await page.getByTestId('restore-workspace').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
  await (await chooser).setFiles({ name: 'equipe.htabackup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
  await page.getByTestId('restored-dialog').getByRole('button', { name: 'Fermer', exact: true }).click();
  await libraryRowAction(page.getByTestId('library-row').filter({ hasText: exampleTitle }), 'delete-dossier');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(1);
  await page.locator('.toast-close').first().click();

  await page.setViewportSize({ width: 1024, height: 640 });
  await expectLocalDate(page.getByTestId('safety-backup-row').locator('td').first());
  await expectLocalDate(page.getByTestId('recently-deleted-row').locator('td').filter({ has: page.locator('time') }).first());
  await expect(page.getByTestId('library-page')).not.toContainText('UTC');
  expect(await axeViolations(page, { impacts: ['serious', 'critical'], alsoRules: ['aria-allowed-role'] }), 'axe on the library').toEqual([]);
  await screenshots(page, 'library', page.getByTestId('safety-backup-row').first());
});

test('the models list and a model’s versions and edit history: the same convention (fr-BE)', async ({ page }) => {
  await chooseFrench(page);
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
  await page.getByTestId('save-version').click();
  await page.getByTestId('version-name').fill('Cadrage');
  await page.getByTestId('save-version-ok').click();
  await expect(page.getByTestId('save-version-dialog')).toHaveCount(0);
  await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('model-tab-versions').click();
  await expect(page.getByTestId('model-history-row')).toHaveCount(1);
  await page.setViewportSize({ width: 1024, height: 640 });
  await expectLocalDate(page.getByTestId('version-row').first().locator('td').filter({ has: page.locator('time') }));
  await expectLocalDate(page.getByTestId('model-history-row').first().locator('td').first());
  await expect(page.getByTestId('model-page')).not.toContainText('UTC');
  expect(await axeViolations(page, { impacts: ['serious', 'critical'], alsoRules: ['aria-allowed-role'] }), 'axe on the Versions tab').toEqual([]);
  await screenshots(page, 'versions', page.getByTestId('model-history-row').first());
  await page.getByTestId('nav-models').click();
  const updated = page.getByTestId('workspace-model-row').first().locator('td').filter({ has: page.locator('time') });
  await expectLocalDate(updated);
  expect(await axeViolations(page, { impacts: ['serious', 'critical'], alsoRules: ['aria-allowed-role'] }), 'axe on the models list').toEqual([]);
  await screenshots(page, 'models', updated);
});

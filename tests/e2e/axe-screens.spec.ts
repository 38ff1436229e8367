import type { Page } from '@playwright/test';
import { editorSections } from '../../src/renderer/dossiers/editor/sections';
import { axeViolations } from './axe';
import { test, expect } from './fixtures';

// axe-core on every screen of the app (the report screen has its own test in report.spec.ts): no serious or critical
// violation, and no page without a heading one or element with a role it may not take (moderate and minor in axe,
// found on the dossier screens). Screens with tabs are checked on each tab, after its content has rendered.

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy)';

async function openExampleDossier(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByTestId('library-row').filter({ hasText: exampleTitle }).getByTestId('open-dossier').click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  return new URL(page.url()).hash.split('/')[2]!;
}

async function expectNoSeriousViolations(page: Page, where: string) {
  // Soft, so one run lists every screen's findings.
  expect.soft(await axeViolations(page, { impacts: ['serious', 'critical'], alsoRules: ['page-has-heading-one', 'aria-allowed-role'] }), where).toEqual([]);
}

test('library and new-dossier dialog', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-table')).toBeVisible();
  await expectNoSeriousViolations(page, 'library');
  await page.getByTestId('new-dossier').click();
  await expect(page.locator('dialog[open]')).toBeVisible();
  await expectNoSeriousViolations(page, 'new-dossier dialog');
});

test('every section of the dossier editor', async ({ page }) => {
  test.setTimeout(120_000);
  const id = await openExampleDossier(page);
  for (const section of editorSections) {
    await page.goto(`/#/dossiers/${id}/${section.id}`);
    await expect(page.getByTestId(`panel-${section.id}`)).toBeVisible();
    await expectNoSeriousViolations(page, `dossier section ${section.id}`);
  }
});

test('models list and every tab of a bundled example', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/models');
  await expect(page.getByTestId('example-models')).toBeVisible();
  await expectNoSeriousViolations(page, 'models list');
  for (const tab of ['model', 'structure', 'results', 'uncertainty', 'scenarios', 'budget']) {
    await page.goto(`/#/examples/liquid-biopsy-nsclc/${tab}`);
    await expect(page.getByTestId(`model-panel-${tab}`)).toBeVisible();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    if (tab === 'budget') await expect(page.getByTestId('budget-panel')).toBeVisible({ timeout: 30_000 });
    if (tab === 'structure') await expect(page.getByTestId('structure-diagram')).toBeVisible();
    await expectNoSeriousViolations(page, `example tab ${tab}`);
  }
});

test('a workspace model: tabs, tornado and PSA results, distribution dialog', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'workspace model, parameters');
  await page.getByTestId('edit-uncertainty-sens_plasma').click();
  await expect(page.locator('dialog[open]')).toBeVisible();
  await expectNoSeriousViolations(page, 'distribution dialog');
  await page.keyboard.press('Escape');
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('run-dsa').click();
  await expect(page.getByTestId('chart-tornado')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('psa-iterations').fill('200');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 120_000 });
  await expectNoSeriousViolations(page, 'workspace model, uncertainty');
  for (const tab of ['results', 'budget', 'versions']) {
    await page.getByTestId(`model-tab-${tab}`).click();
    await expect(page.getByTestId(`model-panel-${tab}`)).toBeVisible();
    if (tab === 'budget') await expect(page.getByTestId('budget-panel')).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousViolations(page, `workspace model, ${tab}`);
  }
});

test('survival curves with fits', async ({ page }) => {
  await page.goto('/#/survival');
  await page.getByTestId('example-ovarian').click();
  await expect(page.getByTestId('fit-row')).toHaveCount(6);
  await expectNoSeriousViolations(page, 'survival');
});

test('a workspace model: structure editors, scenarios run, two-way, threshold and value of information', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('strip-item').first()).toBeVisible();

  await page.getByTestId('model-tab-structure').click();
  await expect(page.getByTestId('structure-diagram')).toBeVisible();
  await expectNoSeriousViolations(page, 'workspace model, structure');

  await page.getByTestId('model-tab-scenarios').click();
  await page.getByTestId('scenario-iterations').fill('50');
  await page.getByTestId('run-scenarios-psa').click();
  await expect(page.getByTestId('chart-scenario-ceac')).toBeVisible({ timeout: 180_000 });
  await expectNoSeriousViolations(page, 'workspace model, scenarios with results');
  await page.getByTestId('new-scenario').click();
  await expect(page.locator('dialog[open]')).toBeVisible();
  await expectNoSeriousViolations(page, 'scenario editor');
  await page.keyboard.press('Escape');

  await page.getByTestId('model-tab-uncertainty').click();
  const threshold = page.getByTestId('threshold-section');
  await threshold.getByTestId('run-threshold').click();
  await expect(threshold.getByTestId('threshold-answer')).toBeVisible({ timeout: 60_000 });
  const twoWay = page.getByTestId('two-way-section');
  await twoWay.getByTestId('two-way-steps').fill('4');
  await twoWay.getByTestId('run-two-way').click();
  await expect(twoWay.getByTestId('chart-two-way')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('psa-iterations').fill('200');
  await page.getByTestId('run-psa').click();
  await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 120_000 });
  const voi = page.getByTestId('voi-section');
  await voi.getByTestId('voi-se-draws').fill('10');
  await voi.getByTestId('run-evppi').click();
  await expect(voi.getByTestId('chart-evppi')).toBeVisible({ timeout: 180_000 });
  await voi.getByTestId('voi-groups').locator('summary').click();
  await expectNoSeriousViolations(page, 'workspace model, uncertainty with two-way, threshold, PSA summaries and VOI');
});

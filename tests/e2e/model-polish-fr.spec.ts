import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, guardPage } from './fixtures';
import { translator } from '../../src/report/i18n/translate';
import { seriousAxeViolations } from './axe';
import { expectShownInFull } from './shown-in-full';

// The model page's rename in the parameter table, the note saying why nothing is saved, and the banner of a model
// deleted in another window, in French at 1440×900 and 1024×640 (worded from the catalogue, readable, axe-clean).

const dir = 'test-results/screenshots';
const t = translator('fr-BE');

async function shots(page: Page, name: string, scrollTo?: string) {
  mkdirSync(dir, { recursive: true });
  await page.mouse.move(0, 0);
  for (const [width, height] of [[1440, 900], [1024, 640]] as const) {
    await page.setViewportSize({ width, height });
    if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/model-fr-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function useExampleInFrench(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await page.goto('/#/models');
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
  await expect(page.getByTestId('save-state')).toHaveText(t('dossier.save.saved'));
  return (await page.getByTestId('model-page').getAttribute('data-model-id'))!;
}

async function refuseWrites(page: Page, refuse: boolean) {
  await page.evaluate((on) => {
    const w = window as unknown as { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
    w.realPut ??= IDBObjectStore.prototype.put;
    w.realAdd ??= IDBObjectStore.prototype.add;
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = on ? fail : w.realPut;
    IDBObjectStore.prototype.add = on ? fail : w.realAdd;
  }, refuse);
}

test.describe.configure({ timeout: 120000 });

test('in French: rename in the parameter table, why nothing is saved, and a model deleted elsewhere', async ({ page, context, guard }) => {
  const modelId = await useExampleInFrench(page);
  await page.getByTestId('param-rename-sens_plasma_egfr').click();
  await expect(page.getByTestId('param-rename-sens_plasma_egfr')).toHaveCount(0);
  await expect(page.getByTestId('parameter-rename-input-sens_plasma_egfr')).toBeFocused();
  expect(await seriousAxeViolations(page, '[data-testid="parameter-table-card"]'), 'rename field, fr').toEqual([]);
  await shots(page, 'table-rename', 'parameter-rename-form-sens_plasma_egfr');
  await page.keyboard.press('Escape');

  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0,62');
  await expect(page.getByTestId('save-state')).toHaveText(t('dossier.save.notSaved'));
  await page.setViewportSize({ width: 1024, height: 640 });
  await expectShownInFull(page.getByTestId('save-error'));
  expect(await seriousAxeViolations(page), 'not-saved note, fr').toEqual([]);
  await shots(page, 'not-saved');
  await refuseWrites(page, false);
  await page.getByTestId('save-note').getByRole('button').click();
  await expect(page.getByTestId('save-state')).toHaveText(t('dossier.save.saved'));

  const other = await context.newPage();
  guardPage(other, guard);
  await other.goto(`/#/models/${modelId}/model`);
  await other.getByTestId('delete-model').click();
  await other.getByTestId('confirm-ok').click();
  const banner = page.getByTestId('model-deleted-elsewhere');
  await expect(banner).toContainText(t('model.deletedElsewhere'));
  await expect(banner.getByRole('button')).toHaveText([t('model.keepDeleted'), t('model.closeDeleted')]);
  await page.setViewportSize({ width: 1024, height: 640 });
  await expectShownInFull(banner);
  expect(await seriousAxeViolations(page), 'deleted-elsewhere banner, fr').toEqual([]);
  await shots(page, 'deleted-elsewhere');
  await other.close();
});

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot, useExample } from './journeys';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import { translator } from '../../src/report/i18n/translate';
import { seriousAxeViolations } from './axe';

// Renaming a parameter from the Structure tab renames every reference with it (results unchanged, one undo step),
// refuses an id that is taken or reserved, and removing a parameter says where it is used.

const shot = (page: Page, name: string) => screenshot(page, `parameter-${name}`);

async function baseCaseText(page: Page): Promise<string[]> {
  await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
  return page.getByTestId('strip-item').allInnerTexts();
}

test('renaming a parameter used in transitions and a strategy override keeps the results; Ctrl+Z undoes it in one step', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  const before = await baseCaseText(page);
  expect(before.join(' ')).toMatch(/£/);
  await page.getByTestId('model-tab-structure').click();

  // treatment_rr is read by six transitions and overridden (with an expression of rr) by one strategy.
  await page.getByTestId('parameter-rename-treatment_rr').click();
  const input = page.getByTestId('parameter-rename-input-treatment_rr');
  await expect(input).toBeFocused();
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('Enter renames it and its 7 uses, Escape cancels.');
  // A taken id and a function name are refused where they are typed, before any edit.
  await input.fill('cost_zido');
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('There is already a parameter “cost_zido”.');
  await input.press('Enter');
  await expect(input).toBeVisible();
  await input.fill('exp');
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('“exp” is a name of the expression language (a function or model variable).');
  expect(await seriousAxeViolations(page, '[data-testid="parameters-editor"]'), 'rename field with a refused id').toEqual([]);
  await input.fill('hr_treatment');
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('Enter renames it and its 7 uses, Escape cancels.');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('parameters-editor').scrollIntoViewIfNeeded();
  await shot(page, 'rename-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('parameter-rename-form-treatment_rr').scrollIntoViewIfNeeded();
  await shot(page, 'rename-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await input.press('Enter');

  // The id, the transitions and the override all use the new name; the old one is gone.
  await expect(page.getByTestId('parameter-definition-row-hr_treatment')).toBeVisible();
  await expect(page.getByTestId('parameter-definition-row-treatment_rr')).toHaveCount(0);
  await expect(page.getByTestId('parameter-rename-hr_treatment')).toBeFocused();
  await expect(page.getByTestId('transition-matrix-cell-A-B').locator('.cell-expression')).toContainText('hr_treatment');
  await expect(page.getByTestId('override-comb-hr_treatment')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect(await baseCaseText(page)).toEqual(before);

  // rr, read only by that override's expression: renamed there too.
  await page.getByTestId('parameter-rename-rr').click();
  await page.getByTestId('parameter-rename-input-rr').fill('rr_lamivudine');
  await page.getByTestId('parameter-rename-input-rr').press('Enter');
  await expect(page.getByTestId('override-comb-hr_treatment')).toHaveValue(/rr_lamivudine/);
  expect(await baseCaseText(page)).toEqual(before);
  // Saved before the undo below (an edit undone within the autosave pause never reaches the history).
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // Escape leaves the id as it was.
  await page.getByTestId('parameter-rename-cost_zido').click();
  await page.getByTestId('parameter-rename-input-cost_zido').fill('zido');
  await page.getByTestId('parameter-rename-input-cost_zido').press('Escape');
  await expect(page.getByTestId('parameter-rename-input-cost_zido')).toHaveCount(0);
  await expect(page.getByTestId('parameter-definition-row-cost_zido')).toBeVisible();
  await expect(page.getByTestId('parameter-rename-cost_zido')).toBeFocused();

  // One Ctrl+Z per rename: the last one first.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('parameter-definition-row-rr')).toBeVisible();
  await expect(page.getByTestId('override-comb-hr_treatment')).not.toHaveValue(/rr_lamivudine/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('parameter-definition-row-treatment_rr')).toBeVisible();
  await expect(page.getByTestId('transition-matrix-cell-A-B').locator('.cell-expression')).toContainText('treatment_rr');
  await expect(page.getByTestId('override-comb-treatment_rr')).toBeVisible();
  expect(await baseCaseText(page)).toEqual(before);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // The parameter table of the model tab follows, and the edit history records the renames.
  await page.getByTestId('model-tab-model').click();
  await expect(page.locator('[data-parameter="treatment_rr"]')).toBeVisible();
  await page.getByTestId('model-tab-versions').click();
  await expect(page.getByTestId('model-history')).toContainText(/hr.treatment/i);
  await expect(page.getByTestId('model-history')).toContainText(/rr.lamivudine/i);
});

test('the Model and parameters table offers the same rename, by keyboard: every reference follows, one undo step', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  const before = await baseCaseText(page);
  await expect(page.getByTestId('model-panel-model')).toBeVisible();
  // Reached with Tab from the row above (its distribution), opened with Enter.
  await page.getByTestId('edit-uncertainty-rr').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('param-rename-treatment_rr')).toBeFocused();
  await expect(page.getByTestId('param-rename-treatment_rr')).toHaveAccessibleName('Rename parameter treatment_rr');
  await page.keyboard.press('Enter');
  const input = page.getByTestId('parameter-rename-input-treatment_rr');
  await expect(input).toBeFocused();
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('Enter renames it and its 7 uses, Escape cancels.');
  await page.keyboard.type('cost_zido');
  await expect(page.getByTestId('parameter-rename-note-treatment_rr')).toHaveText('There is already a parameter “cost_zido”.');
  expect(await seriousAxeViolations(page, '[data-testid="parameter-table-card"]'), 'rename field in the parameter table').toEqual([]);
  await input.fill('hr_treatment');
  await page.getByTestId('parameter-rename-form-treatment_rr').scrollIntoViewIfNeeded();
  await shot(page, 'table-rename-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('parameter-rename-form-treatment_rr').scrollIntoViewIfNeeded();
  await shot(page, 'table-rename-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await input.press('Enter');

  await expect(page.locator('[data-parameter="hr_treatment"]')).toBeVisible();
  await expect(page.locator('[data-parameter="treatment_rr"]')).toHaveCount(0);
  await expect(page.getByTestId('param-rename-hr_treatment')).toBeFocused();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect(await baseCaseText(page)).toEqual(before);
  // The same edit as the Structure tab's: the transitions and the override read the new name.
  await page.getByTestId('model-tab-structure').click();
  await expect(page.getByTestId('parameter-definition-row-hr_treatment')).toBeVisible();
  await expect(page.getByTestId('transition-matrix-cell-A-B').locator('.cell-expression')).toContainText('hr_treatment');
  await expect(page.getByTestId('override-comb-hr_treatment')).toBeVisible();
  await page.getByTestId('model-tab-model').click();

  // Escape leaves the id and gives the focus back to the button.
  await page.getByTestId('param-rename-rr').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('zz');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('parameter-rename-input-rr')).toHaveCount(0);
  await expect(page.getByTestId('param-rename-rr')).toBeFocused();

  // One Ctrl+Z undoes the rename.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-parameter="treatment_rr"]')).toBeVisible();
  await expect(page.locator('[data-parameter="hr_treatment"]')).toHaveCount(0);
  expect(await baseCaseText(page)).toEqual(before);
});

test('removing a parameter lists where it is used, or says it is not used', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  await page.getByTestId('model-tab-structure').click();
  await page.getByTestId('parameter-remove-treatment_rr').click();
  const dialog = page.getByTestId('parameter-remove-dialog');
  await expect(dialog).toContainText('Remove parameter treatment_rr?');
  await expect(dialog).toContainText('Used in:');
  const uses = dialog.getByTestId('parameter-uses').locator('li');
  // States are named by their labels, as the screens show them (not ids A, B, C, D).
  const [a, b, c, d] = ['CD4 200-500 cells/mm3', 'CD4 < 200 cells/mm3', 'AIDS', 'Death'];
  await expect(uses).toHaveText([`transition ${a} → ${b}`, `transition ${a} → ${c}`, `transition ${a} → ${d}`, `transition ${b} → ${c}`, `transition ${b} → ${d}`, `transition ${c} → ${d}`, 'override of treatment_rr in strategy Zidovudine + lamivudine']);
  await shot(page, 'remove-dialog-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'remove-dialog-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('parameter-definition-row-treatment_rr')).toBeVisible();

  // A parameter read by other parameters only.
  await page.getByTestId('parameter-remove-n_CD').click();
  await expect(dialog.getByTestId('parameter-uses').locator('li')).toHaveText(['parameter p_CC', 'parameter p_CD']);
  expect(await seriousAxeViolations(page), 'remove dialog').toEqual([]);
  await dialog.getByTestId('confirm-cancel').click();

  // p_AA is read nowhere (its row's complement is "C"): removing it says so, and removes it.
  await page.getByTestId('parameter-remove-p_AA').click();
  await expect(dialog.getByTestId('parameter-unused')).toHaveText('Not used anywhere.');
  await dialog.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('parameter-definition-row-p_AA')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('parameter-definition-row-p_AA')).toBeVisible();
});

test('an invalid model keeps its parameter table: the problem shows under the parameter, whose expression is fixed there', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  const before = await baseCaseText(page);
  const expression = page.getByTestId('param-expression-p_CD');
  await expect(expression).toHaveValue('n_CD / (n_CC + n_CD)');
  await expression.fill('n_CD / (n_CC + n_CDD)');
  await expression.press('Enter');
  await expect(page.getByTestId('model-invalid')).toBeVisible();
  // The tab stays, with the parameters and the problem at its parameter.
  await expect(page.getByTestId('model-panel-model')).toBeVisible();
  await expect(page.getByTestId('parameter-row')).toHaveCount(30);
  await expect(page.getByTestId('param-problem-p_CD')).toContainText("n_CDD");
  await expect(page.getByTestId('param-input-rr')).toHaveValue('0.509');
  expect(await seriousAxeViolations(page), 'parameter table of an invalid model').toEqual([]);
  await page.getByTestId('param-problem-p_CD').scrollIntoViewIfNeeded();
  await shot(page, 'invalid-table-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.getByTestId('param-problem-p_CD').scrollIntoViewIfNeeded();
  await shot(page, 'invalid-table-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByTestId('param-expression-p_CD')).toBeFocused();
  await page.getByTestId('param-expression-p_CD').fill('n_CD / (n_CC + n_CD)');
  await page.getByTestId('param-expression-p_CD').press('Enter');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await expect(page.getByTestId('param-problem-p_CD')).toHaveCount(0);
  expect(await baseCaseText(page)).toEqual(before);
});

for (const [locale, catalogue] of [['fr-BE', fr], ['nl-BE', nl]] as const) {
  test(`the rename hint, a refused id and the uses of a removal are worded in ${locale}`, async ({ page }) => {
    const t = translator(locale);
    expect(t('structure.notUsed')).toBe(catalogue['structure.notUsed']);
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.goto('/#/models');
    await page.locator('[data-model-id="hiv-chancellor-1997"]').getByTestId('use-example').click();
    await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
    await page.getByTestId('model-tab-structure').click();
    await page.getByTestId('parameter-rename-treatment_rr').click();
    const note = page.getByTestId('parameter-rename-note-treatment_rr');
    await expect(note).toHaveText(t('structure.renameHintMany', { n: 7 }));
    await page.getByTestId('parameter-rename-input-treatment_rr').fill('cost_zido');
    await expect(note).toHaveText(t('structure.idProblem.taken', { id: 'cost_zido' }));
    await page.getByTestId('parameter-rename-input-treatment_rr').press('Escape');
    await page.getByTestId('parameter-remove-treatment_rr').click();
    const dialog = page.getByTestId('parameter-remove-dialog');
    await expect(dialog).toContainText(t('structure.usedIn'));
    await expect(dialog.getByTestId('parameter-uses').locator('li').first()).toHaveText(t('structure.use.transition', { from: 'CD4 200-500 cells/mm3', to: 'CD4 < 200 cells/mm3' }));
    await expect(dialog.getByTestId('parameter-uses').locator('li').last()).toHaveText(t('structure.use.strategy-override', { parameter: 'treatment_rr', strategy: 'Zidovudine + lamivudine' }));
    await shot(page, `remove-dialog-${locale}`);
  });
}

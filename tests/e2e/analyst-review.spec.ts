import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot, useExample } from './journeys';

// Faults an analyst met editing models all day (review of 6 December 2026), each kept from coming back: undo that
// reached an earlier edit while the analyst was still typing elsewhere, and range values broken across lines.

const shot = (page: Page, name: string) => screenshot(page, `review-${name}`);

test('Ctrl+Z while typing in a field undoes that typing, never an earlier model edit elsewhere', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  await page.getByTestId('model-tab-structure').click();
  // An edit committed first…
  const zido = page.getByTestId('parameter-definition-cost_zido');
  await zido.fill('2300');
  await zido.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // …then typing in another definition, not yet committed: Ctrl+Z must leave the committed edit alone.
  const lami = page.getByTestId('parameter-definition-cost_lami');
  await lami.click();
  await lami.press('End');
  await page.keyboard.type('0');
  await expect(lami).toHaveValue('2086.50');
  await page.keyboard.press('Control+z');
  await expect(zido).toHaveValue('2300');
  await expect(page.getByTestId('model-undo')).toBeEnabled();
  // Escape drops the draft; Ctrl+Z from the now clean field undoes the last model edit as before.
  await lami.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(zido).toHaveValue('2278');

  // A grid cell being edited: same rule.
  await zido.fill('2300');
  await zido.press('Enter');
  await page.getByTestId('transition-matrix-cell-C-D').click();
  await expect(page.getByTestId('transition-matrix-cell-C-D')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transition-matrix-input')).toBeFocused();
  await page.keyboard.type('0');
  await page.keyboard.press('Control+z');
  await expect(zido).toHaveValue('2300');
  await page.keyboard.press('Escape');

  // The parameter table: an invalid value (not in the model) is a draft too.
  await page.getByTestId('model-tab-model').click();
  const rr = page.getByTestId('param-input-rr');
  await rr.fill('0.6');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const nAA = page.getByTestId('param-input-n_AA');
  await nAA.fill('12x');
  await expect(page.getByTestId('param-error-n_AA')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(rr).toHaveValue('0.6');
  // A valid value typed in the table is in the model at once: Ctrl+Z undoes it there (the existing behaviour).
  await nAA.fill('1252');
  await page.keyboard.press('Control+z');
  await expect(nAA).toHaveValue('1251');
  await expect(rr).toHaveValue('0.6');
  // Analysis settings and the parameter search are not model fields: Ctrl+Z there never reaches the model.
  await page.getByTestId('parameter-search').fill('rr');
  await page.keyboard.press('Control+z');
  await expect(rr).toHaveValue('0.6');
  await page.getByTestId('parameter-search').fill('');
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('dsa-wtp').fill('25000');
  await page.keyboard.press('Control+z');
  await page.getByTestId('model-tab-model').click();
  await expect(rr).toHaveValue('0.6');
  await expect(page.getByTestId('model-undo')).toBeEnabled();
});

/** Range cells whose number wraps onto a second line, or spills out of the cell. */
async function brokenRangeCells(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="range-low-"], [data-testid^="range-high-"]').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return tops.size > 1 || cell.scrollWidth > cell.clientWidth ? [`${cell.getAttribute('data-testid')}: ${cell.textContent}`] : [];
    }),
  );
}

test('one-way range values stay whole on one line in the parameter table, at 1440×900 and at 1024×640', async ({ page }) => {
  const examples = ['heemod-counting-methods', 'hiv-chancellor-heemod', 'hiv-chancellor-1997', 'liquid-biopsy-nsclc', 'liquid-biopsy-nsclc-bia-belgium', 'heemod-time-varying-two-state', 'total-hip-replacement', 'heemod-intro-two-state'];
  for (const example of examples) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/#/examples/${example}/model`);
    await expect(page.getByTestId('parameter-row').first()).toBeVisible();
    expect(await brokenRangeCells(page), `${example} at 1440×900`).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 640 });
    await expect(page.getByTestId('parameter-row').first()).toBeVisible();
    expect(await brokenRangeCells(page), `${example} at 1024×640`).toEqual([]);
  }
  await page.goto('/#/examples/hiv-chancellor-1997/model');
  await page.getByTestId('parameter-row').nth(12).scrollIntoViewIfNeeded();
  await shot(page, 'parameter-ranges-1024');
});

test('a base value shows in full in the parameter table, as the model uses it and the Structure tab shows it', async ({ page }) => {
  await useExample(page, 'total-hip-replacement');
  // The model file holds cons = -5.490935; six significant digits ("-5.49094") would be another number.
  const cons = page.getByTestId('param-input-cons');
  await expect(cons).toHaveValue('-5.490935');
  // Tabbing through the table and undoing an edit elsewhere leave it whole.
  await cons.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const lngamma = page.getByTestId('param-input-lngamma');
  await lngamma.fill('0.38');
  await page.keyboard.press('Control+z');
  await expect(lngamma).toHaveValue('0.3740968');
  await expect(cons).toHaveValue('-5.490935');
  await page.getByTestId('model-tab-structure').click();
  await expect(page.getByTestId('parameter-definition-cons')).toHaveValue('-5.490935');
});

test('an invalid model lists each problem under the name of the parameter it is in, not only its row number', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  await page.getByTestId('model-tab-structure').click();
  const definition = page.getByTestId('parameter-definition-p_CD');
  await definition.fill('n_CD / (n_CC + n_CDD)');
  await definition.press('Enter');
  const problem = page.getByTestId('model-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('.problem-subject')).toHaveText('p_CD');
  await expect(problem).toContainText('parameters[17].expression');
  await expect(problem).toContainText("unknown name 'n_CDD'");
  await page.getByTestId('model-tab-model').click();
  await shot(page, 'invalid-model-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'invalid-model-1024');
});

test('duplicate a workspace model: the copy opens with the latest edit and is edited on its own', async ({ page }) => {
  await useExample(page, 'hiv-chancellor-1997');
  const originalId = await page.getByTestId('model-page').getAttribute('data-model-id');
  const title = await page.getByTestId('model-title').innerText();
  await page.getByTestId('param-input-rr').fill('0.6');
  // Duplicated at once, before the autosave: the copy has the edit all the same.
  await page.getByTestId('duplicate-model').click();
  await expect(page.getByTestId('model-page')).not.toHaveAttribute('data-model-id', originalId!);
  await expect(page.getByTestId('model-title')).toHaveText(`${title} (copy)`);
  await expect(page.getByTestId('param-input-rr')).toHaveValue('0.6');
  await page.getByTestId('param-input-rr').fill('0.7');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('model-title')).toHaveText(`${title} (copy)`);
  await expect(page.getByTestId('param-input-rr')).toHaveValue('0.7');
  await page.goto('/#/models');
  await expect(page.getByTestId('workspace-model-row')).toHaveCount(2);
  await page.locator(`[data-testid="workspace-model-row"][data-model-id="${originalId}"]`).getByTestId('open-workspace-model').click();
  await expect(page.getByTestId('param-input-rr')).toHaveValue('0.6');
});

test('in French, a decimal comma typed on the Structure tab is the number, not an unreadable expression', async ({ page }) => {
  await page.goto('/#/models');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await page.locator('[data-model-id="heemod-intro-two-state"]').getByTestId('use-example').click();
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
  await page.getByTestId('model-tab-structure').click();
  const definition = page.getByTestId('parameter-definition-p_AB');
  await definition.fill('0,15');
  await definition.press('Enter');
  await expect(definition).toHaveValue('0.15');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  // The transition matrix reads it the same way.
  await page.getByTestId('transition-matrix-cell-B-A').click();
  await expect(page.getByTestId('transition-matrix-cell-B-A')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transition-matrix-input')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0,25');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transition-matrix-cell-B-A')).toContainText('0.25');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await page.getByTestId('model-tab-model').click();
  await expect(page.getByTestId('param-input-p_AB')).toHaveValue('0,15');
});

test('at the minimum window the page actions wrap under the title instead of squeezing it into a narrow column', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  const titleShare = async () => {
    const header = (await page.locator('.page-header').first().boundingBox())!;
    const title = (await page.locator('.page-header .page-title').first().boundingBox())!;
    return title.width / header.width;
  };
  await page.goto('/#/library');
  await expect(page.getByTestId('library-table')).toBeVisible();
  // "Dossier library" took five lines beside its four buttons (a column of 130 px).
  expect(await titleShare()).toBeGreaterThan(0.9);
  expect((await page.locator('.page-header h1').boundingBox())!.height).toBeLessThan(40);
  await shot(page, 'library-1024');
  await useExample(page, 'liquid-biopsy-nsclc');
  expect(await titleShare()).toBeGreaterThan(0.9);
  await shot(page, 'model-header-1024');
  // At 1440×900 the actions still sit beside the title.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/library');
  await expect(page.getByTestId('library-table')).toBeVisible();
  const title = (await page.locator('.page-header .page-title').boundingBox())!;
  const actions = (await page.getByTestId('new-dossier').boundingBox())!;
  expect(actions.y).toBeLessThan(title.y + title.height);
});

test('building a Markov model from scratch: an edit the model refuses (a state id with a space, a taken id) says why and the page stays', async ({ page, guard }) => {
  await page.goto('/#/models');
  await page.getByTestId('new-model').click();
  await page.getByTestId('template-markov').click();
  await page.getByTestId('new-model-create').click();
  await expect(page.getByTestId('structure-editor')).toBeVisible();
  // The template has one strategy: the subtitle says so in the singular.
  await expect(page.getByTestId('model-page').locator('.page-title p')).toContainText('Markov cohort · 1 strategy ·');
  const addState = async (id: string, label: string) => {
    await page.getByTestId('add-state-id').fill(id);
    await page.getByTestId('add-state-label').fill(label);
    await page.getByTestId('add-state-submit').click();
  };
  // This blanked the whole window (an uncaught exception inside a React state update).
  await addState('Progressed disease', 'Progressed');
  await expect(page.getByTestId('toast').filter({ hasText: 'must start with a letter' })).toBeVisible();
  await expect(page.getByTestId('structure-editor')).toBeVisible();
  await addState('Alive', 'Again');
  await expect(page.getByTestId('toast').filter({ hasText: 'Alive' }).last()).toBeVisible();
  await expect(page.getByTestId('state-row-Alive')).toHaveCount(1);
  // The refused edits left no undo step behind.
  await expect(page.getByTestId('model-undo')).toBeDisabled();
  await addState('PD', 'Progressed');
  await expect(page.getByTestId('state-row-PD')).toBeVisible();
  // Each row's Remove button names what it removes (a screen reader's list of buttons is not ten times "Remove").
  await expect(page.getByTestId('state-remove-PD')).toHaveAccessibleName('Remove state PD');
  // The grids by keyboard: focus a cell, Enter, type, Enter. From PD: 0.3 to Dead, the rest (C) stays; a utility for PD.
  const editCell = async (cell: string, text: string) => {
    await page.getByTestId(cell).click();
    await expect(page.getByTestId(cell)).toBeFocused();
    await page.keyboard.press('Enter');
    const input = page.getByTestId(`${cell.startsWith('transition') ? 'transition-matrix' : 'state-values'}-input`);
    await expect(input).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(cell)).toContainText(text);
  };
  await editCell('transition-matrix-cell-Alive-PD', '0.2');
  await editCell('transition-matrix-cell-PD-Dead', '0.3');
  await editCell('transition-matrix-cell-PD-PD', 'C');
  await editCell('state-values-cell-PD-__utility', '0.6');
  await expect(page.getByTestId('row-sum-PD')).toHaveText('✓ 1');
  await expect(page.getByTestId('row-sum-Alive')).toHaveText('✓ 1');
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('results-current')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await shot(page, 'built-markov-results');
  expect(guard.consoleErrors).toEqual([]);
});

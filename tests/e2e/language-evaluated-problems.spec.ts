import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';

// A transition that evaluates out of [0, 1] in French: its problem names what failed (a probability's expression) in
// French, not in the engine's English words.
test.describe.configure({ timeout: 300000 });

test('an evaluated probability out of range names its subject in French', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await page.goto('/#/models');
  await page.getByTestId('new-model').click();
  await page.getByTestId('template-markov').click();
  await page.getByTestId('new-model-create').click();
  await expect(page.getByTestId('transition-matrix')).toBeVisible();
  await page.getByTestId('transition-matrix-cell-Alive-Dead').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transition-matrix-input')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('p_death * 100');
  await page.keyboard.press('Enter');
  const frame = page.locator('.app-frame');
  await expect(frame).toContainText('probabilité "p_death * 100" = 10 n’est pas une probabilité');
  await expect(frame).not.toContainText('probability "p_death');
  await expect(frame).not.toContainText('is not a probability');
  expect(await seriousAxeViolations(page), 'axe on the Structure tab with the problem').toEqual([]);
  await screenshot(page, 'language-evaluated-problem-1440-fr-BE');
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, 'language-evaluated-problem-1024-fr-BE');
});

// In Dutch: a state's cost that is not a number names the cost and the state in Dutch at the cell, and a value out of
// [0, 1] is written with the decimal comma.
test('a cost in a state that is not a number, and a value with a decimal comma, in Dutch', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('nl-BE');
  await page.goto('/#/models');
  await page.getByTestId('new-model').click();
  await page.getByTestId('template-markov').click();
  await page.getByTestId('new-model-create').click();
  const edit = async (grid: string, cell: string, text: string) => {
    await page.getByTestId(`${grid}-cell-${cell}`).click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(`${grid}-input`)).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  await expect(page.getByTestId('state-values')).toBeVisible();
  await edit('state-values', 'Alive-direct', '(p_death - 0.1) / (p_death - 0.1)');
  const frame = page.locator('.app-frame');
  await expect(frame).toContainText('kosten direct in toestand Alive is geen getal (NaN)');
  await expect(frame).not.toContainText('cost direct in state');
  await page.getByTestId('state-values-cell-Alive-direct').scrollIntoViewIfNeeded();
  expect(await seriousAxeViolations(page), 'axe on the Structure tab with the cost problem').toEqual([]);
  await screenshot(page, 'language-state-cost-problem-1440-nl-BE');
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, 'language-state-cost-problem-1024-nl-BE');
  await page.setViewportSize({ width: 1440, height: 900 });
  await edit('state-values', 'Alive-direct', 'c_alive');
  await edit('transition-matrix', 'Alive-Dead', 'p_death * 15');
  await expect(frame).toContainText('kans "p_death * 15" = 1,5 is geen kans');
  await expect(frame).not.toContainText('= 1.5 ');
});

// In French: an unknown function typed in a transition is named in French at the cell (an editor's problem the
// engine now gives with its values).
test('an unknown function typed in a transition, in French', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await page.goto('/#/models');
  await page.getByTestId('new-model').click();
  await page.getByTestId('template-markov').click();
  await page.getByTestId('new-model-create').click();
  await page.getByTestId('transition-matrix-cell-Alive-Dead').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('transition-matrix-input')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('foo(p_death)');
  await page.keyboard.press('Enter');
  const frame = page.locator('.app-frame');
  await expect(frame).toContainText('fonction ou table inconnue « foo » dans "foo(p_death)"');
  await expect(frame).not.toContainText('unknown function');
  expect(await seriousAxeViolations(page), 'axe on the Structure tab with the problem').toEqual([]);
  await screenshot(page, 'language-unknown-function-1440-fr-BE');
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, 'language-unknown-function-1024-fr-BE');
});

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

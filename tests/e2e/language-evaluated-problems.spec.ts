import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';

// A transition that evaluates out of [0, 1] in French: its problem names what failed (a probability's expression) in
// French, not in the engine's English words.
test.describe.configure({ timeout: 300000 });

/** A new Markov model from its template, made with the app in `locale` at 1440 × 900. */
async function newMarkovModel(page: Page, locale: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('display-language').selectOption(locale);
  await page.goto('/#/models');
  await page.getByTestId('new-model').click();
  await page.getByTestId('template-markov').click();
  await page.getByTestId('new-model-create').click();
  await expect(page.getByTestId('transition-matrix')).toBeVisible();
}

/** Types `text` into a grid's cell from the keyboard (Enter edits, Enter commits). */
async function editCell(page: Page, grid: string, cell: string, text: string): Promise<void> {
  await page.getByTestId(`${grid}-cell-${cell}`).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`${grid}-input`)).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('an evaluated probability out of range names its subject in French', async ({ page }) => {
  await newMarkovModel(page, 'fr-BE');
  await editCell(page, 'transition-matrix', 'Alive-Dead', 'p_death * 100');
  const frame = page.locator('.app-frame');
  await expect(frame).toContainText('probabilité « p_death * 100 » = 10 n’est pas une probabilité');
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
  await newMarkovModel(page, 'nl-BE');
  const edit = (grid: string, cell: string, text: string) => editCell(page, grid, cell, text);
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
  await expect(frame).toContainText('kans ‘p_death * 15’ = 1,5 is geen kans');
  await expect(frame).not.toContainText('= 1.5 ');
});

// In French: an unknown function typed in a transition is named in French at the cell (an editor's problem the
// engine now gives with its values).
test('an unknown function typed in a transition, in French', async ({ page }) => {
  await newMarkovModel(page, 'fr-BE');
  await editCell(page, 'transition-matrix', 'Alive-Dead', 'foo(p_death)');
  const frame = page.locator('.app-frame');
  await expect(frame).toContainText('fonction ou table inconnue « foo » dans « foo(p_death) »');
  await expect(frame).not.toContainText('unknown function');
  expect(await seriousAxeViolations(page), 'axe on the Structure tab with the problem').toEqual([]);
  await screenshot(page, 'language-unknown-function-1440-fr-BE');
  await page.setViewportSize({ width: 1024, height: 640 });
  await screenshot(page, 'language-unknown-function-1024-fr-BE');
});

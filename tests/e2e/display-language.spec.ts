import { test, expect } from './fixtures';
import { useExample } from './journeys';

// The display-language setting: numbers on every screen and in every field follow it, one reading rule in every
// numeric field (English: "10,000" is ten thousand, "0.85" a decimal; French or Dutch (Belgium): "0,85"), and the
// choice is kept on this computer across reloads.

test('English reads "10,000" as ten thousand and refuses "0,85"', async ({ page }) => {
  await useExample(page);
  const cost = page.getByTestId('param-input-c_plasma_ngs');
  await cost.fill('1,500');
  await expect(page.getByTestId('param-error-c_plasma_ngs')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('param-input-c_plasma_ngs')).toHaveValue('1500');
  const sensitivity = page.getByTestId('param-input-sens_plasma');
  await sensitivity.fill('0,85');
  await expect(page.getByTestId('param-error-sens_plasma')).toContainText('Use a point for decimals');
});

test('French (Belgium) shows and reads comma decimals everywhere, and the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('display-language').selectOption('fr-BE');
  await useExample(page);
  // The base-case strip and the parameter table use comma decimals and space thousands.
  await expect(page.getByTestId('strip-item').first()).toContainText(/^.*\d\u202f\d{3}\u00a0€ · \d,\d{3} QALY(?!s)/);
  const sensitivity = page.getByTestId('param-input-sens_plasma');
  await expect(sensitivity).toHaveValue('0,69');
  await sensitivity.fill('0.85');
  await expect(page.getByTestId('param-error-sens_plasma')).toContainText('Utilisez une virgule pour les décimales');
  await sensitivity.fill('0,72');
  await expect(page.getByTestId('param-error-sens_plasma')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // The tornado's threshold field reads the same way.
  await page.getByTestId('model-tab-uncertainty').click();
  await page.getByTestId('dsa-wtp').fill('30 000');
  await expect(page.getByTestId('run-dsa')).toBeEnabled();
  await page.getByTestId('dsa-wtp').fill('30,000.5');
  await expect(page.getByTestId('run-dsa')).toBeDisabled();

  await page.reload();
  await expect(page.getByTestId('display-language')).toHaveValue('fr-BE');
  await page.getByTestId('model-tab-model').click();
  await expect(page.getByTestId('param-input-sens_plasma')).toHaveValue('0,72');
  await page.getByTestId('display-language').selectOption('en');
  await expect(page.getByTestId('param-input-sens_plasma')).toHaveValue('0.72');
});

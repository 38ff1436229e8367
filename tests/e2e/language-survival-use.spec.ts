import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { addAmlWeibullFitToLiquidBiopsy, screenshot } from './journeys';
import { englishLinesIn } from './language-check';

// "Use this fit" in French and Dutch: a warning of the model with the fit (the aml curve, in weeks, falls below the
// example's PFS, which is capped at it) is worded from the catalogue, not the engine's English.
test.describe.configure({ timeout: 300000 });

const expected = {
  'fr-BE': 'avertissement : model.submodels.chemo_io.pfs : stratégie tissue_only : la SSP (pfs) dépasse la SG (os) aux cycles',
  'nl-BE': 'waarschuwing: model.submodels.chemo_io.pfs: strategie tissue_only: PFS (pfs) lag boven OS (os) in cycli',
} as const;

for (const locale of ['fr-BE', 'nl-BE'] as const) {
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 640 }]) {
    test(`a warning of the model with the fit is in ${locale} (${size.width})`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await page.getByTestId('display-language').selectOption(locale);
      const result = await addAmlWeibullFitToLiquidBiopsy(page);
      await expect(result).toContainText(expected[locale]);
      await expect(result).not.toContainText('exceeded');
      await expect(result).not.toContainText('warning:');
      expect(englishLinesIn(await result.innerText()), 'English sentences in the result').toEqual([]);
      // The toast saying so is dismissed: it would cover the result in the screenshot.
      await page.getByTestId('toast').locator('.toast-close').click();
      await expect(page.getByTestId('toast')).toHaveCount(0);
      await result.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await screenshot(page, `language-survival-warning-${size.width}-${locale}`);
      expect(await seriousAxeViolations(page), 'axe on the Survival screen with the result').toEqual([]);
    });
  }
}

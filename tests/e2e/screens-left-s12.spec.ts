import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';

// Screens left noticed (twelfth session), each measured at 1440x900 and 1024x640.
test.describe.configure({ timeout: 300000 });

const sizes = [{ width: 1440, height: 900 }, { width: 1024, height: 640 }];

// Eight patients: too few for the generalised gamma (its fit does not converge).
const ridgeCsv = 'time,event\n1,1\n2,0\n3,1\n5,1\n7,0\n4,1\n6,1\n9,1\n';

for (const language of ['en', 'fr-BE'] as const) {
  for (const size of sizes) {
    test(`Survival: an unusable fit's message is shown whole, inside the visible table (${language}, ${size.width})`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await page.getByTestId('display-language').selectOption(language);
      await page.goto('/#/survival');
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('open-csv').click();
      await (await chooser).setFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(ridgeCsv) });
      await expect(page.getByTestId('fit-row')).toHaveCount(6);
      const message = page.locator('[data-distribution="generalised-gamma"]').getByTestId('fit-unusable');
      await expect(message).toBeVisible();
      await message.scrollIntoViewIfNeeded();
      // Whole: its text box inside the part of the table one sees (the table may scroll sideways at 1024), nothing
      // clipped inside the message itself.
      const seen = await message.evaluate((el) => {
        const wrap = el.closest('.table-wrap')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { left: text.left - wrap.left, right: wrap.right - text.right, clipped: el.scrollWidth > el.clientWidth + 1 };
      });
      expect(seen.left, 'the message starts inside the table').toBeGreaterThanOrEqual(-1);
      expect(seen.right, 'the message ends inside the table').toBeGreaterThanOrEqual(-1);
      expect(seen.clipped, 'nothing cut inside the message').toBe(false);
      await screenshot(page, `s12-survival-unusable-${language}-${size.width}`);
      expect(await seriousAxeViolations(page), 'axe on the Survival screen with an unusable fit').toEqual([]);
    });
  }
}

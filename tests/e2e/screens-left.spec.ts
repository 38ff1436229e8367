import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';

// Screens left noticed, each measured at 1440x900 and 1024x640: the Survival screen's "Use this fit" result box
// reads as a block (its sentence, the list of changes, the download button one under another), not three columns.
test.describe.configure({ timeout: 300000 });

const sizes = [{ width: 1440, height: 900 }, { width: 1024, height: 640 }];

for (const size of sizes) {
  test(`"Use this fit": the result box's sentence, changes and button stack, each full width (${size.width})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#/survival');
    await page.getByTestId('example-aml').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await page.getByLabel('Use the Weibull fit').check();
    await page.getByTestId('target-model').selectOption('ex:liquid-biopsy-nsclc');
    await page.getByTestId('target-submodel').selectOption('chemo_io');
    await page.getByTestId('add-to-model').click();
    const result = page.getByTestId('add-result');
    await expect(result).toContainText('replaced curve os (Weibull)');
    await page.getByTestId('toast').locator('.toast-close').click();
    await result.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const box = (await result.boundingBox())!;
    const padding = await result.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft) + parseFloat(getComputedStyle(el).paddingRight));
    const sentence = (await result.locator('p').first().boundingBox())!;
    const changes = (await result.locator('ul').boundingBox())!;
    const button = (await result.getByRole('button').boundingBox())!;
    // The sentence and the list take the box's width (the sentence was a column one word wide at 1440).
    expect(sentence.width, 'the sentence spans the box').toBeGreaterThanOrEqual(box.width - padding - 3);
    expect(changes.width, 'the changes span the box').toBeGreaterThanOrEqual(box.width - padding - 3);
    // One under another.
    expect(changes.y, 'the changes below the sentence').toBeGreaterThanOrEqual(sentence.y + sentence.height - 1);
    expect(button.y, 'the button below the changes').toBeGreaterThanOrEqual(changes.y + changes.height - 1);
    await screenshot(page, `screens-left-use-fit-result-${size.width}`);
    expect(await seriousAxeViolations(page), 'axe').toEqual([]);
  });
}

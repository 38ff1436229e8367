import { readFileSync } from 'node:fs';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';
import { englishLinesIn } from './language-check';

// The Survival screen in French: why a fit is not usable (the optimiser's reason) is worded from the catalogue, the
// family is lower-case inside a sentence, and "Use this fit" names the parameters it creates in French.
test.describe.configure({ timeout: 300000 });

// Eight patients: too few for the generalised gamma (its fit does not converge).
const ridgeCsv = 'time,event\n1,1\n2,0\n3,1\n5,1\n7,0\n4,1\n6,1\n9,1\n';

for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 640 }]) {
  test(`an unusable fit, the family inside sentences and the created parameters in French (${size.width})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByTestId('display-language').selectOption('fr-BE');
    await page.goto('/#/survival');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('open-csv').click();
    await (await chooser).setFiles({ name: 'petit.csv', mimeType: 'text/csv', buffer: Buffer.from(ridgeCsv) });
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    const unusable = page.locator('[data-distribution="generalised-gamma"]').getByTestId('fit-unusable');
    await expect(unusable).toContainText('L’ajustement gamma généralisée n’a pas convergé : ');
    await expect(unusable).toContainText('ne l’utilisez pas');
    expect(englishLinesIn(await unusable.innerText()), 'English in the unusable fit').toEqual([]);
    await expect(unusable).not.toContainText('did not converge');
    // The family inside a sentence is lower-case; it keeps its capital where it starts the label (the table's name).
    await page.getByLabel('Retenir l’ajustement log-normale').check();
    await expect(page.getByTestId('chosen-fit')).toContainText('Ajustement retenu : log-normale');
    await expect(page.locator('[data-testid="fit-row"][data-distribution="log-normal"] .fit-name')).toContainText('Log-normale');
    await screenshot(page, `language-survival-unusable-${size.width}-fr-BE`);
    expect(await seriousAxeViolations(page), 'axe on the Survival screen with an unusable fit').toEqual([]);

    await page.getByTestId('target-model').selectOption('ex:liquid-biopsy-nsclc');
    await page.getByTestId('target-submodel').selectOption('chemo_io');
    await page.getByTestId('add-to-model').click();
    const result = page.getByTestId('add-result');
    await expect(result).toContainText('courbe os (log-normale) remplacée');
    const download = page.waitForEvent('download');
    await result.getByRole('button').click();
    const model = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { parameters: { id: string; label?: string; description?: string }[] };
    const created = model.parameters.filter((p) => p.id.startsWith('os_'));
    expect(created.map((p) => [p.id, p.label])).toEqual([['os_meanlog', 'os : meanlog (log-normale)'], ['os_sdlog', 'os : sdlog (log-normale)']]);
    expect(created[0]!.description).toMatch(/^Paramètre meanlog de l’ajustement log-normale \(meanlog = −?\d+,\d+ sur l’échelle d’estimation\)$/u);
  });
}

import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { addAmlWeibullFitToLiquidBiopsy, screenshot } from './journeys';
import { MODEL_TEMPLATES, TEMPLATE_NAMES } from '../../src/engine/model/templates';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';

// What the app creates is created in the display language and stored as first shown: a new model's texts from its
// template (description, cost categories, parameter descriptions, the tree's decision, test and re-test labels) and
// the title of a copy. English words that read the same in the other language (Markov, PFS) are not looked for.

test.describe.configure({ timeout: 300000 });

/** The template's English texts that must not show: the ones the tree template gives, longer than a short word. */
const treeTexts = (() => {
  const english = JSON.stringify(MODEL_TEMPLATES.find((template) => template.id === 'tree-hybrid')!.create());
  return TEMPLATE_NAMES.filter((name) => name.length >= 7 && english.includes(JSON.stringify(name)));
})();

async function expectNoTemplateEnglish(page: Page, where: string) {
  // The screen's text and what its fields hold (a test's or a node's label is in an input).
  const values = await page.locator('.app-frame input, .app-frame textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value));
  const shown = [await page.locator('.app-frame').innerText(), ...values].join('\n');
  expect(treeTexts.filter((text) => shown.includes(text)), `template text in English on ${where}`).toEqual([]);
}

for (const [locale, catalogue] of [['fr-BE', fr], ['nl-BE', nl]] as const) {
  test(`a new test-and-treat model and its copy hold their texts in ${locale}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.goto('/#/models');
    await page.getByTestId('new-model').click();
    await page.getByTestId('template-tree-hybrid').click();
    await page.getByTestId('new-model-create').click();
    await expect(page.getByTestId('tree-editor')).toBeVisible();
    await expect(page.getByTestId('tree-outline')).toContainText(catalogue['models.templateName.testingStrategy']);
    await expect(page.getByTestId('test-test-label')).toHaveValue(catalogue['models.templateName.molecularTest']);
    await page.locator('[data-testid^="tree-node-"]').filter({ has: page.locator('.tree-kind-diagnostic') }).first().click();
    await expect(page.getByTestId('step-1').locator('legend')).toContainText(catalogue['models.templateName.retest']);
    // The diagram's part picker (option text is left out of the language checks): its parts in the language.
    await expect(page.getByTestId('diagram-part').locator('option').first()).toHaveText(catalogue['diagram.part.tree']);
    await expectNoTemplateEnglish(page, 'the Structure tab');
    expect(await seriousAxeViolations(page), 'axe on the new model’s Structure tab').toEqual([]);
    await screenshot(page, `language-created-tree-1440-${locale}`);
    // A sub-model's states are labelled in the language (the diagram shows their ids, Alive and Dead, under the labels).
    await page.getByTestId('diagram-part').selectOption('submodel:standard');
    await expect(page.getByTestId('diagram-canvas')).toContainText(catalogue['modelWords.state.alive']);
    await expect(page.getByTestId('diagram-canvas')).toContainText(catalogue['modelWords.state.dead']);
    await screenshot(page, `language-created-submodel-1440-${locale}`);
    await page.getByTestId('diagram-part').selectOption('model');

    await page.getByTestId('model-tab-model').click();
    await expect(page.locator('.model-description')).toHaveText(catalogue['models.templateName.treeHybridDescription']);
    await expect(page.getByTestId('parameter-table')).toContainText(catalogue['models.templateName.sensitivity']);
    await expect(page.getByTestId('parameter-table')).toContainText(catalogue['structure.unit.day']);
    await expectNoTemplateEnglish(page, 'the Model tab');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, `language-created-model-1024-${locale}`);

    await page.getByTestId('duplicate-model').click();
    const copyTitle = `${catalogue['models.templateName.newTreeHybrid']} ${catalogue['common.copySuffix']}`;
    await expect(page.getByTestId('model-title')).toHaveText(copyTitle);
    await expect(page.locator('.model-description')).toHaveText(catalogue['models.templateName.treeHybridDescription']);
    expect(await seriousAxeViolations(page), 'axe on the copy’s Model tab').toEqual([]);
    await screenshot(page, `language-created-copy-1024-${locale}`);
  });

  test(`a survival fit added to a model is written in ${locale}`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await addAmlWeibullFitToLiquidBiopsy(page);
    // What changed, listed in the language.
    await expect(page.getByTestId('add-result')).toContainText(locale === 'fr-BE' ? 'courbe os (Weibull) remplacée' : 'curve os (Weibull) vervangen');
    await expect(page.getByTestId('add-result')).not.toContainText('replaced');
    await page.getByTestId('add-result').scrollIntoViewIfNeeded();
    await screenshot(page, `language-created-fit-changes-1024-${locale}`);
    await page.getByTestId('add-result').getByRole('link').click();
    await expect(page.getByTestId('model-page')).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    // The parameters' source (the fit's citation), as the engine wrote it in the language.
    const shape = page.locator('[data-testid="parameter-row"][data-parameter="os_shape"]');
    // The parameter's label, as "Use this fit" named it in the language.
    await expect(shape).toContainText(locale === 'fr-BE' ? 'os : forme (Weibull)' : 'os: vorm (Weibull)');
    await expect(shape.locator('.source-cell')).toContainText(locale === 'fr-BE' ? 'Ajustement Weibull par maximum de vraisemblance' : 'Weibull-aanpassing met maximale aannemelijkheid');
    await expect(page.getByTestId('parameter-table')).not.toContainText('fitted by maximum likelihood');
    await shape.scrollIntoViewIfNeeded();
    await screenshot(page, `language-created-fit-1440-${locale}`);
  });
}

import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';
import { fr } from '../../src/report/i18n/messages-fr';
import { nl } from '../../src/report/i18n/messages-nl';
import type { Catalogue } from '../../src/report/i18n/translate';
import { englishIn, englishLinesIn, uiText } from './language-check';

// Issue 19 (languages): the models list, a bundled example, a workspace model's Model tab (parameter table,
// distribution dialog, an inline input error), its Structure tab for a tree (with the diagnostic editor) and for a
// Markov model, its Versions tab and the new-model and save-version dialogs, in French and in Dutch: no English.

/**
 * What the screens show that is not this area's UI text: tab panels not shown (uiText reads a detached copy, so
 * hidden panels would count), model content the example or the template typed (titles, descriptions, strategy,
 * parameter and node labels, sources), and words made by modules other
 * helpers translate (the diagram's description and data table of src/diagram, the
 * save state of the dossiers' indicator, engine validation messages and parameter-check fixes). The change and
 * history wording and the references a removed state takes with it are checked here.
 */
const modelData = [
  '[role="tabpanel"][hidden]',
  '.current',
  '.save-state',
  '.chart-data-body',
  '.title-cell',
  '[data-testid="model-title"]',
  '.model-description',
  '.strip-label',
  '[data-testid="parameter-table"] tbody td:first-child .subtle',
  '.source-cell',
  '[data-testid^="distribution-"]',
  '.param-warnings',
  '.chart-caption-text p',
  '.tree-outline',
  '.tree-node-form h3',
  '[data-testid="runs-table"] .subtle',
  '[data-testid="linked-dossier"] a',
];

async function expectNoEnglish(page: Page, catalogue: Catalogue, where: string, data: string[] = []) {
  // Names the model typed (a state called "Alive", parameter ids such as c_tki_month) are cut out first: they are
  // data, even where a catalogue word matches.
  const shown = (await uiText(page, modelData)).replace(/[\p{L}\d]*_[\p{L}\d_]*/gu, ' ');
  const text = [...data].sort((x, y) => y.length - x.length).reduce((all, d) => all.split(d).join(' '), shown);
  if (process.env.DEBUG_TEXT) console.log(`==== ${where}\n${text}`);
  expect(englishIn(text, catalogue), `untranslated catalogue text on ${where}`).toEqual([]);
  expect(englishLinesIn(text, data), `English lines on ${where}`).toEqual([]);
}

const shot = (page: Page, name: string, locale: string) => screenshot(page, `language-models-${name}-${locale}`);

async function baseCaseDone(page: Page) {
  await expect(page.getByTestId('strip-item').first()).toBeVisible();
  await expect(page.getByTestId('base-case-strip')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test.describe.configure({ timeout: 300000 });

for (const [locale, catalogue] of [['fr-BE', fr], ['nl-BE', nl]] as const) {
  test(`models list, bundled example, Model tab, distribution dialog and Versions tab in ${locale}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.getByTestId('nav-models').click();
    await expect(page.getByTestId('models-page')).toBeVisible();
    await expect(page.getByTestId('no-workspace-models')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the empty models list');
    await shot(page, 'list-1440', locale);

    await page.getByTestId('new-model').click();
    await expect(page.getByTestId('new-model-dialog')).toBeVisible();
    await expect(page.getByTestId('template-markov')).toContainText(catalogue['models.template.markov']);
    await expectNoEnglish(page, catalogue, 'the new-model dialog');
    await shot(page, 'new-model-1440', locale);
    await page.getByTestId('new-model-dialog').getByRole('button', { name: catalogue['common.cancel'] }).click();

    // A bundled example, read-only, on its Model tab and its Uncertainty offer.
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('open-model').click();
    await expect(page.getByTestId('template-note')).toHaveText(catalogue['example.note']);
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the bundled example');
    await page.getByTestId('model-tab-uncertainty').click();
    await expect(page.getByTestId('template-uncertainty')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the bundled example’s uncertainty offer');

    // Its workspace copy: the parameter table with an inline error, the distribution dialog, a saved version.
    await page.getByTestId('use-model-uncertainty').click();
    await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', /.+/);
    await baseCaseDone(page);
    await page.getByTestId('model-tab-model').click();
    await expect(page.getByTestId('model-tab-model')).toHaveText(catalogue['model.tab.model']);
    await page.getByTestId('param-input-sens_plasma').fill('1,5');
    await expect(page.getByTestId('param-error-sens_plasma')).toContainText(catalogue['param.input.probability']);
    await expectNoEnglish(page, catalogue, 'the Model tab');
    await shot(page, 'model-tab-1440', locale);
    await page.getByTestId('param-input-sens_plasma').fill('0,85');
    await expect(page.getByTestId('param-error-sens_plasma')).toHaveCount(0);
    // Its findings (the joint distribution it is drawn from, the one-way range) and their fix, in the language.
    await expect(page.getByTestId('param-warning-sens_plasma')).toContainText(locale === 'fr-BE' ? 'et non sur la valeur de base 0,85' : 'niet op de basiswaarde 0,85');
    await expect(page.getByTestId('param-fix-widen-range-sens_plasma')).toHaveText(locale === 'fr-BE' ? 'Élargir l’intervalle à 0,63 à 0,85' : 'Het bereik verruimen tot 0,63 tot 0,85');
    await expectNoEnglish(page, catalogue, 'the parameter findings', ['Plasma ctDNA NGS accuracy, any driver (Chen 2023)']);
    await page.getByTestId('param-warning-sens_plasma').scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 1024, height: 640 });
    await shot(page, 'parameters-1024', locale);
    await page.getByTestId('edit-uncertainty-sens_plasma').click();
    await expect(page.getByTestId('distribution-dialog')).toBeVisible();
    await page.getByTestId('range-own').check();
    await page.getByTestId('range-low').fill('0,9');
    await page.getByTestId('range-high').fill('0,8');
    await expect(page.getByTestId('distribution-message')).toHaveText(catalogue['dist.lowAboveHigh']);
    await expectNoEnglish(page, catalogue, 'the distribution dialog');
    await shot(page, 'distribution-1024', locale);
    await page.getByTestId('distribution-dialog').getByRole('button', { name: catalogue['common.cancel'] }).click();
    await baseCaseDone(page);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('save-version').click();
    await page.getByTestId('version-name').fill('Première version');
    await expectNoEnglish(page, catalogue, 'the save-version dialog');
    await page.getByTestId('save-version-ok').click();
    // The version is stored before the next edit (so the comparison shows that edit).
    await expect(page.getByTestId('save-version-dialog')).toHaveCount(0);
    await page.getByTestId('param-input-c_plasma_ngs').fill('1500');
    await baseCaseDone(page);
    await page.getByTestId('model-tab-versions').click();
    await expect(page.getByTestId('compare-change')).toHaveCount(1, { timeout: 30000 });
    // Plain numbers read grouped in the display language's format, in the comparison and in the edit history.
    const grouped = (n: string) => new RegExp(n.replaceAll('.', '\\.').replaceAll(' ', '[\\s\\u202f]'));
    await expect(page.getByTestId('compare-change').locator('td').first()).toHaveText(grouped(locale === 'fr-BE' ? '1 000' : '1.000'));
    await expect(page.getByTestId('compare-change').locator('td').nth(1)).toHaveText(grouped(locale === 'fr-BE' ? '1 500' : '1.500'));
    await expect(page.getByTestId('model-history-row').first()).toContainText(grouped(locale === 'fr-BE' ? '1 000 → 1 500' : '1.000 → 1.500'));
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    expect(await seriousAxeViolations(page), 'axe on the Versions tab').toEqual([]);
    // Dates in local time, medium style, the exact instant with seconds in the title; no "UTC" on screens.
    const when = page.getByTestId('model-history-row').first().locator('time');
    await expect(when).toHaveAttribute('title', /\d{2}:\d{2}:\d{2}/);
    await expect(when).toHaveText(/^\d{1,2} \S+ \d{4},? \d{2}:\d{2}$/);
    await expect(page.getByTestId('model-history-card')).not.toContainText('UTC');
    await expectNoEnglish(page, catalogue, 'the Versions tab', ['Première version', 'Plasma NGS cost']);
    await shot(page, 'versions-1440', locale);
    await page.setViewportSize({ width: 1024, height: 640 });
    await shot(page, 'versions-1024', locale);
    await page.getByTestId('restore-version').click();
    await expect(page.locator('[data-testid="confirm-dialog"][open]')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the restore confirmation', ['Première version']);
    await page.getByTestId('confirm-cancel').click();
  });

  test(`Structure tab of a tree (diagnostic editor) and of a new Markov model in ${locale}`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await baseCaseDone(page);
    await page.getByTestId('model-tab-structure').click();
    await expect(page.getByTestId('tree-editor')).toBeVisible();
    await expect(page.getByTestId('tests-card')).toBeVisible();
    // The first diagnostic node: its test sequence editor.
    const diagnostic = page.locator('[data-testid^="tree-node-"]').filter({ has: page.locator('.tree-kind-diagnostic') }).first();
    await diagnostic.click();
    await expect(page.getByTestId('node-steps')).toBeVisible();
    await expectNoEnglish(page, catalogue, 'the tree’s Structure tab');
    await page.getByTestId('node-steps').scrollIntoViewIfNeeded();
    await shot(page, 'tree-1440', locale);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('tests-card').scrollIntoViewIfNeeded();
    await shot(page, 'tests-1024', locale);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('nav-models').click();
    await page.getByTestId('new-model').click();
    await page.getByTestId('template-markov').click();
    await page.getByTestId('new-model-create').click();
    await expect(page.getByTestId('structure-editor')).toBeVisible();
    await expect(page.getByTestId('transition-matrix')).toBeVisible();
    await baseCaseDone(page);
    // A row that no longer sums to 1 shows its problem at the row.
    await page.getByTestId('state-remove-Alive').click();
    await expect(page.locator('[data-testid="confirm-dialog"][open]')).toBeVisible();
    // What goes with the state, in the language (transitions, its start share, its costs and utility).
    await expect(page.getByTestId('state-references').locator('li')).toContainText([catalogue['structure.stateRef.start-share'], catalogue['structure.stateRef.state-values']]);
    await expectNoEnglish(page, catalogue, 'the remove-state confirmation', ['Alive', 'Dead']);
    expect(await seriousAxeViolations(page), 'axe on the remove-state confirmation').toEqual([]);
    await shot(page, 'remove-state-1440', locale);
    await page.getByTestId('confirm-cancel').click();
    await expectNoEnglish(page, catalogue, 'the Markov Structure tab', ['Alive']);
    await shot(page, 'markov-1440', locale);
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.getByTestId('transitions-card').scrollIntoViewIfNeeded();
    await shot(page, 'markov-1024', locale);

    // A transition's edit in the edit history: named by its states, its field in the language.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('transition-matrix-cell-Alive-Dead').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('transition-matrix-input')).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('0,02');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('save-state')).toHaveText(catalogue['dossier.save.saved']);
    await page.getByTestId('model-tab-versions').click();
    // The new model's states were named in the language when it was created.
    const transition = catalogue['modelChange.path.transition'].replace('{from}', catalogue['modelWords.state.alive']).replace('{to}', catalogue['modelWords.state.dead']);
    await expect(page.getByTestId('model-history-row').first()).toContainText(`${transition} › ${catalogue['modelChange.path.field.probability']} p_death → 0,02`);
    await expectNoEnglish(page, catalogue, 'the edit history of a transition', ['Alive', 'Dead', 'p_death']);
    expect(await seriousAxeViolations(page), 'axe on the Versions tab after a structure edit').toEqual([]);
    await shot(page, 'history-structure-1440', locale);
  });
}

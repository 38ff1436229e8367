import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { screenshot } from './journeys';
import { formatIcer } from '../../src/report/format';
import { seriousAxeViolations } from './axe';

// Building models through the Structure tab alone (issue 13): the HIV/AIDS model of Chancellor et al. (1997) from
// the blank Markov template, checked against the published results (Briggs, Claxton & Sculpher 2006, Example 2.5),
// its exported file validated and run by `hta`; a small test-and-treat tree with Markov sub-models checked against
// a hand calculation; and screenshots of the diagrams.

const shot = (page: Page, name: string, target?: Locator) => screenshot(page, `structure-${name}`, target);

async function newModel(page: Page, template: string) {
  await page.goto('/');
  await page.getByTestId('nav-models').click();
  await page.getByTestId('new-model').click();
  await page.getByTestId(`template-${template}`).click();
  await page.getByTestId('new-model-create').click();
  await expect(page.getByTestId('structure-editor')).toBeVisible();
}

/** Types into a field that commits on Enter. */
async function commit(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Enter');
  await expect(field).toHaveValue(text);
}

/** Edits a grid cell with the keyboard: focus it, Enter, type, Enter. */
async function editCell(page: Page, grid: string, row: string, column: string, text: string) {
  const cell = page.getByTestId(`${grid}-cell-${row}-${column}`);
  await cell.click();
  await cell.press('Enter');
  const input = page.getByTestId(`${grid}-input`);
  await input.fill(text);
  await input.press('Enter');
  await expect(cell.locator('.cell-expression')).toHaveText(text === '' ? '·' : text);
}

async function addParameter(page: Page, id: string, definition: string) {
  await page.getByTestId('add-parameter-id').fill(id);
  await page.getByTestId('add-parameter-definition').fill(definition);
  await page.getByTestId('add-parameter-submit').click();
  await expect(page.getByTestId(`parameter-definition-${id}`)).toHaveValue(definition);
}

test.describe.configure({ timeout: 240000 });

test('builds the HIV/AIDS model from the blank Markov template and gets the published results', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await newModel(page, 'markov');
  await expect(page.getByTestId('model-tab-structure')).toHaveAttribute('aria-selected', 'true');

  // Settings: 20 yearly cycles, costs discounted at 6% from the first year, life-years undiscounted, counted at the end of each cycle.
  await commit(page.getByTestId('edit-setting-cycles'), '20');
  await commit(page.getByTestId('edit-setting-discount-costs'), '0.06');
  await commit(page.getByTestId('edit-setting-discount-effects'), '0');
  await page.getByTestId('edit-setting-discount-firstCycleDiscounted').check();
  await page.getByTestId('edit-setting-counting').selectOption('end');
  await page.getByTestId('edit-setting-effect').selectOption('life-years');
  await commit(page.getByTestId('edit-setting-currency'), 'GBP');

  // Parameters: the observed transition counts, the relative risk and its duration, the drug costs.
  const counts: [string, string][] = [['n_AA', '1251'], ['n_AB', '350'], ['n_AC', '116'], ['n_AD', '17'], ['n_BB', '731'], ['n_BC', '512'], ['n_BD', '15'], ['n_CC', '1312'], ['n_CD', '437']];
  for (const [id, v] of counts) await addParameter(page, id, v);
  for (const [id, v] of [['rr', '0.509'], ['effect_years', '2'], ['treatment_rr', '1'], ['cost_zido', '2278'], ['cost_lami', '2086.5'], ['lami_cost_in_cycle', '0']] as const) await addParameter(page, id, v);

  // States A (CD4 200-500), B (CD4 < 200), C (AIDS), D (death): rename the template's two, add two, order them.
  for (const [from, to] of [['Alive', 'A'], ['Dead', 'D']]) {
    await page.getByTestId(`state-id-${from}`).fill(to!);
    await page.getByTestId(`state-id-${from}`).press('Enter');
    await expect(page.getByTestId(`state-id-${to}`)).toHaveValue(to!);
  }
  await commit(page.getByTestId('state-label-A'), 'CD4 200-500 cells/mm3');
  await commit(page.getByTestId('state-label-D'), 'Death');
  for (const [id, label] of [['B', 'CD4 < 200 cells/mm3'], ['C', 'AIDS']]) {
    await page.getByTestId('add-state-id').fill(id!);
    await page.getByTestId('add-state-label').fill(label!);
    await page.getByTestId('add-state-submit').click();
    await expect(page.getByTestId(`state-row-${id}`)).toBeVisible();
  }
  await page.getByRole('button', { name: 'Move state D down' }).click();
  await page.getByRole('button', { name: 'Move state D down' }).click();
  await expect(page.getByTestId('states-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('states-table').locator('tbody tr').last()).toHaveAttribute('data-testid', 'state-row-D');

  // Transitions: probabilities from the counts, times the treatment's relative risk; staying is the complement.
  const fromA = '(n_AA + n_AB + n_AC + n_AD)';
  const fromB = '(n_BB + n_BC + n_BD)';
  await editCell(page, 'transition-matrix', 'A', 'B', `n_AB / ${fromA} * treatment_rr`);
  await editCell(page, 'transition-matrix', 'A', 'C', `n_AC / ${fromA} * treatment_rr`);
  await editCell(page, 'transition-matrix', 'A', 'D', `n_AD / ${fromA} * treatment_rr`);
  await editCell(page, 'transition-matrix', 'B', 'B', 'C');
  await editCell(page, 'transition-matrix', 'B', 'C', `n_BC / ${fromB} * treatment_rr`);
  await editCell(page, 'transition-matrix', 'B', 'D', `n_BD / ${fromB} * treatment_rr`);
  await editCell(page, 'transition-matrix', 'C', 'C', 'C');
  await editCell(page, 'transition-matrix', 'C', 'D', 'n_CD / (n_CC + n_CD) * treatment_rr');

  // Costs per year by category (direct medical, community care, drugs); no utilities (the effect is life-years).
  for (const [id, label] of [['community', 'Community care'], ['drug', 'Drugs']]) {
    await page.getByTestId('add-category-id').fill(id!);
    await page.getByTestId('add-category-label').fill(label!);
    await page.getByTestId('add-category-submit').click();
  }
  const costs: [string, string, string][] = [['A', '1701', '1055'], ['B', '1774', '1278'], ['C', '6948', '2059']];
  for (const [state, direct, community] of costs) {
    await editCell(page, 'state-values', state, 'direct', direct);
    await editCell(page, 'state-values', state, 'community', community);
    await editCell(page, 'state-values', state, 'drug', 'cost_zido + lami_cost_in_cycle');
  }
  const utilityA = page.getByTestId('state-values-cell-A-__utility');
  await utilityA.click();
  await utilityA.press('Delete');
  await expect(utilityA.locator('.cell-expression')).toHaveText('·');

  // Strategies: monotherapy, and the combination with its time-limited relative risk and lamivudine cost.
  await commit(page.getByTestId('strategy-label-standard'), 'Zidovudine monotherapy');
  await page.getByTestId('add-strategy-id').fill('comb');
  await page.getByTestId('add-strategy-label').fill('Zidovudine + lamivudine');
  await page.getByTestId('add-strategy-submit').click();
  for (const [parameter, expression] of [['treatment_rr', 'cycle <= effect_years ? rr : 1'], ['lami_cost_in_cycle', 'cycle <= effect_years ? cost_lami : 0']]) {
    await page.getByTestId('add-override-comb-parameter').selectOption(parameter!);
    await page.getByTestId('add-override-comb-value').fill(expression!);
    await page.getByTestId('add-override-comb-submit').click();
    await expect(page.getByTestId(`override-comb-${parameter}`)).toHaveValue(expression!);
  }

  // The template's own parameters are no longer used.
  for (const id of ['p_death', 'c_alive', 'u_alive']) {
    await page.getByRole('button', { name: `Remove parameter ${id}` }).click();
    await page.getByRole('button', { name: 'Remove parameter', exact: true }).click();
    await expect(page.getByTestId(`parameter-definition-${id}`)).toHaveCount(0);
  }

  // The matrix by keyboard: arrows move between cells, Escape cancels an edit, and a cell's name is read out.
  const ab = page.getByTestId('transition-matrix-cell-A-B');
  await ab.click();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('transition-matrix-cell-A-C')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('transition-matrix-cell-B-C')).toBeFocused();
  await expect(page.getByTestId('transition-matrix-cell-B-C')).toHaveAttribute('aria-label', /^Transition from B to C: n_BC .*, 0\.407$/);
  await page.keyboard.press('Enter');
  await page.keyboard.type('0.9');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('transition-matrix-cell-B-C')).toBeFocused();
  await expect(page.getByTestId('transition-matrix-cell-B-C').locator('.cell-expression')).toHaveText(`n_BC / ${fromB} * treatment_rr`);

  // Every row sums to 1 and the model is valid.
  for (const s of ['A', 'B', 'C', 'D']) await expect(page.getByTestId(`row-sum-${s}`)).toHaveText('✓ 1');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // A cell's name holds what it shows (axe label-content-name-mismatch): its expression, then its value.
  expect(await seriousAxeViolations(page, '[data-testid="transitions-card"]')).toEqual([]);

  // The published results (DMHEE Example 2.5): £44,663.45 / 7.9912 LY and £50,601.65 / 8.9374 LY, ICER £6,276 per LY.
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('results-current')).toHaveAttribute('aria-busy', 'false');
  const row = (id: string) => page.locator(`[data-testid="base-case-row"][data-strategy="${id}"]`);
  await expect(row('comb')).toBeVisible();
  const num = async (l: Locator) => Number(await l.getAttribute('data-value'));
  expect(await num(row('standard').getByTestId('cell-cost'))).toBeCloseTo(44663.45, 2);
  expect(await num(row('standard').getByTestId('cell-life-years'))).toBeCloseTo(7.9912, 4);
  expect(await num(row('comb').getByTestId('cell-cost'))).toBeCloseTo(50601.65, 2);
  expect(await num(row('comb').getByTestId('cell-life-years'))).toBeCloseTo(8.9374, 4);
  const icer = page.locator('[data-testid="incremental-row"][data-strategy="comb"]').getByTestId('cell-icer');
  expect(Math.round(await num(icer))).toBe(6276);
  await expect(icer).toHaveText(formatIcer(6276, 'GBP', 'life-years'));

  // The diagram of what was built.
  await page.getByTestId('model-tab-structure').click();
  const diagram = page.getByTestId('structure-diagram');
  await expect(diagram.locator('g.node')).toHaveCount(4);
  await diagram.scrollIntoViewIfNeeded();
  await shot(page, 'hiv-diagram-1440', diagram);
  await page.getByTestId('transitions-card').scrollIntoViewIfNeeded();
  await shot(page, 'hiv-editor-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'hiv-editor-1024');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The exported file validates and `hta run` gives the same numbers.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-model').click();
  const download = await downloading;
  const file = join(mkdtempSync(join(tmpdir(), 'hta-structure-')), 'hiv.json');
  await download.saveAs(file);
  execFileSync(process.execPath, ['bin/hta.cjs', 'validate', file], { encoding: 'utf8' });
  const run = JSON.parse(execFileSync(process.execPath, ['bin/hta.cjs', 'run', file, '--json'], { encoding: 'utf8' })) as { strategies: { id: string; cost: number; lifeYears: number }[] };
  const byId = new Map(run.strategies.map((s) => [s.id, s]));
  expect(byId.get('standard')!.cost).toBeCloseTo(44663.45, 2);
  expect(byId.get('comb')!.cost).toBeCloseTo(50601.65, 2);
  expect(byId.get('comb')!.lifeYears).toBeCloseTo(8.9374, 4);
  expect(JSON.parse(readFileSync(file, 'utf8')).model.states.map((s: { id: string }) => s.id)).toEqual(['A', 'B', 'C', 'D']);
});

test('a test-and-treat tree with Markov sub-models gives the hand-calculated results', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await newModel(page, 'tree-hybrid');
  // No waiting for results (turnaround 0) and a prevalence of 30%, typed in the parameter definitions.
  await commit(page.getByTestId('parameter-definition-tat'), '0');
  await commit(page.getByTestId('parameter-definition-prevalence'), '0.3');
  // A label edited in the tree editor with the keyboard: select the test node, Enter goes to its label.
  await page.getByTestId('tree-node-root').click();
  await page.getByTestId('tree-node-root').press('ArrowDown');
  await page.getByTestId('tree-node-root.0').press('ArrowDown');
  await page.getByTestId('tree-node-root.1').press('Enter');
  await expect(page.getByTestId('node-label')).toBeFocused();
  await page.getByTestId('node-label').fill('Molecular testing');
  await page.getByTestId('node-label').press('Enter');
  await expect(page.getByTestId('tree-node-root.1')).toContainText('Molecular testing');

  // Hand calculation: each sub-model is alive → dead with a yearly death risk p, 10 yearly cycles, life-table
  // counting, costs and QALYs discounted at 3.5% from cycle 2; the test is repeated once when it gives no result.
  const cohort = (p: number, perCycle: number) => {
    let total = 0;
    for (let t = 1; t <= 10; t++) total += (perCycle * ((1 - p) ** (t - 1) + (1 - p) ** t)) / 2 / 1.035 ** (t - 1);
    return total;
  };
  const [prevalence, sens, fail, testCost] = [0.3, 0.9, 0.05, 500];
  const truePositive = prevalence * sens * (1 - fail * fail);
  const expected = {
    no_test: { cost: cohort(0.35, 15000), qalys: cohort(0.35, 0.7) },
    test_treat: {
      cost: testCost * (1 + fail) + truePositive * cohort(0.2, 40000) + (1 - truePositive) * cohort(0.35, 15000),
      qalys: truePositive * cohort(0.2, 0.7) + (1 - truePositive) * cohort(0.35, 0.7),
    },
  };
  await page.getByTestId('model-tab-results').click();
  // The label edit just made is still being evaluated: read the results once they are the current document's.
  await expect(page.getByTestId('results-current')).toHaveAttribute('aria-busy', 'false');
  for (const [id, e] of Object.entries(expected)) {
    const row = page.locator(`[data-testid="base-case-row"][data-strategy="${id}"]`);
    await expect(row).toBeVisible();
    expect(Number(await row.getByTestId('cell-cost').getAttribute('data-value'))).toBeCloseTo(e.cost, 6);
    expect(Number(await row.getByTestId('cell-qalys').getAttribute('data-value'))).toBeCloseTo(e.qalys, 9);
  }
  await expect(page.locator('[data-testid="base-case-row"][data-strategy="test_treat"] th, [data-testid="base-case-row"][data-strategy="test_treat"] td').first()).toContainText('Molecular testing');
});

test('the diagnostic construct as a form: a second test on negatives matches the hand calculation; a subtree moves under another parent', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await newModel(page, 'tree-hybrid');
  await commit(page.getByTestId('parameter-definition-tat'), '0');
  await commit(page.getByTestId('parameter-definition-prevalence'), '0.3');
  const spec = Number(await page.getByTestId('parameter-definition-spec').inputValue());
  const sens = Number(await page.getByTestId('parameter-definition-sens').inputValue());
  const fail = Number(await page.getByTestId('parameter-definition-fail').inputValue());
  const testCost = Number(await page.getByTestId('parameter-definition-c_test').inputValue());

  // A confirmatory test defined in the tests table…
  const add = page.getByTestId('add-test');
  await add.getByTestId('add-test-id').fill('confirm');
  await add.getByTestId('add-test-label').fill('Confirmatory test');
  await add.getByTestId('add-test-submit').click();
  await commit(page.getByTestId('test-confirm-sensitivity'), '0.95');
  await commit(page.getByTestId('test-confirm-specificity'), '0.99');
  await commit(page.getByTestId('test-confirm-cost-test'), '200');
  // …and done as a third step on negatives only, for 80% of them (a positive stands), in the node form.
  await page.getByTestId('tree-node-root').click();
  await page.getByTestId('tree-node-root').press('ArrowDown');
  await page.getByTestId('tree-node-root.0').press('ArrowDown');
  await expect(page.getByTestId('tree-node-root.1')).toBeFocused();
  await page.getByTestId('step-add').click();
  await page.getByTestId('step-2-test-confirm').check();
  await page.getByTestId('step-2-test-test').uncheck();
  await page.getByTestId('step-2-when-negative').check();
  await page.getByTestId('step-2-when-no-result').uncheck();
  await commit(page.getByTestId('step-2-uptake'), '0.8');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await shot(page, 'diagnostic-form-1440', page.getByTestId('tree-editor'));

  const cohort = (p: number, perCycle: number) => {
    let total = 0;
    for (let t = 1; t <= 10; t++) total += (perCycle * ((1 - p) ** (t - 1) + (1 - p) ** t)) / 2 / 1.035 ** (t - 1);
    return total;
  };
  const prevalence = 0.3;
  const found = 1 - fail * fail;
  // After the test and its re-test on no result, negatives are (1 - sens) or spec of those with a result; 80% of
  // them get the second test, which finds 95% of the missed (no-result rate 0). A positive result stands.
  const negatives = prevalence * (1 - sens) * found + (1 - prevalence) * spec * found;
  const truePositive = prevalence * sens * found + prevalence * (1 - sens) * found * 0.8 * 0.95;
  const expected = {
    cost: testCost * (1 + fail) + 200 * 0.8 * negatives + truePositive * cohort(0.2, 40000) + (1 - truePositive) * cohort(0.35, 15000),
    qalys: truePositive * cohort(0.2, 0.7) + (1 - truePositive) * cohort(0.35, 0.7),
  };
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('results-current')).toHaveAttribute('aria-busy', 'false');
  const row = page.locator('[data-testid="base-case-row"][data-strategy="test_treat"]');
  expect(Number(await row.getByTestId('cell-cost').getAttribute('data-value'))).toBeCloseTo(expected.cost, 6);
  expect(Number(await row.getByTestId('cell-qalys').getAttribute('data-value'))).toBeCloseTo(expected.qalys, 9);

  // Moving a subtree: the true positives split (X certain, Y with probability 0); Y moves under the false positives.
  await page.getByTestId('model-tab-structure').click();
  const select = async (key: string) => {
    await page.getByTestId(`tree-node-${key}`).click();
    await expect(page.getByTestId(`tree-node-${key}`)).toHaveAttribute('aria-selected', 'true');
  };
  await select('root.1.truePositive');
  await page.getByTestId('node-kind').selectOption('chance');
  await page.getByTestId('node-add-branch').click();
  await page.getByTestId('node-add-branch').click();
  await select('root.1.truePositive.0');
  await commit(page.getByTestId('node-probability'), 'C');
  await page.getByTestId('node-submodel').selectOption('targeted');
  await select('root.1.truePositive.1');
  await commit(page.getByTestId('node-label'), 'Y');
  await page.getByTestId('node-submodel').selectOption('standard');
  await select('root.1.falsePositive');
  await page.getByTestId('node-kind').selectOption('chance');
  await page.getByTestId('node-add-branch').click();
  await select('root.1.falsePositive.0');
  await commit(page.getByTestId('node-probability'), '1');
  await page.getByTestId('node-submodel').selectOption('standard');
  await select('root.1.truePositive.1');
  await page.getByTestId('node-move-target').selectOption({ label: 'Test and treat › False positive: fp_standard' });
  await page.getByTestId('node-move').click();
  await expect(page.getByTestId('tree-node-root.1.falsePositive.1')).toContainText('Y');
  await expect(page.getByTestId('tree-node-root.1.falsePositive.1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tree-node-root.1.truePositive.1')).toHaveCount(0);
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  // Nothing else changed: the results are the same as before the split and the move.
  await page.getByTestId('model-tab-results').click();
  await expect(page.getByTestId('results-current')).toHaveAttribute('aria-busy', 'false');
  expect(Number(await row.getByTestId('cell-cost').getAttribute('data-value'))).toBeCloseTo(expected.cost, 6);
  // Undo takes the move back.
  await page.getByTestId('model-tab-structure').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('tree-node-root.1.truePositive.1')).toContainText('Y');
});

test('diagrams: liquid-biopsy tree folds and unfolds by keyboard; PSM curves; screenshots at 1440×900 and 1024×640', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByTestId('nav-models').click();
  await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('open-model').click();
  await page.getByTestId('model-tab-structure').click();
  const diagram = page.getByTestId('structure-diagram');
  const nodes = diagram.locator('g.node');
  // A large tree opens folded below the strategies' first level; Expand all shows every node. Counted once drawn (a
  // count taken as the tab opens reads 0, and "more than folded" then proves nothing).
  await expect(nodes.first()).toBeVisible();
  const folded = await nodes.count();
  await shot(page, 'liquid-biopsy-tree-1440');
  await shot(page, 'liquid-biopsy-tree-diagram', diagram);
  await page.getByTestId('diagram-expand-all').click();
  await expect.poll(() => nodes.count()).toBeGreaterThan(folded);
  const all = await nodes.count();
  // Fold the first strategy's subtree with the keyboard, then unfold it.
  const fold = diagram.locator('[data-fold]').first();
  const hidden = Number((await fold.getAttribute('aria-label'))!.match(/\((\d+) nodes\)/)![1]);
  await fold.focus();
  await page.keyboard.press('Enter');
  await expect(nodes).toHaveCount(all - hidden);
  await expect(diagram.locator('[data-fold]').first()).toHaveAttribute('aria-expanded', 'false');
  await expect(diagram.locator('[data-fold]').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nodes).toHaveCount(all);
  // A sub-model's own diagram.
  const part = page.getByTestId('diagram-part');
  const options = await part.locator('option').allTextContents();
  expect(options.length).toBeGreaterThan(1);
  await part.selectOption({ index: 1 });
  await expect(diagram.locator('g.node-curve').first()).toBeVisible();

  await newModel(page, 'psm');
  const psm = page.getByTestId('structure-diagram');
  await expect(psm.locator('g.node-curve')).toHaveCount(4);
  await expect(psm.locator('.curve-plot path')).toHaveCount(4);
  // The curve editor: a smaller hazard ratio on OS moves the new treatment's median survival out, and its plot.
  const median = page.getByTestId('curve-median-os_new');
  const before = Number(await median.textContent());
  const plotBefore = await psm.locator('.curve-plot path').nth(3).getAttribute('d');
  await commit(page.getByTestId('curve-os_new-hr'), '0.5');
  await expect.poll(async () => Number(await median.textContent())).toBeGreaterThan(before);
  await expect.poll(() => psm.locator('.curve-plot path').nth(3).getAttribute('d')).not.toBe(plotBefore);
  // A curve as a table pasted from a spreadsheet (median where survival reaches 0.5), a bad row refused with its
  // line and the curve kept; another curve joined from two (switching distribution keeps the model valid).
  await page.getByTestId('curve-dist-pfs_new').selectOption('table');
  const table = page.getByTestId('curve-pfs_new-table');
  await table.fill('time\tsurvival\n0\t1\n1\t0.5\n2\t0.2\n3\t0');
  await table.blur();
  await expect(page.getByTestId('curve-median-pfs_new')).toHaveText('1');
  await table.fill('0 1\n1 1.5');
  await table.blur();
  await expect(page.getByTestId('curve-row-pfs_new').getByRole('alert')).toContainText('line 2: survival 1.5 is not between 0 and 1');
  await expect(page.getByTestId('curve-median-pfs_new')).toHaveText('1');
  await page.getByTestId('curve-dist-pfs_soc').selectOption('join');
  await expect(page.getByTestId('curve-pfs_soc-join')).toBeVisible();
  await commit(page.getByTestId('curve-pfs_soc-at-0'), '2');
  await expect(page.getByTestId('model-invalid')).toHaveCount(0);
  await shot(page, 'psm-diagram', psm);
  await shot(page, 'psm-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'psm-1024');
  await page.getByTestId('transitions-card').count(); // PSM has no transition matrix
  await expect(page.getByTestId('transitions-card')).toHaveCount(0);
});

for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 640 }]) {
  test(`the structure diagram's data table, opened from the keyboard, is a labelled region to scroll (${size.width})`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#/models');
    await page.locator('[data-model-id="liquid-biopsy-nsclc"]').getByTestId('use-example').click();
    await expect(page.getByTestId('strip-item').first()).toBeVisible();
    await page.getByTestId('model-tab-structure').click();
    const diagram = page.getByTestId('structure-diagram');
    await expect(diagram).toBeVisible();
    const disclosure = diagram.locator('.chart-data > summary');
    await disclosure.focus();
    await page.keyboard.press('Enter');
    // The tree's arrows overflow the table's box: a focusable region named after the diagram, the next tab stop.
    const region = diagram.getByRole('region', { name: /^Data table: / });
    await expect(region).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(region).toBeFocused();
    await page.keyboard.press('End');
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await region.scrollIntoViewIfNeeded();
    await screenshot(page, `structure-diagram-table-${size.width}`);
    expect(await seriousAxeViolations(page), 'axe with the diagram data table open').toEqual([]);
  });
}

import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { addAmlWeibullFitToLiquidBiopsy } from './journeys';

// The Survival screen: patient data → six fits against Kaplan–Meier, plots, choosing a fit, the fit into a model;
// a digitised curve → rebuilt patient data. Screenshots at 1440×900 and at the minimum window, 1024×640.
const dir = 'test-results/screenshots';
test.beforeAll(() => mkdirSync(dir, { recursive: true }));

test('fits the ovarian example, draws the three plots and ranks the fits by AIC', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('nav-survival').click();
  await expect(page.getByTestId('survival-page')).toBeVisible();
  await page.getByTestId('example-ovarian').click();
  await expect(page.getByTestId('fit-row')).toHaveCount(6);
  await expect(page.getByTestId('data-summary')).toHaveText('26 patients, 12 events; Kaplan–Meier median 638');
  // R (survreg): exponential AIC 198.06 is the lowest.
  await expect(page.locator('[data-testid="fit-row"][data-distribution="exponential"]')).toContainText('198.06');
  await expect(page.locator('[data-testid="fit-row"][data-distribution="exponential"]')).toContainText('Lowest AIC');
  for (const chart of ['survival-chart', 'hazard-chart', 'log-cumulative-hazard-chart']) {
    await expect(page.getByTestId(chart).locator('.recharts-line').first()).toBeVisible();
  }
  await expect(page.getByTestId('numbers-at-risk')).toContainText('26');
  // Choose the Weibull: its covariance (log shape, log scale) is shown.
  await page.getByLabel('Use the Weibull fit').check();
  await expect(page.getByTestId('chosen-fit')).toContainText('Chosen fit: Weibull');
  await expect(page.getByTestId('covariance-table')).toContainText('log(shape)');
});

test('adds the chosen fit to a copy of a model, which opens and validates', async ({ page }) => {
  await addAmlWeibullFitToLiquidBiopsy(page);
  await expect(page.getByTestId('add-result')).toContainText('replaced curve os (Weibull)');
  await expect(page.getByTestId('add-result')).toContainText('added a multivariate normal PSA distribution of os_shape, os_scale');
  await expect(page.getByTestId('add-result')).toContainText('a new model in your workspace');
  await page.getByTestId('add-result').getByRole('link').click();
  await expect(page.getByTestId('model-page')).toBeVisible();
  await expect(page.getByText('os_shape').first()).toBeVisible();
  // The copy is kept: it is still there after a reload, and the bundled example is unchanged.
  await page.reload();
  await expect(page.getByText('os_shape').first()).toBeVisible();
});

test('downloads the fit as a model JSON snippet', async ({ page }) => {
  await page.goto('/#/survival');
  await page.getByTestId('example-ovarian').click();
  await expect(page.getByTestId('fit-row')).toHaveCount(6);
  const download = page.waitForEvent('download');
  await page.getByTestId('download-snippet').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('os-exponential-fit.json');
  const snippet = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(snippet.curves.os).toMatchObject({ dist: 'exponential', rate: 'os_rate', timeUnit: 'day' });
  expect(snippet.parameters[0].uncertainty.distribution.type).toBe('lognormal');
});

test('loads a CSV file with other column names and an arm', async ({ page }) => {
  await page.goto('/#/survival');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-csv').click();
  await (await chooser).setFiles({ name: 'trial.csv', mimeType: 'text/csv', buffer: Buffer.from('months;died;arm\n1;1;A\n2;1;B\n3;1;A\n5;1;A\n7;0;A\n4;1;B\n6;1;B\n9;1;B\n') });
  await expect(page.getByTestId('data-name')).toHaveText('trial.csv');
  await expect(page.getByTestId('time-column')).toHaveValue('months');
  await expect(page.getByTestId('event-column')).toHaveValue('died');
  await page.getByTestId('arm-column').selectOption('arm');
  await expect(page.getByTestId('arm-value')).toHaveValue('A');
  await expect(page.getByTestId('data-summary')).toContainText('4 patients, 3 events');
  await page.getByTestId('arm-value').selectOption('B');
  await expect(page.getByTestId('data-summary')).toContainText('4 patients, 4 events');
  // A bad cell is reported with its line and column.
  await page.getByTestId('event-column').selectOption('arm');
  await expect(page.getByTestId('fit-error')).toContainText('line 2, column "arm": "A" is not a number');
});

test('rebuilds patient data from the digitised aml curve and reports the check', async ({ page }) => {
  await page.goto('/#/survival');
  await page.getByTestId('source-digitised').click();
  await page.getByTestId('digitised-example').click();
  await page.getByTestId('rebuild').click();
  await expect(page.getByTestId('reconstruction-card')).toBeVisible();
  await expect(page.getByTestId('reconstruction-summary')).toContainText('23 patients and 18 events');
  await expect(page.getByTestId('reconstruction-summary')).toContainText('digitised points the rebuilt Kaplan–Meier is within');
  await expect(page.getByTestId('reconstruction-warning')).toHaveCount(0);
  await expect(page.getByTestId('data-summary')).toContainText('23 patients');
  await expect(page.getByTestId('fit-row')).toHaveCount(6);
  // Bad input: a located message, no crash.
  await page.getByTestId('digitised-at-risk').fill('time,n_risk\n5,23\n');
  await page.getByTestId('rebuild').click();
  await expect(page.getByTestId('rebuild-error')).toContainText('the risk table must start at time 0');
});

for (const [width, height] of [
  [1440, 900],
  [1024, 640],
] as const) {
  test(`screenshots of the Survival screen at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/#/survival');
    await page.getByTestId('example-ovarian').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await page.getByTestId('plot-horizon').fill('3000');
    await expect(page.getByTestId('survival-chart')).toContainText('extrapolated to 3,000');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-1-data.png` });
    await page.getByTestId('survival-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-2-curves.png` });
    await page.getByTestId('hazard-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-3-hazards.png` });
    await page.getByTestId('chosen-fit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-4-chosen.png` });
    await page.getByTestId('source-digitised').click();
    await page.getByTestId('digitised-example').click();
    await page.getByTestId('rebuild').click();
    await expect(page.getByTestId('reconstruction-card')).toBeVisible();
    await page.getByTestId('survival-data').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-5-digitised.png` });
    await page.getByTestId('reconstruction-card').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${dir}/survival-${width}x${height}-6-rebuilt.png` });
  });
}

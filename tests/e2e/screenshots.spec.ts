import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';

// Screenshots at 1440×900 for review (saved under test-results/screenshots/, looked at by a person).
const dir = 'test-results/screenshots';

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
});

test('library and dossier editor screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.screenshot({ path: `${dir}/library.png` });

  await page.getByTestId('open-dossier').first().click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await page.screenshot({ path: `${dir}/editor-overview.png` });

  await page.getByTestId('section-eff').click();
  await expect(page.getByTestId('panel-eff')).toBeVisible();
  await page.screenshot({ path: `${dir}/editor-domain-eff.png` });

  await page.getByTestId('section-evidence').click();
  await expect(page.getByTestId('evidence-table')).toBeVisible();
  await page.screenshot({ path: `${dir}/editor-evidence.png` });
});

import { test, expect } from './fixtures';

test('first run shows the bundled example in the library', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-table')).toBeVisible();
  const rows = page.getByTestId('library-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Plasma ctDNA NGS (liquid biopsy) for first-line genotyping of advanced non-squamous NSCLC');
});

import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { deleteTopLibraryRow, libraryRowAction, screenshot } from './journeys';
import { seriousAxeViolations } from './axe';

// The library and notifications, with the keyboard: below 1680 px a row keeps Export in view and puts its other
// actions in a menu button (so the title keeps the width), and notifications stack at most two high, keep out of the
// focused control's way (and below the page header) and are dismissed with Escape.

const exampleTitle = 'Plasma ctDNA NGS (liquid biopsy)';

const shot = (page: Page, name: string) => screenshot(page, `workspace-polish-${name}`);

/** How many lines a link's text takes (one box per line of an inline element). */
async function lines(link: Locator): Promise<number> {
  return link.evaluate((el) => el.getClientRects().length);
}

/** The row's action buttons lie inside their cell (a label longer than the column would run over the edge). */
async function expectActionsFit(row: Locator) {
  const fit = await row.locator('td.actions').evaluate((td) => {
    const cell = td.getBoundingClientRect();
    return Array.from(td.querySelectorAll('button')).every((b) => {
      const r = b.getBoundingClientRect();
      return r.left >= cell.left && r.right <= cell.right;
    });
  });
  expect(fit, 'row actions inside their cell').toBe(true);
}

test.describe.configure({ timeout: 120000 });

test('library row actions: all four from 1680 px; at 1440 and 1024 Export and a keyboard menu of the others, the title on two lines', async ({ page }) => {
  await page.goto('/');
  const example = page.getByTestId('library-row').filter({ hasText: exampleTitle });
  const title = (await example.getByTestId('open-dossier').textContent())!;
  const row = page.locator(`[data-testid="library-row"][data-dossier-id="${await example.getAttribute('data-dossier-id')}"]`);
  // Four buttons where they leave the title as much room as the menu leaves it at 1440 px.
  await page.setViewportSize({ width: 1680, height: 900 });
  await expect(row.getByTestId('delete-dossier')).toBeVisible();
  await expect(row.getByTestId('more-dossier-actions')).toHaveCount(0);
  expect(await lines(row.getByTestId('open-dossier'))).toBeLessThanOrEqual(2);
  await expectActionsFit(row);
  await shot(page, 'library-1680');

  // The long example title took four lines beside the four buttons at 1440 (five at 1024); two now.
  for (const [width, height] of [[1440, 900], [1024, 640]] as const) {
    await page.setViewportSize({ width, height });
    await expect(row.getByTestId('more-dossier-actions')).toBeVisible();
    await expect(row.getByTestId('export-dossier')).toBeVisible();
    await expect(row.getByTestId('duplicate-dossier')).toHaveCount(0);
    expect(await lines(row.getByTestId('open-dossier')), `title lines at ${width}`).toBeLessThanOrEqual(2);
    await expectActionsFit(row);
    expect(await seriousAxeViolations(page), `library at ${width}`).toEqual([]);
    await shot(page, `library-${width}`);
  }

  // The menu button pattern, with the keyboard only.
  const more = row.getByRole('button', { name: `More actions for ${title}`, exact: true });
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: `More actions for ${title}`, exact: true });
  await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Archive' })).toBeFocused();
  // The list shows whole, inside the window (not clipped by the table's scrolling wrapper).
  const box = (await menu.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(640);
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeInViewport({ ratio: 1 });
  expect(await seriousAxeViolations(page), 'library row menu open at 1024').toEqual([]);
  await shot(page, 'library-menu-1024');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await expect(more).toBeFocused();
  // French labels fit as well.
  await page.getByTestId('display-language').selectOption('fr-BE');
  await expect(row.getByRole('button', { name: `Autres actions pour ${title}`, exact: true })).toHaveAttribute('title', 'Autres actions');
  await expectActionsFit(row);
  await shot(page, 'library-1024-fr-BE');
  await page.getByTestId('display-language').selectOption('nl-BE');
  await expectActionsFit(row);
  await shot(page, 'library-1024-nl-BE');
});

test('notifications at 1024: two at most, newest first, the rest behind "+N more"; out of the focused control\'s way; Escape dismisses', async ({ page }) => {
  await page.goto('/');
  const example = page.getByTestId('library-row').filter({ hasText: exampleTitle });
  await libraryRowAction(example, 'duplicate-dossier');
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  await libraryRowAction(page.getByTestId('library-row').first(), 'duplicate-dossier');
  await expect(page.getByTestId('library-row')).toHaveCount(3);
  await page.setViewportSize({ width: 1024, height: 640 });
  // Three deletes, each with its Undo notice.
  for (let i = 0; i < 3; i++) {
    const title = await deleteTopLibraryRow(page);
    // Newest first.
    await expect(page.getByTestId('toast').first()).toContainText(`Moved “${title}”`);
  }
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(page.getByTestId('toast-more')).toHaveText('+1 more');
  // Announced once each, by one live region: it holds the newest only.
  await expect(page.getByTestId('toast-announcer')).toHaveText(/^Moved .* to Recently deleted/);
  await expect(page.locator('.toast-region [aria-live], .toast-region [role="status"]')).toHaveCount(0);
  expect(await seriousAxeViolations(page), 'notifications at 1024').toEqual([]);
  await shot(page, 'toasts-1024');
  await page.getByTestId('toast-more').click();
  await expect(page.getByTestId('toast')).toHaveCount(3);
  await shot(page, 'toasts-all-1024');

  // A control the stack would cover takes the focus: the stack moves to the top, off the control. Recently deleted
  // holds all three first: '.last()' read while its live list still grows could be scrolled to, then measured, as
  // two different rows.
  await expect(page.getByTestId('recently-deleted-row')).toHaveCount(3);
  const restore = page.getByTestId('recently-deleted-restore').last();
  await restore.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await restore.focus();
  await expect(page.getByTestId('toast-region')).toHaveClass(/at-top/);
  const control = (await restore.boundingBox())!;
  const stack = (await page.getByTestId('toast-region').boundingBox())!;
  const overlap = control.x < stack.x + stack.width && stack.x < control.x + control.width && control.y < stack.y + stack.height && stack.y < control.y + control.height;
  expect(overlap, 'the notifications cover the focused control').toBe(false);
  // Below the page header, all three shown: its controls stay in sight.
  const header = (await page.locator('header.app-header').boundingBox())!;
  expect(stack.y, 'the notifications cover the page header').toBeGreaterThanOrEqual(header.y + header.height);
  await shot(page, 'toasts-moved-1024');

  // Escape on a notice dismisses it; the focus stays in the stack.
  await page.getByTestId('toast-action').first().focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toast')).toHaveCount(2);
  await expect(page.locator('.toast-region button:focus')).toHaveCount(1);
});

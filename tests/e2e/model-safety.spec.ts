import type { Page } from '@playwright/test';
import { test, expect, guardPage } from './fixtures';
import { screenshot, useExample } from './journeys';
import { seriousAxeViolations } from './axe';
import { expectShownInFull } from './shown-in-full';

// Nothing lost on a workspace model's page: an edit made inside the autosave pause survives a reload (kept in the
// tab's session storage and restored with a notice), and a save the workspace refuses says "Not saved", why, and
// offers Retry while the edit stays on screen.

const shot = (page: Page, name: string) => screenshot(page, `model-safety-${name}`);

test.describe.configure({ timeout: 120000 });

test('an edit made just before a reload is restored, said so, and saved', async ({ page }) => {
  const modelId = await useExample(page);
  // Leave at once, as a user who clicks "Leave" in the browser's unsaved-changes prompt.
  page.on('dialog', (dialog) => void dialog.accept());
  // The reload must come before the save ends, as for a user who leaves at once: on a loaded machine the save
  // could finish first (no draft left to restore), so this page's writes fail until the reload (a new page).
  await page.evaluate(() => {
    const refuse = () => {
      throw new DOMException('Writes held until the reload.', 'UnknownError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
  await page.getByTestId('param-input-p_rebiopsy').fill('0.61');
  await page.reload();
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', modelId);
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.61');
  await expect(page.getByTestId('model-draft-restored')).toContainText('They were restored');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-draft-restored')).toContainText('are saved now');
  await shot(page, 'restored-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'restored-1024');
  await page.getByTestId('model-draft-restored').getByRole('button').click();
  await expect(page.getByTestId('model-draft-restored')).toHaveCount(0);
  // Saved for real: a second reload shows the value without a notice.
  await page.reload();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.61');
  await expect(page.getByTestId('model-draft-restored')).toHaveCount(0);
});

test('a save the disk refuses says Not saved and why, keeps the edit on screen, and Retry saves it', async ({ page }) => {
  await useExample(page);
  // The browser refuses every write, as IndexedDB does when the disk or the storage quota is full.
  await page.evaluate(() => {
    const w = window as unknown as { realPut?: unknown; realAdd?: unknown };
    w.realPut = IDBObjectStore.prototype.put;
    w.realAdd = IDBObjectStore.prototype.add;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
  await page.getByTestId('param-input-p_rebiopsy').fill('0.62');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await expect(page.getByTestId('save-error')).toHaveText('The disk is full: free some space, then Retry. Nothing you typed is lost.');
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.62');
  await shot(page, 'not-saved-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'not-saved-1024');
  // At the minimum window the reason is shown in full (it wraps under the header, not cut to a tooltip), the header
  // keeps the model's title, and Retry is the next stop for the keyboard after the reason.
  await expectShownInFull(page.getByTestId('save-error'));
  await expect(page.getByTestId('save-state')).toHaveAccessibleDescription(/The disk is full: free some space, then Retry\. Nothing you typed is lost\./);
  await expect(page.getByTestId('header-title')).toContainText('Liquid biopsy');
  expect(await seriousAxeViolations(page), 'not saved note').toEqual([]);
  // Retry while the disk is still full fails again, and says so again.
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  // Space freed: Retry saves, and a reload reads the edit back from the workspace.
  await page.evaluate(() => {
    const w = window as unknown as { realPut: IDBObjectStore['put']; realAdd: IDBObjectStore['add'] };
    IDBObjectStore.prototype.put = w.realPut;
    IDBObjectStore.prototype.add = w.realAdd;
  });
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.reload();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.62');
  await expect(page.getByTestId('model-draft-restored')).toHaveCount(0);
});

/** Makes this page's IndexedDB writes fail (or work again), so an edit here stays unsaved for as long as needed. */
async function refuseWrites(page: Page, refuse: boolean) {
  await page.evaluate((on) => {
    const w = window as unknown as { realPut?: IDBObjectStore['put']; realAdd?: IDBObjectStore['add'] };
    w.realPut ??= IDBObjectStore.prototype.put;
    w.realAdd ??= IDBObjectStore.prototype.add;
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = on ? fail : w.realPut;
    IDBObjectStore.prototype.add = on ? fail : w.realAdd;
  }, refuse);
}

test('two tabs on one model: a saved edit reaches the other tab, and an edit conflict is shown with a choice that loses neither side', async ({ page, context, guard }) => {
  const modelId = await useExample(page);
  const other = await context.newPage();
  guardPage(other, guard);
  await other.goto(`/#/models/${modelId}/model`);
  await expect(other.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.5');

  // Nothing unsaved here: the other tab's saved edit simply shows, with a notice.
  await other.getByTestId('param-input-p_rebiopsy').fill('0.7');
  await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.7');
  await expect(page.getByTestId('model-reloaded-elsewhere')).toContainText('changed in another window or tab');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // An edit here not yet saved while the other tab saves its own: the conflict is shown, nothing is overwritten.
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.55');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await other.getByTestId('param-input-p_rebiopsy').fill('0.8');
  await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toContainText('Keep which one?');
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.55');
  await shot(page, 'conflict-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'conflict-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await refuseWrites(page, false);
  // Keep mine: saved here, shown in the other tab, and the other tab's 0.8 kept as a version.
  await page.getByTestId('model-keep-mine').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toHaveCount(0);
  await expect(other.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.55');

  // Again, now choosing the other tab's: its 0.9 shows here and this tab's 0.56 is kept as a version.
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.56');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await other.getByTestId('param-input-p_rebiopsy').fill('0.9');
  await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toBeVisible();
  await refuseWrites(page, false);
  await page.getByTestId('model-use-theirs').click();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.9');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toHaveCount(0);
  await expect(other.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.9');

  // Both set-aside sides are versions holding their values.
  await page.getByTestId('model-tab-versions').click();
  const setAside = page.getByTestId('version-row').filter({ hasText: 'Set aside when two windows changed the model' });
  await expect(setAside).toHaveCount(2);
  const versions = await page.evaluate(async (id) => {
    const request = indexedDB.open('hta-workbench');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ modelId: string; name: string; document: { parameters: { id: string; value: number }[] } }[]>((resolve, reject) => {
      const get = db.transaction('modelVersions').objectStore('modelVersions').getAll();
      get.onsuccess = () => resolve(get.result as never);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return all.filter((v) => v.modelId === id && v.name.startsWith('Set aside')).map((v) => v.document.parameters.find((p) => p.id === 'p_rebiopsy')!.value).sort();
  }, modelId);
  expect(versions).toEqual([0.56, 0.8]);
  await other.close();
});

test('during an edit conflict the header says only Not saved, pointing at the banner: not also the store\'s reason and a Retry', async ({ page, context, guard }) => {
  const modelId = await useExample(page);
  const other = await context.newPage();
  guardPage(other, guard);
  await other.goto(`/#/models/${modelId}/model`);
  await expect(other.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.5');
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.55');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await other.getByTestId('param-input-p_rebiopsy').fill('0.8');
  await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toBeVisible();
  // Writes work again here: the next edit is refused by the store as stale ("changed elsewhere; reload it").
  await refuseWrites(page, false);
  // Every save state and banner change while that edit waits, tries to save and is refused, recorded as it happens.
  await page.evaluate(() => {
    const w = window as unknown as { saveStates: string[]; bannerGone: boolean };
    w.saveStates = [];
    w.bannerGone = false;
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid="save-state"]')?.textContent ?? '';
      if (w.saveStates[w.saveStates.length - 1] !== state) w.saveStates.push(state);
      if (!document.querySelector('[data-testid="model-changed-elsewhere"]')) w.bannerGone = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByTestId('param-input-p_rebiopsy').fill('0.57');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved: see the choice above');
  // Past the autosave pause and the refused write: one message throughout, never "Saving…", the banner never gone.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => (window as unknown as { saveStates: string[] }).saveStates)).toEqual(['Not saved: see the choice above']);
  expect(await page.evaluate(() => (window as unknown as { bannerGone: boolean }).bannerGone)).toBe(false);
  await expect(page.getByTestId('save-state')).toHaveAccessibleDescription(/Keep which one\?/);
  await expect(page.getByTestId('save-error')).toHaveCount(0);
  await expect(page.locator('.app-header')).not.toContainText(/elsewhere|reload/i);
  await expect(page.locator('.app-header').getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByTestId('model-changed-elsewhere').getByRole('button')).toHaveCount(2);
  await shot(page, 'conflict-header-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'conflict-header-1024');
  expect(await seriousAxeViolations(page), 'conflict banner and header').toEqual([]);
  await page.getByTestId('model-keep-mine').click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(other.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.57');
  await other.close();
});

/** The ids of the workspace's models, read from IndexedDB (what the library lists). */
async function storedModelIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const request = indexedDB.open('hta-workbench');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const ids = await new Promise<string[]>((resolve, reject) => {
      const get = db.transaction('models').objectStore('models').getAllKeys();
      get.onsuccess = () => resolve(get.result.map(String));
      get.onerror = () => reject(get.error);
    });
    db.close();
    return ids;
  });
}

async function deleteIn(other: Page, modelId: string) {
  await other.goto(`/#/models/${modelId}/model`);
  await expect(other.getByTestId('model-page')).toHaveAttribute('data-model-id', modelId);
  await other.getByTestId('delete-model').click();
  await other.getByTestId('confirm-ok').click();
  await expect(other.getByTestId('models-page')).toBeVisible();
}

test('a model deleted in another window: the open page says so, keeps its unsaved edit, writes nothing back unasked, and Keep it makes it a workspace model again', async ({ page, context, guard }) => {
  const modelId = await useExample(page);
  // An edit here the workspace has not taken yet.
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.63');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  const other = await context.newPage();
  guardPage(other, guard);
  await deleteIn(other, modelId);

  const banner = page.getByTestId('model-deleted-elsewhere');
  await expect(banner).toContainText('deleted in another window or tab');
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.63');
  // One message: no save state, no conflict banner, no Delete or Save version of a model that is gone.
  await expect(page.getByTestId('save-state')).toHaveCount(0);
  await expect(page.getByTestId('model-changed-elsewhere')).toHaveCount(0);
  await expect(page.getByTestId('delete-model')).toHaveCount(0);
  await expect(page.getByTestId('save-version')).toHaveCount(0);
  // Writes work again and the user edits on: nothing re-creates the model behind their back.
  await refuseWrites(page, false);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.64');
  await page.waitForTimeout(1200);
  expect(await storedModelIds(page)).not.toContain(modelId);
  await expect(banner).toBeVisible();
  expect(await seriousAxeViolations(page), 'deleted-elsewhere banner').toEqual([]);
  await shot(page, 'deleted-elsewhere-1440');
  await page.setViewportSize({ width: 1024, height: 640 });
  await shot(page, 'deleted-elsewhere-1024');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Keep it: a workspace model again under its own id (the links to it work again), with this window's edits and
  // its undo history, no conflict or "changed elsewhere" notice about its own write.
  await banner.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByTestId('model-deleted-elsewhere')).toHaveCount(0);
  const keptId = modelId;
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', keptId);
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.64');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('model-changed-elsewhere')).toHaveCount(0);
  await expect(page.getByTestId('model-reloaded-elsewhere')).toHaveCount(0);
  await expect(page.getByTestId('model-undo')).toBeEnabled();
  await page.getByTestId('param-input-p_rebiopsy').fill('0.65');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByTestId('model-undo').click();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.64');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect(await storedModelIds(page)).toContain(keptId);
  await other.goto('/#/models');
  await expect(other.locator(`[data-testid="workspace-model-row"][data-model-id="${keptId}"]`)).toBeVisible();
  // A reload shows the kept model as stored, without a stale draft notice: once the undo's save has ended (the
  // save state reads "All changes saved" before that save starts) and the tab's draft is gone.
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), `hta-workbench:unsaved-model-draft:${keptId}`)).toBeNull();
  await page.reload();
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.64');
  await expect(page.getByTestId('model-draft-restored')).toHaveCount(0);

  // Deleted again elsewhere, and this time closed here: back to the models list, nothing written back.
  await deleteIn(other, keptId);
  await expect(page.getByTestId('model-deleted-elsewhere')).toBeVisible();
  await page.getByTestId('model-deleted-elsewhere').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('models-page')).toBeVisible();
  expect(await storedModelIds(page)).not.toContain(keptId);
  await other.close();
});

test('a model deleted elsewhere, then this tab reloaded with unsaved edits of it: the edits are offered back, kept or discarded by choice', async ({ page, context, guard }) => {
  const modelId = await useExample(page);
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.66');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  const other = await context.newPage();
  guardPage(other, guard);
  await deleteIn(other, modelId);
  await expect(page.getByTestId('model-deleted-elsewhere')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('model-missing')).toBeVisible();
  await expect(page.getByTestId('missing-model-draft')).toContainText('never saved');
  expect(await seriousAxeViolations(page), 'missing model with a draft').toEqual([]);
  await shot(page, 'missing-draft-1440');
  await page.getByTestId('missing-model-keep').click();
  // Kept under its own id, opened at once.
  const keptId = modelId;
  await expect(page.getByTestId('model-page')).toHaveAttribute('data-model-id', keptId);
  await expect(page.getByTestId('param-input-p_rebiopsy')).toHaveValue('0.66');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  expect(await storedModelIds(page)).toContain(keptId);

  // Discard: the offer goes, and does not come back on the next reload.
  await refuseWrites(page, true);
  await page.getByTestId('param-input-p_rebiopsy').fill('0.67');
  await expect(page.getByTestId('save-state')).toHaveText('Not saved');
  await deleteIn(other, keptId);
  await expect(page.getByTestId('model-deleted-elsewhere')).toBeVisible();
  await page.reload();
  await page.getByTestId('missing-model-discard').click();
  await expect(page.getByTestId('missing-model-draft')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('model-missing')).toBeVisible();
  await expect(page.getByTestId('missing-model-draft')).toHaveCount(0);
  expect(await storedModelIds(page)).not.toContain(keptId);
  await other.close();
});

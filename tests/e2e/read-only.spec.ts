import { test, expect } from './fixtures';

test('a workspace written by a newer app version opens read-only with a clear message', async ({ page }) => {
  // A blank page on the app's origin, to prepare its IndexedDB before the app runs.
  await page.route('**/prepare-workspace', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>prepare</title>' }));
  await page.goto('/prepare-workspace');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        // Dexie version 99 = native version 990, far beyond what this app knows.
        const request = indexedDB.open('hta-workbench', 990);
        request.onupgradeneeded = () => {
          const db = request.result;
          db.createObjectStore('meta', { keyPath: 'key' }).put({ key: 'dataFormat', value: 99 });
          db.createObjectStore('dossiers', { keyPath: 'id' });
          db.createObjectStore('futureTable', { keyPath: 'id' });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto('/');
  await expect(page.getByTestId('read-only-banner')).toContainText('newer HTA Workbench');
  await expect(page.getByTestId('new-dossier')).toBeDisabled();
  await expect(page.getByTestId('import-dossier')).toBeDisabled();
  // Nothing was changed: the database keeps its newer version and its unknown table.
  const state = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve) => {
        const request = indexedDB.open('hta-workbench');
        request.onsuccess = () => {
          const db = request.result;
          resolve({ version: db.version, stores: Array.from(db.objectStoreNames) });
          db.close();
        };
      }),
  );
  expect(state.version).toBe(990);
  expect(state.stores).toContain('futureTable');
});

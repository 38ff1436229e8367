import { test, expect } from './fixtures';

// The renderer's Electron path, in Chromium: a fake preload bridge records what the renderer asks the host
// for (the real bridge is only a thin ipcRenderer.invoke wrapper, tested in the Electron suite).

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const calls: Array<{ method: string; args: unknown }> = [];
    const listeners: Array<(command: string) => void> = [];
    (window as unknown as { __bridgeCalls: typeof calls }).__bridgeCalls = calls;
    (window as unknown as { __menu: (command: string) => void }).__menu = (command) => listeners.forEach((l) => l(command));
    (window as unknown as { htaBridge: unknown }).htaBridge = {
      saveFile: async (args: unknown) => {
        calls.push({ method: 'saveFile', args });
        return { saved: true, path: '/home/analyst/Documents/file' };
      },
      openFile: async (args: unknown) => {
        calls.push({ method: 'openFile', args });
        return { opened: false, reason: 'canceled' };
      },
      printToPdf: async (args: unknown) => {
        calls.push({ method: 'printToPdf', args });
        return { saved: true, path: '/home/analyst/Documents/dossier.pdf' };
      },
      appInfo: async () => ({ name: 'HTA Workbench', version: '0.1.0', platform: 'linux', versions: { electron: '45', chrome: '140', node: '22' } }),
      onMenuCommand: (listener: (command: string) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
  });
});

test('with the Electron bridge, export and print go to the host with typed arguments', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('export-dossier').first().click();
  await expect(page.getByTestId('toast')).toContainText('/home/analyst/Documents/file');
  await page.getByTestId('open-dossier').first().click();
  await page.getByTestId('print-dossier').click();
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string }> }).__bridgeCalls.length)).toBe(2);
  const calls = await page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string; args: Record<string, unknown> }> }).__bridgeCalls);
  expect(calls[0]!.method).toBe('saveFile');
  expect(calls[0]!.args.suggestedName).toMatch(/\.htad\.json$/);
  expect(calls[0]!.args.filters).toEqual([{ name: 'HTA dossier', extensions: ['htad.json', 'json'] }]);
  expect(JSON.parse(calls[0]!.args.content as string).format).toBe('hta-workbench-dossier');
  expect(calls[1]).toEqual({ method: 'printToPdf', args: { suggestedName: expect.stringMatching(/^plasma-ctdna.*\.pdf$/), landscape: false } });
});

test('menu commands from the host reach the screens (new dossier, import, library)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('library-table')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('new-dossier'));
  await expect(page.getByTestId('new-dossier-title')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('import-dossier'));
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string }> }).__bridgeCalls.map((c) => c.method))).toEqual(['openFile']);
  await page.getByTestId('open-dossier').first().click();
  await expect(page.getByTestId('dossier-editor')).toBeVisible();
  await page.evaluate(() => (window as unknown as { __menu: (c: string) => void }).__menu('go-library'));
  await expect(page.getByTestId('library-table')).toBeVisible();
});

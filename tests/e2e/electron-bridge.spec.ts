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
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByTestId('export-dossier').first().click();
  await expect(page.getByTestId('toast')).toContainText('/home/analyst/Documents/file');
  await page.getByTestId('open-dossier').first().click();
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report-preview')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('report-export-pdf').click();
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string }> }).__bridgeCalls.length)).toBe(2);
  await page.getByTestId('report-export-xlsx').click();
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __bridgeCalls: Array<{ method: string }> }).__bridgeCalls.length), { timeout: 60_000 }).toBe(3);
  const calls = await page.evaluate(() =>
    (window as unknown as { __bridgeCalls: Array<{ method: string; args: Record<string, unknown> }> }).__bridgeCalls.map((c) => ({
      method: c.method,
      args: { ...c.args, content: c.args.content instanceof Uint8Array ? `bytes:${c.args.content.byteLength}` : c.args.content } as Record<string, unknown>,
    })),
  );
  expect(calls[0]!.method).toBe('saveFile');
  expect(calls[0]!.args.suggestedName).toMatch(/\.htad\.json$/);
  expect(calls[0]!.args.filters).toEqual([{ name: 'HTA dossier', extensions: ['htad.json', 'json'] }]);
  expect(JSON.parse(calls[0]!.args.content as string).format).toBe('hta-workbench-dossier');
  expect(calls[1]).toEqual({ method: 'printToPdf', args: { suggestedName: expect.stringMatching(/^plasma-ctdna.*-report\.pdf$/), landscape: false, content: undefined } });
  // Excel bytes cross the bridge as a Uint8Array (the IPC schema accepts text or bytes).
  expect(calls[2]!.method).toBe('saveFile');
  expect(calls[2]!.args.suggestedName).toMatch(/-report\.xlsx$/);
  expect(calls[2]!.args.content).toMatch(/^bytes:\d{4,}$/);
  expect(calls[2]!.args.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
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

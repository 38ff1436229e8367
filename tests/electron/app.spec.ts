import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

// Drives the real desktop app. Runs only where Electron's binary is installed: reading path.txt directly,
// because require('electron') would try to download the binary (and fail offline).

const root = resolve(__dirname, '../..');

function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'node_modules/electron/dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const builtMain = join(root, 'out/main/index.js');
const skipReason = binary
  ? null
  : "Electron's desktop binary is not installed (node_modules/electron/path.txt or its dist binary is missing) and cannot be downloaded here.";

if (skipReason) console.log(`[electron e2e] skipped: ${skipReason}`);

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test.beforeAll(() => {
    // `npm run test:e2e` builds only the web renderer; the desktop bundles come from electron-vite.
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (!existsSync(builtMain)) throw new Error('electron-vite build did not produce out/main/index.js');
  });

  test('opens one secure window on the bundled example and exposes only the typed bridge', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, NODE_ENV: 'production' } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('library-table')).toBeVisible();
      await expect(page.getByTestId('library-row').first()).toContainText('Plasma ctDNA NGS');
      expect(page.url()).toMatch(/^app:\/\/hta\//);
      // No Node in the page; only the typed bridge.
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { htaBridge?: object }).htaBridge ?? {}).sort(),
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['appInfo', 'onMenuCommand', 'openFile', 'printToPdf', 'saveFile'] });
      const info = await page.evaluate(() => (globalThis as unknown as { htaBridge: { appInfo(): Promise<{ name: string }> } }).htaBridge.appInfo());
      expect(info.name).toBeTruthy();
      // Navigation away and new windows are refused.
      await page.evaluate(() => globalThis.open('https://example.org/'));
      await page.evaluate(() => {
        globalThis.location.href = 'https://example.org/';
      }).catch(() => undefined);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(page.url()).toMatch(/^app:\/\/hta\//);
    } finally {
      await app.close();
    }
  });
});

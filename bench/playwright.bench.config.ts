import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// Browser benchmarks (not tests): `npx playwright test --config bench/playwright.bench.config.ts` against a build
// served at HTA_BENCH_URL (default: the e2e preview server, started here on HTA_E2E_PORT).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const port = Number(process.env.HTA_E2E_PORT ?? 4173);
const external = process.env.HTA_BENCH_URL;

export default defineConfig({
  testDir: '.',
  testMatch: ['*.bench.ts'],
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] },
  },
  webServer: external
    ? undefined
    : {
        command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
        cwd: resolve(__dirname, '..'),
        url: `http://127.0.0.1:${port}`,
        reuseExistingServer: true,
        env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
        timeout: 60_000,
      },
});

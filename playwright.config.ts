import { defineConfig } from '@playwright/test';

// Debian's Chromium; never `npx playwright install` (it downloads a browser and fails offline).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
// HTA_E2E_PORT lets two checkouts run their end-to-end tests side by side without sharing a server.
const port = Number(process.env.HTA_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    timeout: 60000,
  },
});

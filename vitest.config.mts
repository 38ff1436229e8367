import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/electron/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
    globalSetup: ['tests/setup/build-cli-bundle.ts'],
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { bundleOutput } from './src/shared/bundle-output';
import { devServerCspPlugin } from './src/shared/dev-csp-plugin';

export default defineConfig({
  main: {
    // Bundle main's dependencies (zod) too, so the packaged app carries no node_modules at all.
    build: { outDir: 'out/main', externalizeDeps: false, rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') }, output: bundleOutput } },
  },
  preload: {
    // The sandboxed preload may only require('electron'): bundle everything else into it.
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: bundleOutput },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCspPlugin()],
    worker: { format: 'es', rollupOptions: { output: bundleOutput } },
    // Minified like the web build (electron-vite leaves the renderer unminified by default).
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html'), output: bundleOutput },
    },
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyHeader } from './src/shared/csp';
import { bundleOutput } from './src/shared/bundle-output';
import { devServerCspPlugin } from './src/shared/dev-csp-plugin';

// The same renderer as the desktop app, built to run in a plain browser (no Electron bridge).
// `vite preview` sends the app's Content-Security-Policy as a header too (the meta tag cannot carry frame-ancestors).
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [react(), devServerCspPlugin()],
  worker: { format: 'es', rollupOptions: { output: bundleOutput } },
  // A local desktop-style app: one bundle loaded from disk, so the web chunk-size warning does not apply.
  build: { outDir: resolve(__dirname, 'out/web'), emptyOutDir: true, chunkSizeWarningLimit: 2000, rollupOptions: { output: bundleOutput } },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, headers: { 'Content-Security-Policy': contentSecurityPolicyHeader() } },
  server: { host: '127.0.0.1' },
});

// Packaging of the desktop app (`npm run dist`, scripts/dist.mjs). The app ships only what electron-vite built
// (main, preload, renderer: every dependency is bundled into them) inside app.asar, plus the third-party notices.
// The after-pack step burns the Electron fuses (scripts/after-pack.mjs).
import afterPack from './scripts/after-pack.mjs';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.hta-workbench.desktop',
  productName: 'HTA Workbench',
  copyright: 'HTA Workbench contributors',
  directories: { output: 'dist' },
  // Whitelist: no sources, tests, CLI bundle or web build; `!node_modules` keeps electron-builder from copying
  // production dependencies the bundles already contain.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!node_modules/**'],
  extraResources: [{ from: 'THIRD-PARTY-NOTICES.md', to: 'THIRD-PARTY-NOTICES.md' }],
  asar: true,
  // No native modules: nothing to rebuild for Electron's Node.
  npmRebuild: false,
  nodeGypRebuild: false,
  // Offline by design: no auto-update feed, nothing published.
  publish: null,
  afterPack,
  linux: { target: ['AppImage', 'tar.gz'], category: 'Science' },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.medical', hardenedRuntime: true },
};

export default config;

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers: engine and dossier are pure; report depends on them only; the UI, shell and CLI sit on top.
const pureLayer = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'recharts', 'dexie', 'dexie-react-hooks', 'electron'], message: 'The pure core must not import UI, database or Electron code.' },
    { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: 'The pure core must not import Node-only modules (it also runs in a Web Worker).' },
    { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**'], message: 'Dependencies point down: the core must not import the layers above it.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/engine/**/*.ts', 'src/dossier/**/*.ts'], rules: { 'no-restricted-imports': ['error', pureLayer] } },
  {
    // Diagrams are pure (model → SVG string) and run in the renderer and under Node for reports.
    files: ['src/diagram/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...pureLayer.patterns, { group: ['**/renderer/**', '**/dossier/**'], message: 'Diagrams depend on the engine only.' }] }] },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [pureLayer.patterns[0], pureLayer.patterns[2]] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*', '**/main/**', '**/cli/**'], message: 'The renderer reaches the host only through src/renderer/platform.' }] }],
    },
  },
);

#!/usr/bin/env node
// Before the browser tests: say plainly what is missing instead of letting Playwright fail obscurely.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push(`Chromium (expected at ${chromium}; set CHROMIUM_PATH to use another)`);
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  missing.push('pdftotext (poppler-utils)');
}
if (missing.length > 0) {
  console.error(`The browser tests need ${missing.join(' and ')}. Install them with: sudo apt-get install -y chromium poppler-utils (never \`npx playwright install\`).`);
  process.exit(1);
}

// HTML → PDF with a locally installed Chromium in headless print mode (the same print path as Electron's
// printToPDF): A4 and margins come from the report's @page rules. Offline: a throw-away profile, no background
// networking, and the HTML itself forbids every request (Content-Security-Policy).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KNOWN_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export class ChromiumNotFoundError extends Error {
  constructor() {
    super('no Chromium found for PDF output: install Chromium (e.g. apt-get install chromium) or Google Chrome, or set CHROMIUM_PATH to its executable; --format html gives the same report to print from any browser');
    this.name = 'ChromiumNotFoundError';
  }
}

/** CHROMIUM_PATH, else a known install location, else a Chromium/Chrome on the PATH; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  for (const p of KNOWN_PATHS) if (existsSync(p)) return p;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Prints `html` to a PDF file at `outPath`; rejects with a message naming what failed. */
export async function printHtmlToPdf(html: string, outPath: string, chromium: string, timeoutMs = 120_000): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'hta-report-pdf-'));
  try {
    const page = join(work, 'report.html');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      // Headings become the PDF's bookmarks (ignored by Chromium versions without the option).
      '--generate-pdf-document-outline',
      `--user-data-dir=${join(work, 'profile')}`,
      `--print-to-pdf=${outPath}`,
      // The sandbox cannot start as root (containers, CI); the page has no script and may load nothing.
      ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`Chromium did not finish printing within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${chromium}: ${e.message}`));
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`Chromium exited with status ${code}: ${stderr.split('\n').filter((l) => l && !/dbus|Fontconfig/i.test(l)).slice(-3).join(' ')}`));
      });
    });
    if (!existsSync(outPath) || readFileSync(outPath).subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`Chromium wrote no PDF to ${outPath}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

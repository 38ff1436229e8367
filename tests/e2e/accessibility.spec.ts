import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { backUpWorkspace, libraryRowAction } from './journeys';

// WCAG AA checks computed in the page: text contrast (4.5:1, 3:1 for large text), labelled form controls,
// and named buttons. Disabled controls are exempt from contrast (WCAG 1.4.3).

interface ContrastProblem {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

async function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const parts = m[1]!.split(',').map((p) => Number.parseFloat(p));
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (el: Element | null): number[] => {
      // Composite the first opaque ancestor background (white page behind everything).
      const layers: number[][] = [];
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let result = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) result = [r! * a! + result[0]! * (1 - a!), g! * a! + result[1]! * (1 - a!), b! * a! + result[2]! * (1 - a!)];
      return result;
    };
    const problems: ContrastProblem[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent?.trim()) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || el.closest('[disabled], [aria-hidden="true"], .visually-hidden, option, dialog:not([open])')) continue;
      const fg = parse(style.color);
      const bg = background(el);
      const blended = [fg[0] * fg[3] + bg[0]! * (1 - fg[3]), fg[1] * fg[3] + bg[1]! * (1 - fg[3]), fg[2] * fg[3] + bg[2]! * (1 - fg[3])];
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const bold = Number.parseInt(style.fontWeight, 10) >= 700;
      const required = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      if (ratio < required) {
        problems.push({ text: node.textContent.trim().slice(0, 60), ratio: Math.round(ratio * 100) / 100, required, color: style.color, background: `rgb(${bg.map(Math.round).join(', ')})` });
      }
    }
    return problems;
  });
}

async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input, select, textarea, button'))) {
      if ((el as HTMLInputElement).type === 'file' || el.closest('dialog:not([open])')) continue;
      const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      const named = el.tagName === 'BUTTON' && (el.textContent?.trim() || el.getAttribute('aria-label'));
      if (!labelled && !named) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

const screens: Array<[string, (page: Page) => Promise<void>]> = [
  ['library', async () => undefined],
  ['editor overview', async (page) => {
    await page.getByTestId('open-dossier').first().click();
    await expect(page.getByTestId('panel-overview')).toBeVisible();
  }],
  ['editor domain', async (page) => {
    await page.getByTestId('open-dossier').first().click();
    await page.getByTestId('section-eff').click();
    await expect(page.getByTestId('panel-eff')).toBeVisible();
  }],
  ['editor evidence', async (page) => {
    await page.getByTestId('open-dossier').first().click();
    await page.getByTestId('section-evidence').click();
    await expect(page.getByTestId('evidence-table')).toBeVisible();
  }],
  ['survival curves with fits', async (page) => {
    await page.getByTestId('nav-survival').click();
    await page.getByTestId('example-ovarian').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
  }],
  ['survival curves, digitised curve rebuilt', async (page) => {
    await page.getByTestId('nav-survival').click();
    await page.getByTestId('source-digitised').click();
    await page.getByTestId('digitised-example').click();
    await page.getByTestId('rebuild').click();
    await expect(page.getByTestId('reconstruction-card')).toBeVisible();
  }],
  ['delete dialog and undo toast', async (page) => {
    await libraryRowAction(page.getByTestId('library-row').first(), 'delete-dossier');
    await expect(page.getByTestId('delete-dialog')).toBeVisible();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('toast')).toBeVisible();
  }],
  ['library with a safety backup', async (page) => {
    const { text } = await backUpWorkspace(page);
    await page.getByTestId('restore-workspace').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('restore-confirm-dialog').getByTestId('confirm-ok').click();
    await (await chooser).setFiles({ name: 'backup.htabackup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByTestId('restored-dialog').getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('safety-backup-row')).toHaveCount(1);
  }],
  ['stale-write prompt with the comparison', async (page) => {
    await page.getByTestId('open-dossier').first().click();
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByTestId('field-indication').fill('Saved in another tab');
    await expect(other.getByTestId('save-state')).toHaveText('All changes saved');
    await other.close();
    await page.getByTestId('field-title').fill('Typed here');
    await page.getByTestId('stale-compare').click();
    await expect(page.getByTestId('stale-compare-table')).toBeVisible();
  }],
];

for (const [name, open] of screens) {
  test(`${name}: text contrast meets WCAG AA and every control is labelled`, async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('library-table')).toBeVisible();
    await open(page);
    expect(await contrastProblems(page)).toEqual([]);
    expect(await unlabelledControls(page)).toEqual([]);
  });
}

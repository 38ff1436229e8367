import type { Page } from '@playwright/test';
import { seriousAxeViolations } from './axe';
import { test, expect } from './fixtures';
import { screenshot, useExample } from './journeys';

// The main journeys at the minimum window (1024x640) in French and Dutch, the longest texts: nothing scrolls the
// page sideways, no button, tab, label or heading cuts its text, and no control lies over another.
test.describe.configure({ timeout: 600000 });

interface Fault {
  what: string;
  where: string;
}

/** Sideways page overflow, cut texts and overlapping controls on the screen as it is. */
async function faults(page: Page): Promise<Fault[]> {
  return page.evaluate(() => {
    const out: { what: string; where: string }[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${String(el.className).split(' ').slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + 1) out.push({ what: 'page scrolls sideways', where: `${root.scrollWidth - root.clientWidth} px` });
    const width = document.documentElement.clientWidth;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && !el.closest('[hidden], dialog:not([open]), details:not([open]) > :not(summary), .visually-hidden');
    };
    for (const el of Array.from(document.querySelectorAll('main *, header *, nav *, aside *, dialog[open] *'))) {
      if (!visible(el) || el.closest('.table-wrap, .grid-scroll, .chart-data-body, .diagram-canvas, .recharts-wrapper')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1) out.push({ what: 'past the window', where: name(el) });
    }
    const texts = 'button, a.btn, [role="tab"], label, h1, h2, h3, h4, th, summary, .field-label, .badge, .chip, option';
    for (const el of Array.from(document.querySelectorAll(texts))) {
      if (!visible(el) || el.tagName === 'OPTION') continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      // The page header's title (what the user typed, any length) is clamped to two lines: it keeps its first words.
      if (style.webkitLineClamp === '2') {
        if (el.getBoundingClientRect().width < 120) out.push({ what: 'title squeezed', where: name(el) });
        continue;
      }
      if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) && !el.hasAttribute('title')) out.push({ what: 'text cut', where: name(el) });
    }
    // The page header's parts side by side, none over another.
    const parts = Array.from(document.querySelectorAll('header.app-header > *, header.app-header .app-header-title > *, header.app-header .save-indicator > *')).filter(visible);
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        if (parts[i]!.contains(parts[j]!) || parts[j]!.contains(parts[i]!)) continue;
        const a = parts[i]!.getBoundingClientRect();
        const b = parts[j]!.getBoundingClientRect();
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) out.push({ what: 'header parts overlap', where: `${name(parts[i]!)} / ${name(parts[j]!)}` });
      }
    }
    // Content scrolled under the sticky page header is not overlapped by it.
    const headerBottom = document.querySelector('header.app-header')?.getBoundingClientRect().bottom ?? 0;
    const underHeader = (el: Element) => !el.closest('header.app-header') && el.getBoundingClientRect().top < headerBottom;
    const controls = Array.from(document.querySelectorAll('button, select, input:not([type="hidden"]), textarea, a.btn, [role="tab"]')).filter((el) => visible(el) && !underHeader(el));
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i]!.getBoundingClientRect();
        const b = controls[j]!.getBoundingClientRect();
        if (controls[i]!.contains(controls[j]!) || controls[j]!.contains(controls[i]!)) continue;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 2 && y > 2) out.push({ what: 'controls overlap', where: `${name(controls[i]!)} / ${name(controls[j]!)}` });
      }
    }
    return out;
  });
}

const seen: Record<string, Fault[]> = {};

async function look(page: Page, locale: string, screen: string) {
  await page.mouse.move(0, 0);
  const found = await faults(page);
  seen[`${locale} ${screen}`] = found;
  await screenshot(page, `walk-1024-${locale}-${screen}`);
  return found;
}

for (const locale of ['fr-BE', 'nl-BE'] as const) {
  test(`the main journeys at 1024x640 in ${locale}: nothing clipped, overlapping or scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 640 });
    await page.goto('/');
    await page.getByTestId('display-language').selectOption(locale);
    const all: Fault[] = [];
    const at = async (screen: string) => all.push(...(await look(page, locale, screen)).map((f) => ({ ...f, what: `${screen}: ${f.what}` })));

    // Library.
    await expect(page.getByTestId('library-row').first()).toBeVisible();
    await at('library');
    // Dossier: every section.
    await page.getByTestId('library-row').filter({ hasText: 'Plasma ctDNA' }).getByTestId('open-dossier').click();
    // The section list read once the editor is drawn (read as the dossier opened, it was empty and no section was walked).
    await expect(page.getByTestId('section-overview')).toBeVisible();
    const sections = await page.locator('[data-testid^="section-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!).filter((id) => /^section-[a-z-]+$/.test(id)));
    expect(sections.length, 'dossier sections to walk').toBeGreaterThan(10);
    for (const id of sections) {
      const link = page.getByTestId(id);
      if (!(await link.isVisible())) continue;
      await link.click();
      await at(`dossier-${id.replace('section-', '')}`);
    }
    // Report preview.
    await page.getByTestId('open-report').click();
    await expect(page.getByTestId('report-preview')).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await at('report-preview');
    // Model editor and analyses.
    await useExample(page);
    for (const tab of ['model', 'structure', 'results', 'uncertainty', 'scenarios', 'budget']) {
      const button = page.getByTestId(`model-tab-${tab}`);
      if ((await button.count()) === 0) continue;
      await button.click();
      if (tab === 'results') await expect(page.getByTestId('chart-ce-plane')).toBeVisible({ timeout: 60_000 });
      if (tab === 'uncertainty') {
        await page.getByTestId('run-dsa').click();
        await expect(page.getByTestId('chart-tornado')).toBeVisible({ timeout: 120_000 });
        await page.getByTestId('psa-iterations').fill('100');
        await page.getByTestId('run-psa').click();
        await expect(page.getByTestId('psa-results')).toBeVisible({ timeout: 180_000 });
      }
      if (tab === 'scenarios') {
        await page.getByTestId('run-scenarios').click();
        await expect(page.getByTestId('scenario-table')).toBeVisible({ timeout: 60_000 });
      }
      await at(`model-${tab}`);
    }
    // Survival.
    await page.goto('/#/survival');
    await page.getByTestId('example-ovarian').click();
    await expect(page.getByTestId('fit-row')).toHaveCount(6);
    await at('survival');
    await page.getByTestId('use-fit-panel').scrollIntoViewIfNeeded();
    await at('survival-use-fit');
    console.log(JSON.stringify(seen, null, 1));
    expect(await seriousAxeViolations(page), 'axe').toEqual([]);
    expect(all).toEqual([]);
  });
}

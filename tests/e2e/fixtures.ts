import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

// Every end-to-end test runs under two guards: no request may leave this machine (only 127.0.0.1/localhost,
// data: and blob: URLs) and the page may log no console error or warning (React's and recharts' warnings, such as a
// chart drawn at width 0 on a hidden tab, point at real faults) or throw an uncaught exception.

/** True for URLs the offline app may load. */
export function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'ws:') && (hostname === '127.0.0.1' || hostname === 'localhost');
  } catch {
    return false;
  }
}

export interface PageGuard {
  externalRequests: string[];
  consoleErrors: string[];
  /** Console warnings a test provokes on purpose (e.g. Dexie's when the test deletes the database), by pattern. */
  expectedWarnings?: RegExp[];
}

/** Attaches the guards to a page (call it for pages of extra browser contexts too). */
export function guardPage(page: Page, guard: PageGuard): void {
  page.on('request', (request) => {
    if (!isLocalUrl(request.url())) guard.externalRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') guard.consoleErrors.push(`${message.type()}: ${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => guard.consoleErrors.push(`uncaught: ${error.message}`));
}

export const test = base.extend<{ guard: PageGuard }>({
  guard: [
    async ({ page, context }, use) => {
      const guard: PageGuard = { externalRequests: [], consoleErrors: [] };
      // Block (and record) anything remote before it leaves the machine.
      await context.route((url) => !isLocalUrl(url.toString()), async (route) => {
        guard.externalRequests.push(route.request().url());
        await route.abort('blockedbyclient');
      });
      guardPage(page, guard);
      await use(guard);
      expect(guard.externalRequests, 'requests that left localhost').toEqual([]);
      const unexpected = guard.consoleErrors.filter((m) => !(m.startsWith('warning: ') && guard.expectedWarnings?.some((w) => w.test(m))));
      expect(unexpected, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

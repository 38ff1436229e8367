import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

// axe-core, a development dependency, evaluated through the DevTools protocol: the product's own CSP
// (script-src 'self') stays as strict as it ships, and the app never contains axe.

const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page (or inside `selector`), one line each with up to 3 targets. */
export async function seriousAxeViolations(page: Page, selector?: string): Promise<string[]> {
  return axeViolations(page, { selector, impacts: ['serious', 'critical'] });
}

/**
 * axe-core violations of the given impacts (every impact by default) plus those of the rules named in `alsoRules`,
 * whatever their impact.
 */
export async function axeViolations(page: Page, options: { selector?: string; impacts?: string[]; alsoRules?: string[] } = {}): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async ({ context, impacts, alsoRules }) => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
    const result = await axe.run(context ?? document, {});
    // A run that checked nothing would pass vacuously.
    if (result.passes.length < 10) return [`axe-core checked only ${result.passes.length} rules`];
    return result.violations
      .filter((v) => impacts === null || impacts.includes(v.impact) || alsoRules.includes(v.id))
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, { context: options.selector, impacts: options.impacts ?? null, alsoRules: options.alsoRules ?? [] });
}

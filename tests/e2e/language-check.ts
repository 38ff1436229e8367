import type { Page } from '@playwright/test';
import { en } from '../../src/report/i18n/messages-en';
import type { Catalogue } from '../../src/report/i18n/translate';

// Checks that a screen shown in French or Dutch holds no English: catalogue texts left untranslated, and
// hard-coded English sentences (lines with two or more English function words that are not user data).

/** English catalogue texts that differ in the other language, as fixed fragments (placeholders cut out). */
export function englishFragments(other: Catalogue): string[] {
  const out = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (other[key as keyof typeof en] === text) continue;
    for (const part of text.split(/\{\w+\}/)) {
      const fragment = part.trim().replace(/^[(,.:;–]+|[(,.:;–]+$/g, '').trim();
      // A fragment the translation shares (e.g. "source" in French) is not English text.
      if (fragment.length >= 5 && /[a-z]/.test(fragment) && !other[key as keyof typeof en].includes(fragment)) out.add(fragment);
    }
  }
  return [...out];
}

/** Selectors of user or shipped data (profile values, model and chart content, the report body), not UI text. */
const dataSelectors = ['.profile-value', '.profile-source', '.profile-note', 'svg', 'option', '[data-testid^="summary-"] th', 'tbody th[scope="row"]', '[data-testid="report-preview"]', '[data-user-content]'];

/** The screen's own text: navigation and UI, without the data selectors above (plus any given). */
export async function uiText(page: Page, moreDataSelectors: string[] = []): Promise<string> {
  return page.evaluate((selectors) => {
    const root = document.querySelector('.app-frame')!.cloneNode(true) as HTMLElement;
    root.querySelectorAll(selectors.join(', ')).forEach((n) => n.remove());
    return root.innerText;
  }, [...dataSelectors, ...moreDataSelectors]);
}

/** The English catalogue fragments found in `text` (whole words only). */
export function englishIn(text: string, catalogue: Catalogue): string[] {
  return englishFragments(catalogue).filter((f) => new RegExp(`(^|[^\\p{L}])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text));
}

/** Common words that are English and neither French nor Dutch (so not "in", "is", "of", "open", "per", "on"). */
const englishWords = new Set(['the', 'and', 'with', 'to', 'are', 'this', 'that', 'from', 'for', 'your', 'you', 'not', 'no', 'by', 'at', 'an', 'be', 'yet', 'all', 'each', 'add', 'new', 'save', 'delete', 'edit', 'run', 'show', 'close', 'there', 'has', 'have', 'will', 'can', 'cannot', 'which', 'when']);

/**
 * Lines of `text` with at least two English words (a sentence or a label such as "Add new"), after removing the
 * given data strings (names and labels the user or a bundled example typed, which stay in their language).
 */
export function englishLinesIn(text: string, data: string[] = []): string[] {
  const longestFirst = [...data].filter((d) => d.trim().length > 0).sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    let line = raw;
    for (const d of longestFirst) line = line.split(d).join(' ');
    const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = new Set(words.filter((w) => englishWords.has(w)));
    if (english.size >= 2) found.push(raw.trim());
  }
  return found;
}

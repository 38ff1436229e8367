import type { Page } from '@playwright/test';
import { en } from '../../src/report/i18n/messages-en';
import type { Catalogue } from '../../src/report/i18n/translate';

// Checks that a screen shown in French or Dutch holds no English: catalogue texts left untranslated, and
// hard-coded English sentences (lines with two or more English function words that are not user data).

// Whole words, where a snake_case identifier (a parameter id such as c_tki_month) is one word, not English.
const wholeWord = (fragment: string) => new RegExp(`(^|[^\\p{L}\\p{N}_])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_])`, 'u');
const fragmentsByCatalogue = new WeakMap<Catalogue, string[]>();

/**
 * English catalogue texts that differ in the other language, as fixed fragments (placeholders cut out). A fragment
 * the other language itself uses as a word or phrase (French "Source", "Transitions"; Dutch "Model") is not English.
 */
export function englishFragments(other: Catalogue): string[] {
  const known = fragmentsByCatalogue.get(other);
  if (known) return known;
  const otherTexts = Object.values(other).join('\n');
  const out = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (other[key as keyof typeof en] === text) continue;
    for (const part of text.split(/\{\w+\}/)) {
      const fragment = part.trim().replace(/^[(,.:;–]+|[(,.:;–]+$/g, '').trim();
      if (fragment.length >= 5 && /[a-z]/.test(fragment) && !(otherTexts.includes(fragment) && wholeWord(fragment).test(otherTexts))) out.add(fragment);
    }
  }
  const fragments = [...out];
  fragmentsByCatalogue.set(other, fragments);
  return fragments;
}

/**
 * Selectors of user or shipped data (profile values, model and chart content, the report body), not UI text; and the
 * notices drawn inside an open dialog (with a model's title in them), left out as the page's notices are (outside the frame).
 */
const dataSelectors = ['.profile-value', '.profile-source', '.profile-note', 'svg', 'option', '[data-testid^="summary-"] th', 'tbody th[scope="row"]', '[data-testid="report-preview"]', '[data-user-content]', '.dialog-notices'];

/**
 * The screen's own text as the user sees it: the visible text of the live app frame, one line per block element (a
 * paragraph, a cell, a button, a heading), without the data selectors above (plus any given). Read from the live
 * page because a detached copy has no layout: its innerText includes hidden panels and runs blocks together.
 */
export async function uiText(page: Page, moreDataSelectors: string[] = []): Promise<string> {
  return page.evaluate((selectors) => {
    const frame = document.querySelector('.app-frame');
    if (!frame) return '';
    const dataSelector = selectors.join(', ');
    const inline = new Set(['inline', 'contents']);
    const blockOf = (element: Element): Element => {
      let at: Element | null = element;
      while (at && at !== frame && inline.has(getComputedStyle(at).display)) at = at.parentElement;
      return at ?? frame;
    };
    const lines: string[] = [];
    let currentBlock: Element | null = null;
    let current = '';
    const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || text.trim() === '' || parent.closest(dataSelector) || parent.closest('textarea')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      const block = blockOf(parent);
      if (block !== currentBlock) {
        if (current.trim()) lines.push(current.replace(/\s+/g, ' ').trim());
        currentBlock = block;
        current = '';
      }
      current += text;
    }
    if (current.trim()) lines.push(current.replace(/\s+/g, ' ').trim());
    return lines.join('\n');
  }, [...dataSelectors, ...moreDataSelectors]);
}

const wholeWordPatterns = new Map<string, RegExp>();

/**
 * The English catalogue fragments found in `text` (whole words only). A fragment not in the text at all is passed
 * over before any pattern is built: building ~2,700 Unicode patterns on every call took 0.1–3 s of CPU per call, and a
 * spec calling it five times ran past its time-out under load (language-reconstruction at 60 s).
 */
export function englishIn(text: string, catalogue: Catalogue): string[] {
  return englishFragments(catalogue).filter((f) => {
    if (!text.includes(f)) return false;
    let pattern = wholeWordPatterns.get(f);
    if (!pattern) wholeWordPatterns.set(f, (pattern = wholeWord(f)));
    return pattern.test(text);
  });
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

import { useSyncExternalStore } from 'react';

/** The width below which tables drop secondary columns (not drawn; the same breakpoint as styles/app.css's narrow rules). */
export const NARROW_WINDOW = '(max-width: 1279px)';
/**
 * Below this width a library row's Duplicate, Archive and Delete wait in a "More actions" menu beside Export: as four
 * buttons they would leave the title less room than the menu leaves it at 1440 px (4 lines of a long title there).
 */
export const COMPACT_ROW_ACTIONS_WINDOW = '(max-width: 1679px)';
/** Below the 1440 px window a wide table of many columns (e.g. one per threshold) no longer fits the card. */
export const BELOW_WIDE_WINDOW = '(max-width: 1439px)';

function mediaQuery(query: string): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

/**
 * Whether a CSS media query matches now, following window resizes. For a table column that must not be drawn at all
 * (a <col> hidden with CSS keeps its place in a fixed-layout table, and the cells after it shift one column over).
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaQuery(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => mediaQuery(query)?.matches ?? false,
    () => false,
  );
}

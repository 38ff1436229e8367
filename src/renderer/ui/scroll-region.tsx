import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

// A table's wrapper that scrolls sideways when the table is wider than the card. Only then is it a labelled,
// focusable region (so a keyboard user can scroll it); a table that fits is no extra tab stop and no landmark
// whose name promises scrolling.

/** True when the element's content is wider than its box (1 px of rounding allowed). */
export function overflowsSideways(element: Pick<HTMLElement, 'scrollWidth' | 'clientWidth'>): boolean {
  return element.scrollWidth > element.clientWidth + 1;
}

/** True when the element's content is taller than its box (1 px of rounding allowed). */
export function overflowsDownwards(element: Pick<HTMLElement, 'scrollHeight' | 'clientHeight'>): boolean {
  return element.scrollHeight > element.clientHeight + 1;
}

function scrolls(node: HTMLElement, vertical: boolean): boolean {
  return overflowsSideways(node) || (vertical && overflowsDownwards(node));
}

/** `vertical`: the box has a height limit, so it may scroll downwards too (e.g. a chart's data table). */
export function ScrollRegion({ className, label, labelledBy, vertical = false, testId, children }: { className?: string; label?: string; labelledBy?: string; vertical?: boolean; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const check = () => setOverflows(scrolls(node, vertical));
    check();
    if (typeof ResizeObserver === 'undefined') return;
    // The box and the table inside it: either can change width (window, fonts, rows arriving).
    const observer = new ResizeObserver(check);
    observer.observe(node);
    if (node.firstElementChild) observer.observe(node.firstElementChild);
    return () => observer.disconnect();
  }, [vertical]);
  // Rows or columns may change with a render without the box changing width.
  useLayoutEffect(() => {
    if (ref.current) setOverflows(scrolls(ref.current, vertical));
  }, [children, vertical]);
  const region = overflows ? { tabIndex: 0, role: 'region', 'aria-label': label, 'aria-labelledby': labelledBy } : {};
  return (
    <div ref={ref} className={`table-wrap${className ? ` ${className}` : ''}`} data-scrolls={overflows ? 'true' : 'false'} data-testid={testId} {...region}>
      {children}
    </div>
  );
}

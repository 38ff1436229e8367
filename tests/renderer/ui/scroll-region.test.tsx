// @vitest-environment jsdom
// A table's scrolling wrapper is a focusable, labelled region only while the table is wider than it: a table that
// fits is no extra tab stop announcing "scrolls sideways".
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScrollRegion } from '../../../src/renderer/ui/scroll-region';

/** jsdom lays nothing out: give every element the widths a browser would. */
function widths(scrollWidth: number, clientWidth: number) {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const saved = [Object.getOwnPropertyDescriptor(proto, 'scrollWidth'), Object.getOwnPropertyDescriptor(proto, 'clientWidth')];
  Object.defineProperty(proto, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => clientWidth });
  return () => {
    for (const [k, d] of [['scrollWidth', saved[0]], ['clientWidth', saved[1]]] as const) {
      if (d) Object.defineProperty(proto, k, d);
      else delete proto[k];
    }
  };
}

/** As `widths`, for heights (a box with a height limit: a chart's data table). */
function heights(scrollHeight: number, clientHeight: number) {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const saved = [Object.getOwnPropertyDescriptor(proto, 'scrollHeight'), Object.getOwnPropertyDescriptor(proto, 'clientHeight')];
  Object.defineProperty(proto, 'scrollHeight', { configurable: true, get: () => scrollHeight });
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => clientHeight });
  return () => {
    for (const [k, d] of [['scrollHeight', saved[0]], ['clientHeight', saved[1]]] as const) {
      if (d) Object.defineProperty(proto, k, d);
      else delete proto[k];
    }
  };
}

describe('ScrollRegion', () => {
  let restore = () => {};
  afterEach(() => {
    restore();
    cleanup();
  });

  it('is no region and no tab stop when its table fits', () => {
    restore = widths(758, 758);
    render(<ScrollRegion label="Test budget (scrolls sideways)"><table data-testid="t"><tbody><tr><td>1</td></tr></tbody></table></ScrollRegion>);
    const wrap = screen.getByTestId('t').parentElement!;
    expect(wrap.getAttribute('tabindex')).toBeNull();
    expect(wrap.getAttribute('role')).toBeNull();
    expect(wrap.getAttribute('aria-label')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
    expect(wrap.className).toBe('table-wrap');
  });

  it('is a labelled, focusable region when its table overflows', () => {
    restore = widths(926, 758);
    render(<ScrollRegion className="card-body flush" label="Scenarios (scrolls sideways)"><table data-testid="t"><tbody><tr><td>1</td></tr></tbody></table></ScrollRegion>);
    const region = screen.getByRole('region', { name: 'Scenarios (scrolls sideways)' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.className).toBe('table-wrap card-body flush');
  });

  it('with a height limit, is a region when its table is taller than the box (and only then)', () => {
    const restoreWidths = widths(500, 500);
    const restoreHeights = heights(900, 280);
    restore = () => { restoreHeights(); restoreWidths(); };
    render(<ScrollRegion className="chart-data-body" label="Data table: CEAC" vertical><table data-testid="t"><tbody><tr><td>1</td></tr></tbody></table></ScrollRegion>);
    expect(screen.getByRole('region', { name: 'Data table: CEAC' }).getAttribute('tabindex')).toBe('0');
    cleanup();
    // Without the limit (the default), height does not count: tables outside such boxes grow with the page.
    render(<ScrollRegion label="Scenarios"><table data-testid="t"><tbody><tr><td>1</td></tr></tbody></table></ScrollRegion>);
    expect(screen.queryByRole('region')).toBeNull();
  });
});

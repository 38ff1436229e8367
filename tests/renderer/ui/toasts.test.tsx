// @vitest-environment jsdom
// Notifications: at most two at once (newest first, the rest behind "+N more"), errors stay until dismissed, the
// others time out but not under the user's focus, Escape dismisses one, and each is announced once by one live
// region (the notices themselves are not live regions, so one leaving does not make the others read again).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_VISIBLE_TOASTS, ToastProvider, useToasts } from '../../../src/renderer/ui/toasts';
import type { ToastOptions } from '../../../src/renderer/ui/toasts';

let show: (options: ToastOptions) => void = () => {};
function Grab() {
  show = useToasts().show;
  return <button type="button" data-testid="page-control">page</button>;
}

function renderToasts() {
  render(
    <ToastProvider>
      <Grab />
    </ToastProvider>,
  );
}

const messages = () => screen.queryAllByTestId('toast').map((toast) => toast.querySelector('.toast-message')!.textContent);

describe('ToastProvider', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows at most two notices, newest first; "+N more" shows the others and "Show fewer" hides them again', () => {
    renderToasts();
    act(() => {
      for (const message of ['one', 'two', 'three', 'four']) show({ message, tone: 'error' });
    });
    expect(MAX_VISIBLE_TOASTS).toBe(2);
    expect(messages()).toEqual(['four', 'three']);
    const more = screen.getByTestId('toast-more');
    expect(more.textContent).toBe('+2 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(messages()).toEqual(['four', 'three', 'two', 'one']);
    expect(screen.getByTestId('toast-more').textContent).toBe('Show fewer');
    expect(screen.getByTestId('toast-more').getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByTestId('toast-more'));
    expect(messages()).toEqual(['four', 'three']);
  });

  it('keeps an error until it is dismissed and lets the others time out (an Undo longer)', () => {
    renderToasts();
    act(() => {
      show({ message: 'failed', tone: 'error' });
      show({ message: 'deleted', actionLabel: 'Undo', onAction: () => {} });
    });
    act(() => void vi.advanceTimersByTime(5_100));
    expect(messages()).toEqual(['deleted', 'failed']);
    act(() => void vi.advanceTimersByTime(5_000));
    expect(messages()).toEqual(['failed']);
    act(() => void vi.advanceTimersByTime(600_000));
    expect(messages()).toEqual(['failed']);
    act(() => show({ message: 'saved' }));
    act(() => void vi.advanceTimersByTime(5_100));
    expect(messages()).toEqual(['failed']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(messages()).toEqual([]);
  });

  it('an error is never pushed out by a burst of other notices', () => {
    renderToasts();
    act(() => {
      show({ message: 'failed', tone: 'error' });
      for (let i = 0; i < 30; i++) show({ message: `note ${i}` });
    });
    fireEvent.click(screen.getByTestId('toast-more'));
    expect(messages()).toContain('failed');
    expect(messages().length).toBeLessThanOrEqual(20);
  });

  it('nothing times out while the focus is on a notice; Escape there dismisses it', () => {
    renderToasts();
    act(() => show({ message: 'deleted', actionLabel: 'Undo', onAction: () => {} }));
    const undo = screen.getByTestId('toast-action');
    act(() => undo.focus());
    fireEvent.focus(undo);
    act(() => void vi.advanceTimersByTime(60_000));
    expect(messages()).toEqual(['deleted']);
    fireEvent.keyDown(undo, { key: 'Escape' });
    expect(messages()).toEqual([]);
  });

  it('announces each notice once through one live region; the notices themselves are not live regions', () => {
    renderToasts();
    act(() => show({ message: 'first' }));
    act(() => show({ message: 'second' }));
    const live = document.querySelectorAll('[aria-live], [role="status"], [role="alert"]');
    expect(live).toHaveLength(1);
    const announcer = screen.getByTestId('toast-announcer');
    expect(announcer.textContent).toBe('second');
    for (const toast of screen.getAllByTestId('toast')) expect(announcer.contains(toast)).toBe(false);
    // The newest leaving does not announce the older one again.
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss notification' })[0]!);
    expect(messages()).toEqual(['first']);
    expect(announcer.textContent).toBe('second');
  });
});

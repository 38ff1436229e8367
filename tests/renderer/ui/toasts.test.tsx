// @vitest-environment jsdom
// Notifications: at most two at once (newest first, the rest behind "+N more"), errors stay until dismissed, the
// others time out but not under the user's focus, Escape dismisses one, and each is announced once by one live
// region (the notices themselves are not live regions, so one leaving does not make the others read again).
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { Dialog } from '../../../src/renderer/ui/dialog';
import { FOLD_AFTER_LEAVING_MS, LIVE_REGION_SETTLE_MS, MAX_VISIBLE_TOASTS, ToastProvider, useToasts } from '../../../src/renderer/ui/toasts';
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

/** A live region newly in the page speaks once it has settled there. */
const settle = () => act(() => void vi.advanceTimersByTime(LIVE_REGION_SETTLE_MS));

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

  it('shown in full, the stack folds back to two once the pointer has left it (a slip off and back is forgiven)', () => {
    renderToasts();
    act(() => {
      for (const message of ['one', 'two', 'three']) show({ message, tone: 'error' });
    });
    const region = screen.getByTestId('toast-region');
    fireEvent.pointerEnter(region);
    fireEvent.click(screen.getByTestId('toast-more'));
    expect(messages()).toEqual(['three', 'two', 'one']);
    // Still over it: shown in full for as long as the user likes.
    act(() => void vi.advanceTimersByTime(60_000));
    expect(messages()).toHaveLength(3);
    fireEvent.pointerLeave(region);
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS - 1));
    fireEvent.pointerEnter(region);
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS));
    expect(messages()).toHaveLength(3);
    fireEvent.pointerLeave(region);
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS));
    expect(messages()).toEqual(['three', 'two']);
    expect(screen.getByTestId('toast-more').textContent).toBe('+1 more');
    expect(screen.getByTestId('toast-more').getAttribute('aria-expanded')).toBe('false');
    // One live region throughout, holding the newest notice.
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('shown in full with a click (the button keeps the focus), the stack still folds back once the pointer leaves it', () => {
    renderToasts();
    act(() => {
      for (const message of ['one', 'two', 'three']) show({ message, tone: 'error' });
    });
    const region = screen.getByTestId('toast-region');
    const more = screen.getByTestId('toast-more');
    fireEvent.pointerEnter(region);
    fireEvent.pointerDown(more);
    act(() => more.focus());
    fireEvent.click(more);
    expect(messages()).toHaveLength(3);
    fireEvent.pointerLeave(region);
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS));
    expect(messages()).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByTestId('toast-more'));
  });

  it('shown in full from the keyboard, the stack folds back to two once the focus has left it for the page', () => {
    renderToasts();
    act(() => {
      for (const message of ['one', 'two', 'three']) show({ message, tone: 'error' });
    });
    const more = screen.getByTestId('toast-more');
    act(() => more.focus());
    fireEvent.click(more);
    expect(messages()).toHaveLength(3);
    // Along the notices (Tab), then back to the page.
    const close = screen.getAllByRole('button', { name: 'Dismiss notification' })[0]!;
    act(() => close.focus());
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS * 2));
    expect(messages()).toHaveLength(3);
    act(() => screen.getByTestId('page-control').focus());
    act(() => void vi.advanceTimersByTime(FOLD_AFTER_LEAVING_MS));
    expect(messages()).toEqual(['three', 'two']);
    expect(screen.getByTestId('page-control')).toBe(document.activeElement);
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

  it('"Hide notifications" tucks the stack into "Notifications (N)": nothing times out there, a new notice is still announced, and the button brings every notice back', () => {
    renderToasts();
    settle();
    act(() => {
      show({ message: 'saved' });
      show({ message: 'failed', tone: 'error' });
    });
    act(() => void vi.advanceTimersByTime(3_000));
    fireEvent.click(screen.getByTestId('toast-hide'));
    expect(messages()).toEqual([]);
    const tucked = screen.getByTestId('toast-show');
    expect(tucked.textContent).toBe('Notifications (2)');
    expect(tucked).toBe(document.activeElement);
    // Tucked away for a minute: none timed out unseen.
    act(() => void vi.advanceTimersByTime(60_000));
    expect(screen.getByTestId('toast-show').textContent).toBe('Notifications (2)');
    fireEvent.click(screen.getByTestId('toast-show'));
    expect(messages()).toEqual(['failed', 'saved']);
    // The focus on the first notice's button (the one it was on is gone).
    expect(screen.getAllByRole('button', { name: 'Dismiss notification' })[0]).toBe(document.activeElement);
    // Held while the focus is on it, it times out as usual once the focus has left for the page.
    act(() => void vi.advanceTimersByTime(60_000));
    expect(messages()).toEqual(['failed', 'saved']);
    act(() => screen.getByTestId('page-control').focus());
    act(() => void vi.advanceTimersByTime(5_100));
    expect(messages()).toEqual(['failed']);
    // Tucked away again, a new notice is announced by the one live region and counted.
    act(() => show({ message: 'exported', tone: 'error' }));
    fireEvent.click(screen.getByTestId('toast-hide'));
    act(() => show({ message: 'copied', tone: 'error' }));
    expect(screen.getByTestId('toast-show').textContent).toBe('Notifications (3)');
    expect(screen.getByTestId('toast-announcer').textContent).toBe('copied');
    expect(document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).toHaveLength(1);
  });

  it('a single notice has no "Hide notifications" (it goes by its own close button)', () => {
    renderToasts();
    act(() => show({ message: 'failed', tone: 'error' }));
    expect(screen.queryByTestId('toast-hide')).toBeNull();
    act(() => show({ message: 'saved' }));
    expect(screen.getByTestId('toast-hide').textContent).toBe('Hide notifications');
  });

  it('announces each notice once through one live region; the notices themselves are not live regions', () => {
    renderToasts();
    settle();
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

  describe('while a modal dialog is open (the page around it is inert)', () => {
    let setOpen: (open: { outer: boolean; inner: boolean }) => void = () => {};
    const onClose = vi.fn();
    function WithDialogs() {
      const [open, set] = useState({ outer: false, inner: false });
      setOpen = set;
      return (
        <>
          <Dialog open={open.outer} title="Outer" onClose={onClose} testId="outer" footer={<button type="button" data-testid="outer-button">outer</button>}>
            <Dialog open={open.inner} title="Inner" onClose={onClose} testId="inner" footer={<button type="button">inner</button>}>
              inner body
            </Dialog>
          </Dialog>
        </>
      );
    }
    function renderWithDialogs() {
      render(
        <ToastProvider>
          <Grab />
          <WithDialogs />
        </ToastProvider>,
      );
    }
    const region = () => screen.getByTestId('toast-region');
    const announcers = () => screen.getAllByTestId('toast-announcer');
    const dialogOf = (element: Element) => element.closest('dialog')?.getAttribute('data-testid') ?? 'page';

    it('draws the stack and its one live region inside the topmost dialog, and back on the page when it closes, keeping every notice', () => {
      renderWithDialogs();
      act(() => show({ message: 'before', tone: 'error' }));
      expect(dialogOf(region())).toBe('page');
      act(() => setOpen({ outer: true, inner: false }));
      expect(dialogOf(region())).toBe('outer');
      act(() => show({ message: 'in outer', tone: 'error' }));
      act(() => setOpen({ outer: true, inner: true }));
      expect(dialogOf(region())).toBe('inner');
      settle();
      act(() => show({ message: 'in inner', tone: 'error' }));
      // Announced in the dialog, by the only live region (none left on the page, inert behind it, to read it twice).
      expect(announcers().map((a) => [dialogOf(a), a.textContent])).toEqual([['inner', 'in inner']]);
      act(() => setOpen({ outer: true, inner: false }));
      expect(dialogOf(region())).toBe('outer');
      expect(announcers().map(dialogOf)).toEqual(['outer']);
      act(() => setOpen({ outer: false, inner: false }));
      expect(dialogOf(region())).toBe('page');
      expect(announcers().map(dialogOf)).toEqual(['page']);
      expect(region().querySelectorAll('[data-testid="toast"]').length).toBe(2);
      expect(screen.getByTestId('toast-more').textContent).toBe('+1 more');
      fireEvent.click(screen.getByTestId('toast-more'));
      expect(messages()).toEqual(['in inner', 'in outer', 'before']);
    });

    it('a notice keeps its remaining time when the stack moves into a dialog and back (the time-out does not start again)', () => {
      renderWithDialogs();
      act(() => show({ message: 'saved' }));
      act(() => void vi.advanceTimersByTime(3_000));
      act(() => setOpen({ outer: true, inner: false }));
      expect(messages()).toEqual(['saved']);
      act(() => void vi.advanceTimersByTime(1_000));
      act(() => setOpen({ outer: false, inner: false }));
      act(() => void vi.advanceTimersByTime(900));
      expect(messages()).toEqual(['saved']);
      act(() => void vi.advanceTimersByTime(200));
      expect(messages()).toEqual([]);
    });

    it('a notice the user held starts its full time again when let go, also after the stack moved', () => {
      renderWithDialogs();
      act(() => show({ message: 'saved' }));
      act(() => void vi.advanceTimersByTime(4_000));
      fireEvent.pointerEnter(region());
      act(() => void vi.advanceTimersByTime(60_000));
      fireEvent.pointerLeave(region());
      act(() => void vi.advanceTimersByTime(4_900));
      expect(messages()).toEqual(['saved']);
      act(() => setOpen({ outer: true, inner: false }));
      act(() => void vi.advanceTimersByTime(200));
      expect(messages()).toEqual([]);
    });

    it('does not read a notice again when the stack moves, but reads one that came with the move', () => {
      renderWithDialogs();
      act(() => setOpen({ outer: true, inner: false }));
      act(() => show({ message: 'read in the dialog', tone: 'error' }));
      act(() => void vi.advanceTimersByTime(5_000));
      act(() => setOpen({ outer: false, inner: false }));
      settle();
      expect(announcers().map((a) => a.textContent)).toEqual(['']);
      act(() => setOpen({ outer: true, inner: false }));
      // Shown by the action that also closes the dialog: its live region goes, so the page's reads it, once it
      // has settled (one that speaks as it comes in may not be read).
      act(() => {
        show({ message: 'saved, dialog closed' });
        setOpen({ outer: false, inner: false });
      });
      expect(announcers().map((a) => a.textContent)).toEqual(['']);
      settle();
      expect(announcers().map((a) => a.textContent)).toEqual(['saved, dialog closed']);
    });

    it('Escape on a notice in a dialog dismisses the notice, not the dialog, and the focus goes back into the dialog', () => {
      renderWithDialogs();
      act(() => setOpen({ outer: true, inner: false }));
      act(() => show({ message: 'failed', tone: 'error' }));
      const origin = screen.getByTestId('outer-button');
      act(() => origin.focus());
      const close = screen.getByRole('button', { name: 'Dismiss notification' });
      act(() => close.focus());
      fireEvent.focus(close, { relatedTarget: origin });
      // fireEvent returns false when the default (the dialog's close request) was prevented.
      expect(fireEvent.keyDown(close, { key: 'Escape' })).toBe(false);
      expect(messages()).toEqual([]);
      act(() => void vi.advanceTimersByTime(50));
      expect(onClose).not.toHaveBeenCalled();
      expect(document.activeElement).toBe(origin);
    });
  });
});

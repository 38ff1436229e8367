import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useLanguage } from '../i18n/language';
import { useTopmostDialogSlot } from './dialog';

// Short notices at the bottom right, optionally with one action (Undo). At most MAX_VISIBLE_TOASTS show, newest
// first; the others wait behind a "+N more" button that shows them all. Errors stay until dismissed, the others
// time out (not while the pointer or the focus is on them). Each notice is announced once, by a live region of
// its own (the notices themselves are no live regions, so a notice leaving or moving up is not read again). The
// stack moves to the top (below the page header) when it would cover the focused control, and where neither the
// top nor the bottom is clear of it, it tucks away into one small "Notifications (N)" button: it never hides the
// focused control. "Hide notifications" tucks it away by hand (the content under it reachable with the mouse too);
// tucked away, nothing times out, and the button shows the notices again. Escape on a notice dismisses it. Shown in
// full ("+N more"), the stack folds back to two once the pointer and the focus have left it, so the extra notices do
// not stay over the page's controls. A notice drawn anew (the stack moved, folded or came back) keeps the time it
// had left. While a modal dialog is open the stack and its live region are drawn inside it (the page around it is
// inert): one live region at a time, so nothing is read twice.

export interface ToastOptions {
  message: string;
  tone?: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
  /** Milliseconds before it disappears; undo toasts stay longer; errors stay until dismissed. */
  durationMs?: number;
}

interface Toast extends ToastOptions {
  id: number;
}

interface Announcement extends Toast {
  /** Shown less than CARRIED_ANNOUNCEMENT_MS ago. */
  recent: boolean;
}

interface ToastApi {
  show(options: ToastOptions): void;
}

/** Notices shown at once; the others wait behind "+N more". */
export const MAX_VISIBLE_TOASTS = 2;
/** Notices kept at most (the oldest that can time out go first), so a burst cannot grow the list without end. */
const MAX_KEPT_TOASTS = 20;
const INFO_MS = 5_000;
const ACTION_MS = 10_000;
/**
 * A notice this recent is announced again when the stack moves between the page and a dialog: it came with the
 * action that opened or closed the dialog, and the live region it was put in has gone (or is inert). Older ones
 * were read where they came and are not read twice.
 */
const CARRIED_ANNOUNCEMENT_MS = 1_000;
/** How long a live region is in the page before it speaks: one that speaks as it comes in may not be read. */
export const LIVE_REGION_SETTLE_MS = 100;
/** How long after the pointer and the focus leave a stack shown in full it folds back (a slip off it is forgiven). */
export const FOLD_AFTER_LEAVING_MS = 600;
/** What a stack moved to the top stays below (the page header: its controls stay usable). */
const KEEP_CLEAR_OF_NOTICES = '[data-keep-clear-of-notices]';

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts() needs a <ToastProvider> above it');
  return api;
}

/** How long a notice stays, or null: until dismissed. */
export function toastLifetime(toast: ToastOptions): number | null {
  if (toast.durationMs !== undefined) return toast.durationMs;
  if (toast.tone === 'error') return null;
  return toast.actionLabel ? ACTION_MS : INFO_MS;
}

interface ToastItemProps {
  toast: Toast;
  held: boolean;
  /** Milliseconds left per notice whose time-out was cut short (the provider's, so it outlives this item). */
  timeLeft: Map<number, number>;
  onDismiss: (id: number) => void;
}

function ToastItem({ toast, held, timeLeft, onDismiss }: ToastItemProps) {
  const { t } = useLanguage();
  const lifetime = toastLifetime(toast);
  useEffect(() => {
    if (lifetime === null) return;
    // Held by the user: the full time again once let go.
    if (held) return void timeLeft.delete(toast.id);
    // Drawn anew (the stack moved between the page and a dialog, or was folded): the time it had left, not a new one.
    const left = timeLeft.get(toast.id) ?? lifetime;
    const started = Date.now();
    const timer = setTimeout(() => onDismiss(toast.id), left);
    return () => {
      clearTimeout(timer);
      timeLeft.set(toast.id, Math.max(0, left - (Date.now() - started)));
    };
  }, [toast.id, lifetime, held, timeLeft, onDismiss]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Not the dialog's Escape too: no default means no 'cancel' closing the dialog the notice sits in.
    event.preventDefault();
    event.stopPropagation();
    onDismiss(toast.id);
  };
  return (
    <div className="toast" data-tone={toast.tone ?? 'info'} data-testid="toast" onKeyDown={onKeyDown}>
      <span className="toast-message">{toast.message}</span>
      {toast.actionLabel && toast.onAction && (
        <button
          type="button"
          className="btn btn-sm"
          data-testid="toast-action"
          onClick={() => {
            onDismiss(toast.id);
            void toast.onAction?.();
          }}
        >
          {toast.actionLabel}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('shell.dismissNotification')} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

/** The stack's live region: drawn anew where the stack goes, it says nothing until it has settled there. */
function ToastAnnouncer({ announced }: { announced: Announcement | null }) {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), LIVE_REGION_SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="visually-hidden toast-announcer" role="status" aria-live="polite" data-testid="toast-announcer">
      {settled && announced && <span key={announced.id}>{announced.message}</span>}
    </div>
  );
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && b.width > 0;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useLanguage();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [expanded, setExpanded] = useState(false);
  // Pointer or focus on the stack: nothing times out under the user's hand (an Undo about to be pressed).
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // Where the stack's top is when it moved to the top (px from the window's top), or null: at the bottom.
  const [atTop, setAtTop] = useState<number | null>(null);
  // Tucked away into its "Notifications (N)" button: by hand ("Hide notifications"), or because neither the bottom nor
  // the top is clear of the focused control.
  const [hiddenByUser, setHiddenByUser] = useState(false);
  const [noRoom, setNoRoom] = useState(false);
  // The stack's size when last drawn in full: whether it would fit again is judged by it while it is tucked away.
  const fullSize = useRef({ width: 0, height: 0 });
  // The focus goes into the stack drawn anew (after "Notifications (N)" or "Hide notifications" from the keyboard).
  const focusAfterDraw = useRef<'notice' | 'tucked' | null>(null);
  // What the live region says: the newest notice, set when it comes (not when another goes).
  const [announced, setAnnounced] = useState<Announcement | null>(null);
  const announcedId = announced?.id;
  useEffect(() => {
    if (announcedId === undefined) return;
    const timer = setTimeout(() => setAnnounced((a) => (a?.id === announcedId ? { ...a, recent: false } : a)), CARRIED_ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [announcedId]);
  // Inside the topmost open modal dialog, or null: on the page.
  const host = useTopmostDialogSlot();
  const [drawnIn, setDrawnIn] = useState(host);
  if (drawnIn !== host) {
    setDrawnIn(host);
    // The stack is drawn anew there: the old one's pointer and focus went with it.
    setHovered(false);
    setFocused(false);
    if (announced && !announced.recent) setAnnounced(null);
  }
  const region = useRef<HTMLDivElement>(null);
  // Where the focus came from into the stack: it goes back there when the last notice goes.
  const focusOrigin = useRef<HTMLElement | null>(null);
  const nextId = useRef(1);
  const [timeLeft] = useState(() => new Map<number, number>());
  const dismiss = useCallback((id: number) => {
    // Focus on a notice that goes would fall to the page's start: it moves to the stack's next button instead.
    const root = region.current;
    const hadFocus = root?.contains(document.activeElement) ?? false;
    setToasts((list) => list.filter((toast) => toast.id !== id));
    if (hadFocus) {
      requestAnimationFrame(() => {
        const next = region.current?.querySelector<HTMLElement>('button') ?? (focusOrigin.current?.isConnected ? focusOrigin.current : null);
        if (next) next.focus();
        else setFocused(false);
      });
    }
  }, []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (options) => {
        const id = nextId.current++;
        setAnnounced({ ...options, id, recent: true });
        setToasts((list) => {
          const next = [...list, { ...options, id }];
          while (next.length > MAX_KEPT_TOASTS) {
            const oldest = next.findIndex((toast) => toastLifetime(toast) !== null);
            next.splice(oldest === -1 ? 0 : oldest, 1);
          }
          return next;
        });
      },
    }),
    [],
  );
  // Forget the time left of notices gone (after their items' clean-ups, which record it).
  useEffect(() => {
    for (const id of timeLeft.keys()) if (!toasts.some((toast) => toast.id === id)) timeLeft.delete(id);
  }, [toasts, timeLeft]);
  const newestFirst = useMemo(() => [...toasts].reverse(), [toasts]);
  const showAll = expanded || toasts.length <= MAX_VISIBLE_TOASTS;
  const shown = showAll ? newestFirst : newestFirst.slice(0, MAX_VISIBLE_TOASTS);
  const waiting = toasts.length - shown.length;
  // Back to two once no more wait: the next burst starts folded again.
  if (expanded && toasts.length <= MAX_VISIBLE_TOASTS) setExpanded(false);
  if (toasts.length === 0 && (hiddenByUser || noRoom)) {
    setHiddenByUser(false);
    setNoRoom(false);
  }
  const tucked = toasts.length > 0 && (hiddenByUser || noRoom);

  // Out of the focused control's way (as focus moves and the page scrolls): in full at the bottom right, else at the
  // top right below the page header (its controls stay in sight), else tucked away (its small button at the bottom,
  // or the top if the bottom covers the control).
  const place = useCallback(() => {
    const root = region.current;
    if (!root || root.childElementCount === 0) return;
    const isTucked = root.classList.contains('tucked');
    if (!isTucked) fullSize.current = { width: root.offsetWidth, height: root.getBoundingClientRect().height };
    const active = document.activeElement;
    if (!active || active === document.body || root.contains(active)) return;
    const control = active.getBoundingClientRect();
    const inset = parseFloat(getComputedStyle(root).right) || 0;
    const header = document.querySelector(KEEP_CLEAR_OF_NOTICES)?.getBoundingClientRect();
    const top = Math.max(inset, (header?.bottom ?? 0) + inset);
    const clearAt = (y: number | null, width: number, height: number) =>
      !overlaps(control, new DOMRect(window.innerWidth - inset - width, y ?? window.innerHeight - inset - height, width, height));
    const full = fullSize.current;
    const fullAt = clearAt(null, full.width, full.height) ? null : clearAt(top, full.width, full.height) ? top : undefined;
    // Shown in full ("+N more") it would fold once left anyway: folded first, placed again once drawn so.
    if (fullAt === undefined && root.classList.contains('expanded')) return void setExpanded(false);
    setNoRoom(fullAt === undefined);
    if (fullAt !== undefined && !isTucked) setAtTop(fullAt);
    // Tucked away (or about to come back in full, placed again once drawn): its button where it is clear.
    else setAtTop(clearAt(null, root.offsetWidth, root.getBoundingClientRect().height) ? null : top);
  }, []);
  useLayoutEffect(() => {
    if (toasts.length > 0) place();
  }, [toasts, expanded, host, tucked, place]);
  useLayoutEffect(() => {
    const want = focusAfterDraw.current;
    focusAfterDraw.current = null;
    if (want) region.current?.querySelector<HTMLElement>(want === 'tucked' ? '[data-testid="toast-show"]' : 'button')?.focus();
  }, [tucked]);
  useEffect(() => {
    document.addEventListener('focusin', place);
    document.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('focusin', place);
      document.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [place]);

  const held = hovered || focused;
  // Shown in full, it folds back once the user has been on it and left (the extra notices would cover the page). A
  // button clicked keeps the focus: after a click only the pointer counts, after a key the focus does.
  const [clicked, setClicked] = useState(false);
  const staysOpen = hovered || (focused && !clicked);
  const visited = useRef(false);
  useEffect(() => {
    if (!expanded) return void (visited.current = false);
    if (staysOpen) return void (visited.current = true);
    if (!visited.current) return;
    const timer = setTimeout(() => setExpanded(false), FOLD_AFTER_LEAVING_MS);
    return () => clearTimeout(timer);
  }, [staysOpen, expanded]);
  const stack = (
    <>
      <ToastAnnouncer announced={announced} />
      <div
        ref={region}
        className={['toast-region', atTop !== null && 'at-top', expanded && !tucked && 'expanded', tucked && 'tucked'].filter(Boolean).join(' ')}
        style={atTop === null ? undefined : ({ '--toast-top': `${atTop}px` } as CSSProperties)}
        data-testid="toast-region"
        onPointerEnter={() => setHovered(true)}
        onPointerLeave={() => setHovered(false)}
        onPointerDown={() => setClicked(true)}
        onKeyDown={() => setClicked(false)}
        onFocus={(event) => {
          if (!region.current?.contains(event.relatedTarget as Node | null)) focusOrigin.current = event.relatedTarget as HTMLElement | null;
          setFocused(true);
        }}
        onBlur={(event) => {
          if (region.current?.contains(event.relatedTarget as Node | null)) return;
          setFocused(false);
          setClicked(false);
        }}
      >
        {tucked ? (
          // Tucked away, its notices are not drawn: nothing times out unseen (each keeps the time it had left).
          <button
            type="button"
            className="btn btn-sm toast-show"
            data-testid="toast-show"
            onClick={() => {
              focusAfterDraw.current = 'notice';
              setHiddenByUser(false);
              setNoRoom(false);
            }}
          >
            {t('shell.showNotifications', { n: toasts.length })}
          </button>
        ) : (
          <>
            {shown.map((toast) => (
              <ToastItem key={toast.id} toast={toast} held={held} timeLeft={timeLeft} onDismiss={dismiss} />
            ))}
            {toasts.length > 1 && (
              <div className="toast-footer">
                {(waiting > 0 || (expanded && toasts.length > MAX_VISIBLE_TOASTS)) && (
                  <button type="button" className="btn btn-sm toast-more" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)} data-testid="toast-more">
                    {expanded ? t('shell.fewerNotifications') : t('shell.moreNotifications', { n: waiting })}
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-sm toast-hide"
                  data-testid="toast-hide"
                  onClick={() => {
                    focusAfterDraw.current = 'tucked';
                    setHiddenByUser(true);
                  }}
                >
                  {t('shell.hideNotifications')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      {host ? createPortal(stack, host) : stack}
    </ToastContext.Provider>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';

// A menu button (the WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens the menu on its first item,
// ArrowUp on its last; arrows, Home and End move; Escape closes and returns the focus to the button; Tab, a click
// outside or a choice closes it. The list is placed fixed under the button (above it near the window's foot), so a
// scrolling table around the button does not clip it.

export interface MenuChoice {
  label: string;
  onSelect: () => void | Promise<void>;
  testId?: string;
  /** An accessible name longer than the label (the label stays its start). */
  ariaLabel?: string;
  disabled?: boolean;
  danger?: boolean;
}

export interface MenuButtonProps {
  /** The button's accessible name (and the menu's). */
  label: string;
  /** What the button shows; the label when absent. */
  content?: ReactNode;
  /** A tooltip, for a button that shows only an icon. */
  tooltip?: string;
  choices: readonly MenuChoice[];
  testId?: string;
  className?: string;
  disabled?: boolean;
}

/** The menu's choices that can be chosen, in order. */
function enabledItems(root: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(root?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []);
}

export function MenuButton({ label, content, tooltip, choices, testId, className = 'btn btn-sm', disabled }: MenuButtonProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties>({});
  useLayoutEffect(() => {
    if (!open) return;
    // Fixed in the window: placed again when the page scrolls or the window changes, so it stays by its button.
    const placeList = () => {
      const at = button.current?.getBoundingClientRect();
      if (!at) return;
      const height = list.current?.offsetHeight ?? 0;
      const right = document.documentElement.clientWidth - at.right;
      setPlace(at.bottom + 4 + height > window.innerHeight && at.top - 4 - height >= 0 ? { right, bottom: window.innerHeight - at.top + 4 } : { right, top: at.bottom + 4 });
    };
    placeList();
    document.addEventListener('scroll', placeList, true);
    window.addEventListener('resize', placeList);
    return () => {
      document.removeEventListener('scroll', placeList, true);
      window.removeEventListener('resize', placeList);
    };
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    const enabled = enabledItems(root.current);
    (open === 'last' ? enabled[enabled.length - 1] : enabled[0])?.focus({ preventScroll: true });
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
  };
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const enabled = enabledItems(root.current);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown' ? (at + 1) % enabled.length
      : event.key === 'ArrowUp' ? (at + enabled.length - 1) % enabled.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? enabled.length - 1
      : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (next !== null) {
      event.preventDefault();
      enabled[next]?.focus();
    }
  };
  return (
    <div className="menu" ref={root} onBlur={(e) => !root.current?.contains(e.relatedTarget as Node) && setOpen(false)}>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={content === undefined ? undefined : label}
        title={tooltip}
        disabled={disabled}
        onClick={() => setOpen((o) => (o ? false : 'first'))}
        onKeyDown={onButtonKeyDown}
        data-testid={testId}
      >
        {content ?? label}
      </button>
      {open && (
        <div ref={list} className="menu-list" style={place} role="menu" id={`${id}-menu`} aria-label={label} onKeyDown={onMenuKeyDown}>
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={c.danger ? 'menu-item danger-text' : 'menu-item'}
              aria-label={c.ariaLabel}
              disabled={c.disabled}
              data-testid={c.testId}
              onClick={() => {
                close();
                void c.onSelect();
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

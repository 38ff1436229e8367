import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language';

// A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus returns afterwards.

// The page outside an open modal is inert (unseen by screen readers, out of the Tab order, under the backdrop), so
// notices are drawn inside the topmost open modal instead: each open one offers a slot, the last opened is on top.
const openSlots: HTMLElement[] = [];
const slotListeners = new Set<() => void>();
function setSlotOpen(slot: HTMLElement, open: boolean) {
  const at = openSlots.indexOf(slot);
  if (open === (at !== -1)) return;
  if (open) openSlots.push(slot);
  else openSlots.splice(at, 1);
  for (const listener of slotListeners) listener();
}
function subscribeSlots(listener: () => void) {
  slotListeners.add(listener);
  return () => void slotListeners.delete(listener);
}
const topmostSlot = () => openSlots[openSlots.length - 1] ?? null;

/** Where notices go while a modal dialog is open (inside the topmost one), or null: on the page. */
export function useTopmostDialogSlot(): HTMLElement | null {
  return useSyncExternalStore(subscribeSlots, topmostSlot, () => null);
}

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
  testId?: string;
}

export function Dialog({ open, title, onClose, children, footer, wide = false, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    const notices = slot.current;
    if (!notices) return;
    setSlotOpen(notices, open);
    return () => setSlotOpen(notices, false);
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
          </div>
          <div className="dialog-body">{children}</div>
          <div className="dialog-footer">{footer}</div>
        </>
      )}
      <div ref={slot} className="dialog-notices" data-testid="dialog-notices" />
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

export function ConfirmDialog({ open, title, message, confirmLabel, tone = 'primary', onConfirm, onCancel, testId = 'confirm-dialog' }: ConfirmDialogProps) {
  const { t } = useLanguage();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      testId={testId}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid="confirm-cancel" autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={tone === 'danger' ? 'btn btn-danger' : 'btn btn-primary'} onClick={onConfirm} data-testid="confirm-ok">
            {confirmLabel}
          </button>
        </>
      }
    >
      {message}
    </Dialog>
  );
}

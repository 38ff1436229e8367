import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/language';

// Short notices at the bottom right, announced to screen readers, optionally with one action (Undo).

export interface ToastOptions {
  message: string;
  tone?: 'info' | 'error';
  actionLabel?: string;
  onAction?: () => void | Promise<void>;
  /** Milliseconds before it disappears; undo toasts stay longer. */
  durationMs?: number;
}

interface Toast extends ToastOptions {
  id: number;
}

interface ToastApi {
  show(options: ToastOptions): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts() needs a <ToastProvider> above it');
  return api;
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const { t } = useLanguage();
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), toast.durationMs ?? (toast.actionLabel ? 10_000 : 5_000));
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className="toast" role="status" data-tone={toast.tone ?? 'info'} data-testid="toast">
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

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (options) => {
        const id = nextId.current++;
        setToasts((list) => [...list.slice(-3), { ...options, id }]);
      },
    }),
    [],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toast-region" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

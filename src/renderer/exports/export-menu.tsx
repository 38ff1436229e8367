import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DataTable } from '../../report/data-table';
import { useExports } from './export-context';
import { DownloadIcon } from '../ui/icons';
import { useLanguage } from '../i18n/language';

// A small "Export" disclosure: a button that shows a list of formats. Keyboard: Enter/Space opens, arrows move,
// Escape closes and returns focus to the button; a choice closes the list.

export interface ExportChoice {
  label: string;
  onSelect: () => void | Promise<void>;
  testId?: string;
}

export function ExportMenu({ label, choices, testId }: { label: string; choices: readonly ExportChoice[]; testId?: string }) {
  const { t } = useLanguage();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    const items = Array.from(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  return (
    <div className="export-menu" ref={root} onKeyDown={onKeyDown} onBlur={(e) => !root.current?.contains(e.relatedTarget as Node) && setOpen(false)}>
      <button
        ref={button}
        type="button"
        className="btn btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        <DownloadIcon />
        {t('shell.export')}
      </button>
      {open && (
        <div className="export-menu-list" role="menu" id={`${id}-menu`} aria-label={label}>
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              role="menuitem"
              className="export-menu-item"
              data-testid={c.testId}
              onClick={() => {
                setOpen(false);
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

/** The export menu of one results table (CSV, XLSX); nothing outside a model screen. */
export function TableExport({ table, testId }: { table: () => DataTable; testId: string }) {
  const exports = useExports();
  const { t } = useLanguage();
  if (!exports) return null;
  return (
    <ExportMenu
      label={t('shell.exportTable', { title: table().title })}
      testId={testId}
      choices={[
        { label: t('shell.tableCsv'), onSelect: () => exports.exportCsv(table()), testId: `${testId}-csv` },
        { label: t('shell.tableXlsx'), onSelect: () => exports.exportXlsx([table()], table().title), testId: `${testId}-xlsx` },
      ]}
    />
  );
}

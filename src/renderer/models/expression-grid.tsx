import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useLanguage } from '../i18n/language';
import { modelField } from './structure-fields';

// A spreadsheet-like grid of expression cells (the transition matrix, state values): one cell in the tab order,
// arrow keys / Home / End move between cells, Enter (or F2, or typing) edits, Enter commits, Escape cancels,
// Tab commits and leaves. Each cell shows its expression and computed value, and a located problem under it.

export interface GridCell {
  /** The expression as written ('' when the cell is empty). */
  text: string;
  /** Its base-case value, when known. */
  value: number | null;
  /** Shown as the cell's value when it is computed differently (e.g. the complement). */
  note?: string;
  error?: string;
}

export interface ExpressionGridProps {
  label: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  cell: (row: string, column: string) => GridCell;
  /** Words for screen readers: "Transition from A to B". */
  cellName: (row: string, column: string) => string;
  onCommit: (row: string, column: string, text: string) => void;
  readOnly: boolean;
  /** A last, read-only column per row (the row-sum indicator). */
  trailing?: { label: string; render: (row: string) => ReactNode };
  testId: string;
  formatValue: (x: number) => string;
}

export function ExpressionGrid({ label, rows, columns, cell, cellName, onCommit, readOnly, trailing, testId, formatValue }: ExpressionGridProps) {
  const { t } = useLanguage();
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [editing, setEditingState] = useState<{ draft: string } | null>(null);
  // The latest edit, read by commit (a blur after Enter must not commit twice).
  const editingRef = useRef<{ draft: string } | null>(null);
  const setEditing = (next: { draft: string } | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const table = useRef<HTMLTableElement>(null);
  const focusAfterRender = useRef(false);
  const r = Math.min(active[0], rows.length - 1);
  const c = Math.min(active[1], columns.length - 1);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    table.current?.querySelector<HTMLElement>(editing ? 'input' : `[data-cell="${r}:${c}"]`)?.focus();
  });

  const move = (dr: number, dc: number, to?: [number, number]) => {
    const next: [number, number] = to ?? [Math.max(0, Math.min(rows.length - 1, r + dr)), Math.max(0, Math.min(columns.length - 1, c + dc))];
    focusAfterRender.current = true;
    setActive(next);
  };
  const startEdit = (initial?: string) => {
    if (readOnly) return;
    focusAfterRender.current = true;
    setEditing({ draft: initial ?? cell(rows[r]!.key, columns[c]!.key).text });
  };
  const commit = (refocus: boolean) => {
    const current = editingRef.current;
    if (!current) return;
    editingRef.current = null;
    const before = cell(rows[r]!.key, columns[c]!.key).text;
    if (current.draft.trim() !== before.trim()) onCommit(rows[r]!.key, columns[c]!.key, current.draft);
    focusAfterRender.current = refocus;
    setEditing(null);
  };
  const onCellKey = (event: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowUp: () => move(-1, 0),
      ArrowDown: () => move(1, 0),
      ArrowLeft: () => move(0, -1),
      ArrowRight: () => move(0, 1),
      Home: () => move(0, 0, [event.ctrlKey ? 0 : r, 0]),
      End: () => move(0, 0, [event.ctrlKey ? rows.length - 1 : r, columns.length - 1]),
      Enter: () => startEdit(),
      F2: () => startEdit(),
      Delete: () => !readOnly && cell(rows[r]!.key, columns[c]!.key).text !== '' && onCommit(rows[r]!.key, columns[c]!.key, ''),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing over a cell starts editing it with that character, as in a spreadsheet.
      event.preventDefault();
      startEdit(event.key);
    }
  };
  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      editingRef.current = null;
      focusAfterRender.current = true;
      setEditing(null);
    }
  };

  return (
    <div className="grid-scroll">
      <table className="table expression-grid" role="grid" aria-label={label} ref={table} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{t('structure.col.from')}</span></th>
            {columns.map((col) => <th key={col.key} scope="col">{col.label}</th>)}
            {trailing && <th scope="col">{trailing.label}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((col, j) => {
                const value = cell(row.key, col.key);
                const isActive = i === r && j === c;
                const name = cellName(row.key, col.key);
                const valueText = value.note ?? (value.value === null ? '' : formatValue(value.value));
                return (
                  <td
                    key={col.key}
                    role="gridcell"
                    tabIndex={isActive && !editing ? 0 : -1}
                    data-cell={`${i}:${j}`}
                    data-testid={`${testId}-cell-${row.key}-${col.key}`}
                    aria-label={`${value.text === '' ? t('structure.cellEmpty', { name }) : t('structure.cellText', { name, text: value.text })}${valueText && valueText !== value.text ? t('structure.cellValue', { value: valueText }) : ''}${value.error ? t('structure.cellProblem', { problem: value.error }) : ''}`}
                    aria-invalid={value.error ? true : undefined}
                    className={`grid-cell${value.error ? ' has-error' : ''}${value.text === '' ? ' empty-cell' : ''}`}
                    onClick={() => {
                      if (!isActive) move(0, 0, [i, j]);
                    }}
                    onDoubleClick={() => startEdit()}
                    onKeyDown={isActive && !editing ? onCellKey : undefined}
                  >
                    {isActive && editing ? (
                      <input
                        className="input grid-input"
                        aria-label={name}
                        value={editing.draft}
                        {...modelField(editing.draft !== value.text)}
                        onChange={(e) => setEditing({ draft: e.target.value })}
                        onKeyDown={onInputKey}
                        onBlur={() => commit(false)}
                        data-testid={`${testId}-input`}
                      />
                    ) : (
                      <>
                        {/* Spaces between the (block) pieces: the text a cell shows is read as words, as its name says them. */}
                        <span className="cell-expression">{value.text || '·'}</span>
                        {valueText && valueText !== value.text && <> <span className="cell-value">{valueText}</span></>}
                        {value.error && <> <span className="cell-error" aria-hidden="true">{value.error}</span></>}
                      </>
                    )}
                  </td>
                );
              })}
              {trailing && <td className="grid-trailing">{trailing.render(row.key)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

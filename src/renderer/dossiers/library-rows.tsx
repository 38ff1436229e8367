import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DossierSummary } from '../../dossier/library-query';
import { routeHash } from '../app/routes';
import { StatusBadge } from './status-badge';
import { useLanguage } from '../i18n/language';
import { When } from '../ui/when';
import { MenuButton } from '../ui/menu-button';
import { MoreIcon } from '../ui/icons';

// The library's rows, virtualised (@tanstack/react-virtual): only the rows in view, plus a margin, are in the
// page, whatever the number of dossiers. The page itself scrolls (.app-content), so the table keeps its place in
// the layout. Tab moves through the rendered rows (the browser scrolls the focused one into view, which renders
// the next ones); ArrowUp/ArrowDown/Home/End on a dossier's link move to the neighbouring dossier.

/** First guess of a row's height in pixels; each rendered row is measured. */
const ESTIMATED_ROW_HEIGHT = 57;
/** Rows rendered beyond each edge of the view. */
const OVERSCAN_ROWS = 8;
/** Rows rendered while the scroller has no size yet (first paint, or no layout at all as in jsdom). */
const ROWS_WITHOUT_LAYOUT = 20;

export interface LibraryRowsProps {
  rows: readonly DossierSummary[];
  /** The element that scrolls the page (.app-content), or null before it is known. */
  scroller: HTMLElement | null;
  /** False while the scroller has no size (first paint, or no layout at all as in jsdom). */
  hasLayout: boolean;
  readOnly: boolean;
  /** Below 1280 px: no indication and progress columns (the indication goes under the title). */
  narrow: boolean;
  /** Below 1680 px: Export and a menu of the other actions, so the title keeps the row's width. */
  compactActions: boolean;
  onExport: (row: DossierSummary) => void;
  onDuplicate: (row: DossierSummary) => void;
  onArchive: (row: DossierSummary) => void;
  onDelete: (row: DossierSummary) => void;
}

/** The tbody's distance from the top of the scrolling content (what lies above the list in the same scroller). */
function offsetWithin(element: HTMLElement, scroller: HTMLElement): number {
  return Math.round(element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
}

/** Where the list started last time: the first render after a search that emptied the list starts from it. */
let lastScrollMargin = 0;

export function LibraryRows({ rows, scroller, hasLayout, readOnly, narrow, compactActions, onExport, onDuplicate, onArchive, onDelete }: LibraryRowsProps) {
  const { t } = useLanguage();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(lastScrollMargin);
  // Where the list starts inside the scroller moves when the filter bar wraps: measure again on resize.
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current;
      if (!body || !scroller) return;
      lastScrollMargin = offsetWithin(body, scroller);
      setScrollMargin(lastScrollMargin);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [rows, scroller]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own state
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    scrollMargin,
    getItemKey: (index) => rows[index]!.id,
  });
  const items = hasLayout
    ? virtualizer.getVirtualItems()
    : rows.slice(0, ROWS_WITHOUT_LAYOUT).map((row, index) => ({ index, key: row.id, start: scrollMargin + index * ESTIMATED_ROW_HEIGHT, end: scrollMargin + (index + 1) * ESTIMATED_ROW_HEIGHT }));
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start - scrollMargin : 0;
  const paddingBottom = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;
  const columns = narrow ? 4 : 6;

  /** Scrolls a row into view and focuses its link once it is rendered. */
  const focusRow = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      let frames = 0;
      const tryFocus = () => {
        const link = bodyRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] [data-testid="open-dossier"]`);
        if (link) link.focus();
        else if ((frames += 1) < 10) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (target.dataset.testid !== 'open-dossier') return;
    const index = Number(target.closest('tr')?.dataset.index);
    if (!Number.isInteger(index)) return;
    const next =
      event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? rows.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    focusRow(Math.min(rows.length - 1, Math.max(0, next)));
  };

  return (
    <tbody ref={bodyRef} onKeyDown={onKeyDown}>
      {paddingTop > 0 && <Spacer height={paddingTop} columns={columns} />}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <tr
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            aria-rowindex={item.index + 2}
            className={row.archived ? 'is-archived' : undefined}
            data-testid="library-row"
            data-dossier-id={row.id}
          >
            <td className="title-cell">
              <a href={routeHash({ page: 'dossier', dossierId: row.id, section: 'overview' })} data-testid="open-dossier" data-user-content>{row.title}</a>
              <div className="subtle">
                <span className="type-label">{t(`report.technology.${row.technologyType}`)}</span>
                {row.technologyName && <span data-user-content>{` · ${row.technologyName}`}</span>}
                {narrow && row.indication && <span data-user-content> · {row.indication}</span>}
              </div>
            </td>
            {!narrow && <td className="indication-cell"><div className="clamp" data-user-content>{row.indication || <span className="subtle">—</span>}</div></td>}
            <td className="nowrap">
              <StatusBadge status={row.status} /> {row.archived && <span className="badge badge-archived">{t('library.archived')}</span>}
            </td>
            {!narrow && (
              <td className="nowrap">
                <Progress done={row.completion.done} total={row.completion.total} />
              </td>
            )}
            <td className="nowrap"><When iso={row.updatedAt} dayOnly /></td>
            <td className="actions">
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => onExport(row)} aria-label={t('library.exportNamed', { title: row.title })} data-testid="export-dossier">{t('library.export')}</button>
              {compactActions ? (
                // Below 1680 px the other actions wait in a menu, so the title keeps the row's width.
                <MenuButton
                  label={t('library.moreActionsNamed', { title: row.title })}
                  content={<MoreIcon />}
                  tooltip={t('library.moreActions')}
                  className="btn btn-sm btn-ghost btn-icon"
                  disabled={readOnly}
                  testId="more-dossier-actions"
                  choices={[
                    { label: t('library.duplicate'), onSelect: () => onDuplicate(row), testId: 'duplicate-dossier' },
                    { label: row.archived ? t('library.unarchive') : t('library.archive'), onSelect: () => onArchive(row), testId: 'archive-dossier' },
                    { label: t('library.delete'), onSelect: () => onDelete(row), testId: 'delete-dossier', danger: true },
                  ]}
                />
              ) : (
                <>
                  <button type="button" className="btn btn-sm btn-ghost" disabled={readOnly} onClick={() => onDuplicate(row)} aria-label={t('library.duplicateNamed', { title: row.title })} data-testid="duplicate-dossier">{t('library.duplicate')}</button>
                  <button type="button" className="btn btn-sm btn-ghost" disabled={readOnly} onClick={() => onArchive(row)} aria-label={t(row.archived ? 'library.unarchiveNamed' : 'library.archiveNamed', { title: row.title })} data-testid="archive-dossier">
                    {row.archived ? t('library.unarchive') : t('library.archive')}
                  </button>
                  <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={readOnly} onClick={() => onDelete(row)} aria-label={t('library.deleteNamed', { title: row.title })} data-testid="delete-dossier">{t('library.delete')}</button>
                </>
              )}
            </td>
          </tr>
        );
      })}
      {paddingBottom > 0 && <Spacer height={paddingBottom} columns={columns} />}
    </tbody>
  );
}

/** Stands in for the rows above or below the rendered ones, so the scrollbar matches the whole list. */
/** Stands for the rows not drawn; spans exactly the columns drawn (a wider span adds empty columns to the table). */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="virtual-spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useLanguage();
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <span className="progress" title={t('library.progressTitle', { done, total })} aria-label={t('library.progressLabel', { done, total })}>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="progress-label">{done}/{total}</span>
    </span>
  );
}

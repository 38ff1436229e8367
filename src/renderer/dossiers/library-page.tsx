import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { distinctIndications, queryLibrary } from '../../dossier/library-query';
import type { ArchivedFilter, DossierSummary, ListQuery, SortKey } from '../../dossier/library-query';
import { dossierStatuses, technologyTypes } from '../../dossier/schema';
import type { DossierStatus, TechnologyType } from '../../dossier/schema';
import { useMenuCommand } from '../app/menu-commands';
import { ConfirmDialog } from '../ui/dialog';
import { SelectField, TextField } from '../ui/fields';
import { ArrowIcon, DownloadIcon, PlusIcon, UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { LibraryRows } from './library-rows';
import { NewDossierDialog } from './new-dossier-dialog';
import { RecentlyDeletedCard } from './recently-deleted-card';
import { SafetyBackupsCard } from './safety-backups-card';
import { DELETED_RETENTION_DAYS } from '../db/start-up';
import type { FileActions } from './use-file-actions';
import { useReadOnlyReason, useWorkspace } from './workspace-context';
import { useLanguage } from '../i18n/language';
import { countText } from './count-text';
import { errorText } from '../db/errors';
import { COMPACT_ROW_ACTIONS_WINDOW, NARROW_WINDOW, useMediaQuery } from '../ui/use-media-query';

// The dossier library: search, filter, sort and act on dossiers. The summaries are a live query (they follow
// every change, in this tab or another, including undo); search and filters run over them in memory, debounced
// while typing, and only the rows in view are rendered (2,000 dossiers stay quick).

/** Keys typed within this many milliseconds of the previous one wait until typing pauses this long. */
export const SEARCH_DEBOUNCE_MS = 150;
/** When a key was typed; replaceable so a test can type "quickly" whatever the machine's load. */
export const typingClock = { now: (): number => performance.now() };

interface Filters {
  search: string;
  status: DossierStatus | 'all';
  technologyType: TechnologyType | 'all';
  indication: string;
  archived: ArchivedFilter;
  sort: SortKey;
  direction: 'asc' | 'desc';
}

const initialFilters: Filters = { search: '', status: 'all', technologyType: 'all', indication: '', archived: 'exclude', sort: 'updated', direction: 'desc' };

/** The workspace query for the filter bar's state. */
export function listQueryFor(filters: Filters): ListQuery {
  return {
    search: filters.search,
    status: filters.status === 'all' ? undefined : filters.status,
    technologyType: filters.technologyType === 'all' ? undefined : filters.technologyType,
    indication: filters.indication || undefined,
    archived: filters.archived,
    sort: filters.sort,
    direction: filters.direction,
  };
}

export function LibraryPage({ files, onOpen }: { files: FileActions; onOpen: (id: string) => void }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const { t, fmt } = useLanguage();
  // Below 1280 px the indication and progress columns are not drawn (the indication goes under the title).
  const narrow = useMediaQuery(NARROW_WINDOW);
  // Below 1680 px a row's other actions wait in a menu beside Export (four buttons would squeeze the title).
  const compactActions = useMediaQuery(COMPACT_ROW_ACTIONS_WINDOW);
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [searchInput, setSearchInput] = useState('');
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<DossierSummary | null>(null);
  const indicationListId = useId();
  const items = useLiveQuery(() => workspace.searchableSummaries(), [workspace]);
  const rows = useMemo(() => (items === undefined ? undefined : queryLibrary(items, listQueryFor(filters))), [items, filters]);
  const indications = useMemo(() => distinctIndications((items ?? []).map((i) => i.summary)), [items]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  // The first key after a pause searches at once; keys typed in quick succession are debounced, so a search
  // runs when typing pauses, not on every letter.
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastKeyAt = useRef(Number.NEGATIVE_INFINITY);
  const stopSearchTimer = () => {
    if (searchTimer.current !== null) clearTimeout(searchTimer.current);
    searchTimer.current = null;
  };
  useEffect(() => stopSearchTimer, []);
  const onSearchInput = (value: string) => {
    setSearchInput(value);
    const now = typingClock.now();
    const typingOn = now - lastKeyAt.current < SEARCH_DEBOUNCE_MS;
    lastKeyAt.current = now;
    stopSearchTimer();
    if (typingOn) searchTimer.current = setTimeout(() => set({ search: value }), SEARCH_DEBOUNCE_MS);
    else set({ search: value });
  };
  const clearFilters = () => {
    stopSearchTimer();
    setSearchInput('');
    setFilters(initialFilters);
  };
  const readOnly = useReadOnlyReason(workspace) !== null;
  // The page's scroller, found once the page is mounted (it stays mounted while searches empty and refill the list).
  const pageRef = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<{ element: HTMLElement | null; hasLayout: boolean }>({ element: null, hasLayout: false });
  useLayoutEffect(() => {
    const find = () => {
      const element = pageRef.current?.closest<HTMLElement>('.app-content') ?? null;
      const hasLayout = element !== null && element.clientHeight > 0;
      setScroller((s) => (s.element === element && s.hasLayout === hasLayout ? s : { element, hasLayout }));
    };
    find();
    window.addEventListener('resize', find);
    return () => window.removeEventListener('resize', find);
  }, []);
  useMenuCommand((command) => {
    if (command !== 'new-dossier' || readOnly) return false;
    setCreating(true);
    return true;
  });

  const act = async (action: () => Promise<unknown>, failure: string) => {
    try {
      await action();
    } catch (error) {
      toasts.show({ tone: 'error', message: t('shell.failure', { action: failure, message: errorText(error, t) }) });
    }
  };

  const sortBy = (key: SortKey) =>
    setFilters((f) => ({ ...f, sort: key, direction: f.sort === key ? (f.direction === 'asc' ? 'desc' : 'asc') : key === 'updated' ? 'desc' : 'asc' }));
  const ariaSort = (key: SortKey) => (filters.sort === key ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none');
  const sortHeader = (key: SortKey, label: string) => (
    <th aria-sort={ariaSort(key)}>
      <button type="button" className="sort-button" onClick={() => sortBy(key)} data-testid={`sort-${key}`}>
        {label}
        <ArrowIcon direction={filters.sort === key ? (filters.direction === 'asc' ? 'up' : 'down') : 'none'} />
      </button>
    </th>
  );

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (!target) return;
    await act(async () => {
      const receipt = await workspace.delete(target.id);
      toasts.show({
        message: t('library.deleted', { title: receipt.title }),
        actionLabel: t('library.undo'),
        onAction: () => act(() => workspace.undoDelete(receipt.undoToken), t('library.undoFailed')),
      });
    }, t('library.deleteFailed'));
  };

  const filtered = searchInput !== '' || filters.search !== '' || filters.status !== 'all' || filters.technologyType !== 'all' || filters.indication !== '' || filters.archived !== 'exclude';

  return (
    <div className="page" data-testid="library-page" ref={pageRef}>
      <div className="page-header">
        <div className="page-title">
          <h1>{t('nav.library')}</h1>
          <p>{t('library.intro')}</p>
        </div>
        <div className="btn-group">
          <button type="button" className="btn" onClick={() => void files.backupWorkspace()} data-testid="backup-workspace">
            <DownloadIcon /> {t('library.backup')}
          </button>
          <button type="button" className="btn" onClick={files.restoreWorkspace} disabled={readOnly} data-testid="restore-workspace">
            {t('library.restore')}
          </button>
          <button type="button" className="btn" onClick={() => void files.importDossier()} disabled={readOnly} data-testid="import-dossier">
            <UploadIcon /> {t('library.import')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={readOnly} data-testid="new-dossier">
            <PlusIcon /> {t('library.new')}
          </button>
        </div>
      </div>

      <section className="card" aria-label={t('library.dossiers')}>
        <div className="toolbar" role="search">
          <TextField className="grow" label={t('library.search')} placeholder={t('library.searchPlaceholder')} value={searchInput} testId="library-search" onChange={onSearchInput} />
          <SelectField<DossierStatus | 'all'>
            label={t('library.status')}
            value={filters.status}
            testId="filter-status"
            options={[{ value: 'all', label: t('library.allStatuses') }, ...dossierStatuses.map((s) => ({ value: s, label: t(`report.status.${s}`) }))]}
            onChange={(status) => set({ status })}
          />
          <SelectField<TechnologyType | 'all'>
            label={t('library.technologyType')}
            value={filters.technologyType}
            testId="filter-technology"
            options={[{ value: 'all', label: t('library.allTypes') }, ...technologyTypes.map((type) => ({ value: type, label: t(`report.technology.${type}`) }))]}
            onChange={(technologyType) => set({ technologyType })}
          />
          <div className="field">
            <label className="field-label" htmlFor={`${indicationListId}-input`}>{t('library.indication')}</label>
            <input
              id={`${indicationListId}-input`}
              className="input"
              list={indicationListId}
              value={filters.indication}
              placeholder={t('library.anyIndication')}
              data-testid="filter-indication"
              onChange={(event) => set({ indication: event.target.value })}
            />
            <datalist id={indicationListId}>
              {indications.map((indication) => <option key={indication} value={indication} />)}
            </datalist>
          </div>
          <SelectField<ArchivedFilter>
            label={t('library.archived')}
            value={filters.archived}
            testId="filter-archived"
            options={[{ value: 'exclude', label: t('library.hideArchived') }, { value: 'include', label: t('library.showArchived') }, { value: 'only', label: t('library.onlyArchived') }]}
            onChange={(archived) => set({ archived })}
          />
          {filtered && (
            <button type="button" className="btn btn-ghost" onClick={clearFilters}>{t('library.clearFilters')}</button>
          )}
        </div>
        {rows === undefined ? (
          <p className="empty">{t('common.loading')}</p>
        ) : rows.length === 0 ? (
          <div className="empty" data-testid="library-empty">
            <p>{filtered ? t('library.noMatch') : t('library.empty')}</p>
            {filtered ? (
              <button type="button" className="btn" onClick={clearFilters}>{t('library.clearFilters')}</button>
            ) : (
              <div className="btn-group">
                <button type="button" className="btn btn-primary" disabled={readOnly} onClick={() => setCreating(true)}>{t('library.new')}</button>
                <button type="button" className="btn" disabled={readOnly} onClick={() => void files.importDossier()}>{t('library.import')}</button>
              </div>
            )}
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table table-fixed" data-testid="library-table" aria-rowcount={rows.length + 1}>
              <colgroup>
                <col />
                {!narrow && <col className="w-indication" />}
                <col className="w-status" />
                {!narrow && <col className="w-progress" />}
                <col className="w-date" />
                <col className={compactActions ? 'w-library-actions-compact' : 'w-library-actions'} />
              </colgroup>
              <thead>
                <tr aria-rowindex={1}>
                  {sortHeader('title', t('library.dossier'))}
                  {!narrow && <th>{t('library.indication')}</th>}
                  {sortHeader('status', t('library.status'))}
                  {!narrow && <th>{t('library.progress')}</th>}
                  {sortHeader('updated', t('library.lastChanged'))}
                  <th className="actions"><span className="visually-hidden">{t('library.actions')}</span></th>
                </tr>
              </thead>
              <LibraryRows
                rows={rows}
                scroller={scroller.element}
                hasLayout={scroller.hasLayout}
                readOnly={readOnly}
                narrow={narrow}
                compactActions={compactActions}
                onExport={(row) => void files.exportDossier(row.id)}
                onDuplicate={(row) => void act(() => workspace.duplicate(row.id, { copySuffix: t('common.copySuffix') }), t('library.duplicateFailed'))}
                onArchive={(row) => void act(() => workspace.setArchived(row.id, !row.archived), t('library.archiveFailed'))}
                onDelete={setDeleting}
              />
            </table>
          </div>
        )}
        {rows !== undefined && rows.length > 0 && (
          <div className="table-footer subtle" data-testid="library-count">{countText(t, fmt, 'library.n.dossier', rows.length)}</div>
        )}
      </section>

      <RecentlyDeletedCard readOnly={readOnly} onOpen={onOpen} />

      <SafetyBackupsCard files={files} readOnly={readOnly} />

      <NewDossierDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={async (options) => {
          const dossier = await workspace.create(options);
          setCreating(false);
          onOpen(dossier.id);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('library.deleteTitle')}
        message={
          <p>{t('library.deleteMessage', { title: deleting?.title ?? '', days: DELETED_RETENTION_DAYS })}</p>
        }
        confirmLabel={t('library.deleteConfirm')}
        testId="delete-dialog"
        tone="danger"
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
      />
    </div>
  );
}

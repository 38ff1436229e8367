import type { DataTable } from '../../report/data-table';
import { useExports } from './export-context';
import { DownloadIcon } from '../ui/icons';
import { useLanguage } from '../i18n/language';
import { MenuButton } from '../ui/menu-button';
import type { MenuChoice } from '../ui/menu-button';

// A small "Export" menu button: a list of formats (keyboard as every menu button, ui/menu-button.tsx).

export type ExportChoice = Pick<MenuChoice, 'label' | 'onSelect' | 'testId'>;

export function ExportMenu({ label, choices, testId }: { label: string; choices: readonly ExportChoice[]; testId?: string }) {
  const { t } = useLanguage();
  return (
    <MenuButton
      label={label}
      testId={testId}
      choices={choices}
      content={
        <>
          <DownloadIcon />
          {t('shell.export')}
        </>
      }
    />
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

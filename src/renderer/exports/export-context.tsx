import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { appInfo } from '../../dossier/app-info';
import { exportFileName } from '../../report/export-names';
import type { DataTable } from '../../report/data-table';
import { tableToCsv } from '../../report/table-csv';
import { usePlatform } from '../platform/platform-context';
import { useToasts } from '../ui/toasts';
import { useLanguage } from '../i18n/language';
import { errorText } from '../db/errors';

// What exports need to know on a model screen: the model's title (file names say model, analysis and date), the
// provenance lines written above exported tables, and how to save a file (the platform's save dialog or download).

type FileContent = string | Uint8Array<ArrayBuffer>;

export interface ExportApi {
  fileName(analysis: string, extension: string): string;
  /** Makes the content (when given a function), saves it and says where (toast); failures are told, never thrown. */
  save(fileName: string, content: FileContent | (() => FileContent | Promise<FileContent>), mimeType: string): Promise<void>;
  exportCsv(table: DataTable, analysis?: string): Promise<void>;
  exportXlsx(tables: readonly DataTable[], analysis: string): Promise<void>;
}

const ExportContext = createContext<ExportApi | null>(null);

/** The exports of the model screen above, or null outside one (charts then show no export menu). */
export function useExports(): ExportApi | null {
  return useContext(ExportContext);
}

export const mimeTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml',
  png: 'image/png',
  json: 'application/json',
} as const;

export function ExportProvider({ modelTitle, provenance, children }: { modelTitle: string; provenance: string[]; children: ReactNode }) {
  const platform = usePlatform();
  const toasts = useToasts();
  const { t } = useLanguage();
  const api = useMemo<ExportApi>(() => {
    const fileName = (analysis: string, extension: string) => exportFileName(modelTitle, analysis, new Date(), extension);
    const save = async (name: string, produce: FileContent | (() => FileContent | Promise<FileContent>), mimeType: string) => {
      try {
        const content = typeof produce === 'function' ? await produce() : produce;
        const extension = name.slice(name.lastIndexOf('.') + 1);
        const outcome = await platform.saveFile({ suggestedName: name, content, mimeType, fileTypes: [{ name: extension.toUpperCase(), extensions: [extension] }] });
        if (outcome.saved) toasts.show({ message: t(outcome.via === 'download' ? 'library.file.downloaded' : 'library.file.saved', { location: outcome.location }) });
      } catch (error) {
        toasts.show({ tone: 'error', message: t('shell.failure', { action: t('library.file.exportFailed'), message: errorText(error, t) }) });
      }
    };
    return {
      fileName,
      save,
      exportCsv: (table, analysis) => save(fileName(analysis ?? table.title, 'csv'), tableToCsv(table), mimeTypes.csv),
      exportXlsx: (tables, analysis) =>
        save(
          fileName(analysis, 'xlsx'),
          async () => {
            // exceljs is large: load it when the first workbook is written.
            const { tablesToXlsx } = await import('../../report/table-xlsx');
            return (await tablesToXlsx(tables, { provenance, creator: `${appInfo.name} ${appInfo.version}`, created: new Date() })) as Uint8Array<ArrayBuffer>;
          },
          mimeTypes.xlsx,
        ),
    };
  }, [modelTitle, provenance, platform, toasts, t]);
  return <ExportContext.Provider value={api}>{children}</ExportContext.Provider>;
}

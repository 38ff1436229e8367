// One report document in one file format, for the app and the command line alike (the app loads this module only
// when it exports, so the Word and Excel libraries stay out of its first bundle). PDF is not here: it is the HTML
// printed by Chromium or Electron.
import type { ReportDocument } from './document';
import { renderDocx } from './docx/render-docx';
import type { Rasterise } from './docx/render-docx';
import type { ReportInput } from './report-input';
import { renderStandaloneHtml } from './html/render-html';
import { workbookContent } from './xlsx/workbook-content';
import { writeXlsx } from './xlsx/write-xlsx';

export const fileFormats = ['html', 'docx', 'xlsx'] as const;
export type FileFormat = (typeof fileFormats)[number];

export const formatInfo: Record<FileFormat | 'pdf', { extension: string; mimeType: string; name: string }> = {
  html: { extension: 'html', mimeType: 'text/html', name: 'HTML report' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', name: 'PDF report' },
  docx: { extension: 'docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', name: 'Word document' },
  xlsx: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: 'Excel workbook' },
};

export interface ExportOptions {
  /** SVG → PNG for Word figures (resvg on the command line, a canvas in the app). */
  rasterise?: Rasterise;
}

/** The report file's bytes (HTML as UTF-8). */
export async function exportReport(input: ReportInput, doc: ReportDocument, format: FileFormat, options: ExportOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderStandaloneHtml(doc));
    case 'docx':
      return renderDocx(doc, { rasterise: options.rasterise });
    case 'xlsx':
      return writeXlsx(workbookContent(input, doc), { title: doc.title, createdAt: doc.generatedAt });
  }
}

// Writes SheetSpecs as an .xlsx file with exceljs. The one module that knows the library (another writer can
// replace it here alone): bold header rows, frozen header, filters on single-table sheets, column widths and number
// formats. Values arrive already safe (numbers as numbers, text neutralised by safeCell).
import ExcelJS from 'exceljs';
import { NUMBER_FORMATS } from './workbook-content';
import type { SheetSpec } from './workbook-content';

export interface XlsxMeta {
  title: string;
  createdAt: string;
}

export async function writeXlsx(sheets: readonly SheetSpec[], meta: XlsxMeta): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HTA Workbench';
  workbook.title = meta.title;
  const created = new Date(meta.createdAt);
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    const widths: number[] = [];
    let rowIndex = 1;
    spec.blocks.forEach((block, b) => {
      if (b > 0) rowIndex += 1;
      if (block.title) {
        const title = sheet.getRow(rowIndex++);
        title.getCell(1).value = block.title;
        title.font = { bold: true, size: 12 };
      }
      const header = sheet.getRow(rowIndex++);
      block.columns.forEach((c, i) => {
        header.getCell(i + 1).value = c.header;
        widths[i] = Math.max(widths[i] ?? 0, c.width);
      });
      header.font = { bold: true };
      header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE4ECF4' } };
      if (spec.blocks.length === 1 && !block.title) sheet.views = [{ state: 'frozen', ySplit: rowIndex - 1 }];
      const first = rowIndex;
      for (const values of block.rows) {
        const row = sheet.getRow(rowIndex++);
        values.forEach((v, i) => {
          if (v === null) return;
          const cell = row.getCell(i + 1);
          cell.value = v;
          const format = block.columns[i]?.format;
          if (typeof v === 'number' && format) cell.numFmt = NUMBER_FORMATS[format];
        });
      }
      if (spec.blocks.length === 1 && block.rows.length > 0) {
        sheet.autoFilter = { from: { row: first - 1, column: 1 }, to: { row: rowIndex - 1, column: block.columns.length } };
      }
    });
    widths.forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

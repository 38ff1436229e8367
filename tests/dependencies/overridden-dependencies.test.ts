// package.json `overrides` give exceljs a maintained unzipper (0.12: no unlicensed `buffers`, no binary / chainsaw /
// fstream / rimraf 2 chain) and docx a nanoid that supports Node 20 (docx inlines its own copy; the package is only
// declared). These tests show both libraries still do their job: every exceljs path that reaches the overridden
// unzipper (the streaming reader), the in-memory round trip, and a docx document.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, HeadingLevel } from 'docx';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hta-deps-'));
const rows: Array<[string, number, number]> = [
  ['Tissue-only', 61234.5, 1.2345],
  ['Plasma-first', 64987.25, 1.3012],
];

function fillSheet(sheet: ExcelJS.Worksheet): void {
  sheet.addRow(['Strategy', 'Cost', 'QALYs']);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(2).numFmt = '#,##0.00';
}

describe('exceljs with the overridden zip libraries', () => {
  it('writes a workbook with the streaming writer (archiver 5) and reads it back with the streaming reader (unzipper 0.12)', async () => {
    const file = join(dir, 'stream.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    const sheet = writer.addWorksheet('Results');
    fillSheet(sheet);
    sheet.commit();
    await writer.commit();
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    const read: unknown[][] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const worksheet of reader) {
      for await (const row of worksheet) read.push((row.values as unknown[]).slice(1));
    }
    expect(read).toEqual([['Strategy', 'Cost', 'QALYs'], ...rows]);
  });

  it('round-trips a workbook in memory (writeBuffer, load) with numeric cells and formats', async () => {
    const book = new ExcelJS.Workbook();
    fillSheet(book.addWorksheet('Results'));
    const buffer = await book.xlsx.writeBuffer();
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(buffer);
    const sheet = again.getWorksheet('Results')!;
    expect(sheet.getCell('B2').value).toBe(61234.5);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C3').value).toBe(1.3012);
  });
});

describe('docx with nanoid 5', () => {
  it('packs a document with headings, a table and text into a .docx', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ text: 'Cost-effectiveness', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun({ text: 'ICER ', bold: true }), new TextRun('6,275.96 per life-year')] }),
          new Table({ rows: rows.map(([name, cost]) => new TableRow({ children: [new TableCell({ children: [new Paragraph(name)] }), new TableCell({ children: [new Paragraph(String(cost))] })] })) }),
        ],
      }],
    });
    const buffer = await Packer.toBuffer(doc);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(buffer.includes(Buffer.from('word/document.xml'))).toBe(true);
  });
});

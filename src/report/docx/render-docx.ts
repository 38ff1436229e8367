// ReportDocument → Word (.docx) with the docx library: real heading styles (Heading 1–3, so Word's navigation pane
// and table of contents work), a table of contents field, tables with a repeating header row and rows that do not
// split, figures as PNG at print resolution (300 dpi at 16 cm) with their data table after them, A4 pages with a
// running header and "Page n of N". Turning SVG into PNG needs a rasteriser the caller provides (resvg in Node,
// a canvas in the browser); without one a figure keeps its data table and a note.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TabStopType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { introduces } from '../document';
import type { Block, Figure, ReportDocument, Section, Table } from '../document';
import { translator } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

/** SVG → PNG bytes at the given pixel width (null when it cannot be done here). */
export type Rasterise = (svg: string, widthPx: number) => Promise<Uint8Array | null>;

export interface DocxOptions {
  rasterise?: Rasterise;
}

type BodyPart = Paragraph | DocxTable | TableOfContents;

const FONT = 'Arial';
/** A4 with 17 mm side margins: 210 − 34 = 176 mm of text width, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 964, top: 1134, bottom: 1021 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Figures are 16 cm wide; at 96 px per inch (the docx unit) that is 605 px; rasterised at 300 dpi. */
const FIGURE_WIDTH_PX = Math.round((16 / 2.54) * 96);
const FIGURE_RASTER_PX = Math.round((16 / 2.54) * 300);
const ACCENT = '1F5F8B';

function run(text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text, font: FONT, ...options });
}

function cellParagraph(text: string, align: 'left' | 'right', bold: boolean): Paragraph {
  return new Paragraph({ alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { before: 20, after: 20 }, children: [run(text, { size: 16, bold })] });
}

function columnWidths(t: Table): number[] {
  const weights = t.widths && t.widths.length === t.header.length ? t.widths : t.header.map((_, i) => (i === 0 ? 2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: 'CBD2D9' };

function tableBlock(t: Table, captionPrefix = ''): BodyPart[] {
  const widths = columnWidths(t);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map(
      (h, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E4ECF4' }, children: [cellParagraph(h, t.align[i] ?? 'left', true)] }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              ...(r.tone === 'warning' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4E5' } } : r.tone === 'strong' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F5F7FA' } } : {}),
              children: [cellParagraph(c, t.align[i] ?? 'left', r.tone === 'strong')],
            }),
        ),
      }),
  );
  const caption = new Paragraph({ style: 'Caption', keepNext: true, keepLines: true, children: [run(`${captionPrefix}${t.label}. `, { bold: true }), run(t.caption)] });
  const table = new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
  const notes = (t.notes ?? []).map((n) => new Paragraph({ style: 'Note', children: [run(n)] }));
  return [caption, table, ...notes, new Paragraph({ spacing: { after: 80 }, children: [] })];
}

async function figureBlock(f: Figure, rasterise: Rasterise | undefined, t: Translate): Promise<BodyPart[]> {
  const png = rasterise ? await rasterise(f.chart.svg, FIGURE_RASTER_PX) : null;
  const height = Math.round((FIGURE_WIDTH_PX * f.chart.height) / f.chart.width);
  const picture = png
    ? new Paragraph({
        keepNext: true,
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type: 'png', data: png, transformation: { width: FIGURE_WIDTH_PX, height }, altText: { name: f.id, title: f.caption, description: f.chart.alt } })],
      })
    : new Paragraph({ style: 'Note', keepNext: true, children: [run(t('reportDocument.noImage', { alt: f.chart.alt }))] });
  const caption = new Paragraph({ style: 'Caption', children: [run(`${f.label}. `, { bold: true }), run(f.caption)] });
  return [picture, caption, ...tableBlock(f.data)];
}

async function blockParts(b: Block, next: Block | undefined, rasterise: Rasterise | undefined, t: Translate): Promise<BodyPart[]> {
  switch (b.kind) {
    case 'paragraph': {
      // An intro stays on the page of the table or chart it introduces, as in the PDF.
      const keep = introduces(next) ? { keepNext: true, keepLines: true } : {};
      return [new Paragraph({ style: b.role === 'note' ? 'Note' : undefined, ...keep, children: [run(b.text)] })];
    }
    case 'notice':
      return [
        new Paragraph({
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: b.tone === 'warning' ? 'FFF4E5' : 'F0F4F8' },
          border: { left: { style: BorderStyle.SINGLE, size: 24, color: b.tone === 'warning' ? 'B44D12' : ACCENT, space: 6 } },
          spacing: { before: 120, after: 120 },
          children: [run(b.text)],
        }),
      ];
    case 'list':
      return b.items.map((item) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [run(item)] }));
    case 'table':
      return tableBlock(b);
    case 'figure':
      return figureBlock(b, rasterise, t);
  }
}

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

async function sectionParts(s: Section, rasterise: Rasterise | undefined, t: Translate): Promise<BodyPart[]> {
  // Each main section starts a page; the number sits on a tab stop, as Word's own numbered headings do.
  const heading = new Paragraph({ heading: headingLevels[s.level - 1], pageBreakBefore: s.level === 1, tabStops: [{ type: TabStopType.LEFT, position: 680 }], children: [run(`${s.number}\t${s.title}`)] });
  const parts: BodyPart[] = [heading];
  for (const [i, b] of s.blocks.entries()) parts.push(...(await blockParts(b, s.blocks[i + 1], rasterise, t)));
  for (const c of s.children) parts.push(...(await sectionParts(c, rasterise, t)));
  return parts;
}

function titlePage(doc: ReportDocument): BodyPart[] {
  const info = new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [Math.round(TEXT_WIDTH * 0.25), Math.round(TEXT_WIDTH * 0.75)],
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: doc.info.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F5F7FA' }, children: [cellParagraph(r.label, 'left', true)] }),
            new TableCell({ children: [cellParagraph(r.value, 'left', false)] }),
          ],
        }),
    ),
  });
  return [
    new Paragraph({ spacing: { before: 1200 }, children: [run(doc.subtitle.toUpperCase(), { color: ACCENT, size: 20, bold: true })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(doc.title)] }),
    ...(doc.confidentiality ? [new Paragraph({ spacing: { after: 240 }, children: [run(doc.confidentiality, { bold: true, color: '9B1C1C' })] })] : []),
    info,
    new Paragraph({ pageBreakBefore: true, style: 'TocHeading', children: [run(translator(doc.locale)('report.contents'))] }),
    new TableOfContents(translator(doc.locale)('report.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

/** "Page 3 of 40" in the report's language, with Word's page fields where the numbers go. */
function pageOfPages(t: Translate): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  const [before, between, after] = t('reportDocument.pageOf', { page: '\u0000', pages: '\u0000' }).split('\u0000') as [string, string, string];
  return [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after].filter((x) => x !== '');
}

export async function renderDocx(doc: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const body: BodyPart[] = [...titlePage(doc)];
  for (const s of doc.sections) body.push(...(await sectionParts(s, options.rasterise, translator(doc.locale))));
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [run(doc.runningHeader.length > 90 ? `${doc.runningHeader.slice(0, 89)}…` : doc.runningHeader, { size: 15, color: '52606D' }), run(doc.confidentiality ? `\t${doc.confidentiality}` : '', { size: 15, bold: true, color: '9B1C1C' })],
      }),
    ],
  });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ font: FONT, size: 16, color: '52606D', children: pageOfPages(translator(doc.locale)) })] })],
  });
  const document = new Document({
    creator: 'HTA Workbench',
    title: doc.title,
    description: doc.subtitle,
    features: { updateFields: true },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }] }],
    },
    styles: {
      default: {
        document: { run: { font: FONT, size: 19, color: '1F2933' }, paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 44, bold: true, color: '102A43' }, paragraph: { spacing: { after: 240, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '102A43' }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 0, after: 160 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: '102A43' }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 280, after: 100 } } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: '102A43' }, paragraph: { keepNext: true, keepLines: true, spacing: { before: 220, after: 80 } } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 17, color: '1F2933' }, paragraph: { keepNext: true, spacing: { before: 120, after: 60 } } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 16, color: '3E4C59' }, paragraph: { spacing: { after: 80 } } },
        { id: 'TocHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 30, bold: true, color: '102A43' }, paragraph: { spacing: { after: 160 } } },
      ],
    },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin } } },
        headers: { default: header, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        footers: { default: footer, first: footer },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

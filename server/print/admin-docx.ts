/**
 * Building blocks of the centre's administrative documents as DOCX, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I)
 * prescribes: A4, Times New Roman, margins 20/20/30/20 mm, the organ's name over a 6 cm column at the top left and
 * the national heading over 10 cm at the top right, each with its rule beneath, the place and date in italics under
 * the motto. The handover record and the reminder letter are both built from these; this is the only module that
 * imports "docx".
 */
import {
  AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';

export type { Paragraph, Table, TextRun };

export const FONT = 'Times New Roman';
export const SIZE = 28; // half-points: 14 pt body, as most Vietnamese administrative documents (13–14 allowed)
export const BLANK = '…………………………';
export const CM = 567; // twips

// Widths in twips. The text area is 21 − 3 − 2 = 16 cm: 6 cm for the organ, 10 cm for the national heading, whose
// 12 pt bold line measures 8.8 cm in Times New Roman / Liberation Serif and so stays on one line with the cell margins.
export const LEFT_COL = 6 * CM;
export const RIGHT_COL = 10 * CM;
export const TEXT_WIDTH = LEFT_COL + RIGHT_COL;
export const CELL_MARGIN = 108; // Word's default left and right cell margin
// Rules: as long as the motto (13 pt bold: 5.6 cm); a third to a half of the organ's line; the same under the title.
const MOTTO_RULE = 5.6 * CM;
const ORGAN_RULE = 2.2 * CM;
export const TITLE_RULE = 3 * CM;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };
export const run = (text: string, o: RunStyle = {}) => new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

export interface ParaOptions { center?: boolean; left?: boolean; after?: number; before?: number; indent?: boolean; keepNext?: boolean }
export const para = (children: TextRun[] | string, o: ParaOptions = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.left ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 240 },
    indent: o.indent ? { firstLine: CM } : undefined,
    keepNext: o.keepNext,
    keepLines: true,
    children: typeof children === 'string' ? [run(children)] : children,
  });

/** A centred horizontal rule `length` twips long in a column `width` twips wide: an empty paragraph's top border. */
export const rule = (width: number, length: number, after = 120) => {
  const side = Math.max(0, Math.round((width - 2 * CELL_MARGIN - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after, line: 240 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 4 })],
  });
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** Two borderless fixed-width columns on one row that never splits over a page. */
export function twoColumns(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  const cell = (w: number, children: Paragraph[]) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(widths[0], left), cell(widths[1], right)] })],
  });
}

/**
 * The heading of every document the centre issues: its name and number on the left (and, for a công văn, the
 * "V/v …" summary under the number), the national heading, motto and place-and-date line on the right.
 */
export function documentHeading(h: { organName: string; numberLine: string; placeName: string; date: string; subject?: string }): Table {
  return twoColumns(
    [LEFT_COL, RIGHT_COL],
    [
      para([run(h.organName.toUpperCase(), { bold: true, size: 24 })], { center: true, after: 0 }),
      rule(LEFT_COL, ORGAN_RULE),
      para([run(h.numberLine, { size: 26 })], { center: true, after: h.subject ? 60 : 120 }),
      ...(h.subject ? [para([run(h.subject, { size: 24 })], { center: true })] : []),
    ],
    [
      para([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], { center: true, after: 0 }),
      para([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })], { center: true, after: 0 }),
      rule(RIGHT_COL, MOTTO_RULE),
      para([run(`${h.placeName}, ${documentDate(h.date)}`, { italics: true })], { center: true }),
    ],
  );
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A ruled table with a bold header row repeated on every page; rows never split over a page. */
export function gridTable(columns: { header: string; width: number; center?: boolean }[], rows: string[][]): Table {
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columns[i].width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [para([run(text, { bold: header, size: 24 })], { center: header || columns[i].center, left: !header && !columns[i].center, after: 0 })],
    });
  return new Table({
    width: { size: columns.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

/** A4 with Nghị định 30's margins; each section starts on a new page (a batch of letters prints as one job). */
export async function packDocument(meta: { creator: string; title: string }, sections: (Paragraph | Table)[][]): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: sections.map((children) => ({
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      children,
    })),
  });
  return Packer.toBuffer(doc);
}

/** Staff type free text with or without a final full stop; the document adds its own punctuation. */
export const bare = (s: string) => s.trim().replace(/[.;:,\s]+$/u, '');

/** "ngày 05 tháng 02 năm 2026": Nghị định 30 writes days below 10 and the months 1 and 2 with a leading zero. */
export function documentDate(day: string): string {
  const d = Number(day.slice(8, 10));
  const m = Number(day.slice(5, 7));
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${day.slice(0, 4)}`;
}

/**
 * The địa danh of a centre's documents from its name (Nghị định 30, Phụ lục I): the province ("… tỉnh Hưng Yên" →
 * "Hưng Yên"); a centrally-run city keeps its name as written ("Hà Nội", "Thành phố Hồ Chí Minh").
 */
export function placeNameOf(centreName: string): string {
  const m = /(?:^|\s)(tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(centreName.trim());
  if (!m) return centreName.trim();
  return /^hồ chí minh$/iu.test(m[2]) ? `Thành phố ${m[2]}` : m[2];
}

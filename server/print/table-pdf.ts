/**
 * A titled A4 list as PDF: the organisation top left, the print date top right, a bold title, then a ruled table
 * whose header repeats on every page; rows wrap inside their cells and never split over a page.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { A4, MM, createPrintDoc, drawLine, numberPages, savePdf, wrap, type Align } from './pdf.js';

export interface TableColumn { header: string; /** mm */ width: number; align?: Align }
/** A row of cells, or a heading across the whole table (a shelf, a box). */
export type TableRow = { cells: string[] } | { heading: string };

export interface TableSpec {
  organ: string;
  /** dd/mm/yyyy */
  printedOn: string;
  title: string;
  subtitle: string[];
  columns: TableColumn[];
  rows: TableRow[];
  /** Lines after the table (totals). */
  footer: string[];
  landscape?: boolean;
}

const MARGIN = { left: 15 * MM, right: 15 * MM, top: 15 * MM, bottom: 18 * MM };
const SIZE = 8.5;
const LEADING = SIZE * 1.3;
const PAD = 1.5 * MM;
const GREY = rgb(0.9, 0.9, 0.9);
const LINE = rgb(0, 0, 0);

export async function tablePdf(spec: TableSpec): Promise<Buffer> {
  const p = await createPrintDoc({ title: spec.title, author: spec.organ });
  const { regular, bold } = p.fonts;
  const [pw, ph] = spec.landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  const widths = spec.columns.map((c) => c.width * MM);
  const tableWidth = widths.reduce((a, w) => a + w, 0);
  const left = MARGIN.left + Math.max(0, (pw - MARGIN.left - MARGIN.right - tableWidth) / 2);

  let page!: PDFPage;
  let y = 0;
  const aligns = spec.columns.map((c) => c.align ?? 'left');
  const linesOf = (texts: string[], ws: number[], font: PDFFont) => texts.map((t, i) => wrap(t, font, SIZE, ws[i] - 2 * PAD));
  const heightOf = (cells: string[][]) => Math.max(1, ...cells.map((l) => l.length)) * LEADING + 2 * PAD;

  const drawRow = (cells: string[][], ws: number[], al: Align[], font: PDFFont, fill: boolean) => {
    const h = heightOf(cells);
    if (fill) page.drawRectangle({ x: left, y: y - h, width: tableWidth, height: h, color: GREY });
    let x = left;
    cells.forEach((lines, i) => {
      page.drawRectangle({ x, y: y - h, width: ws[i], height: h, borderColor: LINE, borderWidth: 0.5 });
      lines.forEach((line, k) => {
        const baseline = y - PAD - (k + 1) * LEADING + (LEADING - SIZE) / 2 + SIZE * 0.15;
        drawLine(page, line, { x: x + PAD, y: baseline, width: ws[i] - 2 * PAD, font, size: SIZE, align: al[i] });
      });
      x += ws[i];
    });
    y -= h;
  };
  const header = linesOf(spec.columns.map((c) => c.header), widths, bold);
  const headerAligns = spec.columns.map((): Align => 'center');
  const newPage = (withHeader: boolean) => {
    page = p.doc.addPage([pw, ph]);
    y = ph - MARGIN.top;
    if (withHeader) drawRow(header, widths, headerAligns, bold, true);
  };

  // First page: the organisation and print date, the title, then the table.
  newPage(false);
  const textWidth = pw - MARGIN.left - MARGIN.right;
  const half = textWidth / 2;
  const organLines = wrap(spec.organ.toUpperCase(), bold, 10, half);
  organLines.forEach((l, k) => drawLine(page, l, { x: MARGIN.left, y: y - (k + 1) * 12, width: half, font: bold, size: 10, align: 'center' }));
  drawLine(page, `In ngày ${spec.printedOn}`, { x: MARGIN.left + half, y: y - 12, width: half, font: regular, size: 9, align: 'right' });
  y -= organLines.length * 12 + 8 * MM;
  const centred = (text: string, font: PDFFont, size: number) => {
    for (const l of wrap(text, font, size, textWidth)) {
      y -= size * 1.25;
      drawLine(page, l, { x: MARGIN.left, y, width: textWidth, font, size, align: 'center' });
    }
  };
  centred(spec.title, bold, 14);
  for (const s of spec.subtitle) centred(s, regular, 10);
  y -= 5 * MM;
  drawRow(header, widths, headerAligns, bold, true);

  for (const row of spec.rows) {
    const heading = 'heading' in row;
    const ws = heading ? [tableWidth] : widths;
    const cells = heading ? linesOf([row.heading], ws, bold) : linesOf(row.cells, ws, regular);
    if (y - heightOf(cells) < MARGIN.bottom) newPage(true);
    drawRow(cells, ws, heading ? ['left'] : aligns, heading ? bold : regular, heading);
  }
  for (const f of spec.footer) {
    const lines = wrap(f, regular, 10, tableWidth);
    if (y - lines.length * 13 - 4 < MARGIN.bottom) newPage(false);
    y -= 4;
    for (const l of lines) {
      y -= 13;
      drawLine(page, l, { x: left, y, width: tableWidth, font: regular, size: 10 });
    }
  }
  numberPages(p);
  return savePdf(p);
}

/**
 * Box labels (nhãn hộp) on A4: six to a page, 2 × 3, each 95 × 90 mm with a thin cut line. A label carries the
 * centre, the fonds, the inventory number, the box number in large type, the first and last file in it, the years
 * and the box code as a barcode (Code 128, or QR for a code with Vietnamese letters) with the code beneath it.
 */
import { rgb } from 'pdf-lib';
import { drawBarcode } from '../print/barcode.js';
import { A4, MM, createPrintDoc, drawLine, drawWrapped, savePdf } from '../print/pdf.js';
import type { BoxForPrint } from './print.repository.js';

const COLS = 2;
const ROWS = 3;
const W = 95 * MM;
const H = 90 * MM;
const LEFT = (A4.width - COLS * W) / 2;
const TOP = A4.height - (A4.height - ROWS * H) / 2;
const PAD = 5 * MM;

export const fondsLine = (b: Pick<BoxForPrint, 'fondsCode' | 'fondsName' | 'agencyName'>) =>
  b.fondsName ? `${b.fondsCode ? `${b.fondsCode} — ` : ''}${b.fondsName}` : b.agencyName ? `Phông ${b.agencyName}` : '—';

export const years = (from: number | null, to: number | null) => (to === null ? '—' : from === null || from === to ? String(to) : `${from} - ${to}`);

export async function boxLabelsPdf(organ: string, boxes: BoxForPrint[]): Promise<Buffer> {
  const p = await createPrintDoc({ title: 'Nhãn hộp', author: organ });
  const { regular, bold } = p.fonts;
  let page = p.doc.addPage([A4.width, A4.height]);
  boxes.forEach((b, i) => {
    const slot = i % (COLS * ROWS);
    if (i > 0 && slot === 0) page = p.doc.addPage([A4.width, A4.height]);
    const x = LEFT + (slot % COLS) * W;
    const top = TOP - Math.floor(slot / COLS) * H;
    page.drawRectangle({ x, y: top - H, width: W, height: H, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.4, borderDashArray: [3, 2] });
    const inner = { x: x + PAD, width: W - 2 * PAD };
    let y = drawWrapped(page, organ.toUpperCase(), { ...inner, y: top - PAD, font: bold, size: 8, align: 'center', maxLines: 2 });
    y = drawWrapped(page, `Phông: ${fondsLine(b)}`, { ...inner, y: y - 2 * MM, font: regular, size: 9, maxLines: 2 });
    y = drawWrapped(page, `Mục lục số: ${b.inventoryNo ?? '—'}`, { ...inner, y, font: regular, size: 9 });
    drawLine(page, 'Hộp số', { ...inner, y: y - 5 * MM, font: bold, size: 11, align: 'center' });
    drawLine(page, b.boxNo ?? '—', { ...inner, y: y - 17 * MM, font: bold, size: 30, align: 'center' });
    y -= 20 * MM;
    y = drawWrapped(page, `Từ hồ sơ số: ${b.firstNotation ?? '—'}`, { ...inner, y, font: regular, size: 9 });
    y = drawWrapped(page, `Đến hồ sơ số: ${b.lastNotation ?? '—'} (${b.files} hồ sơ)`, { ...inner, y, font: regular, size: 9 });
    drawWrapped(page, `Thời gian: ${years(b.fromYear, b.toYear)}`, { ...inner, y, font: regular, size: 9 });
    drawBarcode(page, b.code, { x: inner.x, y: top - H + PAD + 4 * MM, width: inner.width, height: 12 * MM });
    drawLine(page, b.code, { ...inner, y: top - H + PAD, font: regular, size: 8, align: 'center' });
  });
  return savePdf(p);
}

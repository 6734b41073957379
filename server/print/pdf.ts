/**
 * The one owner of printable PDFs (labels, lists): A4 pages with DejaVu Sans embedded (subset), which covers every
 * Vietnamese letter, so a print shop or another computer shows the same text and pdftotext gets it back exactly.
 * The font comes from the system package fonts-dejavu-core; it is read on first use, not at start-up.
 * (ocr/export builds searchable scans with pdf-lib on its own: a different job, an invisible text layer.)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { ERRORS } from '../core/errors.js';

export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM } as const;

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts'];
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let fontBytes: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

async function findFont(file: string): Promise<Buffer> {
  for (const dir of FONT_DIRS) {
    try {
      return await fs.readFile(path.join(dir, file));
    } catch { /* next */ }
  }
  throw ERRORS.printFontMissing(file);
}

function loadFonts() {
  fontBytes ??= Promise.all([findFont(FONT_FILES.regular), findFont(FONT_FILES.bold)])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((err) => {
      fontBytes = null; // an install while running is picked up by the next print
      throw err;
    });
  return fontBytes;
}

export interface Fonts { regular: PDFFont; bold: PDFFont }
export interface PrintDoc { doc: PDFDocument; fonts: Fonts }

export async function createPrintDoc(meta: { title: string; author: string }): Promise<PrintDoc> {
  const bytes = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setLanguage('vi-VN');
  const [regular, bold] = await Promise.all([doc.embedFont(bytes.regular, { subset: true }), doc.embedFont(bytes.bold, { subset: true })]);
  return { doc, fonts: { regular, bold } };
}

export async function savePdf(p: PrintDoc): Promise<Buffer> {
  return Buffer.from(await p.doc.save());
}

/** Lines of `text` no wider than `width` at `size`: breaks at spaces, and inside a word only when it alone is too wide. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let n = rest.length - 1;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export type Align = 'left' | 'center' | 'right';

/** One line of text at (x, baseline y) in a `width` wide slot. */
export function drawLine(page: PDFPage, text: string, o: { x: number; y: number; width: number; font: PDFFont; size: number; align?: Align }) {
  const w = o.font.widthOfTextAtSize(text, o.size);
  const x = o.align === 'center' ? o.x + (o.width - w) / 2 : o.align === 'right' ? o.x + o.width - w : o.x;
  page.drawText(text, { x, y: o.y, size: o.size, font: o.font, color: rgb(0, 0, 0) });
}

/** Wrapped text from the top `y` down; returns the y below the last line. */
export function drawWrapped(page: PDFPage, text: string, o: { x: number; y: number; width: number; font: PDFFont; size: number; align?: Align; maxLines?: number }): number {
  let lines = wrap(text, o.font, o.size, o.width);
  if (o.maxLines && lines.length > o.maxLines) lines = [...lines.slice(0, o.maxLines - 1), `${lines[o.maxLines - 1]}…`];
  const leading = o.size * 1.25;
  let y = o.y;
  for (const line of lines) {
    y -= leading;
    drawLine(page, line, { ...o, y: y + (leading - o.size) / 2 + o.size * 0.2 });
  }
  return y;
}

/** "Trang 1/3" at the foot of every page; call when all pages exist. */
export function numberPages(p: PrintDoc, size = 8) {
  const pages = p.doc.getPages();
  pages.forEach((page, i) => {
    drawLine(page, `Trang ${i + 1}/${pages.length}`, { x: 0, y: 10 * MM, width: page.getWidth(), font: p.fonts.regular, size, align: 'center' });
  });
}

/**
 * Box codes as machine-readable symbols, drawn as vector shapes (sharp at any printer resolution) by the one
 * generator, bwip-js: Code 128 for plain ASCII codes, which every handheld laser scanner reads as typed keys; a QR
 * code carrying UTF-8 (ECI 26) for a code with Vietnamese letters, which Code 128 cannot encode.
 */
import bwipjs from 'bwip-js';
import { rgb, type PDFPage } from 'pdf-lib';

export type Symbology = 'code128' | 'qrcode';

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,48}$/;

export function symbologyFor(text: string): Symbology {
  return PRINTABLE_ASCII.test(text) ? 'code128' : 'qrcode';
}

/** The bar and space widths (in modules, bar first) of a Code 128 symbol. */
export function code128Modules(text: string): number[] {
  const [sym] = bwipjs.raw('code128', text, '') as { sbs: number[] }[];
  return sym.sbs;
}

/** The QR matrix, row by row from the top, true = dark. */
export function qrMatrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  // ^ECI000026 declares UTF-8; a literal caret is written ^^ so nothing in a code reads as a function character.
  const [sym] = bwipjs.raw('qrcode', `^ECI000026${text.replace(/\^/g, '^^')}`, 'parsefnc eclevel=M') as {
    pixs: number[]; pixx: number; pixy: number;
  }[];
  return { size: sym.pixx, dark: (x, y) => sym.pixs[y * sym.pixx + x] === 1 };
}

const BLACK = rgb(0, 0, 0);
const QUIET_MODULES = { code128: 10, qrcode: 4 };

/**
 * Draws `text`'s symbol inside the box (points, origin bottom left), centred, with its quiet zone inside the box.
 * Returns the symbology used.
 */
export function drawBarcode(page: PDFPage, text: string, box: { x: number; y: number; width: number; height: number }): Symbology {
  const kind = symbologyFor(text);
  if (kind === 'code128') {
    const sbs = code128Modules(text);
    const modules = sbs.reduce((a, w) => a + w, 0) + 2 * QUIET_MODULES.code128;
    const m = box.width / modules;
    let x = box.x + (box.width - (modules - 2 * QUIET_MODULES.code128) * m) / 2;
    sbs.forEach((w, i) => {
      if (i % 2 === 0) page.drawRectangle({ x, y: box.y, width: w * m, height: box.height, color: BLACK });
      x += w * m;
    });
  } else {
    const q = qrMatrix(text);
    const m = Math.min(box.width, box.height) / (q.size + 2 * QUIET_MODULES.qrcode);
    const x0 = box.x + (box.width - q.size * m) / 2;
    const top = box.y + (box.height + q.size * m) / 2;
    for (let y = 0; y < q.size; y++) {
      for (let x = 0; x < q.size; x++) {
        if (q.dark(x, y)) page.drawRectangle({ x: x0 + x * m, y: top - (y + 1) * m, width: m, height: m, color: BLACK });
      }
    }
  }
  return kind;
}

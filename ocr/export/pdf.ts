/**
 * Searchable PDF built offline with pdf-lib: each page shows the access image (JPEG or PNG) scaled to the
 * master's physical size and carries the OCR words as invisible text (render mode 3) placed on their boxes,
 * so a viewer can select, copy and search Vietnamese text over the scan.
 *
 * The text uses tesseract's own technique: a glyphless TrueType font as a Type0/Identity-H CID font whose
 * codes are UTF-16 units, every code drawn with the one empty glyph, and a ToUnicode map that reads the codes
 * back as the same UTF-16 text. No real font (and no @pdf-lib/fontkit) is needed for any script.
 * tesseract.js 7 can still render a PDF itself, but only while recognising; exports here start from the
 * stored result, so re-exporting never re-runs OCR. The output is PDF 1.7, not PDF/A (no XMP metadata,
 * no output intent, pdf-lib cannot certify conformance).
 */
import {
  PDFDocument, PDFHexString, PDFNumber, PDFString, TextRenderingMode, type PDFOperator,
  beginText, endText, setFontAndSize, setTextMatrix, setTextRenderingMode, setCharacterSqueeze, showText,
  type PDFRef, type PDFContext,
} from 'pdf-lib';
import type { OcrPageResult } from '../engine/types.js';
import { GLYPHLESS_TTF_BASE64 } from './glyphless-font.js';

export interface PdfPage {
  page: OcrPageResult;
  /** Access image of the page (JPEG or PNG), any size: it is stretched over the master's page area. */
  image: Buffer | Uint8Array;
  /** Master resolution, for the physical page size; 300 when unknown. */
  dpi?: number | null;
}

export interface PdfOptions {
  title?: string;
  /** Written to the PDF's Creator field (e.g. the archive centre's system name). */
  creator?: string;
}

/** The glyph's advance is half an em (the font's /DW 500), used to stretch each word to its box. */
const GLYPH_ADVANCE = 0.5;

export async function searchablePdf(pages: PdfPage[], opts: PdfOptions = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(opts.title ?? '', { showInWindowTitleBar: Boolean(opts.title) });
  doc.setCreator(opts.creator ?? 'Kho Lưu trữ');
  doc.setProducer(`pdf-lib; OCR ${pages[0]?.page.engine ?? ''}`.trim());
  doc.setLanguage('vi');
  const font = glyphlessFont(doc.context);
  for (const p of pages) {
    const dpi = p.dpi && p.dpi > 0 ? p.dpi : 300;
    const k = 72 / dpi;
    const width = p.page.width * k;
    const height = p.page.height * k;
    const pdfPage = doc.addPage([width, height]);
    const bytes = p.image instanceof Uint8Array ? p.image : new Uint8Array(p.image);
    const image = isPng(bytes) ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
    pdfPage.drawImage(image, { x: 0, y: 0, width, height });

    const fontName = pdfPage.node.newFontDictionary('GlyphLessFont', font);
    const ops: PDFOperator[] = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
    for (const line of p.page.lines) {
      // One size per line (its box height) keeps words on a common baseline for text selection.
      const size = Math.max(1, (line.b[3] - line.b[1]) * k);
      ops.push(setFontAndSize(fontName, size));
      for (let wi = line.w[0]; wi < line.w[1]; wi++) {
        const w = p.page.words[wi];
        const units = utf16Units(w.t);
        if (!units.length) continue;
        const boxWidth = Math.max(0.1, (w.b[2] - w.b[0]) * k);
        const last = wi === line.w[1] - 1;
        // The word's glyphs span its box; a trailing space (except at line end) falls past it and lets
        // extractors keep word boundaries (the next word's text matrix repositions anyway).
        const text = last ? units : [...units, 0x20];
        const squeeze = (100 * boxWidth) / (units.length * size * GLYPH_ADVANCE);
        ops.push(
          setCharacterSqueeze(round(squeeze)),
          setTextMatrix(1, 0, 0, 1, round(w.b[0] * k), round(height - line.b[3] * k)),
          showText(PDFHexString.of(text.map((u) => u.toString(16).padStart(4, '0')).join(''))),
        );
      }
    }
    ops.push(endText());
    pdfPage.pushOperators(...ops);
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

function glyphlessFont(context: PDFContext): PDFRef {
  const ttf = Buffer.from(GLYPHLESS_TTF_BASE64, 'base64');
  const fontFile = context.register(context.flateStream(ttf, { Length1: ttf.length }));
  const descriptor = context.register(context.obj({
    Type: 'FontDescriptor', FontName: 'GlyphLessFont', Flags: 5, FontBBox: [0, 0, 500, 1000],
    ItalicAngle: 0, Ascent: 1000, Descent: -1, CapHeight: 1000, StemV: 80, FontFile2: fontFile,
  }));
  // Every CID (a UTF-16 unit) maps to glyph 1, the font's only glyph.
  const map = Buffer.alloc(65536 * 2);
  for (let i = 1; i < map.length; i += 2) map[i] = 1;
  const cidToGid = context.register(context.flateStream(map));
  const cidFont = context.register(context.obj({
    Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'GlyphLessFont',
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, DW: PDFNumber.of(1000 * GLYPH_ADVANCE), CIDToGIDMap: cidToGid,
  }));
  const toUnicode = context.register(context.flateStream([
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    '1 beginbfrange', '<0000> <FFFF> <0000>', 'endbfrange',
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n')));
  return context.register(context.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: 'GlyphLessFont', Encoding: 'Identity-H',
    DescendantFonts: [cidFont], ToUnicode: toUnicode,
  }));
}

/** UTF-16 code units; characters outside the BMP (not used by Vietnamese) are dropped, as tesseract does. */
function utf16Units(text: string): number[] {
  const units: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0xffff) units.push(cp);
  }
  return units;
}

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * What a deposit needs from poppler-utils beyond the PDF/A self-check (server/archive/pdfa-check.ts, which stays the
 * checker): the text layer page by page, with word boxes for the viewer's highlights, and page images for the
 * IIIF path. A deposited PDF already carries its text, so nothing is recognised again. The tools run through
 * server/archive/poppler.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OcrLine, OcrPageResult, OcrWord } from '../../ocr/engine/types.js';
import { runPdfTool as run } from '../archive/poppler.js';

export { popplerName } from '../archive/poppler.js';

/** Text of each page in content-stream order (what the self-check compares), `pages` entries. */
export async function pageTexts(pdfFile: string, pages: number): Promise<string[]> {
  const r = await run('pdftotext', ['-enc', 'UTF-8', '-raw', pdfFile, '-']);
  if (r.code !== 0) throw new Error(`pdftotext thoát ${r.code}: ${r.err.trim().slice(0, 300)}`);
  const got = r.out.split('\f');
  return Array.from({ length: pages }, (_, i) => (got[i] ?? '').normalize('NFC'));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const num = (attrs: string, name: string) => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? 0);

/**
 * The text layer of every page as an OCR result in the pixels of an image rendered at `dpi` (pdftotext -bbox-layout:
 * lines and words with boxes in points). Confidence is 100: the text is the document's own, not recognised.
 */
export async function textLayer(pdfFile: string, dpi: number, engine: string): Promise<OcrPageResult[]> {
  const r = await run('pdftotext', ['-enc', 'UTF-8', '-bbox-layout', pdfFile, '-']);
  if (r.code !== 0) throw new Error(`pdftotext -bbox-layout thoát ${r.code}: ${r.err.trim().slice(0, 300)}`);
  const k = dpi / 72;
  const px = (v: number) => Math.max(0, Math.round(v * k));
  const out: OcrPageResult[] = [];
  for (const pm of r.out.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const words: OcrWord[] = [];
    const lines: OcrLine[] = [];
    const textLines: string[] = [];
    for (const lm of pm[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const first = words.length;
      const lineWords: string[] = [];
      for (const wm of lm[2]!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)) {
        const t = unescape(wm[2]!).normalize('NFC').replace(/Ð/g, 'Đ');
        if (!t.trim()) continue;
        const a = wm[1]!;
        words.push({ t, c: 100, b: [px(num(a, 'xMin')), px(num(a, 'yMin')), px(num(a, 'xMax')), px(num(a, 'yMax'))] });
        lineWords.push(t);
      }
      if (words.length === first) continue;
      const a = lm[1]!;
      lines.push({ b: [px(num(a, 'xMin')), px(num(a, 'yMin')), px(num(a, 'xMax')), px(num(a, 'yMax'))], w: [first, words.length] });
      textLines.push(lineWords.join(' '));
    }
    const attrs = pm[1]!;
    out.push({ text: textLines.join('\n'), confidence: 100, words, lines, engine, width: px(num(attrs, 'width')), height: px(num(attrs, 'height')) });
  }
  return out;
}

/** Renders one page (1-based) as PNG at `dpi` into `dir`; returns the file. */
export async function renderPage(pdfFile: string, page: number, dpi: number, dir: string): Promise<string> {
  const prefix = path.join(dir, `page-${page}`);
  const r = await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfFile, prefix]);
  if (r.code !== 0) throw new Error(`pdftoppm thoát ${r.code}: ${r.err.trim().slice(0, 300)}`);
  const file = `${prefix}.png`;
  await fs.promises.access(file);
  return file;
}

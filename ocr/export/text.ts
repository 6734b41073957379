/** Plain-text export: UTF-8, NFC as stored; pages of a file separated by a form feed, as tesseract does. */
import type { OcrPageResult } from '../engine/types.js';

export function pageText(page: Pick<OcrPageResult, 'text'>): string {
  return page.text.endsWith('\n') ? page.text : `${page.text}\n`;
}

export function fileText(pages: Pick<OcrPageResult, 'text'>[]): string {
  return pages.map(pageText).join('\f\n');
}

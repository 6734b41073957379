/** Contract of the OCR engine (ocr/engine/): the only code that imports tesseract.js. */
import type { OcrInput } from '../image/ocr-prep.js';

export type { OcrInput };

export interface OcrWord {
  /** Word text, NFC, Ð folded to Đ. */
  t: string;
  /** Confidence 0–100. */
  c: number;
  /** [x0, y0, x1, y1] in master-image pixels (after undoing any scaling/rotation of the clean-up). */
  b: [number, number, number, number];
}

export interface OcrLine {
  b: [number, number, number, number];
  /** Indexes into words[]. */
  w: [number, number];
}

export interface OcrPageResult {
  /** Whole-page text, NFC, Ð→Đ, lines separated by \n, paragraphs by a blank line. */
  text: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
  words: OcrWord[];
  lines: OcrLine[];
  /** e.g. 'tesseract.js 7.0.0 vie 4.0.0_best_int oem=lstm psm=auto dpi=240 prep=grey+scale0.800+median3+stretch(24-255)'. */
  engine: string;
  width: number;
  height: number;
  /**
   * Ruled tables found on the page (ocr/tables/). Their cells' lines are in page.lines in reading order,
   * row by row; in page.text each table is one paragraph with one text line per row and its cells
   * separated by a TAB. Absent on pages without a table (and on results stored before tables existed).
   */
  tables?: OcrTable[];
}

export interface OcrTableCell {
  /** Row and column of the cell's top-left grid position, 0-based; spans ≥ 1. */
  r: number;
  c: number;
  rs: number;
  cs: number;
  /** Cell box in master pixels (inside the rules). */
  b: [number, number, number, number];
  /** Index range into page.lines (empty when the cell is empty). */
  l: [number, number];
}

export interface OcrTable {
  b: [number, number, number, number];
  rows: number;
  cols: number;
  /** In reading order: by row, then column. */
  cells: OcrTableCell[];
}

export interface OcrRecognizeOptions {
  timeoutMs?: number;
  /** 'block': one uniform block of text instead of automatic layout analysis (ocr/tables' cell strips). */
  segmentation?: 'auto' | 'block';
  /** OCR resolution for this image only, overriding the per-page choice (ocr/image/ocr-prep.ts chooseTargetDpi). */
  targetDpi?: number;
}

export interface OcrPool {
  readonly size: number;
  /**
   * OCR one page of a master image file (path on disk, the encoded image's bytes, or its already decoded upright grey
   * pixels), page index for multi-page TIFF. Rejects when the
   * file cannot be decoded, the page overruns the pool's time limit, or the worker dies (it is replaced).
   */
  recognizeFile(file: OcrInput, pageIndex: number, options?: OcrRecognizeOptions): Promise<OcrPageResult>;
  close(): Promise<void>;
}

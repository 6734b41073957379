/** Contract of the OCR engine (ocr/engine/): the only code that imports tesseract.js. */

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
}

export interface OcrPool {
  readonly size: number;
  /**
   * OCR one page of a master image file (path on disk), page index for multi-page TIFF. Rejects when the
   * file cannot be decoded, the page overruns the pool's time limit, or the worker dies (it is replaced).
   */
  recognizeFile(path: string, pageIndex: number): Promise<OcrPageResult>;
  close(): Promise<void>;
}

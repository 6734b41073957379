/** Failures of an OCR pool (either engine); the page.ocr job retries or gives up on them. */

export class OcrTimeoutError extends Error {
  constructor(ms: number) {
    super(`OCR did not finish within ${ms} ms`);
    this.name = 'OcrTimeoutError';
  }
}

export class OcrPoolClosedError extends Error {
  constructor() {
    super('OCR pool is closed');
    this.name = 'OcrPoolClosedError';
  }
}

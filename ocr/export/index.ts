/** OCR exports: pure functions from stored OCR results (+ the access image for PDF) to file contents. */
export { pageText, fileText } from './text.js';
export { altoPage, altoZip, type AltoPageOptions, type AltoFilePage } from './alto.js';
export { hocrDocument, type HocrPage } from './hocr.js';
export { searchablePdf, type PdfPage, type PdfOptions } from './pdf.js';

/**
 * OCR exports per page and per file: plain text, ALTO XML (a ZIP of per-page ALTO for a file), hOCR, and a searchable
 * PDF (access image + invisible text layer). Pages come through visibleSql like every other channel; only pages whose
 * OCR is done are exported, in file order.
 */
import { buffer } from 'node:stream/consumers';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { Download } from '../core/download.js';
import { altoPage, altoZip, fileText, hocrDocument, pageText, searchablePdf } from '../../ocr/export/index.js';
import * as pagesRepo from './pages.repository.js';

export const EXPORT_FORMATS = ['txt', 'alto', 'hocr', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  alto: 'application/xml; charset=utf-8',
  hocr: 'application/xhtml+xml; charset=utf-8',
  pdf: 'application/pdf',
};

const iso = (d: string | Date | null) => (d == null ? undefined : new Date(d).toISOString());

export function createExports(deps: Deps) {

  async function accessImage(p: pagesRepo.PageRow): Promise<Buffer> {
    if (p.derivativesStatus !== 'done' || !p.accessKey) {
      throw ERRORS.derivativesPendingForPdf(p.seq);
    }
    return buffer(await deps.blobs.get(p.accessKey));
  }

  function result(format: ExportFormat, name: string, body: Buffer | string, version: string, p?: pagesRepo.PageRow) {
    const ext = format === 'alto' ? (p ? 'xml' : 'zip') : format === 'hocr' ? 'hocr.html' : format;
    return new Download({
      contentType: format === 'alto' && !p ? 'application/zip' : TYPES[format],
      body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
      filename: `${name}.${ext}`,
      disposition: format === 'pdf' || format === 'alto' ? 'attachment' : 'inline',
      version,
      freshFor: 'revalidate',
      fixity: p ? { status: p.fixityStatus } : undefined,
    });
  }

  async function page(scope: Scope, pageId: number, format: ExportFormat) {
    const p = await pagesRepo.visiblePage(deps.db, scope, pageId);
    if (!p) throw ERRORS.notFound('trang');
    const ocr = (await pagesRepo.pagesOcr(deps.db, [p.id])).get(p.id);
    if (!ocr) throw ERRORS.ocrPendingPage();
    const name = `${p.fileNotation}-trang-${p.seq}`;
    const version = `p${p.id}-${format}-${p.ocrAttempts}-${iso(ocr.doneAt) ?? ''}`;
    if (format === 'txt') return result(format, name, pageText(ocr), version, p);
    if (format === 'alto') return result(format, name, altoPage(ocr, { pageNumber: p.seq, fileName: `page-${p.id}`, processedAt: iso(ocr.doneAt) }), version, p);
    if (format === 'hocr') return result(format, name, hocrDocument([{ page: ocr, imageName: `page-${p.id}` }], { title: name }), version, p);
    const pdf = await searchablePdf([{ page: ocr, image: await accessImage(p), dpi: p.dpi }], { title: `${p.fileTitle} — trang ${p.seq}`, creator: deps.config.CENTRE_NAME });
    return result(format, name, pdf, version, p);
  }

  async function file(scope: Scope, fileId: number, format: ExportFormat) {
    const f = await pagesRepo.visibleFile(deps.db, scope, fileId);
    if (!f) throw ERRORS.notFound('hồ sơ');
    const pages = await pagesRepo.visibleFilePages(deps.db, scope, fileId);
    const ocr = await pagesRepo.pagesOcr(deps.db, pages.map((p) => p.id));
    const done = pages.filter((p) => ocr.has(p.id));
    if (!done.length) throw ERRORS.ocrPendingFile();
    const name = `ho-so-${f.fileNotation}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    const version = `f${f.id}-${format}-` + done.map((p) => `${p.id}.${p.ocrAttempts}`).join('_').slice(0, 200) + `-${done.length}`;
    if (format === 'txt') return result(format, name, fileText(done.map((p) => ocr.get(p.id)!)), version);
    if (format === 'alto') {
      return result(format, name, altoZip(done.map((p) => ({ page: ocr.get(p.id)!, pageNumber: p.seq, fileName: `page-${p.id}`, processedAt: iso(ocr.get(p.id)!.doneAt) }))), version);
    }
    if (format === 'hocr') return result(format, name, hocrDocument(done.map((p) => ({ page: ocr.get(p.id)!, imageName: `page-${p.id}` })), { title: f.title }), version);
    // Images are read one after another; the PDF itself holds them all, so memory grows with the file's pages.
    const pdfPages = [];
    for (const p of done) pdfPages.push({ page: ocr.get(p.id)!, image: await accessImage(p), dpi: p.dpi });
    return result(format, name, await searchablePdf(pdfPages, { title: `${f.fileNotation} — ${f.title}`, creator: deps.config.CENTRE_NAME }), version);
  }

  return { page, file };
}

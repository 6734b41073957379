/**
 * OCR exports per page and per file: plain text, ALTO XML (a ZIP of per-page ALTO for a file), hOCR, and a searchable
 * PDF (access image + invisible text layer). Pages come through visibleSql like every other channel; only pages whose
 * OCR is done are exported, in file order. A PDF or page image for a reader (not staff, not an agency's own records)
 * is drawn from a watermarked copy of the access image (reading-room watermark module); the text layer and the
 * master are untouched. Text exports (txt, ALTO, hOCR) carry no image and go out as they are.
 */
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { Download } from '../core/download.js';
import { altoPage, altoZip, fileText, hocrDocument, pageText, searchablePdf } from '../../ocr/export/index.js';
import * as pagesRepo from './pages.repository.js';
import { derivativesReady } from './viewing.service.js';
import { readerStamp, stampImage, type WatermarkText } from '../reading-room/watermark.js';

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

  const stampFor = (scope: Scope, fileId: number) => readerStamp(deps.db, scope.acting, fileId, scope.day, deps.config.CENTRE_NAME);
  // A stamped copy is per reader and per day: its version says so, so no cache hands one reader's copy to another.
  const stampVersion = (w: WatermarkText | null) =>
    (w ? `-wm-${createHash('sha256').update(JSON.stringify(w)).digest('hex').slice(0, 16)}` : '');
  const imageFor = async (p: pagesRepo.PageRow, w: WatermarkText | null) => (w ? stampImage(await accessImage(p), w) : accessImage(p));

  /** A reader's page image (the viewer's image route): the watermarked access image, or null to serve it as is. */
  async function readerImage(scope: Scope, pageId: number): Promise<Download | null> {
    const p = await pagesRepo.visiblePage(deps.db, scope, pageId);
    if (!p) throw ERRORS.notFound('trang');
    const w = await stampFor(scope, p.recordFileId);
    if (!w) return null;
    derivativesReady(p);
    return new Download({
      contentType: 'image/jpeg', body: await stampImage(await buffer(await deps.blobs.get(p.accessKey)), w),
      filename: `${p.fileNotation}-trang-${p.seq}.jpg`, disposition: 'inline', version: `p${p.id}-img${stampVersion(w)}`, freshFor: 'revalidate',
      fixity: { status: p.fixityStatus },
    });
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
    const w = await stampFor(scope, p.recordFileId);
    const pdf = await searchablePdf([{ page: ocr, image: await imageFor(p, w), dpi: p.dpi }], { title: `${p.fileTitle} — trang ${p.seq}`, creator: deps.config.CENTRE_NAME });
    return result(format, name, pdf, version + stampVersion(w), p);
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
      return result(format, name, await altoZip(done.map((p) => ({ page: ocr.get(p.id)!, pageNumber: p.seq, fileName: `page-${p.id}`, processedAt: iso(ocr.get(p.id)!.doneAt) }))), version);
    }
    if (format === 'hocr') return result(format, name, hocrDocument(done.map((p) => ({ page: ocr.get(p.id)!, imageName: `page-${p.id}` })), { title: f.title }), version);
    // Images are read one after another; the PDF itself holds them all, so memory grows with the file's pages.
    const w = await stampFor(scope, f.id);
    const pdfPages = [];
    for (const p of done) pdfPages.push({ page: ocr.get(p.id)!, image: await imageFor(p, w), dpi: p.dpi });
    return result(format, name, await searchablePdf(pdfPages, { title: `${f.fileNotation} — ${f.title}`, creator: deps.config.CENTRE_NAME }), version + stampVersion(w));
  }

  return { page, file, readerImage };
}

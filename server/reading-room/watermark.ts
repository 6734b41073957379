/**
 * Watermarked copies for readers: a page image or a PDF of a page range, each page drawn from the access derivative
 * (never the master, which stays byte-for-byte untouched) with the reader, the request number and the date on it.
 */
import type { Readable } from 'node:stream';
import type { BlobStore } from '../../storage/blob-store.js';
import type { Queryable } from '../db/db.js';
import { isStaff, isSystem, type Acting } from '../core/actor.js';
import { watermarkJpeg } from '../../ocr/image/watermark.js';
import { createPrintDoc, savePdf, MM } from '../print/pdf.js';
import { vnDate } from '../core/time/index.js';
import { ERRORS } from '../core/errors.js';

export interface WatermarkText { readerName: string; requestLabel: string; day: string; centre: string }

export function watermarkLines(w: WatermarkText): string[] {
  return [`${w.centre} — bản sao phục vụ độc giả`, `Độc giả: ${w.readerName} · Phiếu số ${w.requestLabel} · Ngày ${vnDate(w.day)}`];
}

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
  return Buffer.concat(chunks);
}

export interface PageImageRef { id: number; seq: number; accessKey: string | null }

/** The pages of a file in order, optionally a range of sequence numbers (inclusive). */
export function filePages(db: Queryable, recordFileId: number, from?: number | null, to?: number | null): Promise<PageImageRef[]> {
  return db.query<PageImageRef>(
    `SELECT id, seq, access_key AS "accessKey" FROM pages
      WHERE record_file_id = $1 AND ($2::int IS NULL OR seq >= $2) AND ($3::int IS NULL OR seq <= $3)
      ORDER BY seq`,
    [recordFileId, from ?? null, to ?? null],
  );
}

/** The one drawing path for every reader copy (reading-room downloads, copies, digitisation exports). */
export function stampImage(image: Buffer, w: WatermarkText): Promise<Buffer> {
  return watermarkJpeg(image, watermarkLines(w));
}

/**
 * What a download of this file must be stamped with, or null when it goes out as is. Staff (and the service) get
 * the access image unchanged. A researcher always gets a stamp: their reader name (the account's name when no reader
 * record is linked), the latest approved slip naming the file or "—", and the day. An agency account downloading
 * its own agency's records gets them unstamped (it produced them; "phục vụ độc giả" would be false), but a file of
 * another agency is a reading-room copy like any reader's.
 */
export async function readerStamp(db: Queryable, acting: Acting, fileId: number, day: string, centre: string): Promise<WatermarkText | null> {
  if (isStaff(acting) || isSystem(acting)) return null;
  if (acting.role === 'agency') {
    const [own] = await db.query(`SELECT 1 FROM record_files WHERE id = $1 AND agency_id = $2`, [fileId, acting.agencyId]);
    if (own) return null;
  }
  const [r] = await db.query<{ readerName: string | null; requestNo: number | null; requestYear: number | null }>(
    `SELECT rd.full_name AS "readerName", r.request_no AS "requestNo", r.request_year AS "requestYear"
       FROM readers rd
       LEFT JOIN LATERAL (SELECT q.request_no, q.request_year FROM access_requests q JOIN access_request_lines l ON l.request_id = q.id
                           WHERE q.reader_id = rd.id AND l.record_file_id = $2 AND q.status IN ('approved', 'served', 'closed')
                           ORDER BY q.decided_at DESC NULLS LAST, q.id DESC LIMIT 1) r ON true
      WHERE rd.user_id = $1`,
    [acting.id, fileId],
  );
  return {
    readerName: r?.readerName ?? acting.displayName,
    requestLabel: r?.requestNo != null ? `${r.requestNo}/${r.requestYear}` : '—',
    day,
    centre,
  };
}

export async function watermarkedPage(blobs: BlobStore, page: PageImageRef, w: WatermarkText): Promise<Buffer> {
  if (!page.accessKey) throw ERRORS.notFound('trang');
  return stampImage(await readAll(await blobs.get(page.accessKey)), w);
}

/** A PDF with one watermarked page image per A4 page, scaled to fit inside a 10 mm margin. */
export async function watermarkedPdf(blobs: BlobStore, pages: PageImageRef[], w: WatermarkText, title: string): Promise<Buffer> {
  const p = await createPrintDoc({ title, author: w.centre });
  const A4W = 210 * MM;
  const A4H = 297 * MM;
  const margin = 10 * MM;
  for (const pg of pages) {
    const img = await p.doc.embedJpg(await watermarkedPage(blobs, pg, w));
    const scale = Math.min((A4W - 2 * margin) / img.width, (A4H - 2 * margin) / img.height);
    const page = p.doc.addPage([A4W, A4H]);
    page.drawImage(img, { x: (A4W - img.width * scale) / 2, y: (A4H - img.height * scale) / 2, width: img.width * scale, height: img.height * scale });
  }
  return savePdf(p);
}

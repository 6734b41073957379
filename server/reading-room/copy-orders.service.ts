/**
 * Copy orders as their own state machine beside circulation (as Aeon runs photoduplication):
 *   quote → awaiting_payment → paid (receipt number) → copying → awaiting_signature (certified copies) → delivered,
 *   cancelled from quote, awaiting_payment or paid (not once copying has begun).
 * Every transition is stored with who and when. Fees come from the COPY_* settings, copied onto the order at quote.
 * Leaving `copying`, digitised pages are produced as a watermarked PDF; entering `awaiting_signature`, the order
 * takes the year's next number in the certification register and gets its certification page (PDF, blob store).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';
import { CIRCULATION_ERRORS as E } from '../core/errors-circulation.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { placeNameOf } from '../print/admin-docx.js';
import { Download, PDF_TYPE } from '../core/download.js';
import * as repo from './copy-orders.repository.js';
import type { CopyStatus } from './copy-orders.repository.js';
import { certificationPdf } from './certification.js';
import { filePages, watermarkedPdf } from './watermark.js';

export const COPY_STATUS_LABELS: Record<CopyStatus, string> = {
  quote: 'Báo giá', awaiting_payment: 'Chờ thanh toán', paid: 'Đã thanh toán', copying: 'Đang sao',
  awaiting_signature: 'Chờ ký, đóng dấu', delivered: 'Đã trả bản sao', cancelled: 'Đã hủy',
};

/** Allowed next states; `copying` leads to awaiting_signature only for certified copies (checked below). */
const NEXT: Record<CopyStatus, readonly CopyStatus[]> = {
  quote: ['awaiting_payment', 'cancelled'],
  awaiting_payment: ['paid', 'cancelled'],
  paid: ['copying', 'cancelled'],
  copying: ['awaiting_signature', 'delivered'],
  awaiting_signature: ['delivered'],
  delivered: [],
  cancelled: [],
};

export interface QuoteInput { requestId: number; pages?: number; certifications?: number; note?: string | null }
export interface TransitionInput { to: CopyStatus; receiptNo?: string; note?: string | null }

const rangeCount = (l: repo.CopyLine) =>
  l.pageFrom != null || l.pageTo != null ? (l.pageTo ?? l.digitisedPages) - (l.pageFrom ?? 1) + 1 : l.digitisedPages;

export function createCopyOrdersService(deps: Deps) {
  const { db, config } = deps;
  const label = (o: { requestNo: number; requestYear: number }) => `${o.requestNo}/${o.requestYear}`;

  async function quote(actor: Actor, input: QuoteInput): Promise<repo.CopyOrderRow> {
    return db.transaction(async (tx) => {
      const [req] = await tx.query<{ id: number; kind: string; status: string }>(
        `SELECT id, kind, status FROM access_requests WHERE id = $1 FOR UPDATE`, [input.requestId]);
      if (!req) throw READING_ERRORS.requestNotFound();
      if (req.kind !== 'copy' && req.kind !== 'certified_copy') throw E.requestKindMismatch('copy');
      if (req.status !== 'approved' && req.status !== 'served') throw E.requestNotApproved(req.status);
      const existing = await repo.activeOrderOf(tx, req.id);
      if (existing) throw E.copyOrderExists(existing);
      const lines = await repo.orderLines(tx, req.id);
      for (const l of lines) {
        if (l.digitisedPages > 0 && (l.pageTo ?? 0) > l.digitisedPages) throw E.copyPagesOutOfRange(l.digitisedPages);
      }
      // Paper that is not digitised has no page count in the system: staff count the sheets and say so.
      const counted = lines.reduce((n, l) => n + Math.max(0, rangeCount(l)), 0);
      const pages = input.pages ?? counted;
      if (pages < 1) throw E.copyPagesOutOfRange(counted);
      const certified = req.kind === 'certified_copy';
      const certifications = certified ? input.certifications ?? 1 : 0;
      const total = pages * config.COPY_FEE_PER_PAGE + certifications * config.COPY_FEE_PER_CERTIFICATION;
      const at = deps.clock();
      const id = await repo.insertOrder(tx, {
        requestId: req.id, certified, pages, certifications, feePerPage: config.COPY_FEE_PER_PAGE,
        feePerCertification: config.COPY_FEE_PER_CERTIFICATION, currency: config.COPY_CURRENCY, totalFee: total,
        note: input.note ?? null, by: actor.id, at,
      });
      await repo.insertEvent(tx, { orderId: id, from: null, to: 'quote', actorId: actor.id, actorName: actor.displayName, at, note: input.note ?? null });
      const row = (await repo.getOrder(tx, id))!;
      await recordEvent(tx, actor, { entityType: 'copy_order', entityId: id, action: 'copy_order.quoted', after: row });
      return row;
    });
  }

  /** The watermarked PDF of the digitised pages in the order's ranges, or null when nothing is digitised (paper). */
  async function produceCopy(order: repo.CopyOrderRow, lines: repo.CopyLine[]) {
    const pages = [];
    for (const l of lines) if (l.digitisedPages > 0) pages.push(...(await filePages(db, l.recordFileId, l.pageFrom, l.pageTo)));
    if (pages.length === 0) return null;
    const body = await watermarkedPdf(deps.blobs, pages, {
      readerName: order.readerName, requestLabel: label(order), day: vnToday(deps.clock), centre: config.CENTRE_NAME,
    }, `Bản sao theo phiếu ${label(order)}`);
    const key = `reading-room/copies/${order.id}-${randomUUID()}.pdf`;
    await deps.blobs.put(key, body, { contentType: PDF_TYPE, size: body.length });
    return { key, sha256: createHash('sha256').update(body).digest('hex') };
  }

  async function transition(actor: Actor, id: number, input: TransitionInput): Promise<repo.CopyOrderRow> {
    // Blobs are written before the transaction commits; an aborted one leaves an unreferenced object, never a row
    // pointing at nothing (the orphan sweep owns such leftovers).
    return db.transaction(async (tx) => {
      const o = await repo.getOrder(tx, id, true);
      if (!o) throw E.copyOrderNotFound();
      const allowed = NEXT[o.status].includes(input.to) && !(input.to === 'awaiting_signature' && !o.certified)
        && !(o.status === 'copying' && input.to === 'delivered' && o.certified);
      if (!allowed) throw E.copyTransitionInvalid(o.status, input.to, COPY_STATUS_LABELS[o.status], COPY_STATUS_LABELS[input.to]);
      const at = deps.clock();
      const extra: { receiptNo?: string; copyKey?: string; copySha256?: string } = {};
      if (input.to === 'paid') {
        if (!input.receiptNo) throw E.copyReceiptRequired();
        const [dup] = await tx.query('SELECT id FROM copy_orders WHERE receipt_no = $1', [input.receiptNo]);
        if (dup) throw E.copyReceiptTaken();
        extra.receiptNo = input.receiptNo;
      }
      if (o.status === 'copying') {
        const produced = await produceCopy(o, await repo.orderLines(tx, o.requestId));
        if (produced) { extra.copyKey = produced.key; extra.copySha256 = produced.sha256; }
      }
      if (input.to === 'awaiting_signature') await certify(tx, actor, o, at);
      await repo.setStatus(tx, id, input.to, at, extra);
      await repo.insertEvent(tx, { orderId: id, from: o.status, to: input.to, actorId: actor.id, actorName: actor.displayName, at, note: input.note ?? null });
      const row = (await repo.getOrder(tx, id))!;
      await recordEvent(tx, actor, { entityType: 'copy_order', entityId: id, action: `copy_order.${input.to}`, before: o, after: row });
      return row;
    });
  }

  async function certify(tx: Queryable, actor: Actor, o: repo.CopyOrderRow, at: Date) {
    const day = vnToday(at);
    const year = yearOf(day);
    const number = await repo.nextCertificationNumber(tx, year);
    const lines = await repo.orderLines(tx, o.requestId);
    const files = lines.map((l) => ({
      notation: l.fileNotation, title: l.title,
      pages: l.pageFrom != null || l.pageTo != null ? `trang ${l.pageFrom ?? 1}–${l.pageTo ?? l.digitisedPages}` : 'toàn bộ',
    }));
    const body = await certificationPdf({
      centre: config.CENTRE_NAME, place: config.CENTRE_PLACE ?? placeNameOf(config.CENTRE_NAME), year, number, day,
      readerName: o.readerName, requestLabel: label(o), files, pages: o.pages, signerTitle: 'Giám đốc',
    });
    const key = `reading-room/certifications/${year}-${number}-${randomUUID()}.pdf`;
    await deps.blobs.put(key, body, { contentType: PDF_TYPE, size: body.length });
    await repo.insertCertification(tx, {
      year, number, orderId: o.id, requestId: o.requestId, readerName: o.readerName,
      filesText: files.map((f) => `${f.notation} (${f.pages})`).join('; '), pages: o.pages, by: actor.id, byName: actor.displayName, at, key,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  }

  async function get(id: number) {
    const o = await repo.getOrder(db, id);
    if (!o) throw E.copyOrderNotFound();
    return { ...o, statusLabel: COPY_STATUS_LABELS[o.status], next: NEXT[o.status].filter((s) => !(s === 'awaiting_signature' && !o.certified) && !(o.status === 'copying' && s === 'delivered' && o.certified)), events: await repo.listEvents(db, id) };
  }

  async function file(id: number, which: 'copy' | 'certificate'): Promise<Download> {
    const o = await repo.getOrder(db, id);
    if (!o) throw E.copyOrderNotFound();
    const keys = await repo.copyObject(db, id);
    const key = which === 'copy' ? keys.key : keys.certificateKey;
    if (!key) throw E.copyFileMissing(which);
    const name = which === 'copy' ? `ban-sao-${o.requestNo}-${o.requestYear}.pdf` : `chung-thuc-${o.certificationNumber}-${o.certificationYear}.pdf`;
    return new Download({ contentType: PDF_TYPE, filename: name, disposition: 'attachment', body: () => deps.blobs.get(key) });
  }

  /** The reader's own delivered copy; any other order (another reader's, not delivered) answers as not found. */
  async function myCopy(userId: number, id: number): Promise<Download> {
    const own = (await repo.listOrders(db, { readerUserId: userId })).find((o) => o.id === id);
    if (!own || own.status !== 'delivered') throw E.copyOrderNotFound();
    return file(id, 'copy');
  }

  return {
    quote,
    transition,
    get,
    file,
    myCopy,
    list: async (f: { status?: CopyStatus; requestId?: number }) => ({ items: (await repo.listOrders(db, f)).map((o) => ({ ...o, statusLabel: COPY_STATUS_LABELS[o.status] })) }),
    /** A reader's own orders, found through their researcher account (never another reader's). */
    mine: async (userId: number) => ({ items: (await repo.listOrders(db, { readerUserId: userId })).map((o) => ({ ...o, statusLabel: COPY_STATUS_LABELS[o.status] })) }),
    register: async (year: number) => ({ year, items: await repo.listCertifications(db, year) }),
  };
}

export type CopyOrdersService = ReturnType<typeof createCopyOrdersService>;

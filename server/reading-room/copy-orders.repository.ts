/** SQL of copy orders, their transitions and the certification register. */
import type { Queryable } from '../db/db.js';

export const COPY_STATUSES = ['quote', 'awaiting_payment', 'paid', 'copying', 'awaiting_signature', 'delivered', 'cancelled'] as const;
export type CopyStatus = (typeof COPY_STATUSES)[number];

export interface CopyOrderRow {
  id: number;
  requestId: number;
  requestYear: number;
  requestNo: number;
  readerName: string;
  certified: boolean;
  status: CopyStatus;
  pages: number;
  certifications: number;
  feePerPage: number;
  feePerCertification: number;
  currency: string;
  totalFee: number;
  receiptNo: string | null;
  paidAt: string | null;
  hasCopy: boolean;
  certificationYear: number | null;
  certificationNumber: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT o.id, o.request_id AS "requestId", r.request_year AS "requestYear", r.request_no AS "requestNo",
    rd.full_name AS "readerName", o.certified, o.status, o.pages, o.certifications,
    o.fee_per_page::float8 AS "feePerPage", o.fee_per_certification::float8 AS "feePerCertification", o.currency,
    o.total_fee::float8 AS "totalFee", o.receipt_no AS "receiptNo", o.paid_at AS "paidAt", (o.copy_key IS NOT NULL) AS "hasCopy",
    c.year AS "certificationYear", c.number AS "certificationNumber", o.note, o.created_at AS "createdAt", o.updated_at AS "updatedAt"
  FROM copy_orders o
  JOIN access_requests r ON r.id = o.request_id
  JOIN readers rd ON rd.id = r.reader_id
  LEFT JOIN certification_register c ON c.copy_order_id = o.id`;

export async function getOrder(db: Queryable, id: number, lock = false): Promise<CopyOrderRow | null> {
  if (lock) await db.query('SELECT id FROM copy_orders WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<CopyOrderRow>(`${SELECT} WHERE o.id = $1`, [id]))[0] ?? null;
}

export function listOrders(db: Queryable, f: { status?: CopyStatus; requestId?: number; readerUserId?: number }): Promise<CopyOrderRow[]> {
  const params: unknown[] = [];
  const w: string[] = [];
  if (f.status) { params.push(f.status); w.push(`o.status = $${params.length}`); }
  if (f.requestId) { params.push(f.requestId); w.push(`o.request_id = $${params.length}`); }
  if (f.readerUserId) { params.push(f.readerUserId); w.push(`rd.user_id = $${params.length}`); }
  return db.query<CopyOrderRow>(`${SELECT} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT 1000`, params);
}

export async function activeOrderOf(db: Queryable, requestId: number): Promise<number | null> {
  const [r] = await db.query<{ id: number }>(`SELECT id FROM copy_orders WHERE request_id = $1 AND status <> 'cancelled'`, [requestId]);
  return r?.id ?? null;
}

export async function insertOrder(db: Queryable, o: {
  requestId: number; certified: boolean; pages: number; certifications: number; feePerPage: number; feePerCertification: number;
  currency: string; totalFee: number; note: string | null; by: number; at: Date;
}): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO copy_orders (request_id, certified, pages, certifications, fee_per_page, fee_per_certification, currency, total_fee, note, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [o.requestId, o.certified, o.pages, o.certifications, o.feePerPage, o.feePerCertification, o.currency, o.totalFee, o.note, o.by, o.at],
  );
  return r!.id;
}

export async function setStatus(db: Queryable, id: number, status: CopyStatus, at: Date, extra: { receiptNo?: string; copyKey?: string; copySha256?: string } = {}) {
  await db.query(
    `UPDATE copy_orders SET status = $2, updated_at = $3,
            receipt_no = COALESCE($4, receipt_no), paid_at = CASE WHEN $4::text IS NULL THEN paid_at ELSE $3 END,
            copy_key = COALESCE($5, copy_key), copy_sha256 = COALESCE($6, copy_sha256)
      WHERE id = $1`,
    [id, status, at, extra.receiptNo ?? null, extra.copyKey ?? null, extra.copySha256 ?? null],
  );
}

export async function insertEvent(db: Queryable, e: { orderId: number; from: CopyStatus | null; to: CopyStatus; actorId: number; actorName: string; at: Date; note: string | null }) {
  await db.query(
    `INSERT INTO copy_order_events (order_id, from_status, to_status, actor_id, actor_name, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.orderId, e.from, e.to, e.actorId, e.actorName, e.at, e.note],
  );
}

export interface CopyEventRow { id: number; fromStatus: CopyStatus | null; toStatus: CopyStatus; actorName: string; at: string; note: string | null }

export function listEvents(db: Queryable, orderId: number): Promise<CopyEventRow[]> {
  return db.query<CopyEventRow>(
    `SELECT id, from_status AS "fromStatus", to_status AS "toStatus", actor_name AS "actorName", at, note FROM copy_order_events WHERE order_id = $1 ORDER BY id`,
    [orderId],
  );
}

export interface CopyLine { lineId: number; recordFileId: number; fileNotation: string; title: string; fondsCode: string | null; pageFrom: number | null; pageTo: number | null; digitisedPages: number }

export function orderLines(db: Queryable, requestId: number): Promise<CopyLine[]> {
  return db.query<CopyLine>(
    `SELECT l.id AS "lineId", rf.id AS "recordFileId", rf.file_notation AS "fileNotation", rf.title, fo.code AS "fondsCode",
            l.page_from AS "pageFrom", l.page_to AS "pageTo",
            (SELECT count(*)::int FROM pages p WHERE p.record_file_id = rf.id) AS "digitisedPages"
       FROM access_request_lines l JOIN record_files rf ON rf.id = l.record_file_id LEFT JOIN fonds fo ON fo.id = rf.fonds_id
      WHERE l.request_id = $1 ORDER BY l.id`,
    [requestId],
  );
}

export async function copyObject(db: Queryable, id: number): Promise<{ key: string | null; certificateKey: string | null }> {
  const [r] = await db.query<{ key: string | null; certificateKey: string | null }>(
    `SELECT o.copy_key AS key, c.certificate_key AS "certificateKey" FROM copy_orders o LEFT JOIN certification_register c ON c.copy_order_id = o.id WHERE o.id = $1`,
    [id],
  );
  return r ?? { key: null, certificateKey: null };
}

// ------------------------------------------------------------------ certification register

/** The year's next number, under a transaction-scoped lock so two signings never take the same one. */
export async function nextCertificationNumber(db: Queryable, year: number): Promise<number> {
  await db.query('SELECT pg_advisory_xact_lock(55055, $1)', [year]);
  const [r] = await db.query<{ n: number }>(`SELECT (COALESCE(max(number), 0) + 1)::int AS n FROM certification_register WHERE year = $1`, [year]);
  return r!.n;
}

export async function insertCertification(db: Queryable, c: {
  year: number; number: number; orderId: number; requestId: number; readerName: string; filesText: string; pages: number;
  by: number; byName: string; at: Date; key: string; sha256: string;
}) {
  await db.query(
    `INSERT INTO certification_register (year, number, copy_order_id, request_id, reader_name, files_text, pages, certified_by, certified_by_name, certified_at, certificate_key, certificate_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [c.year, c.number, c.orderId, c.requestId, c.readerName, c.filesText, c.pages, c.by, c.byName, c.at, c.key, c.sha256],
  );
}

export interface CertificationRow { id: number; year: number; number: number; copyOrderId: number; requestId: number; readerName: string; filesText: string; pages: number; certifiedByName: string; certifiedAt: string }

export function listCertifications(db: Queryable, year: number): Promise<CertificationRow[]> {
  return db.query<CertificationRow>(
    `SELECT id, year, number, copy_order_id AS "copyOrderId", request_id AS "requestId", reader_name AS "readerName", files_text AS "filesText",
            pages, certified_by_name AS "certifiedByName", certified_at AS "certifiedAt"
       FROM certification_register WHERE year = $1 ORDER BY number`,
    [year],
  );
}

/** SQL of dissemination packages (DIPs): the record of what went to a reader, and its PREMIS events. */
import type { Queryable } from '../db/db.js';

export interface DipRow {
  id: number; uuid: string; kind: 'copy_order' | 'download'; copyOrderId: number | null; requestId: number | null; userId: number;
  readerName: string; recordFileIds: number[]; pages: number; issuedAt: Date; zipSha256: string; zipSize: number;
}

const COLS = `id, dip_uuid::text AS uuid, kind, copy_order_id AS "copyOrderId", request_id AS "requestId", user_id AS "userId", reader_name AS "readerName",
  record_file_ids AS "recordFileIds", pages, issued_at AS "issuedAt", zip_sha256 AS "zipSha256", zip_size::double precision AS "zipSize"`;

export async function insertDip(db: Queryable, d: Omit<DipRow, 'id'> & { metadata: unknown }): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO dips (dip_uuid, kind, copy_order_id, request_id, user_id, reader_name, record_file_ids, pages, issued_at, zip_sha256, zip_size, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7::int[], $8, $9, $10, $11, $12) RETURNING id`,
    [d.uuid, d.kind, d.copyOrderId, d.requestId, d.userId, d.readerName, d.recordFileIds, d.pages, d.issuedAt.toISOString(), d.zipSha256, d.zipSize, JSON.stringify(d.metadata)]);
  return r!.id;
}

export async function insertDipEvent(db: Queryable, e: {
  uuid: string; type: string; at: Date; fileId: number; dipId: number; objectName: string; sha256: string; outcome: 'pass' | 'fail'; detail: string; agent: string; data?: unknown;
}) {
  await db.query(
    `INSERT INTO premis_events (event_uuid, event_type, at, record_file_id, dip_id, object_name, object_sha256, outcome, detail, agent, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.uuid, e.type, e.at.toISOString(), e.fileId, e.dipId, e.objectName, e.sha256, e.outcome, e.detail, e.agent, e.data == null ? null : JSON.stringify(e.data)]);
}

export const listDips = (db: Queryable, f: { copyOrderId?: number; userId?: number }) =>
  db.query<DipRow>(`SELECT ${COLS} FROM dips WHERE ($1::int IS NULL OR copy_order_id = $1) AND ($2::int IS NULL OR user_id = $2) ORDER BY id DESC LIMIT 200`,
    [f.copyOrderId ?? null, f.userId ?? null]);

export const dipEvents = (db: Queryable, dipId: number) =>
  db.query<{ type: string; objectName: string; sha256: string; outcome: 'pass' | 'fail'; detail: string; at: Date }>(
    `SELECT event_type AS type, object_name AS "objectName", object_sha256 AS sha256, outcome, detail, at FROM premis_events WHERE dip_id = $1 ORDER BY at, id`, [dipId]);

/** The request a slip label ("12/2026") names. */
export const requestIdOf = async (db: Queryable, no: number, year: number) =>
  (await db.query<{ id: number }>(`SELECT id FROM access_requests WHERE request_no = $1 AND request_year = $2`, [no, year]))[0]?.id ?? null;

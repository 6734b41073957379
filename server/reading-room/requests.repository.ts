/** SQL of request slips (phiếu yêu cầu), their lines and decisions, and the reader's cart. */
import type { Queryable } from '../db/db.js';

export interface RequestRow {
  id: number; number: string; requestYear: number; requestNo: number; readerId: number; readerName: string; readerCardNo: string | null;
  readerUserId: number | null; kind: 'read' | 'copy' | 'certified_copy' | 'access'; channel: 'online' | 'in_person' | 'post';
  status: 'submitted' | 'needs_info' | 'approved' | 'refused' | 'cancelled' | 'served' | 'closed';
  approvalLevel: 'reading_room_head' | 'director' | null; restricted: boolean; lineCount: number; submittedAt: Date;
  slaWorkingDays: number; dueAt: Date; dueDay: string; decidedAt: Date | null; servedAt: Date | null;
  purpose: string | null; note: string | null; createdByName: string | null;
}

const SELECT = `SELECT r.id, r.request_no || '/' || r.request_year AS number, r.request_year AS "requestYear", r.request_no AS "requestNo",
    r.reader_id AS "readerId", rd.full_name AS "readerName", rd.card_no AS "readerCardNo", rd.user_id AS "readerUserId",
    r.kind, r.channel, r.status, r.approval_level AS "approvalLevel", r.restricted,
    (SELECT count(*)::int FROM access_request_lines l WHERE l.request_id = r.id) AS "lineCount",
    r.submitted_at AS "submittedAt", r.sla_working_days AS "slaWorkingDays", r.due_at AS "dueAt",
    to_char((r.due_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS "dueDay", r.decided_at AS "decidedAt", r.served_at AS "servedAt",
    r.purpose, r.note, cb.display_name AS "createdByName"
  FROM access_requests r JOIN readers rd ON rd.id = r.reader_id LEFT JOIN users cb ON cb.id = r.created_by`;

export interface RequestFilter { readerId?: number; status?: string[]; level?: string; kind?: string; limit: number }

export async function listRequests(db: Queryable, f: RequestFilter): Promise<RequestRow[]> {
  const params: unknown[] = [];
  const w: string[] = [];
  if (f.readerId) { params.push(f.readerId); w.push(`r.reader_id = $${params.length}`); }
  if (f.status?.length) { params.push(f.status); w.push(`r.status = ANY($${params.length}::text[])`); }
  if (f.level) { params.push(f.level); w.push(`r.approval_level = $${params.length}`); }
  if (f.kind) { params.push(f.kind); w.push(`r.kind = $${params.length}`); }
  params.push(f.limit);
  return db.query<RequestRow>(`${SELECT} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY r.due_at, r.id LIMIT $${params.length}`, params);
}

export async function getRequest(db: Queryable, id: number, lock = false): Promise<RequestRow | null> {
  if (lock) await db.query('SELECT id FROM access_requests WHERE id = $1 FOR UPDATE', [id]);
  return (await db.query<RequestRow>(`${SELECT} WHERE r.id = $1`, [id]))[0] ?? null;
}

export async function requestLines(db: Queryable, id: number) {
  return db.query<{ id: number; recordFileId: number; fileNotation: string; title: string; fondsCode: string | null; catalog: string | null; restricted: boolean;
    pageFrom: number | null; pageTo: number | null; serveAs: 'original' | 'digital'; overrideReason: string | null; digitised: boolean }>(
    `SELECT l.id, l.record_file_id AS "recordFileId", f.file_notation AS "fileNotation", f.title, fo.code AS "fondsCode", fm.file_catalog AS catalog,
            (f.access_level = 'restricted' OR EXISTS (SELECT 1 FROM documents d WHERE d.record_file_id = f.id AND d.access_level = 'restricted')) AS restricted,
            l.page_from AS "pageFrom", l.page_to AS "pageTo", l.serve_as AS "serveAs", l.override_reason AS "overrideReason",
            EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) AS digitised
       FROM access_request_lines l JOIN record_files f ON f.id = l.record_file_id LEFT JOIN fonds fo ON fo.id = f.fonds_id
       LEFT JOIN file_metadata fm ON fm.record_file_id = f.id WHERE l.request_id = $1 ORDER BY l.id`, [id]);
}

export async function requestDecisions(db: Queryable, id: number) {
  return db.query<{ id: number; decision: 'approve' | 'refuse' | 'ask_info' | 'escalate' | 'reply' | 'cancel'; level: 'reading_room_head' | 'director' | 'reader' | null;
    reason: string | null; decidedByName: string; decidedAt: Date }>(
    `SELECT id, decision, level, reason, decided_by_name AS "decidedByName", decided_at AS "decidedAt" FROM access_request_decisions WHERE request_id = $1 ORDER BY id`, [id]);
}

/** Next number in the year's request register; serialised per year by an advisory lock held to commit. */
export async function nextRequestNo(db: Queryable, year: number): Promise<number> {
  await db.query('SELECT pg_advisory_xact_lock(54002, $1)', [year]);
  const [r] = await db.query<{ n: number }>('SELECT coalesce(max(request_no), 0)::int + 1 AS n FROM access_requests WHERE request_year = $1', [year]);
  return r!.n;
}

export interface NewRequest {
  year: number; no: number; readerId: number; kind: string; channel: string; approvalLevel: string; restricted: boolean;
  purpose: string | null; note: string | null; submittedAt: Date; slaWorkingDays: number; dueAt: Date; createdBy: number;
}

export async function insertRequest(db: Queryable, r: NewRequest): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO access_requests (request_year, request_no, reader_id, kind, channel, approval_level, restricted, purpose, note, submitted_at,
       sla_working_days, due_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [r.year, r.no, r.readerId, r.kind, r.channel, r.approvalLevel, r.restricted, r.purpose, r.note, r.submittedAt, r.slaWorkingDays, r.dueAt, r.createdBy],
  );
  return row!.id;
}

export async function insertLine(db: Queryable, l: { requestId: number; recordFileId: number; pageFrom: number | null; pageTo: number | null; serveAs: string }) {
  await db.query(`INSERT INTO access_request_lines (request_id, record_file_id, page_from, page_to, serve_as) VALUES ($1,$2,$3,$4,$5)`,
    [l.requestId, l.recordFileId, l.pageFrom, l.pageTo, l.serveAs]);
}

export async function insertDecision(db: Queryable, d: { requestId: number; decision: string; level: string | null; reason: string | null; by: number | null; byName: string; at: Date }) {
  await db.query(`INSERT INTO access_request_decisions (request_id, decision, level, reason, decided_by, decided_by_name, decided_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [d.requestId, d.decision, d.level, d.reason, d.by, d.byName, d.at]);
}

export async function setStatus(db: Queryable, id: number, s: { status: string; approvalLevel: string | null; decidedAt?: Date | null }) {
  await db.query(`UPDATE access_requests SET status = $2, approval_level = $3, decided_at = coalesce($4, decided_at), updated_at = now() WHERE id = $1`,
    [id, s.status, s.approvalLevel, s.decidedAt ?? null]);
}

// ---------------------------------------------------------------- cart
export async function cartFileIds(db: Queryable, readerId: number): Promise<number[]> {
  return (await db.query<{ id: number }>('SELECT record_file_id AS id FROM reader_cart_items WHERE reader_id = $1 ORDER BY added_at, record_file_id', [readerId])).map((r) => r.id);
}
export async function addToCart(db: Queryable, readerId: number, ids: number[]): Promise<number> {
  if (!ids.length) return 0;
  const rows = await db.query(`INSERT INTO reader_cart_items (reader_id, record_file_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING RETURNING record_file_id`, [readerId, ids]);
  return rows.length;
}
export async function removeFromCart(db: Queryable, readerId: number, ids: number[] | null): Promise<void> {
  if (ids) await db.query('DELETE FROM reader_cart_items WHERE reader_id = $1 AND record_file_id = ANY($2::int[])', [readerId, ids]);
  else await db.query('DELETE FROM reader_cart_items WHERE reader_id = $1', [readerId]);
}

export async function userDuties(db: Queryable, userId: number): Promise<string[]> {
  return (await db.query<{ duties: string[] }>('SELECT duties FROM users WHERE id = $1', [userId]))[0]?.duties ?? [];
}

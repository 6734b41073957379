/** SQL of circulation: the pull list, loans (Sổ giao nhận) and what is out of the stacks. Plain objects out. */
import type { Queryable } from '../db/db.js';

/** Where a file sits, the same way the stacks' locate finds it: its box, else its handover's "Hộp số". */
const FILE_PLACE = `
  LEFT JOIN LATERAL (
    SELECT b.id, b.code, b.position, b.shelf_id FROM boxes b
     WHERE b.id = rf.box_id OR (rf.box_id IS NULL AND b.handover_id = rf.handover_id AND b.box_no = btrim(rf.box_no))
     ORDER BY (b.id = rf.box_id) DESC, b.id LIMIT 1
  ) bx ON TRUE
  LEFT JOIN shelf_places sp ON sp.shelf_id = bx.shelf_id`;

export interface PullListRow {
  lineId: number;
  requestId: number;
  requestYear: number;
  requestNo: number;
  readerId: number;
  readerName: string;
  readerCardNo: string | null;
  recordFileId: number;
  fileNotation: string;
  fileCode: string | null;
  title: string;
  fondsCode: string | null;
  boxCode: string | null;
  boxPosition: number | null;
  repositoryName: string | null;
  roomName: string | null;
  unitCode: string | null;
  shelfCode: string | null;
  shelfLabel: string | null;
  dueAt: string;
}

/**
 * Lines of approved read requests served as originals that have never been issued: what the stacks must fetch,
 * in walking order (repository, room, shelf unit, shelf, box position). Files without a place sort last.
 */
export function pullList(db: Queryable, requestId?: number): Promise<PullListRow[]> {
  const params: unknown[] = [];
  let extra = '';
  if (requestId) {
    params.push(requestId);
    extra = `AND r.id = $1`;
  }
  return db.query<PullListRow>(
    `SELECT l.id AS "lineId", r.id AS "requestId", r.request_year AS "requestYear", r.request_no AS "requestNo",
            rd.id AS "readerId", rd.full_name AS "readerName", rd.card_no AS "readerCardNo",
            rf.id AS "recordFileId", rf.file_notation AS "fileNotation", rf.file_code AS "fileCode", rf.title,
            fo.code AS "fondsCode", bx.code AS "boxCode", bx.position AS "boxPosition",
            sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode",
            sp.shelf_code AS "shelfCode", sp.label AS "shelfLabel", r.due_at AS "dueAt"
       FROM access_request_lines l
       JOIN access_requests r ON r.id = l.request_id
       JOIN readers rd ON rd.id = r.reader_id
       JOIN record_files rf ON rf.id = l.record_file_id
       LEFT JOIN fonds fo ON fo.id = rf.fonds_id
       ${FILE_PLACE}
      WHERE r.kind = 'read' AND r.status IN ('approved', 'served') AND l.serve_as = 'original'
        AND NOT EXISTS (SELECT 1 FROM loans lo WHERE lo.request_line_id = l.id) ${extra}
      ORDER BY sp.repository_code NULLS LAST, sp.room_code, sp.unit_ordinal, sp.shelf_ordinal, bx.position, bx.code,
               rf.row_no, rf.id, l.id`,
    params,
  );
}

export interface LineForIssue {
  lineId: number;
  requestId: number;
  requestStatus: string;
  requestKind: string;
  readerId: number;
  serveAs: 'original' | 'digital';
  recordFileId: number;
  physicalCondition: string | null;
  lastConditionCode: string | null;
}

/** The line with its request, locked so two desks issuing lines of one request serialise. */
export async function lineForIssue(db: Queryable, lineId: number): Promise<LineForIssue | null> {
  const [r] = await db.query<LineForIssue>(
    `SELECT l.id AS "lineId", r.id AS "requestId", r.status AS "requestStatus", r.kind AS "requestKind",
            r.reader_id AS "readerId", l.serve_as AS "serveAs", l.record_file_id AS "recordFileId",
            rf.physical_condition AS "physicalCondition",
            (SELECT lo.condition_code FROM loans lo WHERE lo.record_file_id = rf.id AND lo.checked_in_at IS NOT NULL
              ORDER BY lo.checked_in_at DESC, lo.id DESC LIMIT 1) AS "lastConditionCode"
       FROM access_request_lines l
       JOIN access_requests r ON r.id = l.request_id
       JOIN record_files rf ON rf.id = l.record_file_id
      WHERE l.id = $1
      FOR UPDATE OF r`,
    [lineId],
  );
  return r ?? null;
}

export async function openLoanOfFile(db: Queryable, recordFileId: number): Promise<number | null> {
  const [r] = await db.query<{ id: number }>(`SELECT id FROM loans WHERE record_file_id = $1 AND checked_in_at IS NULL`, [recordFileId]);
  return r?.id ?? null;
}

export async function openLoansOfReader(db: Queryable, readerId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM loans WHERE reader_id = $1 AND checked_in_at IS NULL`, [readerId]);
  return r!.n;
}

export async function insertLoan(db: Queryable, l: {
  lineId: number; requestId: number; recordFileId: number; readerId: number; handedOverBy: number; handedOverByName: string;
  receivedByName: string; at: Date; dueOn: string;
}): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO loans (request_line_id, request_id, record_file_id, reader_id, handed_over_by, handed_over_by_name,
                        received_by_name, checked_out_at, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [l.lineId, l.requestId, l.recordFileId, l.readerId, l.handedOverBy, l.handedOverByName, l.receivedByName, l.at, l.dueOn],
  );
  return r!.id;
}

export interface LoanRow {
  id: number;
  lineId: number;
  requestId: number;
  requestYear: number;
  requestNo: number;
  recordFileId: number;
  fileNotation: string;
  title: string;
  readerId: number;
  readerName: string;
  handedOverByName: string;
  receivedByName: string;
  checkedOutAt: string;
  dueOn: string;
  checkedInAt: string | null;
  checkedInByName: string | null;
  conditionCode: string | null;
  conditionNote: string | null;
  reshelvedAt: string | null;
  shelfLabel: string | null;
  overdue: boolean;
}

const LOAN_SELECT = `SELECT lo.id, lo.request_line_id AS "lineId", lo.request_id AS "requestId", r.request_year AS "requestYear",
    r.request_no AS "requestNo", lo.record_file_id AS "recordFileId", rf.file_notation AS "fileNotation", rf.title,
    lo.reader_id AS "readerId", rd.full_name AS "readerName", lo.handed_over_by_name AS "handedOverByName",
    lo.received_by_name AS "receivedByName", lo.checked_out_at AS "checkedOutAt", to_char(lo.due_on, 'YYYY-MM-DD') AS "dueOn",
    lo.checked_in_at AS "checkedInAt", lo.checked_in_by_name AS "checkedInByName", lo.condition_code AS "conditionCode",
    lo.condition_note AS "conditionNote", lo.reshelved_at AS "reshelvedAt", sp.label AS "shelfLabel",
    (lo.checked_in_at IS NULL AND lo.due_on < $1::date) AS overdue
  FROM loans lo
  JOIN access_requests r ON r.id = lo.request_id
  JOIN readers rd ON rd.id = lo.reader_id
  JOIN record_files rf ON rf.id = lo.record_file_id
  ${FILE_PLACE}`;

export async function getLoan(db: Queryable, today: string, id: number): Promise<LoanRow | null> {
  return (await db.query<LoanRow>(`${LOAN_SELECT} WHERE lo.id = $2`, [today, id]))[0] ?? null;
}

export function listLoans(db: Queryable, today: string, f: { state: 'out' | 'overdue' | 'to_reshelve' | 'all'; readerId?: number; requestId?: number }): Promise<LoanRow[]> {
  const params: unknown[] = [today];
  const w: string[] = [];
  if (f.state === 'out') w.push('lo.checked_in_at IS NULL');
  if (f.state === 'overdue') w.push('lo.checked_in_at IS NULL AND lo.due_on < $1::date');
  if (f.state === 'to_reshelve') w.push('lo.checked_in_at IS NOT NULL AND lo.reshelved_at IS NULL');
  if (f.readerId) { params.push(f.readerId); w.push(`lo.reader_id = $${params.length}`); }
  if (f.requestId) { params.push(f.requestId); w.push(`lo.request_id = $${params.length}`); }
  return db.query<LoanRow>(`${LOAN_SELECT} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY lo.due_on, lo.id LIMIT 1000`, params);
}

export async function lockLoan(db: Queryable, id: number) {
  const [r] = await db.query<{ id: number; requestId: number; checkedInAt: Date | null; reshelvedAt: Date | null }>(
    `SELECT id, request_id AS "requestId", checked_in_at AS "checkedInAt", reshelved_at AS "reshelvedAt" FROM loans WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return r ?? null;
}

export async function checkIn(db: Queryable, id: number, c: { by: number; byName: string; at: Date; conditionCode: string; conditionNote: string | null }) {
  await db.query(
    `UPDATE loans SET checked_in_at = $2, checked_in_by = $3, checked_in_by_name = $4, condition_code = $5, condition_note = $6 WHERE id = $1`,
    [id, c.at, c.by, c.byName, c.conditionCode, c.conditionNote],
  );
}

export async function reshelve(db: Queryable, id: number, by: number, at: Date) {
  await db.query(`UPDATE loans SET reshelved_at = $2, reshelved_by = $3 WHERE id = $1`, [id, at, by]);
}

/**
 * A read request is served once every original line is out or back, and closed once every issued line is back.
 * Digital lines do not hold the request open: they are served in the viewer.
 */
export async function settleRequestStatus(db: Queryable, requestId: number, at: Date): Promise<string> {
  const [s] = await db.query<{ status: string; originals: number; issued: number; out: number }>(
    `SELECT r.status,
            (SELECT count(*)::int FROM access_request_lines l WHERE l.request_id = r.id AND l.serve_as = 'original') AS originals,
            (SELECT count(DISTINCT lo.request_line_id)::int FROM loans lo WHERE lo.request_id = r.id) AS issued,
            (SELECT count(*)::int FROM loans lo WHERE lo.request_id = r.id AND lo.checked_in_at IS NULL) AS out
       FROM access_requests r WHERE r.id = $1`,
    [requestId],
  );
  if (!s) return 'missing';
  let next = s.status;
  if (s.status === 'approved' && s.originals > 0 && s.issued >= s.originals) next = 'served';
  if (next === 'served' && s.issued >= s.originals && s.out === 0) next = 'closed';
  if (next !== s.status) {
    await db.query(
      `UPDATE access_requests SET status = $2, served_at = COALESCE(served_at, $3), updated_at = $3 WHERE id = $1`,
      [requestId, next, at],
    );
  }
  return next;
}

/** Of these files, the ones out of the stacks now (an open loan): their place reads "đang phục vụ độc giả". */
export async function filesOut(db: Queryable, fileIds: number[]): Promise<Set<number>> {
  if (fileIds.length === 0) return new Set();
  const rows = await db.query<{ id: number }>(
    `SELECT record_file_id AS id FROM loans WHERE checked_in_at IS NULL AND record_file_id = ANY($1::int[])`,
    [fileIds],
  );
  return new Set(rows.map((r) => r.id));
}

/** SQL for the files (record_files) of an inventory or an agency register, and appraisal comments. */
import type { Queryable } from '../db/db.js';
import type { Deadline } from '../deadlines/deposit-deadline.js';
import type { InventoryRecord } from './inventory/types.js';
import type { SummaryInput } from './inventory/summary.js';

/** 24 parameters a row: 500 rows stay far below PostgreSQL's 65,535-parameter limit per statement. */
const BATCH = 500;

const COLUMNS = [
  'agency_id', 'fonds_id', 'handover_id', 'row_no', 'file_notation', 'title', 'start_date', 'end_date', 'date_text',
  'retention', 'permanent', 'sheets', 'box_no', 'access_level', 'secrecy', 'declassified_year', 'special_law_years',
  'current_archive_deposit_year', 'physical_condition', 'notes', 'due_year_2011', 'due_year_2024', 'due_year', 'due_rule',
];

export interface RecordOwner {
  agencyId: number;
  fondsId: number | null;
  handoverId: number | null;
}

export async function insertRecords(tx: Queryable, owner: RecordOwner, records: { record: InventoryRecord; deadline: Deadline }[]): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    const batch = records.slice(i, i + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map(({ record: r, deadline: d }) => {
      const base = params.length;
      params.push(
        owner.agencyId, owner.fondsId, owner.handoverId, r.rowNo, r.fileNotation, r.title, r.startDate, r.endDate, r.dateText,
        r.retention, r.permanent, r.sheets, r.boxNo, r.accessLevel, r.secrecy, r.declassifiedYear, r.specialLawYears,
        r.currentArchiveDepositYear, r.physicalCondition, r.notes, d.dueYear2011, d.dueYear2024, d.dueYear, d.rule,
      );
      return `(${COLUMNS.map((_, k) => `$${base + k + 1}`).join(',')})`;
    });
    await tx.query(`INSERT INTO record_files (${COLUMNS.join(', ')}) VALUES ${tuples.join(',')}`, params);
  }
}

export async function deleteHandoverRecords(tx: Queryable, handoverId: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH d AS (DELETE FROM record_files WHERE handover_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [handoverId],
  );
  return rows[0].n;
}

/** The agency's register: files it still holds that no handover has taken. */
export async function deleteRegisterRecords(tx: Queryable, agencyId: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH d AS (DELETE FROM record_files WHERE agency_id = $1 AND handover_id IS NULL AND received_at IS NULL RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [agencyId],
  );
  return rows[0].n;
}

export async function countRegisterRecords(db: Queryable, agencyId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM record_files WHERE agency_id = $1 AND handover_id IS NULL AND received_at IS NULL`,
    [agencyId],
  );
  return r.n;
}

export async function inventoryAggregate(db: Queryable, handoverId: number): Promise<SummaryInput> {
  const [r] = await db.query<SummaryInput>(
    `SELECT count(*)::int AS files, count(DISTINCT box_no)::int AS boxes, COALESCE(sum(sheets), 0)::int AS sheets,
            min(EXTRACT(YEAR FROM COALESCE(start_date, end_date)))::int AS "fromYear", max(end_year)::int AS "toYear"
       FROM record_files WHERE handover_id = $1`,
    [handoverId],
  );
  return r;
}

export interface InventoryRow {
  id: number;
  rowNo: number;
  fileNotation: string;
  title: string;
  startDate: string | null;
  endDate: string;
  dateText: string | null;
  retention: string;
  sheets: number | null;
  boxNo: string | null;
  accessLevel: string;
  notes: string | null;
  dueYear: number | null;
  dueRule: string;
  /** Set at receipt: the file's code, its box and where that box stands (null before, and for a missing file). */
  fileCode: string | null;
  boxCode: string | null;
  location: string | null;
  comments: { id: number; comment: string; authorName: string | null; createdAt: Date }[];
}

export async function listInventory(db: Queryable, handoverId: number, limit: number, offset: number): Promise<{ items: InventoryRow[]; total: number }> {
  const rows = await db.query<Omit<InventoryRow, 'comments'>>(
    `SELECT rf.id, rf.row_no AS "rowNo", rf.file_notation AS "fileNotation", rf.title, rf.start_date AS "startDate", rf.end_date AS "endDate",
            rf.date_text AS "dateText", rf.retention, rf.sheets, rf.box_no AS "boxNo", rf.access_level AS "accessLevel", rf.notes,
            rf.due_year AS "dueYear", rf.due_rule AS "dueRule", rf.file_code AS "fileCode", b.code AS "boxCode",
            -- Out to the reading room (an open loan, server/reading-room): the shelf is not where the file is now.
            CASE WHEN EXISTS (SELECT 1 FROM loans lo WHERE lo.record_file_id = rf.id AND lo.checked_in_at IS NULL)
                 THEN 'đang phục vụ độc giả' || COALESCE(' (hộp ở: ' || sp.label || ')', '') ELSE sp.label END AS location
       FROM record_files rf
       LEFT JOIN boxes b ON b.id = rf.box_id
       LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
      WHERE rf.handover_id = $1
      ORDER BY rf.row_no LIMIT $2 OFFSET $3`,
    [handoverId, limit, offset],
  );
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM record_files WHERE handover_id = $1`, [handoverId]);
  const comments = rows.length
    ? await db.query<{ id: number; rowNo: number; comment: string; authorName: string | null; createdAt: Date }>(
        `SELECT c.id, c.row_no AS "rowNo", c.comment, u.display_name AS "authorName", c.created_at AS "createdAt"
           FROM handover_row_comments c LEFT JOIN users u ON u.id = c.author_id
          WHERE c.handover_id = $1 AND c.row_no = ANY($2::int[])
          ORDER BY c.id`,
        [handoverId, rows.map((r) => r.rowNo)],
      )
    : [];
  const byRow = new Map<number, InventoryRow['comments']>();
  for (const { rowNo, ...c } of comments) (byRow.get(rowNo) ?? byRow.set(rowNo, []).get(rowNo)!).push(c);
  return { items: rows.map((r) => ({ ...r, comments: byRow.get(r.rowNo) ?? [] })), total };
}

/** Comments on the whole list (row_no NULL), shown with the appraisal summary. */
export function generalComments(db: Queryable, handoverId: number) {
  return db.query<{ id: number; comment: string; authorName: string | null; createdAt: Date }>(
    `SELECT c.id, c.comment, u.display_name AS "authorName", c.created_at AS "createdAt"
       FROM handover_row_comments c LEFT JOIN users u ON u.id = c.author_id
      WHERE c.handover_id = $1 AND c.row_no IS NULL ORDER BY c.id`,
    [handoverId],
  );
}

export async function existingRowNos(db: Queryable, handoverId: number, rowNos: number[]): Promise<Set<number>> {
  if (rowNos.length === 0) return new Set();
  const rows = await db.query<{ rowNo: number }>(
    `SELECT row_no AS "rowNo" FROM record_files WHERE handover_id = $1 AND row_no = ANY($2::int[])`,
    [handoverId, rowNos],
  );
  return new Set(rows.map((r) => r.rowNo));
}

export async function insertComments(tx: Queryable, handoverId: number, authorId: number, at: Date, comments: { rowNo: number | null; comment: string }[]): Promise<void> {
  for (const c of comments) {
    await tx.query(
      `INSERT INTO handover_row_comments (handover_id, row_no, comment, author_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [handoverId, c.rowNo, c.comment, authorId, at],
    );
  }
}

/** Serialises two register imports of one agency. */
export async function lockAgency(tx: Queryable, agencyId: number): Promise<void> {
  await tx.query(`SELECT id FROM source_agencies WHERE id = $1 FOR UPDATE`, [agencyId]);
}

/** The register keeps no file hash of its own; the last import event remembers it. */
export async function lastRegisterImport(db: Queryable, agencyId: number): Promise<{ sha256: string | null; rows: number | null } | undefined> {
  const rows = await db.query<{ sha256: string | null; rows: number | null }>(
    `SELECT data->>'sha256' AS sha256, (data->>'rows')::int AS rows
       FROM events WHERE entity_type = 'agency' AND entity_id = $1 AND action = 'agency.register_imported'
      ORDER BY id DESC LIMIT 1`,
    [String(agencyId)],
  );
  return rows[0];
}

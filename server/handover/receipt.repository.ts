/** SQL for the receipt: discrepancies, marking files received, and the agency register's reconciliation. */
import type { Queryable } from '../db/db.js';

export interface ListedRow {
  rowNo: number;
  fileNotation: string;
  boxNo: string | null;
}

export function listedRows(db: Queryable, handoverId: number): Promise<ListedRow[]> {
  return db.query<ListedRow>(
    `SELECT row_no AS "rowNo", file_notation AS "fileNotation", box_no AS "boxNo"
       FROM record_files WHERE handover_id = $1 ORDER BY row_no`,
    [handoverId],
  );
}

export interface DiscrepancyRow {
  id: number;
  kind: 'missing' | 'extra' | 'damaged';
  rowNo: number | null;
  fileNotation: string | null;
  description: string;
  createdAt: Date;
}

export async function insertDiscrepancies(
  tx: Queryable,
  handoverId: number,
  at: Date,
  items: { kind: string; rowNo: number | null; fileNotation: string | null; description: string }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const batch = items.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO handover_discrepancies (handover_id, kind, row_no, file_notation, description, created_at)
       SELECT $1, k, r, n, d, $2 FROM unnest($3::text[], $4::int[], $5::text[], $6::text[]) AS t(k, r, n, d)`,
      [handoverId, at, batch.map((d) => d.kind), batch.map((d) => d.rowNo), batch.map((d) => d.fileNotation), batch.map((d) => d.description)],
    );
  }
}

export function listDiscrepancies(db: Queryable, handoverId: number): Promise<DiscrepancyRow[]> {
  return db.query<DiscrepancyRow>(
    `SELECT id, kind, row_no AS "rowNo", file_notation AS "fileNotation", description, created_at AS "createdAt"
       FROM handover_discrepancies WHERE handover_id = $1
      ORDER BY CASE kind WHEN 'missing' THEN 1 WHEN 'damaged' THEN 2 ELSE 3 END, row_no NULLS LAST, id`,
    [handoverId],
  );
}

/**
 * Files physically received get their box, their receipt time and their file code
 * (fonds or agency code . inventory number or end year . file number and symbol, docs/domain.md §3).
 */
export async function markReceived(
  tx: Queryable,
  p: { handoverId: number; at: Date; codePrefix: string; inventoryNo: number | null; missingRowNos: number[]; boxes: { boxNo: string; id: number }[] },
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH m AS (SELECT * FROM unnest($1::text[], $2::int[]) AS t(box_no, box_id)),
          u AS (
            UPDATE record_files rf
               SET box_id = m.box_id,
                   received_at = $3,
                   file_code = $4 || '.' || COALESCE($5::text, rf.end_year::text) || '.' || rf.file_notation
              FROM m
             WHERE rf.handover_id = $6 AND rf.box_no = m.box_no AND NOT (rf.row_no = ANY($7::int[]))
            RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [p.boxes.map((b) => b.boxNo), p.boxes.map((b) => b.id), p.at, p.codePrefix, p.inventoryNo, p.handoverId, p.missingRowNos],
  );
  // A missing file is not in any box, even when the rest of its box arrived.
  await tx.query(`UPDATE record_files SET box_id = NULL WHERE handover_id = $1 AND row_no = ANY($2::int[])`, [p.handoverId, p.missingRowNos]);
  return rows[0].n;
}

/** The digital kind of markReceived: every file not missing is received and coded; there are no boxes. */
export async function markReceivedWithoutBoxes(
  tx: Queryable,
  p: { handoverId: number; at: Date; codePrefix: string; inventoryNo: number | null; missingRowNos: number[] },
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH u AS (
       UPDATE record_files rf
          SET received_at = $1, file_code = $2 || '.' || COALESCE($3::text, rf.end_year::text) || '.' || rf.file_notation
        WHERE rf.handover_id = $4 AND NOT (rf.row_no = ANY($5::int[]))
       RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [p.at, p.codePrefix, p.inventoryNo, p.handoverId, p.missingRowNos],
  );
  return rows[0].n;
}

/** File number and end year of every file of the agency already in the historical archive, as "NOTATION|year". */
export async function receivedNotations(db: Queryable, agencyId: number): Promise<Set<string>> {
  const rows = await db.query<{ notation: string; endYear: number }>(
    `SELECT DISTINCT file_notation AS notation, end_year AS "endYear" FROM record_files WHERE agency_id = $1 AND received_at IS NOT NULL`,
    [agencyId],
  );
  // Upper-cased here, not in SQL: the database locale may not know Vietnamese case (đ/Đ).
  return new Set(rows.map((r) => `${r.notation.toUpperCase()}|${r.endYear}`));
}

/** Register rows (no handover) that the receipt has just deposited: same file number and end year. */
export async function removeDepositedFromRegister(tx: Queryable, agencyId: number, handoverId: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH d AS (
       DELETE FROM record_files reg
        WHERE reg.agency_id = $1 AND reg.handover_id IS NULL AND reg.received_at IS NULL
          AND EXISTS (SELECT 1 FROM record_files rf
                       WHERE rf.handover_id = $2 AND rf.received_at IS NOT NULL
                         AND upper(rf.file_notation) = upper(reg.file_notation) AND rf.end_year = reg.end_year)
       RETURNING 1)
     SELECT count(*)::int AS n FROM d`,
    [agencyId, handoverId],
  );
  return rows[0].n;
}

/** SQL for amendments after receipt: the row being corrected, its box, and the amendment log. */
import { one, type Queryable } from '../db/db.js';

export const ROW_COLUMNS = { title: 'title', sheets: 'sheets', notes: 'notes', physicalCondition: 'physical_condition', boxNo: 'box_no' } as const;
export type RowField = keyof typeof ROW_COLUMNS;

export function lockRowField(tx: Queryable, handoverId: number, rowNo: number, field: RowField) {
  return one<{ id: number; value: unknown }>(
    tx,
    `SELECT id, ${ROW_COLUMNS[field]} AS value FROM record_files WHERE handover_id = $1 AND row_no = $2 FOR UPDATE`,
    [handoverId, rowNo],
  );
}

export async function setRowField(tx: Queryable, fileId: number, field: RowField, value: unknown): Promise<void> {
  await tx.query(`UPDATE record_files SET ${ROW_COLUMNS[field]} = $2 WHERE id = $1`, [fileId, value]);
}

export function findHandoverBox(tx: Queryable, handoverId: number, boxNo: string) {
  return one<{ id: number }>(tx, `SELECT id FROM boxes WHERE handover_id = $1 AND box_no = $2`, [handoverId, boxNo]);
}

export async function moveFileToBox(tx: Queryable, fileId: number, boxId: number): Promise<void> {
  await tx.query(`UPDATE record_files SET box_id = $2 WHERE id = $1`, [fileId, boxId]);
}

export async function insertAmendment(
  tx: Queryable,
  a: { handoverId: number; rowNo: number | null; field: string; before: unknown; after: unknown; reason: string; authorId: number; at: Date },
): Promise<number> {
  const [saved] = await tx.query<{ id: number }>(
    `INSERT INTO handover_amendments (handover_id, row_no, field, before, after, reason, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.handoverId, a.rowNo, a.field, JSON.stringify(a.before), JSON.stringify(a.after), a.reason, a.authorId, a.at],
  );
  return saved.id;
}

export function listAmendments(db: Queryable, handoverId: number) {
  return db.query<{ id: number; rowNo: number | null; field: string; before: unknown; after: unknown; reason: string; authorName: string | null; createdAt: Date }>(
    `SELECT am.id, am.row_no AS "rowNo", am.field, am.before, am.after, am.reason, u.display_name AS "authorName", am.created_at AS "createdAt"
       FROM handover_amendments am LEFT JOIN users u ON u.id = am.author_id
      WHERE am.handover_id = $1 ORDER BY am.id`,
    [handoverId],
  );
}

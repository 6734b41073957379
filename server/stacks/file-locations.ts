/**
 * Where a file is, as one line of text for staff: its box's shelf, or "đang phục vụ độc giả" (with where the box
 * is) while an open loan has it in the reading room. One wording for every screen that shows a place (locate, the
 * shelf's box list, staff search hits), so a file out to a reader never sends anyone to an empty shelf slot.
 */
import type { Queryable } from '../db/db.js';
import { filesOut } from '../reading-room/circulation.repository.js';
import { OUT_TO_READER } from '../reading-room/circulation.service.js';
import { shelfLabel } from './stacks.repository.js';

export interface ShelfPlace { repositoryName: string | null; roomName: string | null; unitCode: string | null; shelfCode: string | null }

export const placeLabel = (r: ShelfPlace): string | null =>
  r.shelfCode != null ? shelfLabel({ repositoryName: r.repositoryName!, roomName: r.roomName!, unitCode: r.unitCode!, code: r.shelfCode }) : null;

export const locationText = (shelf: string | null, out: boolean): string | null =>
  (out ? `${OUT_TO_READER} (hộp ở: ${shelf ?? 'chưa xếp giá'})` : shelf);

/** Files in their box (box_id, or the handover's box number before boxing was linked), the same join as locate. */
const FILE_BOX_JOIN = `JOIN boxes b ON b.id = rf.box_id OR (rf.box_id IS NULL AND b.handover_id = rf.handover_id AND b.box_no = btrim(rf.box_no))`;

/** Location text per file id; files without a box are absent from the map. */
export async function fileLocations(db: Queryable, fileIds: number[]): Promise<Map<number, string | null>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db.query<ShelfPlace & { fileId: number }>(
    `SELECT rf.id AS "fileId", sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode", sp.shelf_code AS "shelfCode"
       FROM record_files rf ${FILE_BOX_JOIN} LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
      WHERE rf.id = ANY($1::int[])`,
    [fileIds],
  );
  const out = await filesOut(db, rows.map((r) => r.fileId));
  return new Map(rows.map((r) => [r.fileId, locationText(placeLabel(r), out.has(r.fileId))]));
}

export interface OutFile { fileId: number; fileNotation: string; title: string }

/** Per box, the files of it that are out to the reading room now (boxes with none are absent). */
export async function outFilesOfBoxes(db: Queryable, boxIds: number[]): Promise<Map<number, OutFile[]>> {
  if (boxIds.length === 0) return new Map();
  const rows = await db.query<OutFile & { boxId: number }>(
    `SELECT b.id AS "boxId", rf.id AS "fileId", rf.file_notation AS "fileNotation", rf.title
       FROM record_files rf ${FILE_BOX_JOIN}
      WHERE b.id = ANY($1::int[]) ORDER BY rf.row_no NULLS LAST, rf.id`,
    [boxIds],
  );
  const out = await filesOut(db, rows.map((r) => r.fileId));
  const m = new Map<number, OutFile[]>();
  for (const { boxId, ...f } of rows) if (out.has(f.fileId)) m.set(boxId, [...(m.get(boxId) ?? []), f]);
  return m;
}

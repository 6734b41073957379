/** SQL for box types, boxes and finding a file's box. */
import { one, type Queryable } from '../db/db.js';

export interface BoxType { id: number; code: string; name: string; widthCm: number }

const BOX_TYPE_COLS = `id, code, name, width_cm AS "widthCm"`;

export function listBoxTypes(db: Queryable): Promise<BoxType[]> {
  return db.query<BoxType>(`SELECT ${BOX_TYPE_COLS} FROM box_types ORDER BY code COLLATE "C", id`);
}

export function findBoxType(db: Queryable, id: number) {
  return one<BoxType>(db, `SELECT ${BOX_TYPE_COLS} FROM box_types WHERE id = $1`, [id]);
}

export function findBoxTypeByCode(db: Queryable, code: string) {
  return one<BoxType>(db, `SELECT ${BOX_TYPE_COLS} FROM box_types WHERE lower(code) = lower($1)`, [code]);
}

/** Inserts unless the code exists (two first requests may race to seed the default type). */
export async function insertBoxType(db: Queryable, t: Omit<BoxType, 'id'>): Promise<BoxType | undefined> {
  return one<BoxType>(
    db,
    `INSERT INTO box_types (code, name, width_cm) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING ${BOX_TYPE_COLS}`,
    [t.code, t.name, t.widthCm],
  );
}

export async function countHandoverBoxes(db: Queryable, handoverId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM boxes WHERE handover_id = $1`, [handoverId]);
  return r.n;
}

export interface NewBox {
  code: string;
  boxTypeId: number;
  shelfId: number;
  position: number;
  agencyId: number;
  fondsId: number | null;
  handoverId: number;
  boxNo: string;
}

export async function insertBox(db: Queryable, b: NewBox): Promise<{ id: number }> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO boxes (code, box_type_id, shelf_id, position, agency_id, fonds_id, handover_id, box_no)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [b.code, b.boxTypeId, b.shelfId, b.position, b.agencyId, b.fondsId, b.handoverId, b.boxNo],
  );
  return row;
}

/** Points the handover's files at their new boxes by "Hộp số", so a file can be located on the shelf. */
export async function linkFilesToBoxes(db: Queryable, handoverId: number): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `UPDATE record_files rf SET box_id = b.id
       FROM boxes b
      WHERE rf.handover_id = $1 AND b.handover_id = $1 AND b.box_no = btrim(rf.box_no)
      RETURNING rf.id`,
    [handoverId],
  );
  return rows.length;
}

export interface ShelfBox { id: number; code: string; boxNo: string | null; agencyName: string | null; handoverId: number | null; widthCm: number }

export function boxesOnShelf(db: Queryable, shelfId: number): Promise<ShelfBox[]> {
  return db.query<ShelfBox>(
    `SELECT b.id, b.code, b.box_no AS "boxNo", a.name AS "agencyName", b.handover_id AS "handoverId",
            COALESCE(b.width_cm, bt.width_cm) AS "widthCm"
       FROM boxes b
       JOIN box_types bt ON bt.id = b.box_type_id
       LEFT JOIN source_agencies a ON a.id = b.agency_id
      WHERE b.shelf_id = $1
      ORDER BY b.position, b.id`,
    [shelfId],
  );
}

export interface LocatedFile {
  fileId: number;
  fileCode: string | null;
  fileNotation: string;
  title: string;
  agencyName: string;
  fondsCode: string | null;
  boxId: number;
  boxCode: string;
  boxNo: string | null;
  shelfId: number | null;
  roomId: number | null;
  repositoryName: string | null;
  roomName: string | null;
  unitCode: string | null;
  shelfCode: string | null;
}

/**
 * Files in a box whose Mã hồ sơ equals the code (case-insensitive), or whose Số và ký hiệu does
 * (case- and accent-insensitive). A file not yet linked by box_id is found through its handover's "Hộp số".
 */
export function locateFiles(db: Queryable, code: string, limit: number): Promise<LocatedFile[]> {
  return db.query<LocatedFile>(
    `SELECT rf.id AS "fileId", rf.file_code AS "fileCode", rf.file_notation AS "fileNotation", rf.title,
            a.name AS "agencyName", f.code AS "fondsCode", b.id AS "boxId", b.code AS "boxCode", b.box_no AS "boxNo",
            sp.shelf_id AS "shelfId", sp.room_id AS "roomId", sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode", sp.shelf_code AS "shelfCode"
       FROM record_files rf
       JOIN source_agencies a ON a.id = rf.agency_id
       LEFT JOIN fonds f ON f.id = rf.fonds_id
       JOIN boxes b ON b.id = rf.box_id
                    OR (rf.box_id IS NULL AND b.handover_id = rf.handover_id AND b.box_no = btrim(rf.box_no))
       LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
      WHERE lower(rf.file_code) = lower($1)
         OR f_unaccent(lower(rf.file_notation)) = f_unaccent(lower($1))
      ORDER BY rf.file_code NULLS LAST, rf.id
      LIMIT $2`,
    [code, limit],
  );
}

export interface LocatedBoxRow {
  boxId: number;
  code: string;
  boxNo: string | null;
  agencyName: string | null;
  fondsCode: string | null;
  handoverId: number | null;
  files: number;
  shelfId: number | null;
  roomId: number | null;
  repositoryName: string | null;
  roomName: string | null;
  unitCode: string | null;
  shelfCode: string | null;
}

/** The box whose code is `code`, case-insensitive: a scanner may send the label's code in either case. */
export function locateBox(db: Queryable, code: string) {
  return one<LocatedBoxRow>(
    db,
    `SELECT b.id AS "boxId", b.code, b.box_no AS "boxNo", a.name AS "agencyName", f.code AS "fondsCode", b.handover_id AS "handoverId",
            (SELECT count(*)::int FROM record_files rf WHERE rf.box_id = b.id) AS files,
            sp.shelf_id AS "shelfId", sp.room_id AS "roomId", sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode", sp.shelf_code AS "shelfCode"
       FROM boxes b
       LEFT JOIN source_agencies a ON a.id = b.agency_id
       LEFT JOIN fonds f ON f.id = b.fonds_id
       LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
      WHERE lower(b.code) = lower($1)
      ORDER BY b.id
      LIMIT 1`,
    [code],
  );
}

/** SQL for what the stacks print: boxes with their contents and place, a handover's files with their box and shelf. */
import { one, type Queryable } from '../db/db.js';

/** A box with what a label and a shelf list show: fonds, inventory, its files' range and years, and where it stands. */
export interface BoxForPrint {
  boxId: number;
  code: string;
  boxNo: string | null;
  position: number | null;
  shelfId: number | null;
  repositoryName: string | null;
  roomName: string | null;
  unitCode: string | null;
  shelfCode: string | null;
  agencyName: string | null;
  fondsCode: string | null;
  fondsName: string | null;
  inventoryNo: number | null;
  handoverId: number | null;
  files: number;
  firstNotation: string | null;
  lastNotation: string | null;
  fromYear: number | null;
  toYear: number | null;
}

export type BoxFilter = { handoverId: number } | { shelfId: number } | { unitId: number } | { roomId: number } | { boxId: number };

const FILTER_SQL = {
  handoverId: 'b.handover_id = $1',
  shelfId: 'b.shelf_id = $1',
  unitId: 'sp.unit_id = $1',
  roomId: 'sp.room_id = $1',
  boxId: 'b.id = $1',
} as const;

/** Boxes in shelf order (repository, room, unit, shelf, position); a box not on a shelf comes last. */
export function boxesForPrint(db: Queryable, filter: BoxFilter): Promise<BoxForPrint[]> {
  const [key, value] = Object.entries(filter)[0] as [keyof typeof FILTER_SQL, number];
  return db.query<BoxForPrint>(
    `SELECT b.id AS "boxId", b.code, b.box_no AS "boxNo", b.position, b.shelf_id AS "shelfId",
            sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode", sp.shelf_code AS "shelfCode",
            a.name AS "agencyName", f.code AS "fondsCode", f.name AS "fondsName", h.inventory_no AS "inventoryNo", b.handover_id AS "handoverId",
            COALESCE(c.files, 0)::int AS files, c.first_notation AS "firstNotation", c.last_notation AS "lastNotation",
            c.from_year AS "fromYear", c.to_year AS "toYear"
       FROM boxes b
       LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
       LEFT JOIN source_agencies a ON a.id = b.agency_id
       LEFT JOIN fonds f ON f.id = b.fonds_id
       LEFT JOIN handovers h ON h.id = b.handover_id
       LEFT JOIN LATERAL (
         SELECT count(*) AS files,
                (array_agg(rf.file_notation ORDER BY rf.row_no NULLS LAST, rf.id))[1] AS first_notation,
                (array_agg(rf.file_notation ORDER BY rf.row_no DESC NULLS LAST, rf.id DESC))[1] AS last_notation,
                min(EXTRACT(YEAR FROM COALESCE(rf.start_date, rf.end_date)))::int AS from_year,
                max(rf.end_year)::int AS to_year
           FROM record_files rf WHERE rf.box_id = b.id
       ) c ON true
      WHERE ${FILTER_SQL[key]}
      ORDER BY sp.repository_code COLLATE "C" NULLS LAST, sp.repository_id, sp.room_code COLLATE "C", sp.room_id, sp.unit_ordinal, sp.unit_id, sp.shelf_ordinal, sp.shelf_id, b.position, b.id`,
    [value],
  );
}

export interface HandoverForPrint {
  id: number;
  title: string;
  status: string;
  agencyName: string;
  fondsCode: string | null;
  fondsName: string | null;
  inventoryNo: number | null;
  handoverDate: string | null;
}

export function handoverForPrint(db: Queryable, id: number) {
  return one<HandoverForPrint>(
    db,
    `SELECT h.id, h.title, h.status, a.name AS "agencyName", f.code AS "fondsCode", f.name AS "fondsName",
            h.inventory_no AS "inventoryNo", to_char(h.handover_date, 'YYYY-MM-DD') AS "handoverDate"
       FROM handovers h JOIN source_agencies a ON a.id = h.agency_id LEFT JOIN fonds f ON f.id = h.fonds_id
      WHERE h.id = $1`,
    [id],
  );
}

export interface FileWithLocation {
  rowNo: number | null;
  fileNotation: string;
  fileCode: string | null;
  title: string;
  fromYear: number | null;
  toYear: number;
  dateText: string | null;
  sheets: number | null;
  boxNo: string | null;
  boxCode: string | null;
  repositoryName: string | null;
  roomName: string | null;
  unitCode: string | null;
  shelfCode: string | null;
}

/** Every file of the handover in inventory order, with the box it was put in at receipt and that box's shelf. */
export function handoverFilesWithLocation(db: Queryable, handoverId: number): Promise<FileWithLocation[]> {
  return db.query<FileWithLocation>(
    `SELECT rf.row_no AS "rowNo", rf.file_notation AS "fileNotation", rf.file_code AS "fileCode", rf.title,
            EXTRACT(YEAR FROM rf.start_date)::int AS "fromYear", rf.end_year AS "toYear", rf.date_text AS "dateText", rf.sheets,
            rf.box_no AS "boxNo", b.code AS "boxCode",
            sp.repository_name AS "repositoryName", sp.room_name AS "roomName", sp.unit_code AS "unitCode", sp.shelf_code AS "shelfCode"
       FROM record_files rf
       LEFT JOIN boxes b ON b.id = rf.box_id
       LEFT JOIN shelf_places sp ON sp.shelf_id = b.shelf_id
      WHERE rf.handover_id = $1
      ORDER BY rf.row_no NULLS LAST, rf.id`,
    [handoverId],
  );
}

/**
 * SQL for the interop exports: a fonds with its inventories and files, an agency with its lineage and fonds, and the
 * OAI-PMH item list. "Public" is one rule, oai_is_public() in migration 0053 (received, unrestricted, not secret in
 * the clock's year), so the finding aid, the harvest and the tombstone triggers cannot disagree.
 */
import { one, type Queryable } from '../../db/db.js';

/** Secret in year $yr: never written anywhere outside the staff screens. */
const SECRET = (f: string, yr: string) => `(${f}.secrecy IS NOT NULL AND (${f}.declassified_year IS NULL OR ${f}.declassified_year > ${yr}))`;
const PUBLIC = (f: string, yr: string) => `oai_is_public(${f}.access_level, ${f}.secrecy, ${f}.declassified_year, ${f}.received_at, ${yr})`;
/** A declassification opens a file on 1 January (Vietnam, UTC+7) of its year without touching the row. */
const STAMP = (f: string) =>
  `date_trunc('second', GREATEST(${f}.changed_at, CASE WHEN ${f}.secrecy IS NOT NULL AND ${f}.declassified_year IS NOT NULL
     THEN (make_date(${f}.declassified_year, 1, 1) - interval '7 hours') AT TIME ZONE 'UTC' END))`;

export interface FondsRow {
  id: number; code: string; name: string; kind: string; status: string; startYear: number | null; endYear: number | null;
  creatorHistory: string | null; fondsHistory: string | null; notes: string | null; createdAt: Date; updatedAt: Date;
  agencyId: number | null; agencyName: string | null; agencyCode: string | null; metres: number | null;
}

export interface InventoryRow { handoverId: number; inventoryNo: number | null; title: string; handoverDate: string | null }

export interface ExportFileRow {
  id: number; handoverId: number | null; fileNotation: string; fileCode: string | null; title: string;
  startDate: string | null; endDate: string; dateText: string | null; sheets: number | null; retention: string;
  accessLevel: string; isPublic: boolean; digitised: boolean; fondsId: number | null; agencyId: number;
  agencyName: string; fondsName: string | null; fondsCode: string | null; changedAt: Date; boxNo: string | null;
}

const FILE_COLUMNS = (yr: string) => `f.id, f.handover_id AS "handoverId", f.file_notation AS "fileNotation", f.file_code AS "fileCode",
  f.title, f.start_date::text AS "startDate", f.end_date::text AS "endDate", f.date_text AS "dateText", f.sheets, f.retention,
  f.access_level AS "accessLevel", ${PUBLIC('f', yr)} AS "isPublic",
  EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) AS digitised, f.fonds_id AS "fondsId", f.agency_id AS "agencyId",
  a.name AS "agencyName", fo.name AS "fondsName", fo.code AS "fondsCode", ${STAMP('f')} AS "changedAt", f.box_no AS "boxNo"`;

export function findFonds(db: Queryable, id: number) {
  return one<FondsRow>(db,
    `SELECT fo.id, fo.code, fo.name, fo.kind, fo.status, fo.start_year AS "startYear", fo.end_year AS "endYear",
            fo.creator_history AS "creatorHistory", fo.fonds_history AS "fondsHistory", fo.notes,
            fo.created_at AS "createdAt", fo.updated_at AS "updatedAt", fo.agency_id AS "agencyId", a.name AS "agencyName", a.code AS "agencyCode",
            (SELECT sum(h.measured_metres) FROM handovers h WHERE h.fonds_id = fo.id AND h.status = 'received')::double precision AS metres
       FROM fonds fo LEFT JOIN source_agencies a ON a.id = fo.agency_id WHERE fo.id = $1`, [id]);
}

export function fondsInventories(db: Queryable, fondsId: number) {
  return db.query<InventoryRow>(
    `SELECT h.id AS "handoverId", h.inventory_no AS "inventoryNo", h.title, h.handover_date::text AS "handoverDate"
       FROM handovers h WHERE h.fonds_id = $1 AND h.status = 'received' ORDER BY h.handover_date NULLS LAST, h.id`, [fondsId]);
}

/** The fonds' files in the archive, secret ones left out; restricted ones come flagged (isPublic false). */
export function fondsFiles(db: Queryable, fondsId: number, year: number) {
  return db.query<ExportFileRow>(
    `SELECT ${FILE_COLUMNS('$2')}
       FROM record_files f JOIN source_agencies a ON a.id = f.agency_id LEFT JOIN fonds fo ON fo.id = f.fonds_id
      WHERE f.fonds_id = $1 AND f.received_at IS NOT NULL AND NOT ${SECRET('f', '$2')}
      ORDER BY f.handover_id NULLS LAST, f.row_no NULLS LAST, f.id`, [fondsId, year]);
}

/** One file if it is public in `year`, else nothing (restricted, secret, not received, unknown). */
export function publicFile(db: Queryable, id: number, year: number) {
  return one<ExportFileRow>(db,
    `SELECT ${FILE_COLUMNS('$2')}
       FROM record_files f JOIN source_agencies a ON a.id = f.agency_id LEFT JOIN fonds fo ON fo.id = f.fonds_id
      WHERE f.id = $1 AND ${PUBLIC('f', '$2')}`, [id, year]);
}

export function publicFiles(db: Queryable, ids: number[], year: number) {
  return db.query<ExportFileRow>(
    `SELECT ${FILE_COLUMNS('$2')}
       FROM record_files f JOIN source_agencies a ON a.id = f.agency_id LEFT JOIN fonds fo ON fo.id = f.fonds_id
      WHERE f.id = ANY($1::int[]) AND ${PUBLIC('f', '$2')}`, [ids, year]);
}

export interface AgencyRow {
  id: number; code: string; name: string; level: 'province' | 'district' | 'commune'; status: 'active' | 'merged' | 'dissolved';
  statusDate: string | null; listingDecision: string | null; notes: string | null; createdAt: Date; updatedAt: Date;
  parentId: number | null; parentName: string | null; successorId: number | null; successorName: string | null;
}

const AGENCY_COLUMNS = `a.id, a.code, a.name, a.level, a.status, a.status_date::text AS "statusDate", a.listing_decision AS "listingDecision",
  a.notes, a.created_at AS "createdAt", date_trunc('second', a.updated_at) AS "updatedAt", a.parent_id AS "parentId", p.name AS "parentName",
  a.successor_id AS "successorId", s.name AS "successorName"`;

export function findAgencies(db: Queryable, ids: number[]) {
  return db.query<AgencyRow>(
    `SELECT ${AGENCY_COLUMNS} FROM source_agencies a
       LEFT JOIN source_agencies p ON p.id = a.parent_id LEFT JOIN source_agencies s ON s.id = a.successor_id
      WHERE a.id = ANY($1::int[])`, [ids]);
}

/** Predecessors: the agencies whose successor is one of `ids` (a merger or the end of the district level). */
export function predecessorsOf(db: Queryable, ids: number[]) {
  return db.query<{ id: number; name: string; successorId: number; statusDate: string | null; status: string }>(
    `SELECT id, name, successor_id AS "successorId", status_date::text AS "statusDate", status FROM source_agencies
      WHERE successor_id = ANY($1::int[]) ORDER BY name`, [ids]);
}

export function fondsOf(db: Queryable, agencyIds: number[]) {
  return db.query<{ id: number; code: string; name: string; agencyId: number }>(
    `SELECT id, code, name, agency_id AS "agencyId" FROM fonds WHERE agency_id = ANY($1::int[]) ORDER BY code`, [agencyIds]);
}

export { PUBLIC as publicSql, STAMP as stampSql };

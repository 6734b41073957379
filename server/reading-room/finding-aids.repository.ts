/**
 * Finding aids for researchers: fonds → inventory (mục lục, file_metadata.file_catalog) → files, digitised or not,
 * and search over file titles, notations and dates with the search area's folding (search_fold, the same tsquery
 * parser), so "bien ban" finds "biên bản". Browsing shows restricted files as restricted (their title is public
 * under the law, their content is not); secret files that are not declassified never appear to non-staff.
 */
import type { Queryable } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { isStaff } from '../core/actor.js';
import { yearOf } from '../core/time/index.js';
import type { FindingFile } from '../contract/reading-room.js';

/** The browse rule: staff see all; everyone else every file that is not secret on the scope's year. */
export function listableSql(scope: Scope, params: unknown[], f = 'f'): string {
  if (isStaff(scope.acting)) return 'TRUE';
  params.push(yearOf(scope.day));
  return `NOT (${f}.secrecy IS NOT NULL AND (${f}.declassified_year IS NULL OR ${f}.declassified_year > $${params.length}))`;
}

const FILE_COLUMNS = `f.id, f.file_notation AS "fileNotation", f.file_code AS "fileCode", f.title, f.start_date::text AS "startDate",
    f.end_date::text AS "endDate", f.date_text AS "dateText", f.sheets, f.fonds_id AS "fondsId", fo.code AS "fondsCode", fo.name AS "fondsName",
    fm.file_catalog AS catalog, f.box_id AS "boxId", b.code AS "boxCode",
    (f.access_level = 'restricted' OR EXISTS (SELECT 1 FROM documents d WHERE d.record_file_id = f.id AND d.access_level = 'restricted')) AS restricted,
    EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) AS digitised`;
export const FILE_FROM = `FROM record_files f LEFT JOIN fonds fo ON fo.id = f.fonds_id LEFT JOIN file_metadata fm ON fm.record_file_id = f.id
    LEFT JOIN boxes b ON b.id = f.box_id`;

export async function listFonds(db: Queryable, scope: Scope) {
  const params: unknown[] = [];
  const vis = listableSql(scope, params);
  return db.query<{ id: number; code: string; name: string; startYear: number | null; endYear: number | null; inventories: number; files: number }>(
    `SELECT fo.id, fo.code, fo.name, fo.start_year AS "startYear", fo.end_year AS "endYear",
            count(DISTINCT fm.file_catalog)::int AS inventories, count(f.id)::int AS files
       FROM fonds fo JOIN record_files f ON f.fonds_id = fo.id AND ${vis} LEFT JOIN file_metadata fm ON fm.record_file_id = f.id
      GROUP BY fo.id ORDER BY fo.code`, params);
}

export async function fondsInventories(db: Queryable, scope: Scope, fondsId: number) {
  const params: unknown[] = [fondsId];
  const vis = listableSql(scope, params);
  return db.query<{ catalog: string | null; files: number; fromYear: number | null; toYear: number | null }>(
    `SELECT fm.file_catalog AS catalog, count(*)::int AS files, min(EXTRACT(YEAR FROM coalesce(f.start_date, f.end_date)))::int AS "fromYear", max(f.end_year)::int AS "toYear"
       FROM record_files f LEFT JOIN file_metadata fm ON fm.record_file_id = f.id
      WHERE f.fonds_id = $1 AND ${vis} GROUP BY fm.file_catalog ORDER BY fm.file_catalog NULLS LAST`, params);
}

export interface FileQuery {
  fondsId?: number; catalog?: string; boxId?: number; tsquery?: string; year?: number; digitised?: boolean; ids?: number[];
  limit: number; offset: number;
}

export async function findFiles(db: Queryable, scope: Scope, q: FileQuery): Promise<{ items: FindingFile[]; total: number }> {
  const params: unknown[] = [];
  const w = [listableSql(scope, params)];
  const add = (sql: (p: string) => string, v: unknown) => { params.push(v); w.push(sql(`$${params.length}`)); };
  if (q.fondsId) add((p) => `f.fonds_id = ${p}`, q.fondsId);
  // '' = the files not yet listed in any inventory.
  if (q.catalog === '') w.push('fm.file_catalog IS NULL');
  else if (q.catalog !== undefined) add((p) => `fm.file_catalog = ${p}`, q.catalog);
  if (q.boxId) add((p) => `f.box_id = ${p}`, q.boxId);
  if (q.ids) add((p) => `f.id = ANY(${p}::int[])`, q.ids);
  if (q.year) add((p) => `${p}::int BETWEEN EXTRACT(YEAR FROM coalesce(f.start_date, f.end_date)) AND f.end_year`, q.year);
  if (q.digitised !== undefined) add((p) => `EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) = ${p}`, q.digitised);
  if (q.tsquery) add((p) => `(f.search_tsv @@ to_tsquery('simple', ${p}) OR to_tsvector('simple', search_fold(coalesce(f.date_text, '') || ' ' || coalesce(fm.description, ''))) @@ to_tsquery('simple', ${p}))`, q.tsquery);
  const where = `WHERE ${w.join(' AND ')}`;
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${FILE_FROM} ${where}`, params);
  params.push(q.limit, q.offset);
  const items = await db.query<FindingFile>(
    `SELECT ${FILE_COLUMNS} ${FILE_FROM} ${where} ORDER BY fo.code NULLS LAST, fm.file_catalog NULLS LAST, f.row_no NULLS LAST, f.file_notation, f.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`, params);
  return { items, total: n! };
}

/** The listable files of one box (for "add the whole box"). */
export async function boxFileIds(db: Queryable, scope: Scope, boxId: number): Promise<number[] | null> {
  const [box] = await db.query('SELECT 1 FROM boxes WHERE id = $1', [boxId]);
  if (!box) return null;
  const params: unknown[] = [boxId];
  const vis = listableSql(scope, params);
  return (await db.query<{ id: number }>(`SELECT f.id FROM record_files f WHERE f.box_id = $1 AND ${vis} ORDER BY f.id`, params)).map((r) => r.id);
}

export { FILE_COLUMNS };

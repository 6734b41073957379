/**
 * Deposit deadlines read from record_files. Only permanent files go to the historical archive (docs/domain.md §5);
 * a file is still owed while received_at IS NULL, whether it sits in the agency's register or in a handover
 * not yet received. due_year was computed and stored with its rule when the file was registered.
 */
import type { Queryable } from '../db/db.js';

export interface DueFileRow {
  id: number;
  fileNotation: string;
  title: string;
  endYear: number;
  dueYear: number | null;
  dueRule: string;
  handoverId: number | null;
  received: boolean;
}

export async function agencyRef(db: Queryable, id: number) {
  const rows = await db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM source_agencies WHERE id = $1`, [id]);
  return rows[0];
}

/** One row per (due year, rule, deposited?) of an agency's permanent files: summary and per-year table come from it. */
export async function dueGroups(db: Queryable, agencyId: number) {
  return db.query<{ dueYear: number | null; rule: string; received: boolean; files: number }>(
    `SELECT due_year AS "dueYear", due_rule AS rule, received_at IS NOT NULL AS received, count(*)::int AS files
       FROM record_files
      WHERE agency_id = $1 AND permanent
      GROUP BY 1, 2, 3
      ORDER BY 1, 2`,
    [agencyId],
  );
}

/**
 * Files still owed that are overdue (due before `year`) or due this or next year, at most `limit` of each kind,
 * earliest first — one query instead of two, since on embedded PGlite every query waits for the single connection.
 */
export async function owedFiles(db: Queryable, agencyId: number, year: number, limit: number): Promise<DueFileRow[]> {
  return db.query<DueFileRow>(
    `SELECT id, "fileNotation", title, "endYear", "dueYear", "dueRule", "handoverId", false AS received
       FROM (SELECT id, file_notation AS "fileNotation", title, end_year AS "endYear", due_year AS "dueYear", due_rule AS "dueRule",
                    handover_id AS "handoverId",
                    row_number() OVER (PARTITION BY due_year < $2 ORDER BY due_year, file_notation, id) AS n
               FROM record_files
              WHERE agency_id = $1 AND permanent AND received_at IS NULL AND due_year <= $2 + 1) owed
      WHERE n <= $3
      ORDER BY "dueYear", "fileNotation", id`,
    [agencyId, year, limit],
  );
}

export interface OverdueAgencyRow {
  agencyId: number;
  code: string;
  name: string;
  level: string;
  status: string;
  overdueFiles: number;
  earliestDueYear: number;
  dueThisYear: number;
}

export type OverdueSort = 'overdueFiles' | 'earliestDueYear' | 'name' | 'code';

const SORT_SQL: Record<OverdueSort, string> = {
  overdueFiles: `"overdueFiles"`,
  earliestDueYear: `"earliestDueYear"`,
  name: `f_unaccent(lower(a.name))`,
  code: `a.code`,
};

export async function overdueAgencies(db: Queryable, q: { year: number; level?: string; sort: OverdueSort; order: 'asc' | 'desc' }) {
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  return db.query<OverdueAgencyRow>(
    `SELECT a.id AS "agencyId", a.code, a.name, a.level, a.status,
            count(*) FILTER (WHERE f.due_year < $1)::int AS "overdueFiles",
            min(f.due_year) FILTER (WHERE f.due_year < $1) AS "earliestDueYear",
            count(*) FILTER (WHERE f.due_year = $1)::int AS "dueThisYear"
       FROM source_agencies a
       JOIN record_files f ON f.agency_id = a.id AND f.permanent AND f.received_at IS NULL
      WHERE ($2::text IS NULL OR a.level = $2)
      GROUP BY a.id
     HAVING count(*) FILTER (WHERE f.due_year < $1) > 0
      ORDER BY ${SORT_SQL[q.sort]} ${dir}, a.code`,
    [q.year, q.level ?? null],
  );
}

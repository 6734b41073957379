/**
 * Deposit deadlines read from record_files. Only permanent files go to the historical archive (DOMAIN.md §5);
 * a file is still owed while received_at IS NULL, whether it sits in the agency's register or in a handover
 * not yet received. due_year was computed and stored with its rule when the file was registered.
 */
import type { Queryable } from '../db/db.js';

export interface DueSummaryRow {
  overdue: number;
  earliestDueYear: number | null;
  dueThisYear: number;
  dueNextYear: number;
  later: number;
  pendingDeclassification: number;
  deposited: number;
}

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

export async function dueSummary(db: Queryable, agencyId: number, year: number): Promise<DueSummaryRow> {
  const [r] = await db.query<DueSummaryRow>(
    `SELECT count(*) FILTER (WHERE received_at IS NULL AND due_year < $2)::int AS overdue,
            min(due_year) FILTER (WHERE received_at IS NULL AND due_year < $2) AS "earliestDueYear",
            count(*) FILTER (WHERE received_at IS NULL AND due_year = $2)::int AS "dueThisYear",
            count(*) FILTER (WHERE received_at IS NULL AND due_year = $2 + 1)::int AS "dueNextYear",
            count(*) FILTER (WHERE received_at IS NULL AND due_year > $2 + 1)::int AS later,
            count(*) FILTER (WHERE received_at IS NULL AND due_year IS NULL)::int AS "pendingDeclassification",
            count(*) FILTER (WHERE received_at IS NOT NULL)::int AS deposited
       FROM record_files WHERE agency_id = $1 AND permanent`,
    [agencyId, year],
  );
  return r;
}

export async function dueByYear(db: Queryable, agencyId: number) {
  return db.query<{ dueYear: number; rule: string; files: number }>(
    `SELECT due_year AS "dueYear", due_rule AS rule, count(*)::int AS files
       FROM record_files
      WHERE agency_id = $1 AND permanent AND received_at IS NULL AND due_year IS NOT NULL
      GROUP BY due_year, due_rule
      ORDER BY due_year, due_rule`,
    [agencyId],
  );
}

/** Files not yet deposited whose due year lies in [fromYear, toYear] (either bound may be null: open). */
export async function dueFiles(db: Queryable, agencyId: number, fromYear: number | null, toYear: number | null, limit: number): Promise<DueFileRow[]> {
  return db.query<DueFileRow>(
    `SELECT id, file_notation AS "fileNotation", title, end_year AS "endYear", due_year AS "dueYear", due_rule AS "dueRule",
            handover_id AS "handoverId", received_at IS NOT NULL AS received
       FROM record_files
      WHERE agency_id = $1 AND permanent AND received_at IS NULL AND due_year IS NOT NULL
        AND ($2::integer IS NULL OR due_year >= $2) AND ($3::integer IS NULL OR due_year <= $3)
      ORDER BY due_year, file_notation, id
      LIMIT $4`,
    [agencyId, fromYear, toYear, limit],
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

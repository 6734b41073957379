/**
 * Deposit deadlines read from record_files. Only permanent files go to the historical archive (docs/domain.md §5);
 * a file is still owed while received_at IS NULL, whether it sits in the agency's register or in a handover
 * not yet received. due_year was computed and stored with its rule when the file was registered.
 *
 * A file owed is counted once per agency, file number and end year (the identity the receipt uses to clear the
 * register): the same file in the register and in several open handovers is one file, and a cancelled handover
 * owes nothing. The row shown is the newest handover's, else the register's.
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

/** The owed files as a CTE named `owed`; `where` filters record_files rf (its parameters are the caller's). */
const owedCte = (where: string) => `
  owed AS (
    SELECT DISTINCT ON (rf.agency_id, upper(rf.file_notation), rf.end_year)
           rf.id, rf.agency_id, rf.file_notation, rf.title, rf.end_year, rf.due_year, rf.due_rule, rf.handover_id
      FROM record_files rf
      LEFT JOIN handovers h ON h.id = rf.handover_id
     WHERE ${where} AND rf.permanent AND rf.received_at IS NULL AND (h.id IS NULL OR h.status <> 'cancelled')
     ORDER BY rf.agency_id, upper(rf.file_notation), rf.end_year, rf.handover_id IS NULL, rf.handover_id DESC, rf.id)`;

export async function agencyRef(db: Queryable, id: number) {
  const rows = await db.query<{ id: number; code: string; name: string }>(`SELECT id, code, name FROM source_agencies WHERE id = $1`, [id]);
  return rows[0];
}

/** One row per (due year, rule, deposited?) of an agency's permanent files: summary and per-year table come from it. */
export async function dueGroups(db: Queryable, agencyId: number) {
  return db.query<{ dueYear: number | null; rule: string; received: boolean; files: number }>(
    `WITH ${owedCte('rf.agency_id = $1')}
     SELECT due_year AS "dueYear", due_rule AS rule, false AS received, count(*)::int AS files FROM owed GROUP BY 1, 2
      UNION ALL
     SELECT due_year, due_rule, true, count(*)::int
       FROM record_files WHERE agency_id = $1 AND permanent AND received_at IS NOT NULL GROUP BY 1, 2
      ORDER BY 1, 2, 3`,
    [agencyId],
  );
}

export type DueList = 'overdue' | 'upcoming';
export type DueFileSort = 'dueYear' | 'fileNotation' | 'endYear' | 'title';

const FILE_SORT_SQL: Record<DueFileSort, string> = {
  dueYear: 'due_year',
  fileNotation: 'upper(file_notation)',
  endYear: 'end_year',
  title: 'f_unaccent(lower(title))',
};

/**
 * One page of the files still owed that are overdue (due before `year`) or upcoming (due this or next year),
 * with the total, so a long list is never cut without a word.
 */
export async function dueFilesPage(
  db: Queryable,
  agencyId: number,
  year: number,
  q: { list: DueList; sort: DueFileSort; order: 'asc' | 'desc'; limit?: number; offset: number },
): Promise<{ items: DueFileRow[]; total: number }> {
  const range = q.list === 'overdue' ? 'due_year < $2' : 'due_year BETWEEN $2 AND $2 + 1';
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const rows = await db.query<DueFileRow & { total: number }>(
    `WITH ${owedCte('rf.agency_id = $1')}
     SELECT id, file_notation AS "fileNotation", title, end_year AS "endYear", due_year AS "dueYear", due_rule AS "dueRule",
            handover_id AS "handoverId", false AS received, count(*) OVER ()::int AS total
       FROM owed WHERE ${range}
      ORDER BY ${FILE_SORT_SQL[q.sort]} ${dir}, due_year, upper(file_notation), id
      LIMIT $3 OFFSET $4`,
    [agencyId, year, q.limit ?? null, q.offset],
  );
  const total = rows[0]?.total ?? (q.offset > 0 ? await countDue(db, agencyId, year, range) : 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total };
}

/** Only needed when a page lies past the end (the window count comes with the rows otherwise). */
async function countDue(db: Queryable, agencyId: number, year: number, range: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(`WITH ${owedCte('rf.agency_id = $1')} SELECT count(*)::int AS n FROM owed WHERE ${range}`, [agencyId, year]);
  return n;
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
    `WITH ${owedCte('rf.agency_id IN (SELECT id FROM source_agencies WHERE $2::text IS NULL OR level = $2)')}
     SELECT a.id AS "agencyId", a.code, a.name, a.level, a.status,
            count(*) FILTER (WHERE f.due_year < $1)::int AS "overdueFiles",
            min(f.due_year) FILTER (WHERE f.due_year < $1) AS "earliestDueYear",
            count(*) FILTER (WHERE f.due_year = $1)::int AS "dueThisYear"
       FROM source_agencies a
       JOIN owed f ON f.agency_id = a.id
      GROUP BY a.id
     HAVING count(*) FILTER (WHERE f.due_year < $1) > 0
      ORDER BY ${SORT_SQL[q.sort]} ${dir}, a.code`,
    [q.year, q.level ?? null],
  );
}

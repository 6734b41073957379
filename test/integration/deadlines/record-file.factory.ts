/** Test data: record_files rows as the handover/register import would store them, due fields from computeDeadline(). */
import type { Queryable } from '../../../server/db/db.js';
import { computeDeadline, type TransitionRule } from '../../../server/deadlines/deposit-deadline.js';

export interface RecordFileSpec {
  agencyId: number;
  endDate: string;
  fileNotation?: string;
  title?: string;
  currentArchiveDepositYear?: number | null;
  specialLawYears?: number | null;
  secrecy?: 'mat' | 'toi_mat' | 'tuyet_mat' | null;
  declassifiedYear?: number | null;
  permanent?: boolean;
  receivedAt?: string | null;
  transition?: TransitionRule;
}

let seq = 0;

export async function insertRecordFile(db: Queryable, s: RecordFileSpec): Promise<{ id: number; dueYear: number | null; rule: string }> {
  const d = computeDeadline(s, s.transition ?? 'law2011');
  const n = ++seq;
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO record_files (agency_id, file_notation, title, end_date, retention, permanent, secrecy, declassified_year,
                               special_law_years, current_archive_deposit_year, due_year_2011, due_year_2024, due_year, due_rule, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      s.agencyId, s.fileNotation ?? `HS-${n}`, s.title ?? `Hồ sơ số ${n}`, s.endDate, s.permanent === false ? '10 năm' : 'Vĩnh viễn',
      s.permanent ?? true, s.secrecy ?? null, s.declassifiedYear ?? null, s.specialLawYears ?? null, s.currentArchiveDepositYear ?? null,
      d.dueYear2011, d.dueYear2024, d.dueYear, d.rule, s.receivedAt ?? null,
    ],
  );
  return { id: row.id, dueYear: d.dueYear, rule: d.rule };
}

export async function insertRecordFiles(db: Queryable, count: number, s: RecordFileSpec): Promise<void> {
  for (let i = 0; i < count; i++) await insertRecordFile(db, s);
}

/** Reminder letters (công văn đôn đốc): one row per letter, with what was overdue copied in when it was made. */
import type { Queryable } from '../db/db.js';

export interface ReminderFile {
  fileNotation: string;
  title: string;
  endYear: number;
  dueYear: number;
  dueRule: string;
}

export interface LatePlan {
  planYear: number;
  decisionNo: string;
  scheduledMonth: number;
  status: string;
}

export type DispatchChannel = 'post' | 'e_office' | 'email' | 'by_hand';

export interface ReminderRow {
  id: number;
  batchId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  number: number | null;
  notation: string;
  issuedOn: string;
  replyBy: string;
  createdAt: Date;
  createdByName: string;
  overdueFiles: number;
  earliestDueYear: number;
  currentYear: number;
  dispatchedOn: string | null;
  dispatchChannel: DispatchChannel | null;
}

export interface ReminderDetailRow extends ReminderRow {
  files: ReminderFile[];
  latePlans: LatePlan[];
}

export interface NewReminder {
  batchId: number;
  agencyId: number;
  number: number | null;
  notation: string;
  issuedOn: string;
  replyBy: string;
  createdAt: Date;
  createdBy: number | null;
  createdByName: string;
  currentYear: number;
  files: ReminderFile[];
  latePlans: LatePlan[];
}

// DATE columns come back as text so a Vietnam day never passes through a Date in the server's zone.
const COLUMNS = `r.id, r.batch_id AS "batchId", r.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName",
  r.number, r.notation, r.issued_on::text AS "issuedOn", r.reply_by::text AS "replyBy", r.created_at AS "createdAt",
  r.created_by_name AS "createdByName", r.overdue_files AS "overdueFiles", r.earliest_due_year AS "earliestDueYear",
  r.current_year AS "currentYear", r.dispatched_on::text AS "dispatchedOn", r.dispatch_channel AS "dispatchChannel"`;
const FROM = `FROM reminders r JOIN source_agencies a ON a.id = r.agency_id`;

export async function nextBatchId(db: Queryable): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(`SELECT nextval('reminder_batch_seq')::int AS id`);
  return id;
}

/** The unique index on (year, notation, number) in 0052_reminders.sql: the last word when two requests race for a number. */
export const NUMBER_INDEX = 'reminders_number_uq';

export async function insertReminder(db: Queryable, r: NewReminder): Promise<number> {
  const [{ id }] = await db.query<{ id: number }>(
    `INSERT INTO reminders (batch_id, agency_id, number, notation, issued_on, reply_by, created_at, created_by, created_by_name,
                            overdue_files, earliest_due_year, current_year, files, late_plans)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      r.batchId, r.agencyId, r.number, r.notation, r.issuedOn, r.replyBy, r.createdAt.toISOString(), r.createdBy, r.createdByName,
      r.files.length, Math.min(...r.files.map((f) => f.dueYear)), r.currentYear, JSON.stringify(r.files), JSON.stringify(r.latePlans),
    ],
  );
  return id;
}

export async function getReminder(db: Queryable, id: number): Promise<ReminderDetailRow | undefined> {
  const rows = await db.query<ReminderDetailRow>(`SELECT ${COLUMNS}, r.files, r.late_plans AS "latePlans" ${FROM} WHERE r.id = $1`, [id]);
  return rows[0];
}

export async function batchReminders(db: Queryable, batchId: number): Promise<ReminderDetailRow[]> {
  return db.query<ReminderDetailRow>(`SELECT ${COLUMNS}, r.files, r.late_plans AS "latePlans" ${FROM} WHERE r.batch_id = $1 ORDER BY r.id`, [batchId]);
}

export async function agencyReminders(db: Queryable, agencyId: number): Promise<ReminderRow[]> {
  return db.query<ReminderRow>(`SELECT ${COLUMNS} ${FROM} WHERE r.agency_id = $1 ORDER BY r.issued_on DESC, r.id DESC`, [agencyId]);
}

/** The numbers among `numbers` already used in that register year under that notation. */
export async function takenNumbers(db: Queryable, year: number, notation: string, numbers: number[]): Promise<number[]> {
  const rows = await db.query<{ number: number }>(
    `SELECT number FROM reminders WHERE current_year = $1 AND notation = $2 AND number = ANY($3::integer[]) ORDER BY number`,
    [year, notation, numbers],
  );
  return rows.map((r) => r.number);
}

export async function setDispatch(db: Queryable, id: number, d: { on: string; channel: DispatchChannel; number: number | null }): Promise<void> {
  await db.query(`UPDATE reminders SET dispatched_on = $2, dispatch_channel = $3, number = COALESCE($4, number) WHERE id = $1`, [id, d.on, d.channel, d.number]);
}

export async function agenciesByIds(db: Queryable, ids: number[]): Promise<{ id: number; code: string; name: string }[]> {
  return db.query(`SELECT id, code, name FROM source_agencies WHERE id = ANY($1::integer[]) ORDER BY code`, [ids]);
}

/** The agency's entries in collection plans not yet received (lateness is decided by the caller on the Vietnam day). */
export async function openPlanEntries(db: Queryable, agencyId: number): Promise<LatePlan[]> {
  return db.query<LatePlan>(
    `SELECT p.year AS "planYear", p.decision_no AS "decisionNo", pa.scheduled_month AS "scheduledMonth", pa.status
       FROM collection_plan_agencies pa JOIN collection_plans p ON p.id = pa.plan_id
      WHERE pa.agency_id = $1 AND pa.status <> 'received'
      ORDER BY p.year, pa.scheduled_month`,
    [agencyId],
  );
}

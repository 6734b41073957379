/** SQL for what the plan is made from besides the backlog: norm versions, staff and leave, calendar closures. */
import type { Queryable } from '../db/db.js';
import type { Skill } from './engine/types.js';
import type { NormStepDef } from './norm-catalogue.js';
import type { CreateStaff } from './scheduling.schemas.js';

export interface NormVersion {
  id: number;
  label: string;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

export async function listNormVersions(db: Queryable): Promise<NormVersion[]> {
  return db.query<NormVersion>(
    `SELECT v.id, v.label, v.note, v.created_at AS "createdAt", u.display_name AS "createdBy"
       FROM norm_versions v LEFT JOIN users u ON u.id = v.created_by ORDER BY v.id DESC`,
  );
}

export async function latestNormVersionId(db: Queryable): Promise<number | null> {
  return (await db.query<{ id: number }>(`SELECT max(id) AS id FROM norm_versions`))[0]?.id ?? null;
}

export async function getNormVersion(db: Queryable, id: number): Promise<NormVersion | null> {
  return (await listNormVersions(db)).find((v) => v.id === id) ?? null;
}

export async function normSteps(db: Queryable, versionId: number): Promise<NormStepDef[]> {
  return db.query<NormStepDef>(
    `SELECT step_id AS "stepId", name, skill, unit, minutes_per_unit AS "minutesPerUnit", min_grade AS "minGrade",
            coefficient, verified, source
       FROM norm_steps WHERE version_id = $1 ORDER BY ordinal`,
    [versionId],
  );
}

export async function insertNormVersion(db: Queryable, label: string, note: string | null, userId: number | null, steps: NormStepDef[]): Promise<number> {
  const [v] = await db.query<{ id: number }>(`INSERT INTO norm_versions (label, note, created_by) VALUES ($1, $2, $3) RETURNING id`, [label, note, userId]);
  for (const [i, s] of steps.entries()) {
    await db.query(
      `INSERT INTO norm_steps (version_id, step_id, ordinal, name, skill, unit, minutes_per_unit, min_grade, coefficient, verified, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [v.id, s.stepId, i + 1, s.name, s.skill, s.unit, s.minutesPerUnit, s.minGrade, s.coefficient, s.verified, s.source],
    );
  }
  return v.id;
}

// ---------------------------------------------------------------- staff
export interface StaffRow {
  id: number;
  name: string;
  grade: number;
  skills: Skill[];
  fte: number;
  active: boolean;
  notes: string | null;
  leave: { id: number; startDate: string; endDate: string; reason: string | null }[];
}

export async function listStaff(db: Queryable, opts: { activeOnly?: boolean } = {}): Promise<StaffRow[]> {
  const staff = await db.query<Omit<StaffRow, 'leave'>>(
    `SELECT id, name, grade, skills, fte, active, notes FROM staff ${opts.activeOnly ? 'WHERE active' : ''} ORDER BY id`,
  );
  const leave = await db.query<StaffRow['leave'][number] & { staffId: number }>(
    `SELECT id, staff_id AS "staffId", start_date AS "startDate", end_date AS "endDate", reason FROM staff_leave ORDER BY start_date, id`,
  );
  return staff.map((s) => ({ ...s, leave: leave.filter((l) => l.staffId === s.id).map(({ staffId: _, ...l }) => l) }));
}

export async function getStaff(db: Queryable, id: number): Promise<StaffRow | null> {
  return (await listStaff(db)).find((s) => s.id === id) ?? null;
}

export async function insertStaff(db: Queryable, v: CreateStaff): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO staff (name, grade, skills, fte, active, notes) VALUES ($1, $2, $3::text[], $4, $5, $6) RETURNING id`,
    [v.name, v.grade, v.skills, v.fte, v.active, v.notes ?? null],
  );
  return r.id;
}

export async function updateStaff(db: Queryable, id: number, v: Partial<CreateStaff>): Promise<void> {
  const cols: [keyof CreateStaff, string][] = [['name', 'name'], ['grade', 'grade'], ['skills', 'skills'], ['fte', 'fte'], ['active', 'active'], ['notes', 'notes']];
  const used = cols.filter(([k]) => v[k] !== undefined);
  if (!used.length) return;
  await db.query(
    `UPDATE staff SET ${used.map(([k, c], i) => `${c} = $${i + 2}${k === 'skills' ? '::text[]' : ''}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...used.map(([k]) => v[k])],
  );
}

export async function insertLeave(db: Queryable, staffId: number, v: { startDate: string; endDate: string; reason?: string | null }): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO staff_leave (staff_id, start_date, end_date, reason) VALUES ($1, $2, $3, $4) RETURNING id`,
    [staffId, v.startDate, v.endDate, v.reason ?? null],
  );
  return r.id;
}

export async function deleteLeave(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM staff_leave WHERE id = $1 RETURNING id`, [id])).length > 0;
}

// ---------------------------------------------------------------- closures
export interface Closure { id: number; date: string; reason: string }

export async function listClosures(db: Queryable, from?: string, to?: string): Promise<Closure[]> {
  return db.query<Closure>(
    `SELECT id, date, reason FROM calendar_closures WHERE ($1::date IS NULL OR date >= $1) AND ($2::date IS NULL OR date <= $2) ORDER BY date`,
    [from ?? null, to ?? null],
  );
}
export async function insertClosure(db: Queryable, date: string, reason: string): Promise<number> {
  return (await db.query<{ id: number }>(`INSERT INTO calendar_closures (date, reason) VALUES ($1, $2) RETURNING id`, [date, reason]))[0].id;
}
export async function deleteClosure(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM calendar_closures WHERE id = $1 RETURNING id`, [id])).length > 0;
}

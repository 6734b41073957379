/** SQL for stored plans (input snapshot + engine result) and progress entries. */
import type { Queryable } from '../db/db.js';
import type { ScheduleInput, ScheduleResult } from './engine/types.js';
import type { Progress } from './scheduling.schemas.js';
import type { BeyondHorizon } from './plan-beyond.js';

export type PlanKind = 'plan' | 'what_if' | 'replan';

/** What a plan stores besides the engine's own input: labels to show, so an old plan reads the same later. */
export interface PlanContext {
  items: { id: string; label: string; agencyId: number | null; agencyName: string | null; kind: 'processing' | 'restoration'; quantity: number; unit: 'metre' | 'page'; ownDue: string | null }[];
  staff: { id: string; name: string; grade: number; skills: string[]; fte: number }[];
  stepNames: Record<string, string>;
}

export interface StoredPlan {
  id: number;
  label: string;
  kind: PlanKind;
  basedOnId: number | null;
  normVersionId: number;
  startDate: string;
  horizonWeeks: number;
  targetDate: string | null;
  changes: unknown;
  input: ScheduleInput & { context: PlanContext };
  /** The engine's result, and (when work was left unplaced) the same input run over a longer horizon. */
  result: ScheduleResult & { beyondHorizon?: BeyondHorizon | null };
  /** Null while any item is unplaced: a plan never claims completion it does not reach. */
  finish: string | null;
  totalLateDays: number;
  createdBy: string | null;
  createdAt: string;
}

/** Counts are of items (B12, R3) as the plan page shows them; packages (lô) are counted apart. */
export type PlanSummary = Omit<StoredPlan, 'input' | 'result'> & {
  complete: boolean; itemCount: number; unplacedCount: number; packageCount: number; unplacedPackageCount: number; beyondHorizon: BeyondHorizon | null;
};

export async function insertPlan(db: Queryable, p: Omit<StoredPlan, 'id' | 'createdAt' | 'createdBy'>, userId: number | null): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO schedule_plans (label, kind, based_on_id, norm_version_id, start_date, horizon_weeks, target_date, changes, input, result,
                                 finish, total_late_days, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [p.label, p.kind, p.basedOnId, p.normVersionId, p.startDate, p.horizonWeeks, p.targetDate,
      p.changes == null ? null : JSON.stringify(p.changes), JSON.stringify(p.input), JSON.stringify(p.result), p.finish, p.totalLateDays, userId],
  );
  return r.id;
}

const PLAN_COLUMNS = `p.id, p.label, p.kind, p.based_on_id AS "basedOnId", p.norm_version_id AS "normVersionId", p.start_date AS "startDate",
  p.horizon_weeks AS "horizonWeeks", p.target_date AS "targetDate", p.changes, p.total_late_days AS "totalLateDays",
  u.display_name AS "createdBy", p.created_at AS "createdAt"`;

export async function listPlans(db: Queryable): Promise<PlanSummary[]> {
  return db.query<PlanSummary>(
    // Plans stored before the finish rule still carry a finish despite unplaced work: the CASE hides it.
    `SELECT ${PLAN_COLUMNS}, CASE WHEN jsonb_array_length(p.result->'unplaced') = 0 THEN p.finish END AS finish,
            jsonb_array_length(p.result->'unplaced') = 0 AS complete,
            (SELECT count(DISTINCT split_part(e->>'itemId', '.', 1)) FROM jsonb_array_elements(p.result->'items') e)::int AS "itemCount",
            (SELECT count(DISTINCT split_part(e->>'itemId', '.', 1)) FROM jsonb_array_elements(p.result->'unplaced') e)::int AS "unplacedCount",
            jsonb_array_length(p.result->'items')::int AS "packageCount", jsonb_array_length(p.result->'unplaced')::int AS "unplacedPackageCount",
            p.result->'beyondHorizon' AS "beyondHorizon"
       FROM schedule_plans p LEFT JOIN users u ON u.id = p.created_by ORDER BY p.id DESC`,
  );
}

export async function getPlan(db: Queryable, id: number): Promise<StoredPlan | null> {
  return (await db.query<StoredPlan>(
    `SELECT ${PLAN_COLUMNS}, p.finish, p.input, p.result FROM schedule_plans p LEFT JOIN users u ON u.id = p.created_by WHERE p.id = $1`, [id],
  ))[0] ?? null;
}

export async function latestPlanId(db: Queryable): Promise<number | null> {
  return (await db.query<{ id: number | null }>(`SELECT max(id) AS id FROM schedule_plans WHERE kind <> 'what_if'`))[0]?.id ?? null;
}

// ---------------------------------------------------------------- progress
export interface ProgressEntry {
  id: number;
  backlogItemId: number | null;
  restorationItemId: number | null;
  itemLabel: string;
  stepId: string;
  workDate: string;
  metres: number | null;
  files: number | null;
  pages: number | null;
  staffId: number | null;
  staffName: string | null;
  note: string | null;
}

export async function insertProgress(db: Queryable, v: Progress, userId: number | null): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO progress_entries (backlog_item_id, restoration_item_id, step_id, work_date, metres, files, pages, staff_id, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [v.backlogItemId ?? null, v.restorationItemId ?? null, v.stepId, v.workDate, v.metres ?? null, v.files ?? null, v.pages ?? null,
      v.staffId ?? null, v.note ?? null, userId],
  );
  return r.id;
}

export async function listProgress(db: Queryable, f: { backlogItemId?: number; restorationItemId?: number } = {}): Promise<ProgressEntry[]> {
  return db.query<ProgressEntry>(
    `SELECT e.id, e.backlog_item_id AS "backlogItemId", e.restoration_item_id AS "restorationItemId",
            COALESCE(b.label, r.reference) AS "itemLabel", e.step_id AS "stepId", e.work_date AS "workDate",
            e.metres, e.files, e.pages, e.staff_id AS "staffId", s.name AS "staffName", e.note
       FROM progress_entries e LEFT JOIN backlog_items b ON b.id = e.backlog_item_id
       LEFT JOIN restoration_items r ON r.id = e.restoration_item_id LEFT JOIN staff s ON s.id = e.staff_id
      WHERE ($1::int IS NULL OR e.backlog_item_id = $1) AND ($2::int IS NULL OR e.restoration_item_id = $2)
      ORDER BY e.work_date, e.id`,
    [f.backlogItemId ?? null, f.restorationItemId ?? null],
  );
}

export async function deleteProgress(db: Queryable, id: number): Promise<boolean> {
  return (await db.query(`DELETE FROM progress_entries WHERE id = $1 RETURNING id`, [id])).length > 0;
}

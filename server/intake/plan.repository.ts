import type { Queryable } from '../db/db.js';

export const PLAN_AGENCY_STATUSES = ['planned', 'inventory_submitted', 'appraised', 'approved', 'received'] as const;
export type PlanAgencyStatus = (typeof PLAN_AGENCY_STATUSES)[number];

export interface PlanRow {
  id: number;
  year: number;
  decisionNo: string;
  decisionDate: string;
  issuer: string;
  recordsToYear: number;
  handoverPlanNo: string | null;
  handoverPlanDate: string | null;
  notes: string | null;
}

export type PlanFields = Omit<PlanRow, 'id'>;

export interface PlanAgencyRow {
  planId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  scheduledMonth: number;
  status: PlanAgencyStatus;
  statusChangedAt: Date;
  note: string | null;
  handoverId: number | null;
}

const PLAN = `SELECT id, year, decision_no AS "decisionNo", decision_date AS "decisionDate", issuer, records_to_year AS "recordsToYear",
                     handover_plan_no AS "handoverPlanNo", handover_plan_date AS "handoverPlanDate", notes
                FROM collection_plans`;

// The latest handover of that agency filed under that plan, so the plan screen links straight to it.
const PLAN_AGENCY = `
  SELECT pa.plan_id AS "planId", pa.agency_id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName",
         pa.scheduled_month AS "scheduledMonth", pa.status, pa.status_changed_at AS "statusChangedAt", pa.note,
         (SELECT max(h.id) FROM handovers h WHERE h.plan_id = pa.plan_id AND h.agency_id = pa.agency_id AND h.status <> 'cancelled') AS "handoverId"
    FROM collection_plan_agencies pa JOIN source_agencies a ON a.id = pa.agency_id`;

export async function listPlans(db: Queryable, year?: number): Promise<PlanRow[]> {
  return db.query<PlanRow>(`${PLAN} WHERE ($1::integer IS NULL OR year = $1) ORDER BY year DESC, id DESC`, [year ?? null]);
}

export async function getPlan(db: Queryable, id: number): Promise<PlanRow | undefined> {
  return (await db.query<PlanRow>(`${PLAN} WHERE id = $1`, [id]))[0];
}

export async function planExists(db: Queryable, year: number, decisionNo: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM collection_plans WHERE year = $1 AND decision_no = $2`, [year, decisionNo])).length > 0;
}

export async function insertPlan(db: Queryable, p: PlanFields, at: Date): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `INSERT INTO collection_plans (year, decision_no, decision_date, issuer, records_to_year, handover_plan_no, handover_plan_date, notes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.year, p.decisionNo, p.decisionDate, p.issuer, p.recordsToYear, p.handoverPlanNo, p.handoverPlanDate, p.notes, at.toISOString()],
  );
  return rows[0].id;
}

export async function listPlanAgencies(db: Queryable, planIds: number[]): Promise<PlanAgencyRow[]> {
  if (planIds.length === 0) return [];
  return db.query<PlanAgencyRow>(`${PLAN_AGENCY} WHERE pa.plan_id = ANY($1::integer[]) ORDER BY pa.scheduled_month, a.code`, [planIds]);
}

export async function getPlanAgency(db: Queryable, planId: number, agencyId: number): Promise<PlanAgencyRow | undefined> {
  return (await db.query<PlanAgencyRow>(`${PLAN_AGENCY} WHERE pa.plan_id = $1 AND pa.agency_id = $2`, [planId, agencyId]))[0];
}

export async function insertPlanAgency(
  db: Queryable,
  a: { planId: number; agencyId: number; scheduledMonth: number; note: string | null },
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO collection_plan_agencies (plan_id, agency_id, scheduled_month, status, status_changed_at, note)
     VALUES ($1, $2, $3, 'planned', $4, $5)`,
    [a.planId, a.agencyId, a.scheduledMonth, at.toISOString(), a.note],
  );
}

export async function updatePlanAgency(
  db: Queryable,
  planId: number,
  agencyId: number,
  a: { scheduledMonth: number; status: PlanAgencyStatus; note: string | null; statusChangedAt: Date },
): Promise<void> {
  await db.query(
    `UPDATE collection_plan_agencies SET scheduled_month = $3, status = $4, note = $5, status_changed_at = $6
      WHERE plan_id = $1 AND agency_id = $2`,
    [planId, agencyId, a.scheduledMonth, a.status, a.note, a.statusChangedAt.toISOString()],
  );
}

export async function lockPlanAgency(db: Queryable, planId: number, agencyId: number) {
  return (
    await db.query<{ status: PlanAgencyStatus }>(
      `SELECT status FROM collection_plan_agencies WHERE plan_id = $1 AND agency_id = $2 FOR UPDATE`,
      [planId, agencyId],
    )
  )[0];
}

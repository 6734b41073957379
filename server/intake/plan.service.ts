import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { recordEvent } from '../audit/audit.repository.js';
import { agencyExists } from './agency.repository.js';
import { planLateness } from './plan-lateness.js';
import * as repo from './plan.repository.js';
import { PLAN_AGENCY_STATUSES, type PlanAgencyRow, type PlanAgencyStatus, type PlanRow } from './plan.repository.js';

export interface PlanAgencyInput {
  agencyId: number;
  scheduledMonth: number;
  note?: string | null;
}

export interface PlanInput {
  year: number;
  decisionNo: string;
  decisionDate: string;
  recordsToYear: number;
  issuer?: string | null;
  handoverPlanNo?: string | null;
  handoverPlanDate?: string | null;
  notes?: string | null;
  agencies?: PlanAgencyInput[];
}

export interface PlanAgencyPatch {
  scheduledMonth?: number;
  status?: PlanAgencyStatus;
  note?: string | null;
}

export function createPlanService(deps: Deps) {
  const present = (a: PlanAgencyRow, planYear: number) => {
    const { planId: _p, ...rest } = a;
    return { ...rest, ...planLateness(planYear, a.scheduledMonth, a.status, deps.clock()) };
  };
  type PlanAgency = ReturnType<typeof present>;

  const withCounts = (p: PlanRow, agencies: PlanAgency[]) => {
    const counts = Object.fromEntries([...PLAN_AGENCY_STATUSES.map((s) => [s, 0]), ['late', 0]]) as Record<PlanAgencyStatus | 'late', number>;
    for (const a of agencies) {
      counts[a.status]++;
      if (a.late) counts.late++;
    }
    return { ...p, counts };
  };

  async function detail(db: Queryable, id: number) {
    const plan = await repo.getPlan(db, id);
    if (!plan) throw ERRORS.notFound('kế hoạch thu nộp');
    const agencies = (await repo.listPlanAgencies(db, [id])).map((a) => present(a, plan.year));
    return { ...withCounts(plan, agencies), agencies };
  }

  async function addAgency(tx: Queryable, actor: Actor, plan: PlanRow, a: PlanAgencyInput) {
    if (!(await agencyExists(tx, a.agencyId)))
      throw ERRORS.planInvalid(`Không tìm thấy cơ quan (mã số ${a.agencyId}).`, [{ field: 'agencyId', message: 'Không tìm thấy cơ quan.' }]);
    if (await repo.getPlanAgency(tx, plan.id, a.agencyId))
      throw ERRORS.planAgencyExists();
    await repo.insertPlanAgency(tx, { planId: plan.id, agencyId: a.agencyId, scheduledMonth: a.scheduledMonth, note: a.note ?? null }, deps.clock());
    await recordEvent(tx, actor, {
      entityType: 'plan', entityId: plan.id, action: 'plan.agency_added',
      after: { agencyId: a.agencyId, scheduledMonth: a.scheduledMonth, note: a.note ?? null }, at: deps.clock(),
    });
  }

  return {
    async list(q: { year?: number }) {
      const plans = await repo.listPlans(deps.db, q.year);
      const all = await repo.listPlanAgencies(deps.db, plans.map((p) => p.id));
      return {
        items: plans.map((p) => withCounts(p, all.filter((a) => a.planId === p.id).map((a) => present(a, p.year)))),
      };
    },

    get: (id: number) => detail(deps.db, id),

    async create(actor: Actor, input: PlanInput) {
      if (input.recordsToYear > input.year)
        throw ERRORS.planInvalid('Năm thu hồ sơ đến không thể sau năm kế hoạch.', [{ field: 'recordsToYear', message: 'Sau năm kế hoạch.' }]);
      const ids = (input.agencies ?? []).map((a) => a.agencyId);
      if (new Set(ids).size !== ids.length) throw ERRORS.planInvalid('Một cơ quan xuất hiện nhiều lần trong kế hoạch.');
      return deps.db.transaction(async (tx) => {
        if (await repo.planExists(tx, input.year, input.decisionNo))
          throw ERRORS.planExists(input.year, input.decisionNo);
        const fields: repo.PlanFields = {
          year: input.year, decisionNo: input.decisionNo, decisionDate: input.decisionDate, issuer: input.issuer || 'UBND tỉnh',
          recordsToYear: input.recordsToYear, handoverPlanNo: input.handoverPlanNo ?? null,
          handoverPlanDate: input.handoverPlanDate ?? null, notes: input.notes ?? null,
        };
        const id = await repo.insertPlan(tx, fields, deps.clock());
        await recordEvent(tx, actor, { entityType: 'plan', entityId: id, action: 'plan.created', after: fields, at: deps.clock() });
        const plan = (await repo.getPlan(tx, id))!;
        for (const a of input.agencies ?? []) await addAgency(tx, actor, plan, a);
        return detail(tx, id);
      });
    },

    async addAgency(actor: Actor, planId: number, a: PlanAgencyInput) {
      return deps.db.transaction(async (tx) => {
        const plan = await repo.getPlan(tx, planId);
        if (!plan) throw ERRORS.notFound('kế hoạch thu nộp');
        await addAgency(tx, actor, plan, a);
        return present((await repo.getPlanAgency(tx, planId, a.agencyId))!, plan.year);
      });
    },

    async updateAgency(actor: Actor, planId: number, agencyId: number, patch: PlanAgencyPatch) {
      if (Object.keys(patch).length === 0) throw ERRORS.emptyPatch();
      return deps.db.transaction(async (tx) => {
        const plan = await repo.getPlan(tx, planId);
        if (!plan) throw ERRORS.notFound('kế hoạch thu nộp');
        const cur = await repo.getPlanAgency(tx, planId, agencyId);
        if (!cur) throw ERRORS.notFound('cơ quan trong kế hoạch');
        const next = {
          scheduledMonth: patch.scheduledMonth ?? cur.scheduledMonth,
          status: patch.status ?? cur.status,
          note: patch.note !== undefined ? patch.note : cur.note,
        };
        const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== cur[k]);
        if (keys.length) {
          const statusChangedAt = next.status !== cur.status ? deps.clock() : cur.statusChangedAt;
          await repo.updatePlanAgency(tx, planId, agencyId, { ...next, statusChangedAt });
          await recordEvent(tx, actor, {
            entityType: 'plan', entityId: planId, action: 'plan.agency_updated', data: { agencyId }, at: deps.clock(),
            before: Object.fromEntries(keys.map((k) => [k, cur[k]])),
            after: Object.fromEntries(keys.map((k) => [k, next[k]])),
          });
        }
        return present((await repo.getPlanAgency(tx, planId, agencyId))!, plan.year);
      });
    },

    /**
     * For the handover workflow, inside its own transaction: moves the planned agency along as its handover
     * is submitted, appraised, approved, received. No-op when the agency is not in that plan or already there.
     */
    async setPlanAgencyStatus(tx: Queryable, actor: Actor, planId: number, agencyId: number, status: PlanAgencyStatus): Promise<void> {
      const cur = await repo.lockPlanAgency(tx, planId, agencyId);
      if (!cur || cur.status === status) return;
      const pa = (await repo.getPlanAgency(tx, planId, agencyId))!;
      await repo.updatePlanAgency(tx, planId, agencyId, { scheduledMonth: pa.scheduledMonth, status, note: pa.note, statusChangedAt: deps.clock() });
      await recordEvent(tx, actor, {
        entityType: 'plan', entityId: planId, action: 'plan.agency_status_changed', data: { agencyId },
        before: { status: cur.status }, after: { status }, at: deps.clock(),
      });
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;

/**
 * Use cases around the engine: make a plan from the stored backlog, what-if variants of a plan, re-plan from
 * recorded progress, compare two plans, burndown and forecast. Every plan is stored with its exact input and the
 * norm version it used, so it reads the same later whatever changes afterwards.
 */
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { recordEvent } from '../audit/audit.repository.js';
import { addDays, mondayOf, vnToday } from '../core/time/index.js';
import * as items from './backlog.repository.js';
import * as res from './resources.repository.js';
import * as plans from './plan.repository.js';
import type { PlanContext, PlanKind } from './plan.repository.js';
import type { ScheduleInput } from './engine/types.js';
import { holidaysBetween } from './engine-adapter.js';
import { computePlanOffThread } from './plan-engine.js';
import { applyWhatIf, baseItemId, buildInput } from './plan-input.js';
import { comparePlans, explainPlacement, foldPackages, planView } from './plan-report.js';
import { burndown } from './burndown.js';
import { currentNormVersionId } from './scheduling.service.js';
import type { CreatePlan, Progress, WhatIf } from './scheduling.schemas.js';

export function createPlanningService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);
  /** Plans start on a Monday: the given day's week, or next week when none is given. */
  const startOf = (start?: string) => (start ? mondayOf(start) : addDays(mondayOf(today()), 7));

  async function load(id: number) {
    const p = await plans.getPlan(db, id);
    if (!p) throw ERRORS.notFound('kế hoạch');
    return p;
  }

  async function sources(normVersionId: number, start: string, horizonWeeks: number, targetDate: string | null, itemIds?: string[]) {
    const end = addDays(start, horizonWeeks * 7 - 1);
    const closures = await res.listClosures(db, start, end);
    const wanted = itemIds ? new Set(itemIds) : null;
    const backlog = (await items.listBacklog(db)).filter((b) => !wanted || wanted.has(`B${b.id}`));
    const restoration = (await items.listRestoration(db)).filter((r) => !wanted || wanted.has(`R${r.id}`));
    if (wanted && backlog.length + restoration.length < wanted.size)
      throw ERRORS.itemNotFound();
    return buildInput({
      backlog, restoration, staff: await res.listStaff(db, { activeOnly: true }),
      norms: await res.normSteps(db, normVersionId), progress: await plans.listProgress(db),
      closedDates: [...holidaysBetween(start, end).map((h) => h.date), ...closures.map((c) => c.date)],
      start, horizonWeeks, targetDate,
    });
  }

  async function runAndStore(actor: Actor, meta: { label: string; kind: PlanKind; basedOnId: number | null; normVersionId: number; targetDate: string | null; changes: unknown },
    input: ScheduleInput, context: PlanContext) {
    if (!input.items.length) throw ERRORS.planNothingToPlan();
    if (!input.staff.length) throw ERRORS.planNoStaff();
    const { engine, beyondHorizon } = await computePlanOffThread(input);
    const result = { ...engine, beyondHorizon };
    const finish = engine.unplaced.length ? null : engine.finish;
    const stored = { ...meta, startDate: input.start, horizonWeeks: input.horizonWeeks, input: { ...input, context }, result,
      finish, totalLateDays: result.totalLateDays };
    const id = await db.transaction(async (tx) => {
      const id = await plans.insertPlan(tx, stored, actor.id);
      await recordEvent(tx, actor, { entityType: 'schedule_plan', entityId: id, action: `schedule.${meta.kind}_created`,
        after: { label: meta.label, normVersionId: meta.normVersionId, finish, unplaced: engine.unplaced.length, changes: meta.changes } });
      return id;
    });
    return planView(await load(id));
  }

  return {
    list: async () => ({ items: await plans.listPlans(db) }),
    get: async (id: number) => planView(await load(id)),

    async create(actor: Actor, body: CreatePlan) {
      const normVersionId = body.normVersionId ?? (await currentNormVersionId(db));
      if (!(await res.getNormVersion(db, normVersionId))) throw ERRORS.normVersionNotFound();
      const start = startOf(body.start);
      const targetDate = body.targetDate ?? null;
      const { input, context } = await sources(normVersionId, start, body.horizonWeeks, targetDate, body.itemIds);
      return runAndStore(actor, { label: body.label, kind: 'plan', basedOnId: null, normVersionId, targetDate, changes: null }, input, context);
    },

    async whatIf(actor: Actor, id: number, w: WhatIf) {
      const base = await load(id);
      const known = new Set(base.input.staff.map((s) => s.id));
      const unknown = w.removeStaffIds.filter((s) => !known.has(s));
      if (unknown.length) throw ERRORS.staffNotInPlan(unknown);
      const itemIds = new Set(base.input.items.map((i) => baseItemId(i.id)));
      const badItems = Object.keys(w.itemDueDates).filter((i) => !itemIds.has(i));
      if (badItems.length) throw ERRORS.itemNotInPlan(badItems);
      const { input: baseInput, context } = splitInput(base.input);
      const next = applyWhatIf(baseInput, context, w, base.targetDate);
      const label = w.label ?? `Giả định từ "${base.label}"`;
      return runAndStore(actor, { label, kind: 'what_if', basedOnId: base.id, normVersionId: base.normVersionId, targetDate: next.targetDate, changes: w },
        next.input, next.context);
    },

    async replan(actor: Actor, id: number, body: { label?: string | null; start?: string }) {
      const base = await load(id);
      const start = body.start ? mondayOf(body.start) : mondayOf(today());
      // The same items as the plan being re-made (any still in the backlog), with today's staff, calendar and progress.
      const current = new Set([...(await items.listBacklog(db)).map((b) => `B${b.id}`), ...(await items.listRestoration(db)).map((r) => `R${r.id}`)]);
      const itemIds = [...new Set(base.input.items.map((i) => baseItemId(i.id)))].filter((i) => current.has(i));
      if (!itemIds.length) throw ERRORS.planNothingToReplan();
      const { input, context } = await sources(base.normVersionId, start, base.horizonWeeks, base.targetDate, itemIds);
      const label = body.label ?? `Lập lại "${base.label}" theo tiến độ thực tế`;
      return runAndStore(actor, { label, kind: 'replan', basedOnId: base.id, normVersionId: base.normVersionId, targetDate: base.targetDate, changes: null }, input, context);
    },

    compare: async (a: number, b: number) => comparePlans(await load(a), await load(b)),

    async explainItem(id: number, itemId: string) {
      const p = await load(id);
      const view = planView(p);
      const item = view.items.find((i) => i.itemId === itemId);
      if (!item) throw ERRORS.notFound('hạng mục trong kế hoạch');
      const placements = foldPackages(p.result).assignments.filter((a) => a.itemId === itemId)
        .map((a) => ({ ...a, stepName: p.input.context.stepNames[a.stepId] ?? a.stepId, explanation: explainPlacement(p, a) }));
      return { planId: p.id, item, placements };
    },

    async burndown(planId?: number) {
      const id = planId ?? (await plans.latestPlanId(db));
      if (id == null) throw ERRORS.notFound('kế hoạch để vẽ biểu đồ');
      return burndown(await load(id), await plans.listProgress(db), today());
    },

    // ------------------------------------------------------------ progress
    listProgress: async (f: { backlogItemId?: number; restorationItemId?: number }) => ({ items: await plans.listProgress(db, f) }),
    async recordProgress(actor: Actor, v: Progress) {
      return db.transaction(async (tx) => {
        const steps = await res.normSteps(tx, await currentNormVersionId(db));
        const step = steps.find((s) => s.stepId === v.stepId);
        if (!step) throw ERRORS.stepUnknown(v.stepId);
        if (v.backlogItemId != null) {
          if (!(await items.getBacklog(tx, v.backlogItemId))) throw ERRORS.backlogNotFound();
          if (step.skill !== 'processing') throw ERRORS.processingStepOnly();
          if (!v.metres) throw ERRORS.progressMetresRequired();
        } else {
          const r = await items.getRestoration(tx, v.restorationItemId!);
          if (!r) throw ERRORS.restorationNotFound();
          if (step.skill !== 'restoration') throw ERRORS.restorationStepOnly();
          if (!v.pages) throw ERRORS.pagesRequired();
          const done = await items.lockRestorationDone(tx, r.id);
          if (done + v.pages > r.pages) throw ERRORS.progressExceedsItem(r.pages, done, v.pages);
        }
        if (v.staffId != null && !(await res.getStaff(tx, v.staffId))) throw ERRORS.staffNotFound();
        if (v.workDate > today()) throw ERRORS.workDateInFuture();
        const id = await plans.insertProgress(tx, v, actor.id);
        await recordEvent(tx, actor, { entityType: 'progress', entityId: id, action: 'progress.recorded', after: v });
        return (await plans.listProgress(tx)).find((e) => e.id === id)!;
      });
    },
    async deleteProgress(actor: Actor, id: number) {
      if (!(await plans.deleteProgress(db, id))) throw ERRORS.notFound('bản ghi tiến độ');
      await recordEvent(db, actor, { entityType: 'progress', entityId: id, action: 'progress.deleted' });
      return { deleted: true };
    },
  };
}

/** A stored input carries the display context beside the engine's own fields. */
function splitInput(stored: ScheduleInput & { context: PlanContext }) {
  const { context, ...input } = stored;
  return { input, context };
}

export type PlanningService = ReturnType<typeof createPlanningService>;

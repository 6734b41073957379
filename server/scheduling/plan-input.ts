/**
 * Turns the stored backlog, staff, calendar and norms into the engine's ScheduleInput (pure: data in, data out).
 * Item ids are 'B<id>' (processing) and 'R<id>' (restoration); staff ids 'S<id>', staff added in a what-if 'N<n>'.
 */
import type { PlanItem, ScheduleInput, StaffMember, StepNorm } from './engine/types.js';
import type { BacklogItem, RestorationItem } from './backlog.repository.js';
import type { StaffRow } from './resources.repository.js';
import type { NormStepDef } from './norm-catalogue.js';
import { DAMAGE_LEVEL_STEP } from './norm-catalogue.js';
import type { PlanContext, ProgressEntry } from './plan.repository.js';
import type { WhatIf } from './scheduling.schemas.js';
import { addDays, eachDay } from '../core/time/index.js';

export const HOURS_PER_DAY = 8;

/**
 * The engine gives each step of an item to one person at a time, so a 36 m fonds would take one person years. Work is
 * cut into packages (lô) of at most this much — 1 m of records or 100 pages — that different people can process side by
 * side; results are folded back per item (see plan-report.ts). Package ids are '<item id>.<n>'.
 */
export const PACKAGE_SIZE = { metre: 1, page: 100 } as const;
export const baseItemId = (id: string) => id.split('.')[0];

function packages(item: PlanItem, unit: 'metre' | 'page', normOf: Map<string, NormStepDef>): PlanItem[] {
  const total = item.steps[0]?.quantity ?? 0;
  const size = PACKAGE_SIZE[unit];
  const n = Math.max(1, Math.ceil(total / size - 1e-9));
  if (n === 1) return [item];
  const left: Record<string, number> = { ...(item.doneMinutes ?? {}) };
  return Array.from({ length: n }, (_, k) => {
    const quantity = Math.round((k === n - 1 ? total - size * (n - 1) : size) * 1000) / 1000;
    const done: Record<string, number> = {};
    for (const st of item.steps) {
      const norm = normOf.get(st.stepId);
      const need = norm ? quantity * norm.minutesPerUnit * st.coefficient : 0;
      const take = Math.min(left[st.stepId] ?? 0, need);
      if (take > 0) { done[st.stepId] = take; left[st.stepId] -= take; }
    }
    return { ...item, id: `${item.id}.${k + 1}`, label: `${item.label} (lô ${k + 1}/${n})`, steps: item.steps.map((st) => ({ ...st, quantity })), doneMinutes: done };
  });
}

export interface PlanSources {
  backlog: BacklogItem[];
  restoration: RestorationItem[];
  staff: StaffRow[];
  norms: NormStepDef[];
  closedDates: string[];
  progress: ProgressEntry[];
  start: string;
  horizonWeeks: number;
  targetDate: string | null;
}

/** Metres for planning: a measurement when there is one, otherwise the estimate. */
export const planningMetres = (b: BacklogItem) => b.measuredMetres ?? b.estimatedMetres ?? 0;

function doneMinutes(entries: ProgressEntry[], normOf: Map<string, NormStepDef>, coef: number, unit: 'metre' | 'page') {
  const done: Record<string, number> = {};
  for (const e of entries) {
    const n = normOf.get(e.stepId);
    const qty = unit === 'metre' ? e.metres : e.pages;
    if (!n || !qty) continue;
    done[e.stepId] = (done[e.stepId] ?? 0) + qty * n.minutesPerUnit * n.coefficient * coef;
  }
  return done;
}

export function buildInput(src: PlanSources): { input: ScheduleInput; context: PlanContext } {
  const end = addDays(src.start, src.horizonWeeks * 7 - 1);
  const normOf = new Map(src.norms.map((n) => [n.stepId, n]));
  const processingSteps = src.norms.filter((n) => n.skill === 'processing');
  const context: PlanContext = { items: [], staff: [], stepNames: Object.fromEntries(src.norms.map((n) => [n.stepId, n.name])) };
  const items: PlanItem[] = [];

  for (const b of src.backlog) {
    const id = `B${b.id}`;
    const metres = planningMetres(b);
    const mine = src.progress.filter((e) => e.backlogItemId === b.id);
    items.push(...packages({
      id, agencyId: b.agencyId, label: b.label,
      steps: processingSteps.map((n) => ({ stepId: n.stepId, quantity: metres, coefficient: n.coefficient * b.complexityCoef })),
      ...(b.releaseDate ? { releaseDate: b.releaseDate } : {}),
      ...(b.dueDate ?? src.targetDate ? { dueDate: (b.dueDate ?? src.targetDate)! } : {}),
      priority: b.priority, after: [],
      doneMinutes: doneMinutes(mine, normOf, b.complexityCoef, 'metre'),
    }, 'metre', normOf));
    context.items.push({ id, label: b.label, agencyId: b.agencyId, agencyName: b.agencyName, kind: 'processing', quantity: metres, unit: 'metre', ownDue: b.dueDate });
  }
  for (const r of src.restoration) {
    const id = `R${r.id}`;
    const step = normOf.get(DAMAGE_LEVEL_STEP[r.damageLevel]);
    if (!step) continue;
    const mine = src.progress.filter((e) => e.restorationItemId === r.id);
    items.push(...packages({
      id, agencyId: r.agencyId, label: r.reference,
      steps: [{ stepId: step.stepId, quantity: r.pages, coefficient: step.coefficient }],
      ...(r.dueDate ?? src.targetDate ? { dueDate: (r.dueDate ?? src.targetDate)! } : {}),
      priority: r.priority, after: [],
      doneMinutes: doneMinutes(mine, normOf, 1, 'page'),
    }, 'page', normOf));
    context.items.push({ id, label: r.reference, agencyId: r.agencyId, agencyName: r.agencyName, kind: 'restoration', quantity: r.pages, unit: 'page', ownDue: r.dueDate });
  }

  const staff: StaffMember[] = src.staff.filter((s) => s.active).map((s) => ({
    id: `S${s.id}`, name: s.name, grade: s.grade, skills: s.skills, fte: s.fte,
    leave: s.leave.flatMap((l) => [...eachDay(l.startDate < src.start ? src.start : l.startDate, l.endDate > end ? end : l.endDate)]),
  }));
  for (const s of staff) context.staff.push({ id: s.id, name: s.name, grade: s.grade, skills: s.skills, fte: s.fte });

  const norms: StepNorm[] = src.norms.map((n) => ({ stepId: n.stepId, skill: n.skill, minutesPerUnit: n.minutesPerUnit, minGrade: n.minGrade }));
  const closedDates = [...new Set(src.closedDates.filter((d) => d >= src.start && d <= end))].sort();
  return {
    input: { start: src.start, horizonWeeks: src.horizonWeeks, items, staff, norms, calendar: { closedDates, hoursPerDay: HOURS_PER_DAY } },
    context,
  };
}

/** A what-if is the same input with staff added or removed and target dates moved. */
export function applyWhatIf(input: ScheduleInput, context: PlanContext, w: WhatIf, targetDate: string | null) {
  const removed = new Set(w.removeStaffIds);
  const added: StaffMember[] = w.addStaff.map((s, i) => ({ id: `N${i + 1}`, name: s.name, grade: s.grade, skills: s.skills, fte: s.fte, leave: [] }));
  const staff = [...input.staff.filter((s) => !removed.has(s.id)), ...added];
  const ownDue = new Map(context.items.map((c) => [c.id, c.ownDue]));
  const items = input.items.map((it) => {
    // An item's own due date stays; the ones inherited from the plan's target move with it.
    const base = baseItemId(it.id);
    const due = w.itemDueDates[base] ?? ownDue.get(base) ?? (w.targetDate !== undefined ? (w.targetDate ?? undefined) : it.dueDate);
    const { dueDate: _, ...rest } = it;
    return due ? { ...rest, dueDate: due } : rest;
  });
  const ctx: PlanContext = {
    ...context,
    staff: [...context.staff.filter((s) => !removed.has(s.id)), ...added.map((s) => ({ id: s.id, name: s.name, grade: s.grade, skills: s.skills, fte: s.fte }))],
  };
  return { input: { ...input, staff, items }, context: ctx, targetDate: w.targetDate !== undefined ? w.targetDate : targetDate };
}

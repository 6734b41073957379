/**
 * Progress helpers, pure: measured pace from recorded work, forecast of when the backlog clears at that pace,
 * burndown (planned remaining vs actual remaining per week) and a side-by-side comparison of two plans (what-if).
 */
import { dayToIso, isoToDay, mondayOfDay } from '../../core/time/index.js';
import type { Assignment, ScheduleResult } from './types.js';

export interface WorkRecord {
  date: string;
  stepId: string;
  /** Units done (metres or pages). */
  units: number;
}

/** Units per week per step over the `windowWeeks` whole weeks ending on asOf (inclusive). */
export function measurePace(records: WorkRecord[], asOf: string, windowWeeks: number): Record<string, number> {
  const end = isoToDay(asOf);
  const from = end - windowWeeks * 7 + 1;
  const sums: Record<string, number> = {};
  for (const r of records) {
    const d = isoToDay(r.date);
    if (d < from || d > end) continue;
    sums[r.stepId] = (sums[r.stepId] ?? 0) + r.units;
  }
  const pace: Record<string, number> = {};
  for (const k of Object.keys(sums).sort()) pace[k] = sums[k] / windowWeeks;
  return pace;
}

export interface Forecast {
  /** Date the last step clears, or null when some step with work left has no measured pace. */
  clearDate: string | null;
  weeks: number | null;
  perStep: { stepId: string; remaining: number; pacePerWeek: number; weeks: number | null }[];
  /** Steps with work left but no pace measured (Vietnamese, for the UI). */
  message: string | null;
}

/**
 * Steps run side by side across items, so the backlog clears when its slowest step does: max over steps of
 * remaining ÷ pace (whole weeks, rounded up).
 */
export function forecastClearance(asOf: string, remaining: Record<string, number>, pace: Record<string, number>): Forecast {
  const perStep = Object.keys(remaining).sort().filter((k) => remaining[k] > 0).map((stepId) => {
    const p = pace[stepId] ?? 0;
    return { stepId, remaining: remaining[stepId], pacePerWeek: p, weeks: p > 0 ? Math.ceil(remaining[stepId] / p) : null };
  });
  const stalled = perStep.filter((s) => s.weeks === null).map((s) => s.stepId);
  if (stalled.length) {
    return { clearDate: null, weeks: null, perStep, message: `Chưa đo được tiến độ của bước ${stalled.join(', ')} nên chưa dự báo được ngày hoàn thành` };
  }
  const weeks = perStep.reduce((w, s) => Math.max(w, s.weeks!), 0);
  return { clearDate: dayToIso(isoToDay(asOf) + weeks * 7), weeks, perStep, message: null };
}

export interface BurndownRow {
  week: string;
  /** Minutes the plan still has to do at the end of this week. */
  plannedRemaining: number;
  /** Minutes actually left at the end of this week (null for weeks after asOf). */
  actualRemaining: number | null;
}

/**
 * totalMinutes is the work at plan start; planned remaining drops by the plan's assignments, actual remaining by the
 * minutes recorded as done (date-stamped). Weeks run from the first week with planned or done work — or from the week
 * of `from`, when given, so a stored plan's chart starts on its start week even before anything was done — to the
 * later of the last planned week and asOf.
 */
export function burndown(totalMinutes: number, assignments: Assignment[], done: { date: string; minutes: number }[], asOf: string, options: { from?: string } = {}): BurndownRow[] {
  const planned = new Map<number, number>();
  for (const a of assignments) {
    const w = isoToDay(a.week);
    planned.set(w, (planned.get(w) ?? 0) + a.minutes);
  }
  const actual = new Map<number, number>();
  for (const r of done) {
    const w = mondayOfDay(isoToDay(r.date));
    actual.set(w, (actual.get(w) ?? 0) + r.minutes);
  }
  const asOfWeek = mondayOfDay(isoToDay(asOf));
  const weeks = [...planned.keys(), ...actual.keys()];
  const from = options.from === undefined ? undefined : mondayOfDay(isoToDay(options.from));
  if (from === undefined && !weeks.length) return [];
  const first = from ?? Math.min(...weeks);
  const last = Math.max(...planned.keys(), asOfWeek, from ?? -Infinity);
  const rows: BurndownRow[] = [];
  let p = totalMinutes;
  let a = totalMinutes;
  for (let w = first; w <= last; w += 7) {
    p -= planned.get(w) ?? 0;
    a -= actual.get(w) ?? 0;
    rows.push({ week: dayToIso(w), plannedRemaining: Math.max(0, p), actualRemaining: w <= asOfWeek ? Math.max(0, a) : null });
  }
  return rows;
}

export interface PlanComparison {
  finishA: string | null;
  finishB: string | null;
  /** Calendar days B finishes later (+) or earlier (−) than A overall; null if either has no finish. */
  finishDeltaDays: number | null;
  totalLateDaysA: number;
  totalLateDaysB: number;
  /** Items on time in A but late (or unplaced) in B, and the reverse. */
  newlyMissed: string[];
  newlyMet: string[];
  items: { itemId: string; finishA: string | null; finishB: string | null; deltaDays: number | null; lateA: number; lateB: number }[];
}

export function comparePlans(a: ScheduleResult, b: ScheduleResult): PlanComparison {
  const ia = new Map(a.items.map((o) => [o.itemId, o]));
  const ib = new Map(b.items.map((o) => [o.itemId, o]));
  const ids = [...new Set([...ia.keys(), ...ib.keys()])].sort();
  const missed = (o: ScheduleResult['items'][number] | undefined): boolean => !!o && (o.lateDays > 0 || (o.finish === null && !!o.dueDate));
  const delta = (x: string | null | undefined, y: string | null | undefined): number | null => (x && y ? isoToDay(y) - isoToDay(x) : null);
  const items = ids.map((itemId) => {
    const x = ia.get(itemId);
    const y = ib.get(itemId);
    return { itemId, finishA: x?.finish ?? null, finishB: y?.finish ?? null, deltaDays: delta(x?.finish, y?.finish), lateA: x?.lateDays ?? 0, lateB: y?.lateDays ?? 0 };
  });
  return {
    finishA: a.finish,
    finishB: b.finish,
    finishDeltaDays: delta(a.finish, b.finish),
    totalLateDaysA: a.totalLateDays,
    totalLateDaysB: b.totalLateDays,
    newlyMissed: ids.filter((id) => ia.get(id)?.dueDate && !missed(ia.get(id)) && missed(ib.get(id))),
    newlyMet: ids.filter((id) => ib.get(id)?.dueDate && missed(ia.get(id)) && !missed(ib.get(id))),
    items,
  };
}

/**
 * Burndown of a plan (pure): remaining person-hours per week as planned, as actually recorded, and a forecast of
 * when the backlog clears at the pace measured over the last weeks of recorded progress.
 */
import type { StoredPlan, ProgressEntry } from './plan.repository.js';
import { addDays, daysBetween, mondayOf } from './dates.js';
import { baseItemId } from './plan-input.js';

const PACE_WEEKS = 8;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function burndown(plan: StoredPlan, progress: ProgressEntry[], today: string) {
  const { input, result } = plan;
  const norm = new Map(input.norms.map((n) => [n.stepId, n]));
  const coef = new Map<string, number>();
  let total = 0;
  let doneAtStart = 0;
  for (const it of input.items) {
    for (const s of it.steps) {
      const n = norm.get(s.stepId);
      if (!n) continue;
      coef.set(`${baseItemId(it.id)}:${s.stepId}`, s.coefficient);
      total += s.quantity * n.minutesPerUnit * s.coefficient;
      doneAtStart += Math.min(it.doneMinutes?.[s.stepId] ?? 0, s.quantity * n.minutesPerUnit * s.coefficient);
    }
  }
  const remainingAtStart = total - doneAtStart;

  const doneByWeek = new Map<string, number>();
  for (const e of progress) {
    if (e.workDate < input.start) continue; // already counted in the plan's doneMinutes
    const itemId = e.backlogItemId !== null ? `B${e.backlogItemId}` : `R${e.restorationItemId}`;
    const n = norm.get(e.stepId);
    const c = coef.get(`${itemId}:${e.stepId}`);
    const qty = n?.skill === 'processing' ? e.metres : e.pages;
    if (!n || c === undefined || !qty) continue;
    const w = mondayOf(e.workDate);
    doneByWeek.set(w, (doneByWeek.get(w) ?? 0) + qty * n.minutesPerUnit * c);
  }
  const plannedByWeek = new Map<string, number>();
  for (const a of result.assignments) plannedByWeek.set(a.week, (plannedByWeek.get(a.week) ?? 0) + a.minutes);

  const thisWeek = mondayOf(today);
  const lastPlanned = [...plannedByWeek.keys()].sort().at(-1) ?? input.start;
  const last = lastPlanned > thisWeek ? lastPlanned : thisWeek;
  const weeks: { week: string; plannedRemainingHours: number; actualRemainingHours: number | null }[] = [];
  let planned = remainingAtStart;
  let actual = remainingAtStart;
  for (let w = mondayOf(input.start); w <= last; w = addDays(w, 7)) {
    planned -= plannedByWeek.get(w) ?? 0;
    actual -= doneByWeek.get(w) ?? 0;
    weeks.push({ week: w, plannedRemainingHours: round1(Math.max(planned, 0) / 60), actualRemainingHours: w <= thisWeek ? round1(Math.max(actual, 0) / 60) : null });
  }

  // Pace over the last complete weeks since the plan started (this week is not over yet).
  const paceFrom = [addDays(thisWeek, -7 * PACE_WEEKS), mondayOf(input.start)].sort()[1];
  const paceWeeks = Math.max(0, Math.round(daysBetween(paceFrom, thisWeek) / 7));
  let paceMinutes = 0;
  for (const [w, m] of doneByWeek) if (w >= paceFrom && w < thisWeek) paceMinutes += m;
  const pace = paceWeeks > 0 ? paceMinutes / paceWeeks : 0;
  const doneSinceStart = [...doneByWeek.entries()].filter(([w]) => w <= thisWeek).reduce((t, [, m]) => t + m, 0);
  const remainingNow = Math.max(remainingAtStart - doneSinceStart, 0);
  const forecastClear = remainingNow === 0 ? today : pace > 0 ? addDays(thisWeek, Math.ceil(remainingNow / pace) * 7) : null;

  return {
    planId: plan.id,
    totalHours: round1(total / 60),
    remainingAtStartHours: round1(remainingAtStart / 60),
    remainingNowHours: round1(remainingNow / 60),
    paceHoursPerWeek: round1(pace / 60),
    paceWeeks,
    plannedFinish: result.finish,
    forecastClear,
    weeks,
  };
}

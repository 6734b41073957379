/**
 * Burndown of a stored plan (pure): remaining person-hours per week as planned, as actually recorded, and a forecast
 * of when the backlog clears at the pace measured over the last weeks of recorded progress. Recorded progress is
 * turned into minutes with the plan's own norms and coefficients; the weekly series, pace and forecast are the
 * engine's (engine/progress.ts).
 */
import { addDays, daysBetween, mondayOf } from '../core/time/index.js';
import type { StoredPlan, ProgressEntry } from './plan.repository.js';
import { burndown as weeklyBurndown, forecastClearance, measurePace } from './engine/progress.js';
import { baseItemId } from './plan-input.js';

const PACE_WEEKS = 8;
const round1 = (n: number) => Math.round(n * 10) / 10;
const hours = (minutes: number) => round1(minutes / 60);

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

  const done: { date: string; minutes: number }[] = [];
  for (const e of progress) {
    if (e.workDate < input.start) continue; // already counted in the plan's doneMinutes
    const itemId = e.backlogItemId !== null ? `B${e.backlogItemId}` : `R${e.restorationItemId}`;
    const n = norm.get(e.stepId);
    const c = coef.get(`${itemId}:${e.stepId}`);
    const qty = n?.skill === 'processing' ? e.metres : e.pages;
    if (!n || c === undefined || !qty) continue;
    done.push({ date: e.workDate, minutes: qty * n.minutesPerUnit * c });
  }
  const rows = weeklyBurndown(remainingAtStart, result.assignments, done, today, { from: input.start });
  const weeks = rows.map((r) => ({ week: r.week, plannedRemainingHours: hours(r.plannedRemaining), actualRemainingHours: r.actualRemaining === null ? null : hours(r.actualRemaining) }));

  // Pace over the last complete weeks since the plan started (this week is not over yet).
  const thisWeek = mondayOf(today);
  const paceFrom = [addDays(thisWeek, -7 * PACE_WEEKS), mondayOf(input.start)].sort()[1];
  const paceWeeks = Math.max(0, Math.round(daysBetween(paceFrom, thisWeek) / 7));
  const pace = paceWeeks > 0 ? measurePace(done.map((d) => ({ date: d.date, stepId: 'all', units: d.minutes })), addDays(thisWeek, -1), paceWeeks).all ?? 0 : 0;
  const doneSinceStart = done.filter((d) => mondayOf(d.date) <= thisWeek).reduce((t, d) => t + d.minutes, 0);
  const remainingNow = Math.max(remainingAtStart - doneSinceStart, 0);
  const forecastClear = remainingNow === 0 ? today : forecastClearance(thisWeek, { all: remainingNow }, { all: pace }).clearDate;

  return {
    planId: plan.id,
    totalHours: hours(total),
    remainingAtStartHours: hours(remainingAtStart),
    remainingNowHours: hours(remainingNow),
    paceHoursPerWeek: hours(pace),
    paceWeeks,
    plannedFinish: result.unplaced.length ? null : result.finish,
    forecastClear,
    weeks,
  };
}

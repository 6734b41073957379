/**
 * Independent checks of a plan against its input, recomputed from the input alone (not from the engine's own
 * capacity figures): weekly load within availability, skills and grade, step order and dependencies, all work done.
 */
import { isoToDay, isWeekendDay as isWeekend, mondayOfDay as mondayOf, dayToIso } from '../../../server/core/time/index.js';
import type { ScheduleInput, ScheduleResult } from '../../../server/scheduling/engine/types.js';

export function violations(inp: ScheduleInput, plan: ScheduleResult): string[] {
  const out: string[] = [];
  const closed = new Set(inp.calendar.closedDates);
  const staff = new Map(inp.staff.map((s) => [s.id, s]));
  const norms = new Map(inp.norms.map((n) => [n.stepId, n]));
  const startDay = isoToDay(inp.start);
  const endDay = mondayOf(startDay) + inp.horizonWeeks * 7;

  const load = new Map<string, number>();
  for (const a of plan.assignments) {
    const k = `${a.staffId}|${a.week}`;
    load.set(k, (load.get(k) ?? 0) + a.minutes);
    const s = staff.get(a.staffId)!;
    const n = norms.get(a.stepId)!;
    if (!s.skills.includes(n.skill)) out.push(`${a.staffId} lacks ${n.skill} for ${a.itemId}/${a.stepId}`);
    if (s.grade < n.minGrade) out.push(`${a.staffId} grade ${s.grade} < ${n.minGrade} for ${a.itemId}/${a.stepId}`);
    if (a.minutes <= 0) out.push(`non-positive minutes ${a.itemId}`);
  }
  for (const [k, minutes] of load) {
    const [id, week] = k.split('|');
    const s = staff.get(id)!;
    const leave = new Set(s.leave);
    let cap = 0;
    for (let d = isoToDay(week); d < isoToDay(week) + 7; d++) {
      const iso = dayToIso(d);
      if (d < startDay || d >= endDay || isWeekend(d) || closed.has(iso) || leave.has(iso)) continue;
      cap += inp.calendar.hoursPerDay * 60 * s.fte;
    }
    if (minutes > cap + 1e-9) out.push(`${id} week ${week}: ${minutes} > ${cap}`);
  }

  const outcome = new Map(plan.items.map((o) => [o.itemId, o]));
  const byItemStep = new Map<string, { minutes: number; people: Set<string> }>();
  for (const a of plan.assignments) {
    const k = `${a.itemId}|${a.stepId}`;
    let g = byItemStep.get(k);
    if (!g) byItemStep.set(k, (g = { minutes: 0, people: new Set() }));
    g.minutes += a.minutes;
    g.people.add(a.staffId);
  }
  for (const it of inp.items) {
    const o = outcome.get(it.id)!;
    if (!o.finish) {
      if ([...byItemStep.keys()].some((k) => k.startsWith(`${it.id}|`))) out.push(`${it.id} unplaced but has assignments`);
      continue;
    }
    if (it.releaseDate && o.start! < it.releaseDate) out.push(`${it.id} starts before release`);
    for (const p of it.after) {
      const po = outcome.get(p);
      if (po && (!po.finish || po.finish >= o.start!)) out.push(`${it.id} starts ${o.start} before ${p} finishes ${po.finish}`);
    }
    const steps = o.steps ?? [];
    for (let k = 1; k < steps.length; k++) if (steps[k].start < steps[k - 1].finish) out.push(`${it.id} step ${steps[k].stepId} before ${steps[k - 1].stepId}`);
    for (const st of it.steps) {
      const n = norms.get(st.stepId)!;
      const need = Math.max(0, Math.ceil(st.quantity * n.minutesPerUnit * st.coefficient - (it.doneMinutes?.[st.stepId] ?? 0)));
      const g = byItemStep.get(`${it.id}|${st.stepId}`);
      if ((g?.minutes ?? 0) !== need) out.push(`${it.id}/${st.stepId}: planned ${g?.minutes ?? 0} of ${need} minutes`);
      if (g && g.people.size > 1) out.push(`${it.id}/${st.stepId} split over ${g.people.size} people`);
    }
    if (it.dueDate) {
      const late = Math.max(0, isoToDay(o.finish) - isoToDay(it.dueDate));
      if (late !== o.lateDays) out.push(`${it.id} lateDays ${o.lateDays} ≠ ${late}`);
    }
  }
  return out;
}

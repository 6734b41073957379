/**
 * What people read from a stored plan (pure): finish per item, per agency and overall, missed targets,
 * each person's weekly load against the capacity the calendar allows, and a plain-Vietnamese sentence per placement.
 */
import { viNumber } from '../core/numbers.js';
import type { Assignment, ItemOutcome, ScheduleInput, ScheduleResult, StaffMember } from './engine/types.js';
import { baseItemId } from './plan-input.js';
import type { StoredPlan } from './plan.repository.js';
import { GRADES } from './norm-catalogue.js';
import { addDays, vnDate } from '../core/time/index.js';
import { unplacedWhy } from './plan-beyond.js';

const maxDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const hours = (m: number) => viNumber(Math.round(m / 6) / 10, 1);

/** Minutes a person can work in the ISO week starting on `monday`: weekdays not closed, not on leave, times FTE. */
export function weekCapacity(input: ScheduleInput, s: StaffMember, monday: string): number {
  const closed = new Set(input.calendar.closedDates);
  const leave = new Set(s.leave);
  let days = 0;
  for (let i = 0; i < 5; i++) {
    const d = addDays(monday, i);
    if (d < input.start) continue;
    if (!closed.has(d) && !leave.has(d)) days++;
  }
  return days * input.calendar.hoursPerDay * 60 * s.fte;
}

/** Folds the engine's per-package results (B12.1, B12.2…) back into one outcome per item, as people read them. */
export function foldPackages(result: ScheduleResult) {
  const groups = new Map<string, ItemOutcome[]>();
  for (const o of result.items) groups.set(baseItemId(o.itemId), [...(groups.get(baseItemId(o.itemId)) ?? []), o]);
  const items: ItemOutcome[] = [...groups.entries()].map(([itemId, os]) => {
    const finishes = os.map((o) => o.finish);
    const finish = finishes.includes(null) ? null : (finishes as string[]).sort().at(-1)!;
    const starts = os.map((o) => o.start).filter((d): d is string => d !== null).sort();
    const last = os.find((o) => o.finish === finish) ?? os[0];
    const explanation = os.length === 1 ? os[0].explanation
      : `${last.explanation} Hạng mục được chia thành ${viNumber(os.length)} lô để nhiều người làm song song; ngày xong là ngày lô cuối cùng xong.`;
    return { itemId, start: starts[0] ?? null, finish, ...(os[0].dueDate ? { dueDate: os[0].dueDate } : {}),
      lateDays: Math.max(...os.map((o) => o.lateDays)), explanation, packages: os.length };
  });
  const unplacedGroups = new Map<string, string[]>();
  for (const u of result.unplaced) unplacedGroups.set(baseItemId(u.itemId), [...(unplacedGroups.get(baseItemId(u.itemId)) ?? []), u.reason]);
  const unplaced = [...unplacedGroups.entries()].map(([itemId, reasons]) => ({
    itemId, reason: reasons.length > 1 ? `${reasons[0]} (${viNumber(reasons.length)} lô không xếp được)` : reasons[0],
  }));
  const merged = new Map<string, Assignment>();
  for (const a of result.assignments) {
    const itemId = baseItemId(a.itemId);
    const key = `${itemId}|${a.stepId}|${a.staffId}|${a.week}`;
    const cur = merged.get(key);
    if (cur) cur.minutes += a.minutes;
    else merged.set(key, { ...a, itemId });
  }
  return { items, unplaced, assignments: [...merged.values()] };
}

export function staffLoad(plan: Pick<StoredPlan, 'input' | 'result'>) {
  const byStaff = new Map<string, Map<string, number>>();
  for (const a of plan.result.assignments) {
    const m = byStaff.get(a.staffId) ?? new Map<string, number>();
    m.set(a.week, (m.get(a.week) ?? 0) + a.minutes);
    byStaff.set(a.staffId, m);
  }
  return plan.input.staff.map((s) => {
    const weeks = [...(byStaff.get(s.id) ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([week, minutes]) => ({ week, minutes: Math.round(minutes * 100) / 100, capacity: weekCapacity(plan.input, s, week) }));
    const total = weeks.reduce((t, w) => t + w.minutes, 0);
    return { staffId: s.id, name: s.name, grade: s.grade, skills: s.skills, fte: s.fte, totalMinutes: Math.round(total), weeks,
      overloaded: weeks.filter((w) => w.minutes > w.capacity + 0.01).length };
  });
}

export function planView(plan: StoredPlan) {
  const ctx = new Map(plan.input.context.items.map((c) => [c.id, c]));
  const folded = foldPackages(plan.result);
  const unplaced = new Map(folded.unplaced.map((u) => [u.itemId, u.reason]));
  const items = folded.items.map((o) => {
    const c = ctx.get(o.itemId);
    const missed = !!o.dueDate && (o.finish === null || o.finish > o.dueDate);
    return { ...o, label: c?.label ?? o.itemId, agencyId: c?.agencyId ?? null, agencyName: c?.agencyName ?? null, kind: c?.kind ?? 'processing',
      quantity: c?.quantity ?? 0, unit: c?.unit ?? 'metre', unplacedReason: unplaced.get(o.itemId) ?? null, missed };
  });
  const agencies = new Map<number, { agencyId: number; agencyName: string; finish: string | null; items: number; missed: number; complete: boolean }>();
  for (const it of items) {
    if (it.agencyId === null) continue;
    const a = agencies.get(it.agencyId) ?? { agencyId: it.agencyId, agencyName: it.agencyName ?? '', finish: null, items: 0, missed: 0, complete: true };
    a.items++;
    if (it.missed) a.missed++;
    if (it.finish === null) a.complete = false;
    a.finish = maxDate(a.finish, it.finish);
    agencies.set(it.agencyId, a);
  }
  const { input: _i, result, ...summary } = plan;
  const complete = folded.unplaced.length === 0;
  return {
    ...summary,
    // Never a finish while work is unplaced (older stored plans included); the last placed item's day is `placedFinish`.
    finish: complete ? result.finish : null,
    complete,
    placedFinish: result.finish,
    itemCount: items.length,
    unplacedCount: folded.unplaced.length,
    packageCount: result.items.length,
    unplacedPackageCount: result.unplaced.length,
    beyondHorizon: result.beyondHorizon ?? null,
    unplacedWhy: unplacedWhy(folded.unplaced),
    unplaced: folded.unplaced,
    items,
    agencies: [...agencies.values()].sort((a, b) => (a.finish ?? '9999').localeCompare(b.finish ?? '9999')),
    missedTargets: items.filter((i) => i.missed).map((i) => ({ itemId: i.itemId, label: i.label, dueDate: i.dueDate, finish: i.finish, lateDays: i.lateDays })),
    targetMissed: !!plan.targetDate && (result.finish === null || result.finish > plan.targetDate || result.unplaced.length > 0),
    staff: staffLoad(plan),
    stepNames: plan.input.context.stepNames,
    assignments: folded.assignments,
  };
}

/** One placement in words: who, which step of which item, which week, how long, and what allowed it (grade, capacity). The item's own
 * explanation (why this item, why now) comes from the engine and is shown once beside the placements. */
export function explainPlacement(plan: StoredPlan, a: Assignment): string {
  const item = plan.input.context.items.find((i) => i.id === a.itemId);
  const person = plan.input.staff.find((s) => s.id === a.staffId);
  const step = plan.input.context.stepNames[a.stepId] ?? a.stepId;
  const norm = plan.input.norms.find((n) => n.stepId === a.stepId);
  const who = person ? `${person.name} (${GRADES[person.grade] ?? `bậc ${person.grade}`}, ${person.fte < 1 ? `${Math.round(person.fte * 100)}% thời gian` : 'toàn thời gian'})` : a.staffId;
  const need = norm ? ` Bước này cần ngạch từ ${GRADES[norm.minGrade] ?? norm.minGrade} trở lên và đúng kỹ năng.` : '';
  const capacity = person ? ` Tuần này người đó làm được tối đa ${hours(weekCapacity(plan.input, person, a.week))} giờ.` : '';
  return `Tuần ${vnDate(a.week)}–${vnDate(addDays(a.week, 4))}: ${who} làm ${hours(a.minutes)} giờ bước "${step}" của "${item?.label ?? a.itemId}"`
    + `${item?.agencyName ? ` (${item.agencyName})` : ''}.${need}${capacity}`;
}

/** Two plans side by side: finish per item and overall, and which targets each misses. */
export function comparePlans(a: StoredPlan, b: StoredPlan) {
  const va = planView(a);
  const vb = planView(b);
  const ids = [...new Set([...va.items.map((i) => i.itemId), ...vb.items.map((i) => i.itemId)])];
  const byA = new Map(va.items.map((i) => [i.itemId, i]));
  const byB = new Map(vb.items.map((i) => [i.itemId, i]));
  const side = (v: ReturnType<typeof planView>) => ({
    id: v.id, label: v.label, kind: v.kind, finish: v.finish, complete: v.complete, beyondHorizon: v.beyondHorizon,
    itemCount: v.itemCount, horizonWeeks: v.horizonWeeks,
    totalLateDays: v.totalLateDays, targetDate: v.targetDate, targetMissed: v.targetMissed, staffCount: v.staff.length,
    // Missed = finished late + not placed at all; late days can only count the placed ones.
    missedCount: v.missedTargets.length, lateCount: v.items.filter((i) => i.missed && i.finish !== null).length, unplacedCount: v.unplacedCount,
  });
  return {
    a: side(va), b: side(vb),
    items: ids.map((id) => {
      const x = byA.get(id);
      const y = byB.get(id);
      return { itemId: id, label: x?.label ?? y?.label ?? id, agencyName: x?.agencyName ?? y?.agencyName ?? null,
        a: x ? { finish: x.finish, missed: x.missed, lateDays: x.lateDays } : null, b: y ? { finish: y.finish, missed: y.missed, lateDays: y.lateDays } : null };
    }),
  };
}


/**
 * Turns a ScheduleInput into the engine's internal model: everything canonicalised by id (so shuffled input plans
 * the same), days as integers relative to the Monday of the start week, per-person daily capacity, eligible staff per
 * step, and the reasons items cannot be planned at all (unknown norm, nobody qualified, dependency cycle).
 */
import { dayToIso, isoToDay, isWeekendDay, mondayOfDay } from '../../core/time/index.js';
import type { PlanItem, ScheduleInput, Skill, StaffMember, StepNorm } from './types.js';

export const SKILL_VI: Record<Skill, string> = { processing: 'chỉnh lý', restoration: 'tu bổ, phục chế', digitization: 'số hóa' };

export interface PStep {
  stepId: string;
  skill: Skill;
  minutes: number;
  /** Staff indices able to do it, cheapest grade first then id, so ties leave senior people free. */
  eligible: number[];
}

export interface PItem {
  idx: number;
  src: PlanItem;
  steps: PStep[];
  release: number;
  due: number | null;
  preds: number[];
  succs: number[];
  weight: number;
  totalMinutes: number;
  /** Why the item cannot be planned whatever the order (null when it can). */
  invalid: string | null;
}

export interface Model {
  day0: number;
  startDay: number;
  nDays: number;
  items: PItem[];
  byId: Map<string, number>;
  staff: StaffMember[];
  /** Flat [staff × day] daily capacity in whole minutes. */
  capacity: Int32Array;
  fullDayMinutes: number;
  /** ISO date of every plan day (and one past the end), computed once. */
  iso: string[];
}

export const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function prepare(input: ScheduleInput): Model {
  const startDay = isoToDay(input.start);
  if (Number.isNaN(startDay)) throw new RangeError(`invalid start date ${input.start}`);
  const day0 = mondayOfDay(startDay);
  const nDays = Math.max(0, Math.floor(input.horizonWeeks)) * 7;
  const fullDayMinutes = Math.floor(input.calendar.hoursPerDay * 60);
  const closed = new Set(input.calendar.closedDates.map(isoToDay));

  const staff = [...input.staff].sort(byId);
  const capacity = new Int32Array(staff.length * nDays);
  staff.forEach((s, si) => {
    const leave = new Set(s.leave.map(isoToDay));
    const perDay = Math.floor(fullDayMinutes * Math.max(0, s.fte));
    for (let d = startDay - day0; d < nDays; d++) {
      const abs = day0 + d;
      if (isWeekendDay(abs) || closed.has(abs) || leave.has(abs)) continue;
      capacity[si * nDays + d] = perDay;
    }
  });

  const norms = new Map<string, StepNorm>();
  for (const n of [...input.norms].sort((a, b) => (a.stepId < b.stepId ? -1 : a.stepId > b.stepId ? 1 : 0))) norms.set(n.stepId, n);
  const eligibleCache = new Map<string, number[]>();
  const eligibleFor = (norm: StepNorm): number[] => {
    const key = `${norm.skill}:${norm.minGrade}`;
    let list = eligibleCache.get(key);
    if (!list) {
      list = staff
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.skills.includes(norm.skill) && s.grade >= norm.minGrade && s.fte > 0)
        .sort((a, b) => a.s.grade - b.s.grade || a.i - b.i)
        .map(({ i }) => i);
      eligibleCache.set(key, list);
    }
    return list;
  };

  const src = [...input.items].sort(byId);
  const byIdMap = new Map<string, number>();
  src.forEach((it, i) => byIdMap.set(it.id, i));
  const items: PItem[] = src.map((it, idx) => {
    let invalid: string | null = null;
    const steps: PStep[] = [];
    for (const st of it.steps) {
      const norm = norms.get(st.stepId);
      if (!norm) {
        invalid ??= `Bước ${st.stepId} chưa có định mức trong bảng định mức đang dùng`;
        continue;
      }
      const total = st.quantity * norm.minutesPerUnit * (st.coefficient > 0 ? st.coefficient : 1);
      const minutes = Math.max(0, Math.ceil(total - (it.doneMinutes?.[st.stepId] ?? 0)));
      const eligible = eligibleFor(norm);
      if (minutes > 0 && eligible.length === 0)
        invalid ??= `Không có cán bộ có kỹ năng ${SKILL_VI[norm.skill]} từ bậc ${norm.minGrade} trở lên cho bước ${st.stepId}`;
      if (minutes > 0) steps.push({ stepId: st.stepId, skill: norm.skill, minutes, eligible });
    }
    const release = it.releaseDate ? isoToDay(it.releaseDate) - day0 : 0;
    const due = it.dueDate ? isoToDay(it.dueDate) - day0 : null;
    if (Number.isNaN(release) || (due !== null && Number.isNaN(due))) invalid ??= 'Ngày tiếp nhận hoặc ngày hạn không hợp lệ';
    const preds = [...new Set(it.after)].filter((p) => byIdMap.has(p) && p !== it.id).map((p) => byIdMap.get(p)!).sort((a, b) => a - b);
    return {
      idx, src: it, steps, release: Math.max(release || 0, startDay - day0), due: due !== null && !Number.isNaN(due) ? due : null,
      preds, succs: [], weight: 1 + Math.max(0, it.priority || 0), totalMinutes: steps.reduce((s, x) => s + x.minutes, 0), invalid,
    };
  });
  for (const it of items) for (const p of it.preds) items[p].succs.push(it.idx);
  markCycles(items);
  const iso = Array.from({ length: nDays + 1 }, (_, d) => dayToIso(day0 + d));
  return { day0, startDay: startDay - day0, nDays, items, byId: byIdMap, staff, capacity, fullDayMinutes, iso };
}

/** Items on a dependency cycle can never start; name the cycle so a person can break it. */
function markCycles(items: PItem[]): void {
  const state = new Uint8Array(items.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const visit = (root: number): void => {
    const work: { i: number; k: number }[] = [{ i: root, k: 0 }];
    state[root] = 1;
    stack.push(root);
    while (work.length) {
      const top = work[work.length - 1];
      const preds = items[top.i].preds;
      if (top.k < preds.length) {
        const p = preds[top.k++];
        if (state[p] === 0) {
          state[p] = 1;
          stack.push(p);
          work.push({ i: p, k: 0 });
        } else if (state[p] === 1) {
          const cyc = stack.slice(stack.indexOf(p));
          const names = [...cyc, p].map((i) => items[i].src.id).reverse().join(' → ');
          for (const i of cyc) items[i].invalid ??= `Phụ thuộc vòng tròn: ${names}`;
        }
      } else {
        state[top.i] = 2;
        stack.pop();
        work.pop();
      }
    }
  };
  for (let i = 0; i < items.length; i++) if (state[i] === 0) visit(i);
}

export const isoOf = (m: Model, d: number): string => (d >= 0 && d <= m.nDays ? m.iso[d] : dayToIso(m.day0 + d));

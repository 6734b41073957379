/**
 * One pass of the serial list scheduler: items in the given order (unplaced predecessors pulled in first), each step
 * on the one qualified person who finishes it earliest, filling that person's remaining daily minutes. Capacity is
 * consumed only through `commit`, so no person's day (hence week) can ever be over-filled.
 */
import type { Model } from './prepare.js';

export interface StepPlacement {
  step: number;
  staff: number;
  start: number;
  finish: number;
  minutes: number;
  /** Flat pairs [weekIndex, minutes, …] in week order. */
  weeks: number[];
}

export interface ItemPlacement {
  start: number;
  finish: number;
  /** Earliest day allowed by release date and predecessors, and which predecessor set it (-1: none). */
  earliest: number;
  blocker: number;
  steps: StepPlacement[];
}

export interface RunResult {
  placed: (ItemPlacement | null)[];
  reason: (string | null)[];
  /** Order in which items were actually placed (1-based rank = position + 1). */
  sequence: number[];
  unplacedCount: number;
  totalLateDays: number;
  weightedLateDays: number;
  lateItems: number;
  weightedFinish: number;
}

export function lateDaysOf(m: Model, i: number, p: ItemPlacement | null): number {
  const due = m.items[i].due;
  return p && due !== null ? Math.max(0, p.finish - due) : 0;
}

/**
 * `record` keeps per-step, per-week detail for the plan that is finally reported; candidate runs skip it because
 * those tens of thousands of small arrays cost more in garbage collection than the scheduling itself.
 */
export function runOrder(m: Model, order: number[], record = false): RunResult {
  const { nDays, items } = m;
  const free = m.capacity.slice();
  const next = new Int32Array(free.length);
  for (let i = 0; i < next.length; i++) next[i] = (i % nDays) + 1;
  const status = new Uint8Array(items.length); // 0 new, 1 placing, 2 placed, 3 failed
  const placed: (ItemPlacement | null)[] = new Array(items.length).fill(null);
  const reason: (string | null)[] = new Array(items.length).fill(null);
  const sequence: number[] = [];

  const find = (base: number, d: number): number => {
    let r = d;
    while (r < nDays && free[base + r] <= 0) r = next[base + r];
    let x = d;
    while (x < r) {
      const n = next[base + x];
      next[base + x] = r;
      x = n;
    }
    return r;
  };

  /** Day the person would finish `minutes` starting no earlier than `e`; -1 if past the horizon or not before `limit`. */
  const simulate = (p: number, e: number, minutes: number, limit: number): number => {
    const base = p * nDays;
    let rem = minutes;
    for (let d = find(base, e); d < nDays && d < limit; d = find(base, d + 1)) {
      rem -= free[base + d];
      if (rem <= 0) return d;
    }
    return -1;
  };

  const commit = (p: number, e: number, minutes: number, undo: number[]): StepPlacement | null => {
    const base = p * nDays;
    let rem = minutes;
    let start = -1;
    let finish = -1;
    const weeks: number[] = [];
    for (let d = find(base, e); rem > 0; d = find(base, d + 1)) {
      const take = Math.min(rem, free[base + d]);
      free[base + d] -= take;
      undo.push(base + d, take);
      rem -= take;
      if (start < 0) start = d;
      finish = d;
      if (!record) continue;
      const w = Math.floor(d / 7);
      if (weeks.length && weeks[weeks.length - 2] === w) weeks[weeks.length - 1] += take;
      else weeks.push(w, take);
    }
    lastStart = start;
    lastFinish = finish;
    return record ? { step: -1, staff: p, start, finish, minutes, weeks } : null;
  };

  const rollback = (undo: number[]): void => {
    const touched = new Set<number>();
    for (let k = 0; k < undo.length; k += 2) {
      free[undo[k]] += undo[k + 1];
      touched.add(Math.floor(undo[k] / nDays));
    }
    // Skip pointers may jump over days that just got capacity back; resetting them is always safe.
    for (const p of touched) for (let d = 0; d < nDays; d++) next[p * nDays + d] = d + 1;
  };

  let lastStart = -1;
  let lastFinish = -1;
  const place = (i: number): boolean => {
    if (status[i] === 2) return true;
    if (status[i] === 3) return false;
    const it = items[i];
    if (it.invalid) {
      reason[i] = it.invalid;
      status[i] = 3;
      return false;
    }
    status[i] = 1;
    let earliest = it.release;
    let blocker = -1;
    for (const p of it.preds) {
      if (!place(p)) {
        reason[i] = `Phải chờ "${items[p].src.label}" nhưng mục đó chưa xếp được`;
        status[i] = 3;
        return false;
      }
      const after = placed[p]!.finish + 1;
      if (after > earliest) {
        earliest = after;
        blocker = p;
      }
    }
    const undo: number[] = [];
    const steps: StepPlacement[] = [];
    let e = earliest;
    let first = -1;
    for (let s = 0; s < it.steps.length; s++) {
      const st = it.steps[s];
      let best = -1;
      let bestFinish = nDays;
      for (const p of st.eligible) {
        const f = simulate(p, e, st.minutes, bestFinish);
        if (f >= 0 && f < bestFinish) {
          best = p;
          bestFinish = f;
          if (f <= e) break; // nobody can finish before the earliest day; later people only win ties they lose
        }
      }
      if (best < 0) {
        rollback(undo);
        const hours = Math.round(st.minutes / 60);
        reason[i] = `Không đủ thời gian làm việc trong khoảng kế hoạch cho bước ${st.stepId} (cần khoảng ${hours} giờ công)`;
        status[i] = 3;
        return false;
      }
      const sp = commit(best, e, st.minutes, undo);
      if (sp) {
        sp.step = s;
        steps.push(sp);
      }
      if (first < 0) first = lastStart;
      e = lastFinish;
    }
    placed[i] = { start: first >= 0 ? first : earliest, finish: e, earliest, blocker, steps };
    status[i] = 2;
    sequence.push(i);
    return true;
  };

  for (const i of order) place(i);

  let unplacedCount = 0;
  let totalLateDays = 0;
  let weightedLateDays = 0;
  let lateItems = 0;
  let weightedFinish = 0;
  for (let i = 0; i < items.length; i++) {
    const p = placed[i];
    if (!p) {
      unplacedCount++;
      continue;
    }
    const late = lateDaysOf(m, i, p);
    totalLateDays += late;
    weightedLateDays += late * items[i].weight;
    if (late > 0) lateItems++;
    weightedFinish += p.finish * items[i].weight;
  }
  return { placed, reason, sequence, unplacedCount, totalLateDays, weightedLateDays, lateItems, weightedFinish };
}

/** Lexicographic: place everything, then least lateness, then least weighted lateness, then finish urgent work early. */
export function better(a: RunResult, b: RunResult): boolean {
  if (a.unplacedCount !== b.unplacedCount) return a.unplacedCount < b.unplacedCount;
  if (a.totalLateDays !== b.totalLateDays) return a.totalLateDays < b.totalLateDays;
  if (a.weightedLateDays !== b.weightedLateDays) return a.weightedLateDays < b.weightedLateDays;
  return a.weightedFinish < b.weightedFinish;
}

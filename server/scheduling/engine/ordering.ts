/**
 * Candidate priority orders. Due dates and weights are first propagated backwards along dependencies (a restoration
 * blocking an urgent digitisation inherits its urgency), then each rule builds a static list for runOrder:
 * - edd: earliest effective due date (the baseline; on one worker it is on time whenever any order is);
 * - mdd: modified due date max(d, t + p) with t advancing at the staff's aggregate pace (Baker & Bertrand);
 * - atc: apparent tardiness cost (Vepsalainen & Morton), weight-aware, with the same fluid clock.
 */
import { IndexHeap } from './heap.js';
import type { Model } from './prepare.js';

/** 'feedback' re-orders by max(due, finish in the best plan so far); it needs a first plan, so it runs last. */
export type RuleName = 'edd' | 'mdd' | 'atc' | 'feedback';

export const RULE_VI: Record<RuleName, string> = {
  edd: 'hạn sớm nhất trước',
  mdd: 'hạn điều chỉnh theo khối lượng (hạn sớm, việc ngắn được làm trước khi không kịp)',
  atc: 'chi phí trễ hạn dự kiến (cân nhắc mức ưu tiên, khối lượng và thời gian còn lại)',
  feedback: 'hạn điều chỉnh theo ngày xong dự kiến (mục chắc chắn trễ nhường cho mục còn kịp hạn)',
};

export interface Urgency {
  effDue: Float64Array;
  effWeight: Float64Array;
  /** Calendar days one full-time person needs for the whole item. */
  estDays: Float64Array;
}

const NO_DUE = Number.POSITIVE_INFINITY;

export function urgency(m: Model): Urgency {
  const n = m.items.length;
  const effDue = new Float64Array(n);
  const effWeight = new Float64Array(n);
  const estDays = new Float64Array(n);
  const perDay = Math.max(1, m.fullDayMinutes);
  for (const it of m.items) {
    effDue[it.idx] = it.due ?? NO_DUE;
    effWeight[it.idx] = it.weight;
    estDays[it.idx] = ((it.totalMinutes / perDay) * 7) / 5;
  }
  // Reverse topological order (Kahn on successors); items on cycles are invalid and simply keep their own values.
  const outdeg = new Int32Array(n);
  for (const it of m.items) outdeg[it.idx] = it.succs.length;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (outdeg[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    for (const p of m.items[s].preds) {
      effDue[p] = Math.min(effDue[p], effDue[s] - estDays[s] - 1);
      effWeight[p] = Math.max(effWeight[p], effWeight[s]);
      if (--outdeg[p] === 0) queue.push(p);
    }
  }
  return { effDue, effWeight, estDays };
}

export function eddOrder(m: Model, u: Urgency): number[] {
  return m.items
    .map((it) => it.idx)
    .sort((a, b) => u.effDue[a] - u.effDue[b] || u.effWeight[b] - u.effWeight[a] || a - b || 0);
}

const SKILLS = ['processing', 'restoration', 'digitization'] as const;

/**
 * Minutes per calendar day each skill pool can give on average over the horizon; a person with several skills is
 * split evenly between them. Separate clocks matter because one pool (often restoration) is the bottleneck while
 * others idle: a single aggregate clock would think restoration work is far less urgent than it is.
 */
function skillPace(m: Model): number[] {
  const pace = [0, 0, 0];
  const days = Math.max(1, m.nDays - m.startDay);
  m.staff.forEach((s, p) => {
    let total = 0;
    for (let d = 0; d < m.nDays; d++) total += m.capacity[p * m.nDays + d];
    const skills = SKILLS.map((k, i) => (s.skills.includes(k) ? i : -1)).filter((i) => i >= 0);
    for (const i of skills) pace[i] += total / skills.length / days;
  });
  return pace.map((x) => Math.max(1, x));
}

/**
 * A dynamic rule whose key has two regimes in the pool's clock t: key = early[i] + αt while t < threshold[i],
 * late[i] + βt afterwards (α, β shared by all items). Within a regime the order is fixed, so heaps give O(n log n)
 * instead of re-scoring every item at every pick.
 */
interface TwoRegimeKey {
  threshold: Float64Array;
  early: Float64Array;
  alpha: number;
  late: Float64Array;
  beta: number;
}

/**
 * Dynamic list with fluid clocks: each pick advances the clock of every skill pool the item uses; an item's key
 * reads the clock of its dominant skill (the one with most of its minutes). Ties: higher weight, then lower index.
 */
function dynamicOrder(m: Model, u: Urgency, k: TwoRegimeKey): number[] {
  const pace = skillPace(m);
  const n = m.items.length;
  const dominant = new Uint8Array(n);
  const minutesBySkill = m.items.map((it) => {
    const by = [0, 0, 0];
    for (const st of it.steps) by[SKILLS.indexOf(st.skill)] += st.minutes;
    dominant[it.idx] = by.indexOf(Math.max(...by));
    return by;
  });
  const tie = (x: number, y: number): boolean => u.effWeight[x] > u.effWeight[y] || (u.effWeight[x] === u.effWeight[y] && x < y);
  const byKey = (key: Float64Array) => (x: number, y: number): boolean => key[x] < key[y] || (key[x] === key[y] && tie(x, y));
  const taken = new Uint8Array(n);
  const moved = new Uint8Array(n);
  const groups = [0, 1, 2].map(() => ({
    pending: new IndexHeap((x, y) => k.threshold[x] < k.threshold[y] || (k.threshold[x] === k.threshold[y] && x < y)),
    early: new IndexHeap(byKey(k.early)),
    late: new IndexHeap(byKey(k.late)),
  }));
  for (let i = 0; i < n; i++) {
    const g = groups[dominant[i]];
    g.pending.push(i);
    g.early.push(i);
  }
  const clock = [m.startDay, m.startDay, m.startDay];
  const order: number[] = [];
  while (order.length < n) {
    let best = -1;
    let bestKey = Infinity;
    let bestFrom: IndexHeap | null = null;
    for (let s = 0; s < 3; s++) {
      const g = groups[s];
      const t = clock[s];
      while (g.pending.size && k.threshold[g.pending.peek()] <= t) {
        const i = g.pending.pop();
        if (taken[i]) continue;
        moved[i] = 1;
        g.late.push(i);
      }
      while (g.early.size && (taken[g.early.peek()] || moved[g.early.peek()])) g.early.pop();
      for (const [heap, base, coef] of [[g.early, k.early, k.alpha], [g.late, k.late, k.beta]] as const) {
        if (!heap.size) continue;
        const i = heap.peek();
        const v = base[i] + coef * t;
        if (best < 0 || v < bestKey || (v === bestKey && tie(i, best))) {
          best = i;
          bestKey = v;
          bestFrom = heap;
        }
      }
    }
    bestFrom!.pop();
    taken[best] = 1;
    order.push(best);
    for (let s = 0; s < 3; s++) clock[s] += minutesBySkill[best][s] / pace[s];
  }
  return order;
}

export function mddOrder(m: Model, u: Urgency): number[] {
  // max(d, t + p): d while t < d − p, then t + p.
  const n = u.estDays.length;
  const threshold = new Float64Array(n);
  for (let i = 0; i < n; i++) threshold[i] = u.effDue[i] - u.estDays[i];
  return dynamicOrder(m, u, { threshold, early: u.effDue, alpha: 0, late: u.estDays, beta: 1 });
}

export function atcOrder(m: Model, u: Urgency, k = 2): number[] {
  const n = u.estDays.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += u.estDays[i];
  const scale = k * Math.max(0.01, sum / Math.max(1, n));
  // Minimising the negated log of the ATC index: −ln(w/p) + max(0, d − p − t)/(k·p̄). No due date → never urgent.
  const threshold = new Float64Array(n);
  const early = new Float64Array(n);
  const late = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = Math.max(0.01, u.estDays[i]);
    late[i] = -Math.log(u.effWeight[i] / p);
    threshold[i] = u.effDue[i] - p;
    early[i] = Number.isFinite(threshold[i]) ? late[i] + threshold[i] / scale : Infinity;
  }
  return dynamicOrder(m, u, { threshold, early, alpha: -1 / scale, late, beta: 0 });
}

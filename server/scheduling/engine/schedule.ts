/**
 * schedule(input): the deterministic plan. Tries several priority rules (ordering.ts), keeps the best by
 * (unplaced, total late days, weighted late days, weighted finish), polishes small instances with pairwise swaps,
 * then reports assignments per person-week, outcomes with Vietnamese explanations, agency finishes and weekly load.
 * Pure: no clock, no randomness, no I/O; the input arrays are canonicalised by id.
 */
import { explainPlacement } from './explain.js';
import { atcOrder, eddOrder, mddOrder, urgency, type RuleName } from './ordering.js';
import { isoOf, prepare, type Model } from './prepare.js';
import { better, lateDaysOf, runOrder, type RunResult } from './run.js';
import type { AgencyOutcome, Assignment, ItemOutcome, ScheduleInput, ScheduleResult, WeeklyLoad } from './types.js';

export interface ScheduleOptions {
  /** Rules to try (default all). `{ rules: ['edd'], improve: false }` is the plain earliest-due-date baseline. */
  rules?: RuleName[];
  /** false turns off every improvement pass (pairwise swaps and late-item moves). */
  improve?: boolean;
  /** Pairwise-swap polish when at most this many items (default 30; 0 turns it off). */
  improveUpTo?: number;
  /**
   * Re-plans tried by the late-item pass on larger instances (default scales with size: 16 for ~50,000 steps).
   * A count, not a time limit, so the same input always gives the same plan.
   */
  lateMoveEvaluations?: number;
  /** At most this many rounds of the 'feedback' rule (default 4; stops early when a round does not improve). */
  feedbackRounds?: number;
}

const ORDERS: Record<Exclude<RuleName, 'feedback'>, typeof eddOrder> = { edd: eddOrder, mdd: mddOrder, atc: atcOrder };

function feedbackOrder(m: Model, u: ReturnType<typeof urgency>, prev: RunResult): number[] {
  const key = new Float64Array(m.items.length);
  for (const it of m.items) {
    const p = prev.placed[it.idx];
    key[it.idx] = Math.max(u.effDue[it.idx], p ? p.finish : Number.POSITIVE_INFINITY);
  }
  return m.items.map((it) => it.idx).sort((a, b) => key[a] - key[b] || u.effDue[a] - u.effDue[b] || u.effWeight[b] - u.effWeight[a] || a - b || 0);
}

export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const m = prepare(input);
  const u = urgency(m);
  const rules = options.rules ?? (['edd', 'mdd', 'atc', 'feedback'] as RuleName[]);
  const candidates: { rule: RuleName; order: number[]; run: RunResult }[] = [];
  for (const rule of rules) {
    if (rule === 'feedback') continue;
    const order = ORDERS[rule](m, u);
    candidates.push({ rule, order, run: runOrder(m, order) });
  }
  let best = candidates[0];
  for (const c of candidates.slice(1)) if (better(c.run, best.run)) best = c;
  if (rules.includes('feedback')) {
    // Modified due dates from the best plan's own finishes: an item that will be late anyway yields to items it would
    // otherwise make late too. Rounds go on while they improve on the previous one (bounded, so time is predictable).
    let from = best.run;
    for (let round = 0; round < (options.feedbackRounds ?? 4); round++) {
      const order = feedbackOrder(m, u, from);
      const run = runOrder(m, order);
      candidates.push({ rule: 'feedback', order, run });
      if (better(run, best.run)) best = { rule: 'feedback', order, run };
      if (!better(run, from)) break;
      from = run;
    }
  }

  const ruleOrder = best.order;
  const limit = options.improveUpTo ?? 30;
  if (options.improve === false) {
    // the baseline: the rule's own plan, untouched
  } else if (m.items.length > 1 && m.items.length <= limit) {
    best = improve(m, best);
  } else if (m.items.length > limit) {
    const steps = m.items.reduce((n, it) => n + it.steps.length, 0);
    const budget = options.lateMoveEvaluations ?? Math.min(60, Math.max(8, Math.floor(800_000 / Math.max(1, steps))));
    best = pullLateForward(m, u, best, budget);
  }
  return assemble(m, u, input, best.rule, promotedItems(ruleOrder, best.order), runOrder(m, best.order, true), candidates.map((c) => ({
    rule: c.rule, totalLateDays: c.run.totalLateDays, weightedLateDays: c.run.weightedLateDays, lateItems: c.run.lateItems,
  })));
}

/** First-improvement pairwise swaps until none helps (bounded passes keep it predictable). */
function improve(m: Model, start: { rule: RuleName; order: number[]; run: RunResult }) {
  let { order, run } = start;
  for (let pass = 0; pass < 10; pass++) {
    let improved = false;
    for (let a = 0; a < order.length - 1; a++) {
      for (let b = a + 1; b < order.length; b++) {
        const trial = order.slice();
        [trial[a], trial[b]] = [trial[b], trial[a]];
        const r = runOrder(m, trial);
        if (better(r, run)) {
          order = trial;
          run = r;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { rule: start.rule, order, run };
}

/**
 * Large instances: take the latest items (most late days first) and try moving each earlier in the list, to where
 * its due date minus its lateness would put it (then half way); keep a move only if the whole plan gets better.
 * Each item is tried once; after a kept move the late list is recomputed from the new plan.
 */
function pullLateForward(m: Model, u: ReturnType<typeof urgency>, start: { rule: RuleName; order: number[]; run: RunResult }, budget: number) {
  let { order, run } = start;
  let evaluations = 0;
  const tried = new Set<number>();
  while (evaluations < budget) {
    const late = m.items
      .map((it) => it.idx)
      .filter((i) => lateDaysOf(m, i, run.placed[i]) > 0)
      .sort((a, b) => lateDaysOf(m, b, run.placed[b]) - lateDaysOf(m, a, run.placed[a]) || a - b);
    if (!late.length) break;
    let accepted = false;
    for (const j of late) {
      if (evaluations >= budget) break;
      if (tried.has(j)) continue;
      tried.add(j);
      const lateness = lateDaysOf(m, j, run.placed[j]);
      const pos = order.indexOf(j);
      for (const share of [1, 0.5]) {
        const target = u.effDue[j] - share * lateness;
        let k = pos;
        while (k > 0 && u.effDue[order[k - 1]] > target) k--;
        if (k === pos || evaluations >= budget) continue;
        const trial = order.slice();
        trial.splice(pos, 1);
        trial.splice(k, 0, j);
        const r = runOrder(m, trial);
        evaluations++;
        if (better(r, run)) {
          order = trial;
          run = r;
          accepted = true;
          break;
        }
      }
      if (accepted) break;
    }
    if (!accepted) break;
  }
  return { rule: start.rule, order, run };
}

/** Items the improvement passes put earlier than their rule did, so their explanation can say so. */
function promotedItems(before: number[], after: number[]): Set<number> {
  const pos = new Map(before.map((i, k) => [i, k]));
  return new Set(after.filter((i, k) => k < pos.get(i)!));
}

function assemble(m: Model, u: ReturnType<typeof urgency>, input: ScheduleInput, rule: RuleName, promoted: Set<number>, run: RunResult, candidates: ScheduleResult['candidates']): ScheduleResult {
  const rank = new Map<number, number>();
  run.sequence.forEach((i, k) => rank.set(i, k + 1));
  const assignments: Assignment[] = [];
  const items: ItemOutcome[] = [];
  const unplaced: { itemId: string; reason: string }[] = [];
  const weekLoad = new Map<number, number>(); // staff * 100000 + week → minutes
  let finishMax = -1;
  let totalLateDays = 0;

  for (const it of m.items) {
    const p = run.placed[it.idx];
    const base = { itemId: it.src.id, agencyId: it.src.agencyId, ...(it.src.dueDate ? { dueDate: it.src.dueDate } : {}) };
    if (!p) {
      const reason = run.reason[it.idx] ?? 'Chưa xếp được';
      unplaced.push({ itemId: it.src.id, reason });
      items.push({ ...base, start: null, finish: null, lateDays: 0, explanation: `Chưa xếp được: ${reason}.`, staffIds: [], steps: [] });
      continue;
    }
    for (const sp of p.steps) {
      const staffId = m.staff[sp.staff].id;
      const stepId = it.steps[sp.step].stepId;
      for (let k = 0; k < sp.weeks.length; k += 2) {
        assignments.push({ itemId: it.src.id, stepId, staffId, week: isoOf(m, sp.weeks[k] * 7), minutes: sp.weeks[k + 1] });
        const key = sp.staff * 100000 + sp.weeks[k];
        weekLoad.set(key, (weekLoad.get(key) ?? 0) + sp.weeks[k + 1]);
      }
    }
    const late = lateDaysOf(m, it.idx, p);
    totalLateDays += late;
    finishMax = Math.max(finishMax, p.finish);
    items.push({
      ...base,
      start: isoOf(m, p.start),
      finish: isoOf(m, p.finish),
      lateDays: late,
      explanation: explainPlacement(m, u, rule, it.idx, p, rank.get(it.idx)!, m.items.length, promoted.has(it.idx)),
      rank: rank.get(it.idx),
      staffIds: [...new Set(p.steps.map((s) => m.staff[s.staff].id))],
      steps: p.steps.map((s) => ({ stepId: it.steps[s.step].stepId, staffId: m.staff[s.staff].id, start: isoOf(m, s.start), finish: isoOf(m, s.finish), minutes: s.minutes })),
    });
  }

  return {
    assignments,
    items,
    unplaced,
    finish: finishMax >= 0 ? isoOf(m, finishMax) : null,
    totalLateDays,
    agencies: agencyOutcomes(items),
    load: weeklyLoad(m, weekLoad),
    rule,
    candidates,
    ...(input.normsVersion ? { normsVersion: input.normsVersion } : {}),
  };
}

function agencyOutcomes(items: ItemOutcome[]): AgencyOutcome[] {
  const map = new Map<number | null, AgencyOutcome>();
  for (const o of items) {
    const a = o.agencyId ?? null;
    let g = map.get(a);
    if (!g) map.set(a, (g = { agencyId: a, items: 0, lateItems: 0, totalLateDays: 0, finish: null, unplaced: 0 }));
    g.items++;
    if (o.finish === null) g.unplaced++;
    else if (g.finish === null || o.finish > g.finish) g.finish = o.finish;
    if (o.lateDays > 0) g.lateItems++;
    g.totalLateDays += o.lateDays;
  }
  return [...map.values()].sort((a, b) => (a.agencyId ?? -Infinity) - (b.agencyId ?? -Infinity));
}

function weeklyLoad(m: Model, used: Map<number, number>): WeeklyLoad[] {
  const out: WeeklyLoad[] = [];
  const weeks = m.nDays / 7;
  m.staff.forEach((s, p) => {
    for (let w = 0; w < weeks; w++) {
      let capacity = 0;
      for (let d = w * 7; d < w * 7 + 7; d++) capacity += m.capacity[p * m.nDays + d];
      const minutes = used.get(p * 100000 + w) ?? 0;
      if (capacity > 0 || minutes > 0) out.push({ staffId: s.id, week: isoOf(m, w * 7), minutes, capacity });
    }
  });
  return out;
}

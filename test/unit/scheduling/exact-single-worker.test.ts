/**
 * Quality against an exact solver: one worker, n ≤ 8 items, due dates, total lateness Σ max(0, C − d) in calendar
 * days. The solver is a DP over subsets that knows nothing of the engine: it maps cumulative minutes to the working
 * day on which they are done, using the same calendar.
 */
import { describe, expect, it } from 'vitest';
import { dayToIso, isoToDay, isWeekendDay as isWeekend } from '../../../server/core/time/index.js';
import { schedule } from '../../../server/scheduling/engine/schedule.js';
import { prng } from '../../../scripts/bench/schedule-scenario.js';
import { DAY, input, item, person } from './factories.js';
import { violations } from './invariants.js';

const START = '2026-03-02';
const CLOSED = ['2026-04-27', '2026-04-30', '2026-05-01'];

function cumulativeCapacity(days: number): number[] {
  const closed = new Set(CLOSED);
  const cum: number[] = [];
  let total = 0;
  for (let d = 0; d < days; d++) {
    const abs = isoToDay(START) + d;
    if (!isWeekend(abs) && !closed.has(dayToIso(abs))) total += DAY;
    cum.push(total);
  }
  return cum;
}

function exactTotalLateness(minutes: number[], due: number[], cum: number[]): number {
  const n = minutes.length;
  const finishDay = (work: number): number => cum.findIndex((c) => c >= work);
  const best = new Array<number>(1 << n).fill(Infinity);
  best[0] = 0;
  for (let s = 1; s < 1 << n; s++) {
    let work = 0;
    for (let j = 0; j < n; j++) if (s & (1 << j)) work += minutes[j];
    const c = finishDay(work);
    for (let j = 0; j < n; j++) {
      if (!(s & (1 << j))) continue;
      const v = best[s ^ (1 << j)] + Math.max(0, c - due[j]);
      if (v < best[s]) best[s] = v;
    }
  }
  return best[(1 << n) - 1];
}

describe('one worker against the exact optimum', () => {
  it('when 400 random small cases are planned, then lateness is never below the optimum, zero whenever the optimum is zero, and usually optimal', () => {
    const rnd = prng(20260301);
    const cum = cumulativeCapacity(400);
    let optimal = 0;
    let zeroCases = 0;
    let worstGap = 0;
    let worstRatio = 1;
    let eddOptimal = 0;
    const CASES = 400;
    for (let c = 0; c < CASES; c++) {
      const n = 3 + Math.floor(rnd() * 6);
      const minutes = Array.from({ length: n }, () => 60 + Math.floor(rnd() * 4 * DAY));
      const totalDays = Math.ceil(minutes.reduce((a, b) => a + b, 0) / DAY) * 1.4;
      const due = minutes.map(() => Math.floor(rnd() * totalDays * 1.3));
      const items = minutes.map((m, j) => item(`i${j}`, m, { dueDate: dayToIso(isoToDay(START) + due[j]) }));
      const inp = input(items, [person('p')], { horizonWeeks: 40, calendar: { closedDates: CLOSED, hoursPerDay: 8 } });
      const plan = schedule(inp);
      const edd = schedule(inp, { rules: ['edd'], improve: false });
      const exact = exactTotalLateness(minutes, due, cum);

      expect(violations(inp, plan)).toEqual([]);
      expect(plan.totalLateDays).toBeGreaterThanOrEqual(exact);
      expect(edd.totalLateDays).toBeGreaterThanOrEqual(plan.totalLateDays);
      if (exact === 0) {
        zeroCases++;
        expect(plan.totalLateDays).toBe(0);
        expect(edd.totalLateDays).toBe(0);
      }
      if (plan.totalLateDays === exact) optimal++;
      if (edd.totalLateDays === exact) eddOptimal++;
      worstGap = Math.max(worstGap, plan.totalLateDays - exact);
      if (exact > 0) worstRatio = Math.max(worstRatio, plan.totalLateDays / exact);
    }
    console.log(`exact comparison: ${CASES} cases (${zeroCases} with optimum 0): engine optimal in ${optimal}, EDD alone in ${eddOptimal}; worst gap ${worstGap} days, worst ratio ${worstRatio.toFixed(2)}`);
    expect(zeroCases).toBeGreaterThan(20);
    expect(optimal).toBeGreaterThan(eddOptimal);
    expect(optimal / CASES).toBeGreaterThanOrEqual(0.9);
  });
});

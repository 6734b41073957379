/**
 * npm run bench:schedule — 5,000 backlog items, 60 staff, 3 years (156 weeks). Prints plan time (target ≤ 2 s) and the
 * total lateness of the engine's plan against a plain earliest-due-date list under the same capacity rules, as a ratio.
 * Two seeded backlogs by default: one the staff can mostly handle, one that overloads restoration.
 * BENCH_ITEMS / BENCH_STAFF / BENCH_WEEKS / BENCH_LOAD / BENCH_SEEDS (comma list) override the size.
 */
import os from 'node:os';
import { isoToDay } from '../../server/core/time/index.js';
import { schedule } from '../../server/scheduling/engine/schedule.js';
import type { ScheduleInput, ScheduleResult } from '../../server/scheduling/engine/types.js';
import { scenario } from './schedule-scenario.js';

const RUNS = 3;
const TARGET_MS = 2000;
const seeds = (process.env.BENCH_SEEDS ?? '2026,7').split(',').map(Number);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Lateness that also charges each unplaced item with a due date as late until the horizon ends (a lower bound). */
function latenessWithUnplaced(input: ScheduleInput, plan: ScheduleResult): number {
  const end = isoToDay(input.start) + input.horizonWeeks * 7;
  const due = new Map(input.items.map((it) => [it.id, it.dueDate]));
  return plan.totalLateDays + plan.unplaced.reduce((s, u) => s + (due.get(u.itemId) ? Math.max(0, end - isoToDay(due.get(u.itemId)!)) : 0), 0);
}

for (const seed of seeds) {
  const size = {
    items: Number(process.env.BENCH_ITEMS ?? 5000),
    staff: Number(process.env.BENCH_STAFF ?? 60),
    weeks: Number(process.env.BENCH_WEEKS ?? 156),
    seed,
    load: Number(process.env.BENCH_LOAD ?? 1),
  };
  const input = scenario(size);
  const steps = input.items.reduce((n, it) => n + it.steps.length, 0);
  const times: number[] = [];
  const cpu: number[] = [];
  let plan = schedule(input); // warm-up: JIT
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    plan = schedule(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const t1 = performance.now();
  const edd = schedule(input, { rules: ['edd'], improve: false });
  const eddMs = performance.now() - t1;
  const ms = median(times);
  const late = (p: ScheduleResult): number => p.items.filter((i) => i.lateDays > 0).length;
  const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(3) : a === 0 ? '1 (both on time)' : '∞');

  console.log(`\nbench:schedule ${size.items} items (${steps} steps), ${size.staff} staff, ${size.weeks} weeks, seed ${seed}, load ×${size.load}`);
  console.log(`  plan time: median ${Math.round(ms)} ms wall, ${Math.round(median(cpu))} ms CPU, of ${RUNS} warm runs (target ≤ ${TARGET_MS} ms) ${ms <= TARGET_MS ? 'OK' : 'SLOW'}; EDD baseline alone ${Math.round(eddMs)} ms`);
  console.log(`  machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (wall time suffers when other work runs)`);
  console.log(`  rule chosen: ${plan.rule}; candidates: ${plan.candidates?.map((c) => `${c.rule} ${c.totalLateDays} d`).join(', ')}`);
  console.log(`  total lateness: engine ${plan.totalLateDays} days (${late(plan)} late items, ${plan.unplaced.length} unplaced); EDD ${edd.totalLateDays} days (${late(edd)} late, ${edd.unplaced.length} unplaced)`);
  console.log(`  ratio engine/EDD: ${ratio(plan.totalLateDays, edd.totalLateDays)}; counting unplaced as late to the horizon: ${ratio(latenessWithUnplaced(input, plan), latenessWithUnplaced(input, edd))}`);
  console.log(`  overall finish: engine ${plan.finish}, EDD ${edd.finish}`);
}

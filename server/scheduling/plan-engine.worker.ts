/**
 * Worker-thread entry of the planning engine (see plan-engine.ts): the plan and its beyond-horizon estimate, computed
 * from the input in workerData, posted back once. Pure computation, no database, no I/O.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ScheduleInput } from './engine/types.js';
import { computePlan } from './plan-compute.js';

try {
  parentPort!.postMessage({ ok: true, value: computePlan(workerData as ScheduleInput) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message });
}

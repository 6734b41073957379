/**
 * Plans are computed off the event loop: the engine takes seconds of CPU on a provincial backlog (2.6–4.5 s measured
 * under load), and on the event loop every other request — tiles, search, logins — waited that long. One plan at a
 * time: on a 2-core server a second concurrent plan would take the core the requests need, and plans are rare.
 */
import { runWorkerTask, WorkerTaskError } from '../core/worker-task.js';
import { ERRORS } from '../core/errors.js';
import type { ScheduleInput } from './engine/types.js';
import type { ComputedPlan } from './plan-compute.js';

export interface PlanEngineOptions {
  /** A plan of 5,000 items over 3 years takes ~2 s; ten minutes means something is wrong. */
  timeoutMs?: number;
  /** Old-generation heap of the worker in MB; the 10-year estimate of a big backlog needs a few hundred. */
  maxHeapMb?: number;
}

const ENTRY = new URL('./plan-engine.worker.ts', import.meta.url);
let queue: Promise<unknown> = Promise.resolve();

export function computePlanOffThread(input: ScheduleInput, opts: PlanEngineOptions = {}): Promise<ComputedPlan> {
  const run = () =>
    runWorkerTask<ComputedPlan>(ENTRY, input, {
      timeoutMs: opts.timeoutMs ?? 600_000,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 2048 },
    }).catch((err) => {
      throw err instanceof WorkerTaskError ? ERRORS.planEngineFailed(err) : err;
    });
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}

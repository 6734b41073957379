/** The engine's whole answer for one stored plan: the schedule and, when work is left unplaced, the longer estimate. */
import type { ScheduleInput, ScheduleResult } from './engine/types.js';
import { runSchedule } from './engine-adapter.js';
import { beyondHorizon, type BeyondHorizon } from './plan-beyond.js';

export interface ComputedPlan {
  engine: ScheduleResult;
  beyondHorizon: BeyondHorizon | null;
}

export function computePlan(input: ScheduleInput): ComputedPlan {
  const engine = runSchedule(input);
  return { engine, beyondHorizon: beyondHorizon(input, engine) };
}

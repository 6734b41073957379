/** Public surface of the scheduling engine (pure). B's service imports from here only. */
export * from './types.js';
export { schedule, type ScheduleOptions } from './schedule.js';
export { measurePace, forecastClearance, burndown, comparePlans, type WorkRecord, type Forecast, type BurndownRow, type PlanComparison } from './progress.js';
export { DEFAULT_NORMS, PROCESSING_NORMS, RESTORATION_NORMS, DIGITIZATION_NORMS, NORMS_DEFAULT_VERSION, STAFF_GRADES, restorationStepFor, type DefaultNorm } from './norms-default.js';
export type { RuleName } from './ordering.js';

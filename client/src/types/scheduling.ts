/** Scheduling shapes (contract: server/contract/scheduling.ts). */
import type { StaffMember } from '../../../server/contract/scheduling.js';

export type {
  BacklogItem,
  BacklogList,
  Burndown,
  Closure,
  Holiday,
  ItemExplanation,
  ItemImportCounts,
  NormStepDef,
  NormsInfo,
  NormVersion,
  Placement,
  PlanComparison,
  PlanItemView,
  PlanView,
  ProgressEntry,
  RestorationItem,
  RestorationList,
  SchedulePlanSummary,
  WorkCalendarYear,
} from '../../../server/contract/scheduling.js';
export type StaffMemberRow = StaffMember;

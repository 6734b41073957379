/**
 * Contract of the scheduling engine (pure: no I/O, no clock, no randomness). Same input → same output.
 * Time unit: ISO weeks starting on Monday; dates are 'YYYY-MM-DD' strings.
 *
 * How the engine reads this input (B: please rely on these rules):
 * - Capacity is planned per person per working DAY (weekdays minus calendar.closedDates minus the person's leave,
 *   hoursPerDay × 60 × fte minutes, floored) and reported per ISO week (Assignment.week = Monday). Days before `start`
 *   and after start-week Monday + horizonWeeks × 7 have no capacity.
 * - A step is done by ONE person (continuity of the file in hand); the next step of the item may start on the day the
 *   previous one ends (day granularity). An item starts after all its `after` items finish.
 * - `after` ids that are not in `items` count as already finished (pass only unfinished work).
 * - Items are canonicalised by id, so the order of the input arrays does not change the plan.
 */
import type { WorkCalendar } from '../../core/time/index.js';

export type Skill = 'processing' | 'restoration' | 'digitization';

export interface StepNorm {
  /** e.g. 'p05' classify; stable id of a TT 16/2023 step or a restoration/digitization step. */
  stepId: string;
  skill: Skill;
  /** Minutes per unit (per metre for processing, per page for restoration/digitization). */
  minutesPerUnit: number;
  /** Minimum staff grade able to do the step (1 = lowest). */
  minGrade: number;
}

/** One rung of the archivist ladder, 1 = lưu trữ viên trung cấp … 4 = lưu trữ viên cao cấp (see norms-default.ts). */
export type StaffGrade = number;

export interface PlanItem {
  id: string;
  agencyId: number | null;
  label: string;
  /** Ordered steps with their quantity (metres or pages) and the complexity coefficient. */
  steps: { stepId: string; quantity: number; coefficient: number }[];
  /** Not before this date (e.g. records arrive). */
  releaseDate?: string;
  /** Target/due date, from deposit-deadline pressure or a plan target. */
  dueDate?: string;
  /**
   * Higher first among equals: physical condition, researcher demand… Also the weight of lateness (1 + priority)
   * when the engine picks among candidate plans; keep it small (0–10).
   */
  priority: number;
  /** Vietnamese phrases saying where the priority comes from, e.g. 'tình trạng vật lý 04 (bết dính, mủn)'. */
  priorityReasons?: string[];
  /** What the due date is, e.g. 'hạn nộp lưu' or 'mục tiêu kế hoạch' (used in explanations; default 'hạn'). */
  dueLabel?: string;
  /** Items that must finish first (restoration before digitization of the same file, processing before deposit). */
  after: string[];
  /** Progress already done, minutes per stepId. */
  doneMinutes?: Record<string, number>;
}

export interface StaffMember {
  id: string;
  name: string;
  grade: number;
  skills: Skill[];
  /** Fraction of a full working day (1 = full time, 0.5 = part-time). */
  fte: number;
  /** Dates off (leave), 'YYYY-MM-DD'. */
  leave: string[];
}

export type { WorkCalendar };

export interface ScheduleInput {
  /** First day of the plan (work before it is never placed). Must be a real date: schedule() throws RangeError otherwise. */
  start: string;
  horizonWeeks: number;
  items: PlanItem[];
  staff: StaffMember[];
  norms: StepNorm[];
  calendar: WorkCalendar;
  /** Norm table version the plan used; echoed in the result so a saved plan records it. */
  normsVersion?: string;
}

export interface Assignment {
  itemId: string;
  stepId: string;
  staffId: string;
  /** Monday of the ISO week. */
  week: string;
  minutes: number;
}

export interface ItemOutcome {
  itemId: string;
  start: string | null;
  finish: string | null;
  dueDate?: string;
  lateDays: number;
  /** Plain Vietnamese: why this item, why now. */
  explanation: string;
  agencyId?: number | null;
  /** 1-based position in the priority order the plan used. */
  rank?: number;
  /** Who works on it, in step order (distinct ids). */
  staffIds?: string[];
  /** First and last day of each step. */
  steps?: { stepId: string; staffId: string; start: string; finish: string; minutes: number }[];
}

export interface AgencyOutcome {
  agencyId: number | null;
  items: number;
  lateItems: number;
  totalLateDays: number;
  /** Last finish among its placed items (null if none placed). */
  finish: string | null;
  unplaced: number;
}

/** Minutes planned for one person in one ISO week against what the person can give that week. */
export interface WeeklyLoad {
  staffId: string;
  week: string;
  minutes: number;
  capacity: number;
}

/** A priority rule the engine tried; the plan keeps the best (least lateness, then weighted lateness, then weighted finish). */
export interface CandidateSummary {
  rule: string;
  totalLateDays: number;
  weightedLateDays: number;
  lateItems: number;
}

export interface ScheduleResult {
  assignments: Assignment[];
  items: ItemOutcome[];
  /** Items that could not be placed within the horizon (with the reason, Vietnamese). */
  unplaced: { itemId: string; reason: string }[];
  finish: string | null;
  totalLateDays: number;
  /** Present on results of schedule(); optional so hand-built results stay valid. */
  agencies?: AgencyOutcome[];
  load?: WeeklyLoad[];
  rule?: string;
  candidates?: CandidateSummary[];
  normsVersion?: string;
}

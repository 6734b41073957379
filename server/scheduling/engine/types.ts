/**
 * Contract of the scheduling engine (pure: no I/O, no clock, no randomness). Same input → same output.
 * Time unit: ISO weeks starting on Monday; dates are 'YYYY-MM-DD' strings.
 */

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
  /** Higher first among equals: physical condition, researcher demand… */
  priority: number;
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

export interface WorkCalendar {
  /** Non-working dates besides weekends (holidays incl. Tết and Hùng Kings' day, closures). */
  closedDates: string[];
  hoursPerDay: number;
}

export interface ScheduleInput {
  start: string;
  horizonWeeks: number;
  items: PlanItem[];
  staff: StaffMember[];
  norms: StepNorm[];
  calendar: WorkCalendar;
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
}

export interface ScheduleResult {
  assignments: Assignment[];
  items: ItemOutcome[];
  /** Items that could not be placed within the horizon (with the reason, Vietnamese). */
  unplaced: { itemId: string; reason: string }[];
  finish: string | null;
  totalLateDays: number;
}

/** Backlog processing and restoration scheduling: items, norms, staff, calendar, plans, progress, burndown. */
import { z } from 'zod';
import { Day, Problem, Timestamp, list, agencyColumns } from './common.js';

export const Skill = z.enum(['processing', 'restoration', 'digitization']);
export type Skill = z.output<typeof Skill>;
const Unit = z.enum(['metre', 'page']);
/** Descriptions of the staff grades, by grade number. */
const Grades = z.record(z.string(), z.string());

export const BacklogItem = z.object({
  id: z.number(),
  ...agencyColumns,
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  label: z.string(),
  measuredMetres: z.number().nullable(),
  estimatedMetres: z.number().nullable(),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
  conditionCode: z.string().nullable(),
  complexityCoef: z.number(),
  priority: z.number(),
  releaseDate: Day.nullable(),
  dueDate: Day.nullable(),
  notes: z.string().nullable(),
  doneMetres: z.number(),
});
export type BacklogItem = z.output<typeof BacklogItem>;
export const BacklogList = z.object({
  items: z.array(BacklogItem),
  totals: z.object({ items: z.number(), measuredMetres: z.number(), estimatedMetres: z.number(), doneMetres: z.number() }),
});
export type BacklogList = z.output<typeof BacklogList>;

export const RestorationItem = z.object({
  id: z.number(),
  ...agencyColumns,
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  unitKind: z.enum(['file', 'document']),
  reference: z.string(),
  pages: z.number(),
  damageType: z.string(),
  damageLevel: z.enum(['light', 'medium', 'heavy']),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
  priority: z.number(),
  dueDate: Day.nullable(),
  notes: z.string().nullable(),
  donePages: z.number(),
});
export type RestorationItem = z.output<typeof RestorationItem>;
export const RestorationList = z.object({
  items: z.array(RestorationItem),
  totals: z.object({ items: z.number(), pages: z.number(), donePages: z.number() }),
});
export type RestorationList = z.output<typeof RestorationList>;

/** `warnings` only when something was read differently from how it was written (legacy-font text converted). */
export const ItemImportCounts = z.object({ created: z.number(), updated: z.number(), warnings: z.array(Problem).optional(), preview: z.literal(true).optional() });
export type ItemImportCounts = z.output<typeof ItemImportCounts>;
export const Deleted = z.object({ deleted: z.boolean() });

export const NormStepDef = z.object({
  stepId: z.string(),
  name: z.string(),
  skill: Skill,
  unit: Unit,
  minutesPerUnit: z.number(),
  minGrade: z.number(),
  coefficient: z.number(),
  verified: z.boolean(),
  source: z.string().nullable(),
});
export type NormStepDef = z.output<typeof NormStepDef>;
export const NormVersion = z.object({
  id: z.number(),
  label: z.string(),
  note: z.string().nullable(),
  createdAt: Timestamp,
  createdBy: z.string().nullable(),
});
export type NormVersion = z.output<typeof NormVersion>;
export const NormVersionDetail = NormVersion.extend({ steps: z.array(NormStepDef) });
export const NormsInfo = z.object({ current: NormVersionDetail, versions: z.array(NormVersion), grades: Grades });
export type NormsInfo = z.output<typeof NormsInfo>;

export const StaffMember = z.object({
  id: z.number(),
  name: z.string(),
  grade: z.number(),
  skills: z.array(Skill),
  fte: z.number(),
  active: z.boolean(),
  notes: z.string().nullable(),
  leave: z.array(z.object({ id: z.number(), startDate: Day, endDate: Day, reason: z.string().nullable() })),
});
export type StaffMember = z.output<typeof StaffMember>;
export const StaffList = z.object({ items: z.array(StaffMember), grades: Grades });

export const HolidayKind = z.enum(['fixed', 'tet', 'hung_kings', 'national_day_extra', 'compensatory', 'closure', 'configured']);
export const Holiday = z.object({ date: Day, name: z.string(), kind: HolidayKind });
export type Holiday = z.output<typeof Holiday>;
export const Closure = z.object({ id: z.number(), date: Day, reason: z.string() });
export type Closure = z.output<typeof Closure>;
export const WorkCalendarYear = z.object({ year: z.number(), today: Day, holidays: z.array(Holiday), closures: z.array(Closure) });
export type WorkCalendarYear = z.output<typeof WorkCalendarYear>;

const PlanKind = z.enum(['plan', 'what_if', 'replan']);
const BeyondHorizon = z.object({ horizonWeeks: z.number(), finish: Day.nullable(), unplacedItems: z.number() });
const PlanHeader = z.object({
  id: z.number(),
  kind: PlanKind,
  label: z.string(),
  basedOnId: z.number().nullable(),
  normVersionId: z.number(),
  startDate: Day,
  horizonWeeks: z.number(),
  targetDate: Day.nullable(),
  /** The what-if's changes as entered (staff added or removed, items reprioritised …). */
  changes: z.unknown(),
  /** Null while any item is unplaced: the plan does not reach completion within its horizon. */
  finish: Day.nullable(),
  totalLateDays: z.number(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  complete: z.boolean(),
  /** Items (B12, R3) and, apart, the packages (lô) the engine cut them into. */
  itemCount: z.number(),
  unplacedCount: z.number(),
  packageCount: z.number(),
  unplacedPackageCount: z.number(),
  /** The same input over a longer horizon, when work was left unplaced: an estimate of when it would all be done. */
  beyondHorizon: BeyondHorizon.nullable(),
});
export const SchedulePlanSummary = PlanHeader;
export type SchedulePlanSummary = z.output<typeof SchedulePlanSummary>;
export const SchedulePlanList = list(SchedulePlanSummary);

export const PlanItemView = z.object({
  itemId: z.string(),
  label: z.string(),
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  kind: z.enum(['processing', 'restoration']),
  quantity: z.number(),
  unit: Unit,
  unplacedReason: z.string().nullable(),
  missed: z.boolean(),
  start: Day.nullable(),
  finish: Day.nullable(),
  dueDate: Day.optional(),
  lateDays: z.number(),
  explanation: z.string(),
  /** How many packages (lô) the engine cut the item into so several people can work on it side by side. */
  packages: z.number().optional(),
  rank: z.number().optional(),
  staffIds: z.array(z.string()).optional(),
  steps: z
    .array(z.object({ stepId: z.string(), staffId: z.string(), start: Day, finish: Day, minutes: z.number() }))
    .optional(),
});
export type PlanItemView = z.output<typeof PlanItemView>;

const Assignment = z.object({ itemId: z.string(), stepId: z.string(), staffId: z.string(), week: Day, minutes: z.number() });

export const PlanView = PlanHeader.extend({
  /** The last placed item's finish, whether or not everything was placed. */
  placedFinish: Day.nullable(),
  /** Why items are unplaced, grouped by reason, with how many items each. */
  unplacedWhy: z.array(z.object({ reason: z.string(), items: z.number() })),
  unplaced: z.array(z.object({ itemId: z.string(), reason: z.string() })),
  items: z.array(PlanItemView),
  agencies: z.array(
    z.object({
      agencyId: z.number(),
      agencyName: z.string(),
      finish: Day.nullable(),
      items: z.number(),
      missed: z.number(),
      complete: z.boolean(),
    }),
  ),
  missedTargets: z.array(
    z.object({ itemId: z.string(), label: z.string(), dueDate: Day.optional(), finish: Day.nullable(), lateDays: z.number() }),
  ),
  targetMissed: z.boolean(),
  staff: z.array(
    z.object({
      staffId: z.string(),
      name: z.string(),
      grade: z.number(),
      skills: z.array(Skill),
      fte: z.number(),
      totalMinutes: z.number(),
      weeks: z.array(z.object({ week: Day, minutes: z.number(), capacity: z.number() })),
      overloaded: z.number(),
    }),
  ),
  stepNames: z.record(z.string(), z.string()),
  assignments: z.array(Assignment),
});
export type PlanView = z.output<typeof PlanView>;

export const Placement = Assignment.extend({ stepName: z.string(), explanation: z.string() });
export type Placement = z.output<typeof Placement>;
export const ItemExplanation = z.object({ planId: z.number(), item: PlanItemView, placements: z.array(Placement) });
export type ItemExplanation = z.output<typeof ItemExplanation>;

const ComparedPlan = z.object({
  id: z.number(),
  label: z.string(),
  kind: PlanKind,
  finish: Day.nullable(),
  complete: z.boolean(),
  beyondHorizon: BeyondHorizon.nullable(),
  itemCount: z.number(),
  horizonWeeks: z.number(),
  totalLateDays: z.number(),
  targetDate: Day.nullable(),
  targetMissed: z.boolean(),
  staffCount: z.number(),
  missedCount: z.number(),
  lateCount: z.number(),
  unplacedCount: z.number(),
});
const ComparedItem = z.object({ finish: Day.nullable(), missed: z.boolean(), lateDays: z.number() }).nullable();
export const PlanComparison = z.object({
  a: ComparedPlan,
  b: ComparedPlan,
  items: z.array(z.object({ itemId: z.string(), label: z.string(), agencyName: z.string().nullable(), a: ComparedItem, b: ComparedItem })),
});
export type PlanComparison = z.output<typeof PlanComparison>;

export const Burndown = z.object({
  planId: z.number(),
  totalHours: z.number(),
  remainingAtStartHours: z.number(),
  remainingNowHours: z.number(),
  paceHoursPerWeek: z.number(),
  paceWeeks: z.number(),
  plannedFinish: Day.nullable(),
  forecastClear: Day.nullable(),
  weeks: z.array(z.object({ week: Day, plannedRemainingHours: z.number(), actualRemainingHours: z.number().nullable() })),
});
export type Burndown = z.output<typeof Burndown>;

export const ProgressEntry = z.object({
  id: z.number(),
  backlogItemId: z.number().nullable(),
  restorationItemId: z.number().nullable(),
  itemLabel: z.string(),
  stepId: z.string(),
  workDate: Day,
  metres: z.number().nullable(),
  files: z.number().nullable(),
  pages: z.number().nullable(),
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  note: z.string().nullable(),
});
export type ProgressEntry = z.output<typeof ProgressEntry>;
export const ProgressList = list(ProgressEntry);

/** Scheduling shapes, taken from the server's own types (type-only imports, erased at build). */
import type { BacklogItem, RestorationItem } from '../../../server/scheduling/backlog.repository.js';
import type { NormVersion, StaffRow, Closure } from '../../../server/scheduling/resources.repository.js';
import type { NormStepDef } from '../../../server/scheduling/norm-catalogue.js';
import type { PlanSummary, ProgressEntry } from '../../../server/scheduling/plan.repository.js';
import type { planView, comparePlans } from '../../../server/scheduling/plan-report.js';
import type { burndown } from '../../../server/scheduling/burndown.js';
import type { Holiday } from '../../../server/scheduling/engine-adapter.js';
import type { AsJson } from '../types.js';

export type { BacklogItem, RestorationItem, NormVersion, NormStepDef, ProgressEntry, Closure, Holiday };
export type StaffMemberRow = StaffRow;
export type SchedulePlanSummary = AsJson<PlanSummary>;
export type PlanView = AsJson<ReturnType<typeof planView>>;
export type PlanComparison = AsJson<ReturnType<typeof comparePlans>>;
export type Burndown = ReturnType<typeof burndown>;
export type PlanItemView = PlanView['items'][number];
export interface Placement { itemId: string; stepId: string; staffId: string; week: string; minutes: number; stepName: string; explanation: string }
export interface ItemExplanation { planId: number; item: PlanItemView; placements: Placement[] }
export interface BacklogList { items: BacklogItem[]; totals: { items: number; measuredMetres: number; estimatedMetres: number; doneMetres: number } }
export interface RestorationList { items: RestorationItem[]; totals: { items: number; pages: number; donePages: number } }
export interface NormsInfo { current: NormVersion & { steps: NormStepDef[] }; versions: NormVersion[]; grades: Record<number, string> }
export interface WorkCalendarYear { year: number; today: string; holidays: Holiday[]; closures: Closure[] }

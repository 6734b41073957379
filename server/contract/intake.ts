/** Intake register (source agencies, fonds, collection plans) and deposit deadlines. */
import { z } from 'zod';
import { AgencyRef, Day, Problem, Timestamp, list, paged, agencyColumns } from './common.js';

export const AgencyLevel = z.enum(['province', 'district', 'commune']);
export type AgencyLevel = z.output<typeof AgencyLevel>;
export const AgencyStatus = z.enum(['active', 'merged', 'dissolved']);
export type AgencyStatus = z.output<typeof AgencyStatus>;

export const Agency = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: AgencyLevel,
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  status: AgencyStatus,
  successorId: z.number().nullable(),
  successorName: z.string().nullable(),
  statusDate: Day.nullable(),
  listingDecision: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  fondsCodes: z.array(z.string()),
});
export type Agency = z.output<typeof Agency>;
export const AgencyList = paged(Agency);

export const Fonds = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['fonds', 'collection', 'compilation']),
  agencyId: z.number().nullable(),
  agencyName: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  startYear: z.number().nullable(),
  endYear: z.number().nullable(),
  creatorHistory: z.string().nullable(),
  fondsHistory: z.string().nullable(),
  notes: z.string().nullable(),
});
export type Fonds = z.output<typeof Fonds>;
export const FondsList = paged(Fonds);

export const AgencyDetail = Agency.extend({
  fonds: z.array(Fonds),
  children: z.array(AgencyRef),
  predecessors: z.array(AgencyRef.extend({ status: AgencyStatus })),
});
export type AgencyDetail = z.output<typeof AgencyDetail>;

/** Counts of an all-or-nothing register import. */
/** `warnings` only when something was read differently from how it was written (legacy-font text converted). */
export const ImportCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), warnings: z.array(Problem).optional(), preview: z.literal(true).optional() });
export type ImportCounts = z.output<typeof ImportCounts>;

export const PlanAgencyStatus = z.enum(['planned', 'inventory_submitted', 'appraised', 'approved', 'received']);
export type PlanAgencyStatus = z.output<typeof PlanAgencyStatus>;

export const Plan = z.object({
  id: z.number(),
  year: z.number(),
  decisionNo: z.string(),
  decisionDate: Day,
  issuer: z.string(),
  recordsToYear: z.number(),
  handoverPlanNo: z.string().nullable(),
  handoverPlanDate: Day.nullable(),
  notes: z.string().nullable(),
  counts: z.object({
    planned: z.number(),
    inventory_submitted: z.number(),
    appraised: z.number(),
    approved: z.number(),
    received: z.number(),
    late: z.number(),
  }),
});
export type Plan = z.output<typeof Plan>;
export const PlanList = list(Plan);

/** An agency in a plan, with the lateness computed from its scheduled month. */
export const PlanAgency = z.object({
  ...agencyColumns,
  scheduledMonth: z.number(),
  status: PlanAgencyStatus,
  statusChangedAt: Timestamp,
  note: z.string().nullable(),
  handoverId: z.number().nullable(),
  late: z.boolean(),
  lateDays: z.number(),
});
export type PlanAgency = z.output<typeof PlanAgency>;
export const PlanDetail = Plan.extend({ agencies: z.array(PlanAgency) });
export type PlanDetail = z.output<typeof PlanDetail>;

// ---------------------------------------------------------------- deadlines
export const DueStatus = z.enum(['overdue', 'due_this_year', 'due_next_year', 'later', 'pending_declassification', 'deposited']);
export type DueStatus = z.output<typeof DueStatus>;

export const RecordFileDue = z.object({
  id: z.number(),
  fileNotation: z.string(),
  title: z.string(),
  endYear: z.number(),
  dueYear: z.number().nullable(),
  dueRule: z.string(),
  handoverId: z.number().nullable(),
  dueRuleLabel: z.string(),
  status: DueStatus,
});
export type RecordFileDue = z.output<typeof RecordFileDue>;

const Files = z.object({ files: z.number() });
export const AgencyDeadlines = z.object({
  agency: AgencyRef,
  currentYear: z.number(),
  transitionRule: z.enum(['law2011', 'law2024', 'earlier', 'later']),
  summary: z.object({
    overdue: z.object({ files: z.number(), earliestDueYear: z.number().nullable() }),
    dueThisYear: Files,
    dueNextYear: Files,
    later: Files,
    pendingDeclassification: Files,
    deposited: Files,
  }),
  byYear: z.array(z.object({ dueYear: z.number().nullable(), rule: z.string(), files: z.number(), ruleLabel: z.string() })),
});
export type AgencyDeadlines = z.output<typeof AgencyDeadlines>;
/** One page of an agency's overdue or upcoming files, with the total (GET /api/agencies/:id/deadlines/files). */
export const DueFilePage = z.object({ currentYear: z.number(), total: z.number(), items: z.array(RecordFileDue) });
export type DueFilePage = z.output<typeof DueFilePage>;

export const OverdueAgency = z.object({
  agencyId: z.number(),
  code: z.string(),
  name: z.string(),
  level: AgencyLevel,
  status: AgencyStatus,
  overdueFiles: z.number(),
  earliestDueYear: z.number(),
  dueThisYear: z.number(),
  yearsOverdue: z.number(),
});
export type OverdueAgency = z.output<typeof OverdueAgency>;
export const OverdueList = z.object({ currentYear: z.number(), items: z.array(OverdueAgency) });
export type OverdueList = z.output<typeof OverdueList>;

/** Intake register and deposit deadlines (contract: Intake, Deadlines). */
import type { Agency, AgencyStatus } from '../../../server/intake/agency.repository.js';
import type { Fonds } from '../../../server/intake/fonds.repository.js';
import type { PlanAgencyRow, PlanAgencyStatus, PlanRow } from '../../../server/intake/plan.repository.js';
import type { DueFileRow, OverdueAgencyRow } from '../../../server/deadlines/deadlines.repository.js';
import type { DueStatus } from '../../../server/deadlines/deadlines.service.js';
import type { AsJson } from '../types.js';

export type { Agency, AgencyLevel, AgencyStatus } from '../../../server/intake/agency.repository.js';
export type { Fonds } from '../../../server/intake/fonds.repository.js';
export type { ImportResult as ImportCounts } from '../../../server/intake/agency-import.service.js';
export type { PlanAgencyStatus } from '../../../server/intake/plan.repository.js';
export type { DueStatus } from '../../../server/deadlines/deadlines.service.js';

export interface AgencyRef {
  id: number;
  code: string;
  name: string;
  status?: AgencyStatus;
}

export interface AgencyDetail extends Agency {
  fonds: Fonds[];
  children: AgencyRef[];
  predecessors: AgencyRef[];
}

export interface Plan extends PlanRow {
  counts: Record<PlanAgencyStatus | 'late', number>;
}

/** The plan service drops planId and adds the lateness it computes (server/intake/plan-lateness.ts). */
export type PlanAgency = AsJson<Omit<PlanAgencyRow, 'planId'>> & { late: boolean; lateDays: number };

export interface PlanDetail extends Plan {
  agencies: PlanAgency[];
}

// ---------------------------------------------------------------- deadlines
/** The deadlines service drops `received` and adds the rule's wording and the file's status. */
export type RecordFileDue = Omit<DueFileRow, 'received'> & { dueRuleLabel: string; status: DueStatus };

export interface AgencyDeadlines {
  agency: AgencyRef;
  currentYear: number;
  transitionRule: string;
  summary: {
    overdue: { files: number; earliestDueYear: number | null };
    dueThisYear: { files: number };
    dueNextYear: { files: number };
    later: { files: number };
    pendingDeclassification: { files: number };
    deposited: { files: number };
  };
  byYear: { dueYear: number | null; files: number; rule: string }[];
  upcoming: RecordFileDue[];
  overdueFiles: RecordFileDue[];
}

export type OverdueAgency = OverdueAgencyRow & { yearsOverdue: number };

export interface OverdueList {
  currentYear: number;
  items: OverdueAgency[];
}

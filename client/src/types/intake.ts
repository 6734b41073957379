/** Intake register and deposit deadlines (contract: server/contract/intake.ts). */
import type { AgencyStatus } from '../../../server/contract/intake.js';

export type {
  Agency,
  AgencyDeadlines,
  AgencyDetail,
  AgencyLevel,
  AgencyStatus,
  DueFilePage,
  DueStatus,
  Fonds,
  ImportCounts,
  OverdueAgency,
  OverdueList,
  Plan,
  PlanAgency,
  PlanAgencyStatus,
  PlanDetail,
  RecordFileDue,
} from '../../../server/contract/intake.js';

/** An agency named in another's record (children, predecessors, a picker's choice). */
export interface AgencyRef {
  id: number;
  code: string;
  name: string;
  status?: AgencyStatus;
}

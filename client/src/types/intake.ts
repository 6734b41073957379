/** Intake register and deposit deadlines (contract: Intake, Deadlines). */
export type AgencyLevel = 'province' | 'district' | 'commune';
export type AgencyStatus = 'active' | 'merged' | 'dissolved';

export interface Agency {
  id: number;
  code: string;
  name: string;
  level: AgencyLevel;
  parentId: number | null;
  parentName: string | null;
  status: AgencyStatus;
  successorId: number | null;
  successorName: string | null;
  statusDate: string | null;
  listingDecision: string | null;
  address: string | null;
  notes: string | null;
  fondsCodes: string[];
}

export interface AgencyRef {
  id: number;
  code: string;
  name: string;
  status?: AgencyStatus;
}

export interface Fonds {
  id: number;
  code: string;
  name: string;
  kind: 'fonds' | 'collection' | 'compilation';
  agencyId: number | null;
  agencyName: string | null;
  status: 'open' | 'closed';
  startYear: number | null;
  endYear: number | null;
  creatorHistory: string | null;
  fondsHistory: string | null;
  notes: string | null;
}

export interface AgencyDetail extends Agency {
  fonds: Fonds[];
  children: AgencyRef[];
  predecessors: AgencyRef[];
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type PlanAgencyStatus = 'planned' | 'inventory_submitted' | 'appraised' | 'approved' | 'received';

export interface Plan {
  id: number;
  year: number;
  decisionNo: string;
  decisionDate: string;
  issuer: string | null;
  recordsToYear: number;
  handoverPlanNo: string | null;
  handoverPlanDate: string | null;
  notes: string | null;
  counts: Record<PlanAgencyStatus | 'late', number>;
}

export interface PlanAgency {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  scheduledMonth: number;
  status: PlanAgencyStatus;
  statusChangedAt: string;
  late: boolean;
  lateDays: number;
  note: string | null;
  handoverId: number | null;
}

export interface PlanDetail extends Plan {
  agencies: PlanAgency[];
}

// ---------------------------------------------------------------- deadlines
export type DueStatus = 'overdue' | 'due_this_year' | 'due_next_year' | 'later' | 'pending_declassification' | 'deposited';

export interface RecordFileDue {
  id: number;
  fileNotation: string;
  title: string;
  endYear: number;
  dueYear: number | null;
  dueRule: string;
  dueRuleLabel: string;
  handoverId: number | null;
  status: DueStatus;
}

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

export interface OverdueAgency {
  agencyId: number;
  code: string;
  name: string;
  level: AgencyLevel;
  status: AgencyStatus;
  overdueFiles: number;
  earliestDueYear: number | null;
  yearsOverdue: number;
  dueThisYear: number;
}

export interface OverdueList {
  currentYear: number;
  items: OverdueAgency[];
}


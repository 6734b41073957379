/** Handovers: header, inventory, workflow, receipt (contract: Handover). */
import type { Problem } from '../types.js';

export type HandoverStatus = 'draft' | 'submitted' | 'appraised' | 'approved' | 'received';

export interface HandoverSummaryFigures {
  files: number;
  boxes: number;
  sheets: number;
  fromYear: number | null;
  toYear: number | null;
  estimatedMetres: number | null;
  filesPerMetre: number | null;
  ratioFlag: null | 'low' | 'high';
}

export interface ReconciliationCounts {
  filesListed: number;
  filesMissing: number;
  filesExtra: number;
  filesDamaged: number;
  filesReceived: number;
}

/** The list rows: the server may send fewer fields than the full record, so most are optional. */
export interface HandoverSummary {
  id: number;
  agencyId: number;
  agencyCode?: string;
  agencyName?: string;
  fondsCode?: string | null;
  planId?: number | null;
  inventoryNo?: number | null;
  title: string;
  status: HandoverStatus;
  submittedAt?: string | null;
  receivedAt?: string | null;
  handoverDate?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  files?: number;
  summary?: HandoverSummaryFigures | null;
}

export interface Handover {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  fondsId: number | null;
  fondsCode: string | null;
  fondsName: string | null;
  planId: number | null;
  inventoryNo: number | null;
  title: string;
  status: HandoverStatus;
  locked: boolean;
  declaredBoxes: number | null;
  boxTypeId: number | null;
  measuredMetres: number | null;
  deliveringName: string | null;
  deliveringPosition: string | null;
  receivingName: string | null;
  receivingPosition: string | null;
  legalBasis: string | null;
  place: string | null;
  physicalCondition: string | null;
  attachments: string | null;
  inventoryCopies: number | null;
  approvalDecision: string | null;
  appraisalSummary: string | null;
  sourceFilename: string | null;
  submittedAt: string | null;
  appraisedAt: string | null;
  approvedAt: string | null;
  receivedAt: string | null;
  handoverDate: string | null;
  summary: HandoverSummaryFigures | null;
  counts: ReconciliationCounts | null;
}

export interface HandoverInput {
  agencyId?: number;
  fondsId?: number | null;
  planId?: number | null;
  title?: string;
  inventoryNo?: number | null;
  declaredBoxes?: number | null;
  boxTypeId?: number | null;
  deliveringName?: string | null;
  deliveringPosition?: string | null;
  receivingName?: string | null;
  receivingPosition?: string | null;
  legalBasis?: string | null;
  place?: string | null;
}

export interface InventoryUploadResult {
  imported: number;
  unchanged: boolean;
  warnings: Problem[];
  summary?: HandoverSummaryFigures;
}

export interface RowComment {
  id: number;
  comment: string;
  authorName: string | null;
  createdAt: string;
}

export interface InventoryRow {
  id: number;
  rowNo: number;
  fileNotation: string;
  title: string;
  startDate: string | null;
  endDate: string;
  dateText: string | null;
  retention: string;
  sheets: number | null;
  boxNo: string | null;
  accessLevel: 'unrestricted' | 'restricted';
  notes: string | null;
  dueYear: number | null;
  dueRule: string;
  comments: RowComment[];
}

export type DiscrepancyKind = 'missing' | 'extra' | 'damaged';

export interface DiscrepancyInput {
  kind: DiscrepancyKind;
  rowNo?: number;
  fileNotation?: string;
  description: string;
}

export interface Discrepancy extends DiscrepancyInput {
  id: number;
}

export interface ReceiveInput {
  handoverDate: string;
  measuredMetres?: number;
  physicalCondition: string;
  attachments?: string;
  deliveringName: string;
  deliveringPosition: string;
  receivingName: string;
  receivingPosition: string;
  discrepancies: DiscrepancyInput[];
  shelfIds?: number[];
}

export interface Amendment {
  id: number;
  rowNo: number | null;
  field: string;
  before: unknown;
  after: unknown;
  reason: string;
  authorName?: string | null;
  createdAt: string;
}


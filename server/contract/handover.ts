/** Handovers: header, inventory, workflow, receipt, amendments, and the agency's current-archive register. */
import { z } from 'zod';
import { Day, Problem, Timestamp, list, paged, agencyColumns } from './common.js';

export const HandoverStatus = z.enum(['draft', 'submitted', 'appraised', 'approved', 'received', 'cancelled']);
export type HandoverStatus = z.output<typeof HandoverStatus>;

export const InventorySummary = z.object({
  files: z.number(),
  boxes: z.number(),
  sheets: z.number(),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  estimatedMetres: z.number(),
  filesPerMetre: z.number().nullable(),
  ratioFlag: z.enum(['low', 'high']).nullable(),
});
export type InventorySummary = z.output<typeof InventorySummary>;

export const ReconciliationCounts = z.object({
  filesListed: z.number(),
  filesMissing: z.number(),
  filesExtra: z.number(),
  filesDamaged: z.number(),
  filesReceived: z.number(),
});
export type ReconciliationCounts = z.output<typeof ReconciliationCounts>;

export const Handover = z.object({
  id: z.number(),
  ...agencyColumns,
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  fondsName: z.string().nullable(),
  planId: z.number().nullable(),
  /** The collection plan's decision number (667/QĐ-UBND), shown instead of its id. */
  planDecisionNo: z.string().nullable(),
  inventoryNo: z.number().nullable(),
  title: z.string(),
  status: HandoverStatus,
  locked: z.boolean(),
  declaredBoxes: z.number().nullable(),
  boxTypeId: z.number().nullable(),
  measuredMetres: z.number().nullable(),
  deliveringName: z.string().nullable(),
  deliveringPosition: z.string().nullable(),
  receivingName: z.string().nullable(),
  receivingPosition: z.string().nullable(),
  legalBasis: z.string().nullable(),
  place: z.string().nullable(),
  physicalCondition: z.string().nullable(),
  attachments: z.string().nullable(),
  inventoryCopies: z.number(),
  approvalDecision: z.string().nullable(),
  appraisalSummary: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  submittedAt: Timestamp.nullable(),
  appraisedAt: Timestamp.nullable(),
  approvedAt: Timestamp.nullable(),
  receivedAt: Timestamp.nullable(),
  /** A cancelled draft is kept (and audited) but owes no files. */
  cancelledAt: Timestamp.nullable(),
  handoverDate: Day.nullable(),
  summary: InventorySummary,
  /** Reconciliation at receipt; null before. */
  counts: ReconciliationCounts.nullable(),
});
export type Handover = z.output<typeof Handover>;

/** A row of the handover list. */
export const HandoverSummary = z.object({
  id: z.number(),
  title: z.string(),
  ...agencyColumns,
  status: HandoverStatus,
  planId: z.number().nullable(),
  fondsId: z.number().nullable(),
  fondsCode: z.string().nullable(),
  inventoryNo: z.number().nullable(),
  declaredBoxes: z.number().nullable(),
  handoverDate: Day.nullable(),
  submittedAt: Timestamp.nullable(),
  receivedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  locked: z.boolean(),
  files: z.number(),
});
export type HandoverSummary = z.output<typeof HandoverSummary>;
export const HandoverList = paged(HandoverSummary);

export const InventoryUploadResult = z.object({
  imported: z.number(),
  unchanged: z.boolean(),
  warnings: z.array(Problem),
  summary: InventorySummary,
});
export type InventoryUploadResult = z.output<typeof InventoryUploadResult>;

export const InventoryRow = z.object({
  id: z.number(),
  rowNo: z.number(),
  fileNotation: z.string(),
  title: z.string(),
  startDate: Day.nullable(),
  endDate: Day,
  dateText: z.string().nullable(),
  retention: z.string(),
  sheets: z.number().nullable(),
  boxNo: z.string().nullable(),
  accessLevel: z.string(),
  notes: z.string().nullable(),
  dueYear: z.number().nullable(),
  dueRule: z.string(),
  /** Set at receipt: the assigned file code, the box and its shelf location; null before and for a missing file. */
  fileCode: z.string().nullable(),
  boxCode: z.string().nullable(),
  location: z.string().nullable(),
  /** Appraisal comments on this row. */
  comments: z.array(z.object({ id: z.number(), comment: z.string(), authorName: z.string().nullable(), createdAt: Timestamp })),
});
export type InventoryRow = z.output<typeof InventoryRow>;
export const InventoryList = paged(InventoryRow);

export const Discrepancy = z.object({
  id: z.number(),
  kind: z.enum(['missing', 'extra', 'damaged']),
  rowNo: z.number().nullable(),
  fileNotation: z.string().nullable(),
  description: z.string(),
  createdAt: Timestamp,
});
export type Discrepancy = z.output<typeof Discrepancy>;
export const Discrepancies = z.object({ items: z.array(Discrepancy), reconciliation: ReconciliationCounts });

export const Amendment = z.object({
  id: z.number(),
  rowNo: z.number().nullable(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  authorName: z.string().nullable(),
  createdAt: Timestamp,
});
export type Amendment = z.output<typeof Amendment>;
export const AmendmentList = list(Amendment);

/** The agency's current-archive register replaced by an import. */
export const RegisterImportResult = z.object({ imported: z.number(), unchanged: z.boolean(), warnings: z.array(Problem), preview: z.literal(true).optional() });
export type RegisterImportResult = z.output<typeof RegisterImportResult>;

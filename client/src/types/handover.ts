/** Handovers: header, inventory, workflow, receipt (contract: server/contract/handover.ts). */
import type { CreateHandoverInput } from '../../../server/handover/handover.schemas.js';
import type { Discrepancy } from '../../../server/contract/handover.js';

export type {
  Amendment,
  Discrepancy,
  Handover,
  HandoverStatus,
  HandoverSummary,
  InventoryRow,
  InventoryUploadResult,
  RegisterImportResult,
  ReconciliationCounts,
} from '../../../server/contract/handover.js';
export type { ReceiveInput } from '../../../server/handover/handover.schemas.js';

/** The header fields of a create; an edit sends the same fields, each optional. */
export type HandoverInput = Partial<CreateHandoverInput>;
export type DiscrepancyKind = Discrepancy['kind'];

/** Handovers: header, inventory, workflow, receipt (contract: Handover). */
import type { Handover as HandoverView } from '../../../server/handover/handover.view.js';
import type { HandoverSummaryRow } from '../../../server/handover/handover.repository.js';
import type { CreateHandoverInput } from '../../../server/handover/handover.schemas.js';
import type { InventoryRow as InventoryRowOut } from '../../../server/handover/inventory.repository.js';
import type { InventorySummary } from '../../../server/handover/inventory/types.js';
import type { DiscrepancyRow } from '../../../server/handover/receipt.repository.js';
import type { AsJson, Problem } from '../types.js';

export type { HandoverStatus } from '../../../server/handover/handover.repository.js';
export type { ReceiveInput } from '../../../server/handover/handover.schemas.js';

export type Handover = AsJson<HandoverView>;
/** A row of the handover list. */
export type HandoverSummary = AsJson<HandoverSummaryRow>;
export type ReconciliationCounts = NonNullable<Handover['counts']>;

/** The header fields of a create; an edit sends the same fields, each optional. */
export type HandoverInput = Partial<CreateHandoverInput>;

export interface InventoryUploadResult {
  imported: number;
  unchanged: boolean;
  warnings: Problem[];
  summary?: InventorySummary;
}

export type InventoryRow = AsJson<InventoryRowOut>;

export type Discrepancy = AsJson<DiscrepancyRow>;
export type DiscrepancyKind = Discrepancy['kind'];

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

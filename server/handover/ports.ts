/**
 * What the handover use cases need from the intake and stacks areas, as narrow interfaces:
 * services.ts passes the real services, which satisfy these structurally.
 */
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';

export type PlanAgencyStatus = 'planned' | 'inventory_submitted' | 'appraised' | 'approved' | 'received';

export interface PlanStatusPort {
  /** No-op when the agency is not in that plan; records its own event. */
  setPlanAgencyStatus(tx: Queryable, actor: Actor, planId: number, agencyId: number, status: PlanAgencyStatus): Promise<void>;
}

export interface PlacedBox {
  id: number;
  code: string;
  boxNo: string;
  shelfId: number | null;
}

export interface BoxPlacementPort {
  /** Creates one box per box number and shelves them; throws 409 STACKS_FULL or 400 SHELF_NOT_FOUND. */
  placeHandoverBoxes(
    tx: Queryable,
    actor: Actor,
    input: { handoverId: number; agencyId: number; fondsId: number | null; boxNos: string[]; boxTypeId: number | null; shelfIds?: number[] },
  ): Promise<{ boxes: PlacedBox[]; estimatedMetres: number }>;
}

/**
 * Handovers (giao nhận tài liệu, docs/domain.md §2.4): the header use cases live here; the inventory,
 * workflow, receipt, amendments and the handover record are composed in from their own modules.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { recordEvent } from '../audit/audit.repository.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { lockedVisibleHandover, requireDraftForAgency, requireStatus, visibleHandover } from './handover.guards.js';
import {
  findAgency,
  findBoxType,
  findFonds,
  findHandover,
  findPlan,
  insertHandover,
  listHandovers,
  planHasAgency,
  updateHandover,
  type HandoverRow,
} from './handover.repository.js';
import type { CreateHandoverInput, ListHandoversInput, PatchHandoverInput } from './handover.schemas.js';
import { toHandover } from './handover.view.js';
import { inventoryUseCases } from './inventory.service.js';
import { workflowUseCases } from './workflow.service.js';
import { receiptUseCases } from './receipt.service.js';
import { amendmentUseCases } from './amendment.service.js';
import { recordDocumentUseCases, type DepositRecordPort } from './record-document.service.js';
import type { BoxPlacementPort, PlanStatusPort } from './ports.js';

/** Fonds, plan and box type must exist, and fonds and plan must belong to the handover's agency. */
async function checkReferences(
  db: Queryable,
  agencyId: number,
  refs: { fondsId?: number | null; planId?: number | null; boxTypeId?: number | null },
): Promise<void> {
  if (refs.fondsId != null) {
    const f = await findFonds(db, refs.fondsId);
    if (!f) throw ERRORS.fondsNotFound();
    if (f.agencyId !== agencyId) throw ERRORS.fondsAgencyMismatch();
  }
  if (refs.planId != null) {
    if (!(await findPlan(db, refs.planId))) throw ERRORS.planNotFound();
    if (!(await planHasAgency(db, refs.planId, agencyId))) {
      throw ERRORS.agencyNotInPlan();
    }
  }
  if (refs.boxTypeId != null && !(await findBoxType(db, refs.boxTypeId))) {
    throw ERRORS.boxTypeNotFound();
  }
}

/** Only the fields that actually change, with their old values, for the event log. */
function changes(before: HandoverRow, patch: PatchHandoverInput) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const old = before[k as keyof HandoverRow] ?? null;
    if (old === v) continue;
    b[k] = old;
    a[k] = v;
  }
  return { before: b, after: a };
}

function headerUseCases(deps: Deps) {
  return {
    async list(actor: Actor, q: ListHandoversInput) {
      // An agency account's list is its own agency's, whatever filter it sends.
      const agencyId = actor.role === 'agency' ? actor.agencyId! : q.agencyId;
      return listHandovers(deps.db, { ...q, agencyId });
    },

    async get(actor: Actor, id: number) {
      return toHandover(deps, await visibleHandover(deps, actor, id));
    },

    async create(actor: Actor, input: CreateHandoverInput) {
      if (actor.role === 'agency' && actor.agencyId !== input.agencyId) {
        throw ERRORS.forbidden('Tài khoản cơ quan chỉ lập hồ sơ giao nhận cho chính cơ quan mình.');
      }
      if (!(await findAgency(deps.db, input.agencyId))) throw ERRORS.handoverAgencyNotFound();
      await checkReferences(deps.db, input.agencyId, input);
      const at = deps.clock();
      const id = await deps.db.transaction(async (tx) => {
        const newId = await insertHandover(tx, input, actor.id, at);
        await recordEvent(tx, actor, { entityType: 'handover', entityId: newId, action: 'handover.created', after: input, at });
        return newId;
      });
      return toHandover(deps, (await findHandover(deps.db, id))!);
    },

    async update(actor: Actor, id: number, patch: PatchHandoverInput) {
      if (Object.values(patch).every((v) => v === undefined)) throw ERRORS.emptyPatch();
      const at = deps.clock();
      await deps.db.transaction(async (tx) => {
        const h = await lockedVisibleHandover(tx, actor, id);
        requireStatus(h, ['draft', 'submitted', 'appraised', 'approved'], 'sửa thông tin hồ sơ giao nhận');
        requireDraftForAgency(actor, h, 'sửa thông tin hồ sơ giao nhận');
        await checkReferences(tx, h.agencyId, patch);
        const diff = changes(h, patch);
        if (Object.keys(diff.after).length === 0) return;
        await updateHandover(tx, id, patch, at);
        await recordEvent(tx, actor, { entityType: 'handover', entityId: id, action: 'handover.updated', ...diff, at });
      });
      return toHandover(deps, (await findHandover(deps.db, id))!);
    },
  };
}

export function createHandoverService(deps: Deps, others: { intake: PlanStatusPort; stacks: BoxPlacementPort; deposits?: DepositRecordPort }) {
  return {
    ...headerUseCases(deps),
    ...inventoryUseCases(deps),
    ...workflowUseCases(deps, others.intake),
    ...receiptUseCases(deps, others),
    ...amendmentUseCases(deps),
    ...recordDocumentUseCases(deps, others.deposits),
  };
}

export type HandoverService = ReturnType<typeof createHandoverService>;

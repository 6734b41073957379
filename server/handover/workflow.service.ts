/**
 * The appraisal workflow: draft → submitted → appraised → approved (→ received, in receipt.service.ts),
 * with "return to draft", and cancelling a draft (kept, but it owes no files any more). Each step records an event and
 * keeps the yearly plan's status in step.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { recordEvent } from '../audit/audit.repository.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { lockedVisibleHandover, requireStatus } from './handover.guards.js';
import { findHandover, updateHandover, type HandoverRow, type HandoverStatus, type HeaderValues } from './handover.repository.js';
import type { AppraiseInput } from './handover.schemas.js';
import { toHandover } from './handover.view.js';
import { existingRowNos, insertComments, inventoryAggregate } from './inventory.repository.js';
import type { PlanAgencyStatus, PlanStatusPort } from './ports.js';

export async function syncPlan(tx: Queryable, intake: PlanStatusPort, actor: Actor, h: HandoverRow, status: PlanAgencyStatus) {
  if (h.planId !== null) await intake.setPlanAgencyStatus(tx, actor, h.planId, h.agencyId, status);
}

export function workflowUseCases(deps: Deps, intake: PlanStatusPort) {
  /** One locked, audited status change; `check` may refuse, `values` are the header fields it sets. */
  async function transition(
    actor: Actor,
    id: number,
    step: { from: HandoverStatus[]; to: HandoverStatus; action: string; verb: string; plan: PlanAgencyStatus | null },
    apply: (tx: Queryable, h: HandoverRow, at: Date) => Promise<{ values: HeaderValues; data?: unknown }>,
  ) {
    const at = deps.clock();
    await deps.db.transaction(async (tx) => {
      const h = await lockedVisibleHandover(tx, actor, id);
      requireStatus(h, step.from, step.verb);
      const { values, data } = await apply(tx, h, at);
      await updateHandover(tx, id, { ...values, status: step.to }, at);
      await recordEvent(tx, actor, {
        entityType: 'handover',
        entityId: id,
        action: step.action,
        before: { status: h.status },
        after: { status: step.to },
        data,
        at,
      });
      if (step.plan) await syncPlan(tx, intake, actor, h, step.plan);
    });
    return toHandover(deps, (await findHandover(deps.db, id))!);
  }

  return {
    submit(actor: Actor, id: number) {
      return transition(
        actor, id,
        { from: ['draft'], to: 'submitted', action: 'handover.submitted', verb: 'gửi thẩm định', plan: 'inventory_submitted' },
        async (tx, h, at) => {
          const { files } = await inventoryAggregate(tx, h.id);
          if (files === 0) throw ERRORS.inventoryEmpty();
          return { values: { submittedAt: at }, data: { files } };
        },
      );
    },

    returnToDraft(actor: Actor, id: number, reason: string) {
      return transition(
        actor, id,
        { from: ['submitted', 'appraised'], to: 'draft', action: 'handover.returned', verb: 'trả lại để sửa', plan: 'planned' },
        async (_tx, h) => {
          // Its PDFs are bound to the inventory rows (deposit_files); a draft could only be changed by a new package.
          if (h.kind === 'digital') throw ERRORS.depositHandoverFixed('trả lại để sửa');
          return { values: { submittedAt: null, appraisedAt: null }, data: { reason } };
        },
      );
    },

    /**
     * A draft nobody will submit (a test, a duplicate) is cancelled rather than deleted, by staff or its agency.
     * The plan is left alone: a draft never moved it, and another handover of the agency may have.
     */
    cancel(actor: Actor, id: number, reason: string | null) {
      return transition(
        actor, id,
        { from: ['draft'], to: 'cancelled', action: 'handover.cancelled', verb: 'hủy', plan: null },
        async (_tx, _h, at) => ({ values: { cancelledAt: at }, data: { reason } }),
      );
    },

    appraise(actor: Actor, id: number, input: AppraiseInput) {
      return transition(
        actor, id,
        { from: ['submitted'], to: 'appraised', action: 'handover.appraised', verb: 'thẩm định', plan: 'appraised' },
        async (tx, h, at) => {
          const asked = [...new Set(input.comments.flatMap((c) => (c.rowNo === null ? [] : [c.rowNo])))];
          const found = await existingRowNos(tx, h.id, asked);
          const unknown = asked.filter((n) => !found.has(n));
          if (unknown.length > 0) {
            throw ERRORS.rowsNotInInventory(unknown);
          }
          await insertComments(tx, h.id, actor.id, at, input.comments);
          return { values: { appraisalSummary: input.summary, appraisedAt: at }, data: { summary: input.summary, comments: input.comments.length } };
        },
      );
    },

    approve(actor: Actor, id: number, approvalDecision: string) {
      return transition(
        actor, id,
        { from: ['appraised'], to: 'approved', action: 'handover.approved', verb: 'ghi nhận phê duyệt', plan: 'approved' },
        async (_tx, _h, at) => ({ values: { approvalDecision, approvedAt: at }, data: { approvalDecision } }),
      );
    },
  };
}

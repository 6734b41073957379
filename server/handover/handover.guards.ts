/** Who may see a handover, and in which states each action is allowed. */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { findHandover, lockHandover, type HandoverRow, type HandoverStatus } from './handover.repository.js';

export const STATUS_LABELS: Record<HandoverStatus, string> = {
  draft: 'bản nháp',
  submitted: 'đã gửi thẩm định',
  appraised: 'đã thẩm định',
  approved: 'đã được phê duyệt',
  received: 'đã giao nhận',
  cancelled: 'đã hủy',
};

export const handoverNotFound = () => ERRORS.notFound('hồ sơ giao nhận');

export const locked = ERRORS.handoverLocked;

/** Agency accounts see only their own agency's handovers; others' look like they do not exist. */
export function canSee(actor: Actor, h: { agencyId: number }): boolean {
  return actor.role !== 'agency' || actor.agencyId === h.agencyId;
}

export async function visibleHandover(deps: Deps, actor: Actor, id: number, db: Queryable = deps.db): Promise<HandoverRow> {
  const h = await findHandover(db, id);
  if (!h || !canSee(actor, h)) throw handoverNotFound();
  return h;
}

/** Locks the header row for the transaction and applies the visibility rule. */
export async function lockedVisibleHandover(tx: Queryable, actor: Actor, id: number): Promise<HandoverRow> {
  const h = await lockHandover(tx, id);
  if (!h || !canSee(actor, h)) throw handoverNotFound();
  return h;
}

/** Throws unless the handover is in one of the given states; a received one answers HANDOVER_LOCKED. */
export function requireStatus(h: HandoverRow, allowed: HandoverStatus[], action: string): void {
  if (allowed.includes(h.status)) return;
  if (h.status === 'received') throw locked();
  throw ERRORS.handoverStateInvalid(action, STATUS_LABELS[h.status], { status: h.status, allowed });
}

/** Agency accounts act only on drafts (create, edit, upload, submit); the centre's staff do the rest. */
export function requireDraftForAgency(actor: Actor, h: HandoverRow, action: string): void {
  if (actor.role === 'agency') requireStatus(h, ['draft'], action);
}

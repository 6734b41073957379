/**
 * Decisions on request slips, routed by access class (DOMAIN.md §6.1 B3): the head of the reading room decides
 * first (users.duties 'reading_room_head', or an admin); a slip with restricted files then goes to the director
 * ('director') when READING_DIRECTOR_FOR_RESTRICTED. Refusing and asking for information need a reason. Every
 * decision is kept with who and when, and the reader sees them. The final approval of a read/access slip for a
 * restricted digitised file opens it in the viewer through an access grant lasting READING_VIEW_WINDOW_DAYS.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { addDays, vnToday } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import type { Queryable } from '../db/db.js';
import * as readersRepo from './readers.repository.js';
import * as repo from './requests.repository.js';
import { servabilityProblems } from './servability.js';

export type Decision = 'approve' | 'refuse' | 'ask_info';
type Level = 'reading_room_head' | 'director';

const OPEN = ['submitted', 'needs_info'];

export async function mayDecide(db: Queryable, actor: Actor, level: Level): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'archivist') return false;
  return (await repo.userDuties(db, actor.id)).includes(level);
}

/** Grants the reader's account each restricted digitised file until the end of the viewing window (extending one). */
async function grantViewing(deps: Deps, tx: Queryable, actor: Actor, r: repo.RequestRow) {
  if (!r.readerUserId || !(r.kind === 'read' || r.kind === 'access')) return;
  const lines = (await repo.requestLines(tx, r.id)).filter((l) => l.restricted && l.digitised);
  const until = addDays(vnToday(deps.clock), deps.config.READING_VIEW_WINDOW_DAYS);
  for (const l of lines) {
    const note = `Phiếu yêu cầu số ${r.number}`;
    const [g] = await tx.query<{ id: number }>(
      `INSERT INTO access_grants (user_id, record_file_id, granted_by, expires_on, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, record_file_id) DO UPDATE SET expires_on = CASE WHEN access_grants.expires_on IS NULL THEN NULL
         ELSE greatest(access_grants.expires_on, EXCLUDED.expires_on) END RETURNING id`,
      [r.readerUserId, l.recordFileId, actor.id, until, note]);
    await recordEvent(tx, actor, { entityType: 'access_grant', entityId: g!.id, action: 'access_grant.created', after: { userId: r.readerUserId, recordFileId: l.recordFileId, expiresOn: until, note } });
  }
}

export function createApprovals(deps: Deps) {
  const { db } = deps;

  async function locked(tx: Queryable, id: number) {
    const r = await repo.getRequest(tx, id, true);
    if (!r) throw READING_ERRORS.requestNotFound();
    return r;
  }

  return {
    async decide(actor: Actor, id: number, body: { decision: Decision; reason?: string | null }) {
      const reason = body.reason?.trim() || null;
      if (body.decision !== 'approve' && !reason) throw READING_ERRORS.reasonRequired();
      await db.transaction(async (tx) => {
        const r = await locked(tx, id);
        if (!OPEN.includes(r.status)) throw READING_ERRORS.requestClosed();
        if (r.status === 'needs_info' && body.decision === 'approve') throw READING_ERRORS.requestAwaitingReader();
        const level: Level = r.approvalLevel ?? 'reading_room_head';
        if (!(await mayDecide(tx, actor, level))) throw READING_ERRORS.wrongApprover(level);
        const now = deps.clock();
        const base = { requestId: id, level, reason, by: actor.id, byName: actor.displayName, at: now };
        if (body.decision === 'refuse') {
          await repo.insertDecision(tx, { ...base, decision: 'refuse' });
          await repo.setStatus(tx, id, { status: 'refused', approvalLevel: null, decidedAt: now });
        } else if (body.decision === 'ask_info') {
          await repo.insertDecision(tx, { ...base, decision: 'ask_info' });
          await repo.setStatus(tx, id, { status: 'needs_info', approvalLevel: level });
        } else {
          // The state of the stacks may have changed since submission (restoration started, a hold was placed).
          const problems = await servabilityProblems(tx, (await repo.requestLines(tx, id)).map((l) => l.recordFileId), vnToday(deps.clock));
          if (problems.length) throw READING_ERRORS.notServable(problems);
          await repo.insertDecision(tx, { ...base, decision: 'approve' });
          if (level === 'reading_room_head' && r.restricted && deps.config.READING_DIRECTOR_FOR_RESTRICTED) {
            await repo.insertDecision(tx, { ...base, decision: 'escalate', level: 'director', reason: 'Phiếu có hồ sơ hạn chế tiếp cận: chuyển Giám đốc duyệt.' });
            await repo.setStatus(tx, id, { status: 'submitted', approvalLevel: 'director' });
          } else {
            await repo.setStatus(tx, id, { status: 'approved', approvalLevel: null, decidedAt: now });
            await grantViewing(deps, tx, actor, r);
          }
        }
        await recordEvent(tx, actor, { entityType: 'access_request', entityId: id, action: `access_request.${body.decision}`, before: { status: r.status, level }, after: { reason } });
      });
    },

    /** Staff serve a digitised file's original instead of its digital copy, with the reason (TT 10/2014 Điều 9). */
    async serveAs(actor: Actor, id: number, lineId: number, body: { serveAs: 'original' | 'digital'; reason?: string | null }) {
      const reason = body.reason?.trim() || null;
      await db.transaction(async (tx) => {
        const r = await locked(tx, id);
        if (!['submitted', 'needs_info', 'approved'].includes(r.status)) throw READING_ERRORS.requestClosed();
        const line = (await repo.requestLines(tx, id)).find((l) => l.id === lineId);
        if (!line) throw READING_ERRORS.lineNotInRequest();
        if (body.serveAs === 'digital' && !line.digitised) throw READING_ERRORS.notDigitised();
        if (body.serveAs === 'original' && line.digitised && !reason) throw READING_ERRORS.overrideReasonRequired();
        const override = body.serveAs === 'original' && line.digitised ? reason : null;
        await tx.query('UPDATE access_request_lines SET serve_as = $2, override_reason = $3 WHERE id = $1', [lineId, body.serveAs, override]);
        await recordEvent(tx, actor, { entityType: 'access_request', entityId: id, action: 'access_request.serve_as', before: { lineId, serveAs: line.serveAs }, after: { lineId, serveAs: body.serveAs, reason: override } });
      });
    },

    /** The reader answers a request for more information; the slip goes back to the level that asked. */
    async reply(actor: Actor, id: number, message: string) {
      await db.transaction(async (tx) => {
        const r = await locked(tx, id);
        const reader = await readersRepo.readerOfUser(tx, actor.id);
        if (!reader || reader.id !== r.readerId) throw READING_ERRORS.requestNotFound();
        if (r.status !== 'needs_info') throw READING_ERRORS.requestNotAwaitingReply();
        await repo.insertDecision(tx, { requestId: id, decision: 'reply', level: 'reader', reason: message, by: actor.id, byName: actor.displayName, at: deps.clock() });
        await repo.setStatus(tx, id, { status: 'submitted', approvalLevel: r.approvalLevel });
        await recordEvent(tx, actor, { entityType: 'access_request', entityId: id, action: 'access_request.reply', after: { message } });
      });
    },

    /** The reader withdraws a slip not yet decided. */
    async cancel(actor: Actor, id: number) {
      await db.transaction(async (tx) => {
        const r = await locked(tx, id);
        const reader = await readersRepo.readerOfUser(tx, actor.id);
        if (!reader || reader.id !== r.readerId) throw READING_ERRORS.requestNotFound();
        if (!OPEN.includes(r.status)) throw READING_ERRORS.requestClosed();
        const now = deps.clock();
        await repo.insertDecision(tx, { requestId: id, decision: 'cancel', level: 'reader', reason: null, by: actor.id, byName: actor.displayName, at: now });
        await repo.setStatus(tx, id, { status: 'cancelled', approvalLevel: null, decidedAt: now });
        await recordEvent(tx, actor, { entityType: 'access_request', entityId: id, action: 'access_request.cancelled' });
      });
    },

    /** Admins say who heads the reading room, who is director, who serves the stacks. */
    async setDuties(actor: Actor, userId: number, duties: string[]) {
      return db.transaction(async (tx) => {
        const [u] = await tx.query<{ role: string; duties: string[] }>('SELECT role, duties FROM users WHERE id = $1 FOR UPDATE', [userId]);
        if (!u || !['admin', 'archivist'].includes(u.role)) throw READING_ERRORS.dutiesNotStaff();
        const next = [...new Set(duties)].sort();
        await tx.query('UPDATE users SET duties = $2, updated_at = now() WHERE id = $1', [userId, next]);
        await recordEvent(tx, actor, { entityType: 'user', entityId: userId, action: 'user.duties_changed', before: { duties: u.duties }, after: { duties: next } });
        return { userId, duties: next };
      });
    },
  };
}

export type Approvals = ReturnType<typeof createApprovals>;

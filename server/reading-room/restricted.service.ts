/**
 * Restricted digitised files in the viewer. A researcher without the right learns that the file is restricted and
 * may ask for access (an access_requests row of kind 'access', routed to the director, SLA for conditional-access
 * material); staff grant (a viewer window) or refuse from a screen. Secret files, and files that do not exist,
 * answer exactly like a missing page: the same 404, the same code and message, so nothing reveals they exist.
 * Submission and decisions go through rr-core's request service and approvals (register number, SLA, routing by
 * access class, the viewing grant); this module adds the viewer's side and the staff screen's narrow entry points.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import { isStaff } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import { CIRCULATION_ERRORS as E } from '../core/errors-circulation.js';
import { READING_ERRORS } from '../core/errors-reading.js';
import { yearOf } from '../core/time/index.js';
import { visibleSql } from '../access/visibility.js';
import type { RequestsService } from './requests.service.js';
import type { createApprovals } from './approvals.js';

type Approvals = ReturnType<typeof createApprovals>;

export type FileAccessState = { state: 'visible'; recordFileId: number } | { state: 'restricted'; recordFileId: number; title: string; pendingRequestId: number | null };

export interface AccessRequestRow {
  id: number; requestYear: number; requestNo: number; status: string; approvalLevel: string | null; readerName: string; username: string | null;
  recordFileId: number; fileNotation: string; fileTitle: string; lineId: number; purpose: string | null; submittedAt: string; dueAt: string;
}

const SECRET = `(f.secrecy IS NOT NULL AND (f.declassified_year IS NULL OR f.declassified_year > $2))`;

export function createRestrictedService(deps: Deps, s: { requests: RequestsService; approvals: Approvals }) {
  const { db } = deps;

  /** Restricted-but-not-secret or visible; anything else is "not found" with the page's own words. */
  async function fileState(scope: Scope, fileId: number, notFound = () => ERRORS.notFound('trang')): Promise<FileAccessState> {
    const params: unknown[] = [fileId, yearOf(scope.day)];
    const vis = visibleSql(scope, params, 'f');
    const [f] = await db.query<{ id: number; title: string; secret: boolean; visible: boolean }>(
      `SELECT f.id, f.title, ${SECRET} AS secret, ${vis} AS visible FROM record_files f WHERE f.id = $1`, params);
    if (!f || f.secret) throw notFound();
    if (f.visible) return { state: 'visible', recordFileId: f.id };
    if (isStaff(scope.acting) || scope.acting.kind === 'system' || scope.acting.role !== 'researcher') throw notFound();
    const [pending] = await db.query<{ id: number }>(
      `SELECT r.id FROM access_requests r JOIN access_request_lines l ON l.request_id = r.id JOIN readers rd ON rd.id = r.reader_id
        WHERE rd.user_id = $1 AND l.record_file_id = $2 AND r.kind = 'access' AND r.status IN ('submitted', 'needs_info') LIMIT 1`,
      [scope.acting.id, fileId]);
    return { state: 'restricted', recordFileId: f.id, title: f.title, pendingRequestId: pending?.id ?? null };
  }

  /** The state of the file behind a page; a page inside a hidden document of a visible file is simply not found. */
  async function pageState(scope: Scope, pageId: number): Promise<FileAccessState> {
    const [p] = await db.query<{ fileId: number; documentId: number | null }>(
      `SELECT record_file_id AS "fileId", document_id AS "documentId" FROM pages WHERE id = $1`, [pageId]);
    if (!p) throw ERRORS.notFound('trang');
    const st = await fileState(scope, p.fileId);
    if (st.state === 'visible') {
      const params: unknown[] = [pageId];
      const vis = visibleSql(scope, params, 'f', 'd');
      const [ok] = await db.query(`SELECT 1 FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id WHERE p.id = $1 AND ${vis}`, params);
      if (!ok) throw ERRORS.notFound('trang');
    }
    return st;
  }

  /** After our own "restricted, not secret" check, the slip goes through rr-core's register (SLA, routing, checks). */
  async function request(actor: Actor, scope: Scope, fileId: number, purpose: string | null): Promise<{ id: number; requestNo: number; requestYear: number; dueAt: Date }> {
    const st = await fileState(scope, fileId, () => ERRORS.notFound('hồ sơ'));
    if (st.state === 'visible') throw E.accessRequestNotNeeded();
    if (st.pendingRequestId) throw E.accessRequestPending(st.pendingRequestId);
    const [reader] = await db.query<{ id: number }>(`SELECT id FROM readers WHERE user_id = $1 AND status <> 'rejected'`, [actor.id]);
    if (!reader) throw E.readerNotRegistered();
    const r = await s.requests.submit(actor, { kind: 'access', purpose, lines: [{ recordFileId: fileId }] });
    const [no, year] = r.number.split('/').map(Number);
    return { id: r.id, requestNo: no!, requestYear: year!, dueAt: r.dueAt };
  }

  async function pending(): Promise<{ items: AccessRequestRow[] }> {
    return {
      items: await db.query<AccessRequestRow>(
        `SELECT r.id, r.request_year AS "requestYear", r.request_no AS "requestNo", r.status, r.approval_level AS "approvalLevel", rd.full_name AS "readerName", u.username,
                f.id AS "recordFileId", f.file_notation AS "fileNotation", f.title AS "fileTitle", l.id AS "lineId", r.purpose,
                r.submitted_at AS "submittedAt", r.due_at AS "dueAt"
           FROM access_requests r JOIN access_request_lines l ON l.request_id = r.id JOIN record_files f ON f.id = l.record_file_id
           JOIN readers rd ON rd.id = r.reader_id LEFT JOIN users u ON u.id = rd.user_id
          WHERE r.kind = 'access' AND r.status IN ('submitted', 'needs_info') ORDER BY r.due_at, r.id`),
    };
  }

  /**
   * The AccessGrants screen's decision: rr-core's approvals (who may decide at which level, escalation of restricted
   * material to the director, the viewing grant on final approval), limited here to access requests.
   */
  async function decide(actor: Actor, requestId: number, d: { decision: 'approve' | 'refuse'; reason?: string | null }) {
    const [r] = await db.query<{ kind: string; status: string }>(`SELECT kind, status FROM access_requests WHERE id = $1`, [requestId]);
    if (!r || r.kind !== 'access') throw READING_ERRORS.requestNotFound();
    if (r.status !== 'submitted' && r.status !== 'needs_info') throw E.accessRequestNotPending();
    if (d.decision === 'refuse' && !d.reason?.trim()) throw READING_ERRORS.reasonRequired();
    await s.approvals.decide(actor, requestId, { decision: d.decision, reason: d.reason ?? null });
    const [after] = await db.query<{ status: string; level: string | null }>(`SELECT status, approval_level AS level FROM access_requests WHERE id = $1`, [requestId]);
    return { id: requestId, status: after!.status, approvalLevel: after!.level };
  }

  return { fileState, pageState, request, pending, decide };
}

export type RestrictedService = ReturnType<typeof createRestrictedService>;

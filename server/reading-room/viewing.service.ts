/**
 * Viewer windows: an approved read request for a digitised file opens it in the viewer for READING_VIEW_WINDOW_DAYS,
 * as an access grant with that expiry (visibleSql reads grants, so every channel opens and closes with it). Downloads
 * by a researcher are watermarked copies of the access derivative, stamped with the reader, the request and the day.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import { ERRORS } from '../core/errors.js';
import { CIRCULATION_ERRORS as E } from '../core/errors-circulation.js';
import { dayToIso, isoToDay, vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { visibleSql } from '../access/visibility.js';
import { Download } from '../core/download.js';
import { filePages, watermarkedPage, watermarkedPdf, type PageImageRef, type WatermarkText } from './watermark.js';

export interface ViewingWindowRow {
  id: number; requestId: number; lineId: number; userId: number; recordFileId: number; opensOn: string; expiresOn: string; active: boolean;
}

const WINDOW_SELECT = `SELECT id, request_id AS "requestId", request_line_id AS "lineId", user_id AS "userId", record_file_id AS "recordFileId",
  to_char(opens_on, 'YYYY-MM-DD') AS "opensOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", (expires_on >= $1::date) AS active FROM viewing_windows`;

export function createViewingService(deps: Deps) {
  const { db } = deps;
  const today = () => vnToday(deps.clock);

  async function open(actor: Actor, lineId: number): Promise<ViewingWindowRow> {
    return db.transaction(async (tx) => {
      const [l] = await tx.query<{ requestId: number; kind: string; status: string; serveAs: string; fileId: number; userId: number | null; pages: number }>(
        `SELECT r.id AS "requestId", r.kind, r.status, l.serve_as AS "serveAs", l.record_file_id AS "fileId", rd.user_id AS "userId",
                (SELECT count(*)::int FROM pages p WHERE p.record_file_id = l.record_file_id) AS pages
           FROM access_request_lines l JOIN access_requests r ON r.id = l.request_id JOIN readers rd ON rd.id = r.reader_id
          WHERE l.id = $1 FOR UPDATE OF r`,
        [lineId],
      );
      if (!l) throw E.requestLineNotFound();
      if (l.kind !== 'read' && l.kind !== 'access') throw E.requestKindMismatch('read');
      if (l.status !== 'approved' && l.status !== 'served') throw E.requestNotApproved(l.status);
      if (l.kind === 'read' && l.serveAs !== 'digital') throw E.lineNotDigital();
      if (l.pages === 0) throw E.fileNotDigitised();
      if (!l.userId) throw E.readerHasNoAccount();
      // A secret file opens for no reader, whatever a slip says (only declassification opens it).
      const [secret] = await tx.query(`SELECT 1 FROM record_files WHERE id = $1 AND secrecy IS NOT NULL AND (declassified_year IS NULL OR declassified_year > $2)`, [l.fileId, yearOf(today())]);
      if (secret) throw ERRORS.grantSecretFile();
      const id = await openWindow(tx, actor, { lineId, requestId: l.requestId, userId: l.userId, fileId: l.fileId });
      const [row] = await tx.query<ViewingWindowRow>(`${WINDOW_SELECT} WHERE id = $2`, [today(), id]);
      await recordEvent(tx, actor, { entityType: 'viewing_window', entityId: id, action: 'viewing_window.opened', after: row });
      return row!;
    });
  }

  /**
   * Grants the file until today + READING_VIEW_WINDOW_DAYS; an existing grant is extended, never shortened (a grant
   * without expiry stays without). Joins the caller's transaction. Used by the access-request decision too.
   */
  async function openWindow(tx: Queryable, actor: Actor, w: { lineId: number; requestId: number; userId: number; fileId: number }) {
    const day = today();
    const until = dayToIso(isoToDay(day) + deps.config.READING_VIEW_WINDOW_DAYS);
    await tx.query(
      `INSERT INTO access_grants (user_id, record_file_id, granted_by, expires_on, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, record_file_id) DO UPDATE
         SET expires_on = CASE WHEN access_grants.expires_on IS NULL THEN NULL ELSE GREATEST(access_grants.expires_on, EXCLUDED.expires_on) END`,
      [w.userId, w.fileId, actor.id, until, `Cửa sổ xem theo phiếu yêu cầu #${w.requestId}`],
    );
    const [r] = await tx.query<{ id: number }>(
      `INSERT INTO viewing_windows (request_line_id, request_id, user_id, record_file_id, opens_on, expires_on, opened_by, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (request_line_id) DO UPDATE SET expires_on = GREATEST(viewing_windows.expires_on, EXCLUDED.expires_on)
       RETURNING id`,
      [w.lineId, w.requestId, w.userId, w.fileId, day, until, actor.id, deps.clock()],
    );
    return r!.id;
  }

  /**
   * The researcher's live window on this file, with what the watermark says; null when none is open. A window is
   * one staff opened (viewing_windows), or an approved read/access slip naming the file, for READING_VIEW_WINDOW_DAYS
   * from its decision (rr-core's approval grants restricted files for the same days).
   */
  async function stamp(actor: Actor, fileId: number): Promise<WatermarkText | null> {
    const [w] = await db.query<{ readerName: string; requestNo: number; requestYear: number }>(
      `SELECT rd.full_name AS "readerName", r.request_no AS "requestNo", r.request_year AS "requestYear"
         FROM access_requests r JOIN access_request_lines l ON l.request_id = r.id JOIN readers rd ON rd.id = r.reader_id
        WHERE rd.user_id = $1 AND l.record_file_id = $2 AND r.kind IN ('read', 'access') AND r.status IN ('approved', 'served', 'closed')
          AND (EXISTS (SELECT 1 FROM viewing_windows v WHERE v.request_line_id = l.id AND v.expires_on >= $3::date)
               OR (r.decided_at IS NOT NULL AND ((r.decided_at AT TIME ZONE 'UTC') + interval '7 hours')::date + $4::int >= $3::date))
        ORDER BY r.decided_at DESC NULLS LAST, r.id DESC LIMIT 1`,
      [actor.id, fileId, today(), deps.config.READING_VIEW_WINDOW_DAYS],
    );
    if (!w) return null;
    return { readerName: w.readerName, requestLabel: `${w.requestNo}/${w.requestYear}`, day: today(), centre: deps.config.CENTRE_NAME };
  }

  /** A page the researcher may see (else exactly "not found", as for a missing page), then their live window. */
  async function pageFor(scope: Scope, pageId: number) {
    const params: unknown[] = [pageId];
    const vis = visibleSql(scope, params, 'f', 'd');
    const [p] = await db.query<{ id: number; seq: number; accessKey: string | null; fileId: number }>(
      `SELECT p.id, p.seq, p.access_key AS "accessKey", p.record_file_id AS "fileId"
         FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
        WHERE p.id = $1 AND ${vis}`,
      params,
    );
    if (!p) throw ERRORS.notFound('trang');
    return p;
  }

  async function downloadPage(actor: Actor, scope: Scope, pageId: number): Promise<Download> {
    const p = await pageFor(scope, pageId);
    const w = await stamp(actor, p.fileId);
    if (!w) throw E.viewWindowRequired();
    const body = await watermarkedPage(deps.blobs, p, w);
    return Download.attachment(`trang-${p.id}.jpg`, 'image/jpeg', body);
  }

  /** The pages of a file a researcher may take away now (live window, visible pages), and what they are stamped with. */
  async function readerCopy(actor: Actor, scope: Scope, fileId: number, from?: number, to?: number): Promise<{ stamp: WatermarkText; pages: PageImageRef[] }> {
    const params: unknown[] = [fileId];
    const vis = visibleSql(scope, params, 'f');
    const [f] = await db.query<{ id: number }>(`SELECT f.id FROM record_files f WHERE f.id = $1 AND ${vis}`, params);
    if (!f) throw ERRORS.notFound('hồ sơ');
    const w = await stamp(actor, fileId);
    if (!w) throw E.viewWindowRequired();
    // Pages inside a hidden document stay out of the copy, as they stay out of the viewer.
    const pParams: unknown[] = [fileId, from ?? null, to ?? null];
    const pVis = visibleSql(scope, pParams, 'f', 'd');
    const visible = new Set((await db.query<{ id: number }>(
      `SELECT p.id FROM pages p JOIN record_files f ON f.id = p.record_file_id LEFT JOIN documents d ON d.id = p.document_id
        WHERE p.record_file_id = $1 AND ($2::int IS NULL OR p.seq >= $2) AND ($3::int IS NULL OR p.seq <= $3) AND ${pVis}`, pParams)).map((r) => r.id));
    const pages = (await filePages(db, fileId, from, to)).filter((p) => visible.has(p.id));
    if (pages.length === 0) throw ERRORS.notFound('trang');
    return { stamp: w, pages };
  }

  async function downloadFile(actor: Actor, scope: Scope, fileId: number, from?: number, to?: number): Promise<Download> {
    const { stamp: w, pages } = await readerCopy(actor, scope, fileId, from, to);
    const body = await watermarkedPdf(deps.blobs, pages, w, `Bản sao hồ sơ #${fileId}`);
    return Download.attachment(`ho-so-${fileId}.pdf`, 'application/pdf', body);
  }

  return {
    open,
    openWindow,
    downloadPage,
    downloadFile,
    readerCopy,
    async windows(f: { userId?: number; requestId?: number }) {
      const params: unknown[] = [today()];
      const w: string[] = [];
      if (f.userId) { params.push(f.userId); w.push(`user_id = $${params.length}`); }
      if (f.requestId) { params.push(f.requestId); w.push(`request_id = $${params.length}`); }
      return { items: await db.query<ViewingWindowRow>(`${WINDOW_SELECT} ${w.length ? `WHERE ${w.join(' AND ')}` : ''} ORDER BY id DESC LIMIT 1000`, params) };
    },
  };
}

export type ViewingService = ReturnType<typeof createViewingService>;

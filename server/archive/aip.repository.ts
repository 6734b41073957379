/** SQL of the digital archive: AIP exports (the job's durable state), PREMIS events, and what a package is built from. */
import { one, type Queryable } from '../db/db.js';
import { publicSql } from '../interop/records/interop.repository.js';
import type { ExportFileRow } from '../interop/records/interop.repository.js';

export interface AipExportRow {
  id: number; scope: 'file' | 'fonds'; recordFileId: number | null; fondsId: number | null; packageId: string;
  status: 'queued' | 'running' | 'done' | 'failed'; progressDone: number; progressTotal: number; stage: string | null;
  attempts: number; objectKey: string | null; sizeBytes: number | null; sha256: string | null;
  lockMode: 'object-lock' | 'read-only-fs' | 'none' | null; lockedUntil: Date | null; lockDetail: string | null;
  pdfaChecked: number; pdfaPassed: number; fixityStatus: string; fixityCheckedAt: Date | null; error: string | null;
  createdAt: Date; finishedAt: Date | null;
}

const EXPORT_COLS = `id, scope, record_file_id AS "recordFileId", fonds_id AS "fondsId", package_id AS "packageId", status,
  progress_done AS "progressDone", progress_total AS "progressTotal", stage, attempts, object_key AS "objectKey",
  size_bytes::double precision AS "sizeBytes", sha256, lock_mode AS "lockMode", locked_until AS "lockedUntil", lock_detail AS "lockDetail",
  pdfa_checked AS "pdfaChecked", pdfa_passed AS "pdfaPassed", fixity_status AS "fixityStatus", fixity_checked_at AS "fixityCheckedAt",
  error, created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function insertExport(db: Queryable, e: { scope: 'file' | 'fonds'; fileId: number | null; fondsId: number | null; packageId: string; userId: number | null; at: Date }) {
  return (await one<AipExportRow>(db,
    `INSERT INTO aip_exports (scope, record_file_id, fonds_id, package_id, requested_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${EXPORT_COLS}`,
    [e.scope, e.fileId, e.fondsId, e.packageId, e.userId, e.at.toISOString()]))!;
}

export const getExport = (db: Queryable, id: number) => one<AipExportRow>(db, `SELECT ${EXPORT_COLS} FROM aip_exports WHERE id = $1`, [id]);

export function listExports(db: Queryable, f: { fileId?: number; fondsId?: number }) {
  return db.query<AipExportRow>(
    `SELECT ${EXPORT_COLS} FROM aip_exports WHERE ($1::int IS NULL OR record_file_id = $1) AND ($2::int IS NULL OR fonds_id = $2) ORDER BY id DESC LIMIT 50`,
    [f.fileId ?? null, f.fondsId ?? null]);
}

export async function markRunning(db: Queryable, id: number, total: number) {
  await db.query(`UPDATE aip_exports SET status = 'running', attempts = attempts + 1, progress_done = 0, progress_total = $2, error = NULL, stage = 'Bắt đầu' WHERE id = $1`, [id, total]);
}

export async function setProgress(db: Queryable, id: number, done: number, stage: string) {
  await db.query(`UPDATE aip_exports SET progress_done = $2, stage = $3 WHERE id = $1 AND status = 'running'`, [id, done, stage]);
}

export async function markDone(db: Queryable, id: number, s: { key: string; size: number; sha256: string; lockMode: string; lockedUntil: Date | null; lockDetail: string; pdfaChecked: number; pdfaPassed: number; at: Date }) {
  await db.query(
    `UPDATE aip_exports SET status = 'done', object_key = $2, size_bytes = $3, sha256 = $4, lock_mode = $5, locked_until = $6, lock_detail = $7,
            pdfa_checked = $8, pdfa_passed = $9, progress_done = progress_total, stage = 'Hoàn tất', finished_at = $10 WHERE id = $1`,
    [id, s.key, s.size, s.sha256, s.lockMode, s.lockedUntil?.toISOString() ?? null, s.lockDetail, s.pdfaChecked, s.pdfaPassed, s.at.toISOString()]);
}

export async function markFailed(db: Queryable, id: number, error: string, at: Date) {
  await db.query(`UPDATE aip_exports SET status = 'failed', error = $2, stage = 'Thất bại', finished_at = $3 WHERE id = $1`, [id, error.slice(0, 2000), at.toISOString()]);
}

/** Exports a crash or restart left behind (queued or running): the resume sweep sends their job again. */
export const unfinishedExports = (db: Queryable) =>
  db.query<{ id: number }>(`SELECT id FROM aip_exports WHERE status IN ('queued', 'running') ORDER BY id`);

export const doneExports = (db: Queryable) =>
  db.query<{ id: number; objectKey: string; sha256: string; sizeBytes: number; fixityStatus: string }>(
    `SELECT id, object_key AS "objectKey", sha256, size_bytes::double precision AS "sizeBytes", fixity_status AS "fixityStatus" FROM aip_exports WHERE status = 'done' ORDER BY id`);

export async function setAipFixity(db: Queryable, id: number, status: string, at: Date) {
  await db.query(`UPDATE aip_exports SET fixity_status = $2, fixity_checked_at = $3 WHERE id = $1`, [id, status, at.toISOString()]);
}

export interface PremisEventRow {
  uuid: string; type: string; at: Date; fileId: number | null; aipId: number | null; objectName: string; sha256: string | null;
  outcome: 'pass' | 'fail'; detail: string; agent: string; data: unknown;
}

export async function insertPremisEvent(db: Queryable, e: PremisEventRow) {
  await db.query(
    `INSERT INTO premis_events (event_uuid, event_type, at, record_file_id, aip_export_id, object_name, object_sha256, outcome, detail, agent, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [e.uuid, e.type, e.at.toISOString(), e.fileId, e.aipId, e.objectName, e.sha256, e.outcome, e.detail, e.agent, e.data == null ? null : JSON.stringify(e.data)]);
}

export const premisEventsOfAip = (db: Queryable, aipId: number) =>
  db.query<PremisEventRow>(
    `SELECT event_uuid::text AS uuid, event_type AS type, at, record_file_id AS "fileId", aip_export_id AS "aipId", object_name AS "objectName",
            object_sha256 AS sha256, outcome, detail, agent, data FROM premis_events WHERE aip_export_id = $1 ORDER BY at, id`, [aipId]);

export type ArchiveFileRow = ExportFileRow & { secrecy: string | null; pages: number };

/** A file as the package describes it (staff-only export: restricted and secret files included, flagged). */
export function archiveFile(db: Queryable, id: number, year: number) {
  return one<ArchiveFileRow>(db,
    `SELECT f.id, f.handover_id AS "handoverId", f.file_notation AS "fileNotation", f.file_code AS "fileCode", f.title,
            f.start_date::text AS "startDate", f.end_date::text AS "endDate", f.date_text AS "dateText", f.sheets, f.retention,
            f.access_level AS "accessLevel", ${publicSql('f', '$2')} AS "isPublic", true AS digitised, f.fonds_id AS "fondsId",
            f.agency_id AS "agencyId", a.name AS "agencyName", fo.name AS "fondsName", fo.code AS "fondsCode", f.changed_at AS "changedAt",
            f.box_no AS "boxNo", f.secrecy, (SELECT count(*)::int FROM pages p WHERE p.record_file_id = f.id) AS pages
       FROM record_files f JOIN source_agencies a ON a.id = f.agency_id LEFT JOIN fonds fo ON fo.id = f.fonds_id WHERE f.id = $1`, [id, year]);
}

export const fondsDigitisedFiles = (db: Queryable, fondsId: number) =>
  db.query<{ id: number }>(`SELECT f.id FROM record_files f WHERE f.fonds_id = $1 AND EXISTS (SELECT 1 FROM pages p WHERE p.record_file_id = f.id) ORDER BY f.row_no NULLS LAST, f.id`, [fondsId]);

export interface AipPageRow {
  id: number; seq: number; documentId: number | null; dpi: number | null; accessKey: string | null; derivativesStatus: string; ocrStatus: string; ocrEngine: string | null;
  ocrDoneAt: Date | null; createdAt: Date; masterId: number; masterKey: string; masterSha256: string; masterSize: number; masterFormat: string;
  masterName: string; masterCreatedAt: Date; masterPage: number;
}

export const filePages = (db: Queryable, fileId: number) =>
  db.query<AipPageRow>(
    `SELECT p.id, p.seq, p.document_id AS "documentId", p.dpi::double precision AS dpi, p.access_key AS "accessKey", p.derivatives_status AS "derivativesStatus", p.ocr_status AS "ocrStatus",
            p.ocr_engine AS "ocrEngine", p.ocr_done_at AS "ocrDoneAt", p.created_at AS "createdAt", m.id AS "masterId", m.object_key AS "masterKey",
            m.sha256 AS "masterSha256", m.size_bytes::double precision AS "masterSize", m.format AS "masterFormat", m.original_name AS "masterName",
            m.created_at AS "masterCreatedAt", p.master_page AS "masterPage"
       FROM pages p JOIN masters m ON m.id = p.master_id WHERE p.record_file_id = $1 ORDER BY p.seq`, [fileId]);

/** Capture (master.stored), OCR (page.ocr_done) and master fixity (fixity.checked) events from the audit log. */
export const auditEventsFor = (db: Queryable, masterIds: number[], pageIds: number[]) =>
  db.query<{ id: number; at: Date; actorName: string | null; entityType: string; entityId: string; action: string; data: Record<string, unknown> | null }>(
    `SELECT id, at, actor_name AS "actorName", entity_type AS "entityType", entity_id AS "entityId", action, data FROM events
      WHERE (entity_type = 'master' AND entity_id = ANY($1::text[]) AND action IN ('master.stored', 'fixity.checked'))
         OR (entity_type = 'page' AND entity_id = ANY($2::text[]) AND action = 'page.ocr_done')
      ORDER BY at, id`, [masterIds.map(String), pageIds.map(String)]);

/** A file's page count, or undefined when there is no such file. */
export const filePageCount = (db: Queryable, fileId: number) =>
  one<{ id: number; pages: number }>(db, `SELECT f.id, (SELECT count(*)::int FROM pages p WHERE p.record_file_id = f.id) AS pages FROM record_files f WHERE f.id = $1`, [fileId]);

export const fondsExists = async (db: Queryable, fondsId: number) => Boolean(await one(db, `SELECT 1 FROM fonds WHERE id = $1`, [fondsId]));

export const documentOf = (db: Queryable, documentId: number) =>
  one<{ id: number; fileId: number; ordinal: number; subject: string; code: string | null }>(db,
    `SELECT id, record_file_id AS "fileId", doc_ordinal AS ordinal, subject, doc_code AS code FROM documents WHERE id = $1`, [documentId]);

export interface AipDocumentRow { id: number; ordinal: number; subject: string; code: string | null }

export const fileDocuments = (db: Queryable, fileId: number) =>
  db.query<AipDocumentRow>(`SELECT id, doc_ordinal AS ordinal, subject, doc_code AS code FROM documents WHERE record_file_id = $1 ORDER BY doc_ordinal, id`, [fileId]);

/**
 * Page reads for every viewing channel. Each query that can reach a non-staff user carries visibleSql, so an
 * invisible page and a missing page look the same (404) on thumbnails, tiles, manifests, exports and presigned URLs.
 */
import type { Queryable } from '../db/db.js';
import { one } from '../db/db.js';
import type { Scope } from '../core/scope.js';
import { visibleSql } from '../access/visibility.js';
import type { OcrLine, OcrPageResult, OcrTable, OcrWord } from '../../ocr/engine/types.js';

export interface PageRow {
  id: number;
  recordFileId: number;
  documentId: number | null;
  batchId: number;
  masterId: number;
  masterPage: number;
  seq: number;
  width: number;
  height: number;
  dpi: number | null;
  colourMode: string;
  bitDepth: number;
  derivativesStatus: 'pending' | 'done' | 'failed';
  accessKey: string | null;
  thumbKey: string | null;
  pyramidKey: string | null;
  ocrStatus: 'queued' | 'running' | 'done' | 'failed';
  ocrConfidence: number | null;
  ocrEngine: string | null;
  ocrAttempts: number;
  ocrError: string | null;
  ocrDoneAt: string | null;
  masterKey: string;
  masterFormat: string;
  masterSha256: string;
  fixityStatus: 'unchecked' | 'ok' | 'corrupt' | 'missing';
  fileNotation: string;
  fileTitle: string;
}

const PAGE_COLS = `p.id, p.record_file_id AS "recordFileId", p.document_id AS "documentId", p.batch_id AS "batchId", p.master_id AS "masterId",
  p.master_page AS "masterPage", p.seq, p.width, p.height, p.dpi, p.colour_mode AS "colourMode", p.bit_depth AS "bitDepth",
  p.derivatives_status AS "derivativesStatus", p.access_key AS "accessKey", p.thumb_key AS "thumbKey", p.pyramid_key AS "pyramidKey",
  p.ocr_status AS "ocrStatus", p.ocr_confidence AS "ocrConfidence", p.ocr_engine AS "ocrEngine", p.ocr_attempts AS "ocrAttempts",
  p.ocr_error AS "ocrError", p.ocr_done_at AS "ocrDoneAt",
  m.object_key AS "masterKey", m.format AS "masterFormat", m.sha256 AS "masterSha256", m.fixity_status AS "fixityStatus",
  f.file_notation AS "fileNotation", f.title AS "fileTitle"`;

const PAGE_FROM = `pages p JOIN masters m ON m.id = p.master_id JOIN record_files f ON f.id = p.record_file_id
  LEFT JOIN documents d ON d.id = p.document_id`;

export async function visiblePage(db: Queryable, scope: Scope, pageId: number): Promise<PageRow | undefined> {
  const params: unknown[] = [pageId];
  const vis = visibleSql(scope, params, 'f', 'd');
  return one<PageRow>(db, `SELECT ${PAGE_COLS} FROM ${PAGE_FROM} WHERE p.id = $1 AND ${vis}`, params);
}

export async function visibleFilePages(db: Queryable, scope: Scope, fileId: number): Promise<PageRow[]> {
  const params: unknown[] = [fileId];
  const vis = visibleSql(scope, params, 'f', 'd');
  return db.query<PageRow>(`SELECT ${PAGE_COLS} FROM ${PAGE_FROM} WHERE p.record_file_id = $1 AND ${vis} ORDER BY p.seq`, params);
}

export interface FileHead {
  id: number;
  fileNotation: string;
  fileCode: string | null;
  title: string;
  fondsId: number | null;
  accessLevel: string;
  secrecy: string | null;
}

/** The file itself, only if the actor may see it (documents aside). */
export async function visibleFile(db: Queryable, scope: Scope, fileId: number): Promise<FileHead | undefined> {
  const params: unknown[] = [fileId];
  const vis = visibleSql(scope, params, 'f', null);
  return one<FileHead>(
    db,
    `SELECT f.id, f.file_notation AS "fileNotation", f.file_code AS "fileCode", f.title, f.fonds_id AS "fondsId",
            f.access_level AS "accessLevel", f.secrecy FROM record_files f WHERE f.id = $1 AND ${vis}`,
    params,
  );
}

/** Stored OCR results of pages, as the engine returned them (for the exports). */
export async function pagesOcr(db: Queryable, pageIds: number[]): Promise<Map<number, OcrPageResult & { doneAt: string | Date | null }>> {
  const rows = await db.query<{ id: number; text: string | null; confidence: number | null; words: OcrWord[] | null; lines: OcrLine[] | null; engine: string | null; width: number; height: number; doneAt: string | Date | null; tables: OcrTable[] | null }>(
    `SELECT id, ocr_text AS text, ocr_confidence AS confidence, ocr_words AS words, ocr_lines AS lines, ocr_engine AS engine, width, height, ocr_tables AS tables,
            ocr_done_at AS "doneAt" FROM pages WHERE id = ANY($1::int[]) AND ocr_status = 'done'`,
    [pageIds],
  );
  return new Map(rows.map((r) => [r.id, {
    text: r.text ?? '', confidence: r.confidence ?? 0, words: r.words ?? [], lines: r.lines ?? [], engine: r.engine ?? '',
    width: r.width, height: r.height, doneAt: r.doneAt, ...(r.tables ? { tables: r.tables } : {}),
  }]));
}

/** Only if the page still shows the master the derivatives were made from (a replaced page waits for its own job). */
export async function setDerivatives(db: Queryable, pageId: number, masterId: number, keys: { access: string; thumb: string; pyramid: string }) {
  await db.query(
    `UPDATE pages SET access_key = $2, thumb_key = $3, pyramid_key = $4, derivatives_status = 'done' WHERE id = $1 AND master_id = $5`,
    [pageId, keys.access, keys.thumb, keys.pyramid, masterId],
  );
}

export async function setDerivativesFailed(db: Queryable, pageId: number, masterId: number) {
  await db.query(`UPDATE pages SET derivatives_status = 'failed' WHERE id = $1 AND master_id = $2 AND derivatives_status <> 'done'`, [pageId, masterId]);
}

/** Marks running only for the attempt the job was sent for; false = stale or already done. */
export async function markOcrRunning(db: Queryable, pageId: number, attempt: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE pages SET ocr_status = 'running', ocr_error = NULL WHERE id = $1 AND ocr_attempts = $2 AND ocr_status <> 'done' RETURNING id`,
    [pageId, attempt],
  );
  return rows.length === 1;
}

/** Writes the result once per attempt; returns false when another run already did. */
export async function saveOcr(
  db: Queryable,
  pageId: number,
  attempt: number,
  r: { text: string; confidence: number; words: OcrWord[]; lines: OcrLine[]; engine: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE pages SET ocr_text = $3, ocr_confidence = $4, ocr_words = $5::jsonb, ocr_lines = $6::jsonb, ocr_engine = $7, ocr_status = 'done',
            ocr_error = NULL, ocr_done_at = now()
      WHERE id = $1 AND ocr_attempts = $2 AND ocr_status <> 'done' RETURNING id`,
    [pageId, attempt, r.text, r.confidence, JSON.stringify(r.words), JSON.stringify(r.lines), r.engine],
  );
  return rows.length === 1;
}

export async function markOcrFailed(db: Queryable, pageId: number, attempt: number, error: string) {
  await db.query(
    `UPDATE pages SET ocr_status = 'failed', ocr_error = $3 WHERE id = $1 AND ocr_attempts = $2 AND ocr_status <> 'done'`,
    [pageId, attempt, error.slice(0, 1000)],
  );
}

/** Re-OCR: a new attempt number makes any job still queued for the old one a no-op. */
export async function resetOcr(db: Queryable, pageIds: number[]): Promise<{ id: number; attempt: number }[]> {
  return db.query<{ id: number; attempt: number }>(
    `UPDATE pages SET ocr_status = 'queued', ocr_attempts = ocr_attempts + 1, ocr_error = NULL
      WHERE id = ANY($1::int[]) RETURNING id, ocr_attempts AS attempt`,
    [pageIds],
  );
}

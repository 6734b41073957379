/** SQL for staff edits of a file's pages: order, replacement of a page's master, deletion. Callers hold the file lock. */
import type { Queryable } from '../db/db.js';
import type { NewPage } from './batches.repository.js';

/** The file's page ids in page order. */
export async function pageIdsInOrder(db: Queryable, fileId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`SELECT id FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
  return rows.map((r) => r.id);
}

/** Numbers the file's pages 1..n in the given order (one statement; the constraint is checked at its end). */
export async function setOrder(db: Queryable, fileId: number, pageIds: number[]): Promise<void> {
  await db.query(
    `UPDATE pages SET seq = x.ord FROM unnest($2::int[]) WITH ORDINALITY AS x(id, ord)
      WHERE pages.id = x.id AND pages.record_file_id = $1 AND pages.seq <> x.ord`,
    [fileId, pageIds],
  );
}

/** Closes the gaps a deletion left: 1..n in the current order. */
export async function renumber(db: Queryable, fileId: number): Promise<void> {
  await db.query(
    `UPDATE pages SET seq = r.n FROM (SELECT id, row_number() OVER (ORDER BY seq)::int AS n FROM pages WHERE record_file_id = $1) r
      WHERE pages.id = r.id AND pages.seq <> r.n`,
    [fileId],
  );
}

export interface LockedPage {
  id: number;
  recordFileId: number;
  batchId: number;
  masterId: number;
  seq: number;
  accessKey: string | null;
  thumbKey: string | null;
  pyramidKey: string | null;
}

const LOCKED_COLS = `id, record_file_id AS "recordFileId", batch_id AS "batchId", master_id AS "masterId", seq,
  access_key AS "accessKey", thumb_key AS "thumbKey", pyramid_key AS "pyramidKey"`;

export async function lockPage(db: Queryable, pageId: number): Promise<LockedPage | undefined> {
  const [p] = await db.query<LockedPage>(`SELECT ${LOCKED_COLS} FROM pages WHERE id = $1 FOR UPDATE`, [pageId]);
  return p;
}

export async function deletePage(db: Queryable, pageId: number): Promise<void> {
  await db.query(`DELETE FROM pages WHERE id = $1`, [pageId]);
}

/** Deletes the master row once no page uses it; returns its object key (to delete after commit) or null. */
export async function deleteMasterIfUnused(db: Queryable, masterId: number): Promise<{ objectKey: string; sha256: string } | null> {
  const [m] = await db.query<{ objectKey: string; sha256: string }>(
    `DELETE FROM masters m WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.master_id = m.id)
     RETURNING object_key AS "objectKey", sha256`,
    [masterId],
  );
  return m ?? null;
}

/**
 * Points the page at its new master and starts over: derivatives pending (the old keys stay until the job rewrites
 * them, so the orphan sweep never races the job), OCR cleared (so search forgets the old text at once) and a new
 * attempt number (so an OCR job still running on the old image writes nothing).
 */
export async function pointAtMaster(db: Queryable, pageId: number, masterId: number, g: NewPage): Promise<number> {
  const [r] = await db.query<{ attempt: number }>(
    `UPDATE pages SET master_id = $2, master_page = $3, width = $4, height = $5, dpi = $6, colour_mode = $7, bit_depth = $8,
            derivatives_status = 'pending', ocr_status = 'queued', ocr_attempts = ocr_attempts + 1, ocr_text = NULL,
            ocr_confidence = NULL, ocr_words = NULL, ocr_lines = NULL, ocr_engine = NULL, ocr_error = NULL, ocr_done_at = NULL
      WHERE id = $1 RETURNING ocr_attempts AS attempt`,
    [pageId, masterId, g.masterPage, g.width, g.height, g.dpi, g.colourMode, g.bitDepth],
  );
  return r.attempt;
}

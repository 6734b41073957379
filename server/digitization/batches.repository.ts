/** SQL for batches, masters and pages. Plain objects out; callers pass the transaction they run in. */
import type { Queryable } from '../db/db.js';
import { one } from '../db/db.js';
import type { ColourMode, ImageFormat } from '../../ocr/image/types.js';

export interface BatchRow {
  id: number;
  fondsId: number;
  recordFileId: number;
  documentId: number | null;
  label: string | null;
  createdBy: number | null;
  createdAt: string;
  fileNotation: string;
  fileTitle: string;
}

export interface FileTarget {
  id: number;
  fondsId: number | null;
  agencyId: number;
  fileNotation: string;
  title: string;
}

/** The file a batch targets, with its fonds: the file's own, else its handover's, else its agency's (first) fonds. */
export async function fileTarget(db: Queryable, fileId: number): Promise<FileTarget | undefined> {
  return one<FileTarget>(
    db,
    `SELECT f.id, COALESCE(f.fonds_id, h.fonds_id, (SELECT af.id FROM fonds af WHERE af.agency_id = f.agency_id ORDER BY af.id LIMIT 1)) AS "fondsId", f.agency_id AS "agencyId", f.file_notation AS "fileNotation", f.title
       FROM record_files f LEFT JOIN handovers h ON h.id = f.handover_id WHERE f.id = $1`,
    [fileId],
  );
}

const BATCH_COLS = `b.id, b.fonds_id AS "fondsId", b.record_file_id AS "recordFileId", b.document_id AS "documentId", b.label,
  b.created_by AS "createdBy", b.created_at AS "createdAt", f.file_notation AS "fileNotation", f.title AS "fileTitle"`;

export async function insertBatch(
  db: Queryable,
  b: { fondsId: number; recordFileId: number; documentId: number | null; label: string | null; createdBy: number | null },
): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO digitization_batches (fonds_id, record_file_id, document_id, label, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [b.fondsId, b.recordFileId, b.documentId, b.label, b.createdBy],
  );
  return r.id;
}

export async function getBatch(db: Queryable, id: number): Promise<BatchRow | undefined> {
  return one<BatchRow>(db, `SELECT ${BATCH_COLS} FROM digitization_batches b JOIN record_files f ON f.id = b.record_file_id WHERE b.id = $1`, [id]);
}

export async function listBatches(db: Queryable, f: { recordFileId?: number; limit: number; offset: number }) {
  return db.query<BatchRow & { pages: number; masters: number; ocrDone: number; derivativesDone: number }>(
    `SELECT ${BATCH_COLS},
            (SELECT count(*)::int FROM masters m WHERE m.batch_id = b.id) AS masters,
            (SELECT count(*)::int FROM pages p WHERE p.batch_id = b.id) AS pages,
            (SELECT count(*)::int FROM pages p WHERE p.batch_id = b.id AND p.ocr_status = 'done') AS "ocrDone",
            (SELECT count(*)::int FROM pages p WHERE p.batch_id = b.id AND p.derivatives_status = 'done') AS "derivativesDone"
       FROM digitization_batches b JOIN record_files f ON f.id = b.record_file_id
      WHERE ($1::int IS NULL OR b.record_file_id = $1)
      ORDER BY b.id DESC LIMIT $2 OFFSET $3`,
    [f.recordFileId ?? null, f.limit, f.offset],
  );
}

export async function documentInFile(db: Queryable, documentId: number, fileId: number): Promise<boolean> {
  return !!(await one(db, `SELECT 1 FROM documents WHERE id = $1 AND record_file_id = $2`, [documentId, fileId]));
}

export async function findMaster(db: Queryable, fileId: number, sha256: string) {
  return one<{ id: number; batchId: number }>(db, `SELECT id, batch_id AS "batchId" FROM masters WHERE record_file_id = $1 AND sha256 = $2`, [fileId, sha256]);
}

/** Serialises ingests into one file, so page numbers (seq) are assigned without gaps or clashes. */
export async function lockFile(db: Queryable, fileId: number): Promise<void> {
  await db.query(`SELECT id FROM record_files WHERE id = $1 FOR UPDATE`, [fileId]);
}

export interface NewMaster {
  batchId: number;
  recordFileId: number;
  objectKey: string;
  originalName: string;
  sha256: string;
  sizeBytes: number;
  format: ImageFormat;
  pageCount: number;
  uploadedBy: number | null;
  /** The selection the master was uploaded in, and its place there (null: order by name). */
  uploadGroup: string;
  uploadPosition: number | null;
}

export async function insertMaster(db: Queryable, m: NewMaster): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO masters (batch_id, record_file_id, object_key, original_name, sha256, size_bytes, format, page_count, uploaded_by, upload_group, upload_position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [m.batchId, m.recordFileId, m.objectKey, m.originalName, m.sha256, m.sizeBytes, m.format, m.pageCount, m.uploadedBy, m.uploadGroup, m.uploadPosition],
  );
  return r.id;
}

export interface NewPage {
  masterPage: number;
  width: number;
  height: number;
  dpi: number | null;
  colourMode: ColourMode;
  bitDepth: number;
}

/** The file's highest page number (0 without pages). */
export async function lastSeq(db: Queryable, fileId: number): Promise<number> {
  const [{ last }] = await db.query<{ last: number }>(`SELECT COALESCE(max(seq), 0)::int AS last FROM pages WHERE record_file_id = $1`, [fileId]);
  return last;
}

/** The other masters of the file uploaded in the same selection, with where their pages sit now. */
export async function selectionMates(db: Queryable, fileId: number, group: string, exceptMasterId: number) {
  return db.query<{ name: string; position: number | null; firstSeq: number; lastSeq: number }>(
    `SELECT m.original_name AS name, m.upload_position AS position, min(p.seq)::int AS "firstSeq", max(p.seq)::int AS "lastSeq"
       FROM masters m JOIN pages p ON p.master_id = m.id
      WHERE m.record_file_id = $1 AND m.upload_group = $2 AND m.id <> $3
      GROUP BY m.id`,
    [fileId, group, exceptMasterId],
  );
}

/**
 * Inserts the master's pages right after page `after`, moving the later pages of the file down by as many (one
 * statement: the (file, seq) constraint is checked at its end); returns the new ids in master order.
 */
export async function insertPages(
  db: Queryable,
  p: { recordFileId: number; documentId: number | null; batchId: number; masterId: number; after: number; pages: NewPage[] },
): Promise<number[]> {
  await db.query(`UPDATE pages SET seq = seq + $3 WHERE record_file_id = $1 AND seq > $2`, [p.recordFileId, p.after, p.pages.length]);
  const rows = await db.query<{ id: number }>(
    `INSERT INTO pages (record_file_id, document_id, batch_id, master_id, master_page, seq, width, height, dpi, colour_mode, bit_depth)
     SELECT $1, $2, $3, $4, x.master_page, $5 + x.ord, x.width, x.height, x.dpi, x.colour_mode, x.bit_depth
       FROM jsonb_to_recordset($6::jsonb) AS x(master_page int, width int, height int, dpi numeric, colour_mode text, bit_depth int, ord int)
     ORDER BY x.ord
     RETURNING id`,
    [
      p.recordFileId, p.documentId, p.batchId, p.masterId, p.after,
      JSON.stringify(p.pages.map((g, i) => ({ ord: i + 1, master_page: g.masterPage, width: g.width, height: g.height, dpi: g.dpi, colour_mode: g.colourMode, bit_depth: g.bitDepth }))),
    ],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function batchCounts(db: Queryable, batchId: number) {
  const rows = await db.query<{ kind: string; status: string; n: number }>(
    `SELECT 'ocr' AS kind, ocr_status AS status, count(*)::int AS n FROM pages WHERE batch_id = $1 GROUP BY ocr_status
     UNION ALL
     SELECT 'derivatives', derivatives_status, count(*)::int FROM pages WHERE batch_id = $1 GROUP BY derivatives_status`,
    [batchId],
  );
  const ocr = { queued: 0, running: 0, done: 0, failed: 0 };
  const derivatives = { pending: 0, done: 0, failed: 0 };
  for (const r of rows) {
    if (r.kind === 'ocr') ocr[r.status as keyof typeof ocr] = r.n;
    else derivatives[r.status as keyof typeof derivatives] = r.n;
  }
  return { ocr, derivatives };
}

export async function batchMasters(db: Queryable, batchId: number) {
  return db.query<{
    id: number; originalName: string; sha256: string; sizeBytes: number; format: string; pageCount: number; fixityStatus: string;
    createdAt: string; ocrDone: number; ocrFailed: number; derivativesDone: number; pageIds: number[];
  }>(
    `SELECT m.id, m.original_name AS "originalName", m.sha256, m.size_bytes AS "sizeBytes", m.format, m.page_count AS "pageCount",
            m.fixity_status AS "fixityStatus", m.created_at AS "createdAt",
            count(p.id) FILTER (WHERE p.ocr_status = 'done')::int AS "ocrDone",
            count(p.id) FILTER (WHERE p.ocr_status = 'failed')::int AS "ocrFailed",
            count(p.id) FILTER (WHERE p.derivatives_status = 'done')::int AS "derivativesDone",
            COALESCE(array_agg(p.id ORDER BY p.master_page) FILTER (WHERE p.id IS NOT NULL), '{}') AS "pageIds"
       FROM masters m LEFT JOIN pages p ON p.master_id = m.id
      WHERE m.batch_id = $1 GROUP BY m.id ORDER BY m.id`,
    [batchId],
  );
}


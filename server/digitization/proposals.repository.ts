/** Stored metadata proposals per page (table page_proposals, migration 0058). */
import type { Queryable } from '../db/db.js';
import type { DocumentFields, DocumentStartSignals } from '../../ocr/documents/types.js';

export interface ProposalRow {
  pageId: number;
  recordFileId: number;
  seq: number;
  status: 'queued' | 'done' | 'failed';
  fields: DocumentFields | null;
  isStart: boolean | null;
  signals: DocumentStartSignals | null;
  error: string | null;
  documentId: number | null;
  correctedFields: string[] | null;
}

const COLUMNS = `pp.page_id AS "pageId", pp.record_file_id AS "recordFileId", p.seq, pp.status, pp.fields, pp.is_start AS "isStart",
  pp.signals, pp.error, pp.document_id AS "documentId", pp.corrected_fields AS "correctedFields"`;

/** Marks pages as waiting for a (new) reading; an accepted proposal keeps its document link. */
export async function queueProposals(db: Queryable, fileId: number, pageIds: number[]): Promise<void> {
  await db.query(
    `INSERT INTO page_proposals (page_id, record_file_id) SELECT unnest($2::int[]), $1
     ON CONFLICT (page_id) DO UPDATE SET status = 'queued', error = NULL, requested_at = now()`,
    [fileId, pageIds],
  );
}

export async function saveReading(db: Queryable, pageId: number, r: { fields: DocumentFields; isStart: boolean; signals: DocumentStartSignals }) {
  await db.query(
    `UPDATE page_proposals SET status = 'done', fields = $2::jsonb, is_start = $3, signals = $4::jsonb, error = NULL, done_at = now()
      WHERE page_id = $1`,
    [pageId, JSON.stringify(r.fields), r.isStart, JSON.stringify(r.signals)],
  );
}

export async function markFailed(db: Queryable, pageId: number, error: string) {
  await db.query(`UPDATE page_proposals SET status = 'failed', error = $2 WHERE page_id = $1`, [pageId, error.slice(0, 500)]);
}

export async function fileProposals(db: Queryable, fileId: number): Promise<ProposalRow[]> {
  return db.query<ProposalRow>(
    `SELECT ${COLUMNS} FROM page_proposals pp JOIN pages p ON p.id = pp.page_id
      WHERE pp.record_file_id = $1 ORDER BY p.seq`,
    [fileId],
  );
}

export async function linkDocument(db: Queryable, pageId: number, documentId: number, corrected: string[]) {
  await db.query(`UPDATE page_proposals SET document_id = $2, corrected_fields = $3::jsonb WHERE page_id = $1`, [pageId, documentId, JSON.stringify(corrected)]);
}

/** Visible pages of a file in order (ids and seq), for ranges. */
export async function filePageOrder(db: Queryable, fileId: number): Promise<{ id: number; seq: number; documentId: number | null; width: number; height: number }[]> {
  return db.query(`SELECT id, seq, document_id AS "documentId", width, height FROM pages WHERE record_file_id = $1 ORDER BY seq`, [fileId]);
}

export async function assignPages(db: Queryable, pageIds: number[], documentId: number) {
  await db.query(`UPDATE pages SET document_id = $2 WHERE id = ANY($1::int[])`, [pageIds, documentId]);
}

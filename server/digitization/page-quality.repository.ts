/** SQL for the per-page OCR quality signal (pages.quality_*, migration 0064). Plain objects out. */
import type { Queryable } from '../db/db.js';
import type { OcrTable, OcrWord } from '../../ocr/engine/types.js';
import type { PageQuality, QualityReason } from '../../ocr/page-quality.js';

/**
 * Stores a page's quality. `attempt` guards the backfill: a page re-OCR'd meanwhile is left to its own job, which
 * writes the quality of the new result in the transaction of its text.
 */
export async function saveQuality(db: Queryable, pageId: number, q: PageQuality, attempt?: number): Promise<void> {
  await db.query(
    `UPDATE pages SET quality_mean_confidence = $2, quality_low_share = $3, quality_word_count = $4, quality_suspected_table = $5,
            quality_needs_review = $6, quality_reasons = $7::text[], quality_uncovered_ink = $9
      WHERE id = $1 AND ($8::int IS NULL OR (ocr_attempts = $8 AND ocr_status = 'done' AND quality_needs_review IS NULL))`,
    [pageId, q.meanWordConfidence, q.lowConfidenceShare, q.wordCount, q.suspectedTable, q.needsReview, q.reasons, attempt ?? null, q.uncoveredInkShare],
  );
}

/** Pages of the batch with a stored OCR result but no quality yet (recognised before migration 0064). */
export async function pagesWithoutQuality(db: Queryable, batchId: number, afterId: number, limit: number) {
  return db.query<{ id: number; attempt: number; words: OcrWord[] | null; tables: OcrTable[] | null }>(
    `SELECT id, ocr_attempts AS attempt, ocr_words AS words, ocr_tables AS tables FROM pages
      WHERE batch_id = $1 AND id > $2 AND ocr_status = 'done' AND quality_needs_review IS NULL ORDER BY id LIMIT $3`,
    [batchId, afterId, limit],
  );
}

export interface PageQualityRow {
  id: number;
  seq: number;
  masterId: number;
  masterPage: number;
  ocrStatus: 'queued' | 'running' | 'done' | 'failed';
  derivativesStatus: 'pending' | 'done' | 'failed';
  meanWordConfidence: number | null;
  lowConfidenceShare: number | null;
  wordCount: number | null;
  uncoveredInkShare: number | null;
  suspectedTable: boolean | null;
  tableRead: boolean;
  needsReview: boolean | null;
  reasons: QualityReason[] | null;
}

/** The batch's pages in file order with their quality (NULL fields until OCR is done); `needsReview` filters. */
export async function batchQualityPages(db: Queryable, batchId: number, needsReview?: boolean): Promise<PageQualityRow[]> {
  // Quality belongs to the stored OCR result: a page queued again (re-OCR, new image) shows none until it is done.
  const done = (col: string) => `CASE WHEN p.ocr_status = 'done' THEN p.${col} END`;
  return db.query<PageQualityRow>(
    `SELECT p.id, p.seq, p.master_id AS "masterId", p.master_page AS "masterPage", p.ocr_status AS "ocrStatus",
            p.derivatives_status AS "derivativesStatus", ${done('quality_mean_confidence')} AS "meanWordConfidence",
            ${done('quality_low_share')} AS "lowConfidenceShare", ${done('quality_word_count')} AS "wordCount",
            ${done('quality_uncovered_ink')} AS "uncoveredInkShare",
            ${done('quality_suspected_table')} AS "suspectedTable", (p.ocr_status = 'done' AND p.ocr_tables IS NOT NULL) AS "tableRead",
            ${done('quality_needs_review')} AS "needsReview", ${done('quality_reasons')} AS reasons
       FROM pages p
      WHERE p.batch_id = $1 AND ($2::boolean IS NULL OR (p.ocr_status = 'done' AND p.quality_needs_review = $2))
      ORDER BY p.seq`,
    [batchId, needsReview ?? null],
  );
}

/** Per batch: its pages, those needing review and those with a quality at all (OCR done). */
export async function reviewCounts(db: Queryable, batchIds: number[]): Promise<Map<number, { total: number; needsReview: number; measured: number }>> {
  const rows = await db.query<{ batchId: number; total: number; needsReview: number; measured: number }>(
    `SELECT batch_id AS "batchId", count(*)::int AS total,
            count(*) FILTER (WHERE ocr_status = 'done' AND quality_needs_review)::int AS "needsReview",
            count(*) FILTER (WHERE ocr_status = 'done' AND quality_needs_review IS NOT NULL)::int AS measured
       FROM pages WHERE batch_id = ANY($1::int[]) GROUP BY batch_id`,
    [batchIds],
  );
  return new Map(rows.map((r) => [r.batchId, r]));
}

/** The table structure of a page's OCR result (column pages.ocr_tables, migration 0057). */
import type { Queryable } from '../db/db.js';
import type { OcrTable } from '../../ocr/engine/types.js';

/** Written in the same transaction as the rest of the result (saveOcr); null clears a previous run's tables. */
export async function saveOcrTables(db: Queryable, pageId: number, tables: OcrTable[] | undefined): Promise<void> {
  await db.query(`UPDATE pages SET ocr_tables = $2::jsonb WHERE id = $1`, [pageId, tables?.length ? JSON.stringify(tables) : null]);
}

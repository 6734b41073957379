/**
 * page.ocr: recognise one page and store text, confidence, words and engine together with a 'page.ocr_done' event in
 * ONE transaction, guarded by the page's attempt number: a rerun after a crash, a duplicate delivery or a stale job
 * for an older attempt writes nothing, so each attempt completes exactly once. Re-OCR = new attempt (resetOcr).
 */
import path from 'node:path';
import { recordEvent } from '../audit/audit.repository.js';
import { system } from '../core/actor.js';
import { scopeOf } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import type { JobHandler } from '../jobs/types.js';
import { BlobNotFoundError } from '../../storage/blob-store.js';
import { recognizeWithTables } from '../../ocr/tables/recognize.js';
import { decodeGreyThumbnail } from '../../ocr/image/grey-page.js';
import { measureInk, pageQuality } from '../../ocr/page-quality.js';
import { saveQuality } from './page-quality.repository.js';
import { saveOcrTables } from './ocr-tables.repository.js';
import { markOcrFailed, markOcrRunning, resetOcr, saveOcr, visiblePage } from './pages.repository.js';
import { withLocalCopy } from './temp-files.js';

export const pageOcrJob: JobHandler<{ pageId: number; force?: boolean }> = async ({ pageId, force }, ctx) => {
  const { deps, log } = ctx;
  const scope = scopeOf(system('page.ocr job'), vnToday(deps.clock));
  let page = await visiblePage(deps.db, scope, pageId);
  if (!page) return log.info({ pageId }, 'trang không còn tồn tại; bỏ qua');
  if (page.ocrStatus === 'done') {
    if (!force) return;
    await resetOcr(deps.db, [pageId]);
    page = (await visiblePage(deps.db, scope, pageId))!;
  }
  const attempt = page.ocrAttempts;
  if (!(await markOcrRunning(deps.db, pageId, attempt))) return;
  try {
    const pool = await ctx.ocr();
    // A page with a ruled table is read in row order (ocr/tables); any other page takes the usual path.
    const { r, ink } = await withLocalCopy(deps.blobs, page.masterKey, path.join(deps.config.DATA_DIR, 'tmp'), async (file) => {
      const { page: r } = await recognizeWithTables(pool, file, page.masterPage, { maxPixels: deps.config.MAX_SCAN_PIXELS });
      // The page's ink against the words read tells a blank verso from unread ink, and finds text the engine skipped.
      const thumb = await decodeGreyThumbnail(file, page.masterPage, deps.config.MAX_SCAN_PIXELS, 600);
      return { r, ink: measureInk(thumb, thumb.width / thumb.masterWidth, r.words, r.tables) };
    });
    const quality = pageQuality({ words: r.words, tables: r.tables, ink: ink.share, uncoveredInk: ink.uncovered });
    await deps.db.transaction(async (tx) => {
      const saved = await saveOcr(tx, pageId, attempt, { text: r.text, confidence: r.confidence, words: r.words, lines: r.lines, engine: r.engine });
      if (!saved) return;
      await saveOcrTables(tx, pageId, r.tables);
      await saveQuality(tx, pageId, quality);
      await recordEvent(tx, scope.acting, {
        entityType: 'page', entityId: pageId, action: 'page.ocr_done', at: deps.clock(),
        data: { attempt, jobId: ctx.jobId, confidence: r.confidence, words: r.words.length, engine: r.engine, tables: r.tables?.length ?? 0, needsReview: quality.needsReview, reasons: quality.reasons },
      });
    });
  } catch (err) {
    await markOcrFailed(deps.db, pageId, attempt, (err as Error).message ?? String(err)).catch(() => {});
    // A lost master cannot be recognised by retrying; anything else (pool crash, storage down) is retried.
    if (err instanceof BlobNotFoundError) return log.error({ err, pageId }, 'bản gốc không còn trong kho; bỏ qua OCR');
    throw err;
  }
};

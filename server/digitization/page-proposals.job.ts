/**
 * page.proposals: the page's master is read by ocr/documents/first-page.ts (three crops OCRed through the process's
 * pool) and the reading stored in page_proposals. Nothing is written to documents: staff accept or correct it.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { readFirstPage } from '../../ocr/documents/first-page.js';
import { system } from '../core/actor.js';
import { scopeOf } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import type { JobHandler } from '../jobs/types.js';
import { BlobNotFoundError } from '../../storage/blob-store.js';
import { visiblePage } from './pages.repository.js';
import { markFailed, saveReading } from './proposals.repository.js';
import { withLocalCopy } from './temp-files.js';

export const pageProposalsJob: JobHandler<{ pageId: number }> = async ({ pageId }, ctx) => {
  const { deps, log } = ctx;
  const scope = scopeOf(system('page.proposals job'), vnToday(deps.clock));
  const page = await visiblePage(deps.db, scope, pageId);
  if (!page) return log.info({ pageId }, 'trang không còn tồn tại; bỏ qua');
  const tmp = path.join(deps.config.DATA_DIR, 'tmp');
  try {
    const pool = await ctx.ocr();
    const reading = await withLocalCopy(deps.blobs, page.masterKey, tmp, (file) =>
      readFirstPage(file, page.masterPage, async (png) => {
        // The pool's contract takes a path: each crop goes through a temp file beside the master copy.
        const crop = path.join(tmp, `crop-${crypto.randomUUID()}.png`);
        await fs.promises.writeFile(crop, png);
        try {
          return await pool.recognizeFile(crop, 0);
        } finally {
          await fs.promises.rm(crop, { force: true });
        }
      }, { maxPixels: deps.config.MAX_SCAN_PIXELS }),
    );
    await saveReading(deps.db, pageId, { fields: reading.fields, isStart: reading.start.isStart, signals: { motto: reading.start.motto, organBlock: reading.start.organBlock, numberLine: reading.start.numberLine } });
  } catch (err) {
    await markFailed(deps.db, pageId, (err as Error).message ?? String(err)).catch(() => {});
    if (err instanceof BlobNotFoundError) return log.error({ err, pageId }, 'bản gốc không còn trong kho; bỏ qua đề xuất');
    throw err;
  }
};

/**
 * page.derivatives: access JPEG, WebP thumbnail and pyramidal TIFF of one page, stored under the page's derivative
 * keys, then the keys and status set in one UPDATE. Idempotent: a page already done is skipped; a rerun after a crash
 * overwrites the same keys with the same content.
 */
import path from 'node:path';
import { system } from '../core/actor.js';
import { scopeOf } from '../core/scope.js';
import { vnToday } from '../core/time/index.js';
import type { JobHandler } from '../jobs/types.js';
import { keys } from '../../storage/safe-key.js';
import { renderDerivatives } from '../../ocr/image/derivatives.js';
import { ImageRejectedError } from '../../ocr/image/types.js';
import { BlobNotFoundError } from '../../storage/blob-store.js';
import { setDerivatives, setDerivativesFailed, visiblePage } from './pages.repository.js';
import { withLocalCopy } from './temp-files.js';

export const pageDerivativesJob: JobHandler<{ pageId: number }> = async ({ pageId }, ctx) => {
  const { deps, log } = ctx;
  const page = await visiblePage(deps.db, scopeOf(system('page.derivatives job'), vnToday(deps.clock)), pageId);
  if (!page) return log.info({ pageId }, 'trang không còn tồn tại; bỏ qua');
  if (page.derivativesStatus === 'done' && page.accessKey && page.thumbKey && page.pyramidKey) return;
  try {
    const d = await withLocalCopy(deps.blobs, page.masterKey, path.join(deps.config.DATA_DIR, 'tmp'), (file) =>
      renderDerivatives(file, page.masterPage, { maxPixels: deps.config.MAX_SCAN_PIXELS }),
    );
    const k = { access: keys.access(pageId), thumb: keys.thumbnail(pageId), pyramid: keys.pyramid(pageId) };
    await deps.blobs.put(k.access, d.access, { contentType: 'image/jpeg', size: d.access.length });
    await deps.blobs.put(k.thumb, d.thumbnail, { contentType: 'image/webp', size: d.thumbnail.length });
    await deps.blobs.put(k.pyramid, d.pyramid, { contentType: 'image/tiff', size: d.pyramid.length });
    await setDerivatives(deps.db, pageId, page.masterId, k);
  } catch (err) {
    // A master that passed the full decode at upload but fails now was damaged (or lost) in storage: retrying cannot
    // help; the fixity check reports it, and the page shows 'failed' instead of waiting forever.
    if (err instanceof ImageRejectedError || err instanceof BlobNotFoundError) {
      await setDerivativesFailed(deps.db, pageId, page.masterId);
      log.error({ err, pageId }, 'không tạo được ảnh phái sinh');
      return;
    }
    throw err;
  }
};

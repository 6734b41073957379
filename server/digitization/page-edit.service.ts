/**
 * Staff edits of a file's pages: reorder, replace one page's image, delete a page. Each runs in one transaction under
 * the file lock (the same lock uploads take, so page numbers never clash) and records an event. Search, manifests and
 * exports read the rows, so they follow at commit: a deleted page's text and canvas are gone, a reordered page carries
 * its new number everywhere. Objects are removed only after the commit (a crash in between leaves an orphan for the
 * orphan sweep, never a row without its object).
 */
import fs from 'node:fs';
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import type { UploadedFile } from '../core/upload.js';
import { keys } from '../../storage/safe-key.js';
import { probeMaster } from '../../ocr/image/probe.js';
import { ImageRejectedError, type MasterInfo } from '../../ocr/image/types.js';
import * as repo from './batches.repository.js';
import * as editRepo from './page-edit.repository.js';
import * as pagesRepo from './pages.repository.js';
import { pageView } from './digitization.service.js';
import { CONTENT_TYPE, EXT } from './ingest.service.js';
import { sha256File } from '../core/hash.js';

export interface PageEditHooks {
  /** A page's pyramid will be re-rendered under the same key: drop any local copy of the old one. */
  pyramidReplaced: (key: string) => Promise<void>;
}

export function createPageEdit(deps: Deps, hooks: PageEditHooks) {
  async function visiblePageOr404(scope: Scope, pageId: number) {
    const p = await pagesRepo.visiblePage(deps.db, scope, pageId);
    if (!p) throw ERRORS.notFound('trang');
    return p;
  }

  async function filePages(scope: Scope, fileId: number) {
    const file = await pagesRepo.visibleFile(deps.db, scope, fileId);
    if (!file) throw ERRORS.notFound('hồ sơ');
    return { file, items: (await pagesRepo.visibleFilePages(deps.db, scope, fileId)).map(pageView) };
  }

  /** Best effort after commit: what is left is an orphan the sweep removes. */
  async function removeObjects(objectKeys: (string | null)[]) {
    for (const key of objectKeys) {
      if (!key) continue;
      await deps.blobs.delete(key).catch((err) => deps.log.warn({ err, key }, 'không xóa được đối tượng cũ; lượt dọn dẹp sẽ xóa'));
    }
  }

  /** The whole new order: exactly the file's pages, each once (a stale list is refused, never half applied). */
  async function reorder(scope: Scope, fileId: number, pageIds: number[]) {
    const file = await pagesRepo.visibleFile(deps.db, scope, fileId);
    if (!file) throw ERRORS.notFound('hồ sơ');
    await deps.db.transaction(async (tx) => {
      await repo.lockFile(tx, fileId);
      const before = await editRepo.pageIdsInOrder(tx, fileId);
      const known = new Set(before);
      if (pageIds.length !== before.length || new Set(pageIds).size !== pageIds.length || !pageIds.every((id) => known.has(id))) {
        throw ERRORS.pageOrderStale(before.length);
      }
      if (pageIds.every((id, i) => before[i] === id)) return;
      await editRepo.setOrder(tx, fileId, pageIds);
      await recordEvent(tx, scope.acting, {
        entityType: 'record_file', entityId: fileId, action: 'pages.reordered', at: deps.clock(),
        before: { pageIds: before }, after: { pageIds },
      });
    });
    return filePages(scope, fileId);
  }

  async function remove(scope: Scope, pageId: number) {
    const seen = await visiblePageOr404(scope, pageId);
    const gone = await deps.db.transaction(async (tx) => {
      await repo.lockFile(tx, seen.recordFileId);
      const p = await editRepo.lockPage(tx, pageId);
      if (!p) throw ERRORS.notFound('trang');
      await editRepo.deletePage(tx, pageId);
      const master = await editRepo.deleteMasterIfUnused(tx, p.masterId);
      await editRepo.renumber(tx, p.recordFileId);
      await recordEvent(tx, scope.acting, {
        entityType: 'page', entityId: pageId, action: 'page.deleted', at: deps.clock(),
        before: { recordFileId: p.recordFileId, seq: p.seq, masterId: p.masterId, masterSha256: seen.masterSha256 },
        data: { masterDeleted: !!master },
      });
      return { p, master };
    });
    await removeObjects([gone.p.accessKey, gone.p.thumbKey, gone.p.pyramidKey, gone.master?.objectKey ?? null]);
    if (gone.p.pyramidKey) await hooks.pyramidReplaced(gone.p.pyramidKey);
  }

  /**
   * A new image for one page: checked like any upload (SHA-256, full decode, one page only, not a master the file
   * already holds), stored under a fresh key, then in one transaction a new master row, the page pointed at it with
   * derivatives and OCR started over (jobs queued with it), the old master row dropped if no page uses it any more.
   */
  async function replace(actor: Actor, scope: Scope, pageId: number, file: UploadedFile | null) {
    if (!file) throw ERRORS.fileRequired('file');
    const seen = await visiblePageOr404(scope, pageId);
    const fileId = seen.recordFileId;
    const name = file.originalName;
    if (file.size === 0) throw ERRORS.replacementRejected('IMAGE_EMPTY', 'Tệp rỗng (0 byte), không có ảnh để lưu.');
    let info: MasterInfo;
    let sha256: string;
    try {
      [sha256, info] = await Promise.all([sha256File(file.path), probeMaster(file.path, { maxPixels: deps.config.MAX_SCAN_PIXELS, maxPages: deps.config.MAX_TIFF_PAGES })]);
    } catch (err) {
      if (err instanceof ImageRejectedError) throw ERRORS.replacementRejected(err.code, err.message);
      throw err;
    }
    if (info.pages.length !== 1) throw ERRORS.replacementNotOnePage(info.pages.length);
    const dup = await repo.findMaster(deps.db, fileId, sha256);
    if (dup) throw ERRORS.replacementDuplicate(dup.id);

    const key = keys.master(fileId, EXT[info.format]);
    await deps.blobs.put(key, fs.createReadStream(file.path), {
      size: file.size, contentType: CONTENT_TYPE[info.format], metadata: { sha256, 'original-name': name },
    });
    let old: { objectKey: string; sha256: string } | null;
    let pyramidKey: string | null;
    try {
      ({ old, pyramidKey } = await deps.db.transaction(async (tx) => {
        await repo.lockFile(tx, fileId);
        const p = await editRepo.lockPage(tx, pageId);
        if (!p) throw ERRORS.notFound('trang');
        const raced = await repo.findMaster(tx, fileId, sha256);
        if (raced) throw ERRORS.replacementDuplicate(raced.id);
        const g = info.pages[0]!;
        const masterId = await repo.insertMaster(tx, {
          batchId: p.batchId, recordFileId: fileId, objectKey: key, originalName: name.slice(0, 500), sha256, sizeBytes: file.size,
          format: info.format, pageCount: 1, uploadedBy: actor.id || null,
          uploadGroup: `page-${pageId}`, uploadPosition: null,
        });
        const attempt = await editRepo.pointAtMaster(tx, pageId, masterId, {
          masterPage: g.index, width: g.width, height: g.height, dpi: g.dpi, colourMode: g.colourMode, bitDepth: g.bitDepth,
        });
        const oldMaster = await editRepo.deleteMasterIfUnused(tx, p.masterId);
        await deps.jobs.send('page.derivatives', { pageId });
        await deps.jobs.send('page.ocr', { pageId });
        await recordEvent(tx, scope.acting, {
          entityType: 'page', entityId: pageId, action: 'page.replaced', at: deps.clock(),
          before: { masterId: p.masterId, masterSha256: seen.masterSha256 },
          after: { masterId, masterSha256: sha256, name, format: info.format, width: g.width, height: g.height },
          data: { recordFileId: fileId, seq: p.seq, ocrAttempt: attempt, oldMasterDeleted: !!oldMaster },
        });
        return { old: oldMaster, pyramidKey: p.pyramidKey };
      }));
    } catch (err) {
      await deps.blobs.delete(key).catch((e) => deps.log.warn({ err: e, key }, 'không xóa được đối tượng mồ côi; lượt dọn dẹp sẽ xóa'));
      throw err;
    }
    await removeObjects([old?.objectKey ?? null]);
    if (pyramidKey) await hooks.pyramidReplaced(pyramidKey);
    return pageView(await visiblePageOr404(scope, pageId));
  }

  return { reorder, remove, replace };
}

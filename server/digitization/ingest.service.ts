/**
 * Upload → stored master + pages + queued work, in an order that never leaves half rows or orphans behind:
 * temp file → SHA-256 + full decode → duplicate check → blob under a fresh key → ONE transaction (master, pages,
 * jobs, event) → on any failure the blob is deleted. A crash between put and commit leaves only an object with no
 * row, which the orphan sweep removes.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { AppError, ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import { keys } from '../../storage/safe-key.js';
import { probeMaster } from '../../ocr/image/probe.js';
import { ImageRejectedError, type MasterInfo } from '../../ocr/image/types.js';
import * as repo from './batches.repository.js';
import { sha256File } from '../core/hash.js';
import { insertAfter } from './page-order.js';

/** Which selection a file was chosen in and its place there; null position = place it by its name. */
export interface SelectionPlace {
  group: string;
  position: number | null;
}

export type FileOutcome =
  | { name: string; status: 'stored'; masterId: number; sha256: string; format: string; pageIds: number[] }
  | { name: string; status: 'duplicate'; masterId: number; sha256: string; message: string }
  | { name: string; status: 'rejected'; code: string; message: string }
  | { name: string; status: 'failed'; code: string; message: string };

export const EXT = { tiff: 'tif', jpeg: 'jpg', png: 'png' } as const;
export const CONTENT_TYPE = { tiff: 'image/tiff', jpeg: 'image/jpeg', png: 'image/png' } as const;

export function createIngest(deps: Deps) {
  const limits = () => ({ maxPixels: deps.config.MAX_SCAN_PIXELS, maxPages: deps.config.MAX_TIFF_PAGES });

  async function ingestOne(actor: Actor, batch: repo.BatchRow, file: UploadedFile, place: SelectionPlace): Promise<FileOutcome> {
    const name = file.originalName;
    if (file.size === 0) return { name, status: 'rejected', code: 'IMAGE_EMPTY', message: 'Tệp rỗng (0 byte), không có ảnh để lưu.' };
    let info: MasterInfo;
    let sha256: string;
    try {
      [sha256, info] = await Promise.all([sha256File(file.path), probeMaster(file.path, limits())]);
    } catch (err) {
      if (err instanceof ImageRejectedError) return { name, status: 'rejected', code: err.code, message: err.message };
      throw err;
    }
    const dup = await repo.findMaster(deps.db, batch.recordFileId, sha256);
    if (dup) return duplicate(name, dup.id, sha256);

    const key = keys.master(batch.recordFileId, EXT[info.format]);
    await deps.blobs.put(key, fs.createReadStream(file.path), {
      size: file.size,
      contentType: CONTENT_TYPE[info.format],
      metadata: { sha256, 'original-name': name },
    });
    try {
      return await deps.db.transaction(async (tx) => {
        await repo.lockFile(tx, batch.recordFileId);
        // A concurrent upload of the same bytes may have committed while we were storing ours.
        const raced = await repo.findMaster(tx, batch.recordFileId, sha256);
        if (raced) throw new DuplicateRace(raced.id);
        const masterId = await repo.insertMaster(tx, {
          batchId: batch.id, recordFileId: batch.recordFileId, objectKey: key, originalName: name.slice(0, 500), sha256,
          sizeBytes: file.size, format: info.format, pageCount: info.pages.length, uploadedBy: actor.id || null,
          uploadGroup: place.group, uploadPosition: place.position,
        });
        // Page numbers follow the selection, never which upload committed first (page-order.ts).
        const mates = await repo.selectionMates(tx, batch.recordFileId, place.group, masterId);
        const after = insertAfter({ name: name.slice(0, 500), position: place.position }, mates, await repo.lastSeq(tx, batch.recordFileId));
        const pageIds = await repo.insertPages(tx, {
          recordFileId: batch.recordFileId, documentId: batch.documentId, batchId: batch.id, masterId, after,
          pages: info.pages.map((p) => ({ masterPage: p.index, width: p.width, height: p.height, dpi: p.dpi, colourMode: p.colourMode, bitDepth: p.bitDepth })),
        });
        for (const pageId of pageIds) {
          await deps.jobs.send('page.derivatives', { pageId });
          await deps.jobs.send('page.ocr', { pageId });
        }
        await recordEvent(tx, actor, {
          entityType: 'master', entityId: masterId, action: 'master.stored', at: deps.clock(),
          data: {
            batchId: batch.id, recordFileId: batch.recordFileId, name, sha256, sizeBytes: file.size, format: info.format, pages: pageIds.length,
            uploadGroup: place.group, uploadPosition: place.position, firstSeq: after + 1,
          },
        });
        return { name, status: 'stored' as const, masterId, sha256, format: info.format, pageIds };
      });
    } catch (err) {
      await deps.blobs.delete(key).catch((e) => deps.log.warn({ err: e, key }, 'không xóa được đối tượng mồ côi; lượt dọn dẹp sẽ xóa'));
      if (err instanceof DuplicateRace) return duplicate(name, err.masterId, sha256);
      throw err;
    }
  }

  /**
   * Files one after another: each is fully decoded, and two 500 MB TIFFs decoding at once would only fight over
   * the same cores and memory. An infrastructure failure on one file is reported for that file; the others go on.
   * `selection`: the client's selection id and the first file's place in it (the browser sends one file per request);
   * without one, the request is its own selection in the order its files were sent; with an id but no position, the
   * files are placed by natural name order.
   */
  async function ingest(actor: Actor, batch: repo.BatchRow, files: UploadedFile[], selection: { group?: string; position?: number } = {}) {
    const group = selection.group ?? randomUUID();
    const placeOf = (i: number): SelectionPlace => ({
      group,
      position: selection.position != null ? selection.position + i : selection.group ? null : i,
    });
    const outcomes: FileOutcome[] = [];
    for (const [i, file] of files.entries()) {
      try {
        outcomes.push(await ingestOne(actor, batch, file, placeOf(i)));
      } catch (err) {
        deps.log.error({ err, batchId: batch.id, file: file.originalName }, 'lưu bản gốc thất bại');
        const app = err instanceof AppError ? err : null;
        outcomes.push({
          name: file.originalName, status: 'failed', code: app?.code ?? 'SCAN_STORE_FAILED',
          message: app?.message ?? 'Không lưu được tệp do lỗi hệ thống (kho đối tượng hoặc cơ sở dữ liệu). Vui lòng thử lại.',
        });
      }
    }
    const summary = { stored: 0, duplicate: 0, rejected: 0, failed: 0 };
    for (const o of outcomes) summary[o.status]++;
    if (summary.rejected + summary.failed > 0) {
      await recordEvent(deps.db, actor, {
        entityType: 'digitization_batch', entityId: batch.id, action: 'batch.upload_rejected', at: deps.clock(),
        data: { files: outcomes.filter((o) => o.status === 'rejected' || o.status === 'failed') },
      });
    }
    if (summary.stored + summary.duplicate === 0) {
      const only = outcomes.length === 1 ? (outcomes[0] as { code: string; message: string }) : null;
      const status = summary.failed > 0 && summary.rejected === 0 ? 503 : 422;
      throw ERRORS.scansRejected(only, summary, status, { batchId: batch.id, summary, files: outcomes });
    }
    return { batchId: batch.id, summary, files: outcomes };
  }

  return { ingest };
}

class DuplicateRace extends Error {
  constructor(readonly masterId: number) {
    super('duplicate master');
  }
}

function duplicate(name: string, masterId: number, sha256: string): FileOutcome {
  return { name, status: 'duplicate', masterId, sha256, message: `Tệp "${name}" trùng với bản gốc đã lưu (#${masterId}); không lưu lại.` };
}

export const scanTmpDir = (deps: Deps) => path.join(deps.config.DATA_DIR, 'tmp');

/** Digitisation batches: create, list, upload into, watch progress, re-OCR; pages of a file. */
import { recordEvent } from '../audit/audit.repository.js';
import type { Deps } from '../deps.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import type { UploadedFile } from '../core/upload.js';
import * as repo from './batches.repository.js';
import { createIngest } from './ingest.service.js';
import * as pagesRepo from './pages.repository.js';
import * as qualityRepo from './page-quality.repository.js';
import { qualityReasonMessage } from './page-quality.js';
import { pageQuality } from '../../ocr/page-quality.js';

export function createDigitizationService(deps: Deps) {
  const ingestion = createIngest(deps);

  async function createBatch(actor: Actor, input: { recordFileId: number; documentId?: number | null; label?: string | null }) {
    return deps.db.transaction(async (tx) => {
      const file = await repo.fileTarget(tx, input.recordFileId);
      if (!file) throw ERRORS.recordFileNotFound(input.recordFileId);
      if (file.fondsId == null) {
        throw ERRORS.fileWithoutFonds(file.fileNotation);
      }
      const documentId = input.documentId ?? null;
      if (documentId != null && !(await repo.documentInFile(tx, documentId, file.id))) {
        throw ERRORS.documentNotInFile(documentId, file.fileNotation);
      }
      const id = await repo.insertBatch(tx, { fondsId: file.fondsId, recordFileId: file.id, documentId, label: input.label ?? null, createdBy: actor.id || null });
      await recordEvent(tx, actor, { entityType: 'digitization_batch', entityId: id, action: 'batch.created', at: deps.clock(), data: { recordFileId: file.id, documentId } });
      return (await repo.getBatch(tx, id))!;
    });
  }

  async function loadBatch(id: number) {
    const b = await repo.getBatch(deps.db, id);
    if (!b) throw ERRORS.notFound('đợt số hóa');
    return b;
  }

  async function upload(actor: Actor, batchId: number, files: UploadedFile[], selection: { group?: string; position?: number } = {}) {
    const batch = await loadBatch(batchId);
    return ingestion.ingest(actor, batch, files, selection);
  }

  /** Live progress: counts by status plus each master with its pages' state. */
  async function progress(batchId: number) {
    const batch = await loadBatch(batchId);
    const [counts, masters] = await Promise.all([repo.batchCounts(deps.db, batchId), repo.batchMasters(deps.db, batchId)]);
    const pages = counts.ocr.queued + counts.ocr.running + counts.ocr.done + counts.ocr.failed;
    const finished = counts.ocr.queued + counts.ocr.running === 0 && counts.derivatives.pending === 0;
    await backfillQuality(batchId);
    const c = (await qualityRepo.reviewCounts(deps.db, [batchId])).get(batchId);
    const quality = { needsReview: c?.needsReview ?? 0, measured: c?.measured ?? 0 };
    return { ...batch, pages, ocr: counts.ocr, derivatives: counts.derivatives, finished, quality, masters };
  }

  async function listBatches(q: { recordFileId?: number; limit: number; offset: number }) {
    const rows = await repo.listBatches(deps.db, q);
    const review = await qualityRepo.reviewCounts(deps.db, rows.map((r) => r.id));
    return { items: rows.map((r) => ({ ...r, needsReview: review.get(r.id)?.needsReview ?? 0 })) };
  }

  /**
   * Pages recognised before the quality signal existed get it from their stored words the first time their batch
   * is opened (no ink measure then: a stored page without text is flagged, as nobody can say it is blank).
   */
  async function backfillQuality(batchId: number) {
    for (let after = 0; ; ) {
      const rows = await qualityRepo.pagesWithoutQuality(deps.db, batchId, after, 200);
      for (const r of rows) await qualityRepo.saveQuality(deps.db, r.id, pageQuality({ words: r.words ?? [], tables: r.tables }), r.attempt);
      if (rows.length < 200) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** The batch's pages with their quality, optionally only those needing review. */
  async function batchPages(batchId: number, filter: { needsReview?: boolean }) {
    await loadBatch(batchId);
    await backfillQuality(batchId);
    const [rows, counts] = await Promise.all([
      qualityRepo.batchQualityPages(deps.db, batchId, filter.needsReview),
      qualityRepo.reviewCounts(deps.db, [batchId]),
    ]);
    const c = counts.get(batchId);
    return {
      batchId,
      total: c?.total ?? 0,
      needsReview: c?.needsReview ?? 0,
      items: rows.map((p) => ({
        ...p,
        reasons: (p.reasons ?? []).map((code) => ({ code, message: qualityReasonMessage(code, p) })),
        links: { thumbnail: `/api/digitization/pages/${p.id}/thumbnail` },
      })),
    };
  }

  async function filePages(scope: Scope, fileId: number) {
    const file = await pagesRepo.visibleFile(deps.db, scope, fileId);
    if (!file) throw ERRORS.notFound('hồ sơ');
    const rows = await pagesRepo.visibleFilePages(deps.db, scope, fileId);
    return { file, items: rows.map(pageView) };
  }

  async function page(scope: Scope, pageId: number) {
    const p = await pagesRepo.visiblePage(deps.db, scope, pageId);
    if (!p) throw ERRORS.notFound('trang');
    return pageView(p);
  }

  /** Resets OCR of the pages and queues them again, in one transaction (no reset without its job). */
  async function reocr(scope: Scope, target: { pageId?: number; batchId?: number }) {
    return deps.db.transaction(async (tx) => {
      let ids: number[];
      if (target.pageId) {
        if (!(await pagesRepo.visiblePage(tx, scope, target.pageId))) throw ERRORS.notFound('trang');
        ids = [target.pageId];
      } else {
        await loadBatch(target.batchId!);
        ids = (await tx.query<{ id: number }>(`SELECT id FROM pages WHERE batch_id = $1 AND ocr_status <> 'running' ORDER BY id`, [target.batchId])).map((r) => r.id);
      }
      const reset = await pagesRepo.resetOcr(tx, ids);
      for (const p of reset) await deps.jobs.send('page.ocr', { pageId: p.id });
      await recordEvent(tx, scope.acting, {
        entityType: target.pageId ? 'page' : 'digitization_batch', entityId: (target.pageId ?? target.batchId)!, action: 'page.ocr_requeued',
        at: deps.clock(), data: { pageIds: reset.map((p) => p.id) },
      });
      return { queued: reset.length, pageIds: reset.map((p) => p.id) };
    });
  }

  return { createBatch, listBatches, upload, progress, batchPages, filePages, page, reocr };
}

/** What a client sees of a page: no object keys, but the fixity flag of its master, always. */
export function pageView(p: pagesRepo.PageRow) {
  return {
    id: p.id, recordFileId: p.recordFileId, documentId: p.documentId, batchId: p.batchId, masterId: p.masterId, masterPage: p.masterPage,
    seq: p.seq, width: p.width, height: p.height, dpi: p.dpi, colourMode: p.colourMode, bitDepth: p.bitDepth,
    derivativesStatus: p.derivativesStatus, ocrStatus: p.ocrStatus, ocrConfidence: p.ocrConfidence, ocrEngine: p.ocrEngine,
    ocrAttempts: p.ocrAttempts, ocrError: p.ocrError, ocrDoneAt: p.ocrDoneAt,
    masterSha256: p.masterSha256, fixityStatus: p.fixityStatus, fixityOk: p.fixityStatus === 'ok' || p.fixityStatus === 'unchecked',
    fileNotation: p.fileNotation, fileTitle: p.fileTitle,
    links: {
      thumbnail: `/api/digitization/pages/${p.id}/thumbnail`,
      image: `/api/digitization/pages/${p.id}/image`,
      iiif: `/api/iiif/3/page-${p.id}/info.json`,
      text: `/api/digitization/pages/${p.id}/export/txt`,
    },
  };
}

/**
 * After receipt, each deposited PDF/A becomes a digitised file: every page is rendered (pdftoppm) into a PNG page
 * image that takes the ordinary path — probed by ocr/image, stored as the page's image master, derivatives and
 * IIIF by the page.derivatives job — and the PDF's own text layer (with word boxes) is stored as the page text, so
 * search finds it without recognising anything again. The PDF/A itself stays the preservation master, byte for
 * byte, under its deposit key with its SHA-256 (deposit_files); it is re-hashed before use.
 *
 * One file per transaction, marked done in it: a crash leaves the file for the next run (the job is retried), and
 * page images stored before a failed transaction are deleted again (or swept as orphans after a crash).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Deps } from '../deps.js';
import { system } from '../core/actor.js';
import { sha256File } from '../core/hash.js';
import { recordEvent } from '../audit/audit.repository.js';
import { keys } from '../../storage/safe-key.js';
import { probeMaster } from '../../ocr/image/probe.js';
import { insertPremisEvent } from '../archive/aip.repository.js';
import * as batches from '../digitization/batches.repository.js';
import { saveOcr } from '../digitization/pages.repository.js';
import { withLocalCopy } from '../digitization/temp-files.js';
import * as repo from './deposit.repository.js';
import { popplerName, renderPage, textLayer } from './pdf-tools.js';

/** Page images for the viewer and IIIF; the text comes from the PDF, so no OCR resolution is needed. */
export const RENDER_DPI = 150;

/**
 * Two identical pages (blank versos of a born-digital PDF) render to identical PNGs, and a file's masters are unique
 * by SHA-256; a tEXt chunk naming the source PDF and page keeps every page image distinct and traceable.
 */
function withSourceChunk(png: Buffer, source: string): Buffer {
  const data = Buffer.concat([Buffer.from('Source\0', 'latin1'), Buffer.from(source, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([type, data])) >>> 0);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), len, type, data, crc, png.subarray(iend)]);
}

async function materialiseFile(deps: Deps, f: repo.DepositFileRow, packageId: number) {
  const tmp = path.join(deps.config.DATA_DIR, 'tmp');
  await withLocalCopy(deps.blobs, f.objectKey, tmp, async (pdfFile) => {
    const actual = await sha256File(pdfFile);
    const intact = actual === f.sha256;
    const at = deps.clock();
    const base = { fileId: f.recordFileId, aipId: null, objectName: f.path, sha256: f.sha256, at };
    if (!intact) {
      await insertPremisEvent(deps.db, { ...base, uuid: crypto.randomUUID(), type: 'fixity check', outcome: 'fail', agent: 'Kho Lưu trữ (node:crypto SHA-256)',
        detail: `Tệp PDF/A nộp lưu trong kho có SHA-256 ${actual}, khác mã ghi khi nộp`, data: { packageId } });
      throw new Error(`deposit file ${f.id}: SHA-256 ${actual} ≠ ${f.sha256}`);
    }
    const engine = `PDF text layer (${await popplerName()}, -bbox-layout)`;
    const layer = await textLayer(pdfFile, RENDER_DPI, engine);
    const target = await batches.fileTarget(deps.db, f.recordFileId);
    if (!target?.fondsId) throw new Error(`deposit file ${f.id}: the agency has no fonds for a digitisation batch`);
    const dir = await fs.promises.mkdtemp(path.join(tmp, 'deposit-pages-'));
    const put: string[] = [];
    try {
      const pages: { key: string; sha256: string; size: number; info: Awaited<ReturnType<typeof probeMaster>> }[] = [];
      for (let i = 1; i <= f.pages; i++) {
        const file = await renderPage(pdfFile, i, RENDER_DPI, dir);
        const png = withSourceChunk(await fs.promises.readFile(file), `${f.sha256} page ${i}`);
        await fs.promises.writeFile(file, png);
        const info = await probeMaster(file, { maxPixels: deps.config.MAX_SCAN_PIXELS, maxPages: 1 });
        const key = keys.master(f.recordFileId, 'png');
        await deps.blobs.put(key, fs.createReadStream(file), { size: png.length, contentType: 'image/png', metadata: { sha256: crypto.createHash('sha256').update(png).digest('hex') } });
        put.push(key);
        pages.push({ key, sha256: crypto.createHash('sha256').update(png).digest('hex'), size: png.length, info });
        await fs.promises.rm(file, { force: true });
      }
      await deps.db.transaction(async (tx) => {
        if (!(await repo.lockUnmaterialised(tx, f.id))) throw new AlreadyDone();
        await batches.lockFile(tx, f.recordFileId);
        const batchId = await batches.insertBatch(tx, { fondsId: target.fondsId!, recordFileId: f.recordFileId, documentId: null, label: `Nộp lưu số: ${f.path}`.slice(0, 200), createdBy: null });
        const group = crypto.randomUUID();
        for (const [i, p] of pages.entries()) {
          const masterId = await batches.insertMaster(tx, {
            batchId, recordFileId: f.recordFileId, objectKey: p.key, originalName: `${f.path}#trang-${i + 1}.png`.slice(0, 500), sha256: p.sha256,
            sizeBytes: p.size, format: 'png', pageCount: 1, uploadedBy: null, uploadGroup: group, uploadPosition: i,
          });
          const g = p.info.pages[0]!;
          const [pageId] = await batches.insertPages(tx, {
            recordFileId: f.recordFileId, documentId: null, batchId, masterId, after: await batches.lastSeq(tx, f.recordFileId),
            pages: [{ masterPage: 0, width: g.width, height: g.height, dpi: g.dpi ?? RENDER_DPI, colourMode: g.colourMode, bitDepth: g.bitDepth }],
          });
          const text = layer[i] ?? { text: '', confidence: 100, words: [], lines: [], engine };
          await saveOcr(tx, pageId!, 0, { text: text.text, confidence: text.confidence, words: text.words, lines: text.lines, engine });
          await deps.jobs.send('page.derivatives', { pageId });
        }
        await repo.markFileMaterialised(tx, f.id, at);
        await insertPremisEvent(tx, { ...base, uuid: crypto.randomUUID(), type: 'fixity check', outcome: 'pass', agent: 'Kho Lưu trữ (node:crypto SHA-256)',
          detail: 'SHA-256 của tệp PDF/A nộp lưu trong kho khớp mã ghi khi nộp (trước khi tạo trang)', data: { packageId } });
        await insertPremisEvent(tx, { ...base, uuid: crypto.randomUUID(), type: 'ingestion', outcome: 'pass', agent: engine,
          detail: `Tiếp nhận vào kho số: ${pages.length} trang (ảnh ${RENDER_DPI} dpi, lớp chữ của PDF đưa vào tìm kiếm)`, data: { packageId, batchId } });
        await recordEvent(tx, system('deposit.materialise job'), {
          entityType: 'record_file', entityId: f.recordFileId, action: 'deposit.file_ingested', at,
          data: { packageId, depositFileId: f.id, batchId, pages: pages.length, sha256: f.sha256 },
        });
      });
      put.length = 0;
    } catch (err) {
      if (!(err instanceof AlreadyDone)) throw err;
    } finally {
      for (const key of put) await deps.blobs.delete(key).catch(() => {});
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  });
}

class AlreadyDone extends Error {}

/** Turns every received, not yet materialised file of a digital handover into pages. Idempotent. */
export async function materialiseHandover(deps: Deps, handoverId: number): Promise<void> {
  const pkg = await repo.packageOfHandover(deps.db, handoverId);
  if (!pkg) return;
  for (const f of await repo.packageFiles(deps.db, pkg.id)) {
    if (f.received && !f.materialisedAt) await materialiseFile(deps, f, pkg.id);
  }
  await repo.finishPackage(deps.db, pkg.id, deps.clock());
}

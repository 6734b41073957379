/**
 * Dissemination packages (DIPs, TT 05/2025 Điều 32): what a reader takes away, as a ZIP of one PDF/A-2b per file —
 * the approved pages drawn from the access images WITH the reader's watermark (the one drawing path of
 * reading-room/watermark.ts), the OCR text layer kept — and a metadata.json naming the file, the pages, the access
 * level, the reader, the order or request, the time (+07:00) and each PDF's SHA-256. Every PDF passes the same
 * self-check as the AIP's. Watermarks belong here only: the AIP builder never stamps. A DIP is rebuilt per request
 * and not kept; the `dips` row and its PREMIS events (creation, validation, dissemination) are the record.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { buffer } from 'node:stream/consumers';
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import { Download } from '../core/download.js';
import { ARCHIVE_ERRORS } from '../core/errors-archive.js';
import { CIRCULATION_ERRORS } from '../core/errors-circulation.js';
import { currentYear, vnToday } from '../core/time/index.js';
import { pagesOcr } from '../digitization/pages.repository.js';
import { pdfaDocument, vnIsoDateTime } from '../../ocr/export/pdfa.js';
import { zip, type StreamEntry } from '../../ocr/export/zip.js';
import { filePages, stampImage, watermarkLines, type PageImageRef, type WatermarkText } from '../reading-room/watermark.js';
import { listOrders, orderLines } from '../reading-room/copy-orders.repository.js';
import type { ViewingService } from '../reading-room/viewing.service.js';
import { checkToolVersions, selfCheckPdfa } from './pdfa-check.js';
import { slug } from './aip.builder.js';
import { archiveFile } from './aip.repository.js';
import * as repo from './dip.repository.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface DipInput {
  kind: 'copy_order' | 'download';
  actor: Actor;
  copyOrderId: number | null;
  requestId: number | null;
  stamp: WatermarkText;
  parts: { fileId: number; pages: PageImageRef[] }[];
}

export function createDipService(deps: Deps, s: { viewing: ViewingService }) {
  const { db } = deps;

  async function build(x: DipInput): Promise<Download> {
    const parts = x.parts.filter((p) => p.pages.length > 0);
    if (!parts.length) throw ARCHIVE_ERRORS.dipNothingDigitised();
    const uuid = randomUUID();
    const issuedAt = deps.clock();
    const year = currentYear(deps.clock);
    const tools = await checkToolVersions();
    const icc = await fs.promises.readFile(deps.config.ARCHIVE_ICC_PROFILE);
    const used = new Set<string>();
    const pdfs: { fileId: number; name: string; body: Buffer; sha256: string; pages: number; check: Awaited<ReturnType<typeof selfCheckPdfa>> }[] = [];
    const described = [];
    for (const part of parts) {
      const file = await archiveFile(db, part.fileId, year);
      if (!file) throw ARCHIVE_ERRORS.archiveFileNotFound(part.fileId);
      const ocr = await pagesOcr(db, part.pages.map((p) => p.id));
      const pending = part.pages.filter((p) => !ocr.has(p.id) || !p.accessKey).length;
      if (pending) throw ARCHIVE_ERRORS.dipPagesNotReady(pending);
      const images = [];
      for (const p of part.pages) images.push({ page: ocr.get(p.id)!, image: await stampImage(await buffer(await deps.blobs.get(p.accessKey!)), x.stamp), dpi: null });
      const code = file.fileCode ?? file.fileNotation;
      let name = `${slug(code)}.pdf`;
      for (let i = 2; used.has(name); i++) name = `${slug(code)}-${i}.pdf`;
      used.add(name);
      const body = await pdfaDocument(images, {
        title: `${file.fileNotation} — ${file.title} (bản sao phục vụ độc giả)`, identifier: code,
        relations: [`VN-KLT-FILE-${file.id}`, `VN-KLT-DIP-${uuid}`], creator: deps.config.CENTRE_NAME, createdAt: issuedAt,
        documentId: randomUUID().replace(/-/g, ''), iccProfile: icc,
      });
      const check = await selfCheckPdfa(body, part.pages.map((p) => ocr.get(p.id)!.text));
      if (!check.passed) throw ARCHIVE_ERRORS.pdfaSelfCheckFailed(check.checks.filter((c) => !c.ok).map((c) => c.name));
      const digest = sha(body);
      pdfs.push({ fileId: file.id, name, body, sha256: digest, pages: part.pages.length, check });
      described.push({
        pdf: name, sha256: digest, size: body.length, fileId: file.id, fileCode: code, fileNotation: file.fileNotation, title: file.title,
        fonds: { code: file.fondsCode, name: file.fondsName }, agency: file.agencyName, accessLevel: file.accessLevel,
        pages: part.pages.map((p) => p.seq), pdfa: { part: 2, conformance: 'B', selfCheck: 'pass', note: 'tự kiểm tra, không phải veraPDF' },
      });
    }
    const metadata = {
      format: 'kho-luu-tru-dip', formatVersion: 1, dipId: uuid, kind: x.kind,
      centre: deps.config.CENTRE_NAME, issuedAt: vnIsoDateTime(issuedAt),
      reader: { name: x.stamp.readerName, userId: x.actor.id },
      request: { id: x.requestId, label: x.stamp.requestLabel }, copyOrderId: x.copyOrderId,
      watermark: watermarkLines(x.stamp), files: described,
    };
    const entries: StreamEntry[] = [...pdfs.map((p) => ({ name: p.name, data: p.body })), { name: 'metadata.json', data: Buffer.from(`${JSON.stringify(metadata, null, 2)}\n`) }];
    const body = await zip(entries);
    const pages = pdfs.reduce((n, p) => n + p.pages, 0);
    await db.transaction(async (tx) => {
      const dipId = await repo.insertDip(tx, {
        uuid, kind: x.kind, copyOrderId: x.copyOrderId, requestId: x.requestId, userId: x.actor.id, readerName: x.stamp.readerName,
        recordFileIds: pdfs.map((p) => p.fileId), pages, issuedAt, zipSha256: sha(body), zipSize: body.length, metadata,
      });
      for (const p of pdfs) {
        const base = { at: issuedAt, fileId: p.fileId, dipId, objectName: p.name, sha256: p.sha256 };
        await repo.insertDipEvent(tx, { ...base, uuid: randomUUID(), type: 'creation', outcome: 'pass', agent: 'pdf-lib 1.17.1',
          detail: `Tạo PDF/A-2b bản sao có dấu nhận diện (${p.pages} trang) cho gói DIP` });
        await repo.insertDipEvent(tx, { ...base, uuid: randomUUID(), type: 'validation', outcome: 'pass', agent: `Kho Lưu trữ pdfa-check; ${tools.join('; ')}`,
          detail: 'Tự kiểm tra PDF/A-2b (không phải veraPDF): ' + p.check.checks.map((c) => `${c.name}=đạt`).join('; '), data: p.check });
        await repo.insertDipEvent(tx, { ...base, uuid: randomUUID(), type: 'dissemination', outcome: 'pass', agent: 'Kho Lưu trữ — phòng đọc',
          detail: `Trao gói DIP cho độc giả ${x.stamp.readerName} (phiếu ${x.stamp.requestLabel}${x.copyOrderId ? `, đơn sao #${x.copyOrderId}` : ''})` });
      }
    });
    return Download.attachment(`DIP-${uuid.slice(0, 8)}.zip`, 'application/zip', body);
  }

  /** The reader's own delivered copy order as a DIP; any other order answers as not found (as its copy.pdf does). */
  async function ofCopyOrder(actor: Actor, orderId: number): Promise<Download> {
    const own = (await listOrders(db, { readerUserId: actor.id })).find((o) => o.id === orderId);
    if (!own || own.status !== 'delivered') throw CIRCULATION_ERRORS.copyOrderNotFound();
    const parts = [];
    for (const l of await orderLines(db, own.requestId)) {
      if (l.digitisedPages > 0) parts.push({ fileId: l.recordFileId, pages: await filePages(db, l.recordFileId, l.pageFrom, l.pageTo) });
    }
    const stamp = { readerName: own.readerName, requestLabel: `${own.requestNo}/${own.requestYear}`, day: vnToday(deps.clock), centre: deps.config.CENTRE_NAME };
    return build({ kind: 'copy_order', actor, copyOrderId: own.id, requestId: own.requestId, stamp, parts });
  }

  /** A researcher's download (live viewing window, visible pages only) as a DIP. */
  async function ofDownload(actor: Actor, scope: Scope, fileId: number, from?: number, to?: number): Promise<Download> {
    const { stamp, pages } = await s.viewing.readerCopy(actor, scope, fileId, from, to);
    const [no, yr] = stamp.requestLabel.split('/').map(Number);
    const requestId = no && yr ? await repo.requestIdOf(db, no, yr) : null;
    return build({ kind: 'download', actor, copyOrderId: null, requestId, stamp, parts: [{ fileId, pages }] });
  }

  return { ofCopyOrder, ofDownload, list: (f: { copyOrderId?: number; userId?: number }) => repo.listDips(db, f), events: (id: number) => repo.dipEvents(db, id) };
}

export type DipService = ReturnType<typeof createDipService>;

/**
 * Use cases of the digital archive: request an AIP (a durable job), follow it, download it, check its fixity, and
 * get the PDF/A-2b of one file on demand (self-checked and recorded like the packaged ones).
 */
import fs from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { Download, PDF_TYPE } from '../core/download.js';
import { ARCHIVE_ERRORS } from '../core/errors-archive.js';
import { buffer } from 'node:stream/consumers';
import { pagesOcr } from '../digitization/pages.repository.js';
import { currentYear } from '../core/time/index.js';
import { pdfaDocument } from '../../ocr/export/pdfa.js';
import { selfCheckPdfa, checkToolVersions } from './pdfa-check.js';
import { createAipVault } from './aip-vault.js';
import * as repo from './aip.repository.js';

/** The row as the API shows it: where it lies in the vault stays inside. */
const shown = ({ objectKey: _k, ...row }: repo.AipExportRow) => row;

export function createArchiveService(deps: Deps) {
  const vault = createAipVault(deps.config, deps.blobs, deps.clock);

  async function requestAip(actor: Actor, target: { fileId?: number; fondsId?: number }) {
    if (Boolean(target.fileId) === Boolean(target.fondsId)) throw ARCHIVE_ERRORS.aipBadScope();
    if (target.fileId) {
      const f = await repo.filePageCount(deps.db, target.fileId);
      if (!f) throw ARCHIVE_ERRORS.archiveFileNotFound(target.fileId);
      if (!f.pages) throw ARCHIVE_ERRORS.nothingDigitised();
    } else {
      if (!(await repo.fondsExists(deps.db, target.fondsId!))) throw ARCHIVE_ERRORS.archiveFondsNotFound(target.fondsId!);
      if (!(await repo.fondsDigitisedFiles(deps.db, target.fondsId!)).length) throw ARCHIVE_ERRORS.nothingDigitised();
    }
    const packageId = `AIP_hoso-VN-KLT-${target.fileId ? `F${target.fileId}` : `P${target.fondsId}`}-${randomUUID().slice(0, 8)}`;
    return deps.db.transaction(async (tx) => {
      const row = await repo.insertExport(tx, { scope: target.fileId ? 'file' : 'fonds', fileId: target.fileId ?? null, fondsId: target.fondsId ?? null, packageId, userId: actor.id, at: deps.clock() });
      await deps.jobs.send('archive.aip', { exportId: row.id });
      return shown(row);
    });
  }

  async function stored(id: number) {
    const row = await repo.getExport(deps.db, id);
    if (!row) throw ARCHIVE_ERRORS.aipNotFound(id);
    return row;
  }

  async function download(id: number) {
    const row = await stored(id);
    if (row.status !== 'done' || !row.objectKey) throw ARCHIVE_ERRORS.aipNotReady(row.status);
    return new Download({
      contentType: 'application/zip', filename: `${row.packageId}.zip`, disposition: 'attachment', size: Number(row.sizeBytes),
      version: row.sha256 ?? undefined, freshFor: 'revalidate', body: () => vault.read(row.objectKey!),
      fixity: { status: row.fixityStatus, sha256: row.sha256 ?? undefined },
    });
  }

  /** Re-hashes stored AIPs (one or all) and records a PREMIS fixity event for each. */
  async function checkFixity(ids?: number[]) {
    const rows = (await repo.doneExports(deps.db)).filter((r) => !ids || ids.includes(r.id));
    const out: { id: number; status: string }[] = [];
    for (const r of rows) {
      const got = await vault.rehash(r.objectKey);
      const status = !got ? 'missing' : got.sha256 === r.sha256 && got.size === Number(r.sizeBytes) ? 'ok' : 'corrupt';
      await deps.db.transaction(async (tx) => {
        await repo.setAipFixity(tx, r.id, status, deps.clock());
        await repo.insertPremisEvent(tx, {
          uuid: randomUUID(), type: 'fixity check', at: deps.clock(), fileId: null, aipId: r.id, objectName: r.objectKey, sha256: got?.sha256 ?? null,
          outcome: status === 'ok' ? 'pass' : 'fail', detail: `Băm lại SHA-256 gói AIP: ${status}`, agent: 'Kho Lưu trữ — kiểm tra toàn vẹn AIP',
          data: { expectedSha256: r.sha256, expectedSize: Number(r.sizeBytes), actual: got },
        });
      });
      if (status !== 'ok') deps.log.error({ aipId: r.id, status }, 'kiểm tra toàn vẹn: gói AIP hỏng hoặc mất');
      out.push({ id: r.id, status });
    }
    return out;
  }

  /**
   * The PDF/A-2b of one file, or of one document (its pages only), built now from the stored OCR; self-checked, both
   * steps recorded as PREMIS events (against the file).
   */
  async function pdfaOf(fileId: number, documentId: number | null) {
    const file = await repo.archiveFile(deps.db, fileId, currentYear(deps.clock));
    if (!file) throw ARCHIVE_ERRORS.archiveFileNotFound(fileId);
    const doc = documentId ? await repo.documentOf(deps.db, documentId) : undefined;
    if (documentId && (!doc || doc.fileId !== fileId)) throw ARCHIVE_ERRORS.documentNotFound(documentId);
    const pages = (await repo.filePages(deps.db, fileId)).filter((p) => !doc || p.documentId === doc.id);
    const ocr = await pagesOcr(deps.db, pages.map((p) => p.id));
    if (!pages.length) throw ARCHIVE_ERRORS.nothingDigitised();
    const pending = pages.filter((p) => !ocr.has(p.id) || p.derivativesStatus !== 'done' || !p.accessKey).length;
    if (pending) throw ARCHIVE_ERRORS.pagesNotReady(pending);
    const images = [];
    for (const p of pages) images.push({ page: ocr.get(p.id)!, image: await buffer(await deps.blobs.get(p.accessKey!)), dpi: p.dpi });
    const at = deps.clock();
    const pdf = await pdfaDocument(images, {
      title: doc ? `${file.fileNotation} — văn bản ${doc.ordinal}: ${doc.subject}` : `${file.fileNotation} — ${file.title}`,
      identifier: doc ? doc.code ?? `${file.fileCode ?? file.fileNotation}.${doc.ordinal}` : file.fileCode ?? file.fileNotation,
      relations: [`VN-KLT-FILE-${file.id}`, ...(doc ? [`VN-KLT-DOC-${doc.id}`] : [])],
      creator: deps.config.CENTRE_NAME, createdAt: at, documentId: randomUUID().replace(/-/g, ''), iccProfile: await fs.promises.readFile(deps.config.ARCHIVE_ICC_PROFILE),
    });
    const check = await selfCheckPdfa(pdf, pages.map((p) => ocr.get(p.id)!.text));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const name = doc ? `ho-so-${file.id}-van-ban-${doc.ordinal}.pdf` : `ho-so-${file.id}.pdf`;
    await deps.db.transaction(async (tx) => {
      await repo.insertPremisEvent(tx, { uuid: randomUUID(), type: 'creation', at, fileId, aipId: null, objectName: name, sha256, outcome: 'pass', detail: 'Tạo PDF/A-2b theo yêu cầu', agent: 'pdf-lib 1.17.1', data: { pages: pages.length, documentId: doc?.id ?? null } });
      await repo.insertPremisEvent(tx, { uuid: randomUUID(), type: 'validation', at, fileId, aipId: null, objectName: name, sha256, outcome: check.passed ? 'pass' : 'fail', detail: 'Tự kiểm tra PDF/A-2b (không phải veraPDF)', agent: `Kho Lưu trữ pdfa-check; ${(await checkToolVersions()).join('; ')}`, data: check });
    });
    if (!check.passed) throw ARCHIVE_ERRORS.pdfaSelfCheckFailed(check.checks.filter((c) => !c.ok).map((c) => c.name));
    return new Download({ contentType: PDF_TYPE, body: pdf, filename: name, disposition: 'attachment' });
  }

  async function documentPdfa(documentId: number) {
    const d = await repo.documentOf(deps.db, documentId);
    if (!d) throw ARCHIVE_ERRORS.documentNotFound(documentId);
    return pdfaOf(d.fileId, documentId);
  }

  const premisEvents = async (id: number) => {
    await stored(id);
    return (await repo.premisEventsOfAip(deps.db, id)).map(({ uuid, type, at, objectName, outcome, detail, agent }) => ({ uuid, type, at, objectName, outcome, detail, agent }));
  };

  const get = async (id: number) => shown(await stored(id));

  return { requestAip, get, list: async (f: { fileId?: number; fondsId?: number }) => (await repo.listExports(deps.db, f)).map(shown), download, checkFixity, filePdfa: (id: number) => pdfaOf(id, null), documentPdfa, premisEvents, vault };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;

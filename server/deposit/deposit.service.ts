/**
 * Digital deposit (nộp lưu tài liệu số): a package is read, checked as a whole, and either refused with every
 * problem — nothing stored — or accepted as a digital handover already submitted for appraisal. From there it
 * follows the paper workflow (appraise, approve, receive); receipt turns its PDFs into pages (materialise.ts).
 *
 * Storing follows the upload order that never orphans: every check first, then the PDFs under fresh keys, then ONE
 * transaction (handover, inventory rows, package, files, PREMIS events, audit); on any failure the objects are
 * deleted again. The unpacked copies live in a temp folder removed whatever happens.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { AppError, ERRORS } from '../core/errors.js';
import type { UploadedFile } from '../core/upload.js';
import { sha256File } from '../core/hash.js';
import { vnToday, yearOf } from '../core/time/index.js';
import { recordEvent } from '../audit/audit.repository.js';
import { computeDeadline } from '../deadlines/deposit-deadline.js';
import { assertSafeKey } from '../../storage/safe-key.js';
import { findAgency, findFonds, findPlan, insertHandover, planHasAgency } from '../handover/handover.repository.js';
import { insertRecords } from '../handover/inventory.repository.js';
import { ratioSettings } from '../handover/handover.view.js';
import type { PlanStatusPort } from '../handover/ports.js';
import { insertPremisEvent } from '../archive/aip.repository.js';
import { checkToolVersions } from '../archive/pdfa-check.js';
import { checkPackage, type CheckedPdf } from './package-checks.js';
import { readPackage } from './zip-reader.js';
import * as repo from './deposit.repository.js';
import { depositView } from './deposit.view.js';
import { depositRecordDocx } from './deposit-record.js';
import type { DepositRequest } from '../contract/deposit.js';

const MB = 1024 * 1024;

export const depositTmpDir = (deps: Deps) => path.join(deps.config.DATA_DIR, 'tmp');

export function createDepositService(deps: Deps, others: { intake: PlanStatusPort }) {
  async function owner(actor: Actor, input: DepositRequest) {
    const agencyId = actor.role === 'agency' ? actor.agencyId : input.agencyId;
    if (actor.role === 'agency' && input.agencyId !== undefined && input.agencyId !== actor.agencyId) {
      throw ERRORS.forbidden('Tài khoản cơ quan chỉ nộp lưu cho chính cơ quan mình.');
    }
    if (agencyId == null) throw ERRORS.depositAgencyRequired();
    if (!(await findAgency(deps.db, agencyId))) throw ERRORS.handoverAgencyNotFound();
    if (input.fondsId !== undefined) {
      const f = await findFonds(deps.db, input.fondsId);
      if (!f) throw ERRORS.fondsNotFound();
      if (f.agencyId !== agencyId) throw ERRORS.fondsAgencyMismatch();
    } else if (!(await repo.agencyHasFonds(deps.db, agencyId))) {
      throw ERRORS.depositNoFonds();
    }
    if (input.planId !== undefined) {
      if (!(await findPlan(deps.db, input.planId))) throw ERRORS.planNotFound();
      if (!(await planHasAgency(deps.db, input.planId, agencyId))) throw ERRORS.agencyNotInPlan();
    }
    return agencyId;
  }

  async function store(actor: Actor, agencyId: number, input: DepositRequest, file: UploadedFile, checked: Awaited<ReturnType<typeof checkPackage>>) {
    const zipSha = await sha256File(file.path);
    const prefix = `deposits/${crypto.randomUUID()}`;
    const stored: string[] = [];
    try {
      const placed: { pdf: CheckedPdf; key: string }[] = [];
      for (const pdf of checked.pdfs) {
        const key = assertSafeKey(`${prefix}/${pdf.record.rowNo}.pdf`);
        await deps.blobs.put(key, fs.createReadStream(pdf.entry.file), {
          size: pdf.entry.size, contentType: 'application/pdf', metadata: { sha256: pdf.entry.sha256 },
        });
        stored.push(key);
        placed.push({ pdf, key });
      }
      const at = deps.clock();
      const tools = (await checkToolVersions()).join(', ');
      return await deps.db.transaction(async (tx) => {
        const title = input.title ?? `Nộp lưu tài liệu số: ${file.originalName}`.slice(0, 500);
        const handoverId = await insertHandover(tx, {
          agencyId, fondsId: input.fondsId ?? null, planId: input.planId ?? null, title, status: 'submitted', submittedAt: at,
          sourceFilename: file.originalName.slice(0, 500), sourceSha256: zipSha,
        }, actor.id, at);
        await repo.markDigital(tx, handoverId);
        await insertRecords(tx, { agencyId, fondsId: input.fondsId ?? null, handoverId },
          checked.records.map((record) => ({ record, deadline: computeDeadline(record, deps.config.DEADLINE_TRANSITION_RULE) })));
        const packageId = await repo.insertPackage(tx, {
          handoverId, agencyId, originalName: file.originalName.slice(0, 500), sha256: zipSha, sizeBytes: file.size,
          metadataFile: checked.metadata!.name, files: placed.length, pages: placed.reduce((n, p) => n + p.pdf.pages, 0), createdBy: actor.id || null, at,
        });
        const ids = await repo.recordIdsByRow(tx, handoverId);
        for (const { pdf, key } of placed) {
          const recordFileId = ids.get(pdf.record.rowNo)!;
          await repo.insertDepositFile(tx, { packageId, recordFileId, path: pdf.entry.name, objectKey: key, sha256: pdf.entry.sha256, sizeBytes: pdf.entry.size, pages: pdf.pages });
          const base = { at, fileId: recordFileId, aipId: null, objectName: pdf.entry.name, sha256: pdf.entry.sha256 };
          await insertPremisEvent(tx, { ...base, uuid: crypto.randomUUID(), type: 'fixity check', outcome: 'pass', agent: 'Kho Lưu trữ (node:crypto SHA-256)',
            detail: `SHA-256 của tệp trong gói nộp lưu khớp danh mục manifest-sha256.txt`, data: { packageId } });
          await insertPremisEvent(tx, { ...base, uuid: crypto.randomUUID(), type: 'validation', outcome: 'pass', agent: tools,
            detail: 'Tự kiểm tra PDF/A-2b khi nộp lưu (không phải veraPDF)', data: { packageId, checks: pdf.check.checks } });
        }
        await recordEvent(tx, actor, {
          entityType: 'handover', entityId: handoverId, action: 'handover.deposited', after: { status: 'submitted', kind: 'digital' },
          data: { packageId, filename: file.originalName, sha256: zipSha, files: placed.length, rows: checked.records.length }, at,
        });
        if (input.planId !== undefined) await others.intake.setPlanAgencyStatus(tx, actor, input.planId, agencyId, 'inventory_submitted');
        return packageId;
      });
    } catch (err) {
      for (const key of stored) {
        await deps.blobs.delete(key).catch((e) => deps.log.warn({ err: e, key }, 'không xóa được tệp nộp lưu mồ côi'));
      }
      if (err instanceof AppError) throw err;
      throw ERRORS.depositStoreFailed(err);
    }
  }

  async function get(actor: Actor, id: number) {
    const p = await repo.findPackage(deps.db, id);
    if (!p || (actor.role === 'agency' && actor.agencyId !== p.agencyId)) throw ERRORS.depositNotFound(id);
    return depositView(p, await repo.packageFiles(deps.db, id));
  }

  return {
    get,

    async deposit(actor: Actor, file: UploadedFile, input: DepositRequest) {
      const agencyId = await owner(actor, input);
      const tmp = depositTmpDir(deps);
      await fs.promises.mkdir(tmp, { recursive: true });
      const dir = await fs.promises.mkdtemp(path.join(tmp, 'deposit-'));
      try {
        const read = await readPackage(file.path, dir, {
          maxEntries: deps.config.DEPOSIT_MAX_ENTRIES,
          maxUncompressedBytes: deps.config.DEPOSIT_MAX_UNCOMPRESSED_MB * MB,
          maxRatio: deps.config.DEPOSIT_MAX_RATIO,
        });
        if (read.problems.length) throw ERRORS.depositRejected(read.problems);
        const today = vnToday(deps.clock);
        const checked = await checkPackage(read.entries, {
          inventory: { today, currentYear: yearOf(today), recordsToYear: null, declaredBoxes: null, ...ratioSettings(deps, { boxWidthCm: null, measuredMetres: null }) },
          maxRows: deps.config.MAX_IMPORT_ROWS,
          maxPdfPages: deps.config.DEPOSIT_MAX_PDF_PAGES,
          tmpDir: dir,
        });
        if (checked.problems.length) throw ERRORS.depositRejected(checked.problems);
        const id = await store(actor, agencyId, input, file, checked);
        return get(actor, id);
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },

    async premisEvents(actor: Actor, id: number) {
      await get(actor, id);
      return repo.premisEventsOfPackage(deps.db, id);
    },

    recordDocx: (actor: Actor, id: number) => depositRecordDocx(deps, actor, id),
  };
}

export type DepositService = ReturnType<typeof createDepositService>;

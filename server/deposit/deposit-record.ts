/** Biên bản thu nộp tài liệu lưu trữ số: the handover record's digital variant (server/handover/record-docx.ts). */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { DOCX_TYPE, Download } from '../core/download.js';
import { ERRORS } from '../core/errors.js';
import { findHandover } from '../handover/handover.repository.js';
import { buildRecordDocx } from '../handover/record-docx.js';
import { recordFields } from '../handover/record-document.service.js';
import * as repo from './deposit.repository.js';

export async function depositRecordDocx(deps: Deps, actor: Actor, depositId: number): Promise<Download> {
  const p = await repo.findPackage(deps.db, depositId);
  if (!p || (actor.role === 'agency' && actor.agencyId !== p.agencyId)) throw ERRORS.depositNotFound(depositId);
  return renderDepositRecord(deps, p);
}

/** The record of a digital handover, whose visibility the caller has already checked; null when it has no package. */
export async function depositRecordOfHandover(deps: Deps, handoverId: number): Promise<Download | null> {
  const p = await repo.packageOfHandover(deps.db, handoverId);
  return p ? renderDepositRecord(deps, p) : null;
}

async function renderDepositRecord(deps: Deps, p: repo.PackageRow): Promise<Download> {
  const h = (await findHandover(deps.db, p.handoverId))!;
  const body = await buildRecordDocx({
    ...(await recordFields(deps, h)),
    // A digital deposit has no boxes on shelves: the record prints its package, files and checksums instead.
    boxes: 0,
    measuredMetres: null,
    estimatedMetres: 0,
    digital: { packageName: p.originalName, sha256: p.sha256, sizeBytes: p.sizeBytes, pdfFiles: p.files, pages: p.pages, metadataFile: p.metadataFile },
  });
  return Download.attachment(`bien-ban-thu-nop-${h.agencyCode}-${h.id}.docx`, DOCX_TYPE, body);
}

/** Biên bản thu nộp tài liệu lưu trữ số: the handover record's digital variant (server/handover/record-docx.ts). */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { DOCX_TYPE, Download } from '../core/download.js';
import { ERRORS } from '../core/errors.js';
import { vnToday } from '../core/time/index.js';
import { findHandover, findPlan } from '../handover/handover.repository.js';
import { reconciliationOf, toHandover } from '../handover/handover.view.js';
import { listDiscrepancies } from '../handover/receipt.repository.js';
import { buildRecordDocx, placeNameOf } from '../handover/record-docx.js';
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
  const { summary } = await toHandover(deps, h);
  const plan = h.planId ? ((await findPlan(deps.db, h.planId)) ?? null) : null;
  const body = await buildRecordDocx({
    draft: h.status !== 'received',
    centreName: deps.config.CENTRE_NAME,
    agencyName: h.agencyName,
    placeName: deps.config.CENTRE_PLACE ?? placeNameOf(deps.config.CENTRE_NAME),
    venue: h.place,
    date: h.handoverDate ?? vnToday(deps.clock),
    legalBasis: h.legalBasis,
    plan,
    approvalDecision: h.approvalDecision,
    delivering: { name: h.deliveringName, position: h.deliveringPosition },
    receiving: { name: h.receivingName, position: h.receivingPosition },
    fondsName: h.fondsName,
    fromYear: summary.fromYear,
    toYear: summary.toYear,
    boxes: 0,
    files: reconciliationOf(h)?.filesReceived ?? summary.files,
    sheets: summary.sheets,
    measuredMetres: null,
    estimatedMetres: 0,
    inventoryCopies: h.inventoryCopies,
    physicalCondition: h.physicalCondition,
    attachments: h.attachments,
    counts: reconciliationOf(h),
    discrepancies: h.status === 'received' ? await listDiscrepancies(deps.db, h.id) : [],
    digital: { packageName: p.originalName, sha256: p.sha256, sizeBytes: p.sizeBytes, pdfFiles: p.files, pages: p.pages, metadataFile: p.metadataFile },
  });
  return Download.attachment(`bien-ban-thu-nop-${h.agencyCode}-${h.id}.docx`, DOCX_TYPE, body);
}

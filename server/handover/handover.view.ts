/** The Handover object of the API contract, built from the header row and the stored inventory. */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import type { HandoverRow } from './handover.repository.js';
import { inventoryAggregate } from './inventory.repository.js';
import { computeSummary, type RatioSettings } from './inventory/summary.js';

export function ratioSettings(deps: Deps, h: Pick<HandoverRow, 'boxWidthCm' | 'measuredMetres'>): RatioSettings {
  return {
    boxWidthCm: h.boxWidthCm ?? deps.config.BOX_WIDTH_CM,
    measuredMetres: h.measuredMetres,
    minFilesPerMetre: deps.config.FILES_PER_METRE_MIN,
    maxFilesPerMetre: deps.config.FILES_PER_METRE_MAX,
  };
}

export function reconciliationOf(h: HandoverRow) {
  if (h.filesListed === null) return null;
  return {
    filesListed: h.filesListed,
    filesMissing: h.filesMissing ?? 0,
    filesExtra: h.filesExtra ?? 0,
    filesDamaged: h.filesDamaged ?? 0,
    filesReceived: h.filesReceived ?? 0,
  };
}

export async function toHandover(deps: Deps, h: HandoverRow, db: Queryable = deps.db) {
  const summary = computeSummary(await inventoryAggregate(db, h.id), ratioSettings(deps, h));
  return {
    id: h.id,
    agencyId: h.agencyId,
    agencyCode: h.agencyCode,
    agencyName: h.agencyName,
    fondsId: h.fondsId,
    fondsCode: h.fondsCode,
    fondsName: h.fondsName,
    planId: h.planId,
    planDecisionNo: h.planDecisionNo,
    inventoryNo: h.inventoryNo,
    title: h.title,
    status: h.status,
    locked: h.status === 'received',
    declaredBoxes: h.declaredBoxes,
    boxTypeId: h.boxTypeId,
    measuredMetres: h.measuredMetres,
    deliveringName: h.deliveringName,
    deliveringPosition: h.deliveringPosition,
    receivingName: h.receivingName,
    receivingPosition: h.receivingPosition,
    legalBasis: h.legalBasis,
    place: h.place,
    physicalCondition: h.physicalCondition,
    attachments: h.attachments,
    inventoryCopies: h.inventoryCopies,
    approvalDecision: h.approvalDecision,
    appraisalSummary: h.appraisalSummary,
    sourceFilename: h.sourceFilename,
    submittedAt: h.submittedAt,
    appraisedAt: h.appraisedAt,
    approvedAt: h.approvedAt,
    receivedAt: h.receivedAt,
    cancelledAt: h.cancelledAt,
    handoverDate: h.handoverDate,
    summary,
    counts: reconciliationOf(h),
  };
}

export type Handover = Awaited<ReturnType<typeof toHandover>>;

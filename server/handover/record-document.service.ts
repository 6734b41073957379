/** Gathers what the handover record (Biên bản giao nhận) prints and renders it as DOCX. */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import { DOCX_TYPE, Download } from '../core/download.js';
import { vnToday } from '../core/time/index.js';
import { visibleHandover } from './handover.guards.js';
import { findPlan } from './handover.repository.js';
import { reconciliationOf, toHandover } from './handover.view.js';
import { listDiscrepancies } from './receipt.repository.js';
import { buildRecordDocx, placeNameOf } from './record-docx.js';

/** The digital deposit's record (Biên bản thu nộp) of a handover; null when it has no package. Wired in services.ts. */
export interface DepositRecordPort {
  recordOfHandover(handoverId: number): Promise<Download | null>;
}

type Handover = Awaited<ReturnType<typeof visibleHandover>>;

/** What the record prints of a handover; the digital deposit's record starts from the same fields. */
export async function recordFields(deps: Deps, h: Handover): Promise<Parameters<typeof buildRecordDocx>[0]> {
  const { summary } = await toHandover(deps, h);
  const plan = h.planId ? ((await findPlan(deps.db, h.planId)) ?? null) : null;
  return {
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
    boxes: summary.boxes,
    files: reconciliationOf(h)?.filesReceived ?? summary.files,
    sheets: summary.sheets,
    measuredMetres: h.measuredMetres,
    estimatedMetres: summary.estimatedMetres,
    inventoryCopies: h.inventoryCopies,
    physicalCondition: h.physicalCondition,
    attachments: h.attachments,
    counts: reconciliationOf(h),
    discrepancies: h.status === 'received' ? await listDiscrepancies(deps.db, h.id) : [],
  };
}

export function recordDocumentUseCases(deps: Deps, deposits?: DepositRecordPort) {
  return {
    /**
     * Available from the draft on, so both sides can check it; marked DỰ THẢO until received. A digital handover
     * prints the Biên bản thu nộp instead: it has no boxes or metres, but a package, its files and their checksums.
     */
    async recordDocx(actor: Actor, id: number): Promise<Download> {
      const h = await visibleHandover(deps, actor, id);
      if (h.kind === 'digital' && deposits) {
        const digital = await deposits.recordOfHandover(id);
        if (digital) return digital;
      }
      const body = await buildRecordDocx(await recordFields(deps, h));
      return Download.attachment(`bien-ban-giao-nhan-${h.agencyCode}-${id}.docx`, DOCX_TYPE, body);
    },
  };
}

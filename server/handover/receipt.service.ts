/**
 * Receiving the files (giao nhận): the physical check against the inventory gives a discrepancy list
 * that must reconcile, the boxes go onto shelves, files are coded and locked, and one
 * 'handover.received' event carries the figures the yearly reports are built from.
 */
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { vnToday } from '../core/time/index.js';
import { lockedVisibleHandover, requireStatus, visibleHandover } from './handover.guards.js';
import { findHandover, updateHandover } from './handover.repository.js';
import type { ReceiveInput } from './handover.schemas.js';
import { reconciliationOf, toHandover } from './handover.view.js';
import { insertDiscrepancies, listDiscrepancies, listedRows, markReceived, markReceivedWithoutBoxes, removeDepositedFromRegister, type ListedRow } from './receipt.repository.js';
import type { BoxPlacementPort, PlanStatusPort } from './ports.js';
import { syncPlan } from './workflow.service.js';

type Discrepancy = ReceiveInput['discrepancies'][number];
interface CheckedDiscrepancy { kind: Discrepancy['kind']; rowNo: number | null; fileNotation: string | null; description: string }

/**
 * Missing and damaged files name an inventory row (a row can't be both); extra files are not in the inventory.
 * Returns the stored form (file numbers filled in from the inventory) or every problem at once.
 */
export function checkDiscrepancies(listed: ListedRow[], items: Discrepancy[]) {
  const byRow = new Map(listed.map((r) => [r.rowNo, r]));
  const listedNotations = new Map(listed.map((r) => [r.fileNotation.toUpperCase(), r.rowNo]));
  const problems: { index: number; message: string }[] = [];
  const missing = new Set<number>();
  const damaged = new Set<number>();
  const out: CheckedDiscrepancy[] = [];
  items.forEach((d, index) => {
    const fail = (message: string) => problems.push({ index, message });
    if (d.kind === 'extra') {
      if (d.rowNo != null) return fail('Hồ sơ thừa là hồ sơ không có trong mục lục nên không ghi Số TT.');
      const inList = d.fileNotation ? listedNotations.get(d.fileNotation.toUpperCase()) : undefined;
      if (inList !== undefined) return fail(`Hồ sơ "${d.fileNotation}" có trong mục lục (Số TT ${inList}) nên không phải hồ sơ thừa.`);
      out.push({ kind: 'extra', rowNo: null, fileNotation: d.fileNotation ?? null, description: d.description });
      return;
    }
    const label = d.kind === 'missing' ? 'thiếu' : 'hư hỏng';
    if (d.rowNo == null) return fail(`Hồ sơ ${label} phải ghi Số TT trong mục lục.`);
    const row = byRow.get(d.rowNo);
    if (!row) return fail(`Mục lục không có hồ sơ Số TT ${d.rowNo}.`);
    if (d.fileNotation && d.fileNotation.toUpperCase() !== row.fileNotation.toUpperCase()) {
      return fail(`Số TT ${d.rowNo} là hồ sơ "${row.fileNotation}", không phải "${d.fileNotation}".`);
    }
    const own = d.kind === 'missing' ? missing : damaged;
    const other = d.kind === 'missing' ? damaged : missing;
    if (own.has(d.rowNo)) return fail(`Hồ sơ Số TT ${d.rowNo} được ghi ${label} hai lần.`);
    if (other.has(d.rowNo)) return fail(`Hồ sơ Số TT ${d.rowNo} không thể vừa thiếu vừa hư hỏng.`);
    own.add(d.rowNo);
    out.push({ kind: d.kind, rowNo: d.rowNo, fileNotation: row.fileNotation, description: d.description });
  });
  const extra = out.filter((d) => d.kind === 'extra').length;
  const counts = {
    filesListed: listed.length,
    filesMissing: missing.size,
    filesExtra: extra,
    filesDamaged: damaged.size,
    filesReceived: listed.length - missing.size + extra,
  };
  if (counts.filesDamaged > counts.filesReceived) problems.push({ index: -1, message: 'Số hồ sơ hư hỏng lớn hơn số hồ sơ thực nhận.' });
  return { problems, items: out, missing, counts };
}

/** Box numbers in inventory order, only of boxes that actually hold a received file. */
function boxNosOf(listed: ListedRow[], missing: Set<number>): string[] {
  const seen = new Set<string>();
  for (const r of listed) if (r.boxNo !== null && !missing.has(r.rowNo)) seen.add(r.boxNo);
  return [...seen];
}

export function receiptUseCases(deps: Deps, others: { intake: PlanStatusPort; stacks: BoxPlacementPort }) {
  return {
    async receive(actor: Actor, id: number, input: ReceiveInput) {
      const at = deps.clock();
      if (input.handoverDate > vnToday(at)) {
        throw ERRORS.handoverDateInvalid();
      }
      await deps.db.transaction(async (tx) => {
        const h = await lockedVisibleHandover(tx, actor, id);
        requireStatus(h, ['approved'], 'giao nhận');
        const listed = await listedRows(tx, id);
        const checked = checkDiscrepancies(listed, input.discrepancies);
        if (checked.problems.length > 0) {
          throw ERRORS.discrepanciesInvalid(checked.problems);
        }
        // A digital deposit (server/deposit) has no boxes to shelve: its files are coded and then become pages.
        const digital = h.kind === 'digital';
        const boxNos = digital ? [] : boxNosOf(listed, checked.missing);
        if (digital ? checked.counts.filesReceived === 0 : boxNos.length === 0) {
          throw ERRORS.nothingReceived();
        }
        const placed = digital ? { boxes: [], estimatedMetres: 0 } : await others.stacks.placeHandoverBoxes(tx, actor, {
          handoverId: id,
          agencyId: h.agencyId,
          fondsId: h.fondsId,
          boxNos,
          boxTypeId: h.boxTypeId,
          ...(input.shelfIds ? { shelfIds: input.shelfIds } : {}),
        });
        const marking = {
          handoverId: id,
          at,
          codePrefix: h.fondsCode ?? h.agencyCode,
          inventoryNo: h.inventoryNo,
          missingRowNos: [...checked.missing],
          boxes: placed.boxes.map((b) => ({ boxNo: b.boxNo, id: b.id })),
        };
        if (digital) {
          await markReceivedWithoutBoxes(tx, marking);
          await deps.jobs.send('deposit.materialise', { handoverId: id });
        } else {
          await markReceived(tx, marking);
        }
        await insertDiscrepancies(tx, id, at, checked.items);
        const metresMeasured = input.measuredMetres ?? h.measuredMetres ?? null;
        await updateHandover(tx, id, {
          status: 'received',
          receivedAt: at,
          handoverDate: input.handoverDate,
          measuredMetres: metresMeasured,
          physicalCondition: input.physicalCondition,
          attachments: input.attachments === undefined ? h.attachments : input.attachments,
          deliveringName: input.deliveringName,
          deliveringPosition: input.deliveringPosition,
          receivingName: input.receivingName,
          receivingPosition: input.receivingPosition,
          ...checked.counts,
        }, at);
        const cleared = await removeDepositedFromRegister(tx, h.agencyId, id);
        if (cleared > 0) {
          await recordEvent(tx, actor, {
            entityType: 'agency', entityId: h.agencyId, action: 'agency.register_deposited', data: { handoverId: id, files: cleared }, at,
          });
        }
        // The reports read only this event: its data keys are a contract (see the stacks and reports area).
        await recordEvent(tx, actor, {
          entityType: 'handover',
          entityId: id,
          action: 'handover.received',
          before: { status: h.status },
          after: { status: 'received' },
          data: {
            agencyId: h.agencyId,
            fondsId: h.fondsId,
            filesListed: checked.counts.filesListed,
            filesReceived: checked.counts.filesReceived,
            filesMissing: checked.counts.filesMissing,
            filesExtra: checked.counts.filesExtra,
            filesDamaged: checked.counts.filesDamaged,
            boxes: placed.boxes.length,
            metresEstimated: placed.estimatedMetres,
            metresMeasured,
            handoverDate: input.handoverDate,
          },
          at,
        });
        await syncPlan(tx, others.intake, actor, h, 'received');
      });
      return toHandover(deps, (await findHandover(deps.db, id))!);
    },

    async discrepancies(actor: Actor, id: number) {
      const h = await visibleHandover(deps, actor, id);
      const items = await listDiscrepancies(deps.db, id);
      const reconciliation = reconciliationOf(h) ?? {
        filesListed: (await toHandover(deps, h)).summary.files,
        filesMissing: 0,
        filesExtra: 0,
        filesDamaged: 0,
        filesReceived: 0,
      };
      return { items, reconciliation };
    },
  };
}

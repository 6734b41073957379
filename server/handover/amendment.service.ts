/**
 * Corrections after receipt (đính chính): the record and its files are locked, so a change is an
 * amendment with a reason, stored with before/after in handover_amendments and in the events log.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { recordEvent } from '../audit/audit.repository.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import { lockedVisibleHandover, visibleHandover } from './handover.guards.js';
import { updateHandover, type HandoverRow } from './handover.repository.js';
import { findHandoverBox, insertAmendment, listAmendments, lockRowField, moveFileToBox, setRowField, type RowField } from './amendment.repository.js';
import { RECORD_AMENDABLE, ROW_AMENDABLE, type AmendmentInput } from './handover.schemas.js';
import { normaliseBoxNo } from './inventory/cells.js';
import { MAX_LENGTH } from './inventory/row-checks.js';

const invalid = ERRORS.amendmentInvalid;

function textValue(v: unknown, max: number, required: boolean): string | null {
  if (v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw invalid('Giá trị mới không được để trống.');
    return null;
  }
  if (typeof v !== 'string') throw invalid('Giá trị mới phải là văn bản.');
  const s = v.normalize('NFC').trim();
  if (s.length > max) throw invalid(`Giá trị mới dài quá ${max} ký tự.`);
  return s;
}

function positiveInt(v: unknown): number {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw invalid('Số tờ phải là số nguyên dương.');
  return n;
}

async function amendRow(tx: Queryable, h: HandoverRow, rowNo: number, field: string, value: unknown) {
  if (!(ROW_AMENDABLE as readonly string[]).includes(field)) {
    throw invalid(`Trường "${field}" không đính chính được trên từng hồ sơ; được sửa: ${ROW_AMENDABLE.join(', ')}.`);
  }
  const row = await lockRowField(tx, h.id, rowNo, field as RowField);
  if (!row) throw ERRORS.rowNotInInventory(rowNo);
  let after: unknown;
  if (field === 'title') after = textValue(value, MAX_LENGTH.title, true);
  else if (field === 'sheets') after = positiveInt(value);
  else if (field === 'notes') after = textValue(value, MAX_LENGTH.notes, false);
  else if (field === 'physicalCondition') after = textValue(value, MAX_LENGTH.physicalCondition, false);
  else {
    const text = textValue(typeof value === 'number' ? String(value) : value, MAX_LENGTH.boxNo, true)!;
    after = normaliseBoxNo(text);
    // A file moves only into a box that came with this handover and is already shelved.
    const box = await findHandoverBox(tx, h.id, after as string);
    if (!box) throw ERRORS.boxNotInHandover(after as string);
    await moveFileToBox(tx, row.id, box.id);
  }
  await setRowField(tx, row.id, field as RowField, after);
  return { before: row.value ?? null, after };
}

async function amendRecord(tx: Queryable, h: HandoverRow, field: string, value: unknown, at: Date) {
  if (!(RECORD_AMENDABLE as readonly string[]).includes(field)) {
    throw invalid(`Trường "${field}" không đính chính được trên biên bản; được sửa: ${RECORD_AMENDABLE.join(', ')} (ghi Số TT để sửa một hồ sơ).`);
  }
  let after: unknown;
  if (field === 'measuredMetres') {
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) throw invalid('Số mét giá phải là số không âm.');
    after = value;
  } else after = textValue(value, 2000, false);
  const before = h[field as 'measuredMetres' | 'physicalCondition' | 'attachments'] ?? null;
  await updateHandover(tx, h.id, { [field]: after }, at);
  return { before, after };
}

export function amendmentUseCases(deps: Deps) {
  return {
    async amend(actor: Actor, id: number, input: AmendmentInput) {
      const at = deps.clock();
      return deps.db.transaction(async (tx) => {
        const h = await lockedVisibleHandover(tx, actor, id);
        if (h.status !== 'received') {
          throw ERRORS.handoverNotReceived();
        }
        const rowNo = input.rowNo ?? null;
        const change = rowNo !== null ? await amendRow(tx, h, rowNo, input.field, input.value) : await amendRecord(tx, h, input.field, input.value, at);
        const amendmentId = await insertAmendment(tx, {
          handoverId: id, rowNo, field: input.field, before: change.before, after: change.after, reason: input.reason, authorId: actor.id, at,
        });
        await recordEvent(tx, actor, {
          entityType: 'handover',
          entityId: id,
          action: 'handover.amended',
          before: { [input.field]: change.before },
          after: { [input.field]: change.after },
          data: { amendmentId, rowNo, field: input.field, reason: input.reason },
          at,
        });
        return { id: amendmentId, rowNo, field: input.field, before: change.before, after: change.after, reason: input.reason, authorName: actor.displayName, createdAt: at };
      });
    },

    async amendments(actor: Actor, id: number) {
      await visibleHandover(deps, actor, id);
      return { items: await listAmendments(deps.db, id) };
    },
  };
}

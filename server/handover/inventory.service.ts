/**
 * Uploading a deposit inventory (Mục lục) to a draft handover, and an agency's current-archive register.
 * Validation happens before the transaction; the write is all-or-nothing, and the same file twice is a no-op.
 */
import type { Deps } from '../deps.js';
import type { Queryable } from '../db/db.js';
import { recordEvent } from '../audit/audit.repository.js';
import { computeDeadline } from '../deadlines/deposit-deadline.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import { readTable } from '../spreadsheet/read-table.js';
import { capWarnings } from '../spreadsheet/import-kernel.js';
import { sha256File } from '../core/hash.js';
import { MAX_PROBLEMS_SHOWN } from '../spreadsheet/problems.js';
import { vnToday, yearOf } from '../core/time/index.js';
import { lockedVisibleHandover, requireStatus, visibleHandover } from './handover.guards.js';
import { findAgency, findPlan, updateHandover } from './handover.repository.js';
import { toHandover, ratioSettings } from './handover.view.js';
import {
  countRegisterRecords,
  deleteHandoverRecords,
  deleteRegisterRecords,
  insertRecords,
  lastRegisterImport,
  listInventory,
  lockAgency,
  type RecordOwner,
} from './inventory.repository.js';
import { parseInventory, type InventoryContext, type ParsedInventory } from './inventory/parse-inventory.js';
import type { InventoryRecord, Problem } from './inventory/types.js';
import { receivedNotations } from './receipt.repository.js';


function rejectInvalid(parsed: ParsedInventory): never {
  const n = parsed.problems.length;
  const shown = n > MAX_PROBLEMS_SHOWN ? ` (hiển thị ${MAX_PROBLEMS_SHOWN} lỗi đầu tiên)` : '';
  throw ERRORS.inventoryInvalid(n, shown, { problems: parsed.problems.slice(0, MAX_PROBLEMS_SHOWN), warnings: capWarnings(parsed.warnings), problemCount: n });

}

function withDeadlines(deps: Deps, records: InventoryRecord[]) {
  return records.map((record) => ({ record, deadline: computeDeadline(record, deps.config.DEADLINE_TRANSITION_RULE) }));
}

async function replaceRecords(tx: Queryable, deps: Deps, owner: RecordOwner, records: InventoryRecord[], remove: () => Promise<number>) {
  const replaced = await remove();
  await insertRecords(tx, owner, withDeadlines(deps, records));
  return replaced;
}

export function inventoryUseCases(deps: Deps) {
  const baseContext = () => {
    const today = vnToday(deps.clock);
    return { today, currentYear: yearOf(today) };
  };

  return {
    async importInventory(actor: Actor, id: number, file: UploadedFile) {
      const h = await visibleHandover(deps, actor, id);
      if (h.kind === 'digital') throw ERRORS.depositHandoverFixed('nhập lại mục lục cho');
      requireStatus(h, ['draft'], 'nhập mục lục hồ sơ');
      const sha256 = await sha256File(file.path);
      if (h.sourceSha256 === sha256) {
        const { summary } = await toHandover(deps, h);
        return { imported: summary.files, unchanged: true, warnings: [] as Problem[], summary };
      }
      const table = await readTable(file.path, { maxRows: deps.config.MAX_IMPORT_ROWS });
      const plan = h.planId ? await findPlan(deps.db, h.planId) : undefined;
      const ctx: InventoryContext = {
        ...baseContext(),
        ...ratioSettings(deps, h),
        mode: 'handover',
        recordsToYear: plan?.recordsToYear ?? null,
        declaredBoxes: h.declaredBoxes,
      };
      const parsed = parseInventory(table, ctx);
      if (parsed.problems.length > 0) rejectInvalid(parsed);

      const at = deps.clock();
      const outcome = await deps.db.transaction(async (tx) => {
        const cur = await lockedVisibleHandover(tx, actor, id);
        requireStatus(cur, ['draft'], 'nhập mục lục hồ sơ');
        if (cur.sourceSha256 === sha256) return 'unchanged' as const; // the same file won a concurrent upload
        const owner = { agencyId: cur.agencyId, fondsId: cur.fondsId, handoverId: id };
        const replaced = await replaceRecords(tx, deps, owner, parsed.records, () => deleteHandoverRecords(tx, id));
        await updateHandover(tx, id, { sourceFilename: file.originalName, sourceSha256: sha256 }, at);
        await recordEvent(tx, actor, {
          entityType: 'handover',
          entityId: id,
          action: 'handover.inventory_imported',
          data: { filename: file.originalName, sha256, rows: parsed.records.length, replaced, warnings: parsed.warnings.length },
          at,
        });
        return 'imported' as const;
      });
      return { imported: parsed.records.length, unchanged: outcome === 'unchanged', warnings: capWarnings(parsed.warnings), summary: parsed.summary };
    },

    async listInventory(actor: Actor, id: number, page: { limit: number; offset: number }) {
      await visibleHandover(deps, actor, id);
      return listInventory(deps.db, id, page.limit, page.offset);
    },

    /**
     * The agency's current-archive register: files held, not yet in a handover; replaces the previous register.
     * A preview answers the same count and warnings and saves nothing, so the warnings are seen before confirming.
     */
    async importRegister(actor: Actor, agencyId: number, file: UploadedFile, opts: { preview?: boolean } = {}) {
      if (actor.role === 'agency' && actor.agencyId !== agencyId) throw ERRORS.notFound('cơ quan');
      if (!(await findAgency(deps.db, agencyId))) throw ERRORS.notFound('cơ quan');
      const sha256 = await sha256File(file.path);
      const last = await lastRegisterImport(deps.db, agencyId);
      if (last && last.sha256 === sha256 && last.rows === (await countRegisterRecords(deps.db, agencyId))) {
        return { imported: last.rows, unchanged: true, warnings: [] as Problem[] };
      }
      const table = await readTable(file.path, { maxRows: deps.config.MAX_IMPORT_ROWS });
      const ctx: InventoryContext = {
        ...baseContext(),
        ...ratioSettings(deps, { boxWidthCm: null, measuredMetres: null }),
        mode: 'register',
        recordsToYear: null,
        declaredBoxes: null,
      };
      const parsed = parseInventory(table, ctx);
      if (parsed.problems.length > 0) rejectInvalid(parsed);

      // A register saved before a deposit still lists the files now in the historical archive: skip those.
      const deposited = await receivedNotations(deps.db, agencyId);
      const records: InventoryRecord[] = [];
      const warnings = [...parsed.warnings];
      for (const r of parsed.records) {
        if (!deposited.has(`${r.fileNotation.toUpperCase()}|${r.endDate.slice(0, 4)}`)) records.push(r);
        else warnings.push({ row: r.sourceRow, column: null, message: `Hồ sơ "${r.fileNotation}" đã được nộp lưu vào Lưu trữ lịch sử nên bỏ qua.` });
      }
      if (opts.preview) return { imported: records.length, unchanged: false, warnings: capWarnings(warnings), preview: true as const };
      const at = deps.clock();
      await deps.db.transaction(async (tx) => {
        await lockAgency(tx, agencyId);
        const owner = { agencyId, fondsId: null, handoverId: null };
        const replaced = await replaceRecords(tx, deps, owner, records, () => deleteRegisterRecords(tx, agencyId));
        await recordEvent(tx, actor, {
          entityType: 'agency',
          entityId: agencyId,
          action: 'agency.register_imported',
          data: { filename: file.originalName, sha256, rows: records.length, replaced, warnings: warnings.length },
          at,
        });
      });
      return { imported: records.length, unchanged: false, warnings: capWarnings(warnings) };
    },
  };
}

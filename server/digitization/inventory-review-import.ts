/**
 * Importing a reviewed "Số hóa mục lục" draft (issue 14): a scanned Mục lục hồ sơ lists files of a fonds the archive
 * already holds, so its rows become record files of the fonds the scanned file belongs to. The draft is handed over
 * as the CSV a person would have typed from the page and goes through the inventory import's own reader and row and
 * file checks (import kernel, parseInventory), so there is no second validator and the problems table is the one an
 * upload gets. Then the fonds-level rule: a row must not repeat a file the fonds already has (same file number and
 * dates). All or nothing, in one transaction; the same content twice is a no-op; importing after edits replaces only
 * this review's earlier files, and refuses while any of them is in use elsewhere.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../core/actor.js';
import { ERRORS } from '../core/errors.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { computeDeadline } from '../deadlines/deposit-deadline.js';
import { ratioSettings } from '../handover/handover.view.js';
import { labelOf } from '../handover/inventory/columns.js';
import { parseInventory } from '../handover/inventory/parse-inventory.js';
import type { InventoryRecord, Problem } from '../handover/inventory/types.js';
import { capWarnings } from '../spreadsheet/import-kernel.js';
import { MAX_PROBLEMS_SHOWN, sortProblems } from '../spreadsheet/problems.js';
import { readTable } from '../spreadsheet/read-table.js';
import { vnToday, yearOf } from '../core/time/index.js';
import * as repo from './inventory-review.repository.js';

type Fonds = NonNullable<repo.ScannedFile['fonds']>;

/** The CSV a person would type from the reviewed rows: every field quoted, so commas and line breaks stay in their cell. */
export function toCsv(columns: repo.DraftColumn[], rows: repo.DraftRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [columns.map((c) => q(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => q(r.cells[c.field]?.text ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The generated CSV has its header on line 1, so its line r is the draft's row r − 1. */
const toDraftRows = (ps: Problem[]) => ps.map((p) => ({ ...p, row: p.row === null || p.row < 2 ? null : p.row - 1 }));

function refuse(problems: Problem[], warnings: Problem[]): never {
  sortProblems(problems);
  throw ERRORS.inventoryReviewInvalid({
    problems: toDraftRows(problems.slice(0, MAX_PROBLEMS_SHOWN)), warnings: toDraftRows(capWarnings(warnings)), problemCount: problems.length,
  });
}

const dates = (r: { startDate: string | null; endDate: string }) => (r.startDate && r.startDate !== r.endDate ? `${r.startDate} – ${r.endDate}` : r.endDate);

/**
 * Rows that repeat a file the fonds already has: the same file number and symbol (case folded in JS, as the database
 * locale may not know Vietnamese case) and the same dates. The same number with other dates is another file.
 */
function duplicateProblems(records: InventoryRecord[], existing: repo.FondsFileKey[], fonds: Fonds): Problem[] {
  const key = (n: string, s: string | null, e: string) => `${n.toUpperCase()}|${s ?? ''}|${e}`;
  const have = new Map(existing.map((f) => [key(f.fileNotation, f.startDate, f.endDate), f]));
  const column = labelOf('fileNotation');
  return records.flatMap((r) => {
    const f = have.get(key(r.fileNotation, r.startDate, r.endDate));
    return f ? [{ row: r.sourceRow, column, message: `Hồ sơ "${r.fileNotation}" (${dates(r)}) đã có trong phông ${fonds.code}: trùng số, ký hiệu và thời gian với hồ sơ đã lưu (mã nội bộ ${f.id}).` }] : [];
  });
}

export interface ReviewImportResult {
  imported: number;
  unchanged: boolean;
  replaced: number;
  warnings: Problem[];
  preview?: true;
  fonds: Fonds;
}

export function createReviewImport(deps: Deps) {
  /**
   * A preview runs every check (seen or not) and saves nothing; a real import needs every row marked seen.
   * `fileId` is the scanned inventory's file; its fonds receives the rows.
   */
  return async function importReview(actor: Actor, fileId: number, scanned: repo.ScannedFile, opts: { preview?: boolean }): Promise<ReviewImportResult> {
    const fonds = scanned.fonds;
    if (!fonds) throw ERRORS.inventoryReviewNoFonds();
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kho-inventory-review-'));
    try {
      return await deps.db.transaction(async (tx) => {
        const d = await repo.findDraft(tx, fileId, { lock: !opts.preview });
        if (!d) throw ERRORS.inventoryReviewNotFound();
        const unseen = d.rows.filter((r) => !r.reviewed).length;
        if (unseen && !opts.preview) throw ERRORS.inventoryReviewUnseen(unseen);
        const csv = toCsv(d.columns.columns, d.rows);
        const sha256 = crypto.createHash('sha256').update(csv).digest('hex');
        if (d.importedSha256 === sha256 && d.importedFondsId === fonds.id && d.importedRows === (await repo.countImported(tx, fileId))) {
          return { imported: d.importedRows, unchanged: true, replaced: 0, warnings: [], fonds };
        }

        const file = path.join(dir, `muc-luc-ho-so-${fileId}.csv`);
        await fs.promises.writeFile(file, csv);
        const table = await readTable(file, { maxRows: deps.config.MAX_IMPORT_ROWS });
        const today = vnToday(deps.clock);
        const parsed = parseInventory(table, {
          today, currentYear: yearOf(today), ...ratioSettings(deps, { boxWidthCm: null, measuredMetres: null }),
          mode: 'register', recordsToYear: null, declaredBoxes: null,
        });
        if (parsed.problems.length) refuse(parsed.problems, parsed.warnings);

        if (!opts.preview) await repo.lockFonds(tx, fonds.id);
        const dups = duplicateProblems(parsed.records, await repo.otherFondsFiles(tx, fonds.id, fileId), fonds);
        if (dups.length) refuse(dups, parsed.warnings);
        const inUse = await repo.importedInUse(tx, fileId);
        if (inUse.length) throw ERRORS.inventoryReviewImportedInUse(inUse.map(({ rowNo, fileNotation }) => ({ rowNo, fileNotation })));

        const warnings = toDraftRows(capWarnings(parsed.warnings));
        if (opts.preview) return { imported: parsed.records.length, unchanged: false, replaced: 0, warnings, preview: true as const, fonds };
        const at = deps.clock();
        const replaced = await repo.deleteImported(tx, fileId);
        await repo.insertFondsFiles(
          tx, { agencyId: scanned.agencyId, fondsId: fonds.id, reviewFileId: fileId, at },
          parsed.records.map((record) => ({ record, deadline: computeDeadline(record, deps.config.DEADLINE_TRANSITION_RULE) })),
        );
        await repo.markImported(tx, fileId, { rows: parsed.records.length, sha256, fondsId: fonds.id, at });
        await recordEvent(tx, actor, {
          entityType: 'record_file', entityId: fileId, action: 'inventory_review.imported',
          data: { fondsId: fonds.id, rows: parsed.records.length, replaced, sha256, warnings: parsed.warnings.length }, at,
        });
        return { imported: parsed.records.length, unchanged: false, replaced, warnings, fonds };
      });
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  };
}

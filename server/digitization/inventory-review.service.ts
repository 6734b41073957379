/**
 * "Số hóa mục lục" (issue 14): the inventory rows read from a digitised file's scanned inventory pages become a
 * review draft; staff correct cells beside the image and mark every row seen; then the rows are imported as the
 * agency's current-archive register through the very import a spreadsheet upload takes (importRegister: the
 * import kernel's reader, the inventory row and file checks, all-or-nothing, the same file twice is a no-op).
 * The draft is handed over as the CSV a person would have typed from the page, so there is no second validator:
 * whatever a spreadsheet of these rows would be refused for, the draft is refused for, with the same problems.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError, badRequest, conflict, unprocessable } from '../core/app-error.js';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { inventoryUseCases } from '../handover/inventory.service.js';
import { FIELDS, type FieldKey } from '../handover/inventory/columns.js';
import type { Problem } from '../contract/common.js';
import { fileMetadata } from './metadata.repository.js';
import { pagesOcr } from './pages.repository.js';
import { extractInventoryRows, type ExtractedCell } from './inventory-extract.js';
import * as repo from './inventory-review.repository.js';

/** Below this mean word confidence a cell is highlighted; the table OCR re-reads cells under the same 70. */
export const LOW_CONFIDENCE = 70;

/** The register's columns (server/handover/inventory/columns.ts, mode register) always offered, printed or not. */
const ALWAYS: FieldKey[] = ['rowNo', 'fileNotation', 'title', 'retention', 'sheets', 'boxNo', 'accessLevel', 'notes'];

const Seq = z.number('Số trang phải là số nguyên từ 1').int('Số trang phải là số nguyên từ 1').min(1, 'Số trang phải là số nguyên từ 1');
const RowNo = z.number('Số dòng phải là số nguyên từ 1').int('Số dòng phải là số nguyên từ 1').min(1, 'Số dòng phải là số nguyên từ 1');
export const ExtractBody = z.strictObject({ fromSeq: Seq.optional(), toSeq: Seq.optional() });
export const EditBody = z.strictObject({
  cells: z.array(z.strictObject({ n: RowNo, field: z.string().max(40), text: z.string().max(2000, 'Ô tối đa 2000 ký tự') })).max(20_000).optional(),
  reviewed: z.array(z.strictObject({ n: RowNo, reviewed: z.boolean() })).max(20_000).optional(),
});
export const ImportBody = z.strictObject({ preview: z.boolean().optional() });

const errors = {
  noDraft: () => new AppError('INVENTORY_REVIEW_NOT_FOUND', 'Hồ sơ chưa có bản duyệt mục lục; hãy trích dòng mục lục từ các trang trước.', 404),
  noPages: () => badRequest('INVENTORY_REVIEW_NO_PAGES', 'Không có trang nào trong khoảng trang đã chọn.'),
  ocrPending: (seqs: number[]) => conflict('INVENTORY_REVIEW_OCR_PENDING', `Trang ${seqs.join(', ')} chưa nhận dạng xong (OCR); hãy chờ rồi trích lại.`),
  noTable: () => unprocessable('INVENTORY_REVIEW_NO_TABLE', 'Không tìm thấy bảng mục lục có dòng tiêu đề (Số TT, Tiêu đề hồ sơ, Số tờ…) trên các trang đã chọn.'),
  badRow: (n: number) => badRequest('INVENTORY_REVIEW_ROW_UNKNOWN', `Bản duyệt không có dòng ${n}.`),
  badField: (f: string) => badRequest('INVENTORY_REVIEW_COLUMN_UNKNOWN', `Bản duyệt không có cột "${f}".`),
  unseen: (n: number) => conflict('INVENTORY_REVIEW_UNSEEN', `Còn ${n} dòng chưa được đánh dấu đã xem; chỉ nhập khi mọi dòng đã được cán bộ đối chiếu với ảnh.`),
};

const label = (f: FieldKey) => FIELDS.find((x) => x.key === f)!.label;

function cellOf(cells: ExtractedCell[] | undefined, pageIds: number[]): repo.DraftCell {
  if (!cells) return { text: '', ocr: null, boxes: [], confidence: null, edited: false };
  const text = cells.map((c) => c.text).filter(Boolean).join(' ').trim();
  const conf = cells.map((c) => c.confidence).filter((c): c is number => c !== null);
  return { text, ocr: text, boxes: cells.map((c) => ({ pageId: pageIds[c.page], box: c.box })), confidence: conf.length ? Math.min(...conf) : null, edited: false };
}

/** extractInventoryRows names the column first ("Số tờ: …"); kept per field so that editing the cell clears it. */
const PROBLEM_FIELD: Record<string, FieldKey> = { 'Số TT': 'rowNo', 'Số tờ': 'sheets', 'Thời gian': 'dateRange', 'Thời gian bắt đầu': 'startDate', 'Thời gian kết thúc': 'endDate' };
function problemOf(p: string): repo.DraftProblem {
  const at = p.indexOf(': ');
  return { field: at > 0 ? (PROBLEM_FIELD[p.slice(0, at)] ?? null) : null, message: p };
}

/** The CSV a person would type from the reviewed rows: every field quoted, so commas and line breaks stay in their cell. */
function toCsv(columns: repo.DraftColumn[], rows: repo.DraftRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [columns.map((c) => q(c.label)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => q(r.cells[c.field]?.text ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The generated CSV has its header on line 1, so its line r is the draft's row r − 1. */
const toDraftRows = (ps: Problem[]) => ps.map((p) => ({ ...p, row: p.row === null || p.row < 2 ? null : p.row - 1 }));

export function createInventoryReview(deps: Deps) {
  const inventory = inventoryUseCases(deps);

  async function requireFile(scope: Scope, fileId: number): Promise<number> {
    if (!(await fileMetadata(deps.db, scope, fileId))) throw ERRORS.notFound('hồ sơ');
    return (await repo.fileAgency(deps.db, fileId))!;
  }

  async function view(fileId: number, agencyId: number, d: repo.Draft) {
    const pages = (await repo.filePages(deps.db, fileId)).filter((p) => d.pageIds.includes(p.id));
    return {
      fileId, agencyId,
      pages: pages.map(({ id, seq, width, height }) => ({ pageId: id, seq, width, height })),
      columns: d.columns.columns,
      unmappedHeaders: d.columns.unmapped,
      rows: d.rows.map((r) => ({
        ...r,
        cells: Object.fromEntries(Object.entries(r.cells).map(([f, c]) => [f, { ...c, low: c.confidence !== null && c.confidence < LOW_CONFIDENCE }])),
      })),
      unreviewed: d.rows.filter((r) => !r.reviewed).length,
      lowConfidenceThreshold: LOW_CONFIDENCE,
      createdAt: d.createdAt, updatedAt: d.updatedAt, importedAt: d.importedAt,
    };
  }

  /** Reads the rows of the chosen pages (all of the file's by default) into a new draft. */
  async function extract(scope: Scope, actor: Actor, fileId: number, input: z.infer<typeof ExtractBody>) {
    const agencyId = await requireFile(scope, fileId);
    const pages = (await repo.filePages(deps.db, fileId)).filter((p) => p.seq >= (input.fromSeq ?? 1) && p.seq <= (input.toSeq ?? Infinity));
    if (!pages.length) throw errors.noPages();
    const pending = pages.filter((p) => p.ocrStatus !== 'done');
    if (pending.length) throw errors.ocrPending(pending.map((p) => p.seq));
    const ocr = await pagesOcr(deps.db, pages.map((p) => p.id));
    const pageIds = pages.map((p) => p.id);
    const found = extractInventoryRows(pageIds.map((id) => ocr.get(id)!));
    if (!found.rows.length) throw errors.noTable();
    const printed = new Set(found.columns.map((c) => c.field).filter((f): f is FieldKey => f !== null));
    const dates: FieldKey[] = printed.has('startDate') || printed.has('endDate') ? ['startDate', 'endDate'] : ['dateRange'];
    const wanted = new Set<FieldKey>([...ALWAYS, ...dates, ...printed]);
    const columns = FIELDS.filter((f) => wanted.has(f.key)).map((f) => ({
      field: f.key, label: label(f.key), header: found.columns.find((c) => c.field === f.key)?.header ?? null,
    }));
    const rows: repo.DraftRow[] = found.rows.map((r, i) => ({
      n: i + 1, pageId: pageIds[r.page], reviewed: false, problems: r.problems.map(problemOf),
      cells: Object.fromEntries(columns.map((c) => [c.field, cellOf(r.cells[c.field as FieldKey], pageIds)])),
    }));
    const at = deps.clock();
    await deps.db.transaction(async (tx) => {
      await repo.saveNewDraft(tx, { fileId, pageIds, columns: { columns, unmapped: found.columns.filter((c) => !c.field && c.header).map((c) => c.header) }, rows, by: actor.id, at });
      await recordEvent(tx, actor, { entityType: 'record_file', entityId: fileId, action: 'inventory_review.extracted', data: { pages: pageIds.length, rows: rows.length }, at });
    });
    return view(fileId, agencyId, (await repo.findDraft(deps.db, fileId))!);
  }

  async function get(scope: Scope, fileId: number) {
    const agencyId = await requireFile(scope, fileId);
    const d = await repo.findDraft(deps.db, fileId);
    if (!d) throw errors.noDraft();
    return view(fileId, agencyId, d);
  }

  /** Cell texts and "seen" marks; all or nothing (an unknown row or column changes nothing). */
  async function edit(scope: Scope, fileId: number, input: z.infer<typeof EditBody>) {
    const agencyId = await requireFile(scope, fileId);
    const d = await deps.db.transaction(async (tx) => {
      const d = await repo.findDraft(tx, fileId, { lock: true });
      if (!d) throw errors.noDraft();
      const fields = new Set(d.columns.columns.map((c) => c.field));
      const row = (n: number) => d.rows[n - 1] ?? (() => { throw errors.badRow(n); })();
      for (const e of input.cells ?? []) {
        if (!fields.has(e.field)) throw errors.badField(e.field);
        const c = row(e.n).cells[e.field];
        c.text = e.text;
        c.edited = e.text !== (c.ocr ?? '');
        // What OCR misread in this cell is staff's text now; the import will judge the new one.
        if (c.edited) row(e.n).problems = row(e.n).problems.filter((p) => p.field !== e.field);
      }
      for (const m of input.reviewed ?? []) row(m.n).reviewed = m.reviewed;
      await repo.saveRows(tx, fileId, d.rows, deps.clock());
      return (await repo.findDraft(tx, fileId))!;
    });
    return view(fileId, agencyId, d);
  }

  /**
   * The reviewed rows become the agency's register (replacing the previous one, as an upload does). Only when every
   * row is marked seen; a preview runs every check and saves nothing, seen or not.
   */
  async function importDraft(scope: Scope, actor: Actor, fileId: number, input: z.infer<typeof ImportBody>) {
    const agencyId = await requireFile(scope, fileId);
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kho-inventory-review-'));
    try {
      return await deps.db.transaction(async (tx) => {
        const d = await repo.findDraft(tx, fileId, { lock: !input.preview });
        if (!d) throw errors.noDraft();
        const unseen = d.rows.filter((r) => !r.reviewed).length;
        if (unseen && !input.preview) throw errors.unseen(unseen);
        const file = path.join(dir, `muc-luc-ho-so-${fileId}.csv`);
        const csv = toCsv(d.columns.columns, d.rows);
        await fs.promises.writeFile(file, csv);
        let result;
        try {
          result = await inventory.importRegister(actor, agencyId, { path: file, originalName: `muc-luc-so-hoa-ho-so-${fileId}.csv`, size: Buffer.byteLength(csv) }, { preview: input.preview });
        } catch (err) {
          if (!(err instanceof AppError) || err.code !== 'INVENTORY_INVALID') throw err;
          const det = err.details as { problems: Problem[]; warnings: Problem[]; problemCount: number };
          throw new AppError(err.code, `Bản mục lục có ${det.problemCount} lỗi; chưa có dữ liệu nào được lưu. Hãy sửa các ô được nêu rồi nhập lại.`, err.status,
            { problems: toDraftRows(det.problems), warnings: toDraftRows(det.warnings), problemCount: det.problemCount });
        }
        if (!input.preview && !result.unchanged) {
          const at = deps.clock();
          await repo.markImported(tx, fileId, result.imported, at);
          await recordEvent(tx, actor, { entityType: 'record_file', entityId: fileId, action: 'inventory_review.imported', data: { agencyId, rows: result.imported, sha256: crypto.createHash('sha256').update(csv).digest('hex') }, at });
        }
        return { ...result, warnings: toDraftRows(result.warnings) };
      });
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  return { extract, get, edit, import: importDraft };
}

export type InventoryReviewService = ReturnType<typeof createInventoryReview>;

/**
 * "Số hóa mục lục" (issue 14): the inventory rows read from a digitised file's scanned inventory pages become a
 * review draft; staff correct cells beside the image and mark every row seen; then the rows are imported as record
 * files of the scanned file's fonds (inventory-review-import.ts: the inventory import's reader and checks, plus the
 * fonds' duplicates, all-or-nothing, the same content twice is a no-op).
 */
import { z } from 'zod';
import { ERRORS } from '../core/errors.js';
import type { Actor } from '../core/actor.js';
import type { Scope } from '../core/scope.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../audit/audit.repository.js';
import { FIELDS, type FieldKey } from '../handover/inventory/columns.js';
import { fileMetadata } from './metadata.repository.js';
import { pagesOcr } from './pages.repository.js';
import { extractInventoryRows, type ExtractedCell } from './inventory-extract.js';
import { createReviewImport } from './inventory-review-import.js';
import * as repo from './inventory-review.repository.js';

/** Below this mean word confidence a cell is highlighted; the table OCR re-reads cells under the same 70. */
export const LOW_CONFIDENCE = 70;

/** The inventory import's columns (server/handover/inventory/columns.ts, mode register) always offered, printed or not. */
const ALWAYS: FieldKey[] = ['rowNo', 'fileNotation', 'title', 'retention', 'sheets', 'boxNo', 'accessLevel', 'notes'];

const Seq = z.number('Số trang phải là số nguyên từ 1').int('Số trang phải là số nguyên từ 1').min(1, 'Số trang phải là số nguyên từ 1');
const RowNo = z.number('Số dòng phải là số nguyên từ 1').int('Số dòng phải là số nguyên từ 1').min(1, 'Số dòng phải là số nguyên từ 1');
export const ExtractBody = z.strictObject({ fromSeq: Seq.optional(), toSeq: Seq.optional() });
export const EditBody = z.strictObject({
  cells: z.array(z.strictObject({ n: RowNo, field: z.string().max(40), text: z.string().max(2000, 'Ô tối đa 2000 ký tự') })).max(20_000).optional(),
  reviewed: z.array(z.strictObject({ n: RowNo, reviewed: z.boolean() })).max(20_000).optional(),
});
export const ImportBody = z.strictObject({ preview: z.boolean().optional() });

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

export function createInventoryReview(deps: Deps) {
  const importReview = createReviewImport(deps);

  async function requireFile(scope: Scope, fileId: number): Promise<repo.ScannedFile> {
    if (!(await fileMetadata(deps.db, scope, fileId))) throw ERRORS.notFound('hồ sơ');
    return (await repo.scannedFile(deps.db, fileId))!;
  }

  async function view(fileId: number, file: repo.ScannedFile, d: repo.Draft) {
    const pages = (await repo.filePages(deps.db, fileId)).filter((p) => d.pageIds.includes(p.id));
    return {
      fileId, agencyId: file.agencyId, fonds: file.fonds,
      pages: pages.map(({ id, seq, width, height }) => ({ pageId: id, seq, width, height })),
      columns: d.columns.columns,
      unmappedHeaders: d.columns.unmapped,
      rows: d.rows.map((r) => ({
        ...r,
        cells: Object.fromEntries(Object.entries(r.cells).map(([f, c]) => [f, { ...c, low: c.confidence !== null && c.confidence < LOW_CONFIDENCE }])),
      })),
      unreviewed: d.rows.filter((r) => !r.reviewed).length,
      lowConfidenceThreshold: LOW_CONFIDENCE,
      createdAt: d.createdAt, updatedAt: d.updatedAt, importedAt: d.importedAt, importedRows: d.importedAt ? d.importedRows : null,
    };
  }

  /** Reads the rows of the chosen pages (all of the file's by default) into a new draft. */
  async function extract(scope: Scope, actor: Actor, fileId: number, input: z.infer<typeof ExtractBody>) {
    const file = await requireFile(scope, fileId);
    const pages = (await repo.filePages(deps.db, fileId)).filter((p) => p.seq >= (input.fromSeq ?? 1) && p.seq <= (input.toSeq ?? Infinity));
    if (!pages.length) throw ERRORS.inventoryReviewNoPages();
    const pending = pages.filter((p) => p.ocrStatus !== 'done');
    if (pending.length) throw ERRORS.inventoryReviewOcrPending(pending.map((p) => p.seq));
    const ocr = await pagesOcr(deps.db, pages.map((p) => p.id));
    const pageIds = pages.map((p) => p.id);
    const found = extractInventoryRows(pageIds.map((id) => ocr.get(id)!));
    if (!found.rows.length) throw ERRORS.inventoryReviewNoTable();
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
    return view(fileId, file, (await repo.findDraft(deps.db, fileId))!);
  }

  async function get(scope: Scope, fileId: number) {
    const file = await requireFile(scope, fileId);
    const d = await repo.findDraft(deps.db, fileId);
    if (!d) throw ERRORS.inventoryReviewNotFound();
    return view(fileId, file, d);
  }

  /** Cell texts and "seen" marks; all or nothing (an unknown row or column changes nothing). */
  async function edit(scope: Scope, fileId: number, input: z.infer<typeof EditBody>) {
    const file = await requireFile(scope, fileId);
    const d = await deps.db.transaction(async (tx) => {
      const d = await repo.findDraft(tx, fileId, { lock: true });
      if (!d) throw ERRORS.inventoryReviewNotFound();
      const fields = new Set(d.columns.columns.map((c) => c.field));
      const row = (n: number) => d.rows[n - 1] ?? (() => { throw ERRORS.inventoryReviewRowUnknown(n); })();
      for (const e of input.cells ?? []) {
        if (!fields.has(e.field)) throw ERRORS.inventoryReviewColumnUnknown(e.field);
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
    return view(fileId, file, d);
  }

  /** The reviewed rows become files of the scanned file's fonds (inventory-review-import.ts). */
  async function importDraft(scope: Scope, actor: Actor, fileId: number, input: z.infer<typeof ImportBody>) {
    return importReview(actor, fileId, await requireFile(scope, fileId), input);
  }

  return { extract, get, edit, import: importDraft };
}

export type InventoryReviewService = ReturnType<typeof createInventoryReview>;

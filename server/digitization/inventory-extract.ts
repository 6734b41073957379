/**
 * "Số hóa mục lục": inventory rows proposed from the ruled tables OCR found on scanned inventory pages
 * (ocr/tables). Printed headers are mapped to the inventory import's columns by the same aliases
 * (server/handover/inventory/columns.ts), folded like the import does (tone marks, case, punctuation) and
 * also without spaces, since OCR drops the space of "Số TT" now and then. Rows continue across pages: a
 * page whose table starts without a header row uses the previous page's columns, and the page's first filled
 * row without a Số TT continues the last row of the previous page (ruled rows left blank above it, under a
 * repeated header, do not break the continuation). Dates and sheet counts are read with the import's parsers.
 * Nothing is imported here: each value keeps its cell box and confidence so staff can check it beside the
 * image (inventory-review.service.ts makes the draft, inventory-review-import.ts imports it).
 */
import type { OcrPageResult, OcrTable } from '../../ocr/engine/types.js';
import { FIELDS, type FieldKey } from '../handover/inventory/columns.js';
import { parseInteger, parsePeriod, parseQuantity, type Period } from '../spreadsheet/cells.js';
import { parsePeriodRange } from '../spreadsheet/period-range.js';
import { fold } from '../spreadsheet/text.js';

type Box = [number, number, number, number];

export interface ExtractedCell {
  text: string;
  /** Page index (in the input) and the cell's box on it, master pixels. */
  page: number;
  box: Box;
  /** Mean word confidence 0–100; null for an empty cell. */
  confidence: number | null;
}

export interface InventoryRowProposal {
  /** Page index (input order) and table row where the row starts. */
  page: number;
  row: number;
  cells: Partial<Record<FieldKey, ExtractedCell[]>>;
  values: {
    rowNo?: number; fileNotation?: string; title?: string; start?: Period; end?: Period;
    sheets?: number; retention?: string; boxNo?: string; notes?: string;
  };
  /** Vietnamese messages of cells that did not read (kept as text for staff to correct). */
  problems: string[];
  /** Lowest word confidence of the row's cells (0–100), for highlighting. */
  minConfidence: number | null;
}

export interface InventoryExtraction {
  /** Columns found (printed header → field), from the first page with a header. */
  columns: { header: string; field: FieldKey | null }[];
  rows: InventoryRowProposal[];
}

const compact = (s: string) => fold(s).replace(/ /g, '');
const BY_ALIAS = new Map<string, FieldKey>();
for (const f of FIELDS) for (const a of [f.label, ...f.aliases]) BY_ALIAS.set(compact(a), f.key);

export function fieldOfHeader(header: string): FieldKey | null {
  return BY_ALIAS.get(compact(header)) ?? null;
}

/** Cells of one table as [row][column] with their texts, boxes and confidences. */
function tableCells(page: OcrPageResult, table: OcrTable, pageIndex: number): (ExtractedCell | null)[][] {
  const grid: (ExtractedCell | null)[][] = Array.from({ length: table.rows }, () => new Array(table.cols).fill(null));
  for (const cell of table.cells) {
    const words = page.lines.slice(cell.l[0], cell.l[1]).flatMap((l) => page.words.slice(l.w[0], l.w[1]));
    grid[cell.r][cell.c] = {
      text: words.map((w) => w.t).join(' '), page: pageIndex, box: cell.b,
      confidence: words.length ? Math.round(words.reduce((s, w) => s + w.c, 0) / words.length) : null,
    };
  }
  return grid;
}

export function extractInventoryRows(pages: OcrPageResult[]): InventoryExtraction {
  let columns: (FieldKey | null)[] | null = null;
  let headers: { header: string; field: FieldKey | null }[] = [];
  const rows: InventoryRowProposal[] = [];
  pages.forEach((page, pageIndex) => {
    for (const table of page.tables ?? []) {
      const grid = tableCells(page, table, pageIndex);
      let first = 0;
      const mapped = grid[0]?.map((c) => (c ? fieldOfHeader(c.text) : null)) ?? [];
      // A header row is one where at least two cells are known column names (Tiêu đề, Số tờ, …).
      if (mapped.filter(Boolean).length >= 2) {
        columns = mapped;
        if (!headers.length) headers = grid[0].map((c, i) => ({ header: c?.text ?? '', field: mapped[i] }));
        first = 1;
      }
      if (!columns || columns.length !== table.cols) continue; // no header seen yet, or a different table
      let firstFilled = true;
      for (let r = first; r < grid.length; r++) {
        const cells: InventoryRowProposal['cells'] = {};
        grid[r].forEach((cell, c) => {
          const field = columns![c];
          if (field && cell) (cells[field] ??= []).push(cell);
        });
        const filled = Object.values(cells).some((cs) => cs!.some((x) => x.text));
        if (!filled) continue;
        const last = rows[rows.length - 1];
        const continues = firstFilled && pageIndex > 0 && last && last.page === pageIndex - 1 && !cells.rowNo?.[0]?.text;
        firstFilled = false;
        if (continues) {
          for (const [field, cs] of Object.entries(cells) as [FieldKey, ExtractedCell[]][]) (last.cells[field] ??= []).push(...cs);
          read(last);
        } else {
          const row: InventoryRowProposal = { page: pageIndex, row: r, cells, values: {}, problems: [], minConfidence: null };
          read(row);
          rows.push(row);
        }
      }
    }
  });
  return { columns: headers, rows };
}

/** Values of a row from its cells' texts (joined across pages), with the import's parsers. */
function read(row: InventoryRowProposal): void {
  const text = (f: FieldKey) => (row.cells[f] ?? []).map((c) => c.text).filter(Boolean).join(' ').trim();
  const values: InventoryRowProposal['values'] = {};
  const problems: string[] = [];
  const take = <T>(f: FieldKey, label: string, parsed: { ok: true; value: T } | { ok: false; message: string }, set: (v: T) => void) => {
    if (!text(f)) return;
    if (parsed.ok) set(parsed.value);
    else problems.push(`${label}: ${parsed.message}`);
  };
  take('rowNo', 'Số TT', parseInteger(text('rowNo'), 1, 1_000_000), (v) => (values.rowNo = v));
  take('sheets', 'Số tờ', parseQuantity(text('sheets')), (v) => (values.sheets = v));
  take('dateRange', 'Thời gian', parsePeriodRange(text('dateRange')), (v) => {
    values.start = v.from;
    values.end = v.to;
  });
  take('startDate', 'Thời gian bắt đầu', parsePeriod(text('startDate')), (v) => (values.start = v));
  take('endDate', 'Thời gian kết thúc', parsePeriod(text('endDate')), (v) => (values.end = v));
  for (const [f, key] of [['fileNotation', 'fileNotation'], ['title', 'title'], ['retention', 'retention'], ['boxNo', 'boxNo'], ['notes', 'notes']] as const) {
    if (text(f)) values[key] = text(f);
  }
  const confidences = Object.values(row.cells).flatMap((cs) => cs!.map((c) => c.confidence)).filter((c): c is number => c !== null);
  row.values = values;
  row.problems = problems;
  row.minConfidence = confidences.length ? Math.min(...confidences) : null;
}

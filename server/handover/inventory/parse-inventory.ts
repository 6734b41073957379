/**
 * From a read spreadsheet to validated records: the kernel maps headers and reads every row, then the whole-file
 * rules run. Pure (no I/O): every problem is collected and reported at once, so the agency fixes the file in one pass.
 */
import type { Table } from '../../spreadsheet/read-table.js';
import { parseSheet } from '../../spreadsheet/import-kernel.js';
import { sortProblems } from '../../spreadsheet/problems.js';
import { inventoryColumns, labelOf, type FieldKey, type ImportMode } from './columns.js';
import { boxChecks, duplicateNotationProblems, numberingProblems, type RowKeys } from './file-checks.js';
import { checkRow } from './row-checks.js';
import { computeSummary, ratioWarning, type RatioSettings } from './summary.js';
import type { InventoryRecord, InventorySummary, Problem } from './types.js';

export interface InventoryContext extends RatioSettings {
  mode: ImportMode;
  today: string;
  currentYear: number;
  recordsToYear: number | null;
  declaredBoxes: number | null;
}

export interface ParsedInventory {
  records: InventoryRecord[];
  problems: Problem[];
  /** Ignored columns, legacy-font text converted to Unicode (row, column, before → after), box and ratio notes. */
  warnings: Problem[];
  summary: InventorySummary;
}

export function summarise(records: InventoryRecord[], s: RatioSettings): InventorySummary {
  const boxes = new Set<string>();
  let sheets = 0;
  let fromYear: number | null = null;
  let toYear: number | null = null;
  for (const r of records) {
    if (r.boxNo !== null) boxes.add(r.boxNo);
    sheets += r.sheets;
    const from = Number((r.startDate ?? r.endDate).slice(0, 4));
    const to = Number(r.endDate.slice(0, 4));
    fromYear = fromYear === null ? from : Math.min(fromYear, from);
    toYear = toYear === null ? to : Math.max(toYear, to);
  }
  return computeSummary({ files: records.length, boxes: boxes.size, sheets, fromYear, toYear }, s);
}

export function parseInventory(table: Table, ctx: InventoryContext): ParsedInventory {
  const sheet = parseSheet(table, {
    columns: inventoryColumns(ctx.mode),
    warnUnknownColumns: true,
    problemColumn: 'header',
    row: checkRow(ctx),
  });
  const { problems, warnings } = sheet;
  if (sheet.match.problems.length > 0) return { records: [], problems, warnings, summary: summarise([], ctx) };

  const records: InventoryRecord[] = [];
  const keys: RowKeys[] = [];
  for (const r of sheet.rows) {
    keys.push(r.record!.keys);
    if (r.ok && r.record!.record) records.push(r.record!.record);
  }
  const header = (k: FieldKey) => sheet.match.columns.get(k)?.header ?? labelOf(k);
  problems.push(...numberingProblems(keys, header('rowNo')));
  problems.push(...duplicateNotationProblems(keys, header('fileNotation')));
  if (ctx.mode === 'handover') {
    const boxes = boxChecks(keys, header('boxNo'), ctx.declaredBoxes);
    problems.push(...boxes.problems);
    warnings.push(...boxes.warnings);
  }
  const summary = summarise(records, ctx);
  if (ctx.mode === 'handover') {
    const ratio = ratioWarning(summary, ctx);
    if (ratio) warnings.push(ratio);
  }
  sortProblems(problems);
  records.sort((a, b) => a.rowNo - b.rowNo);
  return { records: problems.length ? [] : records, problems, warnings, summary };
}

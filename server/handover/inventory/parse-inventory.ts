/**
 * From a read spreadsheet to validated records: map headers, check every row, then the whole file.
 * Pure (no I/O): every problem is collected and reported at once, so the agency fixes the file in one pass.
 */
import type { Table } from '../../spreadsheet/read-table.js';
import { mapColumns, labelOf, type FieldKey, type ImportMode } from './columns.js';
import { boxChecks, duplicateNotationProblems, formulaProblems, numberingProblems, type RowKeys } from './file-checks.js';
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
  warnings: Problem[];
  summary: InventorySummary;
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

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
  const map = mapColumns(table.headers, table.headerRowNumber, ctx.mode);
  const warnings = [...map.warnings];
  const empty = summarise([], ctx);
  if (map.problems.length > 0) return { records: [], problems: map.problems, warnings, summary: empty };

  const problems: Problem[] = formulaProblems(table);
  if (table.rows.length === 0) {
    problems.push({ row: null, column: null, message: 'Tệp không có dòng hồ sơ nào dưới dòng tiêu đề.' });
  }
  const formulaCells = new Set(table.formulaCells.map((f) => `${f.rowNumber}:${f.column - 1}`));
  const rowCtx = { columns: map.columns, mode: ctx.mode, today: ctx.today, currentYear: ctx.currentYear, recordsToYear: ctx.recordsToYear, formulaCells };
  const records: InventoryRecord[] = [];
  const keys: RowKeys[] = [];
  for (const row of table.rows) {
    const r = checkRow(row, rowCtx);
    problems.push(...r.problems);
    keys.push(r.keys);
    if (r.record) records.push(r.record);
  }
  const header = (k: FieldKey) => map.columns.get(k)?.header ?? labelOf(k);
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
  problems.sort(byRow);
  records.sort((a, b) => a.rowNo - b.rowNo);
  return { records: problems.length ? [] : records, problems, warnings, summary };
}

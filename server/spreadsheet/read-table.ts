/**
 * Reads the first sheet of an XLSX or a CSV file into header + rows, streaming from disk.
 * The type is decided by content, not by the name; garbage, formulas and oversize inputs are refused
 * with a 4xx AppError before any caller touches the database.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { AppError } from '../errors.js';

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** 1-based row number as the user sees it in the spreadsheet. */
  rowNumber: number;
  cells: Cell[];
}

export interface Table {
  format: 'xlsx' | 'csv';
  headerRowNumber: number;
  headers: string[];
  rows: TableRow[];
  /** Cells holding real spreadsheet formulas (XLSX), reported by the caller as problems. */
  formulaCells: { rowNumber: number; column: number }[];
}

export const unreadable = (detail: string) =>
  new AppError('SPREADSHEET_UNREADABLE', `Không đọc được tệp bảng tính: ${detail}. Hãy dùng tệp .xlsx hoặc .csv (UTF-8).`, 400);

const tooManyRows = (max: number) =>
  new AppError('TOO_MANY_ROWS', `Tệp có quá nhiều dòng (tối đa ${max.toLocaleString('vi-VN')} dòng mỗi lần nhập).`, 413);

async function sniff(file: string): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, 4096, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function cellValue(v: ExcelJS.CellValue): { value: Cell; formula: boolean } {
  if (v === null || v === undefined) return { value: null, formula: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: false };
  if (v instanceof Date) return { value: v, formula: false };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { value: null, formula: true };
    if ('richText' in v) return { value: v.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in v) return { value: String((v as { text: unknown }).text), formula: false };
    if ('error' in v) return { value: null, formula: false };
  }
  return { value: String(v), formula: false };
}

function isEmpty(cells: Cell[]) {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

function collect(maxRows: number) {
  const table: Omit<Table, 'format'> = { headerRowNumber: 0, headers: [], rows: [], formulaCells: [] };
  return {
    table,
    push(rowNumber: number, cells: Cell[], formulaCols: number[]) {
      if (isEmpty(cells) && formulaCols.length === 0) return;
      if (table.headers.length === 0) {
        table.headerRowNumber = rowNumber;
        table.headers = cells.map((c) => (c === null ? '' : String(c)));
        return;
      }
      if (table.rows.length >= maxRows) throw tooManyRows(maxRows);
      for (const column of formulaCols) table.formulaCells.push({ rowNumber, column });
      table.rows.push({ rowNumber, cells });
    },
  };
}

async function readXlsx(file: string, maxRows: number): Promise<Table> {
  const out = collect(maxRows);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells: Cell[] = [];
        const formulaCols: number[] = [];
        const values = row.values as ExcelJS.CellValue[];
        for (let c = 1; c < values.length; c++) {
          const { value, formula } = cellValue(values[c]);
          cells[c - 1] = typeof value === 'string' ? value.normalize('NFC') : value;
          if (formula) formulaCols.push(c);
        }
        for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
        out.push(row.number, cells, formulaCols);
      }
      break; // only the first worksheet is the inventory
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable('tệp XLSX bị hỏng hoặc không đúng định dạng');
  }
  return { format: 'xlsx', ...out.table };
}

async function readCsv(file: string, maxRows: number): Promise<Table> {
  const out = collect(maxRows);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = parse({ bom: true, delimiter: [',', ';', '\t'], relax_column_count: true, relax_quotes: false, skip_empty_lines: false });
  const feed = (async () => {
    try {
      for await (const chunk of fs.createReadStream(file)) {
        const text = decoder.decode(chunk as Buffer, { stream: true });
        if (text.includes('\u0000')) throw unreadable('tệp chứa dữ liệu nhị phân');
        if (!parser.write(text)) await new Promise((r) => parser.once('drain', r));
      }
      parser.write(decoder.decode());
      parser.end();
    } catch (err) {
      parser.destroy(err instanceof AppError ? err : unreadable('tệp CSV không phải văn bản UTF-8'));
    }
  })();
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      out.push(n, record.map((s) => (s.trim() === '' ? null : s.normalize('NFC'))), []);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`lỗi cú pháp CSV ở dòng ${n + 1}`);
  } finally {
    await feed.catch(() => {});
  }
  return { format: 'csv', ...out.table };
}

export async function readTable(file: string, opts: { maxRows: number }): Promise<Table> {
  const head = await sniff(file);
  if (head.length === 0) throw unreadable('tệp rỗng');
  let table: Table;
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) table = await readXlsx(file, opts.maxRows);
  else if (head.includes(0)) throw unreadable('tệp chứa dữ liệu nhị phân, không phải XLSX hay CSV');
  else table = await readCsv(file, opts.maxRows);
  if (table.headers.length === 0) throw unreadable('không tìm thấy dòng tiêu đề');
  return table;
}

/**
 * Reads the first sheet of an XLSX or a CSV file into header + rows, streaming from disk.
 * The type is decided by content, not by the name; garbage, formulas and oversize inputs are refused
 * with a 4xx AppError before any caller touches the database.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppError } from '../core/app-error.js';
import { ERRORS } from '../core/errors.js';
import type { Cell } from './cells.js';
import { readCsvRecords } from './csv.js';
import { officeBinary, withXlsxCopy, type OfficeFormat } from './office-convert.js';

export type { Cell } from './cells.js';

export interface TableRow {
  /** 1-based row number as the user sees it in the spreadsheet. */
  rowNumber: number;
  cells: Cell[];
}

export interface Table {
  /** What the upload was; .xls and .ods are read through their LibreOffice conversion to .xlsx. */
  format: 'xlsx' | 'csv' | OfficeFormat;
  headerRowNumber: number;
  headers: string[];
  rows: TableRow[];
  /** Cells holding real spreadsheet formulas (XLSX), reported by the caller as problems. */
  formulaCells: { rowNumber: number; column: number }[];
  /** CSV rows with more or fewer fields than the header: reported as problems, never cut or padded silently. */
  ragged?: { rowNumber: number; fields: number }[];
}

export const unreadable = (detail: string) => ERRORS.spreadsheetUnreadable(detail);

async function sniff(file: string, size: number): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
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
  const table: Omit<Table, 'format'> = { headerRowNumber: 0, headers: [], rows: [], formulaCells: [], ragged: [] };
  return {
    table,
    push(rowNumber: number, cells: Cell[], formulaCols: number[]) {
      if (isEmpty(cells) && formulaCols.length === 0) return;
      if (table.headers.length === 0) {
        table.headerRowNumber = rowNumber;
        table.headers = cells.map((c) => (c === null ? '' : String(c)));
        return;
      }
      if (table.rows.length >= maxRows) throw ERRORS.tooManyRows(maxRows);
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

async function readCsv(file: string, head: Buffer, maxRows: number): Promise<Table> {
  const out = collect(maxRows);
  let width = 0;
  await readCsvRecords(file, head.toString('utf8'), (n, fields) => {
    const cells: Cell[] = fields.map((s) => (s.trim() === '' ? null : s.normalize('NFC')));
    const isHeader = out.table.headers.length === 0;
    out.push(n, cells, []);
    if (isHeader) {
      width = out.table.headers.length;
      return;
    }
    // A field too many or too few shifts text into the wrong column, even when the odd field is empty.
    if (out.table.rows.at(-1)?.rowNumber === n && cells.length !== width) {
      out.table.ragged!.push({ rowNumber: n, fields: fields.length });
    }
  });
  return { format: 'csv', ...out.table };
}

const ZIP = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What kind of file the bytes are, whatever its name says. */
export function sniffKind(head: Buffer): 'xlsx' | 'ods' | 'xls' | 'text' | 'binary' | 'empty' {
  if (head.length === 0) return 'empty';
  if (ZIP(head)) return head.includes('application/vnd.oasis.opendocument') ? 'ods' : 'xlsx';
  if (head.subarray(0, 8).equals(OLE2)) return 'xls';
  return head.includes(0) ? 'binary' : 'text';
}

const RESAVE = 'hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại (Save As) dạng Excel Workbook .xlsx hoặc CSV UTF-8';
const FORMAT_NAME: Record<OfficeFormat, string> = { xls: 'tệp Excel 97–2003 (.xls)', ods: 'bảng tính OpenDocument (.ods)' };

async function readConverted(file: string, format: OfficeFormat, maxRows: number): Promise<Table> {
  if (!(await officeBinary())) throw unreadable(`đây là ${FORMAT_NAME[format]}, không phải .xlsx, và máy chủ chưa cài LibreOffice để chuyển đổi; ${RESAVE}`);
  try {
    return { ...(await withXlsxCopy(file, format, (xlsx) => readXlsx(xlsx, maxRows))), format };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`không chuyển đổi được ${FORMAT_NAME[format]} (tệp hỏng hoặc có mật khẩu); ${RESAVE}`);
  }
}

export async function readTable(file: string, opts: { maxRows: number }): Promise<Table> {
  const head = await sniff(file, 64 * 1024);
  const kind = sniffKind(head);
  let table: Table;
  if (kind === 'empty') throw unreadable('tệp rỗng');
  else if (kind === 'ods' || kind === 'xls') table = await readConverted(file, kind, opts.maxRows);
  else if (kind === 'binary') throw unreadable('tệp chứa dữ liệu nhị phân, không phải XLSX hay CSV');
  else if (kind === 'xlsx') table = await readXlsx(file, opts.maxRows);
  else table = await readCsv(file, head, opts.maxRows);
  if (table.headers.length === 0) throw unreadable('không tìm thấy dòng tiêu đề');
  return table;
}

/**
 * Realistic deposit inventories (Mục lục hồ sơ, tài liệu nộp lưu) for tests and the browser suite:
 * rows as an agency types them, written to real XLSX (exceljs) or CSV files.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';

/** A cell as the factory writes it: text, number, a real date cell, a real formula, or empty. */
export type FactoryCell = string | number | Date | { formula: string } | null;

export interface InventoryRow {
  stt: FactoryCell;
  fileNotation: FactoryCell;
  title: FactoryCell;
  startDate: FactoryCell;
  endDate: FactoryCell;
  retention: FactoryCell;
  sheets: FactoryCell;
  boxNo: FactoryCell;
  accessLevel: FactoryCell;
  notes: FactoryCell;
  secrecy?: FactoryCell;
  declassifiedYear?: FactoryCell;
  currentArchiveDepositYear?: FactoryCell;
  specialLawYears?: FactoryCell;
  physicalCondition?: FactoryCell;
  /** Columns outside the standard form, by header. */
  extra?: Record<string, FactoryCell>;
}

export type InventoryField = Exclude<keyof InventoryRow, 'extra'>;

/** Headers as printed on the standard form (TT 16/2014 annex). */
export const STANDARD_HEADERS: Record<InventoryField, string> = {
  stt: 'Số TT',
  fileNotation: 'Số và ký hiệu hồ sơ',
  title: 'Tiêu đề hồ sơ',
  startDate: 'Thời gian bắt đầu',
  endDate: 'Thời gian kết thúc',
  retention: 'Thời hạn bảo quản',
  sheets: 'Số tờ',
  boxNo: 'Hộp số',
  accessLevel: 'Chế độ sử dụng',
  notes: 'Ghi chú',
  secrecy: 'Độ mật',
  declassifiedYear: 'Năm giải mật',
  currentArchiveDepositYear: 'Năm nộp lưu trữ hiện hành',
  specialLawYears: 'Thời hạn theo luật chuyên ngành',
  physicalCondition: 'Tình trạng vật lý',
};

export const REQUIRED_FIELDS: InventoryField[] = ['stt', 'fileNotation', 'title', 'startDate', 'endDate', 'retention', 'sheets', 'boxNo', 'accessLevel', 'notes'];

const TOPICS = [
  ['quyết toán ngân sách', 'TC'],
  ['kế hoạch phát triển kinh tế - xã hội', 'KH'],
  ['tổ chức cán bộ', 'TCCB'],
  ['thi đua khen thưởng', 'TĐKT'],
  ['xây dựng cơ bản', 'XD'],
  ['giải quyết khiếu nại, tố cáo', 'TTr'],
  ['tổng kết công tác năm', 'TH'],
  ['quản lý đất đai', 'ĐĐ'],
] as const;

export interface InventoryOptions {
  /** First year of the records; rows spread over `years` years. */
  fromYear?: number;
  years?: number;
  /** ~30 files fill one 10 cm box in the agencies' deposits. */
  filesPerBox?: number;
  province?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** n realistic rows: Số TT 1..n, unique Số và ký hiệu, permanent, dd/mm/yyyy dates, Hộp số 1..ceil(n/filesPerBox). */
export function inventoryRows(n: number, opts: InventoryOptions = {}): InventoryRow[] {
  const fromYear = opts.fromYear ?? 2005;
  const years = opts.years ?? 5;
  const perBox = opts.filesPerBox ?? 30;
  const province = opts.province ?? 'Hưng Yên';
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const [topic, group] = TOPICS[k % TOPICS.length];
    const year = fromYear + (k % years);
    const month = 1 + (k % 11);
    return {
      stt: i,
      fileNotation: `${pad(i)}-${group}`,
      title: `Tập văn bản về ${topic} tỉnh ${province} năm ${year}`,
      startDate: `${pad(1 + (k % 27))}/${pad(month)}/${year}`,
      endDate: `${pad(1 + (k % 27))}/${pad(month + 1)}/${year}`,
      retention: 'Vĩnh viễn',
      sheets: 10 + ((i * 7) % 190),
      boxNo: Math.ceil(i / perBox),
      accessLevel: i % 10 === 0 ? 'Hạn chế' : 'Không hạn chế',
      notes: i % 5 === 0 ? 'Bản chính' : null,
    };
  });
}

export interface WriteOptions {
  /** Columns in order (default: the ten standard columns, plus optional ones any row uses). */
  columns?: InventoryField[];
  /** Header text per field, e.g. { stt: 'STT' } or unaccented spellings. */
  headers?: Partial<Record<InventoryField, string>>;
}

function layout(rows: InventoryRow[], opts: WriteOptions) {
  const optional = (Object.keys(STANDARD_HEADERS) as InventoryField[]).filter(
    (f) => !REQUIRED_FIELDS.includes(f) && rows.some((r) => r[f] !== undefined),
  );
  const columns = opts.columns ?? [...REQUIRED_FIELDS, ...optional];
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const headers = [...columns.map((f) => opts.headers?.[f] ?? STANDARD_HEADERS[f]), ...extras];
  const cells = (r: InventoryRow): FactoryCell[] => [...columns.map((f) => r[f] ?? null), ...extras.map((h) => r.extra?.[h] ?? null)];
  return { headers, cells };
}

export async function writeInventoryXlsx(path: string, rows: InventoryRow[], opts: WriteOptions = {}): Promise<string> {
  const { headers, cells } = layout(rows, opts);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mục lục');
  ws.addRow(headers);
  for (const r of rows) {
    ws.addRow(cells(r).map((c) => (c !== null && typeof c === 'object' && 'formula' in c ? { formula: c.formula, result: 0 } : c)));
  }
  await wb.xlsx.writeFile(path);
  return path;
}

const csvDate = (d: Date) => `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;

function csvCell(c: FactoryCell, nfd: boolean): string {
  if (c === null) return '';
  let s = c instanceof Date ? csvDate(c) : typeof c === 'object' ? `=${c.formula}` : String(c);
  if (nfd) s = s.normalize('NFD');
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 CSV with a BOM (as Excel saves it); nfd writes decomposed Vietnamese, as some Mac tools do. */
export function writeInventoryCsv(path: string, rows: InventoryRow[], opts: WriteOptions & { nfd?: boolean } = {}): string {
  const { headers, cells } = layout(rows, opts);
  const nfd = opts.nfd ?? false;
  const lines = [headers.map((h) => csvCell(h, nfd)).join(','), ...rows.map((r) => cells(r).map((c) => csvCell(c, nfd)).join(','))];
  fs.writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

/** Removes Vietnamese tone marks and diacritics from a header, as typed on a keyboard without Telex. */
export function unaccented(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

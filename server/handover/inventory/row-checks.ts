/**
 * Checks one inventory row on its own (required cells, formats, lengths, legal rules) and builds
 * the record to store. Cross-row rules (numbering, duplicates, boxes) live in file-checks.ts.
 */
import type { Cell, TableRow } from '../../spreadsheet/read-table.js';
import { looksLikeFormula } from '../../spreadsheet/text.js';
import { cellText, isPermanent, normaliseBoxNo, parseAccessLevel, parseInteger, parsePeriod, parseSecrecy, type Parsed, type Period } from './cells.js';
import { labelOf, type ColumnRef, type FieldKey, type ImportMode } from './columns.js';
import type { RowKeys } from './file-checks.js';
import type { InventoryRecord, Problem } from './types.js';

export interface RowContext {
  columns: Map<FieldKey, ColumnRef>;
  mode: ImportMode;
  /** Today (YYYY-MM-DD) and its year, from the service clock. */
  today: string;
  currentYear: number;
  /** The collection decision's "records dated up to" year, when the handover belongs to a plan. */
  recordsToYear: number | null;
  /** `${rowNumber}:${index}` of cells holding real formulas; reported once by the file check. */
  formulaCells: Set<string>;
}

/** Maximum lengths from the TT 02/2019 metadata fields (FileNotation 20, Title 1000, Description 2000). */
export const MAX_LENGTH = { fileNotation: 20, title: 1000, notes: 2000, physicalCondition: 500, retention: 50, boxNo: 20 } as const;

export interface RowResult {
  record: InventoryRecord | null;
  problems: Problem[];
  keys: RowKeys;
}

export function checkRow(row: TableRow, ctx: RowContext): RowResult {
  const problems: Problem[] = [];
  const at = (key: FieldKey) => ctx.columns.get(key)?.header ?? labelOf(key);
  const report = (key: FieldKey, message: string) => problems.push({ row: row.rowNumber, column: at(key), message });

  /** The cell of a column, or undefined when it must not be read (absent column, formula already reported). */
  const cell = (key: FieldKey): Cell | undefined => {
    const ref = ctx.columns.get(key);
    if (!ref) return undefined;
    if (ctx.formulaCells.has(`${row.rowNumber}:${ref.index}`)) return undefined;
    const c = row.cells[ref.index] ?? null;
    if (typeof c === 'string' && looksLikeFormula(c)) {
      report(key, `Nội dung "${c.slice(0, 40)}" có dạng công thức bảng tính nên không được chấp nhận.`);
      return undefined;
    }
    return c;
  };

  const required = <T>(key: FieldKey, parse: (c: Cell) => Parsed<T>): T | null => {
    const c = cell(key);
    if (c === undefined) return null;
    if (cellText(c) === null) {
      report(key, 'Bắt buộc nhập.');
      return null;
    }
    const r = parse(c);
    if (!r.ok) report(key, r.message);
    return r.ok ? r.value : null;
  };
  const optional = <T>(key: FieldKey, parse: (c: Cell) => Parsed<T>): T | null => {
    const c = cell(key);
    if (c === undefined || cellText(c) === null) return null;
    const r = parse(c);
    if (!r.ok) report(key, r.message);
    return r.ok ? r.value : null;
  };
  const text = (max: number) => (c: Cell): Parsed<string> => {
    const s = cellText(c)!;
    return s.length > max ? { ok: false, message: `Dài ${s.length} ký tự, tối đa ${max} ký tự.` } : { ok: true, value: s };
  };
  const year = (c: Cell) => parseInteger(c, 1800, 2200);

  const rowNo = required('rowNo', (c) => parseInteger(c, 1, 1_000_000));
  const fileNotation = required('fileNotation', text(MAX_LENGTH.fileNotation));
  const title = required('title', text(MAX_LENGTH.title));
  const start = optional<Period>('startDate', parsePeriod);
  const end = required<Period>('endDate', parsePeriod);
  const retention = required('retention', text(MAX_LENGTH.retention));
  const sheets = required('sheets', (c) => {
    const r = parseInteger(c, 1, 1_000_000);
    return r.ok ? r : { ok: false, message: `Số tờ phải là số nguyên dương (đang ghi "${cellText(c)}").` };
  });
  const boxText = ctx.mode === 'handover' ? required('boxNo', text(MAX_LENGTH.boxNo)) : optional('boxNo', text(MAX_LENGTH.boxNo));
  const accessLevel = required('accessLevel', parseAccessLevel);
  const notes = optional('notes', text(MAX_LENGTH.notes));
  const secrecy = optional('secrecy', parseSecrecy);
  const declassifiedYear = optional('declassifiedYear', year);
  const currentArchiveDepositYear = optional('currentArchiveDepositYear', year);
  const specialLawYears = optional('specialLawYears', (c) => parseInteger(c, 1, 100));
  const physicalCondition = optional('physicalCondition', text(MAX_LENGTH.physicalCondition));

  if (start && end && start.start > end.end) {
    report('startDate', `Thời gian bắt đầu (${start.text}) sau thời gian kết thúc (${end.text}).`);
  }
  if (end && end.start > ctx.today) report('endDate', `Thời gian kết thúc (${end.text}) ở tương lai.`);
  const endYear = end ? Number(end.end.slice(0, 4)) : null;
  if (endYear !== null && ctx.recordsToYear !== null && endYear > ctx.recordsToYear) {
    report('endDate', `Hồ sơ kết thúc năm ${endYear}, sau năm ${ctx.recordsToYear} mà quyết định thu hồ sơ, tài liệu quy định.`);
  }
  if (retention && !isPermanent(retention)) {
    report('retention', `Thời hạn bảo quản "${retention}": chỉ hồ sơ bảo quản vĩnh viễn mới được nộp lưu vào Lưu trữ lịch sử.`);
  }
  // A register lists what the agency still holds, secret files included; only a deposit must wait for declassification.
  if (ctx.mode === 'handover' && secrecy && (declassifiedYear === null || declassifiedYear > ctx.currentYear)) {
    report('secrecy', `Hồ sơ có độ mật chưa được giải mật nên chưa được nộp lưu (ghi "Năm giải mật" khi đã giải mật).`);
  }

  const boxNo = boxText === null ? null : normaliseBoxNo(boxText);
  const keys: RowKeys = { sourceRow: row.rowNumber, rowNo, fileNotation, boxNo };
  if (problems.length > 0 || rowNo === null || fileNotation === null || title === null || end === null || retention === null || sheets === null || accessLevel === null) {
    return { record: null, problems, keys };
  }
  if (ctx.mode === 'handover' && boxNo === null) return { record: null, problems, keys };
  return {
    record: {
      sourceRow: row.rowNumber,
      rowNo,
      fileNotation,
      title,
      startDate: start?.start ?? null,
      endDate: end.end,
      dateText: start ? (start.text === end.text ? end.text : `${start.text} - ${end.text}`) : end.text,
      retention,
      permanent: true,
      sheets,
      boxNo,
      accessLevel,
      secrecy,
      declassifiedYear,
      currentArchiveDepositYear,
      specialLawYears,
      physicalCondition,
      notes,
    },
    problems,
    keys,
  };
}

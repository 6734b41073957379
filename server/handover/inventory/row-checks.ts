/**
 * Checks one inventory row on its own (required cells, formats, lengths, legal rules) and builds the record to
 * store; the import kernel's reader reports each problem on its row and column. Cross-row rules (numbering,
 * duplicates, boxes) live in file-checks.ts.
 */
import { cellText, parseInteger, type Cell, type Period } from '../../spreadsheet/cells.js';
import type { RowReader } from '../../spreadsheet/import-kernel.js';
import { PERIOD_BOUNDS, readPeriodColumns } from '../../spreadsheet/period-range.js';
import { isPermanent, normaliseBoxNo, parseAccessLevel, parseSecrecy } from './cells.js';
import type { FieldKey, ImportMode } from './columns.js';
import type { RowKeys } from './file-checks.js';
import type { InventoryRecord } from './types.js';

export interface RowContext {
  mode: ImportMode;
  /** Today (YYYY-MM-DD) and its year, from the service clock. */
  today: string;
  currentYear: number;
  /** The collection decision's "records dated up to" year, when the handover belongs to a plan. */
  recordsToYear: number | null;
}

/** Maximum lengths from the TT 02/2019 metadata fields (FileNotation 20, Title 1000, Description 2000). */
export const MAX_LENGTH = { fileNotation: 20, title: 1000, notes: 2000, physicalCondition: 500, retention: 50, boxNo: 20 } as const;

export interface InventoryRow {
  /** Null when the row cannot become a record (its problems are recorded). */
  record: InventoryRecord | null;
  /** What the cross-row checks need, even from rows that failed their own checks. */
  keys: RowKeys;
}

export const checkRow = (ctx: RowContext) => (r: RowReader<FieldKey>): InventoryRow => {
  const year = (c: Cell) => parseInteger(c, 1800, 2200);

  const rowNo = r.required('rowNo', (c) => parseInteger(c, 1, 1_000_000));
  const fileNotation = r.requiredText('fileNotation', MAX_LENGTH.fileNotation);
  const title = r.requiredText('title', MAX_LENGTH.title);
  // Separate start/end columns, or one combined "Thời gian tài liệu" column (period-range.ts has the rule for both).
  const { start, end } = readPeriodColumns<FieldKey, Period>(r, { range: 'dateRange', start: 'startDate', end: 'endDate' }, PERIOD_BOUNDS, { endRequired: true });
  const retention = r.requiredText('retention', MAX_LENGTH.retention);
  const sheets = r.required('sheets', (c) => {
    const n = parseInteger(c, 1, 1_000_000);
    return n.ok ? n : { ok: false, message: `Số tờ phải là số nguyên dương (đang ghi "${cellText(c)}").` };
  });
  const boxText = ctx.mode === 'handover' ? r.requiredText('boxNo', MAX_LENGTH.boxNo) : r.text('boxNo', MAX_LENGTH.boxNo);
  const accessLevel = r.required('accessLevel', parseAccessLevel);
  const notes = r.text('notes', MAX_LENGTH.notes);
  const secrecy = r.value('secrecy', parseSecrecy);
  const declassifiedYear = r.value('declassifiedYear', year);
  const currentArchiveDepositYear = r.value('currentArchiveDepositYear', year);
  const specialLawYears = r.value('specialLawYears', (c) => parseInteger(c, 1, 100));
  const physicalCondition = r.text('physicalCondition', MAX_LENGTH.physicalCondition);

  if (start && end && start.start > end.end) {
    r.problem('startDate', `Thời gian bắt đầu (${start.text}) sau thời gian kết thúc (${end.text}).`);
  }
  if (end && end.start > ctx.today) r.problem('endDate', `Thời gian kết thúc (${end.text}) ở tương lai.`);
  const endYear = end ? Number(end.end.slice(0, 4)) : null;
  if (endYear !== null && ctx.recordsToYear !== null && endYear > ctx.recordsToYear) {
    r.problem('endDate', `Hồ sơ kết thúc năm ${endYear}, sau năm ${ctx.recordsToYear} mà quyết định thu hồ sơ, tài liệu quy định.`);
  }
  if (retention && !isPermanent(retention)) {
    r.problem('retention', `Thời hạn bảo quản "${retention}": chỉ hồ sơ bảo quản vĩnh viễn mới được nộp lưu vào Lưu trữ lịch sử.`);
  }
  // A register lists what the agency still holds, secret files included; only a deposit must wait for declassification.
  if (ctx.mode === 'handover' && secrecy && (declassifiedYear === null || declassifiedYear > ctx.currentYear)) {
    r.problem('secrecy', `Hồ sơ có độ mật chưa được giải mật nên chưa được nộp lưu (ghi "Năm giải mật" khi đã giải mật).`);
  }

  const boxNo = boxText === null ? null : normaliseBoxNo(boxText);
  const keys: RowKeys = { sourceRow: r.rowNumber, rowNo, fileNotation, boxNo };
  if (r.problemCount() > 0 || rowNo === null || fileNotation === null || title === null || end === null || retention === null || sheets === null || accessLevel === null) {
    return { record: null, keys };
  }
  if (ctx.mode === 'handover' && boxNo === null) return { record: null, keys };
  return {
    record: {
      sourceRow: r.rowNumber,
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
    keys,
  };
};

/**
 * The inventory's columns (Mục lục hồ sơ, tài liệu nộp lưu) and how file headers map onto them.
 * Agencies type headers by hand: any order, NFC or NFD, with or without tone marks, so matching
 * goes through fold() and a short list of aliases seen in real inventories.
 */
import { fold } from '../../spreadsheet/text.js';
import type { Problem } from './types.js';

export type FieldKey =
  | 'rowNo'
  | 'fileNotation'
  | 'title'
  | 'startDate'
  | 'endDate'
  | 'retention'
  | 'sheets'
  | 'boxNo'
  | 'accessLevel'
  | 'notes'
  | 'secrecy'
  | 'declassifiedYear'
  | 'currentArchiveDepositYear'
  | 'specialLawYears'
  | 'physicalCondition';

export type ImportMode = 'handover' | 'register';

interface FieldSpec {
  key: FieldKey;
  /** The header as printed on the standard form; used in messages when the column is missing. */
  label: string;
  aliases: string[];
  /** Whether the column must be present; the register (agency's current archive) has no boxes yet. */
  required: Record<ImportMode, boolean>;
}

const both = { handover: true, register: true };
const none = { handover: false, register: false };

export const FIELDS: FieldSpec[] = [
  { key: 'rowNo', label: 'Số TT', aliases: ['Số TT', 'STT', 'Số thứ tự', 'TT'], required: both },
  { key: 'fileNotation', label: 'Số và ký hiệu hồ sơ', aliases: ['Số và ký hiệu hồ sơ', 'Số ký hiệu hồ sơ', 'Ký hiệu hồ sơ', 'Số, ký hiệu hồ sơ'], required: both },
  { key: 'title', label: 'Tiêu đề hồ sơ', aliases: ['Tiêu đề hồ sơ', 'Tiêu đề'], required: both },
  { key: 'startDate', label: 'Thời gian bắt đầu', aliases: ['Thời gian bắt đầu', 'Ngày bắt đầu'], required: both },
  { key: 'endDate', label: 'Thời gian kết thúc', aliases: ['Thời gian kết thúc', 'Ngày kết thúc'], required: both },
  { key: 'retention', label: 'Thời hạn bảo quản', aliases: ['Thời hạn bảo quản', 'Thời hạn lưu trữ'], required: both },
  { key: 'sheets', label: 'Số tờ', aliases: ['Số tờ', 'Số lượng tờ'], required: both },
  { key: 'boxNo', label: 'Hộp số', aliases: ['Hộp số', 'Số hộp'], required: { handover: true, register: false } },
  { key: 'accessLevel', label: 'Chế độ sử dụng', aliases: ['Chế độ sử dụng', 'Mức độ tiếp cận'], required: both },
  { key: 'notes', label: 'Ghi chú', aliases: ['Ghi chú'], required: both },
  { key: 'secrecy', label: 'Độ mật', aliases: ['Độ mật', 'Mức độ mật'], required: none },
  { key: 'declassifiedYear', label: 'Năm giải mật', aliases: ['Năm giải mật'], required: none },
  { key: 'currentArchiveDepositYear', label: 'Năm nộp lưu trữ hiện hành', aliases: ['Năm nộp lưu trữ hiện hành', 'Năm nộp lưu trữ cơ quan'], required: none },
  { key: 'specialLawYears', label: 'Thời hạn theo luật chuyên ngành', aliases: ['Thời hạn theo luật chuyên ngành'], required: none },
  { key: 'physicalCondition', label: 'Tình trạng vật lý', aliases: ['Tình trạng vật lý'], required: none },
];

const BY_ALIAS = new Map<string, FieldKey>(FIELDS.flatMap((f) => f.aliases.map((a) => [fold(a), f.key] as const)));

export interface ColumnRef {
  /** 0-based index into the row's cells. */
  index: number;
  /** The header exactly as written in the file, reported back in problems. */
  header: string;
}

export interface ColumnMap {
  columns: Map<FieldKey, ColumnRef>;
  problems: Problem[];
  warnings: Problem[];
}

export function labelOf(key: FieldKey): string {
  return FIELDS.find((f) => f.key === key)!.label;
}

export function mapColumns(headers: string[], headerRow: number, mode: ImportMode): ColumnMap {
  const columns = new Map<FieldKey, ColumnRef>();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  headers.forEach((raw, index) => {
    const header = raw.normalize('NFC').trim();
    if (header === '') return;
    const key = BY_ALIAS.get(fold(header));
    if (!key) {
      warnings.push({ row: headerRow, column: header, message: `Cột "${header}" không thuộc mẫu mục lục nên được bỏ qua.` });
      return;
    }
    const seen = columns.get(key);
    if (seen) {
      problems.push({ row: headerRow, column: header, message: `Cột "${header}" trùng với cột "${seen.header}" (cùng là "${labelOf(key)}").` });
      return;
    }
    columns.set(key, { index, header });
  });
  for (const f of FIELDS) {
    if (f.required[mode] && !columns.has(f.key)) {
      problems.push({ row: null, column: f.label, message: `Thiếu cột bắt buộc "${f.label}".` });
    }
  }
  return { columns, problems, warnings };
}

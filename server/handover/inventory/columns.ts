/**
 * The inventory's columns (Mục lục hồ sơ, tài liệu nộp lưu) and the aliases seen in real inventories.
 * Matching itself (any order, NFC or NFD, with or without tone marks, legacy fonts) is the import kernel's.
 */
import { matchColumns, type ColumnMatch, type Columns } from '../../spreadsheet/columns.js';
import { PERIOD_RANGE_ALIASES } from '../../spreadsheet/period-range.js';

export type FieldKey =
  | 'rowNo'
  | 'fileNotation'
  | 'title'
  | 'startDate'
  | 'endDate'
  | 'dateRange'
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
  /** The column that may stand in for this required one (the combined "Thời gian tài liệu" for start and end). */
  orColumn?: FieldKey;
}

const both = { handover: true, register: true };
const none = { handover: false, register: false };

export const FIELDS: FieldSpec[] = [
  { key: 'rowNo', label: 'Số TT', aliases: ['Số TT', 'STT', 'Số thứ tự', 'TT'], required: both },
  { key: 'fileNotation', label: 'Số và ký hiệu hồ sơ', aliases: ['Số và ký hiệu hồ sơ', 'Số ký hiệu hồ sơ', 'Ký hiệu hồ sơ', 'Số, ký hiệu hồ sơ'], required: both },
  { key: 'title', label: 'Tiêu đề hồ sơ', aliases: ['Tiêu đề hồ sơ', 'Tiêu đề'], required: both },
  { key: 'startDate', label: 'Thời gian bắt đầu', aliases: ['Thời gian bắt đầu', 'Ngày bắt đầu'], required: both, orColumn: 'dateRange' },
  { key: 'endDate', label: 'Thời gian kết thúc', aliases: ['Thời gian kết thúc', 'Ngày kết thúc'], required: both, orColumn: 'dateRange' },
  { key: 'dateRange', label: 'Thời gian tài liệu', aliases: PERIOD_RANGE_ALIASES, required: none },
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

export function inventoryColumns(mode: ImportMode): Columns<FieldKey> {
  const columns = {} as Columns<FieldKey>;
  for (const f of FIELDS) columns[f.key] = { label: f.label, aliases: f.aliases, required: f.required[mode], orColumn: f.orColumn };
  return columns;
}

export function labelOf(key: FieldKey): string {
  return FIELDS.find((f) => f.key === key)!.label;
}

/** Inventory problems name a column by its header as written in the file, which is what the agency sees. */
export function mapColumns(headers: string[], headerRow: number, mode: ImportMode): ColumnMatch<FieldKey> {
  return matchColumns(inventoryColumns(mode), headers, headerRow, { warnUnknown: true, namedBy: 'header' });
}

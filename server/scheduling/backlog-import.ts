/**
 * Backlog import from XLSX/CSV: all-or-nothing, every problem reported at once with its row and column
 * (like the agency import). A row whose agency and label already exist updates that item, so re-importing
 * the same survey is idempotent. The shared mechanics live in the spreadsheet import kernel and item-import.ts.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import * as repo from './backlog.repository.js';
import { quantityWhere } from '../spreadsheet/cells.js';
import { PERIOD_RANGE_ALIASES } from '../spreadsheet/period-range.js';
import { importItems, readCommonFields, type ItemImport } from './item-import.js';
import type { CreateBacklog } from './scheduling.schemas.js';

export const BACKLOG_COLUMNS = {
  agency: { label: 'Mã cơ quan', aliases: [] as string[], required: true },
  fonds: { label: 'Mã phông', aliases: [], required: false },
  label: { label: 'Khối tài liệu', aliases: ['Tên khối tài liệu', 'Tên', 'Nội dung'], required: true },
  measured: { label: 'Số mét đo được', aliases: ['Mét đo được', 'Số mét đo'], required: false },
  estimated: { label: 'Số mét ước tính', aliases: ['Mét ước tính', 'Ước tính (m)'], required: false },
  startYear: { label: 'Năm bắt đầu', aliases: ['Từ năm'], required: false },
  endYear: { label: 'Năm kết thúc', aliases: ['Đến năm'], required: false },
  period: { label: 'Thời gian tài liệu', aliases: PERIOD_RANGE_ALIASES, required: false },
  condition: { label: 'Tình trạng vật lý', aliases: ['Tình trạng'], required: false },
  coef: { label: 'Hệ số phức tạp', aliases: ['Hệ số'], required: false },
  priority: { label: 'Ưu tiên', aliases: ['Mức ưu tiên'], required: false },
  due: { label: 'Hạn hoàn thành', aliases: ['Hạn'], required: false },
  notes: { label: 'Ghi chú', aliases: [], required: false },
} as const;
type Key = Exclude<keyof typeof BACKLOG_COLUMNS, 'agency' | 'fonds'>;
type Item = Omit<CreateBacklog, 'agencyId' | 'fondsId'>;

/** docs/domain.md §4.4 physical-state codes, by code or by the words people write. */
const CONDITION_WORDS: Record<string, CreateBacklog['conditionCode']> = {
  '1': '01', '01': '01', '2': '02', '02': '02', '3': '03', '03': '03', '4': '04', '04': '04', '5': '05', '05': '05', '6': '06', '06': '06',
  'binh thuong': '01', 'moc nhe': '02', 'muc nhe': '02', 'muc hoac dinh nhe': '03', 'muc': '03', 'dinh nhe': '03',
  'dong cuc va bo': '04', 'dong cuc': '04', 'bo': '04', 'o vang': '05', 'vang': '05', 'rach': '06',
};

export const BACKLOG_IMPORT: ItemImport<Key, Item> = {
  columns: BACKLOG_COLUMNS,
  headerProblem: (has) => (has('measured') || has('estimated') ? null : { column: 'measured', message: 'Cần cột "Số mét đo được" hoặc "Số mét ước tính".' }),
  keyColumn: 'label',
  duplicateMessage: (first) => `Khối tài liệu trùng với dòng ${first} của cùng cơ quan.`,
  parseRow(r) {
    const label = r.text('label', 300);
    if (label === null) r.problem('label', 'Thiếu "Khối tài liệu".');
    const before = r.problemCount();
    const measured = r.value('measured', quantityWhere((n) => n > 0 && n <= 100_000, 'Số mét phải là số dương (vd. 12,5).'));
    const estimated = r.value('estimated', quantityWhere((n) => n > 0 && n <= 100_000, 'Số mét phải là số dương (vd. 12,5).'));
    if (measured === null && estimated === null && r.problemCount() === before) r.problem('measured', 'Cần số mét đo được hoặc số mét ước tính.');
    const common = readCommonFields(r);
    const conditionCode = r.word('condition', CONDITION_WORDS, (t) =>
      `Tình trạng "${t}" không hợp lệ; dùng mã 01–06 (01 bình thường, 02 mốc nhẹ, 03 mục hoặc dính nhẹ, 04 đóng cục và bở, 05 ố vàng, 06 rách).`);
    const coef = r.value('coef', quantityWhere((n) => n > 0 && n <= 5, 'Hệ số phải lớn hơn 0 và không quá 5.'));
    if (label === null) return null;
    return {
      key: label,
      item: { label, measuredMetres: measured, estimatedMetres: estimated, conditionCode, ...(coef !== null ? { complexityCoef: coef } : {}), ...common },
    };
  },
  existing: (tx) => tx.query(`SELECT id, agency_id AS "agencyId", label AS key FROM backlog_items`),
  insert: (tx, v) => repo.insertBacklog(tx, v),
  update: (tx, id, v) => repo.updateBacklog(tx, id, v),
  audit: { entityType: 'backlog', action: 'backlog.imported' },
};

export const importBacklog = (deps: Deps, actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}) => importItems(BACKLOG_IMPORT, deps, actor, file, opts);

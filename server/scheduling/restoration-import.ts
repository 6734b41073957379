/**
 * Restoration-item import from XLSX/CSV, with the same rules as the backlog import (the spreadsheet import kernel): all-or-nothing,
 * every problem with row and column, and a row whose agency and file/document reference already exist updates that
 * item, so re-importing the same damage survey is idempotent.
 */
import type { Deps } from '../deps.js';
import type { Actor } from '../core/actor.js';
import type { UploadedFile } from '../core/upload.js';
import * as repo from './backlog.repository.js';
import { quantityWhere } from '../spreadsheet/cells.js';
import { PERIOD_RANGE_ALIASES } from '../spreadsheet/period-range.js';
import { importItems, readCommonFields, type ItemImport } from './item-import.js';
import type { CreateRestoration } from './scheduling.schemas.js';

export const RESTORATION_COLUMNS = {
  agency: { label: 'Mã cơ quan', aliases: [] as string[], required: true },
  fonds: { label: 'Mã phông', aliases: [], required: false },
  reference: { label: 'Hồ sơ/tài liệu', aliases: ['Hồ sơ', 'Tài liệu', 'Tiêu đề hồ sơ', 'Số, ký hiệu hồ sơ', 'Ký hiệu'], required: true },
  unitKind: { label: 'Loại đơn vị', aliases: ['Đơn vị', 'Hồ sơ hay văn bản'], required: false },
  pages: { label: 'Số trang', aliases: ['Số trang cần tu bổ', 'Trang'], required: true },
  damageType: { label: 'Loại hư hỏng', aliases: ['Dạng hư hỏng', 'Hư hỏng'], required: true },
  damageLevel: { label: 'Mức độ hư hỏng', aliases: ['Mức độ', 'Mức hư hỏng'], required: true },
  startYear: { label: 'Năm bắt đầu', aliases: ['Từ năm'], required: false },
  endYear: { label: 'Năm kết thúc', aliases: ['Đến năm'], required: false },
  period: { label: 'Thời gian tài liệu', aliases: PERIOD_RANGE_ALIASES, required: false },
  priority: { label: 'Ưu tiên', aliases: ['Mức ưu tiên'], required: false },
  due: { label: 'Hạn hoàn thành', aliases: ['Hạn'], required: false },
  notes: { label: 'Ghi chú', aliases: [], required: false },
} as const;
type Key = Exclude<keyof typeof RESTORATION_COLUMNS, 'agency' | 'fonds'>;
type Item = Omit<CreateRestoration, 'agencyId' | 'fondsId'>;

/** Codes as the API takes them, or the words people write (folded: no tone marks). */
const UNIT_WORDS: Record<string, Item['unitKind']> = { 'file': 'file', 'ho so': 'file', 'document': 'document', 'van ban': 'document', 'tai lieu': 'document' };
const DAMAGE_WORDS: Record<string, Item['damageType']> = {
  'mould': 'mould', 'nam moc': 'mould', 'moc': 'mould', 'decay': 'decay', 'muc': 'decay', 'muc nat': 'decay',
  'caked': 'caked', 'bet dinh': 'caked', 'dinh': 'caked', 'dong cuc': 'caked', 'yellowed': 'yellowed', 'o vang': 'yellowed',
  'torn': 'torn', 'rach': 'torn', 'insects': 'insects', 'con trung': 'insects', 'moi mot': 'insects', 'moi': 'insects', 'mot': 'insects',
  'water': 'water', 'ngam nuoc': 'water', 'uot': 'water', 'other': 'other', 'khac': 'other',
};
const LEVEL_WORDS: Record<string, Item['damageLevel']> = {
  'light': 'light', 'nhe': 'light', 'medium': 'medium', 'vua': 'medium', 'trung binh': 'medium', 'heavy': 'heavy', 'nang': 'heavy',
};

export const RESTORATION_IMPORT: ItemImport<Key, Item> = {
  columns: RESTORATION_COLUMNS,
  keyColumn: 'reference',
  duplicateMessage: (first) => `Hồ sơ/tài liệu trùng với dòng ${first} của cùng cơ quan.`,
  parseRow(r) {
    const reference = r.text('reference', 300);
    if (reference === null) r.problem('reference', 'Thiếu "Hồ sơ/tài liệu".');
    const unitKind = r.word('unitKind', UNIT_WORDS, (t) => `Loại đơn vị "${t}" không hợp lệ; ghi "hồ sơ" hoặc "văn bản".`) ?? 'file';
    /** A required cell that is empty (a bad value has already been reported by the reader). */
    const need = <V>(k: Key, label: string, read: () => V | null): V | null => {
      const before = r.problemCount();
      const v = read();
      if (v === null && r.problemCount() === before) r.problem(k, `Thiếu "${label}".`);
      return v;
    };
    const pages = need('pages', 'Số trang', () => r.value('pages', quantityWhere((n) => Number.isInteger(n) && n > 0 && n <= 1_000_000, 'Số trang phải là số nguyên dương.')));
    const damageType = need('damageType', 'Loại hư hỏng', () => r.word('damageType', DAMAGE_WORDS, (t) =>
      `Loại hư hỏng "${t}" không hợp lệ; dùng: nấm mốc, mục, bết dính, ố vàng, rách, côn trùng, ngấm nước, khác.`));
    const damageLevel = need('damageLevel', 'Mức độ hư hỏng', () => r.word('damageLevel', LEVEL_WORDS, (t) => `Mức độ "${t}" không hợp lệ; dùng: nhẹ, vừa, nặng.`));
    const common = readCommonFields(r);
    if (reference === null || pages === null || damageType === null || damageLevel === null) return null;
    return { key: reference, item: { reference, unitKind, pages, damageType, damageLevel, ...common } };
  },
  existing: (tx) => tx.query(`SELECT id, agency_id AS "agencyId", reference AS key FROM restoration_items`),
  insert: (tx, v) => repo.insertRestoration(tx, v),
  update: (tx, id, v) => repo.updateRestoration(tx, id, v),
  audit: { entityType: 'restoration', action: 'restoration.imported' },
};

export const importRestoration = (deps: Deps, actor: Actor, file: UploadedFile, opts: { preview?: boolean } = {}) => importItems(RESTORATION_IMPORT, deps, actor, file, opts);

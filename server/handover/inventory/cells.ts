/**
 * The inventory's own cell words (retention, access level, secrecy, box numbers); dates and numbers are read by
 * the import kernel's parsers.
 */
import { cellText, fail, ok, type Cell, type Parsed } from '../../spreadsheet/cells.js';
import { fold } from '../../spreadsheet/text.js';

const PERMANENT = new Set(['vinh vien', 'vv', 'bao quan vinh vien', 'luu tru vinh vien']);

/** Only permanent files go to the historical archive (docs/domain.md §5). */
export function isPermanent(text: string): boolean {
  return PERMANENT.has(fold(text));
}

const ACCESS: Record<string, 'unrestricted' | 'restricted'> = {
  'khong han che': 'unrestricted',
  'su dung rong rai': 'unrestricted',
  'tiep can day du': 'unrestricted',
  'cong khai': 'unrestricted',
  '02': 'unrestricted',
  'han che': 'restricted',
  'han che su dung': 'restricted',
  'tiep can co dieu kien': 'restricted',
  '01': 'restricted',
};

export function parseAccessLevel(c: Cell): Parsed<'unrestricted' | 'restricted'> {
  const text = cellText(c);
  if (text === null) return fail('Thiếu giá trị.');
  const v = ACCESS[fold(text)];
  return v ? ok(v) : fail(`Chế độ sử dụng "${text}" không hợp lệ: ghi "Không hạn chế" hoặc "Hạn chế".`);
}

const SECRECY: Record<string, 'mat' | 'toi_mat' | 'tuyet_mat'> = {
  mat: 'mat',
  'toi mat': 'toi_mat',
  'tuyet mat': 'tuyet_mat',
};

/** Secrecy class (State Secrets Law 2018); blank means not secret. */
export function parseSecrecy(c: Cell): Parsed<'mat' | 'toi_mat' | 'tuyet_mat' | null> {
  const text = cellText(c);
  if (text === null) return ok(null);
  const v = SECRECY[fold(text)];
  return v ? ok(v) : fail(`Độ mật "${text}" không hợp lệ: ghi "Mật", "Tối mật" hoặc "Tuyệt mật", hoặc để trống.`);
}

/** "Hộp số" as a stable key: "01" and 1 are the same box; non-numeric labels are kept as written. */
export function normaliseBoxNo(text: string): string {
  return /^\d+$/.test(text) ? String(Number(text)) : text.toUpperCase();
}

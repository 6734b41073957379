/**
 * Turning one spreadsheet cell into a typed value. Pure functions; each returns either a value
 * or a Vietnamese message that the row check attaches to the cell's row and column.
 */
import type { Cell } from '../../spreadsheet/read-table.js';
import { fold } from '../../spreadsheet/text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Text of a cell, trimmed and NFC; empty cells give null. Numbers keep their plain form. */
export function cellText(c: Cell): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return `${pad(c.getUTCDate())}/${pad(c.getUTCMonth() + 1)}/${c.getUTCFullYear()}`;
  const s = String(c).normalize('NFC').trim();
  return s === '' ? null : s;
}

export interface Period {
  /** First day of the written period (YYYY-MM-DD). */
  start: string;
  /** Last day of the written period: "2009" ends on 2009-12-31, "02/2008" on 2008-02-29. */
  end: string;
  /** The value as written, kept for the printed inventory. */
  text: string;
}

const YEAR_MIN = 1800;
const YEAR_MAX = 2200;

function period(y: number, m: number | null, d: number | null, text: string): Parsed<Period> {
  if (y < YEAR_MIN || y > YEAR_MAX) return fail(`Năm ${y} không hợp lệ.`);
  if (m === null) return ok({ start: iso(y, 1, 1), end: iso(y, 12, 31), text });
  if (m < 1 || m > 12) return fail(`Tháng ${m} không hợp lệ trong "${text}".`);
  if (d === null) return ok({ start: iso(y, m, 1), end: iso(y, m, daysInMonth(y, m)), text });
  if (d < 1 || d > daysInMonth(y, m)) return fail(`Ngày "${text}" không tồn tại.`);
  return ok({ start: iso(y, m, d), end: iso(y, m, d), text });
}

const DATE_HELP = 'dùng dạng dd/mm/yyyy, mm/yyyy hoặc yyyy';

/** A date as agencies write it: dd/mm/yyyy, mm/yyyy, yyyy, a real Excel date cell, or YYYY-MM-DD. */
export function parsePeriod(c: Cell): Parsed<Period> {
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return fail(`Ngày không hợp lệ: ${DATE_HELP}.`);
    // Excel date cells arrive as UTC midnight of the calendar day typed in the sheet.
    return period(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), cellText(c)!);
  }
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 1000 && c <= 9999) return period(c, null, null, String(c));
    return fail(`Ngày "${c}" không hợp lệ: ${DATE_HELP}.`);
  }
  const text = cellText(c);
  if (text === null) return fail('Thiếu ngày.');
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return period(Number(m[3]), Number(m[2]), Number(m[1]), text);
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return period(Number(m[2]), Number(m[1]), null, text);
  m = /^(\d{4})$/.exec(text);
  if (m) return period(Number(m[1]), null, null, text);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return period(Number(m[1]), Number(m[2]), Number(m[3]), text);
  return fail(`Ngày "${text}" không đúng định dạng: ${DATE_HELP}.`);
}

/** Whole number within bounds; accepts numeric cells and digit-only text. */
export function parseInteger(c: Cell, min: number, max: number): Parsed<number> {
  const text = cellText(c);
  if (text === null) return fail('Thiếu giá trị.');
  const n = typeof c === 'number' ? c : /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n)) return fail(`"${text}" không phải số nguyên.`);
  if (n < min || n > max) return fail(`Giá trị ${n} phải trong khoảng ${min}–${max}.`);
  return ok(n);
}

const PERMANENT = new Set(['vinh vien', 'vv', 'bao quan vinh vien', 'luu tru vinh vien']);

/** Only permanent files go to the historical archive (DOMAIN.md §5). */
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

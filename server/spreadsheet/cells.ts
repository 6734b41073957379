/**
 * Turning one spreadsheet cell into a typed value, for every import. Pure functions; each returns either a value
 * or a Vietnamese message that the kernel attaches to the cell's row and column.
 */
export type Cell = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Text of a cell as written: NFC, trimmed, line breaks as \n; empty cells give null. Numbers keep their plain form;
 * date cells read as dd/mm/yyyy. With `collapse`, runs of spaces and tabs become one space (codes and names).
 */
export function cellText(c: Cell | undefined, collapse = false): string | null {
  if (c === null || c === undefined) return null;
  if (c instanceof Date) return `${pad(c.getUTCDate())}/${pad(c.getUTCMonth() + 1)}/${c.getUTCFullYear()}`;
  let s = String(c).normalize('NFC').replace(/\r\n?/g, '\n');
  if (collapse) s = s.replace(/\s+/g, ' ');
  s = s.trim();
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

function periodOfText(text: string): Parsed<Period> | null {
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return period(Number(m[3]), Number(m[2]), Number(m[1]), text);
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return period(Number(m[2]), Number(m[1]), null, text);
  m = /^(\d{4})$/.exec(text);
  if (m) return period(Number(m[1]), null, null, text);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return period(Number(m[1]), Number(m[2]), Number(m[3]), text);
  return null;
}

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
  return periodOfText(text) ?? fail(`Ngày "${text}" không đúng định dạng: ${DATE_HELP}.`);
}

/** An exact calendar day (YYYY-MM-DD): dd/mm/yyyy, YYYY-MM-DD or a date cell. */
export function parseDay(c: Cell): Parsed<string> {
  const p = parsePeriod(c);
  if (!p.ok || p.value.start !== p.value.end) return fail('Ngày không hợp lệ; dùng dd/mm/yyyy.');
  return ok(p.value.start);
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

/** A quantity: numeric cells, or text with a decimal comma or point and an optional unit ("12,5 m", "380 trang"). */
export function parseQuantity(c: Cell): Parsed<number> {
  if (typeof c === 'number') return ok(c);
  const t = (cellText(c) ?? '').replace(/\s*(m|trang)$/i, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? ok(Number(t)) : fail(`"${cellText(c)}" không phải số.`);
}

/** A quantity that must pass `check`; anything else is reported with `message`. */
export const quantityWhere = (check: (n: number) => boolean, message: string) => (c: Cell): Parsed<number> => {
  const r = parseQuantity(c);
  return r.ok && check(r.value) ? r : fail(message);
};

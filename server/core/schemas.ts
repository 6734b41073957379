/**
 * The value schemas every request schema is built from: one id, one text rule, dates, years, paging, and the
 * error body. Plain zod, so area schemas and the services that take their types never depend on the HTTP module.
 */
import { z } from 'zod';

/** Ids are PostgreSQL `integer`: anything above 2^31−1 can name no row, and would make the query itself fail. */
export const MAX_ID = 2_147_483_647;

/** An id from a path or query string (text coerced to a number). The one id schema for every route. */
export const Id = z.coerce.number('Mã số phải là số nguyên dương').int('Mã số phải là số nguyên dương').positive('Mã số phải là số nguyên dương').max(MAX_ID, 'Mã số không tồn tại');

/** An id inside a JSON body: a JSON number, never a string. */
export const BodyId = z.number('Mã số phải là số nguyên dương').int('Mã số phải là số nguyên dương').positive('Mã số phải là số nguyên dương').max(MAX_ID, 'Mã số không tồn tại');

/**
 * What text fields accept (names, titles, notes …), decided per kind of character:
 * - invisible zero-width characters and BOMs (U+200B–U+200D, U+2060, U+FEFF, U+180E) are stripped: pasted from Word
 *   or the web they are noise, and left in they make equal names differ;
 * - bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) are refused: they make "ACC \u202egnp.exe"
 *   display as "ACC exe.png", and Vietnamese text never needs them;
 * - C0/C1 control characters and DEL are refused, except TAB and line feed in multi-line fields (notes, descriptions);
 *   CR LF there becomes LF;
 * - lone UTF-16 surrogates are refused (they cannot be stored as UTF-8).
 * Then NFC (Vietnamese typed in NFD must compare equal to NFC) and trimming.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextOptions {
  /** Allows TAB and line breaks (notes, descriptions, reasons). */
  multiline?: boolean;
}

function cleanText(s: string, multiline: boolean): string {
  const t = multiline ? s.replace(/\r\n?/g, '\n') : s;
  return t.replace(ZERO_WIDTH, '').normalize('NFC').trim();
}

function textSchema(min: number, max: number, opts: TextOptions) {
  const multiline = opts.multiline ?? false;
  let inner = z
    .string()
    .refine((s) => !LONE_SURROGATE.test(s), 'Chứa ký tự Unicode không hợp lệ')
    .refine((s) => !(multiline ? CONTROL_MULTILINE : CONTROL).test(s), multiline ? 'Chứa ký tự điều khiển không được phép' : 'Chứa ký tự điều khiển hoặc xuống dòng không được phép')
    .refine((s) => !BIDI.test(s), 'Chứa ký tự điều khiển hướng chữ (bidi) không được phép')
    .max(max, `Tối đa ${max} ký tự`);
  if (min > 0) inner = inner.min(min, 'Bắt buộc');
  return z.string().transform((s) => cleanText(s, multiline)).pipe(inner);
}

/** Optional-content text (may be empty after trimming). The one text schema for every route. */
export const text = (max: number, opts: TextOptions = {}) => textSchema(0, max, opts);

/** Text that must not be empty after trimming. */
export const requiredText = (max: number, opts: TextOptions = {}) => textSchema(1, max, opts);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');

export const year = z.coerce.number().int().min(1800).max(2200);

export const Pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(MAX_ID).default(0),
};

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** `?preview=1` on a spreadsheet import: check and count everything, save nothing (the user confirms after the warnings). */
export const ImportPreviewQuery = z.strictObject({
  preview: z.enum(['0', '1'], 'preview là 0 hoặc 1').optional().transform((v) => v === '1'),
});

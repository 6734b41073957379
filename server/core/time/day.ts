/**
 * A Vietnam calendar day: an ISO 'YYYY-MM-DD' string naming a date on the centre's calendar (UTC+7). Arithmetic runs
 * on whole day numbers (days since 1970-01-01), so no Date object leaks out and no server time zone can shift a day.
 * Functions take plain strings (DATE columns and validated request fields arrive as strings) and return VnDay, so
 * code that must be sure it holds a real day can ask for the branded type.
 */
declare const vnDayBrand: unique symbol;
export type VnDay = string & { readonly [vnDayBrand]: true };
/** Whole days since 1970-01-01; the scheduler's hot loops work on these. */
export type DayNumber = number;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date, or NaN when the string is not a real calendar date (e.g. 2026-02-30). */
export function isoToDay(iso: string): DayNumber {
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return Math.round(t / DAY_MS);
}

/** Inverse of isoToDay without allocating a Date (hot in the scheduler): Hinnant's civil_from_days. */
export function dayToIso(day: DayNumber): VnDay {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as VnDay;
}

/** Day number of a calendar date; day 0 of a month is the last day of the month before, month 13 is next January. */
export function ymdToDay(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function isVnDay(s: unknown): s is VnDay {
  return typeof s === 'string' && !Number.isNaN(isoToDay(s));
}
/** Plain boolean for zod refinements: refining with the type guard would brand the schema's output type. */
export const isValidIsoDate = (s: string): boolean => isVnDay(s);

/** The day, or null when the string is not a real 'YYYY-MM-DD' date. */
export function toVnDay(s: string): VnDay | null {
  return isVnDay(s) ? s : null;
}

/** The day, or a RangeError for anything that is not a real 'YYYY-MM-DD' date (a programming error, not user input). */
export function parseVnDay(s: string): VnDay {
  if (!isVnDay(s)) throw new RangeError(`not a calendar day: ${JSON.stringify(s)}`);
  return s;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}
export const mondayOfDay = (day: DayNumber): DayNumber => day - weekdayOfDay(day);
export const isWeekendDay = (day: DayNumber): boolean => weekdayOfDay(day) >= 5;

export const addDays = (day: string, n: number): VnDay => dayToIso(isoToDay(day) + n);
/** 0 = Monday … 6 = Sunday. */
export const weekday = (day: string): number => weekdayOfDay(isoToDay(day));
export const mondayOf = (day: string): VnDay => dayToIso(mondayOfDay(isoToDay(day)));
export const isWeekend = (day: string): boolean => isWeekendDay(isoToDay(day));
/** Signed: positive when `to` is later than `from`. */
export const daysBetween = (from: string, to: string): number => isoToDay(to) - isoToDay(from);
export const yearOf = (day: string): number => Number(day.slice(0, 4));

/** Every day from `from` to `to`, both included; nothing when `to` is earlier. */
export function* eachDay(from: string, to: string): Generator<VnDay> {
  for (let d = isoToDay(from), end = isoToDay(to); d <= end; d++) yield dayToIso(d);
}

/** dd/mm/yyyy, the way Vietnamese readers write dates; a dash for a missing one. */
export function vnDate(day: string | null | undefined): string {
  return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '—';
}

/** 'ngày 5 tháng 3 năm 2026', the long form administrative documents use in their date line. */
export function vnLongDate(day: string): string {
  return `ngày ${Number(day.slice(8, 10))} tháng ${Number(day.slice(5, 7))} năm ${day.slice(0, 4)}`;
}

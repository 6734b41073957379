/**
 * Builds the engine's WorkCalendar from the statutory holidays, a centre's configured yearly lists (the government's
 * notice wins over the computed default) and custom closures, and validates configured lists before they are used.
 */
import { z } from 'zod';
import { isValidIsoDate, isWeekend, vnDate } from './day.js';
import type { WorkCalendar } from './working-days.js';
import { tetDate, hungKingsDate, vietnamPublicHolidays, type Holiday, type HolidayOptions } from './vn-holidays.js';

export const configuredHolidaySchema = z.object({
  date: z.string().refine(isValidIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD)' }),
  name: z.string().trim().min(1, 'Thiếu tên ngày nghỉ').max(200),
});
export const configuredHolidayListSchema = z.array(configuredHolidaySchema).max(60);
export type ConfiguredHoliday = z.infer<typeof configuredHolidaySchema>;

export interface HolidayIssue {
  /** Stable English code for the API; message is Vietnamese for people. */
  code: 'HOLIDAY_DATE_INVALID' | 'HOLIDAY_DUPLICATE' | 'HOLIDAY_WRONG_YEAR' | 'HOLIDAY_TET_MISSING' | 'HOLIDAY_HUNG_KINGS_MISSING' | 'HOLIDAY_STATUTORY_MISSING' | 'HOLIDAY_ON_WEEKEND';
  severity: 'error' | 'warning';
  date?: string;
  message: string;
}

/**
 * Checks one year's configured list. Errors make it unusable (bad dates, duplicates, wrong year, Tết's first day or
 * Hùng Kings' day missing — a list without them was certainly computed with the wrong lunar calendar); warnings flag
 * differences from the statutory default that a government notice may legitimately introduce.
 */
export function validateHolidayList(year: number, list: unknown): { ok: boolean; holidays: ConfiguredHoliday[]; issues: HolidayIssue[] } {
  const issues: HolidayIssue[] = [];
  const parsed = configuredHolidayListSchema.safeParse(list);
  if (!parsed.success) {
    const items = Array.isArray(list) ? list : [];
    for (const issue of parsed.error.issues) {
      const idx = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
      const raw = idx !== undefined ? (items[idx] as { date?: unknown } | undefined)?.date : undefined;
      issues.push({ code: 'HOLIDAY_DATE_INVALID', severity: 'error', date: typeof raw === 'string' ? raw : undefined, message: `Dòng ${idx !== undefined ? idx + 1 : '?'}: ${issue.message}` });
    }
    return { ok: false, holidays: [], issues };
  }
  const holidays = parsed.data;
  const seen = new Set<string>();
  for (const h of holidays) {
    if (seen.has(h.date)) issues.push({ code: 'HOLIDAY_DUPLICATE', severity: 'error', date: h.date, message: `Ngày ${vnDate(h.date)} bị khai báo hai lần` });
    seen.add(h.date);
    if (Number(h.date.slice(0, 4)) !== year) issues.push({ code: 'HOLIDAY_WRONG_YEAR', severity: 'error', date: h.date, message: `Ngày ${vnDate(h.date)} không thuộc năm ${year}` });
    if (isWeekend(h.date)) issues.push({ code: 'HOLIDAY_ON_WEEKEND', severity: 'warning', date: h.date, message: `Ngày ${vnDate(h.date)} là ngày nghỉ cuối tuần, khai báo không có tác dụng` });
  }
  const tet = tetDate(year);
  if (!seen.has(tet)) issues.push({ code: 'HOLIDAY_TET_MISSING', severity: 'error', date: tet, message: `Thiếu mùng 1 Tết Nguyên đán (${vnDate(tet)}, tính theo âm lịch Việt Nam)` });
  const hung = hungKingsDate(year);
  if (!seen.has(hung) && !isWeekend(hung)) issues.push({ code: 'HOLIDAY_HUNG_KINGS_MISSING', severity: 'error', date: hung, message: `Thiếu Giỗ Tổ Hùng Vương 10/3 âm lịch (${vnDate(hung)})` });
  for (const s of vietnamPublicHolidays(year, { compensate: false })) {
    if (s.kind === 'national_day_extra' || s.date === tet || s.date === hung || seen.has(s.date) || isWeekend(s.date)) continue;
    issues.push({ code: 'HOLIDAY_STATUTORY_MISSING', severity: 'warning', date: s.date, message: `Chưa có ${s.name} (${vnDate(s.date)}) theo Bộ luật Lao động` });
  }
  return { ok: !issues.some((i) => i.severity === 'error'), holidays, issues };
}

export interface WorkCalendarOptions extends HolidayOptions {
  fromYear: number;
  toYear: number;
  hoursPerDay: number;
  /** A centre's own list for a year replaces the computed one for that year (validate it first). */
  configured?: Record<number, ConfiguredHoliday[]>;
  /** Custom closures: stocktaking, moving stacks, fumigation… */
  closures?: ConfiguredHoliday[];
}

export function buildWorkCalendar(options: WorkCalendarOptions): { calendar: WorkCalendar; holidays: Holiday[] } {
  const holidays: Holiday[] = [];
  for (let y = options.fromYear; y <= options.toYear; y++) {
    const configured = options.configured?.[y];
    if (configured) holidays.push(...configured.map((h) => ({ date: h.date, name: h.name, kind: 'configured' as const })));
    else holidays.push(...vietnamPublicHolidays(y, options));
  }
  for (const c of options.closures ?? []) holidays.push({ date: c.date, name: c.name, kind: 'closure' });
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const closedDates = [...new Set(holidays.map((h) => h.date))];
  return { calendar: { closedDates, hoursPerDay: options.hoursPerDay }, holidays };
}

/**
 * The centre works on Vietnam time (UTC+7, no daylight saving). "Today" and "this year" follow it, not the
 * server's zone, so a plan is not late at 17:00 UTC on the last day of its month, nor a year over on 31/12 at 17:00 UTC.
 */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function vnToday(now: Date): CalendarDay {
  const d = new Date(now.getTime() + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function currentYear(now: Date): number {
  return vnToday(now).year;
}

/** Today's Vietnam calendar date as 'YYYY-MM-DD', comparable with DATE columns. */
export function vnIsoDate(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days since 1970-01-01 for a calendar date; day 0 of a month is the last day of the month before. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

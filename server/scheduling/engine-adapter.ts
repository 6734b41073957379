/**
 * The one place the application layer calls helper A's pure engine and holiday calendar, so a change in their
 * exported names touches only this file.
 */
import { schedule, type ScheduleInput, type ScheduleResult } from './engine/index.js';
import { vietnamPublicHolidays, yearOf, type Holiday } from '../core/time/index.js';

export type { Holiday };

export function runSchedule(input: ScheduleInput): ScheduleResult {
  return schedule(input);
}

/** Statutory holidays (Tết, Hùng Kings' day, compensatory days…) between two dates, inclusive. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  const out: Holiday[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++)
    out.push(...vietnamPublicHolidays(y).filter((h) => h.date >= from && h.date <= to));
  return out;
}

/**
 * Working-day arithmetic on a WorkCalendar: Monday–Friday minus the calendar's closed dates (statutory holidays with
 * their substitute days, a centre's configured list, closures). Deadlines counted "in working days" — reading-room
 * requests, handover corrections — use these, never plain day counts.
 */
import { dayToIso, isoToDay, isWeekendDay, type DayNumber, type VnDay } from './day.js';

export interface WorkCalendar {
  /** Non-working dates besides weekends (holidays incl. Tết and Hùng Kings' day, closures). */
  closedDates: string[];
  hoursPerDay: number;
}

// Calendars are built once and queried often; the set is cached per closedDates array (never mutated once built).
const closedSets = new WeakMap<readonly string[], Set<DayNumber>>();
function closedSet(calendar: Pick<WorkCalendar, 'closedDates'>): Set<DayNumber> {
  let set = closedSets.get(calendar.closedDates);
  if (!set) {
    set = new Set(calendar.closedDates.map(isoToDay));
    closedSets.set(calendar.closedDates, set);
  }
  return set;
}

function requireDay(day: string): DayNumber {
  const n = isoToDay(day);
  if (Number.isNaN(n)) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  return n;
}

export function isWorkingDay(day: string, calendar: Pick<WorkCalendar, 'closedDates'>): boolean {
  const n = requireDay(day);
  return !isWeekendDay(n) && !closedSet(calendar).has(n);
}

/**
 * The n-th working day after `day` (before it when n is negative); `day` itself need not be a working day.
 * n = 0 returns `day` unchanged. So a request received on Friday with a 2-working-day limit is due on Tuesday.
 */
export function addWorkingDays(day: string, n: number, calendar: Pick<WorkCalendar, 'closedDates'>): VnDay {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const closed = closedSet(calendar);
  const step = n < 0 ? -1 : 1;
  let d = requireDay(day);
  for (let left = Math.abs(n); left > 0; ) {
    d += step;
    if (!isWeekendDay(d) && !closed.has(d)) left--;
  }
  return dayToIso(d);
}

/**
 * Working days passed on the way from `from` to `to`: `from` is not counted, `to` is, so
 * workingDaysBetween(d, addWorkingDays(d, n)) === n for any n. Negative when `to` is earlier than `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: Pick<WorkCalendar, 'closedDates'>): number {
  const closed = closedSet(calendar);
  const a = requireDay(from);
  const b = requireDay(to);
  const [first, last, sign] = a <= b ? [a + 1, b, 1] : [b, a - 1, -1];
  let count = 0;
  for (let d = first; d <= last; d++) if (!isWeekendDay(d) && !closed.has(d)) count++;
  return sign * count;
}

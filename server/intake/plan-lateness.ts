/**
 * Lateness of a planned deposit (DOMAIN.md §2.2: deposits are often late): an agency is late once the
 * last day of its scheduled month in the plan's year is over, Vietnam time, and it has not been received.
 */
import { dayNumber, vnToday } from '../calendar.js';

export function planLateness(planYear: number, scheduledMonth: number, status: string, now: Date): { late: boolean; lateDays: number } {
  if (status === 'received') return { late: false, lateDays: 0 };
  const lastDay = dayNumber(planYear, scheduledMonth + 1, 0);
  const t = vnToday(now);
  const lateDays = Math.max(0, dayNumber(t.year, t.month, t.day) - lastDay);
  return { late: lateDays > 0, lateDays };
}

/**
 * Lateness of a planned deposit (docs/domain.md §2.2: deposits are often late): an agency is late once the
 * last day of its scheduled month in the plan's year is over, Vietnam time, and it has not been received.
 */
import { isoToDay, vnToday, ymdToDay } from '../core/time/index.js';

export function planLateness(planYear: number, scheduledMonth: number, status: string, now: Date): { late: boolean; lateDays: number } {
  if (status === 'received') return { late: false, lateDays: 0 };
  const lastDay = ymdToDay(planYear, scheduledMonth + 1, 0);
  const lateDays = Math.max(0, isoToDay(vnToday(now)) - lastDay);
  return { late: lateDays > 0, lateDays };
}

/**
 * SLA timers of request slips, in working days on the centre's calendar: weekends, the statutory holidays (Tết,
 * Hùng Kings' day, compensatory days — the same list scheduling plans with) and the centre's own closures
 * (calendar_closures). 1.013932.H38: 1 working day to read, 2 to copy or certify, 7 for conditional-access material.
 */
import type { Config } from '../config.js';
import type { Queryable } from '../db/db.js';
import { addDays, addWorkingDays, vnToday, yearOf, type VnDay } from '../core/time/index.js';
import { holidaysBetween } from '../scheduling/engine-adapter.js';
import { listClosures } from '../scheduling/resources.repository.js';

/** A request is due at the close of business of its last working day (Vietnam time); not a legal figure. */
export const OFFICE_CLOSES_AT = '17:00';
/** Within this many hours of the due time an open request shows as a warning. */
export const WARNING_HOURS = 4;

export type RequestKind = 'read' | 'copy' | 'certified_copy' | 'access';
export type SlaState = 'on_time' | 'warning' | 'overdue' | 'met' | 'breached';

export function slaWorkingDays(config: Config, kind: RequestKind, restricted: boolean): number {
  if (restricted || kind === 'access') return config.READING_SLA_RESTRICTED_DAYS;
  return kind === 'read' ? config.READING_SLA_READ_DAYS : config.READING_SLA_COPY_DAYS;
}

/** Closed dates (holidays and closures) from `from` far enough ahead for any SLA (60 working days < 120 days). */
export async function closedDatesFrom(db: Queryable, from: string): Promise<string[]> {
  const to = addDays(from, 180);
  const closures = await listClosures(db, from, to);
  return [...new Set([...holidaysBetween(from, to).map((h) => h.date), ...closures.map((c) => String(c.date).slice(0, 10))])].sort();
}

/** The due instant: the n-th working day after the day of submission, at close of business. */
export async function dueAt(db: Queryable, submittedAt: Date, workingDays: number): Promise<{ dueDay: VnDay; dueAt: Date }> {
  const day = vnToday(submittedAt);
  const dueDay = addWorkingDays(day, workingDays, { closedDates: await closedDatesFrom(db, day) });
  return { dueDay, dueAt: new Date(`${dueDay}T${OFFICE_CLOSES_AT}:00+07:00`) };
}

const OPEN = new Set(['submitted', 'needs_info', 'approved']);

/**
 * Where a request stands against its timer. Open: on time, warning (due today or within WARNING_HOURS), overdue.
 * Finished: met or breached, measured at the moment it was served, or refused/cancelled (the reader was answered).
 */
export function slaState(r: { status: string; dueAt: Date | string; servedAt: Date | string | null; decidedAt: Date | string | null }, now: Date): SlaState {
  const due = new Date(r.dueAt).getTime();
  if (OPEN.has(r.status)) {
    if (now.getTime() > due) return 'overdue';
    const dueDay = vnToday(new Date(due));
    if (dueDay === vnToday(now) || due - now.getTime() <= WARNING_HOURS * 3600_000) return 'warning';
    return 'on_time';
  }
  const stop = r.servedAt ?? r.decidedAt;
  if (!stop) return 'met';
  return new Date(stop).getTime() <= due ? 'met' : 'breached';
}

export const currentYearOf = (d: Date) => yearOf(vnToday(d));

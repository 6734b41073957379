/**
 * The centre works on Vietnam time (UTC+7, no daylight saving). "Today" and "this year" follow it, not the server's
 * zone, so a plan is not late at 17:00 UTC on the last day of its month, nor a year over on 31/12 at 17:00 UTC.
 * Services get the time from an injected Clock (deps.clock) so tests can pin it.
 */
import { dayToIso, type VnDay } from './day.js';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at one instant, for tests and for replaying a computation "as of" a moment. */
export function fixedClock(at: Date | string): Clock {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(at)}`);
  return () => new Date(t);
}

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const instant = (now: Date | Clock): Date => (typeof now === 'function' ? now() : now);

/** The Vietnam calendar day at an instant (or at the clock's current instant), comparable with DATE columns. */
export function vnToday(now: Date | Clock): VnDay {
  return dayToIso(Math.floor((instant(now).getTime() + VN_OFFSET_MS) / DAY_MS));
}

export function currentYear(now: Date | Clock): number {
  return Number(vnToday(now).slice(0, 4));
}

import { describe, expect, it } from 'vitest';
import { currentYear, fixedClock, systemClock, vnToday } from '../../../../server/core/time/clock.js';

describe('Vietnam today from a clock', () => {
  it('when it is 17:00 UTC, then it is already the next day in Vietnam; one second earlier it is not', () => {
    expect(vnToday(new Date('2026-02-28T17:00:00Z'))).toBe('2026-03-01');
    expect(vnToday(new Date('2026-02-28T16:59:59Z'))).toBe('2026-02-28');
  });

  it('when it is 31/12 at 17:00 UTC, then the Vietnam year is already the next one', () => {
    expect(currentYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(currentYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('when a fixed clock is given instead of an instant, then the same day comes from it every time', () => {
    const clock = fixedClock('2026-11-22T09:00:00+07:00');
    expect(vnToday(clock)).toBe('2026-11-22');
    expect(currentYear(clock)).toBe(2026);
    expect(clock()).not.toBe(clock()); // callers may mutate the Date they get
    expect(clock().getTime()).toBe(Date.parse('2026-11-22T02:00:00Z'));
  });

  it('when the instant is not a date, then the fixed clock refuses it', () => {
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('when the system clock is read, then it follows real time', () => {
    const before = Date.now();
    const t = systemClock().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../../../../server/core/time/day.js';
import { buildWorkCalendar } from '../../../../server/core/time/work-calendar.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../../server/core/time/working-days.js';

// Statutory 2026: Tết runs Monday 16/2 (last lunar day) to Friday 20/2 (mùng 4), so that whole week is closed.
const { calendar } = buildWorkCalendar({ fromYear: 2025, toYear: 2027, hoursPerDay: 8 });
const noHolidays = { closedDates: [] };

describe('working days', () => {
  it('when a Friday gets one or five working days, then the weekend is skipped', () => {
    expect(addWorkingDays('2026-03-06', 1, calendar)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 5, calendar)).toBe('2026-03-13');
    expect(workingDaysBetween('2026-03-06', '2026-03-09', calendar)).toBe(1);
    expect(workingDaysBetween('2026-03-06', '2026-03-13', calendar)).toBe(5);
  });

  it('when a request arrives on the Friday before Tết, then the Tết week does not count', () => {
    expect(['2026-02-16', '2026-02-17', '2026-02-20'].map((d) => isWorkingDay(d, calendar))).toEqual([false, false, false]);
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 1, noHolidays)).toBe('2026-02-16');
    expect(workingDaysBetween('2026-02-13', '2026-02-23', calendar)).toBe(1);
    expect(workingDaysBetween('2026-02-13', '2026-02-23', noHolidays)).toBe(6);
  });

  it('when the start is itself closed (a Saturday, or in Tết), then counting starts from the next working day', () => {
    expect(addWorkingDays('2026-03-07', 1, calendar)).toBe('2026-03-09');
    expect(addWorkingDays('2026-02-18', 2, calendar)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-18', 0, calendar)).toBe('2026-02-18');
  });

  it('when counting backwards, then Tết and the weekend are skipped the same way', () => {
    expect(addWorkingDays('2026-02-23', -1, calendar)).toBe('2026-02-13');
    expect(workingDaysBetween('2026-02-23', '2026-02-13', calendar)).toBe(-1);
  });

  it('when n working days are added and then counted back, then n comes out, from any start in a winter with Tết', () => {
    let mismatches = 0;
    for (const start of eachDay('2025-12-01', addDays('2025-12-01', 90))) {
      for (const n of [-23, -5, -1, 0, 1, 2, 7, 40]) if (workingDaysBetween(start, addWorkingDays(start, n, calendar), calendar) !== n) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('when the day or the count is not valid, then it is refused rather than guessed', () => {
    expect(() => addWorkingDays('2026-02-30', 1, calendar)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-13', 1.5, calendar)).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-02-13', 'hôm nay', calendar)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays, dayToIso, daysBetween, eachDay, isoToDay, isVnDay, mondayOf, parseVnDay, toVnDay, vnDate, vnLongDate, weekday, yearOf, ymdToDay,
} from '../../../../server/core/time/day.js';

describe('Vietnam calendar day', () => {
  it('when a string is a real YYYY-MM-DD date, then it parses; when not, then it is refused', () => {
    expect(parseVnDay('2028-02-29')).toBe('2028-02-29');
    expect(isVnDay('2026-02-29')).toBe(false);
    expect(isVnDay('2026-2-01')).toBe(false);
    expect(isVnDay('2026-02-01T00:00:00Z')).toBe(false);
    expect(isVnDay(20260201)).toBe(false);
    expect(toVnDay('2026-13-01')).toBeNull();
    expect(() => parseVnDay('2026-02-30')).toThrow(RangeError);
    expect(isoToDay('2026-02-30')).toBeNaN();
  });

  it('when days are added across a month, a year and a leap day, then the calendar date is right', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('when the weekday and the Monday of a day are asked, then Monday is 0 and Sunday 6', () => {
    expect(weekday('2026-11-23')).toBe(0);
    expect(weekday('2026-11-22')).toBe(6);
    expect(mondayOf('2026-11-22')).toBe('2026-11-16');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('when each day of a range is listed, then both ends are included and an inverted range is empty', () => {
    expect([...eachDay('2026-12-30', '2027-01-01')]).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect([...eachDay('2026-01-02', '2026-01-01')]).toEqual([]);
  });

  it('when a day is shown to a Vietnamese reader, then it reads dd/mm/yyyy, and a missing one is a dash', () => {
    expect(vnDate('2026-02-17')).toBe('17/02/2026');
    expect(vnDate(null)).toBe('—');
    expect(yearOf('2026-02-17')).toBe(2026);
    expect(vnLongDate('2026-03-05')).toBe('ngày 5 tháng 3 năm 2026');
  });

  it('when day numbers are converted both ways over 1900–2100, then every day returns unchanged', () => {
    let mismatches = 0;
    for (let d = ymdToDay(1900, 1, 1); d <= ymdToDay(2100, 12, 31); d++) if (isoToDay(dayToIso(d)) !== d) mismatches++;
    expect(mismatches).toBe(0);
    expect(ymdToDay(2026, 3, 0)).toBe(isoToDay('2026-02-28'));
  });
});

import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar } from '../../../../server/core/time/lunar.js';
import { hungKingsDate, tetDate, vietnamPublicHolidays } from '../../../../server/core/time/vn-holidays.js';
import { buildWorkCalendar, validateHolidayList } from '../../../../server/core/time/work-calendar.js';
import { dayToIso, isoToDay, weekdayOfDay as weekdayOf } from '../../../../server/core/time/day.js';

const dates = (year: number): string[] => vietnamPublicHolidays(year).map((h) => h.date);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'],
    [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'],
  ])('when the year is %i, then Tết (mùng 1) is %s', (year, expected) => {
    expect(tetDate(year)).toBe(expected);
  });

  it.each([[2023, '2023-04-29'], [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26']])(
    "when the year is %i, then Hùng Kings' day (10/3 lunar) is %s",
    (year, expected) => {
      expect(hungKingsDate(year)).toBe(expected);
    },
  );

  it('when the year is 1985, then Tết follows UTC+7 (21/1) and not the UTC+8 Chinese date (20/2)', () => {
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, false, 8)).toEqual({ day: 20, month: 2, year: 1985 });
  });

  it('when a year has a leap month (2023: month 2, 2025: month 6), then its first day is marked leap', () => {
    expect(solarToLunar(22, 3, 2023)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar(25, 7, 2025)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 2, 2025, true)).toBeNull();
  });

  it('when every day of 2000–2040 is converted to lunar and back, then the same day returns', () => {
    let mismatches = 0;
    for (let d = isoToDay('2000-01-01'); d <= isoToDay('2040-12-31'); d++) {
      const iso = dayToIso(d);
      const [y, m, dd] = iso.split('-').map(Number);
      const l = solarToLunar(dd, m, y);
      const back = lunarToSolar(l.day, l.month, l.year, l.leap)!;
      if (back.year !== y || back.month !== m || back.day !== dd || l.day < 1 || l.day > 30) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('statutory holidays (Labour Code 2019 art. 112)', () => {
  it('when the year is 2025, then Tết runs from the last lunar day to mùng 4 and a Saturday holiday gives Monday off', () => {
    const list = dates(2025);
    expect(list).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-04-07', '2025-04-30', '2025-05-01', '2025-09-02']));
    expect(vietnamPublicHolidays(2025).find((h) => h.date === '2025-02-03')?.kind).toBe('compensatory');
  });

  it('when 2/9 is a Tuesday (2025), then the adjacent day is Monday 1/9; when Wednesday (2026), then 3/9', () => {
    expect(dates(2025)).toContain('2025-09-01');
    expect(dates(2026)).toContain('2026-09-03');
    expect(dates(2026)).not.toContain('2026-09-01');
    expect(dates(2026)).toHaveLength(new Set(dates(2026)).size);
  });

  it("when Hùng Kings' day 2026 falls on Sunday, then Monday 27/4 is a compensatory day off", () => {
    expect(weekdayOf(isoToDay('2026-04-26'))).toBe(6);
    expect(vietnamPublicHolidays(2026).find((h) => h.date === '2026-04-27')?.kind).toBe('compensatory');
    expect(vietnamPublicHolidays(2026, { compensate: false }).map((h) => h.date)).not.toContain('2026-04-27');
  });

  it('when the calendar is built with a configured year and closures, then the configured list replaces the computed one', () => {
    const configured = { 2025: [{ date: '2025-01-01', name: 'Tết Dương lịch' }, { date: '2025-01-27', name: 'Tết' }, { date: '2025-01-29', name: 'Tết' }] };
    const { calendar, holidays } = buildWorkCalendar({ fromYear: 2025, toYear: 2026, hoursPerDay: 8, configured, closures: [{ date: '2026-06-15', name: 'Khử trùng kho' }] });
    expect(calendar.closedDates).toContain('2025-01-27');
    expect(calendar.closedDates).not.toContain('2025-01-28');
    expect(calendar.closedDates).toContain('2026-02-17');
    expect(holidays.find((h) => h.date === '2026-06-15')?.kind).toBe('closure');
    expect(calendar.closedDates).toEqual([...calendar.closedDates].sort());
  });
});

describe('validating a configured holiday list', () => {
  it('when the list is the computed one, then it is valid with no issues', () => {
    const r = validateHolidayList(2026, vietnamPublicHolidays(2026).map(({ date, name }) => ({ date, name })));
    expect(r.ok).toBe(true);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('when a date does not exist, then it is an error naming the row', () => {
    const r = validateHolidayList(2026, [{ date: '2026-02-30', name: 'Sai' }]);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'HOLIDAY_DATE_INVALID', severity: 'error' });
    expect(r.issues[0].message).toMatch(/Dòng 1/);
  });

  it('when Tết was computed with the Chinese calendar shift, duplicated or from another year, then each is an error', () => {
    const r = validateHolidayList(2026, [
      { date: '2026-02-18', name: 'Tết' },
      { date: '2026-02-18', name: 'Tết' },
      { date: '2025-12-31', name: 'Cuối năm' },
      { date: '2026-04-27', name: 'Giỗ Tổ' },
    ]);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['HOLIDAY_DUPLICATE', 'HOLIDAY_WRONG_YEAR', 'HOLIDAY_TET_MISSING', 'HOLIDAY_STATUTORY_MISSING']));
    expect(r.issues.find((i) => i.code === 'HOLIDAY_TET_MISSING')?.message).toContain('17/02/2026');
  });
});

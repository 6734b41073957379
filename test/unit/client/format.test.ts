import { describe, expect, it } from 'vitest';
import { date, dateTime, maskDayInput, parseDayInput, todayIso } from '../../../client/src/format.js';

describe('client date formats', () => {
  it('when a day is typed day-first, with or without slashes, then it reads as that day; impossible days are refused', () => {
    expect(maskDayInput('02122026')).toBe('02/12/2026');
    expect(maskDayInput('021')).toBe('02/1');
    expect(parseDayInput(maskDayInput('02122026'))).toBe('2026-12-02');
    expect(parseDayInput('2/12/2026')).toBe('2026-12-02');
    expect(parseDayInput('2026-12-02')).toBe('2026-12-02');
    expect(parseDayInput('29/02/2024')).toBe('2024-02-29');
    expect(parseDayInput('29/02/2026')).toBeNull();
    expect(parseDayInput('12/31/2026')).toBeNull();
    expect(parseDayInput('02/12')).toBeNull();
  });

  it("when it is already the 2nd in Vietnam but the 1st in UTC, then today and timestamps follow Vietnam's day", () => {
    const at = new Date('2026-12-01T18:30:00Z');
    expect(todayIso(at)).toBe('2026-12-02');
    expect(date(at.toISOString())).toBe('02/12/2026');
    expect(dateTime(at.toISOString())).toBe('02/12/2026 01:30');
    expect(todayIso(new Date('2026-12-01T16:59:00Z'))).toBe('2026-12-01');
  });
});

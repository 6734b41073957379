/**
 * Vietnam's public holidays for the public sector (Bộ luật Lao động 2019, art. 112): 1/1; Tết Nguyên đán 5 days;
 * 30/4; 1/5; 2/9 plus one adjacent day (1/9 or 3/9); Giỗ Tổ Hùng Vương 10/3 lunar. When a holiday falls on a weekly
 * rest day the worker gets the next working day off (art. 111(3)). The government's yearly notice sometimes swaps days
 * differently; a centre that follows the notice enters that year's list as configuration (see work-calendar.ts).
 */
import { dayToIso, isWeekendDay, weekdayOfDay, ymdToDay, type VnDay } from './day.js';
import { lunarToSolar } from './lunar.js';

export type HolidayKind = 'fixed' | 'tet' | 'hung_kings' | 'national_day_extra' | 'compensatory' | 'closure' | 'configured';

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface HolidayOptions {
  /**
   * Which day joins 2/9. 'auto' takes the one that touches a weekend (Mon 1/9 or Fri 3/9, as in the 2024–2025 notices),
   * otherwise 3/9.
   */
  nationalDayExtra?: 'before' | 'after' | 'auto';
  /** Give the next working day off for a holiday on Saturday/Sunday (default true). */
  compensate?: boolean;
}

function solarDay(d: { day: number; month: number; year: number }): number {
  return ymdToDay(d.year, d.month, d.day);
}

/** First day of the lunar year that starts in Gregorian year `year` (Tết, mùng 1). */
export function tetDate(year: number): VnDay {
  const s = lunarToSolar(1, 1, year, false);
  if (!s) throw new Error(`no lunar new year for ${year}`);
  return dayToIso(solarDay(s));
}

/** Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month (never a leap month for this purpose). */
export function hungKingsDate(year: number): VnDay {
  const s = lunarToSolar(10, 3, year, false);
  if (!s) throw new Error(`no lunar 10/3 in ${year}`);
  return dayToIso(solarDay(s));
}

function nationalDayExtraDay(year: number, choice: 'before' | 'after' | 'auto'): number {
  const before = ymdToDay(year, 9, 1);
  const after = ymdToDay(year, 9, 3);
  if (choice === 'before') return before;
  if (choice === 'after') return after;
  if (weekdayOfDay(before) === 0) return before;
  return after;
}

/** The statutory holidays of one Gregorian year, sorted by date, with compensatory days when asked. */
export function vietnamPublicHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const list: { day: number; name: string; kind: HolidayKind }[] = [];
  list.push({ day: ymdToDay(year, 1, 1), name: 'Tết Dương lịch', kind: 'fixed' });
  const tet = solarDay(lunarToSolar(1, 1, year, false)!);
  list.push({ day: tet - 1, name: 'Tết Nguyên đán (ngày cuối năm âm lịch)', kind: 'tet' });
  for (let i = 0; i < 4; i++) list.push({ day: tet + i, name: `Tết Nguyên đán (mùng ${i + 1})`, kind: 'tet' });
  list.push({ day: solarDay(lunarToSolar(10, 3, year, false)!), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', kind: 'hung_kings' });
  list.push({ day: ymdToDay(year, 4, 30), name: 'Ngày Chiến thắng (30/4)', kind: 'fixed' });
  list.push({ day: ymdToDay(year, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)', kind: 'fixed' });
  list.push({ day: ymdToDay(year, 9, 2), name: 'Quốc khánh (2/9)', kind: 'fixed' });
  list.push({ day: nationalDayExtraDay(year, options.nationalDayExtra ?? 'auto'), name: 'Quốc khánh (ngày liền kề)', kind: 'national_day_extra' });
  list.sort((a, b) => a.day - b.day);

  const taken = new Set(list.map((h) => h.day));
  const out: typeof list = [];
  const seen = new Set<number>();
  for (const h of list) {
    // Hùng Kings' day can land on 30/4 or 1/5: one date, two holidays, so the second one is owed a day like a weekend.
    const clash = seen.has(h.day);
    seen.add(h.day);
    if (!clash) out.push(h);
    if (!(options.compensate ?? true) || (!clash && !isWeekendDay(h.day))) continue;
    let d = h.day + 1;
    while (isWeekendDay(d) || taken.has(d)) d++;
    taken.add(d);
    out.push({ day: d, name: `Nghỉ bù ${h.name}`, kind: 'compensatory' });
  }
  return out.sort((a, b) => a.day - b.day).map((h) => ({ date: dayToIso(h.day), name: h.name, kind: h.kind }));
}

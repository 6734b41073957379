/** Vietnamese working calendar: lunar conversion, statutory holidays, configured lists and closures → WorkCalendar. */
export { solarToLunar, lunarToSolar, type LunarDate } from './lunar.js';
export { vietnamPublicHolidays, tetDate, hungKingsDate, type Holiday, type HolidayKind, type HolidayOptions } from './vn-holidays.js';
export { buildWorkCalendar, validateHolidayList, configuredHolidaySchema, configuredHolidayListSchema, type ConfiguredHoliday, type HolidayIssue, type WorkCalendarOptions } from './work-calendar.js';
export { isoToDay, dayToIso, isValidIsoDate, mondayOf, weekdayOf, isWeekend, vnDate } from './dates.js';

/** Time for the whole service: the Vietnam calendar day, the injectable clock and the Vietnamese working calendar. */
export * from './day.js';
export * from './clock.js';
export { solarToLunar, lunarToSolar, type LunarDate } from './lunar.js';
export { vietnamPublicHolidays, tetDate, hungKingsDate, type Holiday, type HolidayKind, type HolidayOptions } from './vn-holidays.js';
export { buildWorkCalendar, validateHolidayList, configuredHolidaySchema, configuredHolidayListSchema, type ConfiguredHoliday, type HolidayIssue, type WorkCalendarOptions } from './work-calendar.js';
export { addWorkingDays, workingDaysBetween, isWorkingDay, type WorkCalendar } from './working-days.js';

/** @module time: Japan time (JST, UTC+9 all year) and calendar-day arithmetic; pure. */
export { jstDay, jstMonth, jstMinutes, jstInstant, jstDayStart, formatJst } from './jst.js';
export { addDays, daysBetween, monthStart, type Day } from './calendar.js';

/** @module classes: スマホ教室 schedules in Japan time: date words, matching, reminders, announcements; pure. */
export { jstDay, jstInstant, addDays, mondayOf, type Day } from './jst.js';
export { parseDateWords, inDateFilter, type DateFilter } from './date-words.js';
export { parseClassQuery, type ClassQuery, type QueryContext } from './query.js';
export { createClassCatalog, isUpcoming, startOf, endOf, type ClassCatalog } from './catalog.js';
export { findClasses, matchesQuery, MAX_CLASSES, type ClassMatches } from './match.js';
export * as classFormat from './format.js';
export {
  REMINDER_TIME,
  MAX_REMINDERS,
  canRegister,
  isDaytime,
  nextReminderAction,
  reminderAt,
  remindKeyOf,
  slotKey,
  slotOf,
  type RegisterCheck,
  type ReminderAction,
} from './reminder-plan.js';
export {
  CLASS_TOPIC,
  DEFAULT_ANNOUNCE_TIME,
  announcementNotice,
  announcementWeek,
  newClassGroups,
  parseWeeklyTime,
  weeklyInstant,
  type AnnouncementGroup,
} from './announce-plan.js';
export type { WeeklyTime } from '../schema/index.js';

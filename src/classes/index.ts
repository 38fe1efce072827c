/** @module classes: スマホ教室 schedules in Japan time: date words, matching, reminders, announcements; pure. */
export { jstDay, jstInstant, type Day } from '../time/index.js';
export { parseDateWords, type DateFilter } from './date-words.js';
export { parseClassQuery, type ClassQuery, type QueryContext } from './query.js';
export { createClassCatalog, isUpcoming, startOf, endOf, type ClassCatalog } from './catalog.js';
export { findClasses, type ClassMatches } from './match.js';
export * as classFormat from './format.js';
export {
  MAX_REMINDERS,
  canRegister,
  nextReminderAction,
  reminderAt,
  remindKeyOf,
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

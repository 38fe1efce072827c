/** @module log: pino JSON logs that remove マイナンバー, mask phones and e-mails, and hash user ids. */
export { createLogger } from './logger.js';
export type { AppLogger, LoggerOptions, LogLevel } from './logger.js';
export { createUserIdHasher, redactText, redactValue, MY_NUMBER_REMOVED } from './redact.js';
export type { HashUserId } from './redact.js';

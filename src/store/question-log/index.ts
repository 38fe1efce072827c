/** @module store/question-log: the `QuestionLog` port (what residents asked, for staff). */
export { createMemoryQuestionLog } from './question-log-memory.js';
export type { QuestionLogOptions } from './question-log-memory.js';
export { createRedisQuestionLog } from './question-log-redis.js';
export type { RedisQuestionLog, RedisQuestionLogOptions } from './question-log-redis.js';

/** @module delivery: planning segmented notices: render, schedule (night hold), state machine, batches, report. */
export { BroadcastError } from './broadcast-error.js';
export {
  DEFAULT_QUIET_HOURS,
  isQuiet,
  jstDateStamp,
  parseQuietHours,
  planSendTime,
} from './schedule.js';
export type { QuietHours, SendPlan } from './schedule.js';
export { formatJst } from '../time/index.js';
export { canApply, transition } from './state-machine.js';
export type { BroadcastEvent } from './state-machine.js';
export {
  BATCH_SIZE,
  RETRY_KEY_SAFE_AGE_MS,
  batchCount,
  batchJobId,
  retryKeyTooOld,
  snapshotKeyOf,
  startJobId,
} from './batches.js';
export { classifySendFailure } from './send-failure.js';
export type { SendFailure } from './send-failure.js';
export { allSettled, batchSize, buildReport, outcomeOf } from './report.js';
export { noticeText, renderNotice } from './render-notice.js';
export { NOTICE_LAYOUTS } from './notice-templates.js';
export type { NoticeTemplate } from './notice-templates.js';

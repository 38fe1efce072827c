/** @module reports: staff reports of the question log (masking, grouping, monthly figures, queue, charts, CSV); pure. */
export {
  maskQuestion,
  maskPersonalData,
  LOG_MASK,
  QUESTION_MASK,
  MY_NUMBER_REMOVED,
} from './mask.js';
export type { MaskStyle } from './mask.js';
export {
  compareWordings,
  groupWordings,
  wordingKey,
  type GroupOptions,
  type WordingGroup,
} from './group-wordings.js';
export { joinFeedback, type JoinedQuestion } from './join-feedback.js';
export { buildMonthlyReport, NO_DEPARTMENT } from './monthly-report.js';
export type { Figures, MonthlyReport, ReportOptions } from './monthly-report.js';
export { buildUnansweredQueue, type QueueGroup, type QueueOptions } from './unanswered-queue.js';
export { monthRange, previousMonth, retentionCutoff } from './period.js';
// Where the month and day come from: the JST clock of `time/` (`jstDate` is its `jstDay`).
export { jstMonth, jstDay as jstDate, jstDayStart } from '../time/index.js';
export { sparkline, barChartSvg } from './chart.js';
export { renderReportMarkdown, renderQueueMarkdown } from './render-markdown.js';
export { reportToCsv, queueToCsv, logToCsv, logToJsonLines } from './csv.js';

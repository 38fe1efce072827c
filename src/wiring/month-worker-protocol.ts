/**
 * The messages between the month builder (month-builder.ts, main thread) and its worker
 * (month-worker.ts): plain data only, as `postMessage` copies it.
 */
import type { MonthlyReport, QueueGroup } from '../reports/index.js';

/** What the worker is started with (`workerData`): where the question log is and its retention. */
export interface MonthWorkerData {
  url: string;
  prefix: string;
  retentionMonths: number;
  /** A Redis command with no answer within this time rejects. */
  commandTimeoutMs: number;
}

/** `now` (ms) is the main thread's clock at the request: the worker keeps no clock of its own. */
export type MonthRequest =
  | { id: number; kind: 'build'; city: string; month: string; now: number }
  | { id: number; kind: 'months'; city: string; now: number }
  | { id: number; kind: 'close' };

export type MonthReply =
  | {
      id: number;
      ok: true;
      kind: 'build';
      report: MonthlyReport;
      queue: QueueGroup[];
      builtAt: string;
    }
  | { id: number; ok: true; kind: 'months'; months: string[] }
  | { id: number; ok: false; error: { name: string; message: string; code?: string } };

/**
 * The ports between the use cases (`src/app`) and the edges: how the bot sends to LINE, what it
 * stores, what time it is, where it logs and what it counts. Core and app code depend only on
 * these interfaces; `main.ts` (or a test, or the `chat` CLI) picks the implementations.
 */
import type { messagingApi, webhook } from '@line/bot-sdk';
import type { DialogState, UserRecord } from './schema/index.js';
import type { ResidentSettings, Target } from './schema/index.js';
import type { QuestionLogInput, QuestionLogRecord } from './schema/index.js';
import type { ClassAnnouncement, ClassReminder } from './schema/index.js';
import type {
  AdminSession,
  AuditEntry,
  AuditInput,
  BatchRecord,
  Broadcast,
  BroadcastState,
} from './schema/index.js';

export type { UserRecord };
export type { ResidentSettings, Target };
export type { QuestionLogInput, QuestionLogRecord };

/** Sends messages to LINE. Implementations: `src/line` (the real API), `app`'s recording sender. */
export interface Sender {
  /** Replies with a reply token (single use, ~1 min). Never retried after LINE answered 5xx. */
  reply(replyToken: string, messages: messagingApi.Message[]): Promise<void>;
  /** Pushes to one user, group or room. `retryKey` (a UUID) makes retries idempotent. */
  push(to: string, messages: messagingApi.Message[], retryKey: string): Promise<void>;
  /** Sends to ≤ 500 user ids at once; `retryKey` as for push. */
  multicast(to: string[], messages: messagingApi.Message[], retryKey: string): Promise<void>;
}

/**
 * Everything the bot keeps between events. Two implementations (`src/store/state`): memory (the
 * default, TTLs follow the injected clock) and Redis; one contract suite checks both.
 * Every method may reject when the backing store is down: callers degrade, they never hang.
 */
export interface Store {
  /**
   * Claims a webhook event id for `ttlSeconds`: true the first time, false while the claim lives.
   * This is how redelivered events are handled once.
   */
  claimEvent(eventId: string, ttlSeconds: number): Promise<boolean>;
  /** The conversation state of a chat (see `conversationKey`), validated on read. */
  loadState(key: string): Promise<DialogState | undefined>;
  saveState(key: string, state: DialogState, ttlSeconds: number): Promise<void>;
  deleteState(key: string): Promise<void>;
  getUser(userId: string): Promise<UserRecord | undefined>;
  markFollowed(userId: string, at: Date): Promise<void>;
  /** After an unfollow: broadcasts skip blocked users. */
  markBlocked(userId: string, at: Date): Promise<void>;
  /** Resolves when the store answers; rejects (quickly) when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The time. Injected so core code and tests never read the wall clock. */
export interface Clock {
  now(): Date;
}

/** Structured logging (pino-shaped). Implementations redact personal data. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** Label values of one metric sample. */
export type MetricLabels = Record<string, string | number>;

/** Counters and histograms, rendered by `/metrics` in the Prometheus text format. */
export interface Metrics {
  /** Adds `by` (default 1) to a counter. */
  count(name: string, labels?: MetricLabels, by?: number): void;
  /** Records one observation (seconds for durations) in a histogram. */
  observe(name: string, value: number, labels?: MetricLabels): void;
}

/** A parsed webhook request body. Unknown event types and fields are kept, not rejected. */
export interface WebhookBody {
  destination?: string;
  events: webhook.Event[];
  /** Events left out because their known fields were malformed (the others still run). */
  dropped?: Array<{ index: number; type: string; problem: string }>;
}

/** Checks and parses LINE webhook requests (`src/line`), for the HTTP edge. */
export interface WebhookReceiver {
  /** True when `signature` is the base64 HMAC-SHA256 of the raw bytes with the channel secret. */
  verify(rawBody: Uint8Array, signature: string | undefined): boolean;
  /** Parses the raw bytes; throws a `MadoguchiError` (`line/bad-webhook-body`) when malformed. */
  parse(rawBody: Uint8Array): WebhookBody;
}

/** One numbered batch of a snapshot: batch `n` holds recipients n·size … n·size+size−1. */
export interface SnapshotBatch {
  batch: number;
  userIds: string[];
}

/**
 * Who receives segmented notices: each resident's settings (topics, area, age band, 配信停止)
 * and follow/block status, answering 「how many match?」 and listing recipients as a stream.
 * Two implementations (`src/store/state`): memory and Redis (bitmaps); one contract suite checks both.
 * Blocked and stopped residents never match a target. Every method may reject when the backing
 * store is down.
 */
export interface Audience {
  /** The resident's settings, or undefined for someone never seen (not followed, never set). */
  getSettings(userId: string): Promise<ResidentSettings | undefined>;
  /**
   * Replaces the resident's settings atomically; takes effect for the next count at once.
   * Someone never seen becomes a known friend (they are talking to the bot, so they follow it).
   */
  setSettings(userId: string, settings: ResidentSettings): Promise<void>;
  /**
   * A follow: a new friend starts with `initial` (the city's default topic); a returning friend
   * is un-blocked and keeps the settings they had.
   */
  markFollowed(userId: string, initial: ResidentSettings): Promise<void>;
  /** An unfollow (block): the resident matches nothing until they follow again. No-op if unknown. */
  markBlocked(userId: string): Promise<void>;
  /** How many active residents match `target` now. */
  count(target: Target): Promise<number>;
  /**
   * Freezes the residents matching `target` under `snapshotKey` (persisted: it survives restarts
   * on Redis) and returns their number. Idempotent: if the snapshot exists, nothing is recomputed
   * and its existing count is returned, so a restarted worker can call it again safely.
   */
  snapshot(target: Target, snapshotKey: string): Promise<number>;
  /**
   * Reads a snapshot as numbered batches of ≤ `batchSize` (1…500) user ids, starting with batch
   * `fromBatch`. Deterministic: batch N always holds the same residents, so a restarted worker
   * finds batch N again. Rejects (`audience/no-snapshot`) when the snapshot does not exist.
   */
  readSnapshot(
    snapshotKey: string,
    fromBatch: number,
    batchSize: number,
  ): AsyncIterable<SnapshotBatch>;
  /** Forgets a snapshot (after its broadcast is finished or cancelled). */
  dropSnapshot(snapshotKey: string): Promise<void>;
  /**
   * How many residents follow now (配信停止 included), have blocked, and have stopped (among
   * those who follow), for the console's dashboard.
   */
  stats(): Promise<AudienceStats>;
}

/** `Audience.stats`: friends = following now (incl. 配信停止), blocked = unfollowed. */
export interface AudienceStats {
  friends: number;
  blocked: number;
  stopped: number;
}

/** What a worker got when it took up a batch (`BroadcastStore.claimBatch`). */
export type BatchClaim =
  /** The batch is the worker's to send, with the retry key stored before its first attempt. */
  | { kind: 'claimed'; record: BatchRecord }
  /** The batch is already delivered, failed or cancelled: nothing to do. */
  | { kind: 'settled'; record: BatchRecord };

/**
 * Broadcasts and the progress of their batches (`src/store`: memory and Redis, one contract
 * suite). Progress is persisted per batch, so a restarted worker resumes where the killed one
 * stopped; every change that several workers may race on is atomic.
 */
export interface BroadcastStore {
  /** Stores a new broadcast; rejects when the id is taken. */
  create(b: Broadcast): Promise<void>;
  get(id: string): Promise<Broadcast | undefined>;
  /** The newest first (among the latest 500), optionally only those in `states`. */
  list(options: { limit: number; states?: readonly BroadcastState[] }): Promise<Broadcast[]>;
  /** Broadcasts still scheduled or sending (the delivery engine resumes them after a restart). */
  listActive(): Promise<Broadcast[]>;
  /**
   * Compare-and-set: stores `next` if the stored version is `next.version - 1`; false when
   * someone changed the broadcast first (read again and retry).
   */
  replace(next: Broadcast): Promise<boolean>;
  /** Every batch record of a broadcast, by batch number. */
  batches(id: string): Promise<Map<number, BatchRecord>>;
  /**
   * Takes up batch `n`: stores `retryKey` made at `keyAt` unless the batch already has a key
   * (then the stored one is kept), and counts the attempt. Settled batches are left alone.
   */
  claimBatch(id: string, n: number, retryKey: string, keyAt: string): Promise<BatchClaim>;
  /**
   * Settles batch `n` (delivered, failed or cancelled) unless it is settled already. Returns
   * whether this call settled it and how many batches of the broadcast are settled now.
   */
  settleBatch(
    id: string,
    n: number,
    record: BatchRecord,
  ): Promise<{ changed: boolean; settled: number }>;
  /**
   * Settles every batch below `total` that no worker has taken up (no retry key) with `record`
   * (cancelled, or failed when sending stopped); returns how many batches of the broadcast are
   * settled now. Batches already taken up are left to their worker.
   */
  settleUnclaimed(id: string, total: number, record: BatchRecord): Promise<number>;
}

/** The append-only log of every write on the admin API (who, what, when, target, count). */
export interface AuditLog {
  /** Appends an entry and returns it with its id (ids increase). Nothing is ever changed. */
  append(entry: AuditInput): Promise<AuditEntry>;
  /** The newest first, at most `limit`; `before` (an entry id) pages back. */
  list(options: { limit: number; before?: string }): Promise<AuditEntry[]>;
}

/**
 * Starts confirmed broadcasts at their time (`src/queue`: BullMQ on Redis, or in-process for
 * local mode and tests). Starting is idempotent per broadcast.
 */
export interface DeliveryQueue {
  /** Starts broadcast `id` at `at` (now, if `at` has passed). */
  start(id: string, at: Date): Promise<void>;
  /** Forgets the pending start of broadcast `id` (best effort; a late start finds it cancelled). */
  cancel(id: string): Promise<void>;
}

/**
 * The question log staff read (`src/store`: memory and Redis, one contract suite): every
 * resident question with its verdict, and later their feedback, already masked and with user
 * ids hashed. Records older than the retention (default 13 months) are never returned and are
 * purged. Every method may reject when the backing store is down.
 */
export interface QuestionLog {
  /** Appends a record (the log gives it an id); records older than the retention are dropped. */
  append(record: QuestionLogInput): Promise<void>;
  /** The city's records with `from` ≤ at < `to`, oldest first (ties in append order). */
  read(city: string, from: Date, to: Date): Promise<QuestionLogRecord[]>;
  /** Deletes every record older than the retention now; returns how many were deleted. */
  purge(): Promise<number>;
  /**
   * The city's counts per JST day (`YYYY-MM-DD`, in the order asked), kept as records are
   * appended, so the dashboard reads 30 small hashes instead of a month of records. Days older
   * than the retention count nothing.
   */
  daily(city: string, days: readonly string[]): Promise<QuestionLogDay[]>;
}

/** One JST day of the question log (`QuestionLog.daily`). */
export interface QuestionLogDay {
  day: string;
  questions: number;
  answered: number;
  ambiguous: number;
  noAnswer: number;
  feedback: number;
  helpful: number;
}

/**
 * スマホ教室: residents' 「前日に通知」 reminders and the weekly announcements (`src/store`: memory
 * and Redis, one contract suite). A reminder is stored under its resident and class; every change
 * the scheduler races on is compare-and-set on the reminder's `version`.
 */
export interface ReminderStore {
  /** The resident's reminders (any order). */
  listForUser(userId: string): Promise<ClassReminder[]>;
  /**
   * Adds a reminder unless the resident has one for that class (`exists`) or already has `max`
   * (`full`).
   */
  add(userId: string, reminder: ClassReminder, max: number): Promise<'added' | 'exists' | 'full'>;
  /** Removes the resident's reminder for a class; false when there was none. */
  remove(userId: string, classId: string): Promise<boolean>;
  /** Ids of the classes that have at least one reminder. */
  classIds(): Promise<string[]>;
  /** The reminders of one class, with their residents. */
  listForClass(classId: string): Promise<Array<{ userId: string; reminder: ClassReminder }>>;
  /**
   * Compare-and-set: stores `next` (or deletes the reminder when `next` is null) if the stored
   * version is still `version`; false when it changed or is gone.
   */
  update(
    userId: string,
    classId: string,
    version: number,
    next: ClassReminder | null,
  ): Promise<boolean>;
  /** Classes already announced; undefined before the first announcement run (the baseline). */
  announcedIds(): Promise<Set<string> | undefined>;
  markAnnounced(classIds: readonly string[]): Promise<void>;
  /** The announcement of a week (its JST Monday, `YYYY-MM-DD`). */
  getAnnouncement(week: string): Promise<ClassAnnouncement | undefined>;
  /** Stores `a` if the stored version is `a.version - 1` (none stored counts as 0). */
  putAnnouncement(a: ClassAnnouncement): Promise<boolean>;
}

/**
 * Web console sessions (`src/store`: memory and Redis, one contract suite). `id` is a digest of
 * the cookie value, never the cookie itself. A session lives `idleSeconds` after its last use
 * (sliding), and never past its `expiresAt`. Every method may reject when the store is down.
 */
export interface SessionStore {
  /** Stores a new session (replacing any under the same id). */
  create(id: string, session: AdminSession, idleSeconds: number): Promise<void>;
  /** The live session, or undefined when it never was, expired (idle or absolute) or was deleted. */
  get(id: string): Promise<AdminSession | undefined>;
  /**
   * The live session, its idle time restarted (capped by `expiresAt`): what each console request
   * does, in one round trip on Redis. Undefined when the session is gone.
   */
  touch(id: string, idleSeconds: number): Promise<AdminSession | undefined>;
  delete(id: string): Promise<void>;
}

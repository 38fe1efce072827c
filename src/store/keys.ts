/**
 * Every Redis key the bot uses, built in one place (BullMQ's queue-keys habit). A configurable
 * prefix lets several cities, test files or benchmarks share one Redis. Per-chat keys put the
 * id in a `{tag}` slot so that, on a Redis Cluster, all keys of one chat live in one hash slot.
 */
import { StoreError } from './store-error.js';

export interface StoreKeys {
  readonly prefix: string;
  /** Dedup claim of one webhook event (`SET NX EX`). */
  event(webhookEventId: string): string;
  /** Dialog state of one chat (user, group or room). */
  state(conversationKey: string): string;
  /** Hash: status, followedAt, blockedAt of one LINE user. */
  user(userId: string): string;
  /** A SCAN pattern matching every key under the prefix (for cleanup in tests and tools). */
  all(): string;
  /** The keys of the `Audience` (resident settings and segment bitmaps). */
  readonly audience: AudienceKeys;
  /** The keys of broadcasts and their batches. */
  readonly broadcast: BroadcastKeys;
  /** Stream: the append-only audit log of the admin API. */
  audit(): string;
  /** The prefix BullMQ puts before its queue keys (one `{tag}`: a queue's keys share a slot). */
  queuePrefix(): string;
  /** The keys of the question log staff read (reports). */
  readonly questionLog: QuestionLogKeys;
  /** The keys of スマホ教室 reminders and announcements. */
  readonly reminders: ReminderKeys;
  /** String: one web console session (JSON), by the SHA-256 hex of its cookie; TTL = its life. */
  session(id: string): string;
}

/**
 * Reminder keys share the `{rem}` hash tag: adding or removing a reminder changes the
 * resident's hash and the class's set in one script.
 */
export interface ReminderKeys {
  /** Hash: class id → the resident's reminder (JSON). */
  user(userId: string): string;
  /** Set: user ids with a reminder for the class. */
  class(classId: string): string;
  /** Set: class ids with at least one reminder. */
  classes(): string;
  /** Set: class ids already announced (exists once the first announcement ran). */
  announced(): string;
  /** String: the announcement record of a week (JSON). */
  week(monday: string): string;
}

/** Question-log keys: one sorted set per city (score = time in ms), and the set of cities. */
export interface QuestionLogKeys {
  /** Sorted set: the city's records (JSON, id first), scored by their time in ms. */
  records(city: string): string;
  /** Set: the cities that have records (for purging them all). */
  cities(): string;
  /**
   * Hash: one JST day's counts (questions, answered, ambiguous, no_answer, feedback, helpful),
   * kept in the same MULTI as each append; same `{city}` slot as the records.
   */
  day(city: string, day: string): string;
}

/**
 * Broadcast keys share the `{bc}` hash tag: the scripts that settle a batch and update the
 * index change several of them at once.
 */
export interface BroadcastKeys {
  /** String: the broadcast record (JSON). */
  record(id: string): string;
  /** Hash: batch number → batch record (JSON). */
  batches(id: string): string;
  /** Counter: settled batches of a broadcast. */
  settled(id: string): string;
  /** Sorted set: broadcast ids by creation time (ms). */
  index(): string;
  /** Set: ids of broadcasts scheduled or sending. */
  active(): string;
}

/**
 * Audience keys all share the `{aud}` hash tag: counting runs BITOP over several of them in one
 * command, which a Redis Cluster allows only within one slot. Residents get a dense index
 * (0, 1, 2 …) and every bitmap has one bit per index.
 */
export interface AudienceKeys {
  /** Hash: user id → index. */
  residents(): string;
  /** Hash: index → user id (to turn bits back into recipients). */
  ids(): string;
  /** Hash: index → settings JSON. */
  settings(): string;
  /** Counter handing out indexes (INCR). */
  seq(): string;
  /** Bitmap: followed, not blocked, not stopped. Every target is ANDed with it. */
  active(): string;
  /** Bitmap: blocked (unfollowed). */
  blocked(): string;
  /**
   * The common start of the dimension bitmaps: `dimension('t:bousai')` is the bitmap of the
   * residents who chose topic `bousai`; `a:<area>` and `g:<age band>` likewise. The update
   * script builds the same names from this prefix.
   */
  dimensionPrefix(): string;
  dimension(suffix: string): string;
  /** Scratch bitmaps for one count (created and deleted inside one script). */
  scratch(n: number): string;
  /** Bitmap: a frozen recipient list. */
  snapshot(snapshotKey: string): string;
  /** Hash: snapshot key → recipient count (the snapshot exists iff it has a field here). */
  snapshots(): string;
}

const PREFIX = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Builds the key names under `prefix` (default `madoguchi:`). */
export function createKeys(prefix = 'madoguchi:'): StoreKeys {
  if (!PREFIX.test(prefix)) {
    throw new StoreError(
      'store/bad-prefix',
      `key prefix must be 1-64 characters of letters, digits, "_", ".", ":" or "-"; got ${JSON.stringify(prefix)}`,
    );
  }
  return {
    prefix,
    event: (id) => `${prefix}event:{${id}}`,
    state: (key) => `${prefix}state:{${key}}`,
    user: (userId) => `${prefix}user:{${userId}}`,
    all: () => `${prefix}*`,
    audience: audienceKeys(`${prefix}aud:{aud}:`),
    broadcast: broadcastKeys(`${prefix}bc:{bc}:`),
    audit: () => `${prefix}audit`,
    queuePrefix: () => `${prefix}{bull}`,
    questionLog: {
      records: (city) => `${prefix}qlog:{${city}}`,
      cities: () => `${prefix}qlog:cities`,
      day: (city, day) => `${prefix}qlog:{${city}}:day:${day}`,
    },
    reminders: reminderKeys(`${prefix}rem:{rem}:`),
    session: (id) => `${prefix}session:{${id}}`,
  };
}

function reminderKeys(base: string): ReminderKeys {
  return {
    user: (userId) => `${base}u:${userId}`,
    class: (classId) => `${base}c:${classId}`,
    classes: () => `${base}classes`,
    announced: () => `${base}announced`,
    week: (monday) => `${base}week:${monday}`,
  };
}

function broadcastKeys(base: string): BroadcastKeys {
  return {
    record: (id) => `${base}rec:${id}`,
    batches: (id) => `${base}batches:${id}`,
    settled: (id) => `${base}settled:${id}`,
    index: () => `${base}index`,
    active: () => `${base}active`,
  };
}

function audienceKeys(base: string): AudienceKeys {
  return {
    residents: () => `${base}residents`,
    ids: () => `${base}ids`,
    settings: () => `${base}settings`,
    seq: () => `${base}seq`,
    active: () => `${base}active`,
    blocked: () => `${base}blocked`,
    dimensionPrefix: () => `${base}d:`,
    dimension: (suffix) => `${base}d:${suffix}`,
    scratch: (n) => `${base}scratch:${n}`,
    snapshot: (key) => `${base}snap:${key}`,
    snapshots: () => `${base}snapshots`,
  };
}

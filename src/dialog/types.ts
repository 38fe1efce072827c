// The contract between the conversation and the bot runtime (shared/notes/bot-contract.md).
import type { messagingApi } from '@line/bot-sdk';
import type { CityConfig, DialogState, FaqEntry, ResidentSettings } from '../schema/index.js';
import type { ClassReminder, ClassSlot } from '../schema/index.js';
import type { ClassCatalog } from '../classes/index.js';
import type { SearchOutcome, Verdict } from '../search/index.js';
import type { TemplateSet, View } from '../messages/index.js';

/** Where a message came from: a 1:1 chat, a group or a multi-person room. */
export type Source = 'user' | 'group' | 'room';

/** One event, as the dialog sees it (the runtime maps LINE's webhook events onto these). */
export type TurnInput =
  | { kind: 'follow'; source: Source }
  | { kind: 'unfollow'; source: Source }
  /** The bot was added to a group or room. */
  | { kind: 'join'; source: Source }
  /**
   * `mentioned`: the message @-mentions the bot (LINE's `mention.mentionees[].isSelf`); in groups
   * the bot answers only when addressed (see DESIGN.md).
   */
  | { kind: 'text'; text: string; source: Source; mentioned?: boolean }
  | { kind: 'postback'; data: string; params?: Record<string, string>; source: Source }
  | {
      kind: 'media';
      media: 'sticker' | 'image' | 'video' | 'audio' | 'file' | 'location';
      source: Source;
    };

/** What the dialog may use. Pure data and functions: no I/O, no clock. */
export interface DialogDeps {
  city: CityConfig;
  /** The search, already bound to the city's index. */
  search(query: string): SearchOutcome;
  entry(id: string): FaqEntry | undefined;
  /** The injected clock, for 「○年○月時点」 and stale answers. */
  now: Date;
  /**
   * The Flex templates (`loadTemplates` in src/content). Optional: without them every reply is
   * plain text with quick replies (still complete, just less pretty).
   */
  templates?: TemplateSet;
  /**
   * The entries of a category (`online`, `cashless`, …) in pack order, for the topic menus.
   * Optional: without it a topic tap searches the topic's name.
   */
  topic?(category: string): FaqEntry[];
  /**
   * The resident's notification settings, loaded by the runtime only for the turns that need
   * them (`needsSettings`); the city's defaults for someone not seen yet. Undefined when they
   * could not be read: the settings screens then say so instead of guessing.
   */
  settings?: ResidentSettings;
  /** The スマホ教室 schedule (`classes.yaml`). Without it, class questions go to the FAQ. */
  classes?: ClassCatalog;
  /**
   * The resident's 「前日に通知」 reminders, loaded by the runtime only for the turns that need
   * them (`needsReminders`). Undefined when they could not be read: the replies then say so.
   */
  reminders?: readonly ClassReminder[];
}

/** Something the runtime must record after the turn. */
export type Effect =
  | { type: 'feedback'; entryId: string; helpful: boolean }
  /** `query` is already masked (phones, e-mails); never emitted for マイナンバー-like text. */
  | { type: 'asked'; query: string; status: Verdict; topId?: string; score?: number }
  | { type: 'blocked' }
  | { type: 'followed' }
  /** The resident changed their notification settings: save these (the whole new settings). */
  | { type: 'settings'; settings: ResidentSettings }
  /** 「前日に通知」: save this reminder (before the reply: the confirmation must be true). */
  | { type: 'remind'; classId: string; title: string; slot: ClassSlot }
  /** The resident cancelled a reminder (also saved before the reply). */
  | { type: 'unremind'; classId: string };

export interface TurnResult {
  /** At most 5 (LINE's limit), each within LINE's limits; empty = do not reply. */
  replies: messagingApi.Message[];
  next: DialogState;
  effects: Effect[];
}

/** What one state handler returns, before the views become messages. */
export interface StepResult {
  views: View[];
  next: DialogState;
  effects: Effect[];
}

/** What every state handler gets. */
export interface Turn {
  state: DialogState;
  deps: DialogDeps;
}

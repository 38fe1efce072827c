/** What `handleEvent` needs: the ports, the city's content and the options of a webhook event. */
import type { ClassCatalog } from '../classes/index.js';
import type { TemplateSet } from '../messages/index.js';
import type { Audience, Clock, Logger, Metrics, QuestionLog, Sender, Store } from '../ports.js';
import type { ReminderStore } from '../ports.js';
import type { CityConfig, FaqEntry } from '../schema/index.js';
import type { SearchIndex, SearchOutcome } from '../search/index.js';

/** The city's content, loaded once at start-up (`src/content`) and shared by every event. */
export interface BotContent {
  city: CityConfig;
  index: SearchIndex;
  entry(id: string): FaqEntry | undefined;
  /** The search bound to `index` (cached by `createBotContent`); default `search(index, q)`. */
  search?(query: string): SearchOutcome;
  templates?: TemplateSet;
  topic?(category: string): FaqEntry[];
  /** The スマホ教室 schedule (`classes.yaml`), when the city has one. */
  classes?: ClassCatalog;
}

export interface AppOptions {
  /** How long a webhook event id is remembered for dedup. Default 86,400 s (LINE keeps none). */
  dedupTtlSeconds?: number;
  /** How long an idle chat keeps its state (candidates, last answer). Default 86,400 s. */
  stateTtlSeconds?: number;
  /** Push the answer when LINE says the reply token is no longer valid. Default true. */
  pushWhenReplyExpired?: boolean;
}

export interface AppDeps {
  store: Store;
  sender: Sender;
  clock: Clock;
  logger: Logger;
  /** Throws while the content is not loaded yet. */
  content(): BotContent;
  metrics?: Metrics;
  options?: AppOptions;
  /** Who receives which notices: follow/unfollow and 通知設定 update it. Optional (tests). */
  audience?: Audience;
  /** Every question and feedback for staff reports (masked, user ids hashed). Optional. */
  questionLog?: QuestionLog;
  /** The keyed hash of user ids in the question log (`createUserIdHasher`, src/log). */
  hashUserId?: (userId: string) => string;
  /** 「前日に通知」 reminders of スマホ教室. Optional: without it the buttons say it is unavailable. */
  reminders?: ReminderStore;
}

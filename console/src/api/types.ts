/**
 * The shapes the admin API answers (docs: /work/notes/console-contract.md). Broadcasts, reports
 * and audit entries come from the server's zod schemas (types only: no server code is bundled);
 * the console-only endpoints are written out here.
 */
import type {
  AdminRole,
  AuditEntry,
  Broadcast,
  BroadcastState,
  DeliveryReport,
  NoticeInput,
  Target,
} from '../../../src/schema/index.js';
import type { Figures, MonthlyReport as ServerMonthlyReport } from '../../../src/reports/index.js';

export type {
  AdminRole,
  AuditEntry,
  Broadcast,
  BroadcastState,
  DeliveryReport,
  NoticeInput,
  Target,
};

/** `GET|POST /session`. */
export interface Session {
  name: string;
  role: AdminRole;
  csrfToken: string;
  expiresAt: string;
  idleMinutes: number;
}

export interface Choice {
  id: string;
  label: string;
}

export interface TemplateParam {
  name: string;
  label: string;
  required: boolean;
  multiline?: boolean;
  kind?: 'text' | 'url' | 'date' | string;
}

/** `GET /meta`: what the forms offer. */
export interface Meta {
  city: string;
  cityName: string;
  role: AdminRole;
  name: string;
  topics: Choice[];
  areas: Choice[];
  ages: Choice[];
  templates: Array<{ id: 'notice' | 'event'; label: string; params: TemplateParam[] }>;
  quietHours: { start: number; end: number } | 'off';
  testAccounts: number;
  departments: string[];
}

export interface CountedChoice extends Choice {
  count: number;
}

/** `GET /dashboard`. */
export interface Dashboard {
  generatedAt: string;
  /** null when the audience keeps no counts (then the page says so). */
  residents: { friends: number; blocked: number; stopped: number } | null;
  topics: CountedChoice[];
  areas: CountedChoice[];
  /** null without a question log. */
  questions: {
    days: string[];
    daily: number[];
    total: number;
    answered: number;
    ambiguous: number;
    noAnswer: number;
    answeredShare: number;
    feedback: number;
    helpful: number;
    helpfulShare: number | null;
  } | null;
  broadcasts: Broadcast[];
}

export type Verdict = 'answered' | 'ambiguous' | 'no_answer';

/** One matched word: the contract allows a bare word or the word with the fields it hit. */
export type MatchedTerm = string | { term: string; fields?: string[] };

/** `GET /faq/search`. */
export interface FaqSearch {
  query: string;
  verdict: Verdict;
  terms: string[];
  /** Words the engine read as another known word (typos, kana spellings). */
  repaired?: Array<{ typed: string; term: string }>;
  results: Array<{
    rank: number;
    id: string;
    question: string;
    department?: string;
    status: string;
    score: number;
    relevance: number;
    matched: MatchedTerm[];
  }>;
  tookMs: number;
}

/** A LINE message as the API renders it (only what the preview draws is typed). */
export type LineMessage =
  | { type: 'text'; text: string }
  | { type: 'flex'; altText: string; contents: FlexNode }
  | { type: string; [key: string]: unknown };

/** A node of LINE's Flex JSON; the renderer reads the properties it knows. */
export interface FlexNode {
  type: string;
  [key: string]: unknown;
}

/** `POST /notices/render`. */
export interface Rendered {
  messages: LineMessage[];
  text: string;
  problems: Array<{ field: string; message: string } | string>;
}

/** `GET /broadcasts/:id/preview`. */
export interface Preview {
  id: string;
  state: BroadcastState;
  title: string;
  count: number;
  target: Target;
  targetText: string;
  messages: LineMessage[];
  text: string;
  sendAt?: { at: string; jst: string; held: boolean; urgent: boolean };
  testAccounts: number;
  problems: string[];
}

/** `POST /audience/count`. */
export interface AudienceCount {
  count: number;
  target: Target;
  description: string;
}

export interface UnansweredGroup {
  text: string;
  count: number;
  variants: Array<{ text: string; count: number }>;
  department?: string;
}

/** `GET /unanswered`. */
export interface Unanswered {
  month: string;
  department?: string;
  /** Every department with questions that month (for the filter). */
  departmentNames?: string[];
  total?: number;
  groups: UnansweredGroup[];
}

/** One department's (or the whole city's) figures of a month: the server's own type. */
export type ReportFigures = Figures;

/** `GET /reports`. */
export interface MonthlyReport extends ServerMonthlyReport {
  cityName?: string;
  /** Every department with questions that month (for the filter). */
  departmentNames?: string[];
}

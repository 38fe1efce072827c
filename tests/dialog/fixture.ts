// A small city, a few entries and a scripted search: enough to drive every dialog path.
import { expect } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { CityConfigSchema, FaqEntrySchema, type FaqEntry } from '../../src/schema/index.js';
import type { DialogDeps } from '../../src/dialog/index.js';
import type { SearchOutcome } from '../../src/search/index.js';
import { checkMessages, type TemplateSet } from '../../src/messages/index.js';
import { loadTemplates } from '../../src/content/index.js';

export const city = CityConfigSchema.parse({
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所', note: '担当課がわからないときは代表窓口へ' },
  departments: [
    { name: '市民窓口課', handles: ['住民票', '戸籍'], contact: '市役所1階' },
    { name: '収納課', handles: ['市税', '納付'], phone: '0568-00-0000' },
  ],
});

const raw = [
  {
    id: 'conveni',
    question: '住民票の写しはコンビニで取れますか？',
    answer: 'はい、取れます。マイナンバーカードと暗証番号（4けた）が必要です。',
    category: 'mynumber',
    department: '市民窓口課',
    links: [{ label: 'コンビニ交付の案内', url: 'https://www.example.lg.jp/conveni' }],
    as_of: '2024-03',
    related: ['apply', 'missing'],
  },
  {
    id: 'apply',
    question: 'マイナンバーカードの申請を手伝ってもらえますか？',
    answer: '申請のお手伝いを、休日にも行う計画です。',
    category: 'mynumber',
    department: '市民窓口課',
    status: 'planned',
    as_of: '2024-03',
  },
  {
    id: 'linepay',
    question: 'LINE Payで市税を払えますか？',
    answer: 'LINE Payは2025年4月に終わりました。ほかのスマホ決済をご利用ください。',
    category: 'cashless',
    department: '収納課',
    status: 'ended',
    as_of: '2025-04',
  },
  {
    id: 'old',
    question: '古い案内ですか？',
    answer: '期限の過ぎた案内です。',
    category: 'online',
    as_of: '2019-04',
    valid_until: '2020-03',
  },
];
export const entries: FaqEntry[] = raw.map((e) => FaqEntrySchema.parse(e));
const byId = new Map(entries.map((e) => [e.id, e]));

export function entry(id: string): FaqEntry {
  const e = byId.get(id);
  if (!e) throw new Error(`no fixture entry ${id}`);
  return e;
}

/** A search that answers from a table; anything else is `no_answer`. */
export function scriptedSearch(
  table: Record<string, { status: SearchOutcome['status']; ids: string[] }>,
  calls: string[] = [],
): (q: string) => SearchOutcome {
  return (q) => {
    calls.push(q);
    const row = table[q];
    if (!row) return { status: 'no_answer', results: [] };
    return {
      status: row.status,
      results: row.ids.map((id, i) => ({ entry: entry(id), score: 0.9 - i * 0.1 })),
    };
  };
}

export const templates: TemplateSet = await loadTemplates();

export const NOW = new Date('2025-06-01T03:00:00Z');

export function makeDeps(over: Partial<DialogDeps> = {}): DialogDeps {
  return {
    city,
    search: scriptedSearch({
      住民票コンビニ: { status: 'answered', ids: ['conveni'] },
      ラインペイ: { status: 'answered', ids: ['linepay'] },
      申請手伝い: { status: 'answered', ids: ['apply'] },
      古い: { status: 'answered', ids: ['old'] },
    }),
    entry: (id) => byId.get(id),
    now: NOW,
    templates,
    topic: (category) => entries.filter((e) => e.category === category),
    ...over,
  };
}

/** Every string in the replies, joined: what the resident can read (and what is sent). */
export function textOf(messages: readonly messagingApi.Message[]): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(messages);
  return out.join('\n');
}

/** Every postback data in the replies (Flex buttons, boxes and quick replies). */
export function postbacksOf(messages: readonly messagingApi.Message[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'postback' && typeof o['data'] === 'string') out.push(o['data']);
      Object.values(o).forEach(walk);
    }
  };
  walk(messages);
  return out;
}

export function expectWithinLimits(messages: readonly messagingApi.Message[]): void {
  expect(checkMessages(messages)).toEqual([]);
}

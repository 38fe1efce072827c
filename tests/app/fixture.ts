/**
 * A small city for runtime tests: four entries, the real tokenizer, no Flex templates (replies
 * are plain text, easy to assert), and builders for LINE webhook events.
 */
import { createBotContent } from '../../src/app/index.js';
import type { BotContent } from '../../src/app/index.js';
import { loadTokenizer } from '../../src/content/index.js';
import type { CityConfig, FaqEntry } from '../../src/schema/index.js';

export const CITY: CityConfig = {
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所 代表', phone: '0568-00-0000' },
  departments: [],
  areas: [],
  topics: [],
  source: [],
};

const entry = (e: Partial<FaqEntry> & Pick<FaqEntry, 'id' | 'question' | 'answer'>): FaqEntry => ({
  alt_questions: [],
  keywords: [],
  links: [],
  status: 'live',
  related: [],
  ...e,
});

export const ENTRIES: FaqEntry[] = [
  entry({
    id: 'conveni-juminhyo',
    question: '住民票の写しはコンビニで取れますか？',
    answer: 'はい。マイナンバーカードがあれば、コンビニのマルチコピー機で住民票の写しを取れます。',
    alt_questions: ['コンビニで住民票をとりたい'],
    keywords: ['コンビニ交付', '住民票'],
    category: 'mynumber',
  }),
  entry({
    id: 'gomi-sodai',
    question: '粗大ごみの出し方を教えてください',
    answer: '粗大ごみは申し込みが必要です。環境課にお問い合わせください。',
    keywords: ['粗大ごみ'],
    category: 'services',
  }),
  entry({
    id: 'sumaho-kyoshitsu',
    question: 'スマホ教室はありますか？',
    answer: '市ではスマホ教室を開いています。日程は市の広報でお知らせします。',
    keywords: ['スマホ教室'],
    category: 'digital-help',
  }),
  entry({
    id: 'paypay-tax',
    question: '税金をPayPayで払えますか？',
    answer: '市税はスマホ決済アプリで払えます。納付書のバーコードを読み取ってください。',
    keywords: ['スマホ決済', '納付'],
    category: 'cashless',
  }),
];

let loading: Promise<BotContent> | undefined;

/** Built once per test file (the tokenizer takes about a second). */
export function testContent(): Promise<BotContent> {
  loading ??= loadTokenizer().then((tokenize) =>
    createBotContent({ city: CITY, entries: ENTRIES, tokenize }),
  );
  return loading;
}

export const USER_1 = 'U11111111111111111111111111111111';
export const USER_2 = 'U22222222222222222222222222222222';
export const GROUP_1 = 'C33333333333333333333333333333333';

let seq = 0;
/** A ULID-like unique webhook event id. */
export const eventId = () => `01TEST${String(++seq).padStart(20, '0')}`;

type Extra = Record<string, unknown>;

function base(type: string, userId: string, extra: Extra = {}): Extra {
  return {
    type,
    mode: 'active',
    timestamp: 1_775_000_000_000 + seq,
    source: { type: 'user', userId },
    webhookEventId: eventId(),
    deliveryContext: { isRedelivery: false },
    replyToken: `rt-${seq}`,
    ...extra,
  };
}

export const ev = {
  text: (userId: string, text: string, extra: Extra = {}) =>
    base('message', userId, {
      message: { type: 'text', id: String(100 + seq), quoteToken: 'q', text },
      ...extra,
    }),
  sticker: (userId: string) =>
    base('message', userId, {
      message: { type: 'sticker', id: '1', packageId: '446', stickerId: '1988' },
    }),
  image: (userId: string) =>
    base('message', userId, {
      message: { type: 'image', id: '2', contentProvider: { type: 'line' } },
    }),
  postback: (userId: string, data: string) => base('postback', userId, { postback: { data } }),
  follow: (userId: string) => base('follow', userId, { follow: { isUnblocked: false } }),
  unfollow: (userId: string) => {
    const e = base('unfollow', userId);
    delete e.replyToken;
    return e;
  },
  join: (groupId: string) => base('join', '', { source: { type: 'group', groupId } }),
  unknown: (userId: string) => base('hologram', userId, { hologram: { angle: 3 } }),
};

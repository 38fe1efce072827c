// The main topics: the greeting's buttons, the rich menu and the quick replies lead to them.

export interface Topic {
  /** The postback value (`a=topic&t=<id>`), also used by richmenu/richmenu.json. */
  id: string;
  label: string;
  /** The FAQ `category` whose entries the topic lists. */
  category: string;
  /** What residents type to open it (compared after normalising). */
  words: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    id: 'online',
    label: 'オンライン手続き',
    category: 'online',
    words: ['オンライン手続き', 'オンライン手続', 'オンライン申請', '電子申請'],
  },
  {
    id: 'cashless',
    label: 'キャッシュレス',
    category: 'cashless',
    words: ['キャッシュレス', 'キャッシュレス決済', 'キャッシュレス払い'],
  },
  {
    id: 'mynumber',
    label: 'マイナンバーカード',
    category: 'mynumber',
    words: ['マイナンバー', 'マイナンバーカード', 'マイナカード', 'マイナ'],
  },
  {
    id: 'digital',
    label: 'スマホ教室',
    category: 'digital-help',
    words: ['スマホ教室', 'スマホ講座', 'デジタル支援', 'スマホ相談'],
  },
  {
    id: 'contact',
    label: '問い合わせ先',
    category: 'contact',
    words: ['問い合わせ先', '問合せ先', '問合わせ先', '連絡先', '担当課'],
  },
];

export function topicById(id: string): Topic | undefined {
  return TOPICS.find((t) => t.id === id);
}

// A small schedule around a fixed clock (2026-11-11, a Wednesday, 10:00 JST) and a city with areas.
import { createClassCatalog, type ClassCatalog } from '../../src/classes/index.js';
import {
  CityConfigSchema,
  ClassScheduleSchema,
  type ClassItemInput,
  type CityConfig,
} from '../../src/schema/index.js';

/** 2026-11-11 (Wed) 10:00 JST. */
export const NOW = new Date('2026-11-11T01:00:00Z');

export const CITY: CityConfig = CityConfigSchema.parse({
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所' },
  departments: [
    { name: '行政改革課', handles: ['スマホ教室', 'キャッシュレス'], phone: '0568-00-1111' },
  ],
  areas: ['中部', '東部', '味岡'],
  topics: [
    { id: 'bousai', label: '防災・緊急' },
    { id: 'digital', label: 'スマホ教室・デジタル' },
  ],
});

const phone = { how: 'phone', phone: '0568-00-1111' } as const;
const walkIn = { how: 'none' } as const;

export const CLASSES: ClassItemInput[] = [
  {
    id: 'past',
    title: 'スマホ教室（はじめての方）',
    kind: 'classroom',
    date: '2026-11-10',
    start: '10:00',
    end: '12:00',
    venue: { name: '味岡市民センター', area: '味岡' },
    target: ['初心者'],
    join: phone,
  },
  {
    id: 'now-dropin',
    title: 'ふらっと・スマホ相談会',
    kind: 'drop-in',
    date: '2026-11-11',
    start: '09:00',
    end: '12:00',
    venue: { name: '老人福祉センター', area: '中部' },
    join: walkIn,
  },
  {
    id: 'sat-beginners',
    title: 'スマホ教室（はじめての方）',
    kind: 'classroom',
    date: '2026-11-14',
    start: '10:00',
    end: '12:00',
    venue: { name: '味岡市民センター', area: '味岡' },
    target: ['初心者', '65歳以上'],
    topics: ['基本の操作', 'LINEの使い方'],
    capacity: 20,
    fee: 0,
    join: { ...phone, note: '前日まで' },
  },
  {
    id: 'tue-dropin',
    title: 'ふらっと・スマホ相談会',
    kind: 'drop-in',
    date: '2026-11-17',
    start: '13:30',
    end: '15:30',
    venue: { name: '老人福祉センター', area: '中部' },
    join: walkIn,
  },
  {
    id: 'wed-cancelled',
    title: 'スマホ教室（LINE）',
    kind: 'classroom',
    date: '2026-11-18',
    start: '10:00',
    end: '12:00',
    venue: { name: '東部市民センター', area: '東部' },
    topics: ['LINEの使い方'],
    join: phone,
    cancelled: true,
  },
  {
    id: 'sat-kobetsu',
    title: 'スマホ個別相談会',
    kind: 'consultation',
    date: '2026-11-21',
    start: '10:00',
    end: '11:00',
    venue: { name: '中央図書館', area: '中部' },
    join: phone,
  },
  {
    id: 'dec-mynumber',
    title: 'マイナンバーカードとスマホ',
    kind: 'classroom',
    date: '2026-12-05',
    start: '14:00',
    end: '16:00',
    venue: { name: '東部市民センター', area: '東部' },
    topics: ['マイナンバーカード'],
    partner: 'ソフトバンク株式会社',
    join: { how: 'form', url: 'https://example.lg.jp/form' },
  },
  {
    id: 'jan-dropin',
    title: 'ふらっと・スマホ相談会',
    kind: 'drop-in',
    date: '2027-01-09',
    start: '13:00',
    end: '15:00',
    venue: { name: '老人福祉センター', area: '中部' },
    join: walkIn,
  },
];

export function catalog(classes: ClassItemInput[] = CLASSES, sample = false): ClassCatalog {
  return createClassCatalog(ClassScheduleSchema.parse({ sample, classes }), CITY);
}

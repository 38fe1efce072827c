/**
 * Seeds a Redis with the world the admin console is measured on (bench/console.ts,
 * bench/console-api.ts): residents with settings spread over the city's topics, areas and ages
 * (some blocked, some 配信停止), `days` JST days of questions and feedback ending at `now`, and a
 * few broadcasts. Everything is written through the real Redis stores (the audience's update
 * script, `QuestionLog.append`, `BroadcastStore.create/settleBatch`), so the data is in their
 * exact format, per-day aggregates included, whatever those stores keep. Deterministic: the same
 * options give the same world (bench/lib/prng.ts). 100,000 + 100,000 take ~25 s here.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCity } from '../../src/content/index.js';
import type { QuestionLogInput } from '../../src/ports.js';
import { AGE_BANDS } from '../../src/schema/index.js';
import type { Broadcast, FaqEntry, ResidentSettings } from '../../src/schema/index.js';
import { createRedisAudience } from '../../src/store/audience/index.js';
import { createRedisBroadcastStore } from '../../src/store/broadcasts/index.js';
import { createRedisQuestionLog } from '../../src/store/question-log/index.js';
import { prng } from './prng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY_MS = 86_400_000;

export interface SeedConsoleOptions {
  redisUrl: string;
  /** Key prefix of every store (as `REDIS_PREFIX`), e.g. `bench-console:`. */
  prefix: string;
  /** A city of `faqDir` (its topics, areas and FAQ entries shape the data). Default komaki. */
  city?: string;
  /** Residents who ever followed. Default 100,000. */
  residents?: number;
  /** Questions over the period (feedback comes on top, ~7 % of answered ones). Default 100,000. */
  questions?: number;
  /** Days of questions, ending at `now`. Default 30. */
  days?: number;
  /** The end of the period (and the stores' clock). Default: the wall clock. */
  now?: Date;
  /** Default `<repo>/faq`. */
  faqDir?: string;
  /** PRNG seed. Default 8. */
  seed?: number;
  /** Writes in flight at once. Default 2,000. */
  concurrency?: number;
  /**
   * Seeds the question log only (no residents, no broadcasts; `residents` still spreads the
   * questions over that many hashed users): a second period in a world already seeded, e.g. an
   * older month. Default false.
   */
  questionsOnly?: boolean;
}

export interface SeededConsoleWorld {
  city: string;
  /** Figures the dashboard must show: friends = not blocked (配信停止 included). */
  residents: { total: number; friends: number; blocked: number; stopped: number };
  questions: number;
  feedback: number;
  broadcasts: number;
  /** Time the seeding took. */
  ms: number;
}

const UNANSWERED = [
  '粗大ごみの出し方',
  '図書館は何時まで',
  '犬の登録',
  '水道料金の支払い',
  '保育園の空き状況',
  '選挙の期日前投票',
  '公園のバーベキュー',
  '駐輪場の場所',
  '空き家の相談',
  '道路の穴を見つけた',
  '街灯が切れている',
  'ハチの巣を取ってほしい',
  'カラスがごみを荒らす',
  '市営住宅の申し込み',
  '成人式の日程',
];
const NOISE = ['', '？', '。', 'です', 'ですか？', 'を教えてください', 'について'];

/** Runs `tasks` with at most `limit` in flight (ioredis pipelines what is sent in one tick). */
async function inChunks<T>(items: readonly T[], limit: number, run: (x: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += limit) {
    await Promise.all(items.slice(i, i + limit).map(run));
  }
}

/** Seeds the world; the Redis keys under `prefix` should be empty first. */
export async function seedConsoleWorld(options: SeedConsoleOptions): Promise<SeededConsoleWorld> {
  const started = performance.now();
  const cityId = options.city ?? 'komaki';
  const total = options.residents ?? 100_000;
  const questionCount = options.questions ?? 100_000;
  const days = options.days ?? 30;
  const now = options.now ?? new Date();
  const limit = options.concurrency ?? 2000;
  const random = prng(options.seed ?? 8);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const city = await loadCity(options.faqDir ?? path.join(ROOT, 'faq'), cityId);
  if (!city.config) throw new Error(`seedConsoleWorld: ${cityId} has no city.yaml`);
  const topics = city.config.topics.map((t) => t.id);
  const areas = city.config.areas;
  const entries: FaqEntry[] = city.entries;
  const clock = { now: () => now };
  const source = { url: options.redisUrl, commandTimeoutMs: 60_000 };
  const audience = createRedisAudience({ ...source, prefix: options.prefix });
  const log = createRedisQuestionLog({ ...source, prefix: options.prefix, clock });
  const broadcasts = createRedisBroadcastStore({ ...source, prefix: options.prefix });
  try {
    await Promise.all([audience.ready(10_000), log.ready(10_000), broadcasts.ready(10_000)]);

    // Residents: 0-4 topics, an area for 80 %, an age band for 70 %; 3 % 配信停止, 5 % blocked.
    const people = Array.from({ length: options.questionsOnly ? 0 : total }, (_, i) => {
      const chosen = topics.filter(() => random() < 0.3);
      const settings: ResidentSettings = {
        topics: chosen.length > 0 || random() < 0.5 ? chosen : topics.slice(0, 1),
        ...(areas.length > 0 && random() < 0.8 ? { area: pick(areas) } : {}),
        ...(random() < 0.7 ? { age: pick(AGE_BANDS).id } : {}),
        stopped: random() < 0.03,
      };
      return { id: `U${i.toString(16).padStart(32, '0')}`, settings, blocked: random() < 0.05 };
    });
    await inChunks(people, limit, (p) => audience.setSettings(p.id, p.settings));
    const blockedIds = people.filter((p) => p.blocked);
    await inChunks(blockedIds, limit, (p) => audience.markBlocked(p.id));

    // Questions, oldest first, spread over the period (busier on weekdays and by day).
    const from = now.getTime() - days * DAY_MS;
    const times = Array.from({ length: questionCount }, () => {
      const t = from + Math.floor(random() * days * DAY_MS);
      const weekday = new Date(t + 9 * 3_600_000).getUTCDay();
      return weekday === 0 || weekday === 6 ? t - Math.floor(random() * 3_600_000) : t;
    }).sort((a, b) => a - b);
    const records: QuestionLogInput[] = [];
    let feedback = 0;
    for (const t of times) {
      const at = new Date(Math.max(from, Math.min(t, now.getTime() - 1))).toISOString();
      const user = `uid:${Math.floor(random() * total)
        .toString(16)
        .padStart(16, '0')}`;
      const r = random();
      if (r < 0.85 && entries.length > 0) {
        const e = pick(entries);
        const dept = e.department ? { department: e.department } : {};
        records.push({
          kind: 'question',
          at,
          city: cityId,
          user,
          query: pick([e.question, ...e.alt_questions]) + pick(NOISE),
          verdict: r < 0.7 ? 'answered' : 'ambiguous',
          topId: e.id,
          score: 0.5 + random() / 2,
          ...dept,
        });
        if (random() < 0.07 && Date.parse(at) + 20_000 < now.getTime()) {
          feedback++;
          records.push({
            kind: 'feedback',
            at: new Date(Date.parse(at) + 20_000).toISOString(),
            city: cityId,
            user,
            entryId: e.id,
            helpful: random() < 0.6,
            ...dept,
          });
        }
      } else {
        const near = random() < 0.5 ? pick(entries) : undefined;
        records.push({
          kind: 'question',
          at,
          city: cityId,
          user,
          query: pick(UNANSWERED) + pick(NOISE),
          verdict: 'no_answer',
          score: random() / 5,
          ...(near ? { topId: near.id } : {}),
          ...(near?.department ? { department: near.department } : {}),
        });
      }
    }
    records.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    await inChunks(records, limit, (r) => log.append(r));

    const seeded = options.questionsOnly ? 0 : await seedBroadcasts(broadcasts, now, total, random);
    const stopped = people.filter((p) => !p.blocked && p.settings.stopped).length;
    return {
      city: cityId,
      residents: {
        total: people.length,
        friends: people.length - blockedIds.length,
        blocked: blockedIds.length,
        stopped,
      },
      questions: questionCount,
      feedback,
      broadcasts: seeded,
      ms: performance.now() - started,
    };
  } finally {
    await Promise.all([audience.close(), log.close(), broadcasts.close()]);
  }
}

/** Twelve broadcasts over the period: the older ones sent (all batches delivered), two drafts. */
async function seedBroadcasts(
  store: ReturnType<typeof createRedisBroadcastStore>,
  now: Date,
  residents: number,
  random: () => number,
): Promise<number> {
  const titles = [
    '防災訓練のお知らせ',
    '健康診断の受付開始',
    'スマホ教室の参加者募集',
    'ごみ収集日の変更',
  ];
  const count = 12;
  for (let i = 0; i < count; i++) {
    const at = new Date(now.getTime() - (count - i) * 2 * DAY_MS);
    const stamp = at.toISOString();
    const id = `${stamp.slice(0, 10).replaceAll('-', '')}-seed${i.toString(36).padStart(2, '0')}`;
    const draft = i >= count - 2;
    const recipients = Math.floor(residents * (0.1 + random() * 0.5));
    const batches = Math.ceil(recipients / 500);
    const b: Broadcast = {
      id,
      version: 1,
      state: draft ? 'draft' : 'sent',
      notice: {
        title: titles[i % titles.length] as string,
        message: {
          type: 'text',
          text: `${titles[i % titles.length]}です。詳しくは市のホームページをご覧ください。`,
        },
        department: '広報課',
        contact: '0568-76-1111',
        target: i % 3 === 0 ? { all: true } : { topics: ['bousai'] },
        urgent: false,
      },
      created: { at: stamp, by: 'seed' },
      updatedAt: stamp,
      ...(draft
        ? {}
        : {
            confirmed: { at: stamp, by: 'seed', count: recipients },
            sendAt: stamp,
            messages: [{ type: 'text', text: titles[i % titles.length] as string }],
            startedAt: stamp,
            recipients,
            batches,
            finishedAt: new Date(at.getTime() + 60_000).toISOString(),
          }),
    };
    await store.create(b);
    if (draft) continue;
    await Promise.all(
      Array.from({ length: batches }, (_, n) =>
        store.settleBatch(id, n, {
          status: 'delivered',
          attempts: 1,
          recipients: n === batches - 1 ? recipients - n * 500 : 500,
          settledAt: stamp,
        }),
      ),
    );
  }
  return count;
}

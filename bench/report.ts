/**
 * Is a monthly report of 100,000 logged questions produced in under 10 seconds?
 * `npm run bench:report`. Runs on 127.0.0.1 and stops by itself:
 * - a throw-away redis-server; the month is written through the real `QuestionLog` (Redis);
 * - the report is timed in steps (read from Redis, figures, Markdown, CSV, unanswered queue)
 *   and end to end as staff run it: `madoguchi report --city komaki --month …` in a fresh
 *   process (tsx, so module loading counts too), plus `unanswered` and `report export`;
 * - a live FAQ reload of the komaki pack (the time the new version takes to build while the
 *   old one answers).
 * The month is synthetic but shaped like the log: 70 % answered / 15 % ambiguous from the
 * komaki pack's own wordings (with spelling variants), 15 % unanswered from ~2,000 topics with
 * a Zipf-like spread and variants of each, 6 % feedback, 20,000 residents.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCity, loadTokenizer, watchContent } from '../src/content/index.js';
import { createBotContent } from '../src/app/index.js';
import type { QuestionLogInput } from '../src/ports.js';
import {
  buildMonthlyReport,
  buildUnansweredQueue,
  monthRange,
  renderReportMarkdown,
  reportToCsv,
} from '../src/reports/index.js';
import { createRedisQuestionLog } from '../src/store/question-log/index.js';
import { startRedisServer } from '../tests/setup/redis-server.js';
import { environmentLine, writeSection } from './lib/results-file.js';
import { prng } from './lib/prng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_QUESTIONS ?? 100_000);
const MONTH = '2026-10';
const CITY = 'komaki';

const TOPICS = [
  '粗大ごみ',
  '図書館',
  '児童手当',
  '犬の登録',
  '水道料金',
  'パスポート',
  '保育園',
  '国民健康保険',
  '住民税',
  '固定資産税',
  '選挙',
  '引っ越し',
  '婚姻届',
  '出生届',
  '介護保険',
  '年金',
  '公園',
  '駐輪場',
  'ごみ収集日',
  '予防接種',
  '健康診断',
  '空き家',
  '道路の穴',
  '街灯',
  '防災無線',
  '避難所',
  'ハザードマップ',
  '市営住宅',
  '学童保育',
  '放課後児童クラブ',
  '給食費',
  '奨学金',
  '成人式',
  '敬老会',
  '献血',
  '犬の鳴き声',
  '騒音',
  '野焼き',
  'ハチの巣',
  'カラス',
];
const ASKS = [
  'について教えて',
  'はどこで申し込む？',
  'の手続き',
  'っていつ？',
  'の窓口はどこ',
  'を知りたい',
  'の料金は',
  'はネットでできる？',
  '',
  'の問い合わせ先',
  'の書類',
  'の締め切り',
];
const NOISE = ['', '？', '。', ' ', 'です', 'ですか？', 'を教えてください'];

/** The synthetic month, oldest first. */
async function synthesize(): Promise<QuestionLogInput[]> {
  const city = await loadCity(path.join(ROOT, 'faq'), CITY);
  const random = prng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const range = monthRange(MONTH);
  const span = range.to.getTime() - range.from.getTime();
  const unansweredTopics = Array.from({ length: 2000 }, (_, i) => {
    const t = TOPICS[i % TOPICS.length]!;
    return i < TOPICS.length * ASKS.length
      ? `${t}${ASKS[Math.floor(i / TOPICS.length) % ASKS.length]}`
      : `${t}${pick(ASKS)}（${i}）`;
  });
  const out: QuestionLogInput[] = [];
  const times = Array.from({ length: N }, () => range.from.getTime() + Math.floor(random() * span));
  times.sort((a, b) => a - b);
  for (let i = 0; i < N; i++) {
    const user = `uid:${Math.floor(random() * 20_000)
      .toString(16)
      .padStart(16, '0')}`;
    const at = new Date(times[i]!).toISOString();
    const r = random();
    if (r < 0.85) {
      const e = pick(city.entries);
      const q = pick([e.question, ...e.alt_questions]) + pick(NOISE);
      out.push({
        kind: 'question',
        at,
        city: CITY,
        user,
        query: q,
        verdict: r < 0.7 ? 'answered' : 'ambiguous',
        topId: e.id,
        score: 0.5 + random() / 2,
        ...(e.department ? { department: e.department } : {}),
      });
      if (random() < 0.07) {
        out.push({
          kind: 'feedback',
          at: new Date(times[i]! + 20_000).toISOString(),
          city: CITY,
          user,
          entryId: e.id,
          helpful: random() < 0.6,
          ...(e.department ? { department: e.department } : {}),
        });
      }
    } else {
      // Zipf-like: a few topics asked often, a long tail asked once or twice.
      const k = Math.min(unansweredTopics.length - 1, Math.floor(1 / (random() + 0.0005)) - 1);
      out.push({
        kind: 'question',
        at,
        city: CITY,
        user,
        query: unansweredTopics[k]! + pick(NOISE),
        verdict: 'no_answer',
        score: random() / 5,
      });
    }
  }
  return out;
}

async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

function cli(args: string[], env: Record<string, string>): Promise<{ ms: number; out: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve({ ms: performance.now() - t, out: bytes });
      else reject(new Error(`madoguchi ${args.join(' ')} exited ${code}`));
    });
  });
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const prefix = 'bench-report:';
  const clock = { now: () => new Date('2026-11-21T00:00:00Z') };
  const log = createRedisQuestionLog({ url: redis.url, prefix, clock, commandTimeoutMs: 30_000 });
  try {
    await log.ready();
    const records = await synthesize();
    const write = await time(async () => {
      for (let i = 0; i < records.length; i += 2000) {
        await Promise.all(records.slice(i, i + 2000).map((r) => log.append(r)));
      }
    });
    const questions = records.filter((r) => r.kind === 'question').length;
    console.log(
      `wrote ${records.length} records (${questions} questions) in ${write.ms.toFixed(0)} ms`,
    );

    const range = monthRange(MONTH);
    const read = await time(() => log.read(CITY, range.from, range.to));
    const city = await loadCity(path.join(ROOT, 'faq'), CITY);
    const byId = new Map(city.entries.map((e) => [e.id, e.question]));
    const build = await time(() =>
      buildMonthlyReport(read.value, {
        city: CITY,
        month: MONTH,
        entryQuestion: (id) => byId.get(id),
      }),
    );
    const md = await time(() => renderReportMarkdown(build.value, city.config?.name));
    const csv = await time(() => reportToCsv(build.value));
    const queue = await time(() => buildUnansweredQueue(read.value, { city: CITY }));
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix };
    const e2e = await cli(['report', '--city', CITY, '--month', MONTH], env);
    const e2eCsv = await cli(['report', '--city', CITY, '--month', MONTH, '--format', 'csv'], env);
    const queueCli = await cli(['unanswered', '--city', CITY, '--since', `${MONTH}-01`], {
      ...env,
    });
    const exportCli = await cli(['report', 'export', '--city', CITY, '--month', MONTH], env);

    // Live reload: the time a new komaki version takes to load and build (the old one answers).
    const tokenize = await loadTokenizer();
    const watcher = watchContent({
      dirs: [],
      load: async () => {
        const c = await loadCity(path.join(ROOT, 'faq'), CITY);
        return createBotContent({
          city: c.config!,
          entries: c.entries,
          synonyms: c.synonyms,
          tokenize,
        });
      },
    });
    await watcher.start();
    const reloads: number[] = [];
    for (let i = 0; i < 5; i++) reloads.push((await time(() => watcher.reload())).ms);
    watcher.close();
    reloads.sort((a, b) => a - b);

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const o = build.value.overall;
    const groups = o.unanswered.length;
    const body = `## Question-log report (\`npm run bench:report\`)

${environmentLine(ROOT)} · redis-server ${'7.0'}

A synthetic month of **${questions.toLocaleString('en-US')} questions** and ${(records.length - questions).toLocaleString('en-US')} feedback records for komaki
(${(o.answeredShare * 100).toFixed(0)} % answered, ${(o.ambiguousShare * 100).toFixed(0)} % ambiguous, ${(o.noAnswerShare * 100).toFixed(0)} % no answer over ~2,000 topics with
variants; 20,000 residents), written through the Redis \`QuestionLog\` (${s(write.ms)}, 2,000 appends in flight).

| step | time |
| --- | ---: |
| read the month from Redis (ZRANGEBYSCORE pages of 10,000, each record parsed by zod) | ${s(read.ms)} |
| figures overall and for ${build.value.departments.length} departments, unanswered grouped | ${s(build.ms)} |
| Markdown | ${s(md.ms)} |
| CSV | ${s(csv.ms)} |
| unanswered queue (feedback joined, grouped) | ${s(queue.ms)} |
| **\`madoguchi report --month ${MONTH}\`, fresh process, end to end** | **${s(e2e.ms)}** |
| \`madoguchi report --format csv\`, end to end | ${s(e2eCsv.ms)} |
| \`madoguchi unanswered --since ${MONTH}-01\`, end to end | ${s(queueCli.ms)} |
| \`madoguchi report export\` (CSV, ${(exportCli.out / 1e6).toFixed(1)} MB), end to end | ${s(exportCli.ms)} |

Target: a report of 100,000 questions in under 10 s. The overall list shows the top ${groups}
unanswered groups; ${queue.value.length.toLocaleString('en-US')} groups in the whole queue.

**Live reload** of the komaki pack (load the YAML, build the index; events keep using the
old version meanwhile): median ${reloads[2]!.toFixed(0)} ms, slowest ${reloads[4]!.toFixed(0)} ms of 5. The index build is synchronous
CPU work, so during that time this process's event loop is busy: webhook acks wait that long
once per reload.`;
    writeSection(path.join(ROOT, 'bench', 'RESULTS.md'), 'report', body);
    console.log(body);
  } finally {
    await log.close();
    await redis.stop();
  }
}

await main();

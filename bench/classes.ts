/**
 * `npm run bench:classes`: how fast スマホ教室 questions are answered, how large the carousel
 * gets, and how long a reminder run takes (and its rerun, which must send nothing), on the
 * shipped 小牧市 sample schedule at a fixed instant (Saturday 2026-11-21 15:00 JST). Memory
 * stores and a recording sender: this measures our code, not LINE or Redis.
 */
import { fileURLToPath } from 'node:url';
import { createRecordingSender, runClassReminders } from '../src/app/index.js';
import type { BotContent } from '../src/app/index.js';
import {
  createClassCatalog,
  findClasses,
  jstDay,
  parseClassQuery,
  slotOf,
} from '../src/classes/index.js';
import { loadCity, loadTemplates } from '../src/content/index.js';
import { handleTurn, initialDialogState } from '../src/dialog/index.js';
import { utf8Length } from '../src/messages/index.js';
import { createMemoryReminderStore } from '../src/store/reminders/index.js';
import { environmentLine, writeSection } from './lib/results-file.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = new Date('2026-11-21T06:00:00Z');
const QUESTIONS = [
  '来週のスマホ教室ある？',
  '予約いらない相談会',
  '次のスマホ教室いつ？',
  '味岡の近くでやってる？',
  '12月の土曜の教室',
  'スマホ教室って何をするの？',
  '住民票をコンビニで取りたい',
];
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const city = await loadCity(`${ROOT}faq`, 'komaki');
const catalog = createClassCatalog(city.classes, city.config!);
const templates = await loadTemplates();
const ctx = { today: jstDay(NOW), areas: catalog.areas, venues: catalog.venues };

// 1. Reading a question and matching the schedule.
const parse: number[] = [];
for (let i = 0; i < 20_000; i++) {
  const t = performance.now();
  const q = parseClassQuery(QUESTIONS[i % QUESTIONS.length]!, ctx);
  if (q) findClasses(catalog, q, NOW);
  parse.push(performance.now() - t);
}

// 2. A whole turn (views → Flex within limits) for the biggest answer.
const deps = {
  city: city.config!,
  search: () => ({ status: 'no_answer' as const, results: [] }),
  entry: () => undefined,
  now: NOW,
  templates,
  classes: catalog,
};
const turn: number[] = [];
let bytes = 0;
for (let i = 0; i < 500; i++) {
  const t = performance.now();
  const r = handleTurn(
    initialDialogState,
    { kind: 'text', text: '予約いらない相談会', source: 'user' },
    deps,
  );
  turn.push(performance.now() - t);
  const flex = r.replies.find((m) => m.type === 'flex');
  bytes = flex && 'contents' in flex ? utf8Length(JSON.stringify(flex.contents)) : 0;
}

// 3. A reminder run for N residents of one class, then its rerun.
const runs: string[] = [];
for (const n of [1_000, 5_000]) {
  const reminders = createMemoryReminderStore();
  const cls = catalog.byId('komaki-20261124-furatto')!;
  for (let i = 0; i < n; i++) {
    const reminder = {
      classId: cls.id,
      title: cls.title,
      registeredAt: NOW.toISOString(),
      slot: slotOf(cls),
      version: 1,
    };
    await reminders.add(`U${i.toString(16).padStart(32, '0')}`, reminder, 8);
  }
  const sender = createRecordingSender();
  const content = { city: city.config!, templates, classes: catalog } as unknown as BotContent;
  const job = {
    reminders,
    sender,
    clock: { now: () => new Date('2026-11-23T01:00:00Z') },
    logger: quiet,
    content: () => content,
  };
  let t = performance.now();
  const first = await runClassReminders(job);
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await runClassReminders(job);
  const againMs = performance.now() - t;
  runs.push(
    `| ${n.toLocaleString('en')} | ${firstMs.toFixed(0)} ms (${first.reminded} pushed) | ${againMs.toFixed(0)} ms (${again.reminded} pushed) | ${sender.sent.length} |`,
  );
}

const body = `## スマホ教室 (\`npm run bench:classes\`)

${environmentLine(ROOT)}

小牧市 sample schedule (${catalog.classes.length} classes), at Saturday 2026-11-21 15:00 JST.

| what | p50 | p99 | max |
| --- | --- | --- | --- |
| read a question + match the schedule (7 questions, 20,000 runs) | ${(percentile(parse, 0.5) * 1000).toFixed(0)} µs | ${(percentile(parse, 0.99) * 1000).toFixed(0)} µs | ${(Math.max(...parse) * 1000).toFixed(0)} µs |
| whole turn 「予約いらない相談会」 → 10-class Flex carousel (500 runs) | ${percentile(turn, 0.5).toFixed(2)} ms | ${percentile(turn, 0.99).toFixed(2)} ms | ${Math.max(...turn).toFixed(2)} ms |

The 10-class carousel is ${bytes.toLocaleString('en')} bytes (LINE allows 50,000).

Reminder runs (memory store, recording sender: the job's own cost; real pushes add LINE's
latency, eight at a time):

| reminders | first run | rerun (must send nothing) | pushes in all |
| --- | --- | --- | --- |
${runs.join('\n')}
`;
writeSection(`${ROOT}bench/RESULTS.md`, 'classes', body);
console.log(body);

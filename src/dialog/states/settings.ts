// 通知設定: the resident's topics, area and age band, and 配信停止. Buttons only; every change
// is confirmed in one short message and returned as a `settings` effect (the runtime saves it).
import { listCard, settingsCard, textView } from '../../messages/index.js';
import type { Choice, View } from '../../messages/index.js';
import { AGE_BANDS } from '../../schema/index.js';
import type { CityConfig, ResidentSettings } from '../../schema/index.js';
import { ageLabel, applyChange, cleanSettings, topicLabel } from '../../segments/index.js';
import type { SettingsChange } from '../../segments/index.js';
import type { Source, StepResult, Turn } from '../types.js';
import { baseQuick, humanChoice, menuChoice, settingsChoice } from '../choices.js';
import { encodeSettingsPostback as encode } from './settings-postback.js';
import type { SettingsPostback } from './settings-postback.js';

/** The list card shows at most 8 items; more areas go on further cards. */
const AREAS_PER_CARD = 8;
const NOT_ANSWERED = '答えていません';

const reply = (turn: Turn, views: View[], settings?: ResidentSettings): StepResult => ({
  views,
  next: turn.state,
  effects: settings ? [{ type: 'settings', settings }] : [],
});

const resumeChoice: Choice = {
  label: '配信を再開',
  postback: encode({ a: 'resume' }),
  displayText: '配信を再開',
};
const stopChoice: Choice = {
  label: '配信を停止する',
  postback: encode({ a: 'stop' }),
  displayText: '配信停止',
};

function topicChoice(label: string, id: string, chosen: boolean): Choice {
  return {
    label: chosen ? `✓ ${label}` : label,
    postback: encode({ a: 'set', topic: id, on: !chosen }),
    displayText: chosen ? `${label}を受け取らない` : `${label}を受け取る`,
  };
}

function topicsLine(city: CityConfig, s: ResidentSettings): string {
  const labels = s.topics.map((t) => topicLabel(city, t));
  return `受け取るお知らせ: ${labels.length ? labels.join('、') : 'なし（全員向けのお知らせだけ）'}`;
}

function statusText(s: ResidentSettings): string {
  if (s.stopped)
    return 'いまは配信を停止しています。お知らせは届きません（質問にはお答えします）。';
  if (s.topics.length === 0) return 'いまは、全員向けのお知らせだけが届きます。';
  return 'いまは、✓のお知らせと全員向けのお知らせが届きます。';
}

function settingsView(city: CityConfig, s: ResidentSettings): View {
  const area = city.areas.length
    ? [
        {
          label: '地区',
          value: s.area ?? NOT_ANSWERED,
          choice: { label: '地区を変える', postback: encode({ a: 'choose', what: 'area' }) },
        },
      ]
    : [];
  return settingsCard({
    title: '通知設定',
    intro:
      '受け取るお知らせを選んでください。押すたびに「受け取る」と「受け取らない」が切り替わります。',
    topics: city.topics.map((t) => {
      const chosen = s.topics.includes(t.id);
      return { label: t.label, chosen, choice: topicChoice(t.label, t.id, chosen) };
    }),
    rows: [
      ...area,
      {
        label: '年代',
        value: s.age ? ageLabel(s.age) : NOT_ANSWERED,
        choice: { label: '年代を変える', postback: encode({ a: 'choose', what: 'age' }) },
      },
    ],
    status: statusText(s),
    stop: s.stopped ? resumeChoice : stopChoice,
    buttons: [menuChoice],
    quick: [menuChoice, humanChoice()],
  });
}

function unavailable(turn: Turn): StepResult {
  const text =
    '通知設定を、いま読み込めませんでした。少し待ってから、もう一度「通知設定」を押してください。';
  return reply(turn, [textView(text, baseQuick())]);
}

/** Settings belong to one person: in a group or room the bot points to the 1:1 chat. */
function onlyInPrivate(turn: Turn): StepResult {
  const text = '通知設定は、窓口との1対1のトークで選べます。';
  return reply(turn, [textView(text)]);
}

function loaded(turn: Turn): ResidentSettings | undefined {
  return turn.deps.settings && cleanSettings(turn.deps.settings, turn.deps.city);
}

/** 「通知設定」: the card with the current settings (this is also 「今の設定を見る」). */
export function settings(turn: Turn, source: Source = 'user'): StepResult {
  if (source !== 'user') return onlyInPrivate(turn);
  const current = loaded(turn);
  if (!current) return unavailable(turn);
  return reply(turn, [settingsView(turn.deps.city, current)]);
}

function chooser(turn: Turn, what: 'area' | 'age', current: ResidentSettings): StepResult {
  const mark = (label: string, on: boolean) => (on ? `${label} ✓` : label);
  const back: Choice = { ...settingsChoice, label: '通知設定にもどる' };
  const none: Choice = {
    label: '答えない',
    postback: encode(
      what === 'area' ? { a: 'set', area: undefined } : { a: 'set', age: undefined },
    ),
    displayText: what === 'area' ? '地区は答えない' : '年代は答えない',
  };
  const items: Choice[] =
    what === 'area'
      ? turn.deps.city.areas.map((a) => ({
          label: mark(a, current.area === a),
          postback: encode({ a: 'set', area: a }),
          displayText: `地区: ${a}`,
        }))
      : AGE_BANDS.map((b) => ({
          label: mark(b.label, current.age === b.id),
          postback: encode({ a: 'set', age: b.id }),
          displayText: `年代: ${b.label}`,
        }));
  const pages: Choice[][] = [];
  for (let i = 0; i < items.length; i += AREAS_PER_CARD) {
    pages.push(items.slice(i, i + AREAS_PER_CARD));
  }
  const title = what === 'area' ? '地区を選んでください' : '年代を選んでください';
  const intro =
    what === 'area'
      ? 'お住まいの地区を押してください。その地区あてのお知らせも届くようになります。'
      : '年代を押してください。年代あてのお知らせ（健診、子育てなど）が届くようになります。';
  const views = pages.slice(0, 4).map((page, i, all) =>
    listCard('topic', {
      title: all.length > 1 ? `${title}（${i + 1}/${all.length}）` : title,
      intro,
      items: page,
      ...(i === all.length - 1 ? { buttons: [none, back] } : {}),
      quick: [back, menuChoice],
    }),
  );
  return reply(turn, views);
}

/** A short confirmation of what changed, with the way back to the card. */
function confirm(turn: Turn, lines: string[], next: ResidentSettings): StepResult {
  const quick = next.stopped
    ? [resumeChoice, settingsChoice, menuChoice]
    : [settingsChoice, menuChoice, humanChoice()];
  const text = [...lines, ...(next.stopped ? ['いまは配信停止中です。再開すると届きます。'] : [])];
  return reply(turn, [textView(text.join('\n'), quick)], next);
}

function changeOf(tap: SettingsPostback): SettingsChange | undefined {
  if (tap.a === 'stop' || tap.a === 'resume') return { kind: tap.a };
  if (tap.a !== 'set') return undefined;
  if ('topic' in tap) return { kind: 'topic', topic: tap.topic, on: tap.on };
  if ('area' in tap)
    return tap.area === undefined ? { kind: 'area' } : { kind: 'area', area: tap.area };
  return tap.age === undefined ? { kind: 'age' } : { kind: 'age', age: tap.age };
}

/** A tap on a settings button: open a chooser, or change one thing and confirm it. */
export function settingsTap(turn: Turn, tap: SettingsPostback, source: Source): StepResult {
  if (source !== 'user') return onlyInPrivate(turn);
  const current = loaded(turn);
  if (!current) return unavailable(turn);
  const { city } = turn.deps;
  if (tap.a === 'choose') return chooser(turn, tap.what, current);
  const change = changeOf(tap);
  // A topic or area the city no longer offers (an old card): show what can be chosen now.
  if (
    !change ||
    (change.kind === 'topic' && !city.topics.some((t) => t.id === change.topic)) ||
    (change.kind === 'area' && change.area !== undefined && !city.areas.includes(change.area))
  ) {
    return reply(turn, [settingsView(city, current)]);
  }
  const next = applyChange(current, change, city);
  switch (change.kind) {
    case 'topic': {
      const label = topicLabel(city, change.topic);
      const first = change.on
        ? `「${label}」のお知らせを受け取ります。`
        : `「${label}」のお知らせは、受け取らないようにしました。`;
      return confirm(turn, [first, topicsLine(city, next)], next);
    }
    case 'area':
      return confirm(
        turn,
        [change.area ? `地区を「${change.area}」にしました。` : '地区は「答えない」にしました。'],
        next,
      );
    case 'age':
      return confirm(
        turn,
        [
          change.age
            ? `年代を「${ageLabel(change.age)}」にしました。`
            : '年代は「答えない」にしました。',
        ],
        next,
      );
    case 'stop':
      return reply(
        turn,
        [
          textView(
            'お知らせの配信を止めました。質問には、これまでどおりお答えします。\n再開するときは「配信を再開」を押してください。',
            [resumeChoice, settingsChoice, menuChoice],
          ),
        ],
        next,
      );
    case 'resume':
      return confirm(turn, ['お知らせの配信を再開しました。', topicsLine(city, next)], next);
  }
}

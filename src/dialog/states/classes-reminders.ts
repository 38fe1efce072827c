// 「前日に通知」: register a reminder, list them (「通知の確認」), cancel one (with 元に戻す). The
// runtime loads the resident's reminders for these turns only and saves a change before replying.
import {
  canRegister,
  classFormat,
  jstDay,
  jstInstant,
  MAX_REMINDERS,
  reminderAt,
  slotOf,
} from '../../classes/index.js';
import { listCard, textView, type Choice } from '../../messages/index.js';
import type { ClassReminder } from '../../schema/index.js';
import type { StepResult, Turn, TurnInput } from '../types.js';
import { menuChoice } from '../choices.js';
import { encodeClassPostback } from './classes-postback.js';
import {
  catalogCards,
  classCardItem,
  classQuick,
  joinChoices,
  nextClassesChoice,
  remindersChoice,
} from './classes-view.js';

const { formatDay, formatTimes, formatWhen } = classFormat;

const reply = (turn: Turn, text: string, quick: Choice[], effects: StepResult['effects'] = []) => ({
  views: [textView(text, quick)],
  next: { ...turn.state, candidates: [] },
  effects,
});

function oneToOneOnly(turn: Turn): StepResult {
  return reply(
    turn,
    '前日の通知の登録と確認は、窓口と1対1のトークでできます。窓口のアカウントを開いて、もう一度押してください。',
    [menuChoice],
  );
}

function unavailable(turn: Turn): StepResult {
  return reply(
    turn,
    'ごめんなさい。いま通知の登録を読み込めませんでした。少し待ってから、もう一度お試しください。',
    [remindersChoice, menuChoice],
  );
}

const undoChoice = (classId: string): Choice => ({
  label: '元に戻す',
  postback: encodeClassPostback({ a: 'rem', classId }),
  displayText: '通知を元に戻す',
});

const cancelChoice = (r: Pick<ClassReminder, 'classId' | 'title'>, label = '通知を取り消す') => ({
  label,
  postback: encodeClassPostback({ a: 'unrem', classId: r.classId }),
  displayText: `「${r.title}」の通知を取り消す`,
});

/** 「前日に通知」 was tapped. */
export function registerReminder(
  turn: Turn,
  classId: string,
  source: TurnInput['source'],
): StepResult {
  if (source !== 'user') return oneToOneOnly(turn);
  const { deps } = turn;
  const c = deps.classes?.byId(classId);
  const today = jstDay(deps.now);
  switch (canRegister(c, deps.now)) {
    case 'not-found':
      return reply(
        turn,
        'その教室は、いまの予定には見つかりませんでした。予定が変わったのかもしれません。',
        [nextClassesChoice, menuChoice],
      );
    case 'cancelled':
      return reply(turn, `「${c!.title}」（${formatWhen(c!, today)}）は中止になりました。`, [
        nextClassesChoice,
        menuChoice,
      ]);
    case 'past':
      return reply(turn, `「${c!.title}」は、もう始まっているか終わっています。`, [
        nextClassesChoice,
        menuChoice,
      ]);
    case 'too-late': {
      const text =
        '通知は教室の前の日の10時ごろにお送りしています。この教室はその時刻を過ぎたため、通知は登録できません。日時と会場をもう一度お見せします。';
      const card = catalogCards(deps.classes, {
        altText: c!.title,
        items: [classCardItem(c!, { today, now: deps.now, buttons: joinChoices(c!) })],
        quick: classQuick(),
      });
      return {
        views: [textView(text), card],
        next: { ...turn.state, candidates: [] },
        effects: [],
      };
    }
    case 'ok':
      break;
  }
  const cls = c!;
  if (!deps.reminders) return unavailable(turn);
  if (deps.reminders.some((r) => r.classId === classId)) {
    return reply(
      turn,
      `「${cls.title}」（${formatWhen(cls, today)}）の通知は、もう登録しています。`,
      [remindersChoice, cancelChoice({ classId, title: cls.title }), menuChoice],
    );
  }
  if (deps.reminders.length >= MAX_REMINDERS) {
    return reply(
      turn,
      `通知は${MAX_REMINDERS}件まで登録できます。終わった教室の通知は自動で消えます。いらない通知を取り消してから、もう一度押してください。`,
      [remindersChoice, menuChoice],
    );
  }
  const when = reminderAt(cls);
  const text = [
    `「${cls.title}」（${formatWhen(cls, today)}、${cls.venue.name}）の通知を登録しました。`,
    `前の日の${formatDay(jstDay(when), today)} 10時ごろに、LINEでお知らせします。`,
    '日時や会場が変わったり中止になったりしたときも、お知らせします。',
  ].join('\n');
  return reply(
    turn,
    text,
    [remindersChoice, cancelChoice({ classId, title: cls.title }), menuChoice],
    [{ type: 'remind', classId, title: cls.title, slot: slotOf(cls) }],
  );
}

/** A 「取り消す」 tap. */
export function cancelReminder(
  turn: Turn,
  classId: string,
  source: TurnInput['source'],
): StepResult {
  if (source !== 'user') return oneToOneOnly(turn);
  const { deps } = turn;
  if (!deps.reminders) return unavailable(turn);
  const r = deps.reminders.find((x) => x.classId === classId);
  if (!r) {
    return reply(turn, 'その通知は登録されていません（取り消し済みか、教室が終わっています）。', [
      remindersChoice,
      menuChoice,
    ]);
  }
  const today = jstDay(deps.now);
  return reply(
    turn,
    `「${r.title}」（${formatDay(r.slot.date, today)}）の通知を取り消しました。`,
    [undoChoice(classId), remindersChoice, menuChoice],
    [{ type: 'unremind', classId }],
  );
}

/** 「通知の確認」: the registered reminders, each a button that cancels it. */
export function listReminders(turn: Turn, source: TurnInput['source']): StepResult {
  if (source !== 'user') return oneToOneOnly(turn);
  const { deps } = turn;
  if (!deps.reminders) return unavailable(turn);
  const t = deps.now.getTime();
  const today = jstDay(deps.now);
  const live = deps.reminders
    .filter((r) => jstInstant(r.slot.date, r.slot.end).getTime() > t)
    .sort((a, b) =>
      `${a.slot.date} ${a.slot.start}`.localeCompare(`${b.slot.date} ${b.slot.start}`),
    );
  if (live.length === 0) {
    return reply(
      turn,
      'いま登録している通知はありません。スマホ教室の一覧で「前日に通知」を押すと、前の日にお知らせします。',
      [nextClassesChoice, menuChoice],
    );
  }
  const view = listCard('topic', {
    title: '登録している通知',
    intro: `${live.length}件あります。教室の前の日の10時ごろにお知らせします。取り消すときは、その教室を押してください。`,
    items: live.map((r) =>
      cancelChoice(
        r,
        `取り消す：${formatDay(r.slot.date, today)} ${formatTimes(r.slot.start, r.slot.end)} ${r.title}`,
      ),
    ),
    buttons: [nextClassesChoice, menuChoice],
    quick: classQuick().filter((c) => c !== remindersChoice),
  });
  return { views: [view], next: { ...turn.state, candidates: [] }, effects: [] };
}

/**
 * Validating the Flex templates at start-up: every template must exist, parse, and, filled with
 * worst-case values (long titles, long answers, many buttons), stay within LINE's limits.
 */
import { FlexTemplateSchema } from '../schema/template.js';
import type { Problem } from '../errors.js';
import type { TemplateSet } from './render.js';
import { renderFlex } from './render.js';
import { TEMPLATE_NAMES, type Choice, type TemplateName, type View } from './view.js';
import { answerCard, infoCard, listCard } from './cards.js';
import { SETTINGS_MAX_TOPICS, settingsCard } from './settings.js';
import { CLASS_CARDS_MAX, classCards } from './classes.js';
import { checkMessages } from './limits.js';

/** Parses raw template files (name → parsed JSON); every problem is named with its file. */
export function parseTemplateSet(
  files: Readonly<Record<string, unknown>>,
  dir = 'flex-templates',
): { set?: TemplateSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const set: Partial<Record<TemplateName, TemplateSet[TemplateName]>> = {};
  for (const name of TEMPLATE_NAMES) {
    const file = `${dir}/${name}.json`;
    if (!(name in files)) {
      problems.push({ file, message: 'template file is missing', severity: 'error' });
      continue;
    }
    const parsed = FlexTemplateSchema.safeParse(files[name]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file,
          field: issue.path.join('.'),
          message: issue.message,
          severity: 'error',
        });
      }
      continue;
    }
    set[name] = parsed.data;
  }
  if (problems.length > 0) return { problems };
  const full = set as TemplateSet;
  return { set: full, problems: checkTemplateSet(full, dir) };
}

const long = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const postback = (label: string, i: number): Choice => ({
  label,
  postback: `a=show&id=${long('x', 190)}${i}`,
  displayText: long('質問', 300),
});

/** The harshest views the dialog can produce, one per template. */
export function worstCaseViews(): Record<TemplateName, View> {
  const question = long('マイナンバーカードの電子証明書の更新手続き', 400);
  const buttons = Array.from({ length: 8 }, (_, i) => postback(long('ボタン', 60), i));
  const items = Array.from({ length: 10 }, (_, i) => postback(question, i));
  const info = {
    title: question,
    text: long('説明の文です。', 6000),
    note: long('注意', 300),
    buttons,
  };
  return {
    answer: answerCard({
      title: question,
      answer: long('住民票の写しはコンビニで取れます。', 6000),
      badge: '計画中',
      asOf: '2024年3月時点の情報です',
      note: long('この情報は古くなっている可能性があります。', 200),
      department: long('市民窓口課', 100),
      contact: long('市民窓口課（市役所1階）', 300),
      links: Array.from({ length: 5 }, (_, i) => ({
        label: long('案内', 60),
        url: `https://example.lg.jp/${long('a', 900)}${i}`,
      })),
      helpful: postback('役に立った', 1),
      unhelpful: postback('役に立たなかった', 2),
    }),
    candidates: listCard('candidates', {
      title: question,
      intro: long('もしかして', 300),
      items,
      buttons,
    }),
    topic: listCard('topic', { title: question, intro: long('よくある質問', 300), items, buttons }),
    fallback: infoCard('fallback', info),
    greeting: infoCard('greeting', info),
    help: infoCard('help', info),
    settings: settingsCard({
      title: question,
      intro: long('受け取るお知らせ', 400),
      // Settings postbacks are short (`a=set&topic=<≤32 chars>&on=1`); labels come from city.yaml.
      topics: Array.from({ length: SETTINGS_MAX_TOPICS + 2 }, (_, i) => ({
        label: long('お知らせの種類', 60),
        chosen: i % 2 === 0,
        choice: {
          label: long('種類', 60),
          postback: `a=set&topic=${long('x', 32)}&on=1`,
          displayText: long('種類を受け取らない', 60),
        },
      })),
      rows: [0, 1].map((i) => ({
        label: long('地区', 60),
        value: long('上吉影', 60),
        choice: postback(long('変える', 60), i),
      })),
      status: long('配信を停止しています。', 400),
      stop: postback(long('配信停止', 60), 9),
      buttons,
    }),
    classes: classCards({
      altText: long('スマホ教室', 600),
      note: long('見本の日程です。', 300),
      items: Array.from({ length: CLASS_CARDS_MAX + 2 }, (_, i) => ({
        kind: long('ふらっと相談会', 40),
        badge: long('開催中', 60),
        title: question,
        when: long('2027年12月28日(火) 13:30〜15:30', 80),
        venue: long('第1老人福祉センター（中部）', 200),
        join: long('電話で申し込み 0568-76-1113（前の週の金曜日まで）', 300),
        target: long('スマホ初心者、高齢の方', 200),
        topics: long('LINEの使い方、マイナンバーカード', 300),
        capacity: long('20人', 40),
        fee: long('500円（テキスト代）', 80),
        partner: long('名古屋大学情報学研究科', 100),
        notes: long('予約はいりません。', 400),
        // Class postbacks are short (`a=rem&c=<class id, ≤ 80>`); long links stay out of cards.
        buttons: [
          {
            label: long('前日に通知', 60),
            postback: `a=rem&c=${long('x', 80)}`,
            displayText: long('通知', 300),
          },
          { label: long('電話で申し込む', 60), uri: `tel:${long('0', 30)}` },
          { label: long('申込みフォーム', 60), uri: `https://example.lg.jp/${long('a', 270)}${i}` },
          { label: long('通知の確認', 60), postback: 'a=rems' },
        ],
      })),
    }),
  };
}

/** Fills every template with worst-case values and reports each LINE limit it would break. */
export function checkTemplateSet(set: TemplateSet, dir = 'flex-templates'): Problem[] {
  const problems: Problem[] = [];
  const views = worstCaseViews();
  for (const name of TEMPLATE_NAMES) {
    const file = `${dir}/${name}.json`;
    try {
      const message = renderFlex(views[name], set[name]);
      for (const p of checkMessages([message])) {
        problems.push({ file, field: p.path, message: p.message, severity: 'error' });
      }
    } catch (err) {
      problems.push({
        file,
        message: err instanceof Error ? err.message : String(err),
        severity: 'error',
      });
    }
  }
  return problems;
}

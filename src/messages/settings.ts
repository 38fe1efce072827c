/**
 * The 通知設定 card: one large row per topic (✓ when chosen; a tap switches it), a row for the
 * area and one for the age band (a tap opens the choices), the delivery status and the
 * 配信停止／再開 button. Flex from `flex-templates/settings.json`, or the same as plain text.
 */
import type { Choice, View } from './view.js';
import { toAction } from './view.js';
import { LINE_LIMITS } from './limits.js';
import { clampUtf16 } from './fit.js';

/** More rows would make the card too long to scroll for the readers it is meant for. */
export const SETTINGS_MAX_TOPICS = 12;
const TITLE_MAX = 100;
const LABEL_MAX = 40;
const TEXT_MAX = 300;

export interface SettingsTopicRow {
  label: string;
  chosen: boolean;
  /** What a tap does (switch the topic on or off). */
  choice: Choice;
}

export interface SettingsValueRow {
  /** 「地区」, 「年代」. */
  label: string;
  /** The current value, or 「答えていません」. */
  value: string;
  /** Opens the choices. */
  choice: Choice;
}

export interface SettingsCardInput {
  title: string;
  intro: string;
  topics: readonly SettingsTopicRow[];
  rows: readonly SettingsValueRow[];
  /** 「いまは、お知らせを受け取っています。」 or the 配信停止 notice. */
  status: string;
  /** 配信停止, or 配信を再開 while stopped. */
  stop: Choice;
  buttons?: readonly Choice[];
  quick?: Choice[];
}

const action = (c: Choice) => toAction(c, LINE_LIMITS.flexButtonLabel);

/** The settings card (template `settings`). */
export function settingsCard(s: SettingsCardInput): View {
  const topics = s.topics.slice(0, SETTINGS_MAX_TOPICS);
  const title = clampUtf16(s.title, TITLE_MAX);
  const intro = clampUtf16(s.intro, TEXT_MAX);
  const status = clampUtf16(s.status, TEXT_MAX);
  const buttons = (s.buttons ?? []).slice(0, 3);
  return {
    template: 'settings',
    values: {
      title,
      intro,
      topics: topics.map((t) => ({
        label: clampUtf16(t.label, LABEL_MAX),
        chosen: t.chosen,
        unchosen: !t.chosen,
        action: action(t.choice),
      })),
      rows: s.rows.map((r) => ({
        label: clampUtf16(r.label, LABEL_MAX),
        value: clampUtf16(r.value, LABEL_MAX),
        action: action(r.choice),
      })),
      status,
      stop: action(s.stop),
      buttons: buttons.map((b) => ({ action: action(b) })),
    },
    altText: clampUtf16(title, LINE_LIMITS.altText),
    text: [
      title,
      intro,
      '',
      ...topics.map((t) => `${t.chosen ? '✓' : '□'} ${clampUtf16(t.label, LABEL_MAX)}`),
      '',
      ...s.rows.map((r) => `${r.label}: ${r.value}`),
      '',
      status,
    ].join('\n'),
    // Text form: the rows become quick replies (the switches first, at most 13 in all).
    choices: [...topics.map((t) => t.choice), ...s.rows.map((r) => r.choice), s.stop, ...buttons],
    quick: s.quick ?? [],
  };
}

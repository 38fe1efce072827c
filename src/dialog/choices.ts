// The buttons every reply reuses: topics, menu, help, a way to a person.
import type { Choice } from '../messages/index.js';
import { encodePostback } from './postback.js';
import { TOPICS } from './topics.js';

export const topicChoices = (): Choice[] =>
  TOPICS.map((t) => ({
    label: t.label,
    postback: encodePostback({ a: 'topic', topic: t.id }),
    displayText: t.label,
  }));

export const menuChoice: Choice = {
  label: 'メニュー',
  postback: encodePostback({ a: 'menu' }),
  displayText: 'メニュー',
};
export const helpChoice: Choice = {
  label: '使い方',
  postback: encodePostback({ a: 'help' }),
  displayText: '使い方',
};
export const settingsChoice: Choice = {
  label: '通知設定',
  postback: encodePostback({ a: 'settings' }),
  displayText: '通知設定',
};

/** 「人と話したい」: always offered, so a resident is never stuck with the bot. */
export function humanChoice(entryId?: string): Choice {
  return {
    label: '人と話したい',
    postback: encodePostback(entryId ? { a: 'contact', id: entryId } : { a: 'contact' }),
    displayText: '人と話したい',
  };
}

/** The quick replies under most messages. */
export function baseQuick(entryId?: string): Choice[] {
  return [menuChoice, humanChoice(entryId), helpChoice];
}

/** A button that opens an entry (a candidate, a related question, a topic question). */
export function showChoice(id: string, question: string): Choice {
  return { label: question, postback: encodePostback({ a: 'show', id }), displayText: question };
}

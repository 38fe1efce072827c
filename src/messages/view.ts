/** What the dialog wants to say, before it becomes a LINE message (Flex or plain text). */
import type { messagingApi } from '@line/bot-sdk';
import type { TemplateValues } from './template.js';
import { LINE_LIMITS } from './limits.js';
import { clampLabel, clampUtf16 } from './fit.js';

/** The Flex templates in `flex-templates/`, by file name. */
export const TEMPLATE_NAMES = [
  'answer',
  'candidates',
  'topic',
  'fallback',
  'greeting',
  'help',
  'settings',
  'classes',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Something a resident can tap: a postback, a link or a message typed for them. */
export type Choice =
  | { label: string; postback: string; displayText?: string }
  | { label: string; uri: string }
  | { label: string; message: string };

/**
 * One reply message. With templates it is the Flex `template` filled with `values`; without them
 * (or if the Flex would break a LINE limit) it is `text`, with `choices` then `quick` as quick
 * replies.
 */
export interface View {
  template?: TemplateName;
  values?: TemplateValues;
  altText: string;
  text: string;
  choices?: Choice[];
  quick?: Choice[];
}

/** Turns a choice into a LINE action whose label fits `labelMax` (40 in Flex, 20 in quick replies). */
export function toAction(choice: Choice, labelMax: number): messagingApi.Action {
  const label = clampLabel(choice.label, labelMax);
  if ('postback' in choice) {
    return {
      type: 'postback',
      label,
      data: choice.postback,
      displayText: clampUtf16(choice.displayText ?? choice.label, LINE_LIMITS.displayText),
    };
  }
  if ('uri' in choice) return { type: 'uri', label, uri: choice.uri };
  return {
    type: 'message',
    label,
    text: clampUtf16(choice.message, LINE_LIMITS.messageActionText),
  };
}

/** Quick reply items for `choices`: at most 13, duplicates (same label) dropped. */
export function toQuickReply(choices: readonly Choice[]): messagingApi.QuickReply | undefined {
  const seen = new Set<string>();
  const items: messagingApi.QuickReplyItem[] = [];
  for (const c of choices) {
    if (seen.has(c.label) || items.length >= LINE_LIMITS.quickReplyItems) continue;
    seen.add(c.label);
    items.push({ type: 'action', action: toAction(c, LINE_LIMITS.quickReplyLabel) });
  }
  return items.length > 0 ? { items } : undefined;
}

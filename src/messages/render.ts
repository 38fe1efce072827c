/** Turns views into LINE messages: Flex from templates, or plain text, always within limits. */
import type { messagingApi } from '@line/bot-sdk';
import type { FlexTemplate } from '../schema/template.js';
import type { TemplateName, View } from './view.js';
import { toQuickReply } from './view.js';
import { fillTemplate } from './template.js';
import { LINE_LIMITS, checkMessages } from './limits.js';
import { clampUtf16 } from './fit.js';

/** The loaded Flex templates, one per name (see `flex-templates/`). */
export type TemplateSet = Readonly<Record<TemplateName, FlexTemplate>>;

/** Fills a view's Flex template (no limit checks). */
export function renderFlex(view: View, template: FlexTemplate): messagingApi.FlexMessage {
  const values = { ...view.values, altText: view.altText };
  const altText = String(fillTemplate(template.altText, values) ?? view.altText);
  return {
    type: 'flex',
    altText: clampUtf16(altText || view.altText, LINE_LIMITS.altText),
    contents: fillTemplate(template.contents, values) as messagingApi.FlexContainer,
  };
}

/** The plain-text form of a view: its text, with its choices as quick replies. */
export function renderText(view: View): messagingApi.TextMessage {
  const quickReply = toQuickReply([...(view.choices ?? []), ...(view.quick ?? [])]);
  return {
    type: 'text',
    text: clampUtf16(view.text || view.altText, LINE_LIMITS.textUtf16),
    ...(quickReply ? { quickReply } : {}),
  };
}

/**
 * Renders one view. With templates, the Flex form; if that would break a LINE limit (or a
 * template fails), the text form, so a reply is never refused by LINE.
 */
export function renderView(view: View, templates?: TemplateSet): messagingApi.Message {
  const template = view.template && templates?.[view.template];
  if (template) {
    try {
      const quickReply = toQuickReply(view.quick ?? []);
      const flex: messagingApi.FlexMessage = {
        ...renderFlex(view, template),
        ...(quickReply ? { quickReply } : {}),
      };
      if (checkMessages([flex]).length === 0) return flex;
    } catch {
      // A broken template was already reported at start-up (checkTemplateSet); answer in text.
    }
  }
  return renderText(view);
}

/**
 * Renders a whole reply: at most 5 messages, quick replies only on the last one (LINE shows only
 * that one's), every message within limits.
 */
export function renderReplies(
  views: readonly View[],
  templates?: TemplateSet,
): messagingApi.Message[] {
  const kept = views.slice(0, LINE_LIMITS.messagesPerReply);
  return kept.map((v, i) => {
    const last = i === kept.length - 1;
    return renderView(last ? v : { ...v, quick: [] }, templates);
  });
}

/**
 * LINE's message limits and a checker that names every breach. Sources: Messaging API reference
 * (#text-message, #flex-message, #bubble, #f-carousel, #items-object, #postback-action,
 * #message-action, #uri-action, #action-object-label-spec), as summarised in
 * shared/reference/line-platform-and-libraries.md §2.2 and §2.8.
 */
import type { messagingApi } from '@line/bot-sdk';

export const LINE_LIMITS = {
  /** Message objects per reply or push. */
  messagesPerReply: 5,
  /** Text message, in UTF-16 code units. */
  textUtf16: 5000,
  altText: 400,
  /** One bubble's JSON ("30 KB"; read as 30,000 bytes to stay on the safe side). */
  bubbleBytes: 30_000,
  carouselBytes: 50_000,
  carouselBubbles: 12,
  quickReplyItems: 13,
  /** Labels are counted in grapheme clusters. */
  quickReplyLabel: 20,
  flexButtonLabel: 40,
  richMenuLabel: 20,
  postbackData: 300,
  displayText: 300,
  messageActionText: 300,
  uri: 1000,
} as const;

/** One breach of a limit, with a JSON-path-like place. */
export interface LimitProblem {
  path: string;
  message: string;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** The grapheme clusters of `s`, read lazily (a cut may stop early). */
export function graphemeSegments(s: string): Intl.Segments {
  return segmenter.segment(s);
}

/** Counts grapheme clusters, the unit LINE uses for labels. */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string, the unit of Flex size limits. */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one action object (postback, message, uri …) with the label limit of its place. */
export function checkAction(
  action: unknown,
  labelMax: number,
  path: string,
  labelRequired = true,
): LimitProblem[] {
  const out: LimitProblem[] = [];
  if (!isObject(action)) return [{ path, message: 'action must be an object' }];
  const label = action['label'];
  if (typeof label === 'string') {
    if (label.length > labelMax && graphemeLength(label) > labelMax)
      out.push({ path: `${path}.label`, message: `label longer than ${labelMax}: "${label}"` });
    if (label.length === 0) out.push({ path: `${path}.label`, message: 'label is empty' });
  } else if (labelRequired) {
    out.push({ path: `${path}.label`, message: 'label is required' });
  }
  const over = (field: string, max: number) => {
    const v = action[field];
    if (typeof v === 'string' && v.length > max)
      out.push({ path: `${path}.${field}`, message: `${field} longer than ${max} (${v.length})` });
  };
  switch (action['type']) {
    case 'postback':
      if (typeof action['data'] !== 'string' || action['data'] === '')
        out.push({ path: `${path}.data`, message: 'postback data is required' });
      over('data', LINE_LIMITS.postbackData);
      over('displayText', LINE_LIMITS.displayText);
      break;
    case 'message':
      if (typeof action['text'] !== 'string' || action['text'] === '')
        out.push({ path: `${path}.text`, message: 'message text is required' });
      over('text', LINE_LIMITS.messageActionText);
      break;
    case 'uri': {
      const uri = action['uri'];
      if (typeof uri !== 'string' || !/^(https?|line|tel):/.test(uri))
        out.push({ path: `${path}.uri`, message: 'uri must be http(s), line: or tel:' });
      over('uri', LINE_LIMITS.uri);
      break;
    }
    default:
      break;
  }
  return out;
}

function walkFlex(node: unknown, path: string, out: LimitProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walkFlex(n, `${path}[${i}]`, out));
    return;
  }
  if (!isObject(node)) return;
  if (
    node['type'] === 'text' &&
    !('contents' in node) &&
    (typeof node['text'] !== 'string' || node['text'] === '')
  ) {
    out.push({ path: `${path}.text`, message: 'a Flex text must not be empty' });
  }
  if (node['type'] === 'box' && Array.isArray(node['contents']) && node['contents'].length === 0) {
    out.push({ path: `${path}.contents`, message: 'a Flex box must not be empty' });
  }
  if ('action' in node) {
    out.push(
      ...checkAction(
        node['action'],
        LINE_LIMITS.flexButtonLabel,
        `${path}.action`,
        node['type'] === 'button',
      ),
    );
  }
  for (const [k, v] of Object.entries(node)) if (k !== 'action') walkFlex(v, `${path}.${k}`, out);
}

function checkFlex(message: messagingApi.FlexMessage, path: string, out: LimitProblem[]): void {
  if (!message.altText) out.push({ path: `${path}.altText`, message: 'altText is required' });
  else if (message.altText.length > LINE_LIMITS.altText)
    out.push({
      path: `${path}.altText`,
      message: `altText longer than ${LINE_LIMITS.altText} (${message.altText.length})`,
    });
  const contents = message.contents as unknown as Json;
  const bytes = utf8Length(JSON.stringify(contents));
  if (contents['type'] === 'carousel') {
    const bubbles = Array.isArray(contents['contents']) ? contents['contents'] : [];
    if (bubbles.length > LINE_LIMITS.carouselBubbles)
      out.push({
        path: `${path}.contents`,
        message: `carousel has ${bubbles.length} bubbles (max ${LINE_LIMITS.carouselBubbles})`,
      });
    if (bytes > LINE_LIMITS.carouselBytes)
      out.push({
        path: `${path}.contents`,
        message: `carousel is ${bytes} bytes (max ${LINE_LIMITS.carouselBytes})`,
      });
    bubbles.forEach((b, i) => {
      const size = utf8Length(JSON.stringify(b));
      if (size > LINE_LIMITS.bubbleBytes)
        out.push({
          path: `${path}.contents.contents[${i}]`,
          message: `bubble is ${size} bytes (max ${LINE_LIMITS.bubbleBytes})`,
        });
    });
  } else if (bytes > LINE_LIMITS.bubbleBytes) {
    out.push({
      path: `${path}.contents`,
      message: `bubble is ${bytes} bytes (max ${LINE_LIMITS.bubbleBytes})`,
    });
  }
  walkFlex(contents, `${path}.contents`, out);
}

/** Every way `messages` (one reply) would be refused by LINE; empty when it is fine. */
export function checkMessages(messages: readonly messagingApi.Message[]): LimitProblem[] {
  const out: LimitProblem[] = [];
  if (messages.length > LINE_LIMITS.messagesPerReply)
    out.push({
      path: 'messages',
      message: `${messages.length} messages (max ${LINE_LIMITS.messagesPerReply})`,
    });
  messages.forEach((m, i) => {
    const path = `messages[${i}]`;
    if (m.type === 'text') {
      const text = (m as messagingApi.TextMessage).text;
      if (!text) out.push({ path: `${path}.text`, message: 'text is empty' });
      else if (text.length > LINE_LIMITS.textUtf16)
        out.push({
          path: `${path}.text`,
          message: `text longer than ${LINE_LIMITS.textUtf16} UTF-16 units (${text.length})`,
        });
    } else if (m.type === 'flex') {
      checkFlex(m as messagingApi.FlexMessage, path, out);
    }
    const items = m.quickReply?.items ?? [];
    if (items.length > LINE_LIMITS.quickReplyItems)
      out.push({
        path: `${path}.quickReply.items`,
        message: `${items.length} quick replies (max ${LINE_LIMITS.quickReplyItems})`,
      });
    items.forEach((item, j) =>
      out.push(
        ...checkAction(
          item.action,
          LINE_LIMITS.quickReplyLabel,
          `${path}.quickReply.items[${j}].action`,
        ),
      ),
    );
  });
  return out;
}

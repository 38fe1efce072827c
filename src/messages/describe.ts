/**
 * LINE messages as a person reads them, in plain text: texts in order, every button and tappable
 * box numbered, quick replies last. Used by `madoguchi chat` and by tests that assert what a
 * resident sees.
 */
import type { messagingApi } from '@line/bot-sdk';

/** A numbered thing to tap, with the action LINE would send. */
export interface Tap {
  number: number;
  label: string;
  action: messagingApi.Action;
}

export interface Described {
  lines: string[];
  taps: Tap[];
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function textOf(node: Node): string {
  if (node['type'] === 'text') {
    const spans = node['contents'];
    if (Array.isArray(spans) && spans.length > 0)
      return spans.map((s) => (isNode(s) ? String(s['text'] ?? '') : '')).join('');
    return String(node['text'] ?? '');
  }
  const contents = node['contents'];
  return Array.isArray(contents)
    ? contents.filter(isNode).map(textOf).filter(Boolean).join(' ')
    : '';
}

/** Describes a reply (the messages of one event), numbering taps from `first`. */
export function describeMessages(messages: readonly messagingApi.Message[], first = 1): Described {
  const lines: string[] = [];
  const taps: Tap[] = [];
  const tap = (label: string, action: messagingApi.Action): string => {
    const number = first + taps.length;
    taps.push({ number, label, action });
    const link = action.type === 'uri' ? ` → ${(action as messagingApi.URIAction).uri}` : '';
    return `[${number}] ${label}${link}`;
  };
  const blank = () => {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };
  const walk = (node: unknown): void => {
    if (!isNode(node)) return;
    const action = isNode(node['action']) ? (node['action'] as messagingApi.Action) : undefined;
    switch (node['type']) {
      case 'carousel':
        (node['contents'] as unknown[]).forEach((b) => (blank(), walk(b)));
        return;
      case 'bubble':
        for (const part of ['header', 'hero', 'body', 'footer']) walk(node[part]);
        return;
      case 'text':
        if (action) lines.push(`  ${tap(textOf(node), action)}`);
        else lines.push(...textOf(node).split('\n'));
        return;
      case 'button':
        if (action) lines.push(`  ${tap(action.label ?? '', action)}`);
        return;
      case 'separator':
        blank();
        return;
      case 'box':
        if (action) {
          // A tappable row reads as what it echoes in the chat (its number is the tap's own).
          const echo =
            action.type === 'postback'
              ? (action as messagingApi.PostbackAction).displayText
              : undefined;
          lines.push(`  ${tap(echo || textOf(node) || (action.label ?? ''), action)}`);
        } else (node['contents'] as unknown[] | undefined)?.forEach(walk);
        return;
      default:
        return;
    }
  };
  for (const m of messages) {
    blank();
    if (m.type === 'text') lines.push(...(m as messagingApi.TextMessage).text.split('\n'));
    else if (m.type === 'flex') walk((m as messagingApi.FlexMessage).contents);
    else lines.push(`（${m.type} メッセージ）`);
  }
  const quick = messages[messages.length - 1]?.quickReply?.items ?? [];
  if (quick.length > 0) {
    blank();
    lines.push('すぐに選べる返事:');
    const labels = quick.filter((q) => q.action).map((q) => tap(q.action!.label ?? '', q.action!));
    lines.push(`  ${labels.join('  ')}`);
  }
  return { lines, taps };
}

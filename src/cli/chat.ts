/**
 * `madoguchi chat [--city ID]`: talk to the bot in a terminal through the same pipeline as LINE
 * (`handleEvent` with the memory store and a recording sender). Flex replies are shown as text,
 * buttons and quick replies as numbers: typing a number taps it. Reads piped input line by line,
 * so a conversation can be scripted: printf '住民票ってコンビニでとれる？\n1\n' | madoguchi chat
 */
import type { messagingApi, webhook } from '@line/bot-sdk';
import {
  createBotContent,
  createRecordingSender,
  handleEvent,
  type AppDeps,
} from '../app/index.js';
import { loadCity, loadTemplates, loadTokenizer } from '../content/index.js';
import { ContentError } from '../errors.js';
import { describeMessages, type Tap } from '../messages/index.js';
import type { Logger } from '../ports.js';
import { createMemoryAudience } from '../store/audience/index.js';
import { createMemoryReminderStore } from '../store/reminders/index.js';
import { createMemoryStore } from '../store/state/index.js';
import { parseFlags, type CliIo, type Command } from './command.js';
import { EXIT } from './exit-codes.js';
import { defaultCity, faqRoot } from './paths.js';

const USER_ID = 'U0000000000000000000000000000c4a7';
const QUIT = new Set(['/exit', '/quit', '/q']);

/** Warnings and errors of the pipeline go to stderr; the chat itself stays clean. */
function stderrLogger(io: CliIo): Logger {
  const line = (level: string) => (obj: object, msg?: string) => {
    const err = (obj as { err?: unknown }).err;
    io.err(`[${level}] ${msg ?? ''}${err instanceof Error ? `: ${err.message}` : ''}`);
  };
  return { info: () => {}, debug: () => {}, warn: line('warn'), error: line('error') };
}

/** Synthetic webhook events, shaped like LINE's for a 1:1 chat. */
function eventFactory(now: () => Date) {
  let n = 0;
  return (body: Record<string, unknown>): webhook.Event => {
    n += 1;
    return {
      mode: 'active',
      timestamp: now().getTime(),
      source: { type: 'user', userId: USER_ID },
      webhookEventId: `01CHAT${String(n).padStart(20, '0')}`,
      deliveryContext: { isRedelivery: false },
      replyToken: `chat-reply-${n}`,
      ...body,
    } as unknown as webhook.Event;
  };
}

export const chatCommand: Command = {
  name: 'chat',
  summary: 'talk to the bot in the terminal (type a number to tap a button)',
  usage: `usage: madoguchi chat [--city ID]

  --city ID   the city to talk to (default: CITY or komaki)

Type a question, or the number of a button or quick reply to tap it. /exit (or Ctrl+D) ends.
Piped input works line by line: printf '住民票ってコンビニでとれる？\\n1\\n' | madoguchi chat`,
  async run(args, io) {
    const { values } = parseFlags(args, { city: { type: 'string' } });
    const cityId = values.city ?? defaultCity(io);
    const city = await loadCity(faqRoot(io), cityId);
    if (!city.config) {
      throw new ContentError([
        {
          file: `faq/${cityId}/city.yaml`,
          message: 'missing: the chat needs the city’s name and contact',
          severity: 'error',
        },
      ]);
    }
    const [tokenize, templates] = await Promise.all([loadTokenizer(), loadTemplates()]);
    const content = createBotContent({
      city: city.config,
      entries: city.entries,
      synonyms: city.synonyms,
      tokenize,
      templates,
      ...(city.classes ? { classes: city.classes } : {}),
    });
    const clock = { now: () => io.now() };
    const sender = createRecordingSender();
    const store = createMemoryStore({ clock });
    const deps: AppDeps = {
      store,
      sender,
      clock,
      logger: stderrLogger(io),
      content: () => content,
      audience: createMemoryAudience(),
      reminders: createMemoryReminderStore(),
    };
    const event = eventFactory(io.now);
    let taps: Tap[] = [];

    const send = async (e: webhook.Event): Promise<void> => {
      const before = sender.sent.length;
      await handleEvent(e, deps);
      const messages: messagingApi.Message[] = sender.sent.slice(before).flatMap((r) => r.messages);
      if (messages.length === 0) return;
      const described = describeMessages(messages);
      taps = described.taps;
      io.out('');
      for (const l of described.lines) io.out(l ? `窓口> ${l}` : '窓口>');
    };

    io.out(
      `${city.config.name}の窓口とのチャットです（${city.entries.length}件のFAQ）。番号を入れるとボタンを押せます。/exit で終わります。`,
    );
    await send(event({ type: 'follow', follow: { isUnblocked: false } }));
    const input = io.stdin;
    if (!input) return EXIT.ok;
    for await (const raw of input.lines()) {
      const line = raw.trim();
      if (!line) continue;
      if (QUIT.has(line)) break;
      if (!input.tty) io.out(`\nあなた> ${line}`);
      const picked = /^\d{1,2}$/.test(line.normalize('NFKC'))
        ? taps.find((t) => t.number === Number(line.normalize('NFKC')))
        : undefined;
      const action = picked?.action;
      if (action?.type === 'postback') {
        const p = action as messagingApi.PostbackAction;
        io.out(`（「${picked!.label}」を押しました）`);
        await send(event({ type: 'postback', postback: { data: p.data } }));
      } else if (action?.type === 'message') {
        const text = (action as messagingApi.MessageAction).text ?? '';
        await send(
          event({ type: 'message', message: { id: 'm', type: 'text', text, quoteToken: 'q' } }),
        );
      } else if (action?.type === 'uri') {
        io.out(`（リンク: ${(action as messagingApi.URIAction).uri}）`);
      } else {
        await send(
          event({
            type: 'message',
            message: { id: 'm', type: 'text', text: raw, quoteToken: 'q' },
          }),
        );
      }
    }
    await store.close();
    return EXIT.ok;
  },
};

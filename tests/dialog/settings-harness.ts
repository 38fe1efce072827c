/**
 * The bot end to end for the 通知設定 tests: `handleEvent` with the memory store, a recording
 * sender, the shipped Flex templates and a given `Audience` (memory or Redis). No search is
 * needed, so the content has no entries and a trivial tokenizer.
 */
import type { messagingApi, webhook } from '@line/bot-sdk';
import { createBotContent, createRecordingSender, handleEvent } from '../../src/app/index.js';
import type { AppDeps } from '../../src/app/index.js';
import { loadTemplates } from '../../src/content/index.js';
import type { Audience } from '../../src/ports.js';
import { CityConfigSchema } from '../../src/schema/index.js';
import type { CityConfig } from '../../src/schema/index.js';
import { createMemoryStore } from '../../src/store/state/index.js';
import { manualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';

export { ev } from '../app/fixture.js';

/** A city with 小牧市's kind of topics and areas (written for the tests). */
export const CITY: CityConfig = CityConfigSchema.parse({
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所 代表', phone: '0568-00-0000' },
  areas: ['中部', '東部', '北里'],
  topics: [
    { id: 'bousai', label: '防災・緊急' },
    { id: 'kosodate', label: '子育て' },
    { id: 'kenko', label: '健康・福祉' },
    { id: 'event', label: 'イベント・講座' },
  ],
});

export const templates = await loadTemplates();

export interface Bot {
  deps: AppDeps;
  logger: ReturnType<typeof captureLogger>;
  /** Handles one event and returns the messages the resident was sent. */
  send(event: Record<string, unknown>): Promise<messagingApi.Message[]>;
}

export function makeBot(
  audience: Audience | undefined,
  options: { city?: CityConfig; flex?: boolean } = {},
): Bot {
  const sender = createRecordingSender();
  const logger = captureLogger();
  const content = createBotContent({
    city: options.city ?? CITY,
    entries: [],
    tokenize: () => [],
    ...(options.flex === false ? {} : { templates }),
  });
  const deps: AppDeps = {
    store: createMemoryStore({ clock: manualClock() }),
    sender,
    clock: manualClock(),
    logger,
    content: () => content,
    ...(audience ? { audience } : {}),
  };
  return {
    deps,
    logger,
    async send(event) {
      const before = sender.sent.length;
      await handleEvent(event as unknown as webhook.Event, deps);
      return sender.sent.slice(before).flatMap((r) => r.messages);
    },
  };
}

/** Every string in the messages: what the resident can read. */
export function textOf(messages: readonly messagingApi.Message[]): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(messages);
  return out.join('\n');
}

/** The `text` of every Flex text component under `v`, in order. */
function flexTexts(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(flexTexts);
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const own = o['type'] === 'text' && typeof o['text'] === 'string' ? [o['text']] : [];
  return [...own, ...flexTexts(o['contents'])];
}

/** The texts inside each tappable Flex box, by its postback data: what one row shows. */
export function rowsOf(messages: readonly messagingApi.Message[]): Map<string, string> {
  const rows = new Map<string, string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const action = o['action'] as { type?: string; data?: string } | undefined;
    if (o['type'] === 'box' && action?.type === 'postback' && action.data) {
      rows.set(action.data, flexTexts(o['contents']).join(' '));
    }
    Object.values(o).forEach(walk);
  };
  walk(messages);
  return rows;
}

/** Every postback data (Flex buttons, boxes and quick replies). */
export function postbacksOf(messages: readonly messagingApi.Message[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o['type'] === 'postback' && typeof o['data'] === 'string') out.push(o['data']);
    Object.values(o).forEach(walk);
  };
  walk(messages);
  return out;
}

/**
 * One webhook event, start to end: dedupe → load state → `handleTurn` → save → reply → record
 * effects. The store may fail at any step (Redis away): the resident still gets the FAQ answer,
 * with an empty state, and the failure is logged and counted. A reply LINE refused because the
 * token expired falls back to a push with a retry key derived from the event id.
 */
import type { messagingApi, webhook } from '@line/bot-sdk';
import { apologyReplies, handleTurn, initialDialogState, needsSettings } from '../dialog/index.js';
import { needsReminders } from '../dialog/index.js';
import type { DialogDeps, Effect, TurnResult } from '../dialog/index.js';
import type { DialogState, ResidentSettings } from '../schema/index.js';
import type { ClassReminder } from '../schema/index.js';
import { search } from '../search/index.js';
import type { AppDeps, BotContent } from './app-deps.js';
import { questionLogRecord } from './question-log.js';
import { retryKeyFor } from './retry-key.js';
import { saveSettings, settingsForTurn, syncBlock, syncFollow } from './audience-sync.js';
import { conversationKey, toTurnInput, userIdOf } from './turn-input.js';
import { remindersForTurn, saveReminderEffects } from './reminders-turn.js';

type Ctx = { deps: AppDeps; userId: string | undefined; eventType: string };

/** Runs `op` on the store; on failure logs, counts and returns `fallback` (never throws). */
async function degrade<T>(ctx: Ctx, op: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    ctx.deps.metrics?.count('madoguchi_store_errors_total', { op });
    ctx.deps.logger.warn(
      { err, op, eventType: ctx.eventType, userId: ctx.userId },
      'store failed; continuing without it',
    );
    return fallback;
  }
}

function dialogDeps(
  content: BotContent,
  now: Date,
  settings?: ResidentSettings,
  reminders?: readonly ClassReminder[],
): DialogDeps {
  return {
    city: content.city,
    search: content.search
      ? (query) => content.search!(query)
      : (query) => search(content.index, query),
    entry: (id) => content.entry(id),
    now,
    ...(content.templates ? { templates: content.templates } : {}),
    ...(content.topic ? { topic: content.topic.bind(content) } : {}),
    ...(settings ? { settings } : {}),
    ...(content.classes ? { classes: content.classes } : {}),
    ...(reminders ? { reminders } : {}),
  };
}

function errorFacts(err: unknown): {
  code?: string;
  status?: number;
  lineMessage?: string;
  requestId?: string;
} {
  const e = err as { code?: unknown; status?: unknown; lineMessage?: unknown; requestId?: unknown };
  return {
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.status === 'number' ? { status: e.status } : {}),
    ...(typeof e?.lineMessage === 'string' ? { lineMessage: e.lineMessage } : {}),
    ...(typeof e?.requestId === 'string' ? { requestId: e.requestId } : {}),
  };
}

async function sendReplies(
  ctx: Ctx,
  event: webhook.Event,
  replies: messagingApi.Message[],
): Promise<void> {
  const { sender, logger, metrics, options } = ctx.deps;
  const replyToken = (event as { replyToken?: unknown }).replyToken;
  if (typeof replyToken !== 'string' || !replyToken) return;
  try {
    await sender.reply(replyToken, replies);
    metrics?.count('madoguchi_replies_total', { result: 'sent' });
    return;
  } catch (err) {
    metrics?.count('madoguchi_replies_total', { result: 'failed' });
    const facts = errorFacts(err);
    const expired = facts.status === 400 && /reply token/i.test(facts.lineMessage ?? '');
    const to = event.source?.type === 'user' ? ctx.userId : undefined;
    const fallback = expired && to !== undefined && options?.pushWhenReplyExpired !== false;
    // The one record of a failed reply (the sender leaves a refused reply to us): a warning when
    // an expired token is recovered by a push below, an error when the answer is lost. `userId`
    // is hashed by the logger.
    logger[fallback ? 'warn' : 'error'](
      { err, ...facts, eventType: ctx.eventType, userId: ctx.userId },
      'reply failed',
    );
    if (!fallback) return;
    const stableId = event.webhookEventId || replyToken;
    try {
      await sender.push(to, replies, retryKeyFor(`reply-fallback:${stableId}`));
      metrics?.count('madoguchi_replies_total', { result: 'pushed' });
      logger.warn(
        { eventType: ctx.eventType, userId: ctx.userId },
        'reply token expired; answer pushed instead',
      );
    } catch (pushErr) {
      metrics?.count('madoguchi_replies_total', { result: 'lost' });
      logger.error(
        { err: pushErr, ...errorFacts(pushErr), userId: ctx.userId },
        'fallback push failed too; the answer was not delivered',
      );
    }
  }
}

async function applyEffect(ctx: Ctx, effect: Effect, at: Date, content: BotContent): Promise<void> {
  const { questionLog } = ctx.deps;
  const logged =
    questionLog &&
    questionLogRecord(effect, {
      city: content.city.id,
      at,
      userId: ctx.userId,
      hashUserId: ctx.deps.hashUserId,
      entry: (id) => content.entry(id),
    });
  // The question log is written in the same tick as the effect's own record and metrics.
  await Promise.all([
    questionLog && logged
      ? degrade(ctx, 'questionLog', () => questionLog.append(logged), undefined)
      : undefined,
    recordEffect(ctx, effect, at, content),
  ]);
}

async function recordEffect(
  ctx: Ctx,
  effect: Effect,
  at: Date,
  content: BotContent,
): Promise<void> {
  const { store, metrics, audience } = ctx.deps;
  const sync = audience && { audience, logger: ctx.deps.logger, metrics };
  const city = content.city;
  switch (effect.type) {
    // Questions and feedback are recorded by the question log (applyEffect); here, only counted.
    case 'feedback':
      metrics?.count('madoguchi_feedback_total', { helpful: String(effect.helpful) });
      return;
    case 'asked':
      metrics?.count('madoguchi_verdicts_total', { verdict: effect.status });
      return;
    // The store and the audience are written in the same tick (one pipelined round trip).
    case 'followed': {
      const userId = ctx.userId;
      if (!userId) return;
      await Promise.all([
        degrade(ctx, 'markFollowed', () => store.markFollowed(userId, at), undefined),
        sync ? syncFollow(sync, userId, city) : undefined,
      ]);
      return;
    }
    case 'blocked': {
      const userId = ctx.userId;
      if (!userId) return;
      await Promise.all([
        degrade(ctx, 'markBlocked', () => store.markBlocked(userId, at), undefined),
        sync ? syncBlock(sync, userId) : undefined,
      ]);
      return;
    }
    case 'settings':
    case 'remind':
    case 'unremind':
      return; // saved before the reply (see handleEvent): the confirmation must be true
  }
}

/** Handles one webhook event; never throws for store or LINE failures (they are logged). */
export async function handleEvent(event: webhook.Event, deps: AppDeps): Promise<void> {
  const { store, clock, logger, metrics, options } = deps;
  const userId = userIdOf(event);
  const ctx: Ctx = { deps, userId, eventType: event.type };
  const mode = (event as { mode?: unknown }).mode === 'standby' ? 'standby' : 'active';
  metrics?.count('madoguchi_events_total', { type: event.type, mode });

  const input = toTurnInput(event);
  if (!input) {
    logger.debug({ eventType: event.type }, 'event ignored');
    return;
  }
  // In standby another channel answers this chat; only who follows the account is kept.
  if (mode === 'standby' && input.kind !== 'follow' && input.kind !== 'unfollow') return;

  const eventId = (event as { webhookEventId?: unknown }).webhookEventId;
  const key = conversationKey(event);
  const content = deps.content();
  const sync = deps.audience && { audience: deps.audience, logger, metrics };
  const remindDeps = deps.reminders && { reminders: deps.reminders, logger, metrics };
  // Claim, load, and the settings or reminders a turn shows, all in the same tick: with Redis
  // auto-pipelining that is one round trip (a redelivered event wastes one read, rarely).
  const [first, loaded, settings, reminders] = await Promise.all([
    typeof eventId === 'string' && eventId
      ? degrade(
          ctx,
          'claimEvent',
          () => store.claimEvent(eventId, options?.dedupTtlSeconds ?? 86_400),
          true,
        )
      : true,
    key ? degrade(ctx, 'loadState', () => store.loadState(key), undefined) : undefined,
    sync && userId && needsSettings(input)
      ? settingsForTurn(sync, userId, content.city)
      : undefined,
    remindDeps && userId && needsReminders(input)
      ? remindersForTurn(remindDeps, userId)
      : undefined,
  ]);
  if (!first) {
    metrics?.count('madoguchi_events_duplicate_total');
    logger.info({ eventType: event.type, userId }, 'redelivered event already handled; skipped');
    return;
  }
  const state: DialogState = loaded ?? initialDialogState;
  const now = clock.now();
  let result: TurnResult;
  try {
    result = handleTurn(state, input, dialogDeps(content, now, settings, reminders));
  } catch (err) {
    // A bug in the conversation: the resident still gets an apology with the city's contact.
    metrics?.count('madoguchi_turn_errors_total');
    logger.error({ err, eventType: event.type, userId }, 'handleTurn failed');
    result = { replies: apologyReplies(content.city), next: state, effects: [] };
  }

  const change = result.effects.find((e) => e.type === 'settings');
  if (change && !(sync && userId && (await saveSettings(sync, userId, change.settings)))) {
    // Never confirm a change that was not saved.
    result = { ...result, replies: apologyReplies(content.city) };
  }
  if (!(await saveReminderEffects(remindDeps, userId, result.effects, now))) {
    result = { ...result, replies: apologyReplies(content.city) };
  }
  // The state is written while the reply goes out and the effects are recorded; all of it is
  // settled before this chat's next event starts (the dispatcher awaits handleEvent).
  const { replies, next, effects } = result;
  await Promise.all([
    key
      ? degrade(
          ctx,
          'saveState',
          () => store.saveState(key, next, options?.stateTtlSeconds ?? 86_400),
          undefined,
        )
      : undefined,
    replies.length > 0 && mode === 'active' ? sendReplies(ctx, event, replies) : undefined,
    ...effects.map((effect) => applyEffect(ctx, effect, now, content)),
  ]);
}

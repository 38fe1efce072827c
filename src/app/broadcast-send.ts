/**
 * From draft to sending: preview (the rendered message and the exact recipient count now), a
 * test send to the staff test accounts, confirmation (the admin's count must still be right,
 * or 409 with a fresh preview), and cancellation (before or while sending).
 */
import type { messagingApi } from '@line/bot-sdk';
import { z } from 'zod';
import {
  BroadcastError,
  formatJst,
  noticeText,
  planSendTime,
  renderNotice,
  transition,
} from '../delivery/index.js';
import type { SendPlan } from '../delivery/index.js';
import { parseSendAt } from '../schema/index.js';
import type { Broadcast, Target } from '../schema/index.js';
import { describeTarget } from '../segments/index.js';
import type { Actor, BroadcastDeps } from './broadcast-deps.js';
import { mustGet, parseBody, quietHoursOf, updateBroadcast, uuidOf } from './broadcast-deps.js';
import { checkNotice, recordAudit } from './broadcast-drafts.js';
import { finishIfDone } from './broadcast-finish.js';

export interface Preview {
  id: string;
  state: Broadcast['state'];
  title: string;
  /** Residents who would receive it now (blocked and 配信停止 excluded). */
  count: number;
  target: Target;
  targetText: string;
  /** What residents will see, as LINE messages and as plain text. */
  messages: messagingApi.Message[];
  text: string;
  /** When sending would start if confirmed now (JST), and whether the night hold moved it. */
  sendAt?: { at: string; jst: string; held: boolean; urgent: boolean };
  testAccounts: number;
  /** Why confirming now would be refused (the send time passed, nobody matches). */
  problems: string[];
}

const ConfirmSchema = z.strictObject({
  count: z.number({ error: 'the recipient count shown by the preview (a number)' }).int().min(0),
});

function plan(deps: BroadcastDeps, b: Broadcast): SendPlan {
  const requested = b.notice.sendAt ? parseSendAt(b.notice.sendAt) : undefined;
  return planSendTime({
    ...(requested ? { requested } : {}),
    now: deps.clock.now(),
    urgent: b.notice.urgent,
    quiet: quietHoursOf(deps),
  });
}

export async function previewBroadcast(deps: BroadcastDeps, id: string): Promise<Preview> {
  const b = await mustGet(deps, id);
  const city = deps.city();
  const messages =
    (b.messages as unknown as messagingApi.Message[] | undefined) ??
    renderNotice(b.notice, city.name);
  const count = await deps.audience.count(b.notice.target);
  const problems: string[] = [];
  let when: SendPlan | undefined;
  if (b.state === 'draft') {
    try {
      when = plan(deps, b);
    } catch (err) {
      if (!(err instanceof BroadcastError)) throw err;
      problems.push(err.message);
    }
    if (count === 0) problems.push('no resident matches the target now');
  } else if (b.sendAt) {
    when = { at: new Date(b.sendAt), held: b.held ?? false };
  }
  return {
    id: b.id,
    state: b.state,
    title: b.notice.title,
    count,
    target: b.notice.target,
    targetText: describeTarget(b.notice.target, city),
    messages,
    text: noticeText(b.notice, city.name),
    ...(when
      ? {
          sendAt: {
            at: when.at.toISOString(),
            jst: formatJst(when.at),
            held: when.held,
            urgent: b.notice.urgent,
          },
        }
      : {}),
    testAccounts: deps.options?.testUserIds?.length ?? 0,
    problems,
  };
}

/** Sends the notice to the staff test accounts, with a first line saying it is a test. */
export async function testBroadcast(
  deps: BroadcastDeps,
  actor: Actor,
  id: string,
): Promise<{ recipients: number }> {
  const b = await mustGet(deps, id);
  const to = [...(deps.options?.testUserIds ?? [])];
  if (to.length === 0) {
    throw new BroadcastError(
      'broadcast/no-test-users',
      'no staff test accounts are configured (ADMIN_TEST_USER_IDS)',
    );
  }
  if (b.state !== 'draft' && b.state !== 'scheduled') {
    throw new BroadcastError(
      'broadcast/bad-state',
      `cannot test broadcast ${id}: it is ${b.state}`,
    );
  }
  const notice = b.messages
    ? (b.messages as unknown as messagingApi.Message[])
    : renderNotice(b.notice, deps.city().name);
  const intro: messagingApi.TextMessage = {
    type: 'text',
    text: `【テスト送信】配信前の確認です（${b.notice.title}）。住民の方には届いていません。`,
  };
  // One multicast (≤ 500 ids); a fresh key, since each test is a new send.
  await deps.sender.multicast(to, [intro, ...notice], uuidOf(deps));
  await updateBroadcast(deps, id, { type: 'test', by: actor.name, recipients: to.length });
  await recordAudit(deps, actor, {
    action: 'broadcast.test',
    result: 'ok',
    broadcastId: id,
    count: to.length,
    detail: 'sent to the staff test accounts',
  });
  return { recipients: to.length };
}

/**
 * Confirms a draft: the count the admin saw must equal the count now (else 409
 * `broadcast/count-changed` with a fresh preview), then the broadcast is scheduled (at once, at
 * its time, or after the night hold) and its messages are frozen.
 */
export async function confirmBroadcast(
  deps: BroadcastDeps,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<Broadcast> {
  const { count: seen } = parseBody(ConfirmSchema, body, 'confirmation');
  const b = await mustGet(deps, id);
  if (b.state !== 'draft') {
    throw new BroadcastError(
      'broadcast/bad-state',
      `cannot confirm broadcast ${id}: it is ${b.state}`,
    );
  }
  checkNotice(deps, b.notice);
  const when = plan(deps, b);
  const count = await deps.audience.count(b.notice.target);
  const refuse = async (code: string, message: string) => {
    await recordAudit(deps, actor, {
      action: 'broadcast.confirm',
      result: code,
      broadcastId: id,
      target: b.notice.target,
      count,
      detail: `the admin saw ${seen}, the target reaches ${count} now`,
    });
    throw new BroadcastError(code, message, [], { preview: await previewBroadcast(deps, id) });
  };
  if (count !== seen) {
    await refuse(
      'broadcast/count-changed',
      `the audience changed: the preview showed ${seen} recipients, there are ${count} now; check the fresh preview and confirm again`,
    );
  }
  if (count === 0) await refuse('broadcast/no-recipients', 'no resident matches the target');
  const messages = renderNotice(b.notice, deps.city().name);
  const { after } = await updateBroadcast(deps, id, (current, now) => {
    if (current.version !== b.version) {
      throw new BroadcastError(
        'broadcast/bad-state',
        `broadcast ${id} changed while confirming; preview again`,
      );
    }
    const confirm = {
      type: 'confirm',
      by: actor.name,
      count,
      sendAt: when.at,
      held: when.held,
    } as const;
    return {
      ...transition(current, confirm, now),
      messages: messages as unknown as Broadcast['messages'],
    };
  });
  await deps.queue.start(id, when.at);
  await recordAudit(deps, actor, {
    action: 'broadcast.confirm',
    result: 'ok',
    broadcastId: id,
    target: b.notice.target,
    count,
    detail: `sending ${when.held ? 'held until' : 'at'} ${formatJst(when.at)} JST${b.notice.urgent ? ' (urgent)' : ''}`,
  });
  deps.logger.info(
    { broadcastId: id, count, sendAt: after.sendAt, held: when.held, by: actor.name },
    'broadcast confirmed',
  );
  return after;
}

/**
 * Cancels a broadcast. Before sending, nothing goes out; while sending, the batches no worker
 * has taken up are cancelled at once and the few in flight finish (their residents get it).
 */
export async function cancelBroadcast(
  deps: BroadcastDeps,
  actor: Actor,
  id: string,
): Promise<Broadcast> {
  const { before, after } = await updateBroadcast(deps, id, { type: 'cancel', by: actor.name });
  if (before.state === 'scheduled') {
    try {
      await deps.queue.cancel(id);
    } catch (err) {
      // The start job finds the broadcast cancelled and does nothing.
      deps.logger.warn({ err, broadcastId: id }, 'broadcast: could not remove its start job');
    }
  }
  if (before.state === 'sending' && after.batches !== undefined) {
    const at = deps.clock.now().toISOString();
    const settled = await deps.broadcasts.settleUnclaimed(id, after.batches, {
      status: 'cancelled',
      attempts: 0,
      settledAt: at,
    });
    if (settled >= after.batches) await finishIfDone(deps, id);
  }
  await recordAudit(deps, actor, {
    action: 'broadcast.cancel',
    result: 'ok',
    broadcastId: id,
    target: after.notice.target,
    // Residents who will not get it: the frozen recipients, or the confirmed count.
    ...(after.recipients !== undefined || after.confirmed
      ? { count: after.recipients ?? after.confirmed!.count }
      : {}),
    detail: `cancelled while ${before.state}`,
  });
  deps.logger.info({ broadcastId: id, was: before.state, by: actor.name }, 'broadcast cancelled');
  return (await deps.broadcasts.get(id)) ?? after;
}

/**
 * Drafting: create and edit notices, read them, count a target, read reports and the audit
 * log. Every write is recorded in the audit log with who, what, when, the target and a count.
 */
import { BroadcastError, buildReport, jstDateStamp, renderNotice } from '../delivery/index.js';
import type { AuditEntry, Broadcast, DeliveryReport, Notice, Target } from '../schema/index.js';
import {
  BroadcastStateSchema,
  NoticePatchSchema,
  NoticeSchema,
  NoticeTargetSchema,
} from '../schema/index.js';
import { describeTarget, targetProblems } from '../segments/index.js';
import type { Actor, BroadcastDeps } from './broadcast-deps.js';
import { mustGet, parseBody, updateBroadcast, uuidOf } from './broadcast-deps.js';

/** Records one write; an audit failure fails the request (no write goes unrecorded silently). */
export async function recordAudit(
  deps: BroadcastDeps,
  actor: Actor,
  entry: Pick<AuditEntry, 'action' | 'result'> & Partial<AuditEntry>,
): Promise<void> {
  await deps.audit.append({
    at: deps.clock.now().toISOString(),
    actor: actor.name,
    role: actor.role,
    ...entry,
  });
}

/** Every way a notice does not fit the city or LINE, all at once (`broadcast/bad-notice`). */
export function checkNotice(deps: BroadcastDeps, notice: Notice): void {
  const city = deps.city();
  const problems = targetProblems(notice.target, city).map((p) => `target.${p}`);
  try {
    renderNotice(notice, city.name);
  } catch (err) {
    if (!(err instanceof BroadcastError)) throw err;
    problems.push(...err.problems);
  }
  if (problems.length > 0) {
    throw new BroadcastError(
      'broadcast/bad-notice',
      `the notice cannot be sent: ${problems.join('; ')}`,
      problems,
    );
  }
}

/** `20260401-k3f9qz`: the JST day, then 6 random letters and digits. */
function newBroadcastId(deps: BroadcastDeps): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 letters, none easy to misread
  const hex = uuidOf(deps).replaceAll('-', '');
  const letters = Array.from(
    { length: 6 },
    (_, i) => alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 32],
  ).join('');
  return `${jstDateStamp(deps.clock.now())}-${letters}`;
}

export async function createDraft(
  deps: BroadcastDeps,
  actor: Actor,
  body: unknown,
): Promise<Broadcast> {
  const notice = parseBody(NoticeSchema, body, 'notice');
  checkNotice(deps, notice);
  const at = deps.clock.now().toISOString();
  let b: Broadcast;
  for (let tries = 1; ; tries++) {
    b = {
      id: newBroadcastId(deps),
      version: 1,
      state: 'draft',
      notice,
      created: { at, by: actor.name },
      updatedAt: at,
    };
    try {
      await deps.broadcasts.create(b);
      break;
    } catch (err) {
      // 30 random bits a day: a clash is rare, two in a row would be a bug.
      if ((err as { code?: unknown }).code !== 'store/exists' || tries >= 3) throw err;
    }
  }
  await recordAudit(deps, actor, {
    action: 'broadcast.create',
    result: 'ok',
    broadcastId: b.id,
    target: notice.target,
    count: await deps.audience.count(notice.target),
    detail: notice.title,
  });
  return b;
}

export async function editDraft(
  deps: BroadcastDeps,
  actor: Actor,
  id: string,
  body: unknown,
): Promise<Broadcast> {
  const patch = parseBody(NoticePatchSchema, body, 'change');
  const current = await mustGet(deps, id);
  const { sendAt, ...rest } = patch;
  const notice: Notice = { ...current.notice, ...rest };
  if (sendAt === null) delete notice.sendAt;
  else if (sendAt !== undefined) notice.sendAt = sendAt;
  checkNotice(deps, notice);
  const { after } = await updateBroadcast(deps, id, { type: 'edit', notice });
  await recordAudit(deps, actor, {
    action: 'broadcast.update',
    result: 'ok',
    broadcastId: id,
    target: after.notice.target,
    count: await deps.audience.count(after.notice.target),
    detail: `changed: ${Object.keys(patch).join(', ')}`,
  });
  return after;
}

/** The `limit` of a list request: a whole number 1 to `max`, `fallback` when absent. */
function limitOf(value: unknown, fallback: number, max: number): number {
  const limit = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new BroadcastError('broadcast/bad-request', `limit must be a whole number 1-${max}`, [
      `limit: must be a whole number 1-${max}`,
    ]);
  }
  return limit;
}

export async function listBroadcasts(
  deps: BroadcastDeps,
  query: { limit?: unknown; state?: unknown },
): Promise<Broadcast[]> {
  const limit = limitOf(query.limit, 50, 500);
  const state =
    query.state === undefined
      ? undefined
      : parseBody(BroadcastStateSchema, query.state, 'state', 'state');
  return deps.broadcasts.list({ limit, ...(state ? { states: [state] } : {}) });
}

export async function reportOf(deps: BroadcastDeps, id: string): Promise<DeliveryReport> {
  const b = await mustGet(deps, id);
  return buildReport(b, await deps.broadcasts.batches(id), deps.options?.batchSize);
}

/** How many residents a target reaches now, and the target in words. */
export async function countTarget(
  deps: BroadcastDeps,
  body: unknown,
): Promise<{ count: number; target: Target; description: string }> {
  const target = parseBody(
    NoticeTargetSchema,
    (body as { target?: unknown } | undefined)?.target,
    'target',
    'target',
  );
  const city = deps.city();
  const problems = targetProblems(target, city);
  if (problems.length > 0) {
    throw new BroadcastError(
      'broadcast/bad-request',
      `bad target: ${problems.join('; ')}`,
      problems,
    );
  }
  return {
    count: await deps.audience.count(target),
    target,
    description: describeTarget(target, city),
  };
}

export async function readAudit(
  deps: BroadcastDeps,
  query: { limit?: unknown; before?: unknown },
): Promise<AuditEntry[]> {
  const limit = limitOf(query.limit, 100, 1000);
  const before = typeof query.before === 'string' && query.before ? query.before : undefined;
  return deps.audit.list({ limit, ...(before ? { before } : {}) });
}

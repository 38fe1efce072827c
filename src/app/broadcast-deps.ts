/**
 * What the broadcast use cases need (`broadcast-service.ts`, `broadcast-start.ts`,
 * `run-batch.ts`), and the helpers they share: reading a broadcast or failing with 404, and
 * changing one through the state machine with compare-and-set.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { BroadcastError, DEFAULT_QUIET_HOURS, transition } from '../delivery/index.js';
import type { BroadcastEvent, QuietHours } from '../delivery/index.js';
import type {
  Audience,
  AuditLog,
  BroadcastStore,
  Clock,
  DeliveryQueue,
  Logger,
  Metrics,
  Sender,
} from '../ports.js';
import type { AdminRole, Broadcast, CityConfig } from '../schema/index.js';

export interface BroadcastOptions {
  /** Staff LINE accounts that receive test sends (`ADMIN_TEST_USER_IDS`). */
  testUserIds?: readonly string[];
  /** Quiet hours for non-urgent notices; `'off'` for none. Default 21–8 JST. */
  quietHours?: QuietHours | 'off';
  /** Recipients per multicast. Default 500 (LINE's maximum); tests use fewer. */
  batchSize?: number;
  /** A batch whose retry key is older is not resent. Default 23 h (LINE keeps keys 24 h). */
  retryKeyMaxAgeMs?: number;
}

export interface BroadcastDeps {
  broadcasts: BroadcastStore;
  audit: AuditLog;
  audience: Audience;
  sender: Sender;
  queue: DeliveryQueue;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  /** The city (its name signs notices; its topics and areas check targets). */
  city(): CityConfig;
  options?: BroadcastOptions;
  /** Random UUIDs for retry keys and ids. Default `crypto.randomUUID`. */
  uuid?(): string;
}

/** Who is calling the admin API (a token's name and role). */
export interface Actor {
  name: string;
  role: AdminRole;
}

export const uuidOf = (deps: BroadcastDeps): string => (deps.uuid ?? randomUUID)();

export function quietHoursOf(deps: BroadcastDeps): QuietHours | undefined {
  const q = deps.options?.quietHours;
  return q === 'off' ? undefined : (q ?? DEFAULT_QUIET_HOURS);
}

export async function mustGet(deps: BroadcastDeps, id: string): Promise<Broadcast> {
  const b = await deps.broadcasts.get(id);
  if (!b) throw new BroadcastError('broadcast/not-found', `no broadcast "${id}"`);
  return b;
}

/**
 * Applies `event` (or `change`) through the state machine with compare-and-set, reading again
 * when another worker or admin changed the broadcast first. Returns the record before and after.
 */
export async function updateBroadcast(
  deps: BroadcastDeps,
  id: string,
  change: BroadcastEvent | ((b: Broadcast, now: Date) => Broadcast),
): Promise<{ before: Broadcast; after: Broadcast }> {
  for (let tries = 0; ; tries++) {
    const before = await mustGet(deps, id);
    const now = deps.clock.now();
    const after =
      typeof change === 'function' ? change(before, now) : transition(before, change, now);
    if (after === before) return { before, after };
    if (await deps.broadcasts.replace(after)) return { before, after };
    if (tries >= 20) {
      throw new BroadcastError('broadcast/busy', `broadcast ${id} keeps changing; try again`);
    }
  }
}

/** zod issues as lines people can act on: `notice.department: must not be empty`. */
export function issueLines(error: z.ZodError, root?: string): string[] {
  return error.issues.map((i) => {
    const path = [...(root ? [root] : []), ...i.path.map(String)].join('.');
    return `${path || '(body)'}: ${i.message}`;
  });
}

/** Parses a request body with `schema`, or throws `broadcast/bad-request` listing every issue. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: string,
  root?: string,
): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = issueLines(parsed.error, root);
  throw new BroadcastError(
    'broadcast/bad-request',
    `bad ${what}: ${problems.join('; ')}`,
    problems,
  );
}

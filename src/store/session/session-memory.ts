/**
 * Web console sessions in memory (local mode, tests). Expiry follows the injected clock, so
 * tests move time by hand; expired sessions are swept on each new sign-in, so the map stays as
 * small as the number of live sessions.
 */
import type { Clock, SessionStore } from '../../ports.js';
import { AdminSessionSchema } from '../../schema/index.js';
import type { AdminSession } from '../../schema/index.js';

interface Entry {
  session: AdminSession;
  /** ms: the idle deadline, already capped by the absolute end. */
  until: number;
}

export function createMemorySessionStore(options: { clock: Clock }): SessionStore {
  const { clock } = options;
  const entries = new Map<string, Entry>();
  const now = () => clock.now().getTime();
  const deadline = (s: AdminSession, idleSeconds: number) =>
    Math.min(now() + idleSeconds * 1000, Date.parse(s.expiresAt));
  const live = (id: string): Entry | undefined => {
    const e = entries.get(id);
    if (e && e.until > now()) return e;
    if (e) entries.delete(id);
    return undefined;
  };

  return {
    async create(id, session, idleSeconds) {
      for (const key of [...entries.keys()]) live(key);
      // Parsed like the Redis store parses its reads, so both refuse the same bad records.
      const checked = AdminSessionSchema.parse(session);
      entries.set(id, { session: checked, until: deadline(checked, idleSeconds) });
    },
    async get(id) {
      const e = live(id);
      return e ? { ...e.session } : undefined;
    },
    async touch(id, idleSeconds) {
      const e = live(id);
      if (!e) return undefined;
      e.until = deadline(e.session, idleSeconds);
      return { ...e.session };
    },
    async delete(id) {
      entries.delete(id);
    },
  };
}

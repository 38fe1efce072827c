/**
 * The contract of the `SessionStore` port (web console sessions): run on memory
 * (`tests/store/session/session-memory.test.ts`) and Redis
 * (`tests/store/session/session.redis.test.ts`), so both end sessions at the same moments: idle
 * time (sliding on `touch`) and the absolute end.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../src/ports.js';
import type { AdminSession } from '../../src/schema/index.js';
import type { ManualClock } from './manual-clock.js';

export interface SessionFixture {
  store: SessionStore;
  /** The clock the store reads (its sessions' times are built from it). */
  clock: ManualClock;
  /** Lets `seconds` pass for the clock and every TTL the store keeps (Redis: PEXPIRE). */
  elapse(seconds: number): Promise<void>;
  cleanup(): Promise<void>;
}

const ID = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const IDLE = 30 * 60;

/** A session signed in now, ending after `hours`. */
export function session(clock: ManualClock, hours = 8, over: Partial<AdminSession> = {}) {
  const now = clock.now();
  return {
    name: 'sato',
    role: 'broadcaster' as const,
    tokenDigest: 'c'.repeat(64),
    csrfToken: 'x'.repeat(43),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    ...over,
  };
}

export function sessionStoreContract(name: string, make: () => Promise<SessionFixture>): void {
  describe(`SessionStore contract (${name})`, () => {
    let f: SessionFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    it('reads back what was created, by id; unknown ids have nothing', async () => {
      const s = session(f.clock);
      await f.store.create(ID, s, IDLE);
      expect(await f.store.get(ID)).toEqual(s);
      expect(await f.store.get(OTHER)).toBeUndefined();
      expect(await f.store.touch(OTHER, IDLE)).toBeUndefined();
      // A touch answers the session it kept alive (a console request needs nothing else).
      expect(await f.store.touch(ID, IDLE)).toEqual(s);
    });

    it('ends a session left idle, unless a touch restarted its idle time', async () => {
      await f.store.create(ID, session(f.clock), IDLE);
      await f.store.create(OTHER, session(f.clock), IDLE);
      await f.elapse(IDLE - 60);
      expect(await f.store.touch(ID, IDLE)).toBeDefined();
      await f.elapse(120);
      expect(await f.store.get(ID)).toBeDefined();
      expect(await f.store.get(OTHER)).toBeUndefined();
      expect(await f.store.touch(OTHER, IDLE)).toBeUndefined();
      await f.elapse(IDLE);
      expect(await f.store.get(ID)).toBeUndefined();
    });

    it('ends a session at its absolute end, however often it is touched', async () => {
      await f.store.create(ID, session(f.clock, 1), IDLE);
      await f.elapse(25 * 60);
      expect(await f.store.touch(ID, IDLE)).toBeDefined();
      await f.elapse(25 * 60);
      expect(await f.store.touch(ID, IDLE)).toBeDefined();
      await f.elapse(9 * 60);
      expect(await f.store.get(ID)).toBeDefined();
      await f.elapse(61);
      expect(await f.store.get(ID)).toBeUndefined();
      expect(await f.store.touch(ID, IDLE)).toBeUndefined();
    });

    it('deletes a session (sign-out) and leaves the others', async () => {
      await f.store.create(ID, session(f.clock), IDLE);
      await f.store.create(OTHER, session(f.clock, 8, { name: 'boss', role: 'admin' }), IDLE);
      await f.store.delete(ID);
      await f.store.delete(ID);
      expect(await f.store.get(ID)).toBeUndefined();
      expect(await f.store.touch(ID, IDLE)).toBeUndefined();
      expect(await f.store.get(OTHER)).toMatchObject({ name: 'boss', role: 'admin' });
    });

    it('refuses to store a session that does not match its schema', async () => {
      await expect(
        f.store.create(ID, { ...session(f.clock), tokenDigest: 'the token itself' }, IDLE),
      ).rejects.toThrow();
      expect(await f.store.get(ID)).toBeUndefined();
    });
  });
}

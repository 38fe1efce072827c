/**
 * The one contract suite of the `Store` port (STYLE habit 8). `tests/store/state/memory.test.ts`
 * and `tests/store/state/redis.redis.test.ts` run it against their implementation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports.js';
import type { DialogState } from '../../src/schema/index.js';

export interface StoreHarness {
  store: Store;
  /** Lets `seconds` pass for every TTL in the store (memory: the clock; Redis: PEXPIRE). */
  elapse(seconds: number): Promise<void>;
  /** Removes everything the harness created. */
  cleanup(): Promise<void>;
}

export type MakeStore = () => Promise<StoreHarness>;

const at = (iso: string) => new Date(iso);
const state = (s: Partial<DialogState>): DialogState => ({ v: 1, candidates: [], ...s });

export function storeContract(name: string, make: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await make();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    describe('claimEvent', () => {
      it('claims an event id once while the claim lives, then again after it expires', async () => {
        expect(await store.claimEvent('01HZX0000000000000000000AA', 60)).toBe(true);
        expect(await store.claimEvent('01HZX0000000000000000000AA', 60)).toBe(false);
        await h.elapse(59);
        expect(await store.claimEvent('01HZX0000000000000000000AA', 60)).toBe(false);
        await h.elapse(2);
        expect(await store.claimEvent('01HZX0000000000000000000AA', 60)).toBe(true);
      });

      it('keeps different event ids apart', async () => {
        expect(await store.claimEvent('ev-1', 60)).toBe(true);
        expect(await store.claimEvent('ev-2', 60)).toBe(true);
        expect(await store.claimEvent('ev-1', 60)).toBe(false);
      });

      it('lets exactly one of many concurrent claims of one id win', async () => {
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.claimEvent('ev-race', 60)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('dialog state', () => {
      it('has no state for an unknown chat', async () => {
        expect(await store.loadState('user:Unobody')).toBeUndefined();
      });

      it('reads back what was saved, validated, per chat', async () => {
        await store.saveState('user:U1', state({ lastEntryId: 'a', candidates: ['b', 'c'] }), 600);
        await store.saveState('group:G1', state({ lastEntryId: 'z' }), 600);
        expect(await store.loadState('user:U1')).toEqual(
          state({ lastEntryId: 'a', candidates: ['b', 'c'] }),
        );
        expect(await store.loadState('group:G1')).toEqual(state({ lastEntryId: 'z' }));
      });

      it('overwrites, deletes and expires the state', async () => {
        await store.saveState('user:U1', state({ lastEntryId: 'a' }), 600);
        await store.saveState('user:U1', state({ lastEntryId: 'b' }), 600);
        expect((await store.loadState('user:U1'))?.lastEntryId).toBe('b');
        await store.deleteState('user:U1');
        expect(await store.loadState('user:U1')).toBeUndefined();

        await store.saveState('user:U2', state({ lastEntryId: 'c' }), 600);
        await h.elapse(599);
        expect((await store.loadState('user:U2'))?.lastEntryId).toBe('c');
        await h.elapse(2);
        expect(await store.loadState('user:U2')).toBeUndefined();
      });

      it('refuses to save a state that does not match the schema', async () => {
        const bad = { v: 1, candidates: 'not a list' } as unknown as DialogState;
        await expect(store.saveState('user:U1', bad, 600)).rejects.toThrow();
        expect(await store.loadState('user:U1')).toBeUndefined();
      });

      it('returns a copy: changing it does not change the stored state', async () => {
        await store.saveState('user:U1', state({ candidates: ['a'] }), 600);
        const loaded = await store.loadState('user:U1');
        loaded?.candidates.push('mutated');
        expect((await store.loadState('user:U1'))?.candidates).toEqual(['a']);
      });
    });

    describe('users', () => {
      it('knows nothing of a user it never saw', async () => {
        expect(await store.getUser('Uunknown')).toBeUndefined();
      });

      it('marks a user followed, then blocked, then followed again, keeping both times', async () => {
        await store.markFollowed('U1', at('2026-04-01T09:00:00.000Z'));
        expect(await store.getUser('U1')).toEqual({
          status: 'followed',
          followedAt: '2026-04-01T09:00:00.000Z',
        });
        await store.markBlocked('U1', at('2026-04-02T09:00:00.000Z'));
        expect(await store.getUser('U1')).toEqual({
          status: 'blocked',
          followedAt: '2026-04-01T09:00:00.000Z',
          blockedAt: '2026-04-02T09:00:00.000Z',
        });
        await store.markFollowed('U1', at('2026-04-03T09:00:00.000Z'));
        expect(await store.getUser('U1')).toEqual({
          status: 'followed',
          followedAt: '2026-04-03T09:00:00.000Z',
          blockedAt: '2026-04-02T09:00:00.000Z',
        });
      });

      it('marks a user blocked even if the follow was never seen', async () => {
        await store.markBlocked('U2', at('2026-04-02T09:00:00.000Z'));
        expect(await store.getUser('U2')).toEqual({
          status: 'blocked',
          blockedAt: '2026-04-02T09:00:00.000Z',
        });
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

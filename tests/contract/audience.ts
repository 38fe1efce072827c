/**
 * The one contract suite of the `Audience` port (STYLE habit 8).
 * `tests/store/audience/audience-memory.test.ts` and `tests/store/audience/audience.redis.test.ts`
 * run it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audience, SnapshotBatch } from '../../src/ports.js';
import type { AgeBand, ResidentSettings, Target } from '../../src/schema/index.js';

export interface AudienceHarness {
  audience: Audience;
  cleanup(): Promise<void>;
}

export type MakeAudience = () => Promise<AudienceHarness>;

const initial: ResidentSettings = { topics: ['bousai'], stopped: false };
const s = (topics: string[], area?: string, age?: AgeBand, stopped = false): ResidentSettings => ({
  topics,
  ...(area ? { area } : {}),
  ...(age ? { age } : {}),
  stopped,
});

async function collect(it: AsyncIterable<SnapshotBatch>): Promise<SnapshotBatch[]> {
  const out: SnapshotBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

/** A small town: who lives where, chose what, and is how old. */
const TOWN: Array<[string, ResidentSettings]> = [
  ['U01', s(['bousai'], '中部', '70plus')],
  ['U02', s(['bousai', 'kosodate'], '東部', '30s')],
  ['U03', s(['kosodate'], '中部', '30s')],
  ['U04', s(['kenko', 'event'], '味岡', '70plus')],
  ['U05', s([], '中部', '40s')],
  ['U06', s(['bousai', 'gomi'])],
  ['U07', s(['event'], '東部')],
  ['U08', s(['digital'], undefined, '60s')],
];

/** [target, who matches]: every shape of target (one, two or three dimensions, OR within one). */
const CASES: Array<[Target, string[]]> = [
  [{ all: true }, ['U01', 'U02', 'U03', 'U04', 'U05', 'U06', 'U07', 'U08']],
  [{ topics: ['bousai'] }, ['U01', 'U02', 'U06']],
  [{ topics: ['kosodate', 'event'] }, ['U02', 'U03', 'U04', 'U07']],
  [{ topics: ['mynumber'] }, []],
  [{ areas: ['中部'] }, ['U01', 'U03', 'U05']],
  [{ areas: ['中部', '東部'] }, ['U01', 'U02', 'U03', 'U05', 'U07']],
  [{ areas: ['桃花台'] }, []],
  [{ ages: ['70plus'] }, ['U01', 'U04']],
  [{ ages: ['30s', '60s'] }, ['U02', 'U03', 'U08']],
  [{ topics: ['bousai', 'kosodate'], areas: ['中部'] }, ['U01', 'U03']],
  [{ topics: ['bousai'], ages: ['30s'] }, ['U02']],
  [{ areas: ['中部', '味岡'], ages: ['70plus'] }, ['U01', 'U04']],
  [{ topics: ['kosodate'], areas: ['中部', '東部'], ages: ['30s'] }, ['U02', 'U03']],
  [{ topics: ['kosodate'], areas: ['東部'], ages: ['70plus'] }, []],
  // The same value twice counts once.
  [{ topics: ['bousai', 'bousai'] }, ['U01', 'U02', 'U06']],
];

export function audienceContract(name: string, make: MakeAudience): void {
  describe(`Audience contract: ${name}`, () => {
    let h: AudienceHarness;
    let audience: Audience;
    beforeEach(async () => {
      h = await make();
      audience = h.audience;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    async function settle(town = TOWN): Promise<void> {
      for (const [id, settings] of town) {
        await audience.markFollowed(id, initial);
        await audience.setSettings(id, settings);
      }
    }

    describe('settings', () => {
      it('knows nobody at first', async () => {
        expect(await audience.getSettings('Unobody')).toBeUndefined();
        expect(await audience.count({ all: true })).toBe(0);
      });

      it('gives a new friend the initial settings', async () => {
        await audience.markFollowed('U1', initial);
        expect(await audience.getSettings('U1')).toEqual(initial);
        expect(await audience.count({ all: true })).toBe(1);
        expect(await audience.count({ topics: ['bousai'] })).toBe(1);
        expect(await audience.count({ topics: ['kosodate'] })).toBe(0);
      });

      it('reads back what was set, and counts follow the change at once', async () => {
        await audience.markFollowed('U1', initial);
        const chosen = s(['kosodate', 'event'], '桃花台', '40s');
        await audience.setSettings('U1', chosen);
        expect(await audience.getSettings('U1')).toEqual(chosen);
        expect(await audience.count({ topics: ['bousai'] })).toBe(0);
        expect(await audience.count({ topics: ['event'], areas: ['桃花台'], ages: ['40s'] })).toBe(
          1,
        );

        // 答えない: area and age cleared, their bitmaps no longer match.
        await audience.setSettings('U1', s(['event']));
        expect(await audience.getSettings('U1')).toEqual(s(['event']));
        expect(await audience.count({ areas: ['桃花台'] })).toBe(0);
        expect(await audience.count({ ages: ['40s'] })).toBe(0);
        expect(await audience.count({ topics: ['kosodate'] })).toBe(0);
        expect(await audience.count({ topics: ['event'] })).toBe(1);
      });

      it('makes someone who sets settings without a seen follow a known friend', async () => {
        await audience.setSettings('U2', s(['gomi']));
        expect(await audience.count({ topics: ['gomi'] })).toBe(1);
      });

      it('rejects settings that do not match the schema', async () => {
        const bad = { topics: ['Not An Id'], stopped: false } as ResidentSettings;
        await expect(audience.setSettings('U1', bad)).rejects.toMatchObject({
          code: 'audience/bad-settings',
        });
      });
    });

    describe('stats', () => {
      it('counts friends (配信停止 included), blocked and stopped, following every change', async () => {
        expect(await audience.stats()).toEqual({ friends: 0, blocked: 0, stopped: 0 });
        await settle();
        await audience.setSettings('U03', s(['kosodate'], '中部', '30s', true));
        await audience.setSettings('U05', s([], '中部', '40s', true));
        await audience.markBlocked('U05'); // stopped, then blocked: counts as blocked only
        await audience.markBlocked('U07');
        await audience.markBlocked('Unobody'); // unknown: nothing changes
        expect(await audience.stats()).toEqual({ friends: 6, blocked: 2, stopped: 1 });
        await audience.markFollowed('U07', initial); // back: a friend again, settings kept
        await audience.setSettings('U03', s(['kosodate'], '中部', '30s')); // resumed
        expect(await audience.stats()).toEqual({ friends: 7, blocked: 1, stopped: 0 });
        expect(await audience.count({ all: true })).toBe(7);
      });
    });

    describe('count', () => {
      it.each(CASES.map(([t, who]) => [JSON.stringify(t), t, who] as const))(
        'counts %s',
        async (_label, target, who) => {
          await settle();
          expect(await audience.count(target)).toBe(who.length);
        },
      );

      it('never counts a blocked resident, and a re-follow keeps their settings', async () => {
        await settle();
        await audience.markBlocked('U01');
        expect(await audience.count({ all: true })).toBe(7);
        expect(await audience.count({ ages: ['70plus'] })).toBe(1);
        expect(await audience.getSettings('U01')).toEqual(TOWN[0]![1]);
        // Settings changed while blocked still do not make them match.
        await audience.setSettings('U01', s(['mynumber'], '中部', '70plus'));
        expect(await audience.count({ topics: ['mynumber'] })).toBe(0);

        await audience.markFollowed('U01', initial);
        expect(await audience.getSettings('U01')).toEqual(s(['mynumber'], '中部', '70plus'));
        expect(await audience.count({ topics: ['mynumber'] })).toBe(1);
        expect(await audience.count({ all: true })).toBe(8);
      });

      it('never counts a stopped resident, even for everyone, until they resume', async () => {
        await settle();
        await audience.setSettings('U02', { ...TOWN[1]![1], stopped: true });
        expect(await audience.count({ all: true })).toBe(7);
        expect(await audience.count({ topics: ['kosodate'] })).toBe(1);
        // Blocked and re-followed: still stopped (their own choice is kept).
        await audience.markBlocked('U02');
        await audience.markFollowed('U02', initial);
        expect(await audience.count({ all: true })).toBe(7);
        await audience.setSettings('U02', { ...TOWN[1]![1], stopped: false });
        expect(await audience.count({ topics: ['kosodate'] })).toBe(2);
      });

      it('ignores a block of someone it never saw', async () => {
        await audience.markBlocked('Ustranger');
        expect(await audience.getSettings('Ustranger')).toBeUndefined();
        await audience.markFollowed('Ustranger', initial);
        expect(await audience.count({ topics: ['bousai'] })).toBe(1);
      });

      it('keeps residents apart under concurrent changes', async () => {
        const ids = Array.from({ length: 60 }, (_, i) => `Uc${i}`);
        await Promise.all(ids.map((id) => audience.markFollowed(id, initial)));
        await Promise.all(
          ids.map((id, i) => audience.setSettings(id, s(i % 3 === 0 ? ['gomi'] : ['bousai']))),
        );
        expect(await audience.count({ all: true })).toBe(60);
        expect(await audience.count({ topics: ['gomi'] })).toBe(20);
        expect(await audience.count({ topics: ['bousai'] })).toBe(40);
      });
    });

    describe('snapshots', () => {
      it('freezes the recipients: later changes, blocks and follows do not alter it', async () => {
        await settle();
        expect(await audience.snapshot({ topics: ['bousai'] }, 'bc:1')).toBe(3);
        await audience.setSettings('U01', s(['gomi']));
        await audience.markBlocked('U02');
        await audience.markFollowed('U99', initial);
        expect(await audience.count({ topics: ['bousai'] })).toBe(2);

        const batches = await collect(audience.readSnapshot('bc:1', 0, 500));
        expect(batches).toEqual([{ batch: 0, userIds: ['U01', 'U02', 'U06'] }]);
        // Taking it again changes nothing (a restarted worker may call it again).
        expect(await audience.snapshot({ topics: ['bousai'] }, 'bc:1')).toBe(3);
        expect(await collect(audience.readSnapshot('bc:1', 0, 500))).toEqual(batches);
      });

      it('reads numbered batches of at most the size asked, the same from any start', async () => {
        const ids = Array.from({ length: 23 }, (_, i) => `Ub${String(i).padStart(2, '0')}`);
        for (const id of ids) await audience.markFollowed(id, initial);
        await audience.setSettings('Ub05', s(['gomi']));
        expect(await audience.snapshot({ topics: ['bousai'] }, 'bc:2')).toBe(22);

        const all = await collect(audience.readSnapshot('bc:2', 0, 5));
        expect(all.map((b) => b.batch)).toEqual([0, 1, 2, 3, 4]);
        expect(all.map((b) => b.userIds.length)).toEqual([5, 5, 5, 5, 2]);
        const flat = all.flatMap((b) => b.userIds);
        expect(flat).toEqual(ids.filter((id) => id !== 'Ub05'));

        expect(await collect(audience.readSnapshot('bc:2', 3, 5))).toEqual(all.slice(3));
        expect(await collect(audience.readSnapshot('bc:2', 5, 5))).toEqual([]);
        expect(await collect(audience.readSnapshot('bc:2', 0, 500))).toEqual([
          { batch: 0, userIds: flat },
        ]);
      });

      it('snapshots everyone, or no one', async () => {
        await settle();
        expect(await audience.snapshot({ all: true }, 'bc:all')).toBe(8);
        expect((await collect(audience.readSnapshot('bc:all', 0, 3))).length).toBe(3);
        expect(await audience.snapshot({ topics: ['mynumber'] }, 'bc:none')).toBe(0);
        expect(await collect(audience.readSnapshot('bc:none', 0, 500))).toEqual([]);
      });

      it('refuses to read a snapshot that was never taken or was dropped', async () => {
        await settle();
        await expect(collect(audience.readSnapshot('bc:missing', 0, 500))).rejects.toMatchObject({
          code: 'audience/no-snapshot',
        });
        await audience.snapshot({ all: true }, 'bc:3');
        await audience.dropSnapshot('bc:3');
        await expect(collect(audience.readSnapshot('bc:3', 0, 500))).rejects.toMatchObject({
          code: 'audience/no-snapshot',
        });
        // Dropped: the key can be taken again, from the current audience.
        await audience.markBlocked('U08');
        expect(await audience.snapshot({ all: true }, 'bc:3')).toBe(7);
      });

      it('refuses batches over 500, negative batch numbers and bad keys', async () => {
        await settle();
        await audience.snapshot({ all: true }, 'bc:4');
        for (const [from, size] of [
          [0, 501],
          [0, 0],
          [-1, 10],
          [0.5, 10],
        ] as const) {
          await expect(collect(audience.readSnapshot('bc:4', from, size))).rejects.toMatchObject({
            code: 'audience/bad-argument',
          });
        }
        await expect(audience.snapshot({ all: true }, 'has space')).rejects.toMatchObject({
          code: 'audience/bad-argument',
        });
      });
    });
  });
}

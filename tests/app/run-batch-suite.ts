/**
 * Every LINE answer a batch can get, through the real LINE sender against nock: 200, 409 (the
 * retry key was already accepted), rate-limit 429, monthly-quota 429, 5xx and network errors
 * (retried with the same key, then failed), other 4xx (failed at once with LINE's message), a
 * retry key too old to trust, a worker that died after LINE accepted a batch, and nobody left.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBatch, startBroadcast } from '../../src/app/index.js';
import type { MakeWorld, World } from './broadcast-fixture.js';
import { ADMIN, inArea, noticeBody } from './broadcast-fixture.js';

/** The suite, on the worlds `make` builds. */
export function runBatchSuite(label: string, make: MakeWorld, cleanup: () => Promise<void>): void {
  describe(label, () => {
    let w: World;
    let id: string;
    beforeEach(async () => {
      w = await make();
      await w.addResidents(6, () => inArea('中部')); // 3 batches of 2
      id = (await w.service.create(ADMIN, noticeBody())).id;
      await w.service.confirm(ADMIN, id, { count: 6 });
    });

    const keysOf = (calls: World['calls']) => calls.map((c) => c.retryKey);
    const quota = [429, { message: 'You have reached your monthly limit.' }] as const;

    describe('runBatch and LINE', () => {
      it('sends each batch once with its own retry key, stored before the first attempt', async () => {
        await w.queue.runDue();
        expect(w.calls.map((c) => c.to.length)).toEqual([2, 2, 2]);
        const batches = await w.broadcasts.batches(id);
        expect(keysOf(w.calls)).toEqual([0, 1, 2].map((n) => batches.get(n)!.retryKey));
        expect(new Set(keysOf(w.calls)).size).toBe(3);
        expect((await w.service.report(id)).delivered).toBe(6);
      });

      it('counts a 409 (key already accepted) as delivered', async () => {
        w.answer = (_c, i) =>
          i === 1
            ? [
                409,
                { message: 'The retry key is already accepted' },
                { 'x-line-accepted-request-id': 'r' },
              ]
            : [200];
        await w.queue.runDue();
        expect(await w.service.report(id)).toMatchObject({
          state: 'sent',
          delivered: 6,
          failed: 0,
        });
      });

      it('backs off on a rate-limit 429 and continues with the same key', async () => {
        // The sender tries 4 times per call; 6 refusals make the engine wait and come back.
        w.answer = (_c, i) => (i >= 1 && i <= 6 ? [429, { message: 'Too many requests' }] : [200]);
        await w.queue.runDue();
        expect(await w.service.report(id)).toMatchObject({ state: 'sent', delivered: 6 });
        const batch1 = w.calls.slice(1, 8);
        expect(new Set(keysOf(batch1)).size).toBe(1);
        expect(w.accepted).toHaveLength(3);
      });

      it('stops on the monthly quota: the remaining batches fail with that reason, no more requests', async () => {
        w.answer = (_c, i) => (i === 0 ? [200] : [...quota]);
        await w.queue.runDue();
        expect(w.calls).toHaveLength(2);
        const report = await w.service.report(id);
        expect(report).toMatchObject({
          state: 'partly_failed',
          delivered: 2,
          failed: 4,
          failedByReason: { quota: 4 },
          errors: [
            {
              batch: 1,
              reason: 'quota',
              httpStatus: 429,
              lineMessage: 'You have reached your monthly limit.',
            },
            { batch: 2, reason: 'quota' },
          ],
        });
        expect((await w.service.get(id)).stopReason).toBe('quota');
      });

      it('retries 5xx with backoff and the same key, then succeeds', async () => {
        // 4 tries in the sender per attempt; the engine's second attempt succeeds.
        w.answer = (_c, i) => (i < 4 ? [503, { message: 'unavailable' }] : [200]);
        await w.queue.runDue();
        expect(await w.service.report(id)).toMatchObject({ state: 'sent', delivered: 6 });
        expect(new Set(keysOf(w.calls.slice(0, 5))).size).toBe(1);
        expect((await w.broadcasts.batches(id)).get(0)!.attempts).toBe(2);
      });

      it('fails a batch with the reason after every attempt got 5xx', async () => {
        w.answer = (c) =>
          c.to.includes(w.calls[0]!.to[0]!) ? [500, { message: 'internal' }] : [200];
        await w.queue.runDue();
        expect(w.calls.filter((c) => c.retryKey === w.calls[0]!.retryKey)).toHaveLength(12); // 3 attempts × 4 tries
        expect(await w.service.report(id)).toMatchObject({
          state: 'partly_failed',
          delivered: 4,
          failedByReason: { 'server-error': 2 },
          errors: [{ batch: 0, reason: 'server-error', httpStatus: 500, lineMessage: 'internal' }],
        });
      });

      it('fails a batch after every attempt met a network error', async () => {
        w.answer = (_c, i) => (i < 12 ? 'network' : [200]);
        await w.queue.runDue();
        expect(await w.service.report(id)).toMatchObject({
          delivered: 4,
          failedByReason: { network: 2 },
        });
      });

      it('fails a batch at once on another 4xx, keeping LINE’s message, and sends the others', async () => {
        w.answer = (_c, i) =>
          i === 0
            ? [
                400,
                {
                  message: 'The request body has 1 error(s)',
                  details: [{ message: 'invalid', property: 'messages[0].text' }],
                },
              ]
            : [200];
        await w.queue.runDue();
        expect(w.calls).toHaveLength(3);
        expect(await w.service.report(id)).toMatchObject({
          state: 'partly_failed',
          delivered: 4,
          failed: 2,
          failedByReason: { rejected: 2 },
          errors: [
            {
              batch: 0,
              reason: 'rejected',
              httpStatus: 400,
              lineMessage: 'The request body has 1 error(s) (messages[0].text: invalid)',
            },
          ],
        });
      });

      it('fails every batch when LINE refuses them all', async () => {
        w.answer = () => [403, { message: 'Access to this API is not available for your account' }];
        await w.queue.runDue();
        expect(await w.service.report(id)).toMatchObject({
          state: 'failed',
          delivered: 0,
          failed: 6,
        });
      });

      it('finishes after a worker died once LINE had accepted a batch: 409, nobody twice', async () => {
        // A worker starts the broadcast, claims batch 0, LINE accepts it, then the worker dies.
        const batches = await startBroadcast(w.deps, id);
        expect(batches).toEqual([0, 1, 2]);
        const key = '11111111-1111-4111-8111-111111111111';
        await w.broadcasts.claimBatch(id, 0, key, w.clock.now().toISOString());
        w.accepted.push({ retryKey: key, to: ['(batch 0)'], messages: [] });
        // A new worker picks everything up again.
        await w.queue.start(id, w.clock.now());
        await w.queue.runDue();
        expect(w.calls[0]).toMatchObject({ retryKey: key });
        expect(w.accepted).toHaveLength(3); // batch 0 (before the crash) + batches 1 and 2
        expect(await w.service.report(id)).toMatchObject({ state: 'sent', delivered: 6 });
      });

      it('does not resend a batch whose retry key is older than LINE keeps it (24 h)', async () => {
        await startBroadcast(w.deps, id);
        await w.broadcasts.claimBatch(
          id,
          1,
          '22222222-2222-4222-8222-222222222222',
          w.clock.now().toISOString(),
        );
        w.clock.advance(23.5 * 3600);
        for (const batch of [0, 1, 2])
          await runBatch(w.deps, { broadcastId: id, batch, attempt: 1, maxAttempts: 3 });
        expect(w.calls).toHaveLength(2);
        expect(keysOf(w.calls)).not.toContain('22222222-2222-4222-8222-222222222222');
        expect(await w.service.report(id)).toMatchObject({
          delivered: 4,
          failedByReason: { 'retry-key-expired': 2 },
        });
        expect(w.logger.messages('error')).toContain(
          'broadcast batch not resent: its retry key is older than LINE keeps keys; delivery unknown',
        );
      });

      it('fails a broadcast nobody matches any more when sending starts', async () => {
        for (let i = 1; i <= 6; i++)
          await w.audience.markBlocked(`U${i.toString(16).padStart(32, '0')}`);
        await w.queue.runDue();
        expect(w.calls).toHaveLength(0);
        expect(await w.service.get(id)).toMatchObject({
          state: 'failed',
          recipients: 0,
          stopReason: 'no-recipients',
        });
      });

      it('does nothing for a batch already settled, a finished broadcast, or an unknown one', async () => {
        await startBroadcast(w.deps, id);
        const job = { broadcastId: id, batch: 0, attempt: 1, maxAttempts: 3 };
        expect(await runBatch(w.deps, job)).toEqual({ status: 'delivered', recipients: 2 });
        expect(await runBatch(w.deps, job)).toEqual({ status: 'delivered' });
        expect(w.calls).toHaveLength(1);
        await w.queue.start(id, w.clock.now());
        await w.queue.runDue();
        expect(await runBatch(w.deps, job)).toEqual({ status: 'skipped' });
        expect(
          await runBatch(w.deps, {
            broadcastId: 'nothing-here',
            batch: 0,
            attempt: 1,
            maxAttempts: 3,
          }),
        ).toEqual({ status: 'skipped' });
        expect(await startBroadcast(w.deps, id)).toEqual([]);
        expect(w.calls).toHaveLength(3);
      });
    });

    afterEach(() => cleanup());
  });
}

/**
 * A broadcast's life through the use cases: draft → preview → test → confirm → scheduled →
 * sending → sent, the night hold, cancellation before and while sending, the confirm-count
 * check, and the audit entry of every write. LINE is nock; everything else is real (memory or Redis).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MakeWorld, World } from './broadcast-fixture.js';
import { ADMIN, inArea, jst, noticeBody, TEST_USERS, userId } from './broadcast-fixture.js';

/** The suite, on the worlds `make` builds. */
export function broadcastSuite(label: string, make: MakeWorld, cleanup: () => Promise<void>): void {
  describe(label, () => {
    let w: World;
    beforeEach(async () => {
      w = await make();
      // 1-3 中部, 4 北部, 5 中部 but 配信停止, 6 中部 but blocked.
      await w.addResidents(6, (i) => inArea(i === 4 ? '北部' : '中部'));
      await w.audience.setSettings(userId(5), { ...inArea('中部'), stopped: true });
      await w.audience.markBlocked(userId(6));
    });

    describe('a broadcast from draft to sent', () => {
      it('previews, tests, confirms and delivers to exactly the matching residents', async () => {
        const b = await w.service.create(ADMIN, noticeBody());
        expect(b).toMatchObject({
          state: 'draft',
          id: expect.stringMatching(/^20260401-[a-z2-9]{6}$/),
        });

        const preview = await w.service.preview(b.id);
        expect(preview).toMatchObject({
          count: 3,
          targetText: '地区: 中部',
          testAccounts: 2,
          problems: [],
        });
        expect(preview.sendAt).toMatchObject({ jst: '2026-04-01 10:00', held: false });
        expect(preview.text).toContain('【テスト市 上下水道部からのお知らせ】');
        expect(preview.text).toContain('お問い合わせ: 上下水道部\n水道課 0568-76-1111');

        expect(await w.service.test(ADMIN, b.id)).toEqual({ recipients: 2 });
        expect(w.calls).toHaveLength(1);
        expect(w.calls[0]!.to).toEqual(TEST_USERS);
        expect(w.calls[0]!.messages[0]!.text).toMatch(/^【テスト送信】/);
        expect(w.calls[0]!.messages[1]).toEqual(preview.messages[0]);

        const confirmed = await w.service.confirm(ADMIN, b.id, { count: 3 });
        expect(confirmed).toMatchObject({
          state: 'scheduled',
          confirmed: { by: 'sato', count: 3 },
          held: false,
        });
        expect(w.queue.pending()).toEqual([{ id: b.id, at: jst('2026-04-01 10:00') }]);

        await w.queue.runDue();
        const sent = await w.service.get(b.id);
        expect(sent).toMatchObject({ state: 'sent', recipients: 3, batches: 2 });
        const delivered = w.accepted.slice(1).flatMap((c) => c.to);
        expect(delivered.sort()).toEqual([userId(1), userId(2), userId(3)]);
        for (const c of w.accepted.slice(1)) expect(c.messages).toEqual(preview.messages);

        const report = await w.service.report(b.id);
        expect(report).toMatchObject({
          state: 'sent',
          recipients: 3,
          confirmedCount: 3,
          batches: { total: 2, delivered: 2, failed: 0, pending: 0 },
          delivered: 3,
          failed: 0,
          failedByReason: {},
          durationMs: 0,
        });
        expect(
          (await w.audit.list({ limit: 10 })).map((e) => [e.action, e.result, e.actor, e.count]),
        ).toEqual([
          ['broadcast.confirm', 'ok', 'sato', 3],
          ['broadcast.test', 'ok', 'sato', 2],
          ['broadcast.create', 'ok', 'sato', 3],
        ]);
      });

      it('freezes the recipients when sending starts, not at confirmation', async () => {
        const b = await w.service.create(ADMIN, noticeBody({ sendAt: '2026-04-01 15:00' }));
        await w.service.confirm(ADMIN, b.id, { count: 3 });
        await w.audience.markFollowed(userId(7), inArea('中部')); // joins before 15:00
        w.clock.set(jst('2026-04-01 15:00'));
        await w.queue.runDue();
        expect(await w.service.get(b.id)).toMatchObject({ state: 'sent', recipients: 4 });
        expect((await w.service.report(b.id)).confirmedCount).toBe(3);
      });

      it('refuses to confirm with a stale count: 409 with a fresh preview, recorded in the audit log', async () => {
        const b = await w.service.create(ADMIN, noticeBody());
        await w.audience.markFollowed(userId(8), inArea('中部'));
        await expect(w.service.confirm(ADMIN, b.id, { count: 3 })).rejects.toMatchObject({
          code: 'broadcast/count-changed',
          detail: { preview: expect.objectContaining({ count: 4 }) },
        });
        expect((await w.service.get(b.id)).state).toBe('draft');
        expect((await w.audit.list({ limit: 1 }))[0]).toMatchObject({
          action: 'broadcast.confirm',
          result: 'broadcast/count-changed',
          count: 4,
          detail: 'the admin saw 3, the target reaches 4 now',
        });
        expect((await w.service.confirm(ADMIN, b.id, { count: 4 })).state).toBe('scheduled');
      });

      it('refuses to confirm a notice nobody would receive', async () => {
        const b = await w.service.create(ADMIN, noticeBody({ target: { areas: ['南部'] } }));
        expect((await w.service.preview(b.id)).problems).toEqual([
          'no resident matches the target now',
        ]);
        await expect(w.service.confirm(ADMIN, b.id, { count: 0 })).rejects.toMatchObject({
          code: 'broadcast/no-recipients',
        });
      });

      it('lets a draft be edited, but not a confirmed broadcast', async () => {
        const b = await w.service.create(ADMIN, noticeBody());
        const edited = await w.service.update(ADMIN, b.id, {
          title: '断水（時間変更）',
          sendAt: '2026-04-01 13:00',
        });
        expect(edited.notice).toMatchObject({
          title: '断水（時間変更）',
          sendAt: '2026-04-01 13:00',
          department: '上下水道部',
        });
        expect(
          (await w.service.update(ADMIN, b.id, { sendAt: null })).notice.sendAt,
        ).toBeUndefined();
        await w.service.confirm(ADMIN, b.id, { count: 3 });
        await expect(w.service.update(ADMIN, b.id, { title: 'x' })).rejects.toMatchObject({
          code: 'broadcast/bad-state',
        });
        expect(
          (await w.audit.list({ limit: 10 })).filter((e) => e.action === 'broadcast.update'),
        ).toHaveLength(2);
      });
    });

    describe('night hold', () => {
      it('holds a non-urgent notice confirmed at 22:00 JST until 08:00, then sends it', async () => {
        w.clock.set(jst('2026-04-01 22:00'));
        const b = await w.service.create(ADMIN, noticeBody());
        expect((await w.service.preview(b.id)).sendAt).toMatchObject({
          jst: '2026-04-02 08:00',
          held: true,
        });
        const confirmed = await w.service.confirm(ADMIN, b.id, { count: 3 });
        expect(confirmed).toMatchObject({
          state: 'scheduled',
          held: true,
          sendAt: jst('2026-04-02 08:00').toISOString(),
        });
        await w.queue.runDue();
        expect((await w.service.get(b.id)).state).toBe('scheduled');
        expect(w.calls).toHaveLength(0);
        w.clock.set(jst('2026-04-02 08:00'));
        await w.queue.runDue();
        expect((await w.service.get(b.id)).state).toBe('sent');
        expect((await w.audit.list({ limit: 1 }))[0]!.detail).toBe(
          'sending held until 2026-04-02 08:00 JST',
        );
      });

      it('sends an urgent notice at night at once', async () => {
        w.clock.set(jst('2026-04-01 23:30'));
        const b = await w.service.create(ADMIN, noticeBody({ urgent: true }));
        expect(await w.service.confirm(ADMIN, b.id, { count: 3 })).toMatchObject({ held: false });
        await w.queue.runDue();
        expect((await w.service.get(b.id)).state).toBe('sent');
        expect(w.accepted[0]!.messages[0]!.text).toMatch(/^【【緊急】テスト市/);
      });

      it('uses the configured quiet hours', async () => {
        w = await make({ quietHours: { start: 23, end: 6 } }, '2026-04-01 22:00');
        await w.addResidents(1, () => inArea('中部'));
        const b = await w.service.create(ADMIN, noticeBody());
        expect(await w.service.confirm(ADMIN, b.id, { count: 1 })).toMatchObject({ held: false });
      });
    });

    describe('cancelling', () => {
      it('cancels a scheduled broadcast: nothing is sent', async () => {
        const b = await w.service.create(ADMIN, noticeBody({ sendAt: '2026-04-01 15:00' }));
        await w.service.confirm(ADMIN, b.id, { count: 3 });
        const cancelled = await w.service.cancel(ADMIN, b.id);
        expect(cancelled).toMatchObject({ state: 'cancelled', cancelled: { by: 'sato' } });
        expect(w.queue.pending()).toEqual([]);
        w.clock.set(jst('2026-04-01 15:00'));
        await w.queue.runDue();
        expect(w.calls).toHaveLength(0);
        await expect(w.service.cancel(ADMIN, b.id)).rejects.toMatchObject({
          code: 'broadcast/bad-state',
        });
        expect((await w.audit.list({ limit: 1 }))[0]).toMatchObject({
          action: 'broadcast.cancel',
          detail: 'cancelled while scheduled',
          count: 3,
          target: { areas: ['中部'] },
        });
      });

      it('cancels while sending: the batch in flight finishes, the remaining ones are not sent', async () => {
        await w.addResidents(10, () => inArea('中部')); // residents 1-10, 4 → 中部 too now
        const b = await w.service.create(ADMIN, noticeBody());
        const count = (await w.service.preview(b.id)).count;
        expect(count).toBe(8); // 1-4, 7-10 (5 stopped, 6 blocked)
        await w.service.confirm(ADMIN, b.id, { count });
        let cancelled: Promise<unknown> | undefined;
        w.answer = (_call, i) => {
          if (i === 1) cancelled = w.service.cancel(ADMIN, b.id); // while batch 1 is at LINE
          return [200, {}];
        };
        await w.queue.runDue();
        await cancelled;
        expect(w.calls).toHaveLength(2);
        const report = await w.service.report(b.id);
        expect(report).toMatchObject({
          state: 'cancelled',
          recipients: 8,
          delivered: 4,
          cancelled: 4,
          batches: { total: 4, delivered: 2, cancelled: 2, pending: 0 },
        });
        expect(report.finishedAt).toBeDefined();
      });

      it('cancels a draft', async () => {
        const b = await w.service.create(ADMIN, noticeBody());
        expect((await w.service.cancel(ADMIN, b.id)).state).toBe('cancelled');
        await expect(w.service.confirm(ADMIN, b.id, { count: 3 })).rejects.toMatchObject({
          code: 'broadcast/bad-state',
        });
      });
    });

    afterEach(() => cleanup());
  });
}

/**
 * A broadcast's life through the admin API, as an admin sees it: every state, the confirm-count
 * mismatch (409 with a fresh preview), the report, and the audit entry of every write.
 */
import { describe, expect, it } from 'vitest';
import { jst, noticeBody, userId, inArea } from '../app/broadcast-fixture.js';
import { useAdminWorld } from './admin-fixture.js';
import type { AdminWorld } from './admin-fixture.js';

let w: AdminWorld;
useAdminWorld((world) => {
  w = world;
});

describe('admin API: a broadcast’s life', () => {
  it('goes draft → scheduled → sending → sent, with preview, test send and report', async () => {
    const staff = w.as('broadcaster');
    const created = await staff.post('/broadcasts', noticeBody({ sendAt: '2026-04-01 13:00' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      state: 'draft',
      created: { by: 'sato' },
      notice: { department: '上下水道部' },
    });

    const preview = await staff.get(`/broadcasts/${id}/preview`);
    expect(preview.body).toMatchObject({
      count: 3,
      targetText: '地区: 中部',
      sendAt: { jst: '2026-04-01 13:00', held: false, urgent: false },
      testAccounts: 2,
    });
    expect(preview.body.messages[0].text).toContain('水道課 0568-76-1111');

    expect((await staff.post(`/broadcasts/${id}/test`)).body).toEqual({ recipients: 2 });

    await w.audience.markFollowed(userId(9), inArea('中部'));
    const stale = await staff.post(`/broadcasts/${id}/confirm`, { count: 3 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'broadcast/count-changed',
      error: expect.stringContaining('the preview showed 3 recipients, there are 4 now'),
      preview: { count: 4, id },
    });

    const ok = await staff.post(`/broadcasts/${id}/confirm`, { count: 4 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: 'scheduled',
      confirmed: { count: 4, by: 'sato' },
      sendAt: jst('2026-04-01 13:00').toISOString(),
    });
    expect(
      (await staff.get(`/broadcasts?state=scheduled`)).body.broadcasts.map(
        (b: { id: string }) => b.id,
      ),
    ).toEqual([id]);

    w.clock.set(jst('2026-04-01 13:00'));
    let during: unknown;
    w.answer = (_c, i) => {
      if (i === 1) during = w.service.get(id).then((b) => b.state);
      return [200];
    };
    await w.queue.runDue();
    expect(await during).toBe('sending');
    const report = await w.as('viewer').get(`/broadcasts/${id}/report`);
    expect(report.body).toMatchObject({
      state: 'sent',
      recipients: 4,
      confirmedCount: 4,
      batches: { total: 2, delivered: 2, failed: 0, cancelled: 0, pending: 0 },
      delivered: 4,
      failed: 0,
      failedByReason: {},
      startedAt: jst('2026-04-01 13:00').toISOString(),
      finishedAt: jst('2026-04-01 13:00').toISOString(),
      durationMs: 0,
    });

    const audit = await w.as('admin').get('/audit');
    expect(
      audit.body.entries.map((e: Record<string, unknown>) => [
        e.action,
        e.result,
        e.actor,
        e.count ?? null,
      ]),
    ).toEqual([
      ['broadcast.confirm', 'ok', 'sato', 4],
      ['broadcast.confirm', 'broadcast/count-changed', 'sato', 4],
      ['broadcast.test', 'ok', 'sato', 2],
      ['broadcast.create', 'ok', 'sato', 3],
    ]);
    for (const e of audit.body.entries) {
      expect(e).toMatchObject({ broadcastId: id, role: 'broadcaster', at: expect.any(String) });
    }
    expect(audit.body.entries[0].target).toEqual({ areas: ['中部'] });
  });

  it('records edits and cancellations, and pages back through the audit log', async () => {
    const staff = w.as('broadcaster');
    const id = (await staff.post('/broadcasts', noticeBody())).body.id as string;
    expect(
      (await staff.patch(`/broadcasts/${id}`, { urgent: true, title: '至急: 断水' })).body.notice,
    ).toMatchObject({ urgent: true, title: '至急: 断水' });
    expect((await staff.post(`/broadcasts/${id}/cancel`)).body).toMatchObject({
      state: 'cancelled',
      cancelled: { by: 'sato' },
    });
    const admin = w.as('admin');
    const newest = (await admin.get('/audit?limit=2')).body.entries;
    expect(newest.map((e: { action: string }) => e.action)).toEqual([
      'broadcast.cancel',
      'broadcast.update',
    ]);
    expect(newest[1].detail).toBe('changed: title, urgent');
    const older = (await admin.get(`/audit?limit=5&before=${newest[1].id}`)).body.entries;
    expect(older.map((e: { action: string }) => e.action)).toEqual(['broadcast.create']);
  });

  it('partly fails, and shows LINE’s reasons in the report', async () => {
    const staff = w.as('broadcaster');
    const id = (await staff.post('/broadcasts', noticeBody({ target: { all: true } }))).body
      .id as string;
    await staff.post(`/broadcasts/${id}/confirm`, { count: 5 });
    w.answer = (_c, i) => (i === 2 ? [400, { message: 'Invalid messages' }] : [200]);
    await w.queue.runDue();
    expect((await staff.get(`/broadcasts/${id}/report`)).body).toMatchObject({
      state: 'partly_failed',
      delivered: 4,
      failed: 1,
      failedByReason: { rejected: 1 },
      errors: [{ batch: 2, reason: 'rejected', httpStatus: 400, lineMessage: 'Invalid messages' }],
    });
  });

  it('fails when LINE refuses every batch', async () => {
    const staff = w.as('broadcaster');
    const id = (await staff.post('/broadcasts', noticeBody())).body.id as string;
    await staff.post(`/broadcasts/${id}/confirm`, { count: 3 });
    w.answer = () => [429, { message: 'You have reached your monthly limit.' }];
    await w.queue.runDue();
    expect((await staff.get(`/broadcasts/${id}`)).body).toMatchObject({
      state: 'failed',
      stopReason: 'quota',
    });
  });

  it('answers 502 when LINE refuses a test send', async () => {
    const staff = w.as('broadcaster');
    const id = (await staff.post('/broadcasts', noticeBody())).body.id as string;
    w.answer = () => [400, { message: 'The user id is not valid' }];
    const res = await staff.post(`/broadcasts/${id}/test`);
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({
      code: 'line/api-error',
      error: expect.stringContaining('The user id is not valid'),
    });
  });
});

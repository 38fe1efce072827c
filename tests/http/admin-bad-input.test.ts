/** Bad input on every admin endpoint: a 4xx that says what is wrong, and nothing changes. */
import { describe, expect, it } from 'vitest';
import { noticeBody } from '../app/broadcast-fixture.js';
import { adminWorld, useAdminWorld } from './admin-fixture.js';
import type { AdminWorld } from './admin-fixture.js';

let w: AdminWorld;
let id: string;
useAdminWorld(async (world) => {
  w = world;
  id = (await w.as('broadcaster').post('/broadcasts', noticeBody())).body.id as string;
});

describe('admin API: bad input', () => {
  it('POST /broadcasts lists every missing or wrong field', async () => {
    const res = await w.as('broadcaster').post('/broadcasts', {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('broadcast/bad-request');
    expect(res.body.problems).toEqual([
      'title: is required',
      'message: message.type must be "text" or "flex"',
      'department: is required',
      'contact: is required',
      'target: give { all: true } for every friend, or topics, areas and/or ages (non-empty lists of ids from city.yaml)',
    ]);
    const empty = await w
      .as('broadcaster')
      .post(
        '/broadcasts',
        noticeBody({ department: '  ', contact: '', extra: 1, sendAt: '2026-02-30 09:00' }),
      );
    expect(empty.body.problems).toEqual([
      'department: must not be empty',
      'contact: must not be empty',
      'sendAt: must be a date and time like "2026-04-01 09:30" (JST) or ISO 8601 with an offset',
      '(body): Unrecognized key: "extra"',
    ]);
  });

  it('POST /broadcasts checks the target and the Flex parameters against the city', async () => {
    const res = await w.as('broadcaster').post(
      '/broadcasts',
      noticeBody({
        target: { areas: ['火星'], topics: ['nothing'] },
        message: { type: 'flex', template: 'event', params: { place: '市役所' } },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'broadcast/bad-notice' });
    expect(res.body.problems).toEqual([
      'target.topics: unknown topic "nothing" (known: bousai, kosodate, event)',
      'target.areas: unknown area "火星" (known: 中部, 北部, 南部)',
      'message.params.date: required by "event"',
    ]);
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const res = await w.as('broadcaster').post('/broadcasts', '{"title": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('the body is not valid JSON');
    const big = await w
      .as('broadcaster')
      .post('/broadcasts', noticeBody({ title: 'x'.repeat(200_000) }));
    expect(big.status).toBe(413);
  });

  it('PATCH /broadcasts/:id needs a change, a real id and a draft', async () => {
    const staff = w.as('broadcaster');
    expect((await staff.patch(`/broadcasts/${id}`, {})).body.problems).toEqual([
      '(body): give at least one field to change',
    ]);
    expect((await staff.patch(`/broadcasts/${id}`, { urgent: 'yes' })).body.problems).toEqual([
      'urgent: Invalid input: expected boolean, received string',
    ]);
    expect((await staff.patch('/broadcasts/20990101-nothere', { title: 'x' })).status).toBe(404);
    const bad = await staff.patch('/broadcasts/..%2F..%2Fetc', { title: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/is not a broadcast id/);
  });

  it('GET endpoints refuse bad queries and unknown ids', async () => {
    const viewer = w.as('viewer');
    expect((await viewer.get('/broadcasts?state=done')).body.problems[0]).toMatch(
      /^state: Invalid option: expected one of "draft"/,
    );
    expect((await viewer.get('/broadcasts?limit=0')).body.error).toBe(
      'limit must be a whole number 1-500',
    );
    for (const path of ['', '/preview', '/report']) {
      const res = await viewer.get(`/broadcasts/20990101-nothere${path}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: 'no broadcast "20990101-nothere"',
        code: 'broadcast/not-found',
      });
    }
    expect((await w.as('admin').get('/audit?limit=abc')).body.error).toBe(
      'limit must be a whole number 1-1000',
    );
    expect((await viewer.get('/nothing')).status).toBe(404);
  });

  it('POST /audience/count needs a target the city knows', async () => {
    const viewer = w.as('viewer');
    expect((await viewer.post('/audience/count', {})).body.problems).toEqual([
      'target: give { all: true } for every friend, or topics, areas and/or ages (non-empty lists of ids from city.yaml)',
    ]);
    const unknown = await viewer.post('/audience/count', { target: { areas: ['火星'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual(['areas: unknown area "火星" (known: 中部, 北部, 南部)']);
    expect((await viewer.post('/audience/count', { target: { topics: [] } })).status).toBe(400);
    expect((await viewer.post('/audience/count', { target: { areas: ['中部'] } })).body).toEqual({
      count: 3,
      target: { areas: ['中部'] },
      description: '地区: 中部',
    });
  });

  it('POST /broadcasts/:id/confirm needs the count the admin saw, and a draft', async () => {
    const staff = w.as('broadcaster');
    expect((await staff.post(`/broadcasts/${id}/confirm`, {})).body.problems).toEqual([
      'count: the recipient count shown by the preview (a number)',
    ]);
    expect((await staff.post(`/broadcasts/${id}/confirm`, { count: -1 })).status).toBe(400);
    expect((await staff.post(`/broadcasts/${id}/confirm`, { count: '3' })).status).toBe(400);
    expect((await w.service.get(id)).state).toBe('draft');
    expect((await staff.post(`/broadcasts/${id}/confirm`, { count: 3 })).status).toBe(200);
    const again = await staff.post(`/broadcasts/${id}/confirm`, { count: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe(`cannot confirm broadcast ${id}: it is scheduled`);
  });

  it('POST /broadcasts/:id/confirm refuses a send time that has passed', async () => {
    const staff = w.as('broadcaster');
    await staff.patch(`/broadcasts/${id}`, { sendAt: '2026-03-31 09:00' });
    const res = await staff.post(`/broadcasts/${id}/confirm`, { count: 3 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(
      'the send time 2026-03-31 09:00 has already passed (now 2026-04-01 10:00)',
    );
    expect((await staff.get(`/broadcasts/${id}/preview`)).body.problems).toEqual([res.body.error]);
  });

  it('POST /broadcasts/:id/test needs test accounts and a broadcast not yet sending', async () => {
    const none = await adminWorld({ testUserIds: [] });
    const nid = (await none.as('broadcaster').post('/broadcasts', noticeBody())).body.id as string;
    const res = await none.as('broadcaster').post(`/broadcasts/${nid}/test`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/ADMIN_TEST_USER_IDS/);
    await w.as('broadcaster').post(`/broadcasts/${id}/cancel`);
    expect((await w.as('broadcaster').post(`/broadcasts/${id}/test`)).status).toBe(409);
  });

  it('POST /broadcasts/:id/cancel refuses what is finished or unknown', async () => {
    const staff = w.as('broadcaster');
    expect((await staff.post('/broadcasts/20990101-nothere/cancel')).status).toBe(404);
    expect((await staff.post(`/broadcasts/${id}/cancel`)).status).toBe(200);
    const twice = await staff.post(`/broadcasts/${id}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatch(/it is cancelled/);
  });
});

/** Admin API tokens and roles: 401 without a valid token, 403 below the role, 503 when off. */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { noticeBody } from '../app/broadcast-fixture.js';
import { adminWorld, TOKENS, useAdminWorld } from './admin-fixture.js';
import type { AdminWorld } from './admin-fixture.js';

let w: AdminWorld;
useAdminWorld((world) => {
  w = world;
});

describe('admin API authentication', () => {
  it('refuses requests without a valid bearer token (401), and says how to authenticate', async () => {
    for (const header of [
      undefined,
      'Bearer nope',
      `Basic ${TOKENS.admin}`,
      `Bearer ${TOKENS.admin}x`,
      `Bearer ${TOKENS.admin.slice(1)}`,
      'Bearer',
    ]) {
      const t = request(w.app).get('/admin/api/me');
      const res = await (header === undefined ? t : t.set('Authorization', header));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.error).toMatch(/Authorization: Bearer/);
    }
  });

  it('knows who is calling', async () => {
    expect((await w.as('viewer').get('/me')).body).toEqual({ name: 'ito', role: 'viewer' });
    expect(
      (await w.as('admin').get('/me').set('authorization', `bearer ${TOKENS.admin}`)).body,
    ).toEqual({ name: 'boss', role: 'admin' });
  });

  it('is off (503) when no tokens are configured', async () => {
    const off = await adminWorld({}, '');
    const res = await off.as('admin').get('/me');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatch(/ADMIN_TOKENS/);
  });
});

describe('admin API roles', () => {
  it('lets a viewer read but not write: no draft, edit, test, confirm or cancel', async () => {
    const id = (await w.as('broadcaster').post('/broadcasts', noticeBody())).body.id as string;
    const viewer = w.as('viewer');
    for (const path of [
      '/broadcasts',
      `/broadcasts/${id}`,
      `/broadcasts/${id}/preview`,
      `/broadcasts/${id}/report`,
    ]) {
      expect((await viewer.get(path)).status).toBe(200);
    }
    expect((await viewer.post('/audience/count', { target: { all: true } })).body).toMatchObject({
      count: 5,
    });
    const writes = [
      viewer.post('/broadcasts', noticeBody()),
      viewer.patch(`/broadcasts/${id}`, { title: 'x' }),
      viewer.post(`/broadcasts/${id}/test`),
      viewer.post(`/broadcasts/${id}/confirm`, { count: 3 }),
      viewer.post(`/broadcasts/${id}/cancel`),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('the viewer role cannot do this; it needs broadcaster or above');
    }
    expect(w.calls).toHaveLength(0);
    expect((await w.service.get(id)).state).toBe('draft');
    expect(await w.audit.list({ limit: 10 })).toHaveLength(1); // only the broadcaster's create
  });

  it('lets only an admin read the audit log', async () => {
    expect((await w.as('viewer').get('/audit')).status).toBe(403);
    expect((await w.as('broadcaster').get('/audit')).status).toBe(403);
    expect((await w.as('admin').get('/audit')).status).toBe(200);
  });

  it('lets an admin do what a broadcaster does', async () => {
    const res = await w.as('admin').post('/broadcasts', noticeBody());
    expect(res.status).toBe(201);
    expect((await w.audit.list({ limit: 1 }))[0]).toMatchObject({ actor: 'boss', role: 'admin' });
  });
});

/**
 * Web console sessions, the finer points: signing in again ends the browser's older session,
 * and every response under /admin (API, redirect) carries the console's security headers.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../../src/http/console/index.js';
import { offlineExceptLocalhost } from '../setup/offline.js';
import { TOKENS, sessionWorld, signIn } from './session-fixture.js';
import type { SessionWorld } from './session-fixture.js';

let w: SessionWorld;
offlineExceptLocalhost();
beforeEach(async () => {
  w = await sessionWorld();
});

describe('signing in again', () => {
  it('gives a new cookie and ends the session the browser still had', async () => {
    const first = await signIn(w.app, TOKENS.viewer);
    const again = await request(w.app)
      .post('/admin/api/session')
      .set('Cookie', first.cookie)
      .send({ token: TOKENS.admin });
    expect(again.status).toBe(200);
    const cookie = String((again.headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!;
    expect(cookie).not.toBe(first.cookie);
    const old = await request(w.app).get('/admin/api/me').set('Cookie', first.cookie);
    expect([old.status, old.body.code]).toEqual([401, 'session/expired']);
    const now = await request(w.app).get('/admin/api/me').set('Cookie', cookie);
    expect(now.body).toEqual({ name: 'boss', role: 'admin' });
  });
});

describe('security headers', () => {
  it('are on API answers too, errors and sign-in included', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    const answers = [
      await request(w.app).get('/admin/api/me').set('Cookie', s.cookie),
      await request(w.app).get('/admin/api/me'),
      await request(w.app).get('/admin/api/nothing-here').set('Cookie', s.cookie),
      await request(w.app).post('/admin/api/session').send({ token: 'wrong' }),
    ];
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('are on the /admin → /admin/ redirect', async () => {
    const built = await sessionWorld({ consoleDir: '/nonexistent-console' });
    const res = await request(built.app).get('/admin');
    expect(res.status).toBe(301);
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('sign-in throttling by network', () => {
  const from = (app: SessionWorld['app'], ip: string, token: string) =>
    request(app).post('/admin/api/session').set('X-Forwarded-For', ip).send({ token });

  it('counts an IPv6 /64 as one client, and IPv4-mapped addresses as their IPv4', async () => {
    const behind = await sessionWorld({ trustProxy: 'loopback' });
    for (let i = 1; i <= 10; i++) {
      expect((await from(behind.app, `2001:db8:1:2::${i.toString(16)}`, 'wrong')).status).toBe(401);
    }
    const sameNet = await from(behind.app, '2001:0db8:0001:0002:ffff::1', TOKENS.admin);
    expect([sameNet.status, sameNet.body.code]).toEqual([429, 'session/too-many-attempts']);
    expect((await from(behind.app, '2001:db8:1:3::1', TOKENS.admin)).status).toBe(200);

    for (let i = 0; i < 10; i++) await from(behind.app, '::ffff:192.0.2.7', 'wrong');
    expect((await from(behind.app, '192.0.2.7', TOKENS.admin)).status).toBe(429);
    expect((await from(behind.app, '192.0.2.8', TOKENS.admin)).status).toBe(200);
  });
});

/**
 * Web console sessions, the finer points: signing in again ends the browser's older session,
 * and every response under /admin (API, redirect) carries the console's security headers.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
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

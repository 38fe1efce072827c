/**
 * Web console sessions while Redis is down: every cookie request (sign-in, the session, an API
 * call, sign-out) answers 503 `store/unavailable` with a message saying to try again, never a
 * bare 500, and nothing secret reaches the log. The session store is the real Redis one,
 * pointed at a port where nothing listens.
 */
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../../src/store/session/index.js';
import type { RedisSessionStore } from '../../src/store/session/index.js';
import { offlineExceptLocalhost } from '../setup/offline.js';
import { TOKENS, sessionWorld } from './session-fixture.js';
import type { SessionWorld } from './session-fixture.js';

let w: SessionWorld;
let store: RedisSessionStore;
offlineExceptLocalhost();
beforeEach(async () => {
  w = await sessionWorld({
    sessions: (clock) => (store = createRedisSessionStore({ url: 'redis://127.0.0.1:1', clock })),
  });
});
afterEach(async () => {
  await store.close();
});

const COOKIE = `madoguchi_session=${'k'.repeat(43)}`;
const UNAVAILABLE = {
  code: 'store/unavailable',
  error: 'the session store (Redis) is not reachable now; try again shortly',
};

describe('sessions while the store is down', () => {
  it('answers 503 with a clear message to every cookie request', async () => {
    const answers = [
      await request(w.app).post('/admin/api/session').send({ token: TOKENS.admin }),
      await request(w.app).get('/admin/api/session').set('Cookie', COOKIE),
      await request(w.app).get('/admin/api/me').set('Cookie', COOKIE),
      await request(w.app).delete('/admin/api/session').set('Cookie', COOKIE),
    ];
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual(UNAVAILABLE);
    }
    // A store failure during sign-in is no wrong token: not audited as one, not throttled.
    const actions = (await w.audit.list({ limit: 10 })).map((e) => e.action);
    expect(actions).not.toContain('session.sign_in_failed');
    const logged = JSON.stringify(w.logger.lines);
    expect(logged).toContain('store unavailable');
    expect(logged).not.toContain('k'.repeat(43));
    expect(logged).not.toContain(TOKENS.admin);
  });

  it('leaves bearer tokens working: they need no session store', async () => {
    const res = await request(w.app)
      .get('/admin/api/me')
      .set('Authorization', `Bearer ${TOKENS.viewer}`);
    expect(res.status).toBe(200);
  });
});

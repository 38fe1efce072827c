/**
 * Web console sessions: sign-in with a token, the cookie's attributes, CSRF and Origin checks on
 * cookie writes (bearer tokens need neither), sign-out, and the ends of a session: idle time,
 * absolute lifetime, and its token leaving ADMIN_TOKENS.
 */
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { noticeBody } from '../app/broadcast-fixture.js';
import { offlineExceptLocalhost } from '../setup/offline.js';
import { ALL_TOKENS, TOKENS, setCookies, sessionWorld, signIn } from './session-fixture.js';
import type { SessionWorld } from './session-fixture.js';

let w: SessionWorld;
offlineExceptLocalhost();
beforeEach(async () => {
  w = await sessionWorld();
});

const COOKIE =
  /^madoguchi_session=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=28800$/;

describe('sign-in', () => {
  it('answers who signed in, a CSRF token and the session times, and sets the cookie', async () => {
    const res = await request(w.app).post('/admin/api/session').send({ token: TOKENS.broadcaster });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: 'sato',
      role: 'broadcaster',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: '2026-04-01T09:00:00.000Z',
      idleMinutes: 30,
    });
    expect(setCookies(res)).toEqual([expect.stringMatching(COOKIE)]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives the same 401 whatever was wrong, and no cookie', async () => {
    const answers = [];
    for (const body of [
      { token: 'nope' },
      { token: `${TOKENS.admin}x` },
      { token: '' },
      {},
      { token: 42 },
      '{not json',
    ]) {
      const t = request(w.app).post('/admin/api/session');
      const res = await (typeof body === 'string'
        ? t.set('Content-Type', 'application/json').send(body)
        : t.send(body));
      answers.push([res.status, res.body, setCookies(res)]);
    }
    const wrong = [401, { error: 'the token is not valid', code: 'session/bad-token' }, []];
    expect(answers).toEqual(Array(6).fill(wrong));
  });

  it('marks the cookie Secure only over HTTPS, as told by a trusted proxy', async () => {
    const direct = await request(w.app)
      .post('/admin/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ token: TOKENS.admin });
    expect(setCookies(direct)[0]).not.toMatch(/Secure/);

    const behind = await sessionWorld({ trustProxy: 'loopback' });
    const res = await request(behind.app)
      .post('/admin/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ token: TOKENS.admin });
    expect(setCookies(res)[0]).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const res = await request(w.app)
      .post('/admin/api/session')
      .set('Origin', 'https://evil.example')
      .send({ token: TOKENS.admin });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('session/csrf');
    expect(setCookies(res)).toEqual([]);
  });
});

describe('the session cookie', () => {
  it('authenticates API calls and GET /session answers what sign-in answered', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    const me = await request(w.app).get('/admin/api/me').set('Cookie', s.cookie);
    expect(me.body).toEqual({ name: 'ito', role: 'viewer' });
    const again = await request(w.app).get('/admin/api/session').set('Cookie', s.cookie);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ name: 'ito', role: 'viewer', csrfToken: s.csrf });
  });

  it('says session/none without a cookie (and bearer callers still get their hint)', async () => {
    const none = await request(w.app).get('/admin/api/session');
    expect([none.status, none.body.code]).toEqual([401, 'session/none']);
    const me = await request(w.app).get('/admin/api/me');
    expect([me.status, me.body.code]).toEqual([401, 'session/none']);
    expect(me.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('needs the CSRF token for writes: without or with a wrong one, 403 and nothing created', async () => {
    const s = await signIn(w.app, TOKENS.broadcaster);
    for (const csrf of [undefined, 'x'.repeat(43), s.csrf.slice(1)]) {
      const t = request(w.app).post('/admin/api/broadcasts').set('Cookie', s.cookie);
      const res = await (csrf === undefined ? t : t.set('X-CSRF-Token', csrf)).send(noticeBody());
      expect([res.status, res.body.code]).toEqual([403, 'session/csrf']);
    }
    expect(await w.broadcasts.list({ limit: 10 })).toEqual([]);
    const ok = await request(w.app)
      .post('/admin/api/broadcasts')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf)
      .send(noticeBody());
    expect(ok.status).toBe(201);
    expect(await w.broadcasts.list({ limit: 10 })).toHaveLength(1);
  });

  it('reads without a CSRF token', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    expect((await request(w.app).get('/admin/api/broadcasts').set('Cookie', s.cookie)).status).toBe(
      200,
    );
  });

  it('refuses a cookie write from another origin, even with the CSRF token', async () => {
    const s = await signIn(w.app, TOKENS.broadcaster);
    const post = (origin: string) =>
      request(w.app)
        .post('/admin/api/audience/count')
        .set('Host', 'madoguchi.test')
        .set('Cookie', s.cookie)
        .set('X-CSRF-Token', s.csrf)
        .set('Origin', origin)
        .send({ target: { all: true } });
    const evil = await post('https://evil.example');
    expect([evil.status, evil.body.code]).toEqual([403, 'session/csrf']);
    expect(evil.body.error).toContain('http://madoguchi.test');
    expect((await post('http://madoguchi.test')).body).toMatchObject({ count: 5 });
  });

  it('behind a trusted TLS proxy, takes https://<host> as our own origin', async () => {
    const behind = await sessionWorld({ trustProxy: 1 });
    const s = await signIn(behind.app, TOKENS.viewer);
    const post = (proto: string) =>
      request(behind.app)
        .post('/admin/api/audience/count')
        .set('Host', 'madoguchi.test')
        .set('X-Forwarded-Proto', proto)
        .set('Cookie', s.cookie)
        .set('X-CSRF-Token', s.csrf)
        .set('Origin', 'https://madoguchi.test')
        .send({ target: { all: true } });
    expect((await post('https')).status).toBe(200);
    expect((await post('http')).status).toBe(403);
  });

  it('leaves bearer tokens as they were: no CSRF token needed, bearer wins over a cookie', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    const res = await request(w.app)
      .post('/admin/api/broadcasts')
      .set('Cookie', s.cookie)
      .set('Authorization', `Bearer ${TOKENS.broadcaster}`)
      .send(noticeBody());
    expect(res.status).toBe(201);
    const [created] = await w.audit.list({ limit: 1 });
    expect([created?.action, created?.actor]).toEqual(['broadcast.create', 'sato']);
  });

  it('keeps roles: a viewer session cannot create a broadcast', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    const res = await request(w.app)
      .post('/admin/api/broadcasts')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf)
      .send(noticeBody());
    expect(res.status).toBe(403);
    expect(await w.broadcasts.list({ limit: 10 })).toEqual([]);
  });
});

describe('the end of a session', () => {
  const me = (cookie: string) => request(w.app).get('/admin/api/me').set('Cookie', cookie);

  it('ends after the idle time, each request sliding it', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    w.clock.advance(29 * 60);
    expect((await me(s.cookie)).status).toBe(200);
    w.clock.advance(29 * 60);
    expect((await me(s.cookie)).status).toBe(200);
    w.clock.advance(30 * 60 + 1);
    const res = await me(s.cookie);
    expect([res.status, res.body.code]).toEqual([401, 'session/expired']);
    expect(setCookies(res)[0]).toMatch(/^madoguchi_session=; Path=\/admin; .*Max-Age=0/);
  });

  it('ends after its absolute lifetime, however active', async () => {
    const s = await signIn(w.app, TOKENS.viewer);
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      w.clock.advance(20 * 60);
      expect((await me(s.cookie)).status).toBe(200);
    }
    w.clock.advance(20 * 60);
    expect((await me(s.cookie)).body.code).toBe('session/expired');
    expect((await request(w.app).get('/admin/api/session').set('Cookie', s.cookie)).status).toBe(
      401,
    );
  });

  it('signs out: CSRF needed, then the session is gone on the server, not just the cookie', async () => {
    const s = await signIn(w.app, TOKENS.admin);
    const refused = await request(w.app).delete('/admin/api/session').set('Cookie', s.cookie);
    expect([refused.status, refused.body.code]).toEqual([403, 'session/csrf']);
    expect((await me(s.cookie)).status).toBe(200);

    const out = await request(w.app)
      .delete('/admin/api/session')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf);
    expect(out.status).toBe(204);
    expect(setCookies(out)[0]).toMatch(
      /^madoguchi_session=; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=0$/,
    );
    expect((await me(s.cookie)).body.code).toBe('session/expired');
  });

  it('ends when its token leaves ADMIN_TOKENS or changes role', async () => {
    const viewer = await signIn(w.app, TOKENS.viewer);
    const boss = await signIn(w.app, TOKENS.admin);
    const sato = await signIn(w.app, TOKENS.broadcaster);
    const later = w.appWith(
      `sato:viewer:${TOKENS.broadcaster},boss:admin:${'n'.repeat(32)},kato:admin:${TOKENS.viewer}`,
    );
    for (const s of [viewer, boss, sato]) {
      const res = await request(later).get('/admin/api/me').set('Cookie', s.cookie);
      expect([res.status, res.body.code]).toEqual([401, 'session/expired']);
    }
    // Unchanged tokens keep their sessions.
    const still = await signIn(w.app, TOKENS.admin);
    const same = w.appWith(ALL_TOKENS);
    expect((await request(same).get('/admin/api/me').set('Cookie', still.cookie)).status).toBe(200);
  });
});

describe('sign-in throttling and the audit log', () => {
  it('refuses an IP after 10 failed sign-ins in 10 minutes (429, Retry-After), the right token too', async () => {
    for (let i = 0; i < 10; i++) {
      w.clock.advance(30);
      const res = await request(w.app)
        .post('/admin/api/session')
        .send({ token: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await request(w.app).post('/admin/api/session').send({ token: TOKENS.admin });
    expect([blocked.status, blocked.body.code]).toEqual([429, 'session/too-many-attempts']);
    expect(blocked.headers['retry-after']).toBe(String(600 - 9 * 30));
    w.clock.advance(600 - 9 * 30);
    expect(
      (await request(w.app).post('/admin/api/session').send({ token: TOKENS.admin })).status,
    ).toBe(200);
  });

  it('records sign-in, failed sign-in and sign-out, never with token text', async () => {
    await request(w.app)
      .post('/admin/api/session')
      .send({ token: `${TOKENS.admin}-guess` });
    const s = await signIn(w.app, TOKENS.admin);
    await request(w.app)
      .delete('/admin/api/session')
      .set('Cookie', s.cookie)
      .set('X-CSRF-Token', s.csrf);
    const entries = await w.audit.list({ limit: 10 });
    expect(entries.map((e) => [e.action, e.actor, e.role, e.result])).toEqual([
      ['session.sign_out', 'boss', 'admin', 'ok'],
      ['session.sign_in', 'boss', 'admin', 'ok'],
      ['session.sign_in_failed', '?', undefined, 'session/bad-token'],
    ]);
    const written = JSON.stringify(entries) + JSON.stringify(w.logger.lines);
    expect(written).not.toContain(TOKENS.admin);
    expect(written).not.toContain(s.csrf);
    expect(written).not.toContain(s.cookie.split('=')[1]);
  });
});

/**
 * The express app with the admin API and web console sessions over the memory broadcast world
 * (tests/app/broadcast-fixture), its manual clock driving session expiry, and helpers that sign
 * in like the console does (cookie + CSRF token).
 */
import type { Express } from 'express';
import request from 'supertest';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import type { TrustProxy } from '../../src/http/index.js';
import type { Clock, SessionStore } from '../../src/ports.js';
import { AdminTokenListSchema } from '../../src/schema/index.js';
import { createMemorySessionStore } from '../../src/store/session/index.js';
import { inArea, makeWorld } from '../app/broadcast-fixture.js';
import type { World } from '../app/broadcast-fixture.js';
import { TOKENS } from './admin-fixture.js';

export { TOKENS };

export const ALL_TOKENS = `ito:viewer:${TOKENS.viewer},sato:broadcaster:${TOKENS.broadcaster},boss:admin:${TOKENS.admin}`;

export interface SessionWorld extends World {
  app: Express;
  sessions: SessionStore;
  /** Another app on the same stores, as after a restart with other ADMIN_TOKENS. */
  appWith(tokens: string): Express;
}

export async function sessionWorld(
  options: {
    trustProxy?: TrustProxy;
    consoleDir?: string;
    /** The session store on the world's clock; default the memory one. */
    sessions?: (clock: Clock) => SessionStore;
  } = {},
): Promise<SessionWorld> {
  const world = await makeWorld({});
  await world.addResidents(5, (i) => inArea(i <= 3 ? '中部' : '北部'));
  const sessions = (options.sessions ?? ((clock) => createMemorySessionStore({ clock })))(
    world.clock,
  );
  const appWith = (tokens: string) =>
    createHttpApp({
      dispatch: () => {},
      contentReady: () => true,
      checks: {},
      metrics: createMetricsRegistry(),
      logger: world.logger,
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
      ...(options.consoleDir === undefined ? {} : { console: { dir: options.consoleDir } }),
      admin: {
        service: world.service,
        tokens: AdminTokenListSchema.parse(tokens),
        logger: world.logger,
        sessions: {
          store: sessions,
          clock: world.clock,
          idleMinutes: 30,
          maxHours: 8,
          audit: world.audit,
        },
      },
    });
  return Object.assign(world, { app: appWith(ALL_TOKENS), sessions, appWith });
}

export interface SignedIn {
  /** `madoguchi_session=…`, for a `Cookie` header. */
  cookie: string;
  csrf: string;
  setCookie: string;
}

/** Signs in with `token` as the console does, and returns the cookie and CSRF token. */
export async function signIn(app: Express, token: string): Promise<SignedIn> {
  const res = await request(app).post('/admin/api/session').send({ token });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  const setCookie = String((res.headers['set-cookie'] as unknown as string[])[0]);
  return { cookie: setCookie.split(';')[0]!, csrf: res.body.csrfToken as string, setCookie };
}

/** The `Set-Cookie` headers of a response (none: []). */
export const setCookies = (res: request.Response): string[] =>
  (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];

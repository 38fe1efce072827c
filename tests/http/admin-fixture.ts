/**
 * The express app with the admin API over a memory broadcast world (tests/app/broadcast-fixture),
 * three tokens (one per role), and a supertest client that sends a token.
 */
import type { Express } from 'express';
import request from 'supertest';
import { beforeEach } from 'vitest';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import type { BroadcastOptions } from '../../src/app/index.js';
import type { Sender } from '../../src/ports.js';
import { AdminTokenListSchema } from '../../src/schema/index.js';
import { inArea, makeWorld } from '../app/broadcast-fixture.js';
import type { World } from '../app/broadcast-fixture.js';
import { offlineExceptLocalhost } from '../setup/offline.js';

export const TOKENS = {
  viewer: 'v'.repeat(32),
  broadcaster: 'b'.repeat(32),
  admin: 'a'.repeat(32),
};

export interface AdminWorld extends World {
  app: Express;
  as(role: keyof typeof TOKENS | 'nobody'): {
    get(path: string): request.Test;
    post(path: string, body?: object | string): request.Test;
    patch(path: string, body?: object | string): request.Test;
  };
}

export async function adminWorld(
  options: BroadcastOptions = {},
  tokens = `ito:viewer:${TOKENS.viewer},sato:broadcaster:${TOKENS.broadcaster},boss:admin:${TOKENS.admin}`,
  sender?: Sender,
): Promise<AdminWorld> {
  const world = await makeWorld(options, undefined, sender);
  await world.addResidents(5, (i) => inArea(i <= 3 ? '中部' : '北部'));
  const app = createHttpApp({
    dispatch: () => {},
    contentReady: () => true,
    checks: {},
    metrics: createMetricsRegistry(),
    logger: world.logger,
    admin: {
      service: world.service,
      tokens: AdminTokenListSchema.parse(tokens),
      logger: world.logger,
    },
  });
  const auth = (role: keyof typeof TOKENS | 'nobody') => (t: request.Test) =>
    role === 'nobody' ? t : t.set('Authorization', `Bearer ${TOKENS[role]}`);
  return Object.assign(world, {
    app,
    as(role: keyof typeof TOKENS | 'nobody') {
      const a = auth(role);
      return {
        get: (path: string) => a(request(app).get(`/admin/api${path}`)),
        post: (path: string, body?: object | string) => {
          const t = a(request(app).post(`/admin/api${path}`));
          return body === undefined
            ? t
            : typeof body === 'string'
              ? t.set('Content-Type', 'application/json').send(body)
              : t.send(body);
        },
        patch: (path: string, body?: object | string) => {
          const t = a(request(app).patch(`/admin/api${path}`));
          return body === undefined
            ? t
            : typeof body === 'string'
              ? t.set('Content-Type', 'application/json').send(body)
              : t.send(body);
        },
      };
    },
  });
}

/**
 * The hooks of an admin API test file: nothing but LINE faked, and a fresh `adminWorld()` before
 * each test, handed to `use` (which may set up more, e.g. a draft).
 */
export function useAdminWorld(use: (world: AdminWorld) => void | Promise<void>): void {
  offlineExceptLocalhost();
  beforeEach(async () => {
    await use(await adminWorld());
  });
}

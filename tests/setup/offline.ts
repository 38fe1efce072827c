/**
 * nock for a test file that talks to LINE (STYLE §3.11): nothing leaves the machine but
 * 127.0.0.1 (the app under supertest, Redis), and no interceptor outlives its test.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Registers the hooks in the current file or `describe`. */
export function offlineExceptLocalhost(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

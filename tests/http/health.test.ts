import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  createHttpApp,
  createMetricsRegistry,
  registerProcessMetrics,
} from '../../src/http/index.js';
import { captureLogger } from '../setup/capture-logger.js';

function app(checks: Parameters<typeof createHttpApp>[0]['checks']) {
  const metrics = createMetricsRegistry();
  return {
    metrics,
    app: createHttpApp({
      dispatch: () => {},
      contentReady: () => true,
      checks,
      metrics,
      logger: captureLogger(),
      info: { mode: 'local', city: 'testcity' },
      checkTimeoutMs: 100,
    }),
  };
}

describe('health routes', () => {
  it('/healthz answers while the process runs', async () => {
    const { app: a } = app({});
    const res = await supertest(a).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', mode: 'local', city: 'testcity' });
  });

  it('/readyz is 200 with detail when every check passes', async () => {
    const { app: a } = app({
      faq: async () => ({ ok: true, detail: '4 entries' }),
      store: async () => ({ ok: true, detail: 'redis' }),
    });
    const res = await supertest(a).get('/readyz').expect(200);
    expect(res.body).toEqual({
      ready: true,
      checks: { faq: { ok: true, detail: '4 entries' }, store: { ok: true, detail: 'redis' } },
    });
  });

  it('/readyz is 503 naming the failing check (error or no answer in time)', async () => {
    const { app: a } = app({
      faq: async () => ({ ok: false, detail: 'loading' }),
      store: () => Promise.reject(new Error('Connection is closed.')),
      slow: () => new Promise(() => {}),
    });
    const res = await supertest(a).get('/readyz').expect(503);
    expect(res.body).toEqual({
      ready: false,
      checks: {
        faq: { ok: false, detail: 'loading' },
        store: { ok: false, detail: 'Connection is closed.' },
        slow: { ok: false, detail: 'no answer within 100 ms' },
      },
    });
  });

  it('/metrics renders counters, histograms and gauges in the Prometheus text format', async () => {
    const { app: a, metrics } = app({});
    metrics.count('madoguchi_events_total', { type: 'message', mode: 'active' }, 2);
    metrics.count('madoguchi_verdicts_total', { verdict: 'answered' });
    metrics.observe('madoguchi_line_api_duration_seconds', 0.02, { endpoint: 'reply' });
    metrics.observe('madoguchi_line_api_duration_seconds', 0.3, { endpoint: 'reply' });
    metrics.count('madoguchi_line_api_errors_total', { endpoint: 'push', status: '500' });
    metrics.gauge('madoguchi_events_pending', 'Events queued or running.', () => 7);
    const res = await supertest(a).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(text).toContain('# TYPE madoguchi_events_total counter');
    expect(text).toContain('madoguchi_events_total{type="message",mode="active"} 2');
    expect(text).toContain('madoguchi_verdicts_total{verdict="answered"} 1');
    expect(text).toContain('# TYPE madoguchi_line_api_duration_seconds histogram');
    expect(text).toContain(
      'madoguchi_line_api_duration_seconds_bucket{endpoint="reply",le="0.025"} 1',
    );
    expect(text).toContain(
      'madoguchi_line_api_duration_seconds_bucket{endpoint="reply",le="0.5"} 2',
    );
    expect(text).toContain(
      'madoguchi_line_api_duration_seconds_bucket{endpoint="reply",le="+Inf"} 2',
    );
    expect(text).toContain('madoguchi_line_api_duration_seconds_count{endpoint="reply"} 2');
    expect(text).toContain('madoguchi_line_api_errors_total{endpoint="push",status="500"} 1');
    expect(text).toContain('madoguchi_events_pending 7');
  });

  it('answers 404 elsewhere and 413 to an oversized webhook body', async () => {
    const { app: a } = app({});
    await supertest(a).get('/nope').expect(404);
    await supertest(a)
      .post('/webhook')
      .set('content-type', 'application/json')
      .send('x'.repeat(1_100_000))
      .expect(413);
  });

  it('/metrics carries process gauges: event-loop delay, memory, uptime', () => {
    const metrics = createMetricsRegistry();
    const stop = registerProcessMetrics(metrics);
    const text = metrics.render();
    stop();
    for (const name of [
      'madoguchi_event_loop_delay_p99_seconds',
      'madoguchi_event_loop_delay_max_seconds',
      'madoguchi_heap_used_bytes',
      'madoguchi_resident_memory_bytes',
      'madoguchi_uptime_seconds',
    ]) {
      expect(text).toMatch(new RegExp(`^# TYPE ${name} gauge$`, 'm'));
      expect(text).toMatch(new RegExp(`^${name} [0-9.e+-]+$`, 'm'));
    }
  });
});

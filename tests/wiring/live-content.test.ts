import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/index.js';
import { createMetricsRegistry } from '../../src/http/index.js';
import { createLogger } from '../../src/log/index.js';
import { createLiveContent } from '../../src/wiring/index.js';
import { captureLogger } from '../setup/capture-logger.js';

const clock = { now: () => new Date('2026-04-15T00:00:00Z') };

function liveContent(env: Record<string, string>) {
  const result = readConfig({ FAQ_RELOAD: 'off', ...env });
  if (!result.ok) throw new Error(result.problems.join('; '));
  const logger = Object.assign(createLogger({ level: 'silent' }), captureLogger());
  const content = createLiveContent(
    { config: result.config, logger, clock },
    createMetricsRegistry(),
  );
  return { content, logger };
}

describe('createLiveContent', () => {
  it('says "loading" until the FAQ is in service, and the admin API is not ready', () => {
    const { content } = liveContent({});
    expect(content.current()).toBeUndefined();
    expect(() => content.get()).toThrow('FAQ not loaded: loading');
    expect(() => content.city()).toThrow(expect.objectContaining({ code: 'admin/not-ready' }));
    expect(content.readiness()).toEqual({ ok: false, detail: 'loading' });
    content.close();
  });

  it('keeps a failed first load for /readyz and logs it', async () => {
    const { content, logger } = liveContent({ CITY: 'nowhere' });
    content.start();
    await expect.poll(() => content.readiness().detail).toMatch(/unknown city "nowhere"/);
    expect(content.readiness().ok).toBe(false);
    expect(() => content.get()).toThrow(/FAQ not loaded: unknown city/);
    expect(logger.messages('error')).toEqual(['FAQ could not be loaded; /readyz reports it']);
    content.close();
  });
});

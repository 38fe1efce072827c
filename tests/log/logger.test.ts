import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/index.js';

function collect() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (s: string) => void lines.push(JSON.parse(s)) } };
}

describe('createLogger', () => {
  it('writes JSON lines with a level label and an ISO time, redacted', () => {
    const { lines, destination } = collect();
    const logger = createLogger({ level: 'info', userIdHashKey: 'k'.repeat(32), destination });
    logger.info(
      { userId: 'Uaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', text: '電話 090-1234-5678' },
      'question from Uaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: 123456789012',
    );
    logger.debug({ hidden: true }, 'below the level');
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.level).toBe('info');
    expect(typeof line.time).toBe('string');
    const json = JSON.stringify(line);
    expect(json).not.toContain('Uaaaaaaaa');
    expect(json).not.toContain('123456789012');
    expect(json).not.toContain('1234-5678');
    expect(line.msg).toMatch(/^question from uid:[0-9a-f]{16}: \[マイナンバー削除\]$/);
    expect(logger.randomHashKey).toBe(false);
  });

  it('uses a random key when none is given, and says so', () => {
    const { destination } = collect();
    expect(createLogger({ destination }).randomHashKey).toBe(true);
  });

  it('serialises errors with their code, redacting their message', () => {
    const { lines, destination } = collect();
    const logger = createLogger({ destination, userIdHashKey: 'x'.repeat(32) });
    const err = Object.assign(new Error('mail me at someone@example.com'), { code: 'x/y' });
    logger.error({ err }, 'failed');
    expect(lines[0]).toMatchObject({
      level: 'error',
      err: { type: 'Error', code: 'x/y', message: 'mail me at s***@example.com' },
    });
  });
});

// The スマホ教室 settings in the environment: the weekly announcement time and the tick.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/index.js';

describe('CLASS_ANNOUNCE_AT and CLASS_TICK_SECONDS', () => {
  it('default to Monday 10:00 JST and 5 minutes', () => {
    const r = readConfig({});
    expect(r.ok && r.config.classes).toEqual({
      announceAt: { weekday: 1, time: '10:00' },
      tickSeconds: 300,
    });
  });

  it('read a weekday and time, or off', () => {
    const r = readConfig({ CLASS_ANNOUNCE_AT: '金曜 18:30', CLASS_TICK_SECONDS: '60' });
    expect(r.ok && r.config.classes).toEqual({
      announceAt: { weekday: 5, time: '18:30' },
      tickSeconds: 60,
    });
    const off = readConfig({ CLASS_ANNOUNCE_AT: 'off' });
    expect(off.ok && off.config.classes.announceAt).toBe('off');
  });

  it('name the problem', () => {
    const r = readConfig({ CLASS_ANNOUNCE_AT: 'monday', CLASS_TICK_SECONDS: '5' });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.join('\n')).toContain(
      'CLASS_ANNOUNCE_AT: a weekly time must look like "mon 10:00"',
    );
    expect(problems.join('\n')).toContain('CLASS_TICK_SECONDS');
  });
});

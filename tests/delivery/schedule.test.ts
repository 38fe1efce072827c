import { describe, expect, it } from 'vitest';
import {
  formatJst,
  isQuiet,
  jstDateStamp,
  parseQuietHours,
  planSendTime,
} from '../../src/delivery/index.js';
import { parseSendAt } from '../../src/schema/index.js';

const jst = (s: string) => parseSendAt(s)!;
const quiet = { start: 21, end: 8 };

describe('parseSendAt', () => {
  it('reads a time without offset as JST', () => {
    expect(parseSendAt('2026-04-01 09:30')?.toISOString()).toBe('2026-04-01T00:30:00.000Z');
    expect(parseSendAt('2026-04-01T09:30:15')?.toISOString()).toBe('2026-04-01T00:30:15.000Z');
  });
  it('honours an explicit offset', () => {
    expect(parseSendAt('2026-04-01T09:30Z')?.toISOString()).toBe('2026-04-01T09:30:00.000Z');
    expect(parseSendAt('2026-04-01T09:30+09:00')?.toISOString()).toBe('2026-04-01T00:30:00.000Z');
  });
  it('refuses times that do not exist', () => {
    for (const bad of [
      '2026-02-30 09:00',
      '2026-13-01 09:00',
      '2026-04-01 24:00',
      'tomorrow',
      '',
    ]) {
      expect(parseSendAt(bad)).toBeUndefined();
    }
  });
});

describe('night hold', () => {
  it('knows the quiet hours across midnight, start inclusive and end exclusive', () => {
    expect(isQuiet(jst('2026-04-01 20:59'), quiet)).toBe(false);
    expect(isQuiet(jst('2026-04-01 21:00'), quiet)).toBe(true);
    expect(isQuiet(jst('2026-04-02 03:00'), quiet)).toBe(true);
    expect(isQuiet(jst('2026-04-02 07:59'), quiet)).toBe(true);
    expect(isQuiet(jst('2026-04-02 08:00'), quiet)).toBe(false);
    expect(isQuiet(jst('2026-04-02 13:00'), { start: 12, end: 14 })).toBe(true);
    expect(isQuiet(jst('2026-04-02 03:00'), undefined)).toBe(false);
  });

  it('holds a non-urgent notice confirmed at 22:00 JST until 08:00 the next morning', () => {
    const plan = planSendTime({ now: jst('2026-04-01 22:00'), urgent: false, quiet });
    expect(plan).toEqual({ at: jst('2026-04-02 08:00'), held: true });
  });

  it('holds one confirmed at 02:00 JST until 08:00 the same morning', () => {
    const plan = planSendTime({ now: jst('2026-04-02 02:00'), urgent: false, quiet });
    expect(formatJst(plan.at)).toBe('2026-04-02 08:00');
    expect(plan.held).toBe(true);
  });

  it('sends an urgent notice at night at once', () => {
    const now = jst('2026-04-01 23:30');
    expect(planSendTime({ now, urgent: true, quiet })).toEqual({ at: now, held: false });
  });

  it('holds a notice scheduled for 21:30 until the morning, and keeps a daytime schedule', () => {
    const now = jst('2026-04-01 10:00');
    expect(
      planSendTime({ now, requested: jst('2026-04-01 21:30'), urgent: false, quiet }).at,
    ).toEqual(jst('2026-04-02 08:00'));
    expect(planSendTime({ now, requested: jst('2026-04-01 15:00'), urgent: false, quiet })).toEqual(
      {
        at: jst('2026-04-01 15:00'),
        held: false,
      },
    );
  });

  it('uses configurable hours, or none', () => {
    expect(parseQuietHours('22-6')).toEqual({ start: 22, end: 6 });
    expect(parseQuietHours('off')).toBeUndefined();
    const now = jst('2026-04-01 21:30');
    expect(planSendTime({ now, urgent: false, quiet: parseQuietHours('22-6') }).held).toBe(false);
    expect(planSendTime({ now, urgent: false, quiet: undefined }).held).toBe(false);
    expect(() => parseQuietHours('9pm-8am')).toThrow(/quiet hours/);
    expect(() => parseQuietHours('8-8')).toThrow(/different/);
  });

  it('refuses a send time that has passed, but treats a few minutes late as now', () => {
    const now = jst('2026-04-01 10:00');
    expect(() =>
      planSendTime({ now, requested: jst('2026-04-01 09:00'), urgent: false, quiet }),
    ).toThrow(expect.objectContaining({ code: 'broadcast/send-time-passed' }));
    expect(
      planSendTime({ now, requested: jst('2026-04-01 09:55'), urgent: false, quiet }).at,
    ).toEqual(now);
  });

  it('formats JST for staff', () => {
    expect(formatJst(new Date('2026-03-31T23:00:00Z'))).toBe('2026-04-01 08:00');
    expect(jstDateStamp(new Date('2026-03-31T23:00:00Z'))).toBe('20260401');
  });
});

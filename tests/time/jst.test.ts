import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatJst,
  jstDay,
  jstDayStart,
  jstInstant,
  jstMinutes,
  jstMonth,
  monthStart,
} from '../../src/time/index.js';

describe('Japan time', () => {
  it('turns the day, month and minutes at 15:00 UTC (midnight JST)', () => {
    const before = new Date('2026-12-31T14:59:00Z');
    const after = new Date('2026-12-31T15:00:00Z');
    expect(jstDay(before)).toBe('2026-12-31');
    expect(jstDay(after)).toBe('2027-01-01');
    expect(jstMonth(after)).toBe('2027-01');
    expect(jstMinutes(before)).toBe(23 * 60 + 59);
    expect(jstMinutes(after)).toBe(0);
  });
  it('reads wall-clock times back as instants', () => {
    expect(jstInstant('2026-04-01', '08:00').toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(jstInstant('2026-04-01', '8:00').toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(jstDayStart('2027-01-01').toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(formatJst(new Date('2026-03-31T23:05:00Z'))).toBe('2026-04-01 08:05');
  });
  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-25', '2027-01-08')).toBe(14);
    expect(monthStart('2026-12-15', 1)).toBe('2027-01-01');
    expect(monthStart('2026-01-31', -1)).toBe('2025-12-01');
  });
});

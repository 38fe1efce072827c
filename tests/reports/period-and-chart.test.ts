import { describe, expect, it } from 'vitest';
import {
  barChartSvg,
  jstDate,
  jstMonth,
  monthRange,
  retentionCutoff,
  sparkline,
} from '../../src/reports/index.js';

describe('JST months and retention', () => {
  it('a month runs from JST midnight of the 1st to JST midnight of the next 1st', () => {
    const r = monthRange('2026-12');
    expect(r.from.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(r.days).toHaveLength(31);
    expect(monthRange('2028-02').days).toHaveLength(29);
  });

  it('reads the JST month and day of an instant whatever the server zone', () => {
    expect(jstMonth(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
    expect(jstDate(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31');
  });

  it('retention cutoff: the same instant N calendar months earlier', () => {
    const cut = (iso: string, m: number) => retentionCutoff(new Date(iso), m).toISOString();
    expect(cut('2027-05-10T03:00:00.000Z', 13)).toBe('2026-04-10T03:00:00.000Z');
    expect(cut('2026-03-31T00:00:00.000Z', 1)).toBe('2026-02-28T00:00:00.000Z');
    expect(cut('2026-01-15T00:00:00.000Z', 1)).toBe('2025-12-15T00:00:00.000Z');
  });
});

describe('charts', () => {
  it('sparkline: one character per day, · for none, █ for the busiest', () => {
    expect(sparkline([0, 1, 2, 4, 8, 0])).toBe('·▁▂▄█·');
    expect(sparkline([0, 0])).toBe('··');
    expect(sparkline([])).toBe('');
  });

  it('SVG: one bar per day with a tooltip, escaped text, nothing external', () => {
    const svg = barChartSvg([1, 0, 3], { labels: ['d1', 'd2', 'd3'], title: 'A & <B>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('<title>d3: 3</title>');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).not.toMatch(/<script|href=/);
  });
});

/** Small charts of a month's daily question counts: a text sparkline and a bar-chart SVG. */

const BARS = '▁▂▃▄▅▆▇█';

/**
 * One character per day: `·` for a day without questions, then ▁ … █ scaled to the busiest
 * day (any day with questions gets at least ▁, so quiet days still show).
 */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => {
      if (v <= 0 || max === 0) return '·';
      const level = Math.ceil((v / max) * BARS.length) - 1;
      return BARS[Math.min(BARS.length - 1, Math.max(0, level))];
    })
    .join('');
}

export interface SvgOptions {
  /** Labels of the values, e.g. the days `YYYY-MM-DD`; shown as each bar's tooltip. */
  labels?: readonly string[];
  title?: string;
  width?: number;
  height?: number;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained SVG bar chart (no scripts, no external resources). */
export function barChartSvg(values: readonly number[], options: SvgOptions = {}): string {
  const width = options.width ?? 620;
  const height = options.height ?? 140;
  const top = options.title ? 24 : 8;
  const bottom = 18;
  const left = 36;
  const plot = height - top - bottom;
  const max = Math.max(1, ...values);
  const step = (width - left - 4) / Math.max(1, values.length);
  const bar = Math.max(1, step * 0.8);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="10">`,
  ];
  if (options.title) {
    parts.push(`<text x="${left}" y="14" font-size="12">${escapeXml(options.title)}</text>`);
  }
  parts.push(
    `<text x="${left - 4}" y="${top + 8}" text-anchor="end">${max}</text>`,
    `<text x="${left - 4}" y="${top + plot}" text-anchor="end">0</text>`,
    `<line x1="${left}" y1="${top + plot}" x2="${width - 4}" y2="${top + plot}" stroke="#999"/>`,
  );
  values.forEach((v, i) => {
    const h = Math.round((v / max) * plot * 10) / 10;
    const x = Math.round((left + i * step) * 10) / 10;
    const label = options.labels?.[i] ?? String(i + 1);
    parts.push(
      `<rect x="${x}" y="${Math.round((top + plot - h) * 10) / 10}" width="${Math.round(bar * 10) / 10}" height="${h}" fill="#2b7bb9"><title>${escapeXml(label)}: ${v}</title></rect>`,
    );
    if (i === 0 || (i + 1) % 5 === 0) {
      parts.push(
        `<text x="${Math.round((x + bar / 2) * 10) / 10}" y="${height - 4}" text-anchor="middle">${i + 1}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}

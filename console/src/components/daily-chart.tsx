/**
 * Questions per day as an inline SVG bar chart (no chart library), with a one-line summary as
 * its accessible name and the same figures as a table under 「表で見る」.
 */
import { formatCount, shortDay } from '../display-format.js';

const W = 640;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };

/** A round step for the y axis: 1, 2, 5, 10, 20, 50, … so labels stay readable. */
function niceStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const p = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough) ?? p * 10;
}

export function DailyChart(props: { days: string[]; counts: number[]; label: string }) {
  const { days, counts } = props;
  const max = Math.max(0, ...counts);
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = counts.indexOf(max);
  const summary =
    days.length === 0
      ? `${props.label}: データがありません`
      : total === 0
        ? `${props.label}: ${shortDay(days[0]!)}〜${shortDay(days[days.length - 1]!)} の質問はありません`
        : `${props.label}: ${shortDay(days[0]!)}〜${shortDay(days[days.length - 1]!)} の合計 ${formatCount(total)}件、最も多い日は ${shortDay(days[peak] ?? '')} の ${formatCount(max)}件`;

  return (
    <figure class="daily-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} class="grid" />
            <text x={PAD.left - 6} y={y(t) + 4} class="axis" text-anchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {counts.map((c, i) => (
          <rect
            key={days[i]}
            x={PAD.left + i * slot + slot * 0.15}
            y={y(c)}
            width={slot * 0.7}
            height={Math.max(0, PAD.top + plotH - y(c))}
            class="bar"
          >
            <title>
              {shortDay(days[i] ?? '')}: {formatCount(c)}件
            </title>
          </rect>
        ))}
        {days.map((d, i) =>
          i % 5 === 0 || i === days.length - 1 ? (
            <text
              key={d}
              x={PAD.left + i * slot + slot / 2}
              y={H - 8}
              class="axis"
              text-anchor="middle"
            >
              {shortDay(d)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption class="muted">{summary}</figcaption>
      <details>
        <summary>表で見る</summary>
        <table class="table compact">
          <caption class="visually-hidden">{props.label}</caption>
          <thead>
            <tr>
              <th scope="col">日付</th>
              <th scope="col" class="num">
                件数
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td class="num">{formatCount(counts[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

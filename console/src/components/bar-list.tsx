/**
 * Counts as horizontal bars with their figures (segment sizes by topic, by area). A real list
 * with the number in text, so a screen reader reads "防災・緊急 1,234人"; the bar is decoration.
 */
import { formatCount } from '../display-format.js';

export function BarList(props: {
  label: string;
  items: Array<{ id: string; label: string; count: number }>;
  unit?: string;
}) {
  const max = Math.max(1, ...props.items.map((i) => i.count));
  const unit = props.unit ?? '人';
  if (props.items.length === 0) return <p class="muted">データがありません。</p>;
  return (
    <ul class="bar-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.id}>
          <span class="bar-label">{item.label}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar-fill" style={{ width: `${(item.count / max) * 100}%` }} />
          </span>
          <span class="bar-value">
            {formatCount(item.count)}
            {unit}
          </span>
        </li>
      ))}
    </ul>
  );
}

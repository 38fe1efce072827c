/**
 * A small Prometheus registry (text exposition format 0.0.4): counters, histograms and gauges
 * read at scrape time. Hand-written to avoid a dependency; it implements the `Metrics` port.
 */
import type { MetricLabels, Metrics } from '../ports.js';

type Kind = 'counter' | 'histogram' | 'gauge';
interface Def {
  kind: Kind;
  help: string;
  buckets?: number[];
}

/** Seconds; LINE's reply API usually answers in tens of milliseconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The metrics the bot emits, with their help text. Unknown names are accepted as well. */
const DEFS: Record<string, Def> = {
  madoguchi_webhook_requests_total: { kind: 'counter', help: 'Webhook requests by HTTP status.' },
  madoguchi_events_total: { kind: 'counter', help: 'Webhook events by type and mode.' },
  madoguchi_events_duplicate_total: { kind: 'counter', help: 'Redelivered events skipped.' },
  madoguchi_events_dropped_total: { kind: 'counter', help: 'Events with malformed known fields.' },
  madoguchi_verdicts_total: { kind: 'counter', help: 'Search verdicts of asked questions.' },
  madoguchi_feedback_total: { kind: 'counter', help: 'Answer feedback by helpfulness.' },
  madoguchi_replies_total: {
    kind: 'counter',
    help: 'Replies by result (sent, failed, pushed, lost).',
  },
  madoguchi_turn_errors_total: { kind: 'counter', help: 'Turns where the dialog threw.' },
  madoguchi_store_errors_total: { kind: 'counter', help: 'Store operations that failed, by op.' },
  madoguchi_line_api_duration_seconds: {
    kind: 'histogram',
    help: 'LINE API call latency per attempt, by endpoint.',
    buckets: LATENCY_BUCKETS,
  },
  madoguchi_line_api_errors_total: {
    kind: 'counter',
    help: 'LINE API errors by endpoint and status.',
  },
  madoguchi_line_quota_exceeded_total: { kind: 'counter', help: 'Monthly quota 429s from LINE.' },
  madoguchi_broadcasts_started_total: { kind: 'counter', help: 'Broadcasts that started sending.' },
  madoguchi_broadcasts_finished_total: { kind: 'counter', help: 'Finished broadcasts by state.' },
  madoguchi_broadcast_batches_total: {
    kind: 'counter',
    help: 'Broadcast batches settled: delivered, cancelled, or the failure reason.',
  },
  madoguchi_broadcast_recipients_total: {
    kind: 'counter',
    help: 'Broadcast recipients by batch status.',
  },
  madoguchi_broadcast_rate_limited_total: {
    kind: 'counter',
    help: 'Broadcast batches LINE rate-limited (429), sent again later.',
  },
};

interface Series {
  labels: MetricLabels;
  value: number;
  /** Histograms: cumulative counts per bucket, and the sum. */
  counts?: number[];
  sum?: number;
}

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function labelText(labels: MetricLabels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escape(String(v))}"`);
  if (extra) pairs.push(`${extra[0]}="${extra[1]}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

/** Call sites pass labels in a fixed order, so no sorting is needed for a stable key. */
function seriesKey(labels: MetricLabels): string {
  let key = '';
  for (const k in labels) key += `${k}\u0000${labels[k]}\u0001`;
  return key;
}

export interface MetricsRegistry extends Metrics {
  /** Registers a gauge whose value is read at every scrape. */
  gauge(name: string, help: string, read: () => number): void;
  /** The Prometheus text exposition. */
  render(): string;
}

export function createMetricsRegistry(): MetricsRegistry {
  const series = new Map<string, Map<string, Series>>();
  const gauges = new Map<string, { help: string; read: () => number }>();
  const defOf = (name: string, kind: Kind): Def => DEFS[name] ?? { kind, help: name };

  function seriesOf(name: string, labels: MetricLabels): Series {
    let byLabels = series.get(name);
    if (!byLabels) series.set(name, (byLabels = new Map()));
    const key = seriesKey(labels);
    let s = byLabels.get(key);
    if (!s) byLabels.set(key, (s = { labels: { ...labels }, value: 0 }));
    return s;
  }

  return {
    count(name, labels = {}, by = 1) {
      seriesOf(name, labels).value += by;
    },
    observe(name, value, labels = {}) {
      const buckets = defOf(name, 'histogram').buckets ?? LATENCY_BUCKETS;
      const s = seriesOf(name, labels);
      s.counts ??= buckets.map(() => 0);
      s.sum = (s.sum ?? 0) + value;
      s.value += 1;
      buckets.forEach((b, i) => {
        if (value <= b) s.counts![i]! += 1;
      });
    },
    gauge(name, help, read) {
      gauges.set(name, { help, read });
    },
    render() {
      const out: string[] = [];
      for (const [name, byLabels] of [...series].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const first = byLabels.values().next().value;
        const def = defOf(name, first?.counts ? 'histogram' : 'counter');
        out.push(`# HELP ${name} ${def.help}`, `# TYPE ${name} ${def.kind}`);
        for (const s of byLabels.values()) {
          if (s.counts) {
            const buckets = def.buckets ?? LATENCY_BUCKETS;
            buckets.forEach((b, i) =>
              out.push(`${name}_bucket${labelText(s.labels, ['le', String(b)])} ${s.counts![i]}`),
            );
            out.push(`${name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.value}`);
            out.push(`${name}_sum${labelText(s.labels)} ${s.sum ?? 0}`);
            out.push(`${name}_count${labelText(s.labels)} ${s.value}`);
          } else {
            out.push(`${name}${labelText(s.labels)} ${s.value}`);
          }
        }
      }
      for (const [name, g] of gauges) {
        out.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`, `${name} ${g.read()}`);
      }
      return out.join('\n') + '\n';
    },
  };
}

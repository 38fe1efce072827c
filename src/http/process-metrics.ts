/**
 * Process gauges for `/metrics`: event-loop delay (a stalled loop means late webhook answers:
 * LINE waits 2 s), heap and resident memory, uptime.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricsRegistry } from './metrics.js';

/** Registers the gauges; call once per process. Returns a function that stops the sampler. */
export function registerProcessMetrics(registry: MetricsRegistry): () => void {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  const started = Date.now();
  // Each scrape reports the delay since the previous scrape.
  let lastP99 = 0;
  let lastMax = 0;
  const sample = () => {
    lastP99 = delay.percentile(99) / 1e9;
    lastMax = delay.max / 1e9;
    delay.reset();
  };
  registry.gauge(
    'madoguchi_event_loop_delay_p99_seconds',
    'Event-loop delay p99 since the last scrape.',
    () => {
      sample();
      return lastP99;
    },
  );
  registry.gauge(
    'madoguchi_event_loop_delay_max_seconds',
    'Event-loop delay max since the last scrape (read with the p99 gauge).',
    () => lastMax,
  );
  registry.gauge(
    'madoguchi_heap_used_bytes',
    'V8 heap in use.',
    () => process.memoryUsage().heapUsed,
  );
  registry.gauge('madoguchi_resident_memory_bytes', 'Resident set size.', () =>
    process.memoryUsage.rss(),
  );
  registry.gauge(
    'madoguchi_uptime_seconds',
    'Seconds since start.',
    () => (Date.now() - started) / 1000,
  );
  return () => delay.disable();
}

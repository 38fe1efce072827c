/** @module http: the express app (`/webhook`, `/healthz`, `/readyz`, `/metrics`) and the metrics registry. */
export { createHttpApp } from './app.js';
export type { HttpDeps } from './app.js';
export type { CheckResult, ReadinessCheck } from './health-routes.js';
export { createMetricsRegistry } from './metrics.js';
export type { MetricsRegistry } from './metrics.js';
export { registerProcessMetrics } from './process-metrics.js';
export type { AdminDeps } from './admin/router.js';
export type { TrustProxy } from './app.js';
export type { AdminSessionDeps } from './admin/session-auth.js';
export { departmentsOf } from './admin/console-deps.js';

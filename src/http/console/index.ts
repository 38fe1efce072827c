/** @module http/console: the built web console under `/admin` (static files, SPA pages, CSP). */
export { consoleRouter } from './console-router.js';
export type { ConsoleDeps } from './console-router.js';
export { CONSOLE_CSP, consoleSecurityHeaders } from './security-headers.js';
